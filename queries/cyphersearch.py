"""The path search run as Cypher on a Neo4j (or any Bolt) server holding the pushed projection.

Registered as ``neo4j`` in the entry-point group ``innograph.path_search`` beside the embedded
search (:mod:`.pathsearch`): same :class:`~.pathsearch.SearchFilter`, same candidates (cost,
node IRIs, edge keys), explained from the local store by :func:`.paths.explain`. What the
embedded search computes in memory is computed here by the server, in plain Cypher (no APOC, no
GDS: ArcadeDB's Bolt server has neither): simple paths of at most ``max_hops`` relationships
either way, the fact kinds and the ``as_of`` period filtered on the relationships' ``kind`` and
day ordinals, the IRIs to avoid and the intermediate node kinds on the nodes, and the cost of a
path — the sum of ``-log(weight × recency)`` over its relationships, the hub penalty of its
intermediates (from their ``degree``) and the penalty for chained co-mentions.

Meet in the middle: a variable-length pattern of ``max_hops`` relationships makes the server
walk every path from the source (degree ** max_hops of them, seconds for a busy node), so the
server walks two halves instead — the paths of up to ``ceil(max_hops / 2)`` relationships from
the source and of up to ``floor(max_hops / 2)`` from the target (:func:`half_cypher`), with the
cost of each half — and the client joins them on their meeting node, cheapest first
(:func:`_join`), until the paths the ranking needs are out. The same diversification as the
embedded search then picks the ``k`` shown.

The graph must have been pushed (``innograph push neo4j``, :mod:`innograph.graph.boltpush`);
the projection's 90th-percentile degree and latest date, which the hub penalty and recency are
relative to, are read from the local projection, which the server's copy equals.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

from innograph.errors import RemoteError, UsageError
from innograph.graph.bolt import NODE_LABEL, RELATIONSHIP_TYPES, neo4j_driver, neo4j_module
from innograph.graph.projection import NODATE, ORGANIZATION_KINDS, as_of_period
from innograph.queries.pathsearch import (
    AVOID_HUBS_PENALTY, CHAINED_MENTIONS, DIGITS, HUB_PENALTY, RANKED, Candidate, Found, Reached, SearchFilter,
    _diversify, typical_degree,
)

__all__ = ["Neo4jSearch", "Neo4jNeighbours", "half_cypher", "nearest_cypher", "edges_cypher"]

#: Paths from one end fetched, cheapest first, to find its nearest organizations (no path case).
NEAREST_ROWS = 5000

_DATE = "(CASE WHEN $ref <> 0 AND r.last_day > $ref THEN r.start_day ELSE r.last_day END)"
_RECENCY = (f"(CASE WHEN {_DATE} = 0 OR $ref = 0 THEN 0.75 ELSE 0.5 + 0.5 * exp(-(CASE WHEN $ref > {_DATE} "
            f"THEN ($ref - {_DATE}) / 365.25 ELSE 0.0 END) / 5.0) END)")
_EDGE_COST = f"-log(CASE WHEN r.weight * {_RECENCY} > 1e-9 THEN r.weight * {_RECENCY} ELSE 1e-9 END)"
_HUB = "(CASE WHEN n.degree > $typical THEN log(toFloat(n.degree) / $typical) ELSE 0.0 END)"
_VALID_AT = ("NOT (r.start_day > $hi OR (r.end_day <> 0 AND (r.end_day < $lo OR "
             "(r.end_day = $lo AND $lo = $hi))))")


def half_cypher(f: SearchFilter, hops: int, left: bool) -> str:
    """The Cypher statement for one half of the meet-in-the-middle path search: the simple paths
    of 1..`hops` relationships from ``$s`` that the filter allows, with their edge cost, the hub
    penalty of their inner nodes and of their last node, and their co-mentions (a list each, all
    collected in one record). ``left`` (from
    the source): paths that end at the target ``$t``, or have exactly `hops` relationships and end
    at a node that may be an intermediate (``$join``: a right half will meet it). Not left (from
    the target): paths through nodes that may be intermediates, not through ``$t``."""
    kinds = sorted(f.kinds) if f.kinds is not None else sorted(RELATIONSHIP_TYPES)
    types = "|".join(sorted({RELATIONSHIP_TYPES[k] for k in kinds if k in RELATIONSHIP_TYPES}))
    rel_checks = ["r.kind IN $kinds"] + ([_VALID_AT] if f.as_of else [])
    checks = ["NOT n.iri IN $avoid", "n.iri <> $t"] + (["n.kind IN $via"] if f.via is not None else [])
    node_checks = " AND ".join(checks)
    ends = (f"  AND ALL(n IN ns[1..-1] WHERE {node_checks})\n"
            f"  AND (ns[-1].iri = $t OR (size(rs) = {int(hops)} AND $join\n"
            f"       AND ALL(n IN [ns[-1]] WHERE {node_checks})))\n"
            if left else f"  AND ALL(n IN ns[1..] WHERE {node_checks})\n")
    return (
        f"MATCH (s:{NODE_LABEL} {{iri: $s}})\n"
        f"MATCH p = (s)-[:{types}*1..{int(hops)}]-(:{NODE_LABEL})\n"
        "WITH nodes(p) AS ns, relationships(p) AS rs\n"
        "WHERE ALL(i IN range(1, size(ns) - 1) WHERE NOT ns[i] IN ns[0..i])\n"
        f"  AND ALL(r IN rs WHERE {' AND '.join(rel_checks)})\n" + ends
        + "RETURN collect([[n IN ns | n.iri], [r IN rs | [startNode(r).iri, r.kind, endNode(r).iri]],\n"
        f"       reduce(c = 0.0, r IN rs | c + {_EDGE_COST}),\n"
        f"       reduce(h = 0.0, n IN ns[1..-1] | h + {_HUB}),\n"
        f"       reduce(h = 0.0, n IN [ns[-1]] | h + {_HUB}),\n"
        "       size([r IN rs WHERE r.kind = 'co_mentioned'])]) AS halves"
    )


def nearest_cypher(f: SearchFilter, hops: int) -> str:
    """The cheapest paths from ``$a`` within `hops` hops to organizations other than the ends
    (``$ends``), through intermediates the filter allows: what :meth:`Neo4jSearch.search`
    lists when there is no path (the embedded search's ``nearest``)."""
    kinds = sorted(f.kinds) if f.kinds is not None else sorted(RELATIONSHIP_TYPES)
    types = "|".join(sorted({RELATIONSHIP_TYPES[k] for k in kinds if k in RELATIONSHIP_TYPES}))
    rel_checks = ["r.kind IN $kinds"] + ([_VALID_AT] if f.as_of else [])
    node_checks = ["NOT n.iri IN $avoid", "NOT n.iri IN $ends"] + (["n.kind IN $via"] if f.via is not None else [])
    return (
        f"MATCH (a:{NODE_LABEL} {{iri: $a}})\n"
        f"MATCH p = (a)-[:{types}*1..{int(hops)}]-(:{NODE_LABEL})\n"
        "WITH nodes(p) AS ns, relationships(p) AS rs\n"
        "WHERE ns[-1].kind IN $organizations AND NOT ns[-1].iri IN $ends AND NOT ns[-1].iri IN $avoid\n"
        "  AND ALL(i IN range(1, size(ns) - 1) WHERE NOT ns[i] IN ns[0..i])\n"
        f"  AND ALL(r IN rs WHERE {' AND '.join(rel_checks)})\n"
        f"  AND ALL(n IN ns[1..-1] WHERE {' AND '.join(node_checks)})\n"
        f"WITH ns[-1].iri AS iri, size(rs) AS hops, reduce(c = 0.0, r IN rs | c + {_EDGE_COST})\n"
        f"     + $alpha * reduce(h = 0.0, n IN ns[1..] | h + {_HUB}) AS cost\n"
        "RETURN iri, hops, cost ORDER BY cost, hops LIMIT $limit"
    )


def edges_cypher(f: SearchFilter) -> str:
    """The valid relationships of the nodes ``$iris`` (either way), as the local edge filter
    says: fact kinds, the ``as_of`` period, no end in ``$avoid``."""
    checks = ["r.kind IN $kinds"] + ([_VALID_AT] if f.as_of else []) + ["NOT m.iri IN $avoid", "NOT iri IN $avoid"]
    return (
        "UNWIND $iris AS iri\n"
        f"MATCH (:{NODE_LABEL} {{iri: iri}})-[r]-(m:{NODE_LABEL})\n"
        f"WHERE {' AND '.join(checks)}\n"
        "RETURN iri, startNode(r).iri AS s, r.kind AS kind, endNode(r).iri AS t"
    )


def _join(lefts: list, rights: list, params: dict, target: str, wanted: int, min_hops: int) -> dict:
    """The cheapest paths from the two halves (:func:`half_cypher`'s rows), as node IRIs ->
    (cost, edges): every node sequence whose rank is among the `wanted` first, ties included.

    A path of more relationships than the left half holds is split where the left half ends (so
    it is found once): a left half ending at ``m`` joined with a right half from the target ending
    at ``m``, sharing no other node. Pairs come out cheapest first: per middle node and number
    of co-mentions on each side (the chained penalty depends on their sum), both lists sorted by
    cost, and a heap over the pairs (i, j) where a pair's successors are (i, j + 1) and, on the
    first column, (i + 1, 0)."""
    alpha, chained = params["alpha"], params["chained"]
    heap: list = []
    direct = sorted((cost + alpha * hub + chained * max(0, weak - 1), tuple(nodes), tuple(map(tuple, edges)))
                    for nodes, edges, cost, hub, _, weak in lefts if nodes[-1] == target)
    streams: list = [(direct, [(0.0, (), ())], 0.0)]
    halves: dict[tuple[str, bool, int], list] = defaultdict(list)
    for side, rows in ((True, lefts), (False, rights)):
        for nodes, edges, cost, hub, last_hub, weak in rows:
            if nodes[-1] != target or not side:
                part = cost + alpha * (hub + (last_hub if side else 0.0))
                nodes, edges = tuple(nodes), tuple(map(tuple, edges))
                if not side:
                    nodes, edges = nodes[::-1], edges[::-1]
                halves[nodes[-1] if side else nodes[0], side, weak].append((part, nodes, edges))
    meeting: dict[str, list] = defaultdict(list)
    for (middle, side, weak), right in halves.items():
        if not side:
            meeting[middle].append((weak, sorted(right)))
    for (middle, side, weak), left in halves.items():
        if side and middle in meeting:
            left = sorted(left)
            streams += [(left, right, chained * max(0, weak + other - 1)) for other, right in meeting[middle]]
    for n, (left, right, base) in enumerate(streams):
        if left and right:
            heapq.heappush(heap, (left[0][0] + right[0][0] + base, n, 0, 0))
    found: dict[tuple, tuple] = {}
    limit = None
    while heap:
        cost, n, i, j = heapq.heappop(heap)
        if limit is not None and round(cost, DIGITS) > limit:
            break
        left, right, base = streams[n]
        if j + 1 < len(right):
            heapq.heappush(heap, (left[i][0] + right[j + 1][0] + base, n, i, j + 1))
        if j == 0 and i + 1 < len(left):
            heapq.heappush(heap, (left[i + 1][0] + right[0][0] + base, n, i + 1, 0))
        nodes, edges = left[i][1] + right[j][1][1:], left[i][2] + right[j][2]
        if len(edges) < min_hops or nodes in found or len(set(nodes)) != len(nodes):
            continue
        found[nodes] = (cost, edges)
        if limit is None and len(found) >= wanted:
            limit = round(cost, DIGITS)
    return found


class _BoltReader:
    """A reader of the pushed projection on a Bolt server: ``Cls(kg, projection, driver=... | uri=...)``.

    ``driver`` is an open ``neo4j.Driver`` (kept open: the caller closes it); or ``uri`` (and
    ``user``/``password``, else ``INNOGRAPH_NEO4J_USER``/``_PASSWORD``) opens one, closed by
    :meth:`close`. ``database``: the server's default when None.
    """

    def __init__(self, kg, projection, *, driver=None, uri: str | None = None, user: str | None = None,
                 password: str | None = None, database: str | None = None) -> None:
        if driver is None and not uri:
            raise UsageError("the neo4j backend needs a server: --uri bolt://HOST:PORT "
                             "(after `innograph push neo4j`)")
        self.kg, self.p, self.database = kg, projection, database
        self._own = driver is None
        self.driver = driver if driver is not None else neo4j_driver(uri, user, password)

    def close(self) -> None:
        if self._own:
            self.driver.close()

    def _params(self, source: str, target: str, f: SearchFilter) -> dict:
        period = as_of_period(f.as_of)
        lo, hi = period if period is not None else (NODATE, NODATE)
        kinds = sorted(f.kinds) if f.kinds is not None else sorted(RELATIONSHIP_TYPES)
        return {"a": source, "b": target, "kinds": kinds, "avoid": sorted(f.avoid - {source, target}),
                "via": sorted(f.via) if f.via is not None else None, "lo": lo, "hi": hi,
                "ref": lo if period is not None else self.p.max_date, "typical": typical_degree(self.p),
                "alpha": AVOID_HUBS_PENALTY if f.avoid_hubs else HUB_PENALTY, "chained": CHAINED_MENTIONS}

    def _run(self, cypher: str, params: dict) -> list:
        neo4j = neo4j_module()
        try:
            records, _, _ = self.driver.execute_query(cypher, params, database_=self.database,
                                                      routing_=neo4j.RoutingControl.READ)
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
            raise RemoteError(f"the Bolt server refused or failed the query: {exc}") from exc
        return records



class Neo4jSearch(_BoltReader):
    """Path search on a Bolt server (see the module's doc)."""

    name = "neo4j"

    def search(self, source: str, target: str, k: int, edge_filter: SearchFilter) -> Found:
        f = edge_filter
        params = self._params(source, target, f)
        right_hops = f.max_hops // 2
        left_hops = f.max_hops - right_hops
        lefts = self._halves(half_cypher(f, left_hops, True), {**params, "s": source, "t": target,
                                                               "join": right_hops > 0})
        rights = (self._halves(half_cypher(f, right_hops, False), {**params, "s": target, "t": source})
                  if right_hops else [])
        found = _join(lefts, rights, params, target, RANKED * k, 2 if f.via is not None else 1)
        result = Found([Candidate(cost, nodes, edges) for cost, nodes, edges in _diversify(found, k)])
        if not result.candidates:
            result.nearest_from = self.nearest(source, (source, target), (f.max_hops + 1) // 2, f, params)
            result.nearest_to = self.nearest(target, (source, target), f.max_hops // 2, f, params)
        return result

    def _halves(self, cypher: str, params: dict) -> list:
        """The rows of :func:`half_cypher` ([nodes, edges, cost, hub, last hub, co-mentions]),
        collected by the server into one record: a record each costs the driver more."""
        records = self._run(cypher, params)
        return records[0]["halves"] if records else []

    def nearest(self, start: str, ends: tuple[str, str], hops: int, f: SearchFilter, params: dict,
                n: int = 5) -> list[Reached]:
        """The `n` organizations `start` reaches cheapest within `hops` hops (as the embedded search)."""
        if hops < 1:
            return []
        rows = self._run(nearest_cypher(f, hops), {**params, "a": start, "ends": list(ends), "limit": NEAREST_ROWS,
                                                   "organizations": sorted(ORGANIZATION_KINDS)})
        best: dict[str, tuple[float, int]] = {}
        for record in rows:
            cost, hops_ = float(record["cost"]), int(record["hops"])
            if round(cost, DIGITS) < round(best.get(record["iri"], (float("inf"), 0))[0], DIGITS):
                best[record["iri"]] = (cost, hops_)
        ranked = sorted((round(cost, DIGITS), hops_, iri, cost) for iri, (cost, hops_) in best.items())
        return [Reached(iri, hops_, cost) for _, hops_, iri, cost in ranked[:n]]


class Neo4jNeighbours(_BoltReader):
    """The valid edges of nodes read from a Bolt server, one query per batch (registered as
    ``neo4j`` in ``innograph.neighbourhood``, see :mod:`.neighbours`): relationships are mapped
    back to the local projection's edges by key, so what is computed from them (suggestions,
    facts) and explained locally is what the embedded reader gives."""

    name = "neo4j"

    def edges(self, nodes: list[int], wanted: SearchFilter) -> dict[int, list[int]]:
        p = self.p
        iris = [p.iris[n] for n in nodes]
        params = self._params(iris[0] if iris else "", "", wanted)
        found: dict[int, set[int]] = {n: set() for n in nodes}
        for record in self._run(edges_cypher(wanted), {**params, "iris": iris, "avoid": sorted(wanted.avoid)}):
            node, e = p.index(record["iri"]), p.edge((record["s"], record["kind"], record["t"]))
            if node in found and e is not None:
                found[node].add(e)
        return {n: sorted(edges) for n, edges in found.items()}
