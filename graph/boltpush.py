"""Push the projection to Neo4j (or any Bolt server): incremental, idempotent, repairable.

The mapping is :mod:`innograph.graph.bolt`'s. A push:

1. reads the server's bookkeeping, one ``:InnographSource {iri, hash}`` node per source pushed;
   when it equals the local sources (IRIs and content hashes) there is nothing to do and
   nothing is written (zero writes: the driver's counters say so);
2. otherwise makes ``iri`` unique first (:func:`~innograph.graph.bolt.ensure_schema`), reads the
   ``ig_hash`` of every node and relationship the push manages on the server, and writes the
   difference only: relationships and nodes no longer in the projection are deleted (a source
   removed locally leaves nodes and relationships no source holds: they go), new or changed
   ones are written in batches of ``UNWIND $rows`` in managed transactions: a new node is
   created with its labels and properties in one clause and returns its element id, a new
   relationship finds its ends by element id (checked by IRI: a batch where an id went stale,
   nodes deleted and created by another client meanwhile, is written again by IRI), which costs
   the server a third of a lookup by IRI;
3. records the pushed sources last, in one transaction, on the server and in a state file
   beside the store's cache (``<store>.cache/push-neo4j-<server>.json``).

A push killed half-way leaves every batch it wrote whole (each is a transaction) and the old
bookkeeping, so the next push sees the sources differ, compares row by row and repairs.
Only rows carrying ``ig_hash`` are touched: other data in the database is left alone.

ArcadeDB (its Bolt plugin calls itself Neo4j 5.26) quirks: a node relabelled twice in one
transaction, or created and relabelled in one, breaks its unique index, so labels are removed
in their own transaction and a new node is created with all its labels at once.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from innograph.graph.bolt import (
    MANAGED_LABELS, NODE_LABEL, SOURCE_LABEL, PropertyGraph, digest, ensure_schema, neo4j_module,
    property_graph,
)

__all__ = ["PushReport", "push_neo4j", "state_path", "WRITE_COUNTERS"]

#: The counters of the driver's summary that are writes.
WRITE_COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
                  "properties_set", "labels_added", "labels_removed")

Progress = Callable[[str, int, int], None]  # (step, done, total)


@dataclass
class PushReport:
    """What a push did: rows written and deleted, sources changed, the server's counters."""

    nodes: int = 0                 # nodes of the projection
    relationships: int = 0         # relationships of the projection
    nodes_written: int = 0
    relationships_written: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    sources_changed: list[str] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def writes(self) -> int:
        """Writes the server reported (the summary counters), schema included."""
        return sum(self.counters.get(name, 0) for name in WRITE_COUNTERS)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "writes": self.writes}


def state_path(kg, target: str) -> Path | None:
    """The local state file of pushes from the store of ``kg`` to ``target`` (None in memory)."""
    if getattr(kg, "path", None) is None:
        return None
    path = Path(kg.path).resolve()
    return path.with_name(path.name + ".cache") / f"push-{digest((), {'t': target})[:12]}.json"


def push_neo4j(kg, driver: Any, *, database: str | None = None, batch_size: int = 5000,
               projection=None, progress: Progress | None = None, target: str | None = None,
               graph: PropertyGraph | None = None) -> PushReport:
    """Push the projection of ``kg`` to the server of ``driver`` (see the module's doc).

    ``target`` names the server in the local state file (the URI and database); ``progress`` is
    called as ``progress(step, done, total)``. Returns a :class:`PushReport`.
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    began = time.perf_counter()
    report = PushReport()
    pg = graph or property_graph(kg, projection=projection)
    report.nodes, report.relationships = len(pg.nodes), len(pg.relationships)
    remote_sources = _remote_sources(driver, database)
    report.sources_changed = sorted(s for s, h in pg.sources.items() if remote_sources.get(s) != h)
    report.sources_removed = sorted(set(remote_sources) - set(pg.sources))
    if not report.sources_changed and not report.sources_removed:
        report.seconds = time.perf_counter() - began
        _save_state(kg, target, pg, report)
        return report
    counters: dict[str, int] = defaultdict(int)
    ensure_schema(driver, database=database)
    with driver.session(database=database) as session:
        writer = _Writer(session, batch_size, counters, progress)
        nodes, rels, writer.ids = _remote_rows(session)
        local_keys, local_iris = {r.key for r in pg.relationships}, {n.iri for n in pg.nodes}
        writer.delete_relationships(report, [k for k, h in rels.items() if h is not None and k not in local_keys])
        writer.delete_nodes(report, [iri for iri, h in nodes.items() if h is not None and iri not in local_iris])
        writer.write_nodes(report, [n for n in pg.nodes if nodes.get(n.iri) != n.hash], nodes)
        writer.write_relationships(report, [r for r in pg.relationships if rels.get(r.key) != r.hash], rels)
        writer.record_sources(pg.sources, report.sources_removed)
    report.counters = dict(counters)
    report.seconds = time.perf_counter() - began
    _save_state(kg, target, pg, report)
    return report


def _remote_sources(driver, database) -> dict[str, str]:
    records, _, _ = driver.execute_query(f"MATCH (s:{SOURCE_LABEL}) RETURN s.iri AS iri, s.hash AS hash",
                                         database_=database, routing_=neo4j_module().RoutingControl.READ)
    return {r["iri"]: r["hash"] for r in records}


def _remote_rows(session) -> tuple[dict[str, str | None], dict[tuple[str, str, str], str], dict[str, str] | None]:
    """The server's nodes (IRI -> ig_hash, None for a node the push did not write), the pushed
    relationships ((type, start IRI, end IRI) -> ig_hash) and the nodes' element ids (IRI -> id;
    None on a server without ``elementId``, Neo4j 4)."""
    ids: dict[str, str] | None = None
    try:
        records = list(session.run(f"MATCH (n:{NODE_LABEL}) RETURN n.iri AS iri, n.ig_hash AS h, elementId(n) AS id"))
        ids = {r["iri"]: r["id"] for r in records}
    except neo4j_module().exceptions.ClientError:
        records = list(session.run(f"MATCH (n:{NODE_LABEL}) RETURN n.iri AS iri, n.ig_hash AS h"))
    nodes = {r["iri"]: r["h"] for r in records}
    rels = {(r["t"], r["a"], r["b"]): r["h"] for r in session.run(
        f"MATCH (a:{NODE_LABEL})-[r]->(b:{NODE_LABEL}) WHERE r.ig_hash IS NOT NULL "
        "RETURN type(r) AS t, a.iri AS a, b.iri AS b, r.ig_hash AS h")}
    return nodes, rels, ids


class _Writer:
    """Batched writes in managed transactions, adding up the summary counters. ``ids`` maps an
    IRI to its node's element id on the server (read, or returned when the node is created):
    new relationships find their ends by it, the cheapest lookup there is."""

    def __init__(self, session, batch_size: int, counters: dict[str, int], progress: Progress | None) -> None:
        self.session, self.batch_size, self.counters = session, batch_size, counters
        self.progress = progress or (lambda step, done, total: None)
        self.ids: dict[str, str] | None = {}  # None: the server has no elementId

    def run(self, statement: str, rows: list[dict[str, Any]], step: str, done: int, total: int,
            check: Callable[[list[dict[str, Any]], list, Any], None] | None = None) -> None:
        """Write ``rows`` in batches; ``check(batch, records, summary)`` sees each batch's result."""
        for batch in _batches(rows, self.batch_size):
            records, summary = self.session.execute_write(self._tx, statement, batch)
            if check is not None:
                check(batch, records, summary)
            done += len(batch)
            self.progress(step, done, total)

    def _tx(self, tx, statement: str, rows: list[dict[str, Any]]):
        result = tx.run(statement, rows=rows)
        records = list(result)
        summary = result.consume()
        self._count(summary)
        return records, summary

    def _count(self, summary) -> None:
        for name in WRITE_COUNTERS:
            self.counters[name] += getattr(summary.counters, name, 0) or 0

    def delete_relationships(self, report: PushReport, keys: list[tuple[str, str, str]]) -> None:
        by_type: dict[str, list[dict]] = defaultdict(list)
        for rel_type, a, b in keys:
            by_type[rel_type].append({"a": a, "b": b})
        done = 0
        for rel_type, rows in by_type.items():
            self.run(f"UNWIND $rows AS row MATCH (a:{NODE_LABEL} {{iri: row.a}})-[r:{rel_type}]->"
                     f"(b:{NODE_LABEL} {{iri: row.b}}) DELETE r", rows, "deleting relationships", done, len(keys))
            done += len(rows)
        report.relationships_deleted = len(keys)

    def delete_nodes(self, report: PushReport, iris: list[str]) -> None:
        self.run(f"UNWIND $rows AS row MATCH (n:{NODE_LABEL} {{iri: row.iri}}) DETACH DELETE n",
                 [{"iri": i} for i in iris], "deleting nodes", 0, len(iris))
        report.nodes_deleted = len(iris)

    def write_nodes(self, report: PushReport, nodes, remote: dict[str, str]) -> None:
        """Changed nodes are matched and overwritten; new ones created with their labels and
        properties in one clause, returning their element ids."""
        groups: dict[tuple[tuple[str, ...], bool, tuple[str, ...]], list[dict]] = defaultdict(list)
        for n in nodes:
            props = _present({**n.props, "ig_hash": n.hash})
            new = n.iri not in remote
            groups[n.labels, new, tuple(props) if new else ()].append(props if new else {"iri": n.iri, "props": props})
        done = 0
        for (labels, new, keys), rows in groups.items():
            if new:
                self.run(_create_nodes(labels, keys, self.ids is not None), rows, "writing nodes", done,
                         len(nodes), self._remember if self.ids is not None else None)
            else:
                unlabel, update = _node_statements(labels)
                if unlabel:
                    self.run(unlabel, rows, "writing nodes", done, len(nodes))
                self.run(update, rows, "writing nodes", done, len(nodes))
            done += len(rows)
        report.nodes_written = len(nodes)

    def _remember(self, batch, records, summary) -> None:
        for record in records:  # one: a record per row costs the driver more than the rest of the push
            self.ids.update(record["ids"])

    def write_relationships(self, report: PushReport, rels, remote: dict) -> None:
        """New relationships are created (no MERGE: the server has none between those ends of
        that type), their ends found by element id (and checked by IRI); changed ones matched by
        IRI and overwritten."""
        groups: dict[tuple[str, bool, tuple[str, ...]], list[dict]] = defaultdict(list)
        ids = self.ids or {}
        for r in rels:
            props = _present({**r.props, "ig_hash": r.hash})
            old = bool(remote) and r.key in remote
            ia, ib = ids.get(r.start), ids.get(r.end)
            if old or ia is None or ib is None:
                groups[r.type, False, (old,)].append({"a": r.start, "b": r.end, "props": props})
            else:
                groups[r.type, True, tuple(props)].append({"a": r.start, "b": r.end, "ia": ia, "ib": ib,
                                                           "props": props})
        done = 0
        for (rel_type, by_id, keys), rows in groups.items():
            if by_id:
                self.run(_create_relationships(rel_type, keys), rows, "writing relationships", done, len(rels),
                         lambda batch, records, summary, t=rel_type: self._all_created(t, batch, summary))
            else:
                self.run(_write_relationships(rel_type, old=keys[0]), rows, "writing relationships", done, len(rels))
            done += len(rows)
        report.relationships_written = len(rels)

    def _all_created(self, rel_type: str, batch, summary) -> None:
        """A batch whose ends were not all found by element id (an id reused since it was read:
        another client deleted and created nodes meanwhile) is written again by IRI, merged."""
        if summary.counters.relationships_created != len(batch):
            self.session.execute_write(self._tx, _write_relationships(rel_type, old=None), batch)

    def record_sources(self, sources: dict[str, str], removed: list[str]) -> None:
        """The bookkeeping, last and in one transaction: the push is complete."""
        rows = [{"iri": iri, "hash": h} for iri, h in sorted(sources.items())]

        def tx(tx) -> None:
            self._count(tx.run(f"UNWIND $rows AS row MATCH (s:{SOURCE_LABEL} {{iri: row}}) DELETE s",
                               rows=removed).consume())
            self._count(tx.run(f"UNWIND $rows AS row MERGE (s:{SOURCE_LABEL} {{iri: row.iri}}) "
                               "WITH s, row WHERE s.hash IS NULL OR s.hash <> row.hash SET s.hash = row.hash",
                               rows=rows).consume())

        self.session.execute_write(tx)


def _node_statements(labels: tuple[str, ...]) -> tuple[str | None, str]:
    """Cypher to update nodes that will have these labels: drop our other labels (in its own
    transaction: see the module's doc on ArcadeDB's labels), then set the labels and properties."""
    wanted = "".join(f":{label}" for label in labels)
    unwanted = "".join(f":{label}" for label in MANAGED_LABELS if label not in labels)
    match = f"UNWIND $rows AS row MATCH (n:{NODE_LABEL} {{iri: row.iri}})"
    unlabel = f"{match} REMOVE n{unwanted}" if unwanted else None
    return unlabel, f"{match} SET {f'n{wanted}, ' if wanted else ''}n = row.props"


def _create_nodes(labels: tuple[str, ...], keys: tuple[str, ...], ids: bool) -> str:
    """Cypher creating nodes with these labels and properties (rows are the property maps),
    returning their IRIs and element ids when ``ids`` (in one record)."""
    wanted = "".join(f":{label}" for label in labels)
    props = ", ".join(f"{key}: row.{key}" for key in keys)
    create = f"UNWIND $rows AS row CREATE (n:{NODE_LABEL}{wanted} {{{props}}})"
    return create + " RETURN collect([n.iri, elementId(n)]) AS ids" if ids else create


def _create_relationships(rel_type: str, keys: tuple[str, ...]) -> str:
    """Cypher creating relationships between nodes found by element id (``ia``, ``ib``) and
    checked by IRI (``a``, ``b``), with these properties."""
    props = ", ".join(f"{key}: row.props.{key}" for key in keys)
    return (f"UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.ia AND a.iri = row.a "
            f"MATCH (b) WHERE elementId(b) = row.ib AND b.iri = row.b CREATE (a)-[:{rel_type} {{{props}}}]->(b)")


def _write_relationships(rel_type: str, old: bool | None) -> str:
    """Cypher writing relationships between nodes found by IRI: overwrite existing ones
    (``old``), create new ones, or merge (None: either)."""
    ends = f"UNWIND $rows AS row MATCH (a:{NODE_LABEL} {{iri: row.a}}) MATCH (b:{NODE_LABEL} {{iri: row.b}}) "
    verb = {True: "MATCH", False: "CREATE", None: "MERGE"}[old]
    return ends + f"{verb} (a)-[r:{rel_type}]->(b) SET r = row.props"


def _present(props: dict[str, Any]) -> dict[str, Any]:
    """The properties that have a value (a null one is no property in Cypher)."""
    if None not in props.values():
        return props
    return {key: value for key, value in props.items() if value is not None}


def _save_state(kg, target: str | None, pg: PropertyGraph, report: PushReport) -> None:
    """The local side of the bookkeeping: which sources (and hashes) the server now holds."""
    path = state_path(kg, target or "neo4j")
    if path is None:
        return
    state = {"target": target, "pushed_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
             "sources": pg.sources, "nodes": report.nodes, "relationships": report.relationships}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, indent=1, sort_keys=True))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only place: the server's bookkeeping is enough


class _Rows(list):
    """A batch of rows, shown by its length: the driver formats every query's parameters for its
    debug log, logging on or not, which took a third of the push's client CPU."""

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def _batches(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield _Rows(rows[start:start + size])
