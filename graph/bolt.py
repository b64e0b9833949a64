"""The projection as a property graph for Neo4j (or any Bolt and Cypher server): the mapping.

Why: where one machine is not enough, or where people already work in Neo4j, path and
suggestion queries run there as Cypher. The RDF store stays the source of truth; what is pushed
is the projection (:mod:`innograph.graph.projection`) itself, so that Cypher answers the
question the embedded search answers:

- a node per node of the projection (organizations, people, projects, events, places; one per
  organization once merges are collapsed), keyed by its canonical IRI (``iri``, unique on the
  label :data:`NODE_LABEL`), labelled by its class (``:Organization:Hospital``, ``:Person``,
  ``:Project``, ``:Event``, ``:Place``), with ``label``, ``kind``, ``kinds`` (its org kind),
  ``same_as`` (the other IRIs merged into it), ``degree`` (for the hub penalty) and ``sources``
  (the named graphs that speak of it);
- a relationship per edge of the projection, one per fact kind and pair, in the kind's
  direction, typed as :mod:`innograph.ontology.kinds` says (``MEMBER_OF``, ``FUNDS``...), with
  ``kind``, ``weight``, ``facts`` (how many facts back it), ``since``/``until`` (ISO dates),
  ``start_day``/``last_day``/``end_day`` (proleptic ordinals, 0 when unknown: what Cypher
  computes recency and ``--as-of`` from), ``role`` (coordinator, former, or the facts' roles and
  titles), ``amount`` and ``currency`` (the grants behind a ``FUNDS`` relationship, summed as
  ``innograph export-graph`` does) and ``sources``.

Every row carries ``ig_hash``, a digest of its labels and properties: the push
(:mod:`innograph.graph.boltpush`) compares them with the server's to write only what changed.
A row's ``sources`` are the sources that name both of its ends (a relationship) or any of its
IRIs (a node); when no single source names both ends (a merge decided in another source), the
sources of either end.

    >>> from pyoxigraph import NamedNode, Quad, Store
    >>> from rdflib.namespace import RDF
    >>> from innograph.ontology.ns import IG, ORG
    >>> def iri(term): return NamedNode(str(term))
    >>> a, k = iri("https://example.org/a"), iri("https://example.org/k")
    >>> g = iri("https://example.org/graph/members")
    >>> store = Store()
    >>> store.add(Quad(a, iri(RDF.type), iri(ORG.Organization), g))
    >>> store.add(Quad(k, iri(RDF.type), iri(IG.Cluster), g))
    >>> store.add(Quad(a, iri(ORG.memberOf), k, g))
    >>> pg = property_graph(store)
    >>> for node in pg.nodes:
    ...     print(node.iri, node.labels, node.props["kinds"], node.props["sources"])
    https://example.org/a ('Organization',) [] ['https://example.org/graph/members']
    https://example.org/k ('Organization', 'Cluster') ['Cluster'] ['https://example.org/graph/members']
    >>> for rel in pg.relationships:
    ...     print(rel.start, rel.type, rel.end, rel.props["weight"])
    https://example.org/a MEMBER_OF https://example.org/k 0.8999999761581421
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from pyoxigraph import NamedNode, Store

from innograph.errors import MissingExtraError
from innograph.graph.export_graph import edge_attributes
from innograph.graph.projection import COORDINATOR, FORMER, NODATE, build, ordinal_iso
from innograph.ontology.kinds import KINDS, ORG_KINDS, ORGANIZATION_KINDS

__all__ = [
    "CLASS_LABELS", "KIND_LABELS", "MANAGED_LABELS", "NODE_LABEL", "RELATIONSHIP_TYPES", "SOURCE_LABEL",
    "Node", "PropertyGraph", "Relationship", "ensure_schema", "property_graph", "neo4j_driver",
]

#: The label every pushed node has; ``iri`` is unique among the nodes that have it.
NODE_LABEL = "Resource"
#: One node per pushed source on the server: ``{iri, hash}`` (the bookkeeping of the push).
SOURCE_LABEL = "InnographSource"

#: Node kinds of the projection -> node label (an organization kind also gets its own label).
CLASS_LABELS: dict[str, str] = {**{k: "Organization" for k in ORGANIZATION_KINDS},
                                "Person": "Person", "Project": "Project", "Event": "Event", "Place": "Place"}
#: Organization kinds -> extra node label, the ``ig:`` local name (generated from the ontology).
KIND_LABELS: dict[str, str] = {k: k for k in ORG_KINDS}
#: Fact kinds of the projection -> relationship type (start: the fact's subject).
RELATIONSHIP_TYPES: dict[str, str] = {k.name: k.relationship for k in KINDS.values() if k.projected}
#: Labels this mapping owns: a push sets a node's to what the store says, leaves others alone.
MANAGED_LABELS = tuple(dict.fromkeys(["Organization", "Person", "Project", "Event", "Place",
                                      *KIND_LABELS.values()]))
_LABEL_ORDER = {label: i for i, label in enumerate(MANAGED_LABELS)}

# Tried in order until one is accepted: Neo4j 5 and ArcadeDB; Neo4j 4.4; then a plain index.
_SCHEMA = (
    ("constraint", "CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.iri IS UNIQUE"),
    ("constraint", "CREATE CONSTRAINT {name} IF NOT EXISTS ON (n:{label}) ASSERT n.iri IS UNIQUE"),
    ("index", "CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.iri)"),
)


@dataclass(frozen=True)
class Node:
    """A node to write: its IRI, its labels besides ``Resource``, its properties and digest."""

    iri: str
    labels: tuple[str, ...]
    props: dict[str, Any]
    hash: str


@dataclass(frozen=True)
class Relationship:
    """A relationship to write, from ``start`` to ``end`` (IRIs), with properties and digest."""

    type: str
    start: str
    end: str
    props: dict[str, Any]
    hash: str

    @property
    def key(self) -> tuple[str, str, str]:
        return self.type, self.start, self.end


@dataclass
class PropertyGraph:
    """Nodes sorted by IRI, relationships sorted by (type, start, end), and the sources."""

    nodes: list[Node]
    relationships: list[Relationship]
    sources: dict[str, str]  # source graph IRI -> its content hash


def digest(labels, props: dict[str, Any]) -> str:
    """A short stable digest of a row (what the server stores as ``ig_hash``)."""
    text = json.dumps([list(labels), props], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def property_graph(store, *, projection=None) -> PropertyGraph:
    """The nodes and relationships a push writes: the projection of ``store`` (a pyoxigraph
    ``Store`` or a ``KnowledgeGraph``), or ``projection`` when given. See the module's doc."""
    if not (isinstance(store, Store) or hasattr(store, "store")):
        raise TypeError(f"store must be a pyoxigraph.Store or a KnowledgeGraph, not {type(store).__name__}")
    p = projection if projection is not None else build(store)
    quads = getattr(store, "store", store)
    mentions, names = _mentions(quads)
    node_sources: dict[int, frozenset[int]] = {}
    nodes = []
    for n in range(p.n_nodes):
        kind = p.kinds[n]
        if kind not in CLASS_LABELS:
            continue
        own = {CLASS_LABELS[kind], *([KIND_LABELS[kind]] if kind in KIND_LABELS else [])}
        labels = tuple(sorted(own, key=_LABEL_ORDER.__getitem__))
        found = frozenset().union(*(mentions.get(i, ()) for i in p.iris_of(n)))
        node_sources[n] = found
        props = {"iri": p.iris[n], "label": p.labels[n] or None, "kind": kind,
                 "kinds": [kind] if kind in KIND_LABELS else [],
                 "same_as": sorted(i for i in p.iris_of(n) if i != p.iris[n]), "degree": p.degree(n),
                 "sources": sorted(names[s] for s in found)}
        nodes.append(Node(p.iris[n], labels, props, digest(labels, props)))
    facts = edge_attributes(quads, p)
    relationships = [_relationship(p, e, node_sources, names, facts) for e in range(p.n_edges)
                     if p.src[e] in node_sources and p.dst[e] in node_sources]
    nodes.sort(key=lambda node: node.iri)
    relationships.sort(key=lambda rel: rel.key)
    return PropertyGraph(nodes, relationships, _source_hashes(store, names))


def _relationship(p, e: int, node_sources, names, facts: dict) -> Relationship:
    kind = p.edge_kinds[p.ekind[e]]
    found = facts.get((p.src[e], p.dst[e], kind), {})
    a, b = node_sources[p.src[e]], node_sources[p.dst[e]]
    props: dict[str, Any] = {"kind": kind, "weight": float(p.weight[e]), "facts": p.count[e],
                             "start_day": p.start[e], "last_day": p.last[e], "end_day": p.end[e],
                             "sources": sorted(names[s] for s in ((a & b) or (a | b)))}
    if p.start[e] != NODATE:
        props["since"] = ordinal_iso(p.start[e])
    if p.end[e] != NODATE:
        props["until"] = ordinal_iso(p.end[e])
    if p.flags[e] & COORDINATOR:
        props["role"] = "coordinator"
    elif p.flags[e] & FORMER:
        props["role"] = "former"
    elif found.get("role"):
        props["role"] = found["role"]
    if "amount" in found:
        props["amount"], props["currency"] = found["amount"], found["currency"]
    rel_type = RELATIONSHIP_TYPES[kind]
    return Relationship(rel_type, p.iris[p.src[e]], p.iris[p.dst[e]], props, digest((rel_type,), props))


def _mentions(quads) -> tuple[dict[str, frozenset[int]], list[str]]:
    """IRI -> the source graphs (as small ints) where it is a subject or an object."""
    code: dict[str, int] = {}
    found: dict[str, set[int]] = {}
    for q in quads.quads_for_pattern(None, None, None, None):
        g = q.graph_name
        if not isinstance(g, NamedNode):
            continue
        i = code.setdefault(g.value, len(code))
        for term in (q.subject, q.object):
            if isinstance(term, NamedNode):
                found.setdefault(term.value, set()).add(i)
    interned: dict[frozenset[int], frozenset[int]] = {}
    mentions = {iri: interned.setdefault(frozenset(s), frozenset(s)) for iri, s in found.items()}
    return mentions, list(code)


def _source_hashes(store, graphs: list[str]) -> dict[str, str]:
    """Each source graph's content hash (its load's hash, or a digest of its description)."""
    sources = getattr(store, "sources", None)
    if callable(sources):
        return {s.iri: s.content_hash or digest((), {"at": s.loaded_at, "n": s.triples}) for s in sources()}
    hashes = {}
    for g in graphs:  # a bare pyoxigraph Store: hash the graph's quads (small stores, tests)
        lines = sorted(str(q) for q in store.quads_for_pattern(None, None, None, NamedNode(g)))
        hashes[g] = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:24]
    return hashes


def ensure_schema(driver: Any, *, database: str | None = None) -> str | None:
    """Make ``iri`` unique on ``Resource`` and on ``InnographSource`` nodes, as the server allows.

    Tries a uniqueness constraint (Neo4j 5 and ArcadeDB, then Neo4j 4.4), then a plain index;
    each is a no-op when already there. Returns ``"constraint"``, ``"index"`` or None.
    """
    neo4j = neo4j_module()
    refused = (neo4j.exceptions.ClientError, neo4j.exceptions.DatabaseError)
    accepted = None
    for label in (NODE_LABEL, SOURCE_LABEL):
        for kind, template in _SCHEMA:
            statement = template.format(name=f"innograph_{label.lower()}_iri", label=label)
            try:
                driver.execute_query(statement, database_=database)
            except refused:
                continue
            accepted = accepted or kind
            break
    return accepted


def neo4j_module() -> Any:
    """Import the neo4j driver, or say which extra provides it."""
    try:
        import neo4j
        import neo4j.exceptions
    except ImportError as exc:
        raise MissingExtraError("neo4j") from exc
    return neo4j


def neo4j_driver(uri: str, user: str | None = None, password: str | None = None):
    """An open driver for ``uri``; user and password from the arguments or from
    ``INNOGRAPH_NEO4J_USER`` / ``INNOGRAPH_NEO4J_PASSWORD`` (no auth when neither is set)."""
    import os

    neo4j = neo4j_module()
    user = user or os.environ.get("INNOGRAPH_NEO4J_USER")
    password = password if password is not None else os.environ.get("INNOGRAPH_NEO4J_PASSWORD")
    auth = (user, password or "") if user else None
    return neo4j.GraphDatabase.driver(uri, auth=auth)
