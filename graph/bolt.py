"""Copy the knowledge graph to Neo4j, or any Bolt and Cypher server, as a property graph.

Why: where one machine is not enough, or where people already work in Neo4j, path and
suggestion queries can run there as Cypher. The RDF store stays the source of truth; this
module writes the part of it that Cypher users walk: the things of the ontology (organizations,
people, projects, events, places, articles) as nodes, and the direct edges between them as
relationships.

The mapping is the projection's (:mod:`innograph.graph.projection`), so that Cypher answers the
question the embedded search answers:

- a node for every node of the projection: organizations, people, projects, events, places,
  one per organization once merges are collapsed (``owl:sameAs``, ``ig:Merge``), keyed by its
  canonical IRI, with ``same_as`` listing the other IRIs merged into it; every node has the label
  :data:`NODE_LABEL` (``Resource``, the key ``iri`` is unique on it), the label of its kind
  (``Organization``, ``Person``...) and for an organization the local name of its ``ig:`` kind
  (``Company``, ``Cluster``...), also listed in its ``kinds`` property; ``label`` is its name;
- a relationship for every edge of the projection, one per fact kind and pair, in the kind's
  direction, typed as :mod:`innograph.ontology.kinds` says (``MEMBER_OF``, ``FUNDS``...: never
  both ``MEMBER_OF`` and ``HAS_MEMBER``), with ``kind``, ``weight``, ``facts`` (how many facts
  back it), ``since``/``until`` (ISO dates) and ``role`` (``coordinator``, ``former``) when known.

Writes are idempotent (a node is found by ``iri`` and created only when missing; a relationship
is ``MERGE``d on its type and ends, its properties set), in managed write transactions of
``UNWIND $rows`` batches. A push adds and updates; it does not delete
what has left the store since the last push.

Servers: tested against Neo4j's protocol as ArcadeDB's Bolt plugin speaks it (it calls itself
Neo4j 5.26), and written for Neo4j 4.4 and 5. ArcadeDB quirks handled here: a node relabelled twice
in one transaction, or created and relabelled in one, breaks its unique index (so a new node is
created with all its labels at once, see ``_node_statements``), and an auto-commit ``UNWIND``
writing several rows is not atomic there (so everything goes through managed transactions).

The neo4j driver is the ``neo4j`` extra (``pip install 'innograph[neo4j]'``); it is imported
only when a function here is called. :func:`property_graph` needs no server and no driver::

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
    ...     print(node.iri, node.labels, node.kinds)
    https://example.org/a ('Organization',) ()
    https://example.org/k ('Organization', 'Cluster') ('Cluster',)
    >>> for rel in pg.relationships:
    ...     print(rel.start, rel.type, rel.end, rel.properties["weight"])
    https://example.org/a MEMBER_OF https://example.org/k 0.9

Pushing it is ``push_bolt(store, driver)``, with ``driver = neo4j.GraphDatabase.driver(uri,
auth=(user, password))`` opened (and closed) by the caller.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, NamedTuple

from pyoxigraph import Store

from innograph.errors import MissingExtraError
from innograph.graph.projection import COORDINATOR, FORMER, NODATE, build, format_date
from innograph.ontology.kinds import KINDS, ORG_KINDS, ORGANIZATION_KINDS

__all__ = [
    "CLASS_LABELS",
    "DEFAULT_GRAPH_SOURCE",
    "KIND_LABELS",
    "NODE_LABEL",
    "RELATIONSHIP_TYPES",
    "Node",
    "PropertyGraph",
    "Relationship",
    "ensure_schema",
    "property_graph",
    "push_bolt",
    "shortest_path_bolt",
]

log = logging.getLogger(__name__)

#: The label every pushed node has; ``iri`` is unique among the nodes that have it.
NODE_LABEL = "Resource"

#: Kept for callers of the previous mapping (relationships are no longer one per source).
DEFAULT_GRAPH_SOURCE = "default"

#: Node kinds of the projection -> node label (an organization kind also gets its own label).
CLASS_LABELS: dict[str, str] = {**{k: "Organization" for k in ORGANIZATION_KINDS},
                                "Person": "Person", "Project": "Project", "Event": "Event", "Place": "Place"}

#: Organization kinds -> extra node label, the ``ig:`` local name (generated from the ontology).
KIND_LABELS: dict[str, str] = {k: k for k in ORG_KINDS}

#: Fact kinds of the projection -> relationship type (start: the fact's subject).
RELATIONSHIP_TYPES: dict[str, str] = {k.name: k.relationship for k in KINDS.values() if k.projected}

# Labels this module owns: a push sets a node's to what the store says, and leaves others alone.
_MANAGED_LABELS = tuple(dict.fromkeys(["Organization", "Person", "Project", "Event", "Place", "Article",
                                       *KIND_LABELS.values()]))
_LABEL_ORDER = {label: i for i, label in enumerate(_MANAGED_LABELS)}

_SCHEMA_NAME = "innograph_resource_iri"
# Tried in order until one is accepted: Neo4j 5 and ArcadeDB; Neo4j 4.4; Memgraph and older
# Neo4j; then a plain index, in the same dialects.
_SCHEMA_STATEMENTS = (
    (
        "constraint",
        (
            f"CREATE CONSTRAINT {_SCHEMA_NAME} IF NOT EXISTS "
            f"FOR (n:{NODE_LABEL}) REQUIRE n.iri IS UNIQUE"
        ),
    ),
    (
        "constraint",
        (
            f"CREATE CONSTRAINT {_SCHEMA_NAME} IF NOT EXISTS "
            f"ON (n:{NODE_LABEL}) ASSERT n.iri IS UNIQUE"
        ),
    ),
    ("constraint", f"CREATE CONSTRAINT ON (n:{NODE_LABEL}) ASSERT n.iri IS UNIQUE"),
    ("index", f"CREATE INDEX {_SCHEMA_NAME} IF NOT EXISTS FOR (n:{NODE_LABEL}) ON (n.iri)"),
    ("index", f"CREATE INDEX ON :{NODE_LABEL}(iri)"),
)


class Node(NamedTuple):
    """A node to write: its IRI, its labels besides ``Resource``, its org kinds, its label, and
    the other IRIs merged into it."""

    iri: str
    labels: tuple[str, ...]
    kinds: tuple[str, ...]
    label: str | None
    same_as: tuple[str, ...] = ()


class Relationship(NamedTuple):
    """A relationship to write, from ``start`` to ``end`` (IRIs), with its properties."""

    type: str
    start: str
    end: str
    properties: dict[str, Any]


class PropertyGraph(NamedTuple):
    """Nodes sorted by IRI, relationships sorted by (type, start, end)."""

    nodes: list[Node]
    relationships: list[Relationship]


def property_graph(store, *, projection=None) -> PropertyGraph:
    """The nodes and relationships :func:`push_bolt` writes: the projection of ``store`` (a
    pyoxigraph ``Store`` or a ``KnowledgeGraph``; every graph), or ``projection`` when given.
    See the module's doc for the mapping and an example.
    """
    if projection is None:
        if not (isinstance(store, Store) or hasattr(store, "store")):
            raise TypeError(f"store must be a pyoxigraph.Store or a KnowledgeGraph, not {type(store).__name__}")
        projection = build(store)
    p = projection
    nodes = []
    for n in range(p.n_nodes):
        kind = p.kinds[n]
        if kind not in CLASS_LABELS:
            continue
        own = {CLASS_LABELS[kind], *([KIND_LABELS[kind]] if kind in KIND_LABELS else [])}
        labels = tuple(sorted(own, key=_LABEL_ORDER.__getitem__))
        same_as = tuple(i for i in p.iris_of(n) if i != p.iris[n])
        nodes.append(Node(p.iris[n], labels, (kind,) if kind in KIND_LABELS else (), p.labels[n] or None, same_as))
    relationships = []
    for e in range(p.n_edges):
        kind = p.edge_kinds[p.ekind[e]]
        props: dict[str, Any] = {"kind": kind, "weight": round(float(p.weight[e]), 6), "facts": p.count[e]}
        if p.start[e] != NODATE:
            props["since"] = format_date(p.start[e])
        if p.end[e] != NODATE:
            props["until"] = format_date(p.end[e])
        if p.flags[e] & COORDINATOR:
            props["role"] = "coordinator"
        elif p.flags[e] & FORMER:
            props["role"] = "former"
        relationships.append(Relationship(RELATIONSHIP_TYPES[kind], p.iris[p.src[e]], p.iris[p.dst[e]], props))
    nodes.sort(key=lambda node: node.iri)
    relationships.sort(key=lambda rel: (rel.type, rel.start, rel.end))
    return PropertyGraph(nodes, relationships)


def push_bolt(
    store: Store,
    driver: Any,
    *,
    database: str | None = None,
    batch_size: int = 5000,
) -> dict[str, Any]:
    """Write the property graph of ``store`` (see :func:`property_graph`) to a Bolt server.

    ``driver`` is an open ``neo4j.Driver``; ``database`` the database to write (the server's
    default when None). First makes ``iri`` unique on ``Resource`` nodes (:func:`ensure_schema`),
    then writes nodes and relationships in managed write transactions of at most
    ``batch_size`` rows each. Idempotent: pushing the same store twice leaves the same nodes and
    relationships. A node's labels from this module's mapping follow the store (a kind dropped
    from the store is removed); other labels and properties are left alone.

    Returns ``{"nodes": ..., "relationships": ..., "schema": ...}``: the numbers written and
    ``"constraint"``, ``"index"`` or ``None``, whichever the server accepted for ``iri``.

    Raises ``MissingExtraError("neo4j")`` without the driver, ``ValueError`` for a bad
    ``batch_size``, and the driver's own errors (``neo4j.exceptions.Neo4jError``,
    ``neo4j.exceptions.DriverError``) when the server refuses or cannot be reached; batches
    written before a failure stay written, and pushing again completes the work.
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    _neo4j()
    graph = property_graph(store)
    schema = ensure_schema(driver, database=database)

    by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for node in graph.nodes:
        row = {"iri": node.iri, "label": node.label, "kinds": list(node.kinds), "same_as": list(node.same_as)}
        by_labels[node.labels].append(row)
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rel in graph.relationships:
        by_type[rel.type].append({"start": rel.start, "end": rel.end, "properties": rel.properties})

    with driver.session(database=database) as session:
        for node_labels, rows in by_labels.items():
            unlabel, update, create = _node_statements(node_labels)
            for batch in _batches(rows, batch_size):
                if unlabel:
                    session.execute_write(_run, unlabel, batch)
                session.execute_write(_upsert_nodes, update, create, batch)
        for rel_type, rows in by_type.items():
            statement = _relationship_statement(rel_type)
            for batch in _batches(rows, batch_size):
                session.execute_write(_run, statement, batch)
    log.info(
        "pushed %d nodes and %d relationships over Bolt (iri %s)",
        len(graph.nodes),
        len(graph.relationships),
        schema or "not indexed",
    )
    return {"nodes": len(graph.nodes), "relationships": len(graph.relationships), "schema": schema}


def ensure_schema(driver: Any, *, database: str | None = None) -> str | None:
    """Make ``iri`` unique on ``Resource`` nodes, or at least indexed, as the server allows.

    Tries a uniqueness constraint in the dialects of Neo4j 5 (which ArcadeDB also accepts),
    Neo4j 4.4 and Memgraph, then a plain index; each is a no-op when already there. Returns
    ``"constraint"``, ``"index"``, or ``None`` (with a warning: MERGE then scans) when the
    server accepted none of them, say for duplicate IRIs already in the database.
    """
    neo4j = _neo4j()
    refused = (neo4j.exceptions.ClientError, neo4j.exceptions.DatabaseError)
    reasons = []
    for kind, statement in _SCHEMA_STATEMENTS:
        try:
            driver.execute_query(statement, database_=database)
        except refused as exc:
            reasons.append(f"{statement!r}: {getattr(exc, 'message', None) or exc}")
            continue
        if reasons:
            log.debug("iri schema: %s accepted after %d refusals: %s", kind, len(reasons), reasons)
        return kind
    log.warning("the server accepted no constraint nor index on %s.iri: %s", NODE_LABEL, reasons)
    return None


def shortest_path_bolt(
    driver: Any,
    a_iri: str,
    b_iri: str,
    *,
    database: str | None = None,
    max_hops: int = 4,
) -> list[str] | None:
    """The IRIs of the nodes on a shortest path from ``a_iri`` to ``b_iri``, or None.

    The path goes along the relationships this module writes (:data:`RELATIONSHIP_TYPES`),
    either way, in at most ``max_hops`` of them; ``[a_iri]`` when both are the same node. Uses
    Cypher's ``shortestPath`` (Neo4j, ArcadeDB), or where the server refuses it a
    variable-length match ordered by length, which explores every path up to ``max_hops``.
    Returns None when either IRI is not a node or no path is that short. Among paths of the
    same length, which one comes back is the server's choice.
    """
    for name, value in (("a_iri", a_iri), ("b_iri", b_iri)):
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name} must be a non-empty IRI string, got {value!r}")
    if isinstance(max_hops, bool) or not isinstance(max_hops, int) or max_hops < 1:
        raise ValueError(f"max_hops must be a positive integer, got {max_hops!r}")
    neo4j = _neo4j()
    if a_iri == b_iri:  # Neo4j's shortestPath refuses the same start and end node
        records, _, _ = driver.execute_query(
            f"MATCH (a:{NODE_LABEL} {{iri: $a}}) RETURN a.iri AS iri",
            {"a": a_iri},
            database_=database,
            routing_=neo4j.RoutingControl.READ,
        )
        return [a_iri] if records else None

    # Neither labels, types nor bounds can be parameters: they are built from our own constants.
    rels = "|".join(dict.fromkeys(RELATIONSHIP_TYPES.values()))
    shortest = (
        f"MATCH (a:{NODE_LABEL} {{iri: $a}}), (b:{NODE_LABEL} {{iri: $b}}) "
        f"MATCH p = shortestPath((a)-[:{rels}*..{max_hops}]-(b)) "
        "RETURN [n IN nodes(p) | n.iri] AS iris"
    )
    by_length = (
        f"MATCH p = (a:{NODE_LABEL} {{iri: $a}})-[:{rels}*1..{max_hops}]-"
        f"(b:{NODE_LABEL} {{iri: $b}}) "
        "RETURN [n IN nodes(p) | n.iri] AS iris ORDER BY length(p) LIMIT 1"
    )
    params = {"a": a_iri, "b": b_iri}
    try:
        records, _, _ = driver.execute_query(
            shortest, params, database_=database, routing_=neo4j.RoutingControl.READ
        )
    except (neo4j.exceptions.ClientError, neo4j.exceptions.DatabaseError) as exc:
        log.debug("shortestPath refused (%s); falling back to a variable-length match", exc)
        records, _, _ = driver.execute_query(
            by_length, params, database_=database, routing_=neo4j.RoutingControl.READ
        )
    if not records:
        return None
    return list(records[0]["iris"])


def _node_statements(labels: tuple[str, ...]) -> tuple[str | None, str, str]:
    """Cypher for nodes with these labels: drop our other labels; update existing; create new.

    Why three, and not one ``MERGE (n:Resource:Organization {iri: ...})``: ArcadeDB stores a
    node's labels as its record type, so changing them moves the record, and a second move of
    one node in one transaction, or a move of a node created in it, breaks its unique index on
    ``iri`` (ConstraintValidationFailed); and its ``MERGE`` on several labels does not use that
    index (20k nodes: 14 s, against under 1 s for a ``MATCH`` then a ``CREATE``). So: dropping
    labels is its own transaction (a no-op when there is nothing to drop), adding labels goes
    with the update of an existing node, and a new node is created with all its labels at once.
    """
    wanted = "".join(f":{label}" for label in labels)
    unwanted = "".join(f":{label}" for label in _MANAGED_LABELS if label not in labels)
    match = f"UNWIND $rows AS row MATCH (n:{NODE_LABEL} {{iri: row.iri}})"
    properties = "n.label = row.label, n.kinds = row.kinds, n.same_as = row.same_as"
    unlabel = f"{match} REMOVE n{unwanted}" if unwanted else None
    update = f"{match} SET {f'n{wanted}, ' if wanted else ''}{properties} RETURN n.iri AS iri"
    create = (
        f"UNWIND $rows AS row CREATE (n:{NODE_LABEL}{wanted} {{iri: row.iri}}) SET {properties}"
    )
    return unlabel, update, create


def _upsert_nodes(tx: Any, update: str, create: str, rows: list[dict[str, Any]]) -> None:
    """Transaction function: update the nodes that exist, then create the others."""
    found = {record["iri"] for record in tx.run(update, rows=rows)}
    missing = [row for row in rows if row["iri"] not in found]
    if missing:
        tx.run(create, rows=missing).consume()


def _relationship_statement(rel_type: str) -> str:
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:{NODE_LABEL} {{iri: row.start}}) MATCH (b:{NODE_LABEL} {{iri: row.end}}) "
        f"MERGE (a)-[r:{rel_type}]->(b) SET r += row.properties"
    )


def _run(tx: Any, statement: str, rows: list[dict[str, Any]]) -> None:
    """Transaction function: run one ``UNWIND $rows`` statement."""
    tx.run(statement, rows=rows).consume()


def _batches(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _neo4j() -> Any:
    """Import the neo4j driver, or say which extra provides it."""
    try:
        import neo4j
        import neo4j.exceptions
    except ImportError as exc:
        raise MissingExtraError("neo4j") from exc
    return neo4j
