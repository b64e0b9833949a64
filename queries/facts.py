"""The facts the graph holds, one plain object each, with their evidence: what a reviewer reads.

:func:`list_facts` reads the store as ``docs/ontology.md`` lays it out and returns one
:class:`Fact` per fact, named by the gold-file kinds (``member_of``, ``holds_post``, ``funds``...),
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
>>> from innograph.graph.facts import Evidence, FactWriter
>>> from innograph.graph.sources import SourcePayload
>>> w = FactWriter("https://w3id.org/innograph/source/example-0001")
>>> chu = w.organization("CHU de Rouen", kind="Hospital", aliases=["CHU"])
>>> cluster = w.organization("Cluster Seine", kind="Cluster")
>>> _ = w.membership(chu, cluster, since="2020-01-16", evidence=Evidence("Le CHU a rejoint le cluster.", 0, 28))
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
from innograph.ontology import PREFIXES, shorten
from innograph.ontology.kinds import ALIASES as _KIND_ALIASES
from innograph.ontology.ns import FOAF, IG, ORG, SDO, SKOS

_RDF = PREFIXES["rdf"]
_RDFS = PREFIXES["rdfs"]

#: Fact kinds, in display order (the names of gold files and of ``ontology.kinds``).
FACT_KINDS: tuple[str, ...] = (
    "member_of", "holds_post", "funds", "supports", "partner_of", "participates_in",
    "organizes", "event_location", "located_in", "attends", "created_by",
    "quoted", "author_of", "mentioned",
)

#: Other names accepted for a kind.
KIND_ALIASES: dict[str, str] = {k: v for k, v in _KIND_ALIASES.items() if k not in FACT_KINDS}

#: Loaders whose sources are derived from other sources (left out unless asked for by name).
DERIVED_LOADERS = frozenset({"resolve"})

#: Entity types by short name, as gold files spell them.
TYPE_NAMES: dict[str, str] = {
    **{str(getattr(IG, n)): n for n in (
        "Company", "Hospital", "University", "ResearchCentre", "TrainingCentre",
        "PublicAuthority", "ChamberOfCommerce", "MediaOutlet", "Cluster", "Project")},
    str(ORG.Organization): "Organization",
    str(FOAF.Person): "Person",
    str(SDO.Event): "Event",
    str(SDO.Place): "Place",
    str(SDO.Project): "Project",
    str(SDO.NewsArticle): "Article",
}

_LABEL = _RDFS + "label"
_NAME_PREDICATES = (str(SDO.headline), _LABEL, str(SKOS.altLabel), str(FOAF.name), str(SDO.name))
_TYPE = _RDF + "type"
_START = str(SDO.startDate)
_END = str(SDO.endDate)

# Direct edge predicate → (kind, subject is the edge's object?) — the gold's direction.
_EDGES: dict[str, tuple[str, bool]] = {
    str(ORG.memberOf): ("member_of", False),
    str(ORG.hasMember): ("member_of", True),
    str(SDO.worksFor): ("holds_post", False),
    str(SDO.funder): ("funds", True),
    str(SDO.sponsor): ("supports", True),
    str(IG.partnerOf): ("partner_of", False),
    str(IG.participatesIn): ("participates_in", False),
    str(SDO.organizer): ("organizes", True),
    str(SDO.location): ("event_location", False),  # or located_in, by the subject's type
    str(SDO.attendee): ("attends", True),
    str(SDO.founder): ("created_by", False),
    str(SDO.author): ("author_of", True),
    str(SDO.mentions): ("mentioned", True),
}
_EVENT_KINDS = ("organizes", "event_location", "attends")

_PROVENANCE = """
    OPTIONAL { ?n ig:evidence ?evidence }
    OPTIONAL { ?n ig:charStart ?start }
    OPTIONAL { ?n ig:charEnd ?end }
    OPTIONAL { ?n prov:wasDerivedFrom ?doc }
"""

_NODE_QUERIES: dict[str, str] = {
    "member_of": """
      ?n a org:Membership ; org:member ?s ; org:organization ?o .
      FILTER NOT EXISTS { ?n a ig:Participation }
      OPTIONAL { ?n org:memberDuring/time:hasBeginning ?instant .
                 VALUES ?when { time:inXSDDate time:inXSDgYearMonth time:inXSDgYear time:inXSDDateTimeStamp }
                 ?instant ?when ?date }
      OPTIONAL { ?n org:role ?role }""",
    "holds_post": """
      ?n a org:Post ; org:heldBy ?s .
      OPTIONAL { ?n org:postIn ?o }
      OPTIONAL { ?n schema:jobTitle ?role }
      OPTIONAL { ?n ig:current ?current }""",
    "funds": """
      ?n a schema:MonetaryGrant .
      OPTIONAL { ?n schema:funder ?s }
      OPTIONAL { ?n schema:fundedItem ?o }
      OPTIONAL { ?n schema:amount ?money .
                 OPTIONAL { ?money schema:value ?amount } OPTIONAL { ?money schema:currency ?currency } }""",
    "partner_of": """
      ?n a ig:Agreement .
      OPTIONAL { ?n ig:party ?party }
      OPTIONAL { ?n dcterms:date ?date }
      OPTIONAL { ?n rdfs:label ?label }""",
    "participates_in": """
      ?n a ig:Participation .
      OPTIONAL { ?n ig:participant ?s }
      OPTIONAL { ?n ig:project ?o }
      OPTIONAL { ?n org:role ?role }""",
    "quoted": """
      ?n a schema:Quotation .
      OPTIONAL { ?n schema:creator ?s }
      OPTIONAL { ?n schema:text ?quote }
      OPTIONAL { ?n schema:isPartOf ?o }""",
}

_STATEMENTS = """
      ?n a rdf:Statement ; rdf:subject ?es ; rdf:predicate ?p ; rdf:object ?eo ."""

_BARE_EDGES = """
      ?es ?p ?eo .
      FILTER NOT EXISTS { ?r rdf:subject ?es ; rdf:predicate ?p ; rdf:object ?eo }"""


@dataclass(frozen=True)
class Entity:
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
class Fact:
    """One fact, as stored: kind, subject, object, attributes, evidence, source."""

    kind: str
    subject: Entity | None
    object: Entity | None
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
    parties: tuple[Entity, ...] = field(default=(), repr=False)

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
        """A flat, JSON-ready dict (subject_*, object_* for the two entities)."""
        out: dict[str, object] = {"kind": self.kind}
        for side, entity in (("subject", self.subject), ("object", self.object)):
            out[side] = entity.iri if entity else None
            out[f"{side}_label"] = entity.display if entity else None
            out[f"{side}_names"] = list(entity.names) if entity else []
            out[f"{side}_types"] = list(entity.type_names) if entity else []
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


def list_facts(kg, *, source: str | None = None, kind: str | Iterable[str] | None = None) -> list[Fact]:
    """Every fact in `kg` (or in one `source`: name, path or IRI), of the given `kind`(s).

    Sorted by source, kind (in :data:`FACT_KINDS` order), subject and object.
    """
    kinds = kind_names(kind)
    infos = kg.sources()
    sources = {s.iri: s.label for s in infos}
    graphs = source_graphs(kg, source) if source is not None else ()
    # Graphs written by entity resolution repeat loaded edges on merged nodes: not read facts.
    derived = set() if graphs else {s.iri for s in infos if s.loader in DERIVED_LOADERS}
    reader = _Reader(kg, graphs)

    raw: list[_Raw] = []
    node_keys: set[tuple] = set()
    grant_nodes: set[str] = set()
    for name in [k for k in kinds if k in _NODE_QUERIES]:
        for item in reader.node_facts(name):
            raw.append(item)
            node_keys.update(item.keys())
            if name == "funds":
                grant_nodes.add(item.node)
    edge_predicates = [p for p, (k, _) in _EDGES.items()
                       if k in kinds or (k == "event_location" and "located_in" in kinds)]
    if edge_predicates:
        raw.extend(reader.edge_facts(edge_predicates, reified=True))
        for item in reader.edge_facts(edge_predicates, reified=False):
            if _key(item.first("es")) in grant_nodes or item.key() in node_keys:
                continue  # a fact node's own property, or the edge of a node fact
            raw.append(item)

    raw = [item for item in raw if item.graph not in derived]
    entities = reader.entities({t for item in raw for t in item.terms()})
    facts: list[Fact] = []
    seen_bare: set[tuple] = set()
    for item in raw:
        for fact in item.facts(entities, sources):
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


def list_entities(kg, *, source: str | None = None) -> list[Entity]:
    """Every organization, person, project, event and place in `kg` (or one source).

    >>> from innograph.graph.store import KnowledgeGraph
    >>> list_entities(KnowledgeGraph())
    []
    """
    reader = _Reader(kg, source_graphs(kg, source) if source is not None else ())
    classes = " ".join(f"<{t}>" for t in TYPE_NAMES if TYPE_NAMES[t] != "Article")
    rows = reader.select(f"SELECT DISTINCT ?e WHERE {{ {reader.values()} GRAPH ?g {{ ?e a ?t VALUES ?t {{ {classes} }} }} }}")
    terms = [row["e"] for row in rows]
    found = reader.entities(set(terms))
    return sorted((found[_key(t)] for t in terms), key=lambda e: (e.display.casefold(), e.iri))


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


# -- reading ---------------------------------------------------------------------------------------

def _key(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else str(term.value)


def _pair(fact: Fact) -> tuple[str, str]:
    s = fact.subject.iri if fact.subject else ""
    o = fact.object.iri if fact.object else ""
    return tuple(sorted((s, o))) if fact.kind == "partner_of" else (s, o)


@dataclass
class _Raw:
    """One query row group: a node fact or an edge, before its entities are resolved."""

    kind: str
    graph: str
    node: str | None
    s: object = None
    o: object = None
    values: dict = field(default_factory=dict)

    def first(self, name: str):
        found = self.values.get(name)
        return found[0] if found else None

    def terms(self) -> list:
        out = [t for t in (self.s, self.o) if t is not None]
        out += self.values.get("party", []) + self.values.get("doc", [])
        return [t for t in out if isinstance(t, (ox.NamedNode, ox.BlankNode))] + [ox.NamedNode(self.graph)]

    def keys(self) -> list[tuple]:
        """The edge keys this node fact stands for (every pair of an agreement's parties)."""
        if self.kind == "partner_of":
            parties = sorted(_key(p) for p in self.values.get("party", []))
            return [(self.graph, self.kind, a, b) for a, b in itertools.combinations(parties, 2)]
        return [self.key()]

    def key(self) -> tuple:
        s, o = (_key(self.s) if self.s is not None else None), (_key(self.o) if self.o is not None else None)
        if self.kind == "partner_of":
            return (self.graph, self.kind, *sorted((s or "", o or "")))
        return (self.graph, self.kind, s, o)

    def facts(self, entities: dict[str, Entity], sources: dict[str, str | None]) -> list[Fact]:
        get = lambda term: entities.get(_key(term)) if term is not None else None
        docs = self.values.get("doc", [])
        headline = next((entities[_key(d)].headline for d in docs
                         if _key(d) in entities and entities[_key(d)].headline), None)
        if headline is None and self.graph in entities:
            headline = entities[self.graph].headline
        base = dict(
            evidence=_text(self.first("evidence")), start=_int(self.first("start")), end=_int(self.first("end")),
            source=self.graph, source_label=sources.get(self.graph), headline=headline,
            documents=tuple(_key(d) for d in docs), node=self.node,
        )
        if self.kind == "partner_of" and self.node is not None:
            parties = [get(p) for p in self.values.get("party", [])]
            parties = sorted({p.iri: p for p in parties if p}.values(), key=lambda e: (e.display.casefold(), e.iri))
            pairs = list(itertools.combinations(parties, 2)) or [(parties[0] if parties else None, None)]
            return [Fact("partner_of", a, b, date=_text(self.first("date")), label=_text(self.first("label")),
                          parties=tuple(parties), **base) for a, b in pairs]
        subject, obj = get(self.s), get(self.o)
        kind = self.kind
        if kind == "event_location" and subject is not None and str(SDO.Event) not in subject.types:
            kind = "located_in"
        fact = Fact(kind, subject, obj, **base)
        fact.role = _text(self.first("role"))
        fact.date = _text(self.first("date"))
        fact.quote = _text(self.first("quote"))
        if kind == "holds_post":
            current = self.first("current")
            fact.current = True if current is None else current.value.strip().lower() in ("true", "1")
        amount = self.first("amount") if self.first("amount") is not None else _literal(self.first("money"))
        if amount is not None:
            try:
                fact.amount = Decimal(amount.value)
            except InvalidOperation:
                pass
        fact.currency = _text(self.first("currency")) or ("EUR" if fact.amount is not None else None)
        if fact.date is None and kind in _EVENT_KINDS:
            event = obj if kind in ("organizes", "attends") else subject
            fact.date = event.start_date if event is not None else None
        return [fact]


class _Reader:
    """The queries, optionally restricted to some named graphs."""

    def __init__(self, kg, graphs: tuple[str, ...] = ()) -> None:
        self.kg, self.graphs = kg, graphs
        self._local = {ox.NamedNode(g) for g in graphs}

    def values(self) -> str:
        return "VALUES ?g { " + " ".join(f"<{g}>" for g in self.graphs) + " }" if self.graphs else ""

    def select(self, query: str):
        return self.kg.store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)

    def node_facts(self, kind: str) -> list[_Raw]:
        query = f"SELECT * WHERE {{ {self.values()} GRAPH ?g {{ {_NODE_QUERIES[kind]} {_PROVENANCE} }} }}"
        return self._group(query, kind)

    def edge_facts(self, predicates: list[str], *, reified: bool) -> list[_Raw]:
        values = "VALUES ?p { " + " ".join(f"<{p}>" for p in predicates) + " }"
        body = _STATEMENTS + _PROVENANCE if reified else _BARE_EDGES
        query = f"SELECT * WHERE {{ {self.values()} GRAPH ?g {{ {values} {body} }} }}"
        out: list[_Raw] = []
        for item in self._group(query, None):
            kind, reverse = _EDGES[item.first("p").value]
            es, eo = item.first("es"), item.first("eo")
            item.kind = kind
            item.s, item.o = (eo, es) if reverse else (es, eo)
            out.append(item)
        return out

    def _group(self, query: str, kind: str | None) -> list[_Raw]:
        groups: dict[tuple, _Raw] = {}
        solutions = self.select(query)
        variables = [v.value for v in solutions.variables]
        for solution in solutions:
            row = {name: solution[name] for name in variables}
            node = row.get("n")
            key = (row["g"].value, _key(node) if node is not None else None,
                   *(_key(row[v]) if row.get(v) is not None else None for v in ("s", "o", "es", "p", "eo")))
            item = groups.get(key)
            if item is None:
                item = groups[key] = _Raw(kind or "", row["g"].value, _key(node) if node is not None else None,
                                          row.get("s"), row.get("o"))
            for name, term in row.items():
                if term is not None and name not in ("g", "n", "s", "o"):
                    bucket = item.values.setdefault(name, [])
                    if term not in bucket:
                        bucket.append(term)
        return list(groups.values())

    def entities(self, terms: set) -> dict[str, Entity]:
        """Names, types and dates of `terms`, from every graph (index lookups, no query each)."""
        out: dict[str, Entity] = {}
        wanted = {str(p) for p in (_TYPE, *_NAME_PREDICATES, _START, _END)}
        for term in terms:
            by_predicate: dict[str, list[str]] = {}
            local_label = None
            for quad in self.kg.store.quads_for_pattern(term, None, None, None):
                predicate = quad.predicate.value
                if predicate not in wanted:
                    continue
                value = quad.object.value
                bucket = by_predicate.setdefault(predicate, [])
                if value not in bucket:
                    bucket.append(value)
                if predicate == _LABEL and quad.graph_name in self._local:
                    local_label = value
            headlines = sorted(by_predicate.get(str(SDO.headline), []))
            labels = sorted(by_predicate.get(_LABEL, []))
            names = [*headlines, *([local_label] if local_label else []), *labels,
                     *sorted(by_predicate.get(str(SKOS.altLabel), [])),
                     *sorted(by_predicate.get(str(FOAF.name), [])), *sorted(by_predicate.get(str(SDO.name), []))]
            names = list(dict.fromkeys(names))
            types = sorted(by_predicate.get(_TYPE, []))
            out[_key(term)] = Entity(
                iri=_key(term), label=names[0] if names else None, names=tuple(names), types=tuple(types),
                start_date=min(by_predicate.get(_START, []), default=None),
                end_date=max(by_predicate.get(_END, []), default=None),
                headline=headlines[0] if headlines else None,
            )
        return out


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


__all__ = ["FACT_KINDS", "Entity", "Fact", "kind_names", "list_entities", "list_facts", "source_graphs"]
