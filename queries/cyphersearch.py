"""The path search run as Cypher on a Neo4j (or any Bolt) server holding the pushed projection.

Registered as ``neo4j`` in the entry-point group ``innograph.path_search`` beside the embedded
search (:mod:`.pathsearch`): same :class:`~.pathsearch.SearchFilter`, same candidates (cost,
node IRIs, edge keys), explained from the local store by :func:`.paths.explain`. What the
embedded search computes in memory is computed here by the server, in plain Cypher (no APOC, no
GDS: ArcadeDB's Bolt server has neither): simple paths of at most ``max_hops`` relationships
either way (a variable-length pattern), the fact kinds and the ``as_of`` period filtered on the
relationships' ``kind`` and day ordinals, the IRIs to avoid and the intermediate node kinds on
the nodes, and the cost of a path — the sum of ``-log(weight × recency)`` over its
relationships, the hub penalty of its intermediates (from their ``degree``) and the penalty for
chained co-mentions — computed by the server, which returns the cheapest paths (``ORDER BY cost
LIMIT``). The same diversification as the embedded search then picks the ``k`` shown.

The graph must have been pushed (``innograph push neo4j``, :mod:`innograph.graph.boltpush`);
the projection's 90th-percentile degree and latest date, which the hub penalty and recency are
relative to, are read from the local projection, which the server's copy equals.
"""

from __future__ import annotations

from innograph.errors import RemoteError, UsageError
from innograph.graph.bolt import NODE_LABEL, RELATIONSHIP_TYPES, neo4j_driver, neo4j_module
from innograph.graph.projection import NODATE, ORGANIZATION_KINDS, as_of_period
from innograph.queries.pathsearch import (
    AVOID_HUBS_PENALTY, CHAINED_MENTIONS, DIGITS, HUB_PENALTY, Candidate, Found, Reached, SearchFilter, _diversify,
    typical_degree,
)

__all__ = ["Neo4jSearch", "Neo4jNeighbours", "path_cypher", "nearest_cypher", "edges_cypher"]

#: Paths fetched per path asked for: parallel edges and diversification need spares.
SPARES = 40
#: Paths from one end fetched, cheapest first, to find its nearest organizations (no path case).
NEAREST_ROWS = 5000

_DATE = "(CASE WHEN $ref <> 0 AND r.last_day > $ref THEN r.start_day ELSE r.last_day END)"
_RECENCY = (f"(CASE WHEN {_DATE} = 0 OR $ref = 0 THEN 0.75 ELSE 0.5 + 0.5 * exp(-(CASE WHEN $ref > {_DATE} "
            f"THEN ($ref - {_DATE}) / 365.25 ELSE 0.0 END) / 5.0) END)")
_EDGE_COST = f"-log(CASE WHEN r.weight * {_RECENCY} > 1e-9 THEN r.weight * {_RECENCY} ELSE 1e-9 END)"
_HUB = "(CASE WHEN n.degree > $typical THEN log(toFloat(n.degree) / $typical) ELSE 0.0 END)"
_VALID_AT = ("NOT (r.start_day > $hi OR (r.end_day <> 0 AND (r.end_day < $lo OR "
             "(r.end_day = $lo AND $lo = $hi))))")


def path_cypher(f: SearchFilter) -> str:
    """The Cypher statement for a filter (labels, types and hop bounds cannot be parameters)."""
    kinds = sorted(f.kinds) if f.kinds is not None else sorted(RELATIONSHIP_TYPES)
    types = "|".join(sorted({RELATIONSHIP_TYPES[k] for k in kinds if k in RELATIONSHIP_TYPES}))
    rel_checks = ["r.kind IN $kinds"] + ([_VALID_AT] if f.as_of else [])
    node_checks = ["NOT n.iri IN $avoid"] + (["n.kind IN $via"] if f.via is not None else [])
    return (
        f"MATCH (a:{NODE_LABEL} {{iri: $a}}), (b:{NODE_LABEL} {{iri: $b}})\n"
        f"MATCH p = (a)-[:{types}*1..{int(f.max_hops)}]-(b)\n"
        "WITH nodes(p) AS ns, relationships(p) AS rs\n"
        "WHERE ALL(i IN range(1, size(ns) - 1) WHERE NOT ns[i] IN ns[0..i])\n"
        f"  AND ALL(r IN rs WHERE {' AND '.join(rel_checks)})\n"
        f"  AND ALL(n IN ns[1..-1] WHERE {' AND '.join(node_checks)})\n"
        + ("  AND size(rs) >= 2\n" if f.via is not None else "")
        + "WITH ns, rs, size([r IN rs WHERE r.kind = 'co_mentioned']) AS weak\n"
        f"WITH ns, rs, reduce(c = 0.0, r IN rs | c + {_EDGE_COST})\n"
        f"     + $alpha * reduce(h = 0.0, n IN ns[1..-1] | h + {_HUB})\n"
        "     + $chained * (CASE WHEN weak > 1 THEN weak - 1 ELSE 0 END) AS cost\n"
        "RETURN [n IN ns | n.iri] AS nodes, [r IN rs | [startNode(r).iri, r.kind, endNode(r).iri]] AS edges, cost\n"
        "ORDER BY cost LIMIT $limit"
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
        found: dict[tuple, tuple] = {}
        for record in self._run(path_cypher(f), {**params, "limit": SPARES * k}):
            nodes, cost = tuple(record["nodes"]), float(record["cost"])
            if cost < found.get(nodes, (float("inf"),))[0]:
                found[nodes] = (cost, tuple(tuple(e) for e in record["edges"]))
        result = Found([Candidate(cost, nodes, edges) for cost, nodes, edges in _diversify(found, k)])
        if not result.candidates:
            result.nearest_from = self.nearest(source, (source, target), (f.max_hops + 1) // 2, f, params)
            result.nearest_to = self.nearest(target, (source, target), f.max_hops // 2, f, params)
        return result

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
