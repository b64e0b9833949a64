"""Fact kinds and node kinds: the one declaration every reader of the graph derives from.

A fact kind (``member_of``, ``funds``...) reads "subject <phrase> object" and is stored, as
``docs/ontology.md`` says, as

* direct edges: :attr:`FactKind.predicates`, each a triple ``subject p object`` or, when
  ``reverse``, ``object p subject`` (``?item schema:funder ?funder`` for funds,
  ``?org org:hasMember ?member`` for member_of);
* and/or a fact node of class :attr:`FactKind.node` whose :attr:`FactKind.subject_role` and
  :attr:`FactKind.object_role` properties name the two ends (``org:member`` /
  ``org:organization`` of an ``org:Membership``), carrying dates, roles, amounts, evidence.

The same row gives the projection's weight and symmetry, the explanation phrases (English and
French, read forwards and backwards) and the property-graph relationship type. The projection,
the evidence reader, the facts listing, the statistics, the GraphML export and the Bolt mapping
all read this table; none repeats a predicate of it.

The organization kinds (``Company``, ``Hospital``...) are generated from ``innograph.ttl``
(``python -m innograph.ontology.generate``) and exported here as :data:`ORG_KINDS`.

>>> KINDS["member_of"].edge == str(ORG.memberOf)
True
>>> sorted(k.name for k in KINDS.values() if k.node == str(ORG.Post))
['holds_post']
>>> edge_kind(str(ORG.hasMember), subject_is_event=False)
('member_of', True)
>>> KINDS["funds"].relationship, KINDS["funds"].phrase(forward=False, lang="fr")
('FUNDS', 'a été financé par')
>>> "Hospital" in ORG_KINDS and str(IG.Hospital) in NODE_CLASSES
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib.namespace import OWL

from innograph.ontology.ns import DCTERMS, FOAF, IG, ORG, ORG_KIND_NAMES, PROV, SDO, SKOS, TIME

# -- node kinds ------------------------------------------------------------------------------------

#: The organization kinds, local names of the ``ig:`` subclasses of ``org:Organization``
#: (generated from the ontology).
ORG_KINDS: tuple[str, ...] = ORG_KIND_NAMES
#: Node kinds that are organizations: the kinds and plain ``Organization``.
ORGANIZATION_KINDS: frozenset[str] = frozenset((*ORG_KINDS, "Organization"))

#: Class IRI -> node kind, for the things the projection makes nodes of.
NODE_CLASSES: dict[str, str] = {
    **{str(getattr(IG, k)): k for k in ORG_KINDS},
    str(ORG.Organization): "Organization",
    str(FOAF.Person): "Person",
    str(IG.Project): "Project",
    str(SDO.Project): "Project",
    str(SDO.Event): "Event",
    str(SDO.Place): "Place",
}
#: Node kinds in the order users see them.
NODE_KINDS: tuple[str, ...] = (*sorted(ORGANIZATION_KINDS), "Person", "Project", "Event", "Place")
#: Other classes some readers show (articles are sources, not nodes of the projection).
ARTICLE_CLASS = str(SDO.NewsArticle)


def node_kind_rank(kind: str | None) -> int:
    """Which of several kinds a node keeps: an organization kind beats ``Organization``."""
    return -1 if kind is None else 0 if kind == "Organization" else 2 if kind in ORG_KINDS else 1


def node_kind(name: str) -> str | None:
    """The node kind called `name`, case-insensitively (``hospital`` -> ``Hospital``), else None."""
    folded = name.casefold()
    return next((k for k in NODE_KINDS if k.casefold() == folded), None)


# -- fact kinds ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Predicate:
    """A direct edge as stored: ``subject iri object``, or ``object iri subject`` when `reverse`."""

    iri: str
    reverse: bool = False


@dataclass(frozen=True)
class FactKind:
    """A kind of fact: how it is stored, weighed, phrased and pushed to a property graph."""

    name: str
    label: str
    predicates: tuple[Predicate, ...] = ()
    node: str | None = None                # fact node class
    subject_role: str | None = None        # fact node -> subject
    object_role: str | None = None         # fact node -> object (the same as subject_role: parties)
    not_node: str | None = None            # nodes of this class are another kind (participations)
    subject_class: str | None = None       # the kind holds only for subjects of this class
    symmetric: bool = False
    weight: float | None = None            # base weight in the projection; None: not projected
    period_from_object: bool = False       # the edge runs from the object's start to its end date
    phrases: dict[str, tuple[str, str]] = field(default_factory=dict)  # lang -> (forward, backward)
    relationship: str | None = None        # property-graph relationship type, subject -> object

    @property
    def edge(self) -> str | None:
        """The main direct edge predicate (the first declared)."""
        return self.predicates[0].iri if self.predicates else None

    @property
    def projected(self) -> bool:
        return self.weight is not None

    def phrase(self, *, forward: bool = True, lang: str = "en") -> str:
        """How to read the fact from its subject (`forward`) or from its object."""
        pair = self.phrases.get(lang) or self.phrases["en"]
        return pair[0 if forward else 1]


def _p(term, reverse: bool = False) -> Predicate:
    return Predicate(str(term), reverse)


def _phrases(en: tuple[str, str], fr: tuple[str, str]) -> dict[str, tuple[str, str]]:
    return {"en": en, "fr": fr}


_LOCATION = _p(SDO.location)

#: Every fact kind, in display order.
KINDS: dict[str, FactKind] = {k.name: k for k in (
    FactKind("member_of", "membership", (_p(ORG.memberOf), _p(ORG.hasMember, True)),
             str(ORG.Membership), str(ORG.member), str(ORG.organization), not_node=str(IG.Participation),
             weight=0.9, relationship="MEMBER_OF",
             phrases=_phrases(("is a member of", "has as a member"), ("est membre de", "a pour membre"))),
    FactKind("holds_post", "post held", (_p(SDO.worksFor),), str(ORG.Post), str(ORG.heldBy), str(ORG.postIn),
             weight=0.9, relationship="WORKS_FOR",
             phrases=_phrases(("works for", "employs"), ("travaille pour", "emploie"))),
    FactKind("funds", "funding", (_p(SDO.funder, True),), str(SDO.MonetaryGrant), str(SDO.funder),
             str(SDO.fundedItem), weight=0.7, period_from_object=True, relationship="FUNDS",
             phrases=_phrases(("funded", "was funded by"), ("a financé", "a été financé par"))),
    FactKind("supports", "support", (_p(SDO.sponsor, True),), weight=0.6, relationship="SUPPORTS",
             phrases=_phrases(("supports", "is supported by"), ("soutient", "est soutenu par"))),
    FactKind("partner_of", "partnership or agreement", (_p(IG.partnerOf),), str(IG.Agreement), str(IG.party),
             str(IG.party), symmetric=True, weight=1.0, relationship="PARTNER_OF",
             phrases=_phrases(("is a partner of", "is a partner of"), ("est partenaire de", "est partenaire de"))),
    FactKind("participates_in", "project participation", (_p(IG.participatesIn),), str(IG.Participation),
             str(IG.participant), str(IG.project), weight=0.9, period_from_object=True,
             relationship="PARTICIPATES_IN",
             phrases=_phrases(("takes part in", "has as a participant"), ("participe à", "a pour participant"))),
    FactKind("organizes", "event organizer", (_p(SDO.organizer, True),), weight=0.7, relationship="ORGANIZES",
             phrases=_phrases(("organizes", "is organized by"), ("organise", "est organisé par"))),
    FactKind("event_location", "event location", (_LOCATION,), subject_class=str(SDO.Event), weight=0.5,
             relationship="HELD_AT", phrases=_phrases(("takes place at", "hosts"), ("se tient à", "accueille"))),
    FactKind("located_in", "location", (_LOCATION,), weight=0.3, relationship="LOCATED_IN",
             phrases=_phrases(("is located in", "is the place of"), ("est situé à", "est le lieu de"))),
    FactKind("attends", "event attendee", (_p(SDO.attendee, True),), weight=0.6, relationship="ATTENDS",
             phrases=_phrases(("attends", "is attended by"), ("assiste à", "a pour visiteur"))),
    FactKind("created_by", "founder or creator", (_p(SDO.founder),), weight=0.8, relationship="CREATED_BY",
             phrases=_phrases(("was created by", "created"), ("a été créé par", "a créé"))),
    FactKind("quoted", "quotation", (), str(SDO.Quotation), str(SDO.creator), str(SDO.isPartOf),
             relationship="QUOTED_IN", phrases=_phrases(("is quoted in", "quotes"), ("est cité dans", "cite"))),
    FactKind("author_of", "authorship", (_p(SDO.author, True),), relationship="AUTHOR_OF",
             phrases=_phrases(("wrote", "was written by"), ("a écrit", "a été écrit par"))),
    FactKind("mentioned", "mention in an article", (_p(SDO.mentions, True),), relationship="MENTIONED_IN",
             phrases=_phrases(("is mentioned in", "mentions"), ("est cité dans", "cite"))),
    # Projection only: two entities named in one article (from schema:mentions, see MAX_CO_MENTIONS).
    FactKind("co_mentioned", "mentioned together", (), symmetric=True, weight=0.3, relationship="CO_MENTIONED",
             phrases=_phrases(("is mentioned with", "is mentioned with"), ("est cité avec", "est cité avec"))),
)}

#: Gold-file kinds that share a storage with another kind.
ALIASES = {"founded_by": "created_by"}

#: Kinds the facts listing reads (all but the projection's own co-mentions), in display order.
FACT_KINDS: tuple[str, ...] = tuple(k for k in KINDS if KINDS[k].predicates or KINDS[k].node)
#: Kinds that are edges of the projection, in display order.
EDGE_KINDS: tuple[str, ...] = tuple(k for k in KINDS if KINDS[k].projected)

#: Variants of a phrase, by the fact's details: (kind, variant) -> lang -> (forward, backward).
#: ``{role}`` is the role (a post's title). See :func:`innograph.queries.evidence.phrase`.
PHRASE_VARIANTS: dict[tuple[str, str], dict[str, tuple[str, str]]] = {
    ("member_of", "dated"): _phrases(("joined", "was joined by"), ("a rejoint", "a été rejoint par")),
    ("holds_post", "role"): _phrases(("is {role} of", "has as {role}"), ("est {role} de", "a pour {role}")),
    ("holds_post", "former role"): _phrases(("was {role} of", "had as {role}"), ("a été {role} de", "a eu pour {role}")),
    ("holds_post", "former"): _phrases(("worked for", "employed"), ("a travaillé pour", "a employé")),
    ("participates_in", "coordinator"): _phrases(("coordinates", "is coordinated by"), ("coordonne", "est coordonné par")),
    ("partner_of", "agreement"): _phrases(("signed an agreement with", "signed an agreement with"),
                                          ("a signé une convention avec", "a signé une convention avec")),
}

#: Attributes of fact nodes (not kinds): the role, title, date and amount paths readers use.
ROLE = str(ORG.role)
JOB_TITLE = str(SDO.jobTitle)
DATE = str(DCTERMS.date)
CURRENT = str(IG.current)

#: Object properties of the ontology that are not fact edges, each with why (the test
#: ``tests/ontology/test_kinds.py`` fails on an object property that is in neither place).
NOT_FACTS: dict[str, str] = {
    str(SKOS.inScheme): "classification scheme of a concept",
    str(ORG.classification): "organization classification (SME, start-up...)",
    str(ORG.role): "attribute of a membership or participation",
    str(ORG.memberDuring): "attribute of a membership (its interval)",
    str(TIME.hasBeginning): "attribute of an interval",
    str(TIME.hasEnd): "attribute of an interval",
    str(SDO.amount): "attribute of a grant",
    str(SDO.publisher): "source metadata: an article's publisher",
    str(SDO.url): "attribute: a web address",
    str(DCTERMS.source): "source metadata",
    str(PROV.wasDerivedFrom): "provenance of a fact",
    str(IG.mergedFrom): "entity resolution decision",
    str(IG.mergedInto): "entity resolution decision",
    str(IG.canonical): "entity resolution: the IRI that stands for a merged organization",
    str(IG.canonicalKind): "entity resolution: the kind settled on for a merged organization",
    str(OWL.sameAs): "entity resolution: one node (collapsed by the projection)",
    str(SDO.address): "attribute: a postal address",
    str(SDO.numberOfEmployees): "attribute: a size band",
    str(DCTERMS.subject): "attribute: a topic or activity",
}


def kind(name: str) -> FactKind:
    """The fact kind called `name` (aliases accepted); ValueError lists the valid names."""
    key = ALIASES.get(name, name)
    try:
        return KINDS[key]
    except KeyError:
        valid = ", ".join(sorted([*KINDS, *ALIASES]))
        raise ValueError(f"unknown fact kind {name!r}; use one of: {valid}") from None


def edge_kind(predicate: str, *, subject_is_event: bool = False) -> tuple[str, bool] | None:
    """(kind, reverse) of a direct edge `predicate`, or None; ``schema:location`` gives
    ``event_location`` for an event's place and ``located_in`` for anything else's."""
    found = _BY_PREDICATE.get(predicate)
    if found is None:
        return None
    candidates = [(k, rev) for k, rev in found if KINDS[k].subject_class is None or subject_is_event]
    if subject_is_event:
        candidates.sort(key=lambda c: KINDS[c[0]].subject_class is None)
    return candidates[0] if candidates else None


def fact_predicates() -> set[str]:
    """Every predicate a fact kind is stored with: direct edges and fact node roles."""
    out: set[str] = set()
    for k in KINDS.values():
        out.update(p.iri for p in k.predicates)
        out.update(r for r in (k.subject_role, k.object_role) if r)
    return out


_BY_PREDICATE: dict[str, list[tuple[str, bool]]] = {}
for _k in KINDS.values():
    for _pred in _k.predicates:
        _BY_PREDICATE.setdefault(_pred.iri, []).append((_k.name, _pred.reverse))

__all__ = [
    "CURRENT", "DATE", "JOB_TITLE", "ROLE",
    "ALIASES", "ARTICLE_CLASS", "EDGE_KINDS", "FACT_KINDS", "KINDS", "NODE_CLASSES", "NODE_KINDS", "NOT_FACTS",
    "ORGANIZATION_KINDS", "ORG_KINDS", "PHRASE_VARIANTS", "FactKind", "Predicate", "edge_kind", "fact_predicates",
    "kind", "node_kind", "node_kind_rank",
]
