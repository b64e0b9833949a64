"""The facts the graph holds, one plain object each, with their evidence: what a reviewer reads.

:func:`list_facts` reads the store as ``docs/ontology.md`` lays it out and returns one
:class:`StoredFact` per fact, named by the gold-file kinds (``member_of``, ``holds_post``, ``funds``...),
with its subject and object (IRI, label and every other name), its attributes (date, role,
current, amount, quotation text), the evidence sentence with its offsets, and its source.

How each kind is read:

* node facts — ``org:Membership`` (member_of), ``org:Post`` (holds_post), ``schema:MonetaryGrant``
  (funds: subject is the funder, object the funded item), ``ig:Agreement`` (partner_of: one
  fact per pair of parties), ``ig:Participation`` (participates_in), ``schema:Quotation``
  (quoted: subject is the speaker, object the article);
* edge facts reified as ``rdf:Statement`` nodes carrying the evidence (what
  :class:`~innograph.graph.facts.FactWriter` writes): ``schema:sponsor`` (supports: subject is
  the supporter), ``schema:organizer`` (organizes: subject is the organizer, object the event),
  ``schema:location`` (event_location when its subject is a ``schema:Event``, else located_in),
  ``schema:attendee`` (attends: subject is the attendee, object the event), ``schema:founder``
  (created_by: subject is the organization created, object its founder), ``schema:author``
  (author_of: subject is the person, object the article) and ``schema:mentions`` (mentioned:
  subject is the entity, object the article);
* direct edges that no node or statement reifies in the same named graph (hand-written RDF):
  the same kinds, with no evidence.

A few SPARQL queries in all, whatever the number of facts.

>>> from innograph.graph.store import KnowledgeGraph
>>> from innograph.graph.facts import Excerpt, FactWriter
>>> from innograph.graph.sources import SourcePayload
>>> w = FactWriter("https://w3id.org/innograph/source/example-0001")
>>> chu = w.organization("CHU de Rouen", kind="Hospital", aliases=["CHU"])
>>> cluster = w.organization("Cluster Seine", kind="Cluster")
>>> _ = w.membership(chu, cluster, since="2020-01-16", evidence=Excerpt("Le CHU a rejoint le cluster.", 0, 28))
>>> kg = KnowledgeGraph()
>>> _ = kg.replace("example", [SourcePayload(iri=w.source.value, label="example", loader="test", triples=w.triples)])
>>> [(f.kind, f.subject.label, f.object.label, f.date, f.evidence) for f in list_facts(kg)]
[('member_of', 'CHU de Rouen', 'Cluster Seine', '2020-01-16', 'Le CHU a rejoint le cluster.')]
>>> list_facts(kg, kind="member_of")[0].subject.names
('CHU de Rouen', 'CHU')
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from innograph.errors import UsageError
from innograph.ontology import shorten
from innograph.ontology.kinds import ALIASES as _KIND_ALIASES
from innograph.ontology.kinds import ARTICLE_CLASS, KINDS, NODE_CLASSES, edge_kind
from innograph.ontology.kinds import FACT_KINDS as _FACT_KINDS
from innograph.ontology.ns import SDO, SKOS, FOAF
from innograph.queries.factreader import END, LABEL, START, TYPE, Raw, Reader, key_of
from innograph.queries.results import Results

#: Fact kinds, in display order (the names of gold files and of ``ontology.kinds``).
FACT_KINDS: tuple[str, ...] = _FACT_KINDS

#: Other names accepted for a kind.
KIND_ALIASES: dict[str, str] = {k: v for k, v in _KIND_ALIASES.items() if k not in FACT_KINDS}

#: Loaders whose sources are derived from other sources (left out unless asked for by name).
DERIVED_LOADERS = frozenset({"resolve"})

#: Entity types by short name, as gold files spell them.
TYPE_NAMES: dict[str, str] = {**NODE_CLASSES, ARTICLE_CLASS: "Article"}

_ORGANIZATION_TYPES = frozenset(k for k in NODE_CLASSES.values() if k not in ("Person", "Project", "Event", "Place"))

#: Kinds whose date is their event's start date when the fact has none.
_EVENT_KINDS = ("organizes", "event_location", "attends")


@dataclass(frozen=True)
class StoredEntity:
    """A thing a fact is about: its IRI (or ``_:id``), label, every name, and types."""

    iri: str
    label: str | None = None
    names: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    start_date: str | None = None
    end_date: str | None = None
    headline: str | None = None

    @property
    def type_names(self) -> tuple[str, ...]:
        """Short type names as gold files use them (``Hospital``, ``Person``, ``Event``...)."""
        return tuple(dict.fromkeys(TYPE_NAMES[t] for t in self.types if t in TYPE_NAMES))

    @property
    def display(self) -> str:
        return self.label or (self.names[0] if self.names else shorten(self.iri))

    def to_dict(self) -> dict:
        return {"iri": self.iri, "label": self.label, "names": list(self.names),
                "types": [shorten(t) for t in self.types]}


@dataclass
class StoredFact:
    """One fact, as stored: kind, subject, object, attributes, evidence, source."""

    kind: str
    subject: StoredEntity | None
    object: StoredEntity | None
    date: str | None = None
    role: str | None = None
    current: bool | None = None
    amount: Decimal | None = None
    currency: str | None = None
    quote: str | None = None
    label: str | None = None
    evidence: str | None = None
    start: int | None = None
    end: int | None = None
    source: str | None = None
    source_label: str | None = None
    documents: tuple[str, ...] = ()
    headline: str | None = None
    node: str | None = None
    parties: tuple[StoredEntity, ...] = field(default=(), repr=False)
    item: StoredEntity | None = None  # funds: the project a grant to an organization is for

    @property
    def detail(self) -> str:
        """The fact's attributes in a few words: title, date, amount, quotation."""
        bits: list[str] = []
        if self.role:
            bits.append(self.role)
        if self.current is False:
            bits.append("(former)")
        if self.label and self.kind == "partner_of":
            bits.append(self.label)
        if self.amount is not None:
            bits.append(f"{_amount_text(self.amount)} {self.currency or ''}".strip())
        if self.date:
            bits.append(("since " if self.kind == "member_of" else "") + self.date)
        if self.quote:
            quote = self.quote if len(self.quote) <= 60 else self.quote[:59] + "…"
            bits.append(f"« {quote} »")
        return " ".join(bits)

    def to_dict(self) -> dict:
        """A JSON-ready dict (subject_*, object_* for the two entities; for a grant, the funder,
        the recipient and the ``item`` it is for)."""
        out: dict[str, object] = {"kind": self.kind}
        for side, entity in (("subject", self.subject), ("object", self.object)):
            out[side] = entity.iri if entity else None
            out[f"{side}_label"] = entity.display if entity else None
            out[f"{side}_names"] = list(entity.names) if entity else []
            out[f"{side}_types"] = list(entity.type_names) if entity else []
        out["item"] = self.item.iri if self.item else None
        out["item_label"] = self.item.display if self.item else None
        out.update(
            date=self.date, role=self.role, current=self.current,
            amount=_amount_json(self.amount), currency=self.currency, quote=self.quote,
            label=self.label, evidence=self.evidence, start=self.start, end=self.end,
            source=self.source, source_label=self.source_label, headline=self.headline,
            documents=list(self.documents), node=self.node,
        )
        return out


def kind_names(kinds: str | Iterable[str] | None) -> tuple[str, ...]:
    """The kinds asked for, checked (aliases resolved); all kinds when None.

    >>> kind_names(["founded_by", "funds"])
    ('funds', 'created_by')
    >>> kind_names("nope")
    Traceback (most recent call last):
    ...
    innograph.errors.UsageError: unknown fact kind 'nope'; use one of: ...
    """
    if kinds is None:
        return FACT_KINDS
    if isinstance(kinds, str):
        kinds = [kinds]
    wanted: list[str] = []
    for name in kinds:
        key = KIND_ALIASES.get(name, name)
        if key not in FACT_KINDS:
            valid = ", ".join([*FACT_KINDS, *KIND_ALIASES])
            raise UsageError(f"unknown fact kind {name!r}; use one of: {valid}")
        wanted.append(key)
    return tuple(k for k in FACT_KINDS if k in wanted)


class FactList(Results):
    """The facts of :func:`list_facts`: ``to_dict()`` (every field) and ``to_dicts()`` (flat rows
    for tables and CSV: lists joined with "; ")."""

    def to_dict(self) -> list[dict]:
        return [f.to_dict() for f in self]

    def to_dicts(self) -> list[dict]:
        rows = []
        for f in self:
            row = {k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in f.to_dict().items()}
            row["amount"] = f.amount  # a Decimal: CSV writes it exactly (a float may be rounded)
            rows.append(row)
        return rows


def list_facts(kg, *, source: str | None = None, kind: str | Iterable[str] | None = None) -> FactList:
    """Every fact in `kg` (or in one `source`: name, path or IRI), of the given `kind`(s).

    A grant is one fact: its funder, its recipient (the organization funded, when it names one)
    and its item (the project); every grant is listed, so the amounts add up (a project's
    ceiling, CORDIS ``ecMaxContribution``, is a property of the project, not a grant). Sorted by
    source, kind (in :data:`FACT_KINDS` order), subject and object.
    """
    kinds = kind_names(kind)
    infos = kg.sources()
    sources = {s.iri: s.label for s in infos}
    graphs = source_graphs(kg, source) if source is not None else ()
    # Graphs written by entity resolution repeat loaded edges on merged nodes: not read facts.
    derived = set() if graphs else {s.iri for s in infos if s.loader in DERIVED_LOADERS}
    reader = Reader(kg, graphs)
    raw: list[Raw] = [item for k in kinds if KINDS[k].node for item in reader.node_facts(k)]
    predicates = list(dict.fromkeys(p.iri for k in kinds for p in KINDS[k].predicates))
    if predicates:
        statements = reader.statements(predicates)
        stated = {(i.graph, i.first("es"), i.first("p"), i.first("eo")) for i in statements}
        stated.update(key for item in raw for key in item.stated())
        fact_nodes = {n for k in kinds if KINDS[k].node for _, n in reader.typed(KINDS[k].node)}
        raw.extend(statements)
        raw.extend(item for p in predicates for item in reader.bare_edges(p, stated, fact_nodes))
    raw = [item for item in raw if item.graph not in derived]
    terms = {t for item in raw for t in item.terms()}
    entities = {t: _entity(key_of(t), v) for t, v in reader.entities(terms, TYPE_NAMES).items()}
    facts = FactList()
    seen_bare: set[tuple] = set()
    for item in raw:
        for fact in _facts(item, entities, sources):
            if fact.kind not in kinds:
                continue
            if fact.node is None:  # bare edges: memberOf and hasMember, a→b and b→a say one thing
                key = (fact.source, fact.kind, *_pair(fact))
                if key in seen_bare:
                    continue
                seen_bare.add(key)
            facts.append(fact)
    order = {k: i for i, k in enumerate(FACT_KINDS)}
    facts.sort(key=lambda f: (f.source_label or f.source or "", order[f.kind],
                              (f.subject.display if f.subject else "").casefold(),
                              (f.object.display if f.object else "").casefold(), f.quote or "", f.node or ""))
    return facts


def list_entities(kg, *, source: str | None = None) -> list[StoredEntity]:
    """Every organization, person, project, event and place in `kg` (or one source).

    >>> from innograph.graph.store import KnowledgeGraph
    >>> list_entities(KnowledgeGraph())
    []
    """
    reader = Reader(kg, source_graphs(kg, source) if source is not None else ())
    classes = " ".join(str(ox.NamedNode(t)) for t in TYPE_NAMES if TYPE_NAMES[t] != "Article")
    rows = reader.select(f"SELECT DISTINCT ?e WHERE {{ {reader.values()} GRAPH ?g {{ ?e a ?t VALUES ?t {{ {classes} }} }} }}")
    terms = [row["e"] for row in rows]
    found = reader.entities(set(terms))
    return sorted((_entity(key_of(t), found[t]) for t in terms), key=lambda e: (e.display.casefold(), e.iri))


def source_graphs(kg, key: str) -> tuple[str, ...]:
    """The named graphs of source `key`: its IRI or label, or a file path / name, which gives
    every source read from that file (a file may hold several articles).
    """
    infos = kg.sources()
    exact = [s.iri for s in infos if key in (s.iri, s.label)]
    if len(exact) == 1:
        return (exact[0],)
    from_file = [s.iri for s in infos if s.path is not None and (
        s.path == key or os.path.abspath(s.path) == os.path.abspath(key) or Path(s.path).name == key)]
    if from_file and len({s.path for s in infos if s.iri in from_file}) == 1:
        return tuple(from_file)
    return (kg.source(key).iri,)  # one source, or the store's own error (ambiguous, not found)


# -- from what was read to facts -------------------------------------------------------------------

def _entity(iri: str, by_predicate: dict[str, list[str]]) -> StoredEntity:
    headlines = sorted(by_predicate.get(str(SDO.headline), []))
    names = [*headlines, *by_predicate.get("local", []), *sorted(by_predicate.get(LABEL, [])),
             *sorted(by_predicate.get(str(SKOS.altLabel), [])), *sorted(by_predicate.get(str(FOAF.name), [])),
             *sorted(by_predicate.get(str(SDO.name), []))]
    names = list(dict.fromkeys(names))
    return StoredEntity(iri=iri, label=names[0] if names else None, names=tuple(names),
                  types=tuple(sorted(by_predicate.get(TYPE, []))),
                  start_date=min(by_predicate.get(START, []), default=None),
                  end_date=max(by_predicate.get(END, []), default=None),
                  headline=headlines[0] if headlines else None)


def _pair(fact: StoredFact) -> tuple[str, str]:
    s = fact.subject.iri if fact.subject else ""
    o = fact.object.iri if fact.object else ""
    return tuple(sorted((s, o))) if fact.kind == "partner_of" else (s, o)


def _facts(item: Raw, entities: dict[str, StoredEntity], sources: dict[str, str | None]) -> list[StoredFact]:
    """The facts one node, statement or edge stands for (an agreement: one per pair of parties)."""
    get = entities.get
    docs = item.values.get("doc", [])
    headline = next((entities[d].headline for d in docs if d in entities and entities[d].headline), None)
    graph = ox.NamedNode(item.graph)
    if headline is None and graph in entities:
        headline = entities[graph].headline
    base = dict(evidence=_text(item.first("evidence")), start=_int(item.first("start")), end=_int(item.first("end")),
                source=item.graph, source_label=sources.get(item.graph), headline=headline,
                documents=tuple(key_of(d) for d in docs), node=item.node)
    kind = item.kind
    if not kind:  # a direct edge, or its statement
        es, eo = item.first("es"), item.first("eo")
        found = edge_kind(item.first("p").value, subject_is_event=str(SDO.Event) in (get(es).types if get(es) else ()))
        if found is None:
            return []
        kind, reverse = found
        item.values["s"], item.values["o"] = ([eo], [es]) if reverse else ([es], [eo])
    if kind == "partner_of" and item.node is not None and "o" not in item.values:
        parties = [get(p) for p in item.values.get("s", [])]
        parties = sorted({p.iri: p for p in parties if p}.values(), key=lambda e: (e.display.casefold(), e.iri))
        pairs = list(itertools.combinations(parties, 2)) or [(parties[0] if parties else None, None)]
        return [StoredFact("partner_of", a, b, date=_text(item.first("date")), label=_text(item.first("label")),
                     parties=tuple(parties), **base) for a, b in pairs]
    subject = get(item.first("s"))
    objects = [e for e in (get(t) for t in item.values.get("o", [])) if e is not None]
    fact = StoredFact(kind, subject, objects[0] if objects else None, **base)
    if kind == "funds":
        _recipient(fact, objects)
    _attributes(fact, item)
    return [fact]


def _recipient(fact: StoredFact, funded: list[StoredEntity]) -> None:
    """A grant's object is the organization it funds when it names one; its item the project."""
    organizations = [e for e in funded if any(TYPE_NAMES.get(t) in _ORGANIZATION_TYPES for t in e.types)]
    others = [e for e in funded if e not in organizations]
    fact.object = organizations[0] if organizations else (others[0] if others else None)
    fact.item = others[0] if others else None


def _attributes(fact: StoredFact, item: Raw) -> None:
    fact.role = _text(item.first("role"))
    fact.date = _text(item.first("date"))
    fact.quote = _text(item.first("quote"))
    if fact.kind == "holds_post":
        current = item.first("current")
        fact.current = True if current is None else current.value.strip().lower() in ("true", "1")
    amount = item.first("amount") if item.first("amount") is not None else _literal(item.first("money"))
    if amount is not None:
        try:
            fact.amount = Decimal(amount.value)
        except InvalidOperation:
            pass
    fact.currency = _text(item.first("currency")) or ("EUR" if fact.amount is not None else None)
    if fact.date is None and fact.kind in _EVENT_KINDS:
        event = fact.object if fact.kind in ("organizes", "attends") else fact.subject
        fact.date = event.start_date if event is not None else None


def _text(term) -> str | None:
    return None if term is None else str(term.value)


def _int(term) -> int | None:
    try:
        return int(term.value) if term is not None else None
    except ValueError:
        return None


def _literal(term):
    return term if isinstance(term, ox.Literal) else None


def _amount_text(amount: Decimal) -> str:
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,}"


def _amount_json(amount: Decimal | None):
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


#: The names these classes had (bench scorers and their tests still import them).
Entity, Fact = StoredEntity, StoredFact

__all__ = ["FACT_KINDS", "StoredEntity", "StoredFact", "FactList", "kind_names", "list_entities",
           "list_facts", "source_graphs"]
