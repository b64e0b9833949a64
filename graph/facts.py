"""Writing facts as the ontology says: entities, direct edges, fact nodes with their evidence.

Every loader that produces facts (documents, tables, datasets) writes them through a
:class:`FactWriter`, so they all follow ``docs/ontology.md`` the same way. Fact node IRIs are
derived from the source and the fact's content, so loading the same source twice mints the
same IRIs. A fact kind without a node of its own (support, organizer, founder...) gets an
``rdf:Statement`` that carries its evidence, so every edge can say where it was read.

>>> w = FactWriter("https://w3id.org/innograph/source/example-0123")
>>> chu = w.organization("CHU de Nantes", kind="Hospital")
>>> cluster = w.organization("Cluster Seine", kind="Cluster")
>>> node = w.membership(chu, cluster, since="2020-01-16", evidence=Excerpt("Le CHU a rejoint le cluster.", 0, 28))
>>> len(w.triples) > 10
True
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS, XSD

from innograph.graph.iri import ID_BASE, mint, organization_iri, siren_from, slug
from innograph.ontology.kinds import ORG_KINDS
from innograph.ontology.ns import DCTERMS, FOAF, IG, ORG, PROV, SDO, SKOS, TIME

_N = ox.NamedNode


@functools.lru_cache(maxsize=4096)
def _iri(term) -> ox.NamedNode:
    return _N(str(term))


A = _iri(RDF.type)
LABEL = _iri(RDFS.label)


@functools.lru_cache(maxsize=1)
def standard_classes() -> dict[ox.NamedNode, tuple[ox.NamedNode, ...]]:
    """{ig: class: the classes of other vocabularies it is a subclass of, transitively}, read from
    the ontology (``ig:Project ⊑ schema:Project``...), so that a node typed with an ``ig:`` class
    is found by clients that know only schema.org, ORG or FOAF.

    >>> [c.value for c in standard_classes()[_iri(IG.Project)]]
    ['https://schema.org/Project']
    """
    from innograph.ontology import NAMESPACE, ontology_path

    supers: dict[str, set[str]] = {}
    sub_class_of = str(RDFS.subClassOf)
    for triple in ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE):
        if triple.predicate.value == sub_class_of and isinstance(triple.object, ox.NamedNode):
            supers.setdefault(triple.subject.value, set()).add(triple.object.value)

    def closure(cls: str, seen: set[str]) -> set[str]:
        for parent in supers.get(cls, ()):
            if parent not in seen:
                seen.add(parent)
                closure(parent, seen)
        return seen

    return {_N(cls): tuple(_N(c) for c in sorted(closure(cls, set())) if not c.startswith(NAMESPACE))
            for cls in supers if cls.startswith(NAMESPACE) and any(not c.startswith(NAMESPACE)
                                                                    for c in closure(cls, set()))}
_XSD = {name: _N(str(XSD) + name) for name in ("date", "decimal", "integer", "boolean", "gYearMonth", "gYear")}

_WEB = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


def project_iri(name: str, *, cordis_id: str | None = None) -> str:
    """IRI of a project: from its CORDIS id when known, else from its name."""
    return f"{ID_BASE}project/cordis/{str(cordis_id).strip()}" if cordis_id else mint("project", name)




@dataclass(frozen=True)
class Excerpt:
    """Where a fact was read: the sentence (or table row) and its character offsets."""

    text: str
    start: int | None = None
    end: int | None = None


#: The old name of :class:`Excerpt`, kept while loaders/documents.py and loaders/tabular.py
#: import it (queries.evidence.Evidence is what a reader shows of a hop: a different thing).
Evidence = Excerpt


def decimal_literal(value: Decimal | int | str | float) -> ox.Literal:
    """An xsd:decimal literal (0 included: a zero is a value, not a missing one)."""
    return ox.Literal(str(Decimal(str(value))), datatype=_XSD["decimal"])


def date_literal(value: str | _dt.date) -> ox.Literal:
    """An xsd:date, xsd:gYearMonth or xsd:gYear literal, from its ISO text.

    >>> date_literal("2016-07").datatype.value.rsplit("#")[-1]
    'gYearMonth'
    """
    text = value.isoformat() if isinstance(value, _dt.date) else str(value)
    kind = {10: "date", 7: "gYearMonth", 4: "gYear"}.get(len(text))
    if kind is None:
        raise ValueError(f"not an ISO date, year-month or year: {text!r}")
    return ox.Literal(text, datatype=_XSD[kind])


class FactWriter:
    """Collects the triples of one source's facts (``writer.triples``)."""

    def __init__(self, source_iri: str) -> None:
        self.source = _N(source_iri)
        self.triples: list[ox.Triple] = []
        self._seen: set[ox.Triple] = set()
        self._label: dict[str, str] = {}
        self._standard = standard_classes()

    def drain(self) -> list[ox.Triple]:
        """The triples written since the last drain, handed over and forgotten (for streaming).

        Which label each node got is remembered, so a node keeps one ``rdfs:label`` across drains.
        """
        out, self.triples, self._seen = self.triples, [], set()
        return out

    # -- plumbing ---------------------------------------------------------------------------
    def add(self, subject, predicate, obj) -> None:
        """Add a triple (once); an ``ig:`` class brings the standard classes above it along."""
        triple = ox.Triple(subject, _iri(predicate) if not isinstance(predicate, ox.NamedNode) else predicate, obj)
        if triple not in self._seen:
            self._seen.add(triple)
            self.triples.append(triple)
            if triple.predicate == A and obj in self._standard:
                for cls in self._standard[obj]:
                    self.add(subject, A, cls)

    def _fact_iri(self, kind: str, *parts: object) -> ox.NamedNode:
        key = "\x1f".join([self.source.value, kind, *map(str, parts)])
        return _N(f"{ID_BASE}fact/{kind}-{hashlib.sha256(key.encode()).hexdigest()[:16]}")

    def evidence(self, node: ox.NamedNode, evidence: Excerpt | None) -> None:
        """Attach provenance to a fact node: the source, the sentence, its offsets."""
        self.add(node, PROV.wasDerivedFrom, self.source)
        if evidence is None:
            return
        self.add(node, IG.evidence, ox.Literal(evidence.text))
        if evidence.start is not None and evidence.end is not None:
            self.add(node, IG.charStart, ox.Literal(str(evidence.start), datatype=_XSD["integer"]))
            self.add(node, IG.charEnd, ox.Literal(str(evidence.end), datatype=_XSD["integer"]))

    def _labelled(self, node: ox.NamedNode, types, name: str, aliases) -> ox.NamedNode:
        for t in types:
            self.add(node, A, _iri(t))
        # One rdfs:label per node (ontology.md): the first name this source gave it; every other
        # name it gives the same node becomes a skos:altLabel.
        label = self._label.setdefault(node.value, name)
        if label == name:
            self.add(node, LABEL, ox.Literal(name))
        else:
            self.add(node, SKOS.altLabel, ox.Literal(name))
        for alias in aliases:
            if alias and alias != label:
                self.add(node, SKOS.altLabel, ox.Literal(alias))
        return node

    # -- entities ---------------------------------------------------------------------------
    def organization(self, name: str, *, kind: str | None = None, iri: str | None = None,
                     siren: str | None = None, vat: str | None = None, cordis_id: str | None = None,
                     aliases=(), classification=()) -> ox.NamedNode:
        """An organization (``org:Organization`` plus its ``ig:`` kind), with identifiers."""
        node = _N(iri or organization_iri(name=name, siren=siren, vat=vat, cordis_id=cordis_id))
        types = [ORG.Organization]
        if kind:
            if kind not in ORG_KINDS:
                raise ValueError(f"unknown organization kind {kind!r}; use one of: {', '.join(ORG_KINDS)}")
            types.append(getattr(IG, kind))  # and its standard classes (org:OrganizationalCollaboration...)
        self._labelled(node, types, name, aliases)
        found = siren_from(siren=siren, vat=vat)
        if found:
            self.add(node, IG.siren, ox.Literal(found))
        if vat:
            self.add(node, IG.vatNumber, ox.Literal(vat))
        if cordis_id:
            self.add(node, IG.cordisId, ox.Literal(str(cordis_id)))
        for concept in classification:  # "SME", "LargeBuyer", "StartUp"
            self.add(node, ORG.classification, _iri(getattr(IG, concept)))
        return node

    def person(self, name: str, *, iri: str | None = None, aliases=()) -> ox.NamedNode:
        node = self._labelled(_N(iri or mint("person", name)), [FOAF.Person], name, aliases)
        self.add(node, FOAF.name, ox.Literal(name))
        return node

    def project(self, name: str, *, iri: str | None = None, cordis_id: str | None = None, aliases=(),
                title: str | None = None, start=None, end=None, status: str | None = None,
                scheme: str | None = None, description: str | None = None, total_cost=None,
                max_contribution=None) -> ox.NamedNode:
        """A project (``ig:Project``); `title` is its full name (``schema:name``), dates are ISO;
        `status`, funding `scheme`, `description` (an objective), `total_cost` and the funder's
        `max_contribution` (``ig:ecMaxContribution``: a ceiling, not a grant), in euros, if known."""
        node = _N(iri or project_iri(name, cordis_id=cordis_id))
        self._labelled(node, [IG.Project], name, aliases)
        if cordis_id:
            self.add(node, IG.cordisId, ox.Literal(str(cordis_id)))
        for predicate, text in ((SDO.name, title), (IG.projectStatus, status), (IG.fundingScheme, scheme),
                                (SDO.description, description)):
            if text:
                self.add(node, predicate, ox.Literal(text))
        for predicate, amount in ((IG.totalCost, total_cost),
                                  (IG.ecMaxContribution, max_contribution)):
            if amount is not None:
                self.add(node, predicate, decimal_literal(amount))
        if start:
            self.add(node, SDO.startDate, date_literal(start))
        if end:
            self.add(node, SDO.endDate, date_literal(end))
        return node

    def event(self, name: str, *, iri: str | None = None, start=None, end=None, aliases=()) -> ox.NamedNode:
        node = self._labelled(_N(iri or mint("event", name)), [SDO.Event], name, aliases)
        if start:
            self.add(node, SDO.startDate, date_literal(start))
        if end:
            self.add(node, SDO.endDate, date_literal(end))
        return node

    def place(self, name: str, *, iri: str | None = None, aliases=()) -> ox.NamedNode:
        return self._labelled(_N(iri or mint("place", name)), [SDO.Place], name, aliases)

    # -- descriptions of entities (tables and registers) ------------------------------------
    def address(self, node, *, street: str | None = None, postal_code: str | None = None,
                locality: str | None = None, country: str | None = None) -> ox.NamedNode | None:
        """A ``schema:PostalAddress`` of `node` with the parts given (None when none is)."""
        parts = ((SDO.streetAddress, street), (SDO.postalCode, postal_code),
                 (SDO.addressLocality, locality), (SDO.addressCountry, country))
        if not any(value for _, value in parts):
            return None
        address = _N(node.value + "#address")
        self.add(node, SDO.address, address)
        self.add(address, A, _iri(SDO.PostalAddress))
        for predicate, value in parts:
            if value:
                self.add(address, predicate, ox.Literal(str(value)))
        return address

    def url(self, node, url: str) -> bool:
        """``schema:url`` of `node`, when `url` is a usable web address (scheme added if missing)."""
        text = url.strip()
        if text and "://" not in text:
            text = "http://" + text
        if not _WEB.match(text):
            return False
        self.add(node, SDO.url, _N(text))
        return True

    def concept(self, scheme: str, label: str, *, notation: str | None = None) -> ox.NamedNode:
        """A ``skos:Concept`` of the ``ig:`` scheme `scheme` (NAFActivity, Sector, CordisTopic).

        Its IRI comes from the notation (a code) when given, else from the folded label.
        """
        node = _N(f"{ID_BASE}concept/{slug(scheme)}/{slug(notation or label)}")
        self.add(node, A, _iri(SKOS.Concept))
        self.add(node, SKOS.inScheme, _iri(getattr(IG, scheme)))
        if node.value not in self._label:
            self._label[node.value] = label
            self.add(node, SKOS.prefLabel, ox.Literal(label))
        if notation:
            self.add(node, SKOS.notation, ox.Literal(notation))
        return node

    def classify(self, node, concept) -> None:
        """``org:classification``: a size class (ig:SME...), a NAF activity or a sector concept."""
        self.add(node, ORG.classification, concept if isinstance(concept, ox.NamedNode) else _iri(concept))

    def employees(self, node, *, minimum: int | None = None, maximum: int | None = None,
                  exact: int | None = None) -> ox.NamedNode | None:
        """``schema:numberOfEmployees``: a band (`minimum`..`maximum`) or an `exact` headcount."""
        if minimum is None and maximum is None and exact is None:
            return None
        value = _N(node.value + "#employees")
        self.add(node, SDO.numberOfEmployees, value)
        self.add(value, A, _iri(SDO.QuantitativeValue))
        for predicate, number in ((SDO.minValue, minimum), (SDO.maxValue, maximum), (SDO.value, exact)):
            if number is not None:
                self.add(value, predicate, ox.Literal(str(int(number)), datatype=_XSD["integer"]))
        return value

    def subject(self, item, concept) -> None:
        """``dcterms:subject``: a topic of a project."""
        self.add(item, DCTERMS.subject, concept)

    # -- facts with a node ------------------------------------------------------------------
    def membership(self, member, organization, *, since=None, role: str | None = None,
                   evidence: Excerpt | None = None) -> ox.NamedNode:
        """member_of: ``org:memberOf``/``org:hasMember`` edges and an ``org:Membership``."""
        self.add(member, ORG.memberOf, organization)
        self.add(organization, ORG.hasMember, member)
        node = self._fact_iri("membership", member.value, organization.value)
        self.add(node, A, _iri(ORG.Membership))
        self.add(node, ORG.member, member)
        self.add(node, ORG.organization, organization)
        if role:
            self.add(node, ORG.role, ox.Literal(role))
        if since:
            interval = _N(node.value + "-during")
            instant = _N(node.value + "-start")
            self.add(node, ORG.memberDuring, interval)
            self.add(interval, A, _iri(TIME.Interval))
            self.add(interval, TIME.hasBeginning, instant)
            self.add(instant, A, _iri(TIME.Instant))
            when = date_literal(since)  # a year or a month, as tables often give, has its own property
            precision = {"date": TIME.inXSDDate, "gYearMonth": TIME.inXSDgYearMonth, "gYear": TIME.inXSDgYear}
            self.add(instant, precision[when.datatype.value.rsplit("#", 1)[-1]], when)
        self.evidence(node, evidence)
        return node

    def post(self, person, organization, *, title: str | None = None, current: bool = True,
             evidence: Excerpt | None = None) -> ox.NamedNode:
        """holds_post: an ``org:Post`` (and ``schema:worksFor`` when current)."""
        if current:
            self.add(person, SDO.worksFor, organization)
        node = self._fact_iri("post", person.value, organization.value, title or "")
        self.add(node, A, _iri(ORG.Post))
        self.add(node, ORG.heldBy, person)
        self.add(node, ORG.postIn, organization)
        if title:
            self.add(node, SDO.jobTitle, ox.Literal(title))
        self.add(node, IG.current, ox.Literal("true" if current else "false", datatype=_XSD["boolean"]))
        self.evidence(node, evidence)
        return node

    def grant(self, funder, item, *, amount: Decimal | int | str | None = None, currency: str = "EUR",
              evidence: Excerpt | None = None, iri: str | None = None) -> ox.NamedNode:
        """funds: ``schema:funder`` on the item and a ``schema:MonetaryGrant`` (with its amount)."""
        self.add(item, SDO.funder, funder)
        node = _N(iri) if iri else self._fact_iri("grant", funder.value, item.value, amount or "")
        self.add(node, A, _iri(SDO.MonetaryGrant))
        self.add(node, SDO.funder, funder)
        self.add(node, SDO.fundedItem, item)
        if amount is not None:
            money = _N(node.value + "-amount")
            self.add(node, SDO.amount, money)
            self.add(money, A, _iri(SDO.MonetaryAmount))
            self.add(money, SDO.value, decimal_literal(amount))
            self.add(money, SDO.currency, ox.Literal(currency))
        self.evidence(node, evidence)
        return node

    def agreement(self, parties, *, date=None, label: str | None = None,
                  evidence: Excerpt | None = None) -> ox.NamedNode:
        """partner_of: symmetric ``ig:partnerOf`` edges and an ``ig:Agreement``."""
        parties = list(dict.fromkeys(parties))
        for a in parties:
            for b in parties:
                if a != b:
                    self.add(a, IG.partnerOf, b)
        node = self._fact_iri("agreement", *sorted(p.value for p in parties), date or "")
        self.add(node, A, _iri(IG.Agreement))
        for party in parties:
            self.add(node, IG.party, party)
        if date:
            self.add(node, DCTERMS.date, date_literal(date))
        if label:
            self.add(node, LABEL, ox.Literal(label))
        self.evidence(node, evidence)
        return node

    def participation(self, organization, project, *, role: str, evidence: Excerpt | None = None,
                      iri: str | None = None, contribution=None, total_cost=None) -> ox.NamedNode:
        """An organization's role (coordinator, participant) in a project, and ``ig:participatesIn``;
        the funder's `contribution` (``ig:ecContribution``, 0 included) and its `total_cost` when known."""
        self.add(organization, IG.participatesIn, project)
        node = _N(iri) if iri else self._fact_iri("participation", organization.value, project.value, role)
        self.add(node, A, _iri(IG.Participation))  # an org:Membership too (the ontology says so)
        for predicate, value in ((IG.participant, organization), (ORG.member, organization),
                                 (IG.project, project), (ORG.organization, project)):
            self.add(node, predicate, value)
        self.add(node, ORG.role, ox.Literal(role))
        if contribution is not None:
            self.add(node, IG.ecContribution, decimal_literal(contribution))
        if total_cost is not None:
            self.add(node, IG.totalCost, decimal_literal(total_cost))
        self.evidence(node, evidence)
        return node

    def quotation(self, speaker, text: str, *, article=None, evidence: Excerpt | None = None) -> ox.NamedNode:
        node = self._fact_iri("quotation", speaker.value, text)
        self.add(node, A, _iri(SDO.Quotation))
        self.add(node, SDO.creator, speaker)
        self.add(node, SDO.text, ox.Literal(text))
        self.add(node, SDO.isPartOf, article or self.source)
        self.evidence(node, evidence)
        return node

    # -- facts that are a direct edge only --------------------------------------------------
    def edge(self, subject, predicate, obj, *, evidence: Excerpt | None = None) -> ox.NamedNode:
        """A direct edge, and an ``rdf:Statement`` carrying where it was read."""
        predicate = _iri(predicate)
        self.add(subject, predicate, obj)
        node = self._fact_iri("statement", subject.value, predicate.value, obj.value)
        self.add(node, A, _iri(RDF.Statement))
        self.add(node, _iri(RDF.subject), subject)
        self.add(node, _iri(RDF.predicate), predicate)
        self.add(node, _iri(RDF.object), obj)
        self.evidence(node, evidence)
        return node

    def support(self, supporter, item, *, evidence=None):
        return self.edge(item, SDO.sponsor, supporter, evidence=evidence)

    def organizes(self, event, organizer, *, evidence=None):
        return self.edge(event, SDO.organizer, organizer, evidence=evidence)

    def located_in(self, thing, place, *, evidence=None):
        return self.edge(thing, SDO.location, place, evidence=evidence)

    def attends(self, event, agent, *, evidence=None):
        return self.edge(event, SDO.attendee, agent, evidence=evidence)

    def founded(self, organization, founder, *, evidence=None):
        return self.edge(organization, SDO.founder, founder, evidence=evidence)

    def author(self, article, person):
        self.add(article, SDO.author, person)

    def mentions(self, article, entity):
        self.add(article, SDO.mentions, entity)
