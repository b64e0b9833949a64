"""Path search as a replaceable step: an interface, a registry by name, the embedded implementation.

``innograph path`` runs in three steps: names are resolved to nodes (:mod:`.lookup`), a
**search** finds candidate paths, and each candidate is explained from the local store by the
evidence reader (:mod:`.paths`). The search only has to return candidates as plain data —
a cost, the nodes' IRIs and the edges as keys ``(source IRI, fact kind, target IRI)`` — so a
search run elsewhere (a Neo4j server) is explained here exactly as the embedded one is.

Implementations are registered by name in the entry-point group ``innograph.path_search``; a
factory is called as ``factory(kg, projection, **options)`` and returns a :class:`PathSearch`.
The embedded search (``"embedded"``) walks the projection in memory.

>>> from innograph.examples import handmade_example
>>> from innograph.load import ingest
>>> from innograph.graph.store import KnowledgeGraph
>>> from innograph.graph.projection import projection
>>> kg = KnowledgeGraph(); _ = ingest(kg, handmade_example())
>>> p = projection(kg)
>>> engine = path_search("embedded", kg, p)
>>> chu, insa = p.iris[p.names["chu de rouen"][0]], p.iris[p.names["insa"][0]]
>>> best = engine.search(chu, insa, 1, SearchFilter()).candidates[0]
>>> [kind for _, kind, _ in best.edges]
['partner_of', 'funds']
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from heapq import heappop, heappush
from typing import Protocol, runtime_checkable

from innograph.errors import UsageError
from innograph.graph.projection import NODATE, ORGANIZATION_KINDS, as_of_ordinal, recency
from innograph.graph.projection import edge_filter as valid_edges

GROUP = "innograph.path_search"
BUILTIN = {"embedded": "innograph.queries.pathsearch:EmbeddedSearch"}
HUB_PENALTY = 0.5         # exponent of the hub penalty (typical degree / degree) ** HUB_PENALTY
AVOID_HUBS_PENALTY = 2.0  # with --avoid-hubs
CHAINED_MENTIONS = math.log(2)  # cost of every co-mention hop after the first in a path
DIVERSITY = math.log(2)   # cost, in ranking only, per intermediate already shown in a better path
RANKED = 4                # the cheapest RANKED * k paths are ranked, then k are chosen (diversified)
DIGITS = 9                # costs are ranked rounded to this many decimals: every engine ranks ties alike

#: An edge as every engine names it: (source IRI, fact kind, target IRI).
EdgeKey = tuple[str, str, str]


@dataclass(frozen=True)
class SearchFilter:
    """What a search may walk, said as data so that any engine can apply it.

    `as_of` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) keeps the facts valid then; `kinds` the fact kinds
    allowed (None: all); `avoid` the IRIs never passed through (hubs taken as context,
    ``--exclude``); `via` the node kinds allowed as intermediates (None: all).
    """

    as_of: str | None = None
    kinds: frozenset[str] | None = None
    avoid: frozenset[str] = frozenset()
    via: frozenset[str] | None = None
    avoid_hubs: bool = False
    max_hops: int = 4


@dataclass
class Candidate:
    """A path found by a search: its cost (``-log`` of its score), nodes (IRIs), edges (keys)."""

    cost: float
    nodes: tuple[str, ...]
    edges: tuple[EdgeKey, ...]


@dataclass
class Reached:
    """A node an end reaches when there is no path: IRI, hops, cost of the best partial path."""

    iri: str
    hops: int
    cost: float


@dataclass
class Found:
    """The candidates, best first; when empty, the organizations each end reaches."""

    candidates: list[Candidate] = field(default_factory=list)
    nearest_from: list[Reached] = field(default_factory=list)
    nearest_to: list[Reached] = field(default_factory=list)


@runtime_checkable
class PathSearch(Protocol):
    """Finds the `k` best candidate paths between two nodes (IRIs) under a filter."""

    def search(self, source: str, target: str, k: int, edge_filter: SearchFilter) -> Found | list[Candidate]:
        ...


@lru_cache(maxsize=None)
def _registered(group: str = GROUP) -> dict:
    """Entry points of a group, read once (scanning the installed packages costs ~0.1 s)."""
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=group)}


def search_names(group: str = GROUP, builtin: dict | None = None) -> list[str]:
    """The names of the registered path searches (or of another group's implementations)."""
    return sorted({*(BUILTIN if builtin is None else builtin), *_registered(group)})


def plugin(group: str, builtin: dict, name: str, what: str):
    """The factory registered as `name` in the entry-point `group` (`builtin` names first:
    imported directly, as the package metadata may predate them in an editable install)."""
    from importlib import import_module

    if name in builtin:
        module, attr = builtin[name].split(":")
        return getattr(import_module(module), attr)
    if name in _registered(group):
        return _registered(group)[name].load()
    raise UsageError(f"unknown {what} {name!r}; registered: {', '.join(search_names(group, builtin))}")


def path_search(name: str, kg, projection, **options) -> PathSearch:
    """The path search registered as `name`, built for `kg` and its `projection`."""
    return plugin(GROUP, BUILTIN, name, "path search")(kg, projection, **options)


class EmbeddedSearch:
    """The search on the in-memory projection: exact, cheapest paths first.

    The candidates are the ``RANKED * k`` cheapest simple paths (each node sequence at its
    cheapest edges): the set an exhaustive enumeration ranks first. Partial paths from the
    source grow cheapest first (A*), each ranked by its cost plus a lower bound of what is left:
    the cheapest walk into the target within the hops left, computed over half the hop limit
    around the target (beyond it, the cheapest way into that neighbourhood). No step makes a
    path cheaper, so whole paths come out in order of cost and the search stops after the last
    one ranked.
    """

    name = "embedded"

    def __init__(self, kg, projection) -> None:
        self.kg, self.p = kg, projection

    def search(self, source: str, target: str, k: int, edge_filter: SearchFilter) -> Found:
        p, f = self.p, edge_filter
        s, t = p.index(source), p.index(target)
        if s is None or t is None:
            raise UsageError(f"not a node of the projection: {target if s is not None else source}")
        walk = _Walk(p, f, s, t)
        chosen = _diversify(walk.cheapest(RANKED * k), k)
        found = Found([Candidate(cost, nodes, edges) for cost, nodes, edges in chosen])
        if not found.candidates:
            found.nearest_from = walk.nearest(s, t, (f.max_hops + 1) // 2)
            found.nearest_to = walk.nearest(t, s, f.max_hops // 2)
        return found


def typical_degree(p) -> float:
    """The degree hubs are measured against: the 90th percentile, at least 10 (as the projection's)."""
    cached = _TYPICAL.get(id(p))
    if cached is not None and cached[0] is p:
        return cached[1]
    degrees = sorted(p.indptr[i + 1] - p.indptr[i] for i in range(p.n_nodes))
    typical = float(max(10, degrees[int(0.9 * (len(degrees) - 1))] if degrees else 0))
    _TYPICAL.clear()
    _TYPICAL[id(p)] = (p, typical)
    return typical


_TYPICAL: dict[int, tuple] = {}


def rank_key(cost: float, nodes: tuple) -> tuple:
    """How paths rank: cost (rounded, so sums in another order tie), then fewer hops, then IRIs."""
    return round(cost, DIGITS), len(nodes), nodes


class _Walk:
    """The search itself, on projection ids: edge costs and hub penalties, the bounds, A*."""

    def __init__(self, p, f: SearchFilter, s: int, t: int) -> None:
        self.p, self.f, self.s, self.t = p, f, s, t
        self.valid = valid_edges(p, as_of=f.as_of, kinds=None if f.kinds is None else sorted(f.kinds))
        self.avoid = {n for n in map(p.index, f.avoid) if n is not None} - {s, t}
        reference = as_of_ordinal(f.as_of)
        self.reference = reference if reference is not None else p.max_date
        self.alpha = AVOID_HUBS_PENALTY if f.avoid_hubs else HUB_PENALTY
        self.typical = typical_degree(p)
        self.weak = p.edge_kinds.index("co_mentioned")
        self._cost: dict[int, float | None] = {}
        self._hub: dict[int, float] = {}

    def key(self, e: int) -> EdgeKey:
        p = self.p
        return p.iris[p.src[e]], p.edge_kinds[p.ekind[e]], p.iris[p.dst[e]]

    def edge_cost(self, e: int) -> float | None:
        """``-log(weight × recency)`` of a valid edge; None for an edge the filter rules out."""
        cost = self._cost.get(e, -1.0)
        if cost == -1.0:
            p = self.p
            if not self.valid(e):
                cost = None
            else:
                date = p.last[e]
                if self.reference != NODATE and date > self.reference:
                    date = p.start[e]
                cost = -math.log(max(1e-9, p.weight[e] * recency(date, self.reference)))
            self._cost[e] = cost
        return cost

    def hub(self, v: int) -> float:
        """The penalty for passing through `v`: ``alpha × log(degree / typical degree)``, or 0."""
        penalty = self._hub.get(v)
        if penalty is None:
            degree = self.p.indptr[v + 1] - self.p.indptr[v]
            penalty = self.alpha * math.log(degree / self.typical) if degree > self.typical else 0.0
            self._hub[v] = penalty
        return penalty

    def passable(self, v: int) -> bool:
        """Whether `v` may be an intermediate (the ends aside)."""
        return v not in self.avoid and (self.f.via is None or self.p.kinds[v] in self.f.via)

    def _bounds(self, depth: int) -> list[dict[int, float]]:
        """``[j][v]``: the cheapest walk from `v` into the target in at most `j` hops, through
        intermediates the filter allows (`v`'s own penalty not included). (A deeper neighbourhood
        tightens the bounds but costs more than it saves on graphs of 100k edges.)"""
        p, s, t = self.p, self.s, self.t
        indptr, nbr, eid = p.indptr, p.nbr, p.eid
        layers, frontier = [{t: 0.0}], {t: 0.0}
        for _ in range(depth):
            current, changed = dict(layers[-1]), {}
            for x, rest in frontier.items():
                if x != t:
                    rest += self.hub(x)
                for i in range(indptr[x], indptr[x + 1]):
                    v = nbr[i]
                    if v == t or v == s or not self.passable(v):
                        continue
                    c = self.edge_cost(eid[i])
                    if c is not None and c + rest < current.get(v, math.inf):
                        current[v] = changed[v] = c + rest
            layers.append(current)
            frontier = changed
        return layers

    def cheapest(self, want: int) -> dict[tuple, tuple]:
        """The cheapest simple paths, at least `want` when there are (and any tied with the last):
        IRIs of the nodes -> (cost, edge keys)."""
        s, t, hops = self.s, self.t, self.f.max_hops
        self.layers = self._bounds(min(hops - 1, (hops + 1) // 2))
        self.rim = min((rest + self.hub(v) for v, rest in self.layers[-1].items() if v != t), default=math.inf)
        self._moves: dict[tuple[int, int], list] = {}
        found: dict[tuple, tuple] = {}
        closed: set[tuple] = set()
        limit, order = math.inf, 0
        heap: list = [(0.0, 0, 0.0, (s,), (), False)]
        while heap:
            bound, _, cost, nodes, edges, weak = heappop(heap)
            if bound > limit:
                break
            if nodes[-1] == t:
                if nodes not in found:
                    found[nodes] = (cost, edges)
                    if len(found) == want:
                        limit = cost + 10.0 ** -DIGITS
                continue
            if (nodes, weak) in closed:  # the same nodes by parallel edges, cheaper first
                continue
            closed.add((nodes, weak))
            for step, c, v, e, mention in self.moves(nodes[-1], hops - len(edges) - 1):
                if cost + step > limit:
                    break  # the moves are sorted: none further is cheap enough
                if v in nodes:
                    continue
                if mention and weak:
                    c += CHAINED_MENTIONS
                    step += CHAINED_MENTIONS
                    if cost + step > limit:
                        continue
                order += 1
                heappush(heap, (cost + step, order, cost + c, nodes + (v,), edges + (e,), weak or mention))
        iris = self.p.iris
        return {tuple(iris[n] for n in nodes): (cost, tuple(map(self.key, edges)))
                for nodes, (cost, edges) in found.items()}

    def moves(self, u: int, left: int) -> list[tuple]:
        """The steps from `u` with `left` hops left after them that can still reach the target:
        (cost of the step plus the bound of the rest, cost of the step, node, edge, co-mention),
        cheapest first; computed once per node and hops left."""
        found = self._moves.get((u, left))
        if found is not None:
            return found
        p, s, t, layers, rim = self.p, self.s, self.t, self.layers, self.rim
        near, weak_kind, direct = len(layers) - 1, self.weak, u != s or self.f.via is None
        found = []
        for i in range(p.indptr[u], p.indptr[u + 1]):
            v, e = p.nbr[i], p.eid[i]
            c = self.edge_cost(e)
            if c is None:
                continue
            if v == t:
                if not direct:
                    continue
                rest = 0.0
            elif left == 0 or v == s or not self.passable(v):
                continue
            else:
                c += self.hub(v)
                rest = layers[left].get(v, math.inf) if left <= near else min(layers[near].get(v, math.inf), rim)
                if rest == math.inf:
                    continue
            found.append((c + rest, c, v, e, p.ekind[e] == weak_kind))
        found.sort()
        self._moves[u, left] = found
        return found

    def nearest(self, start: int, other: int, hops: int, n: int = 5) -> list[Reached]:
        """The `n` organizations `start` reaches cheapest within `hops` hops (not through `other`)."""
        p = self.p
        best: dict[int, tuple[float, int]] = {start: (0.0, 0)}
        frontier = [start]
        for layer in range(1, hops + 1):
            reached = {u: best[u][0] for u in frontier if u == start or (u != other and self.passable(u))}
            frontier = []
            for u, cost in reached.items():
                for i in range(p.indptr[u], p.indptr[u + 1]):
                    v, c = p.nbr[i], self.edge_cost(p.eid[i])
                    if c is None or v == start or v in self.avoid:
                        continue
                    total = cost + c + (self.hub(v) if v != other else 0.0)
                    if total < best.get(v, (math.inf,))[0]:
                        best[v] = (total, layer)
                        frontier.append(v)
        ranked = sorted((round(cost, DIGITS), hops_, p.iris[v], cost) for v, (cost, hops_) in best.items()
                        if v not in (start, other) and p.kinds[v] in ORGANIZATION_KINDS)
        return [Reached(iri, hops_, cost) for _, hops_, iri, cost in ranked[:n]]


def _diversify(found: dict, k: int) -> list:
    """The `k` best of the cheapest paths (node IRIs -> (cost, edges)), a path through
    intermediates already shown ranking lower (MMR); (cost, nodes, edges), best first."""
    ranked = sorted(found.items(), key=lambda item: rank_key(item[1][0], item[0]))[:RANKED * k]
    chosen: list = []
    used: dict[str, int] = {}

    def adjusted(item):
        nodes, (cost, _) = item
        return rank_key(cost + DIVERSITY * sum(used.get(n, 0) for n in nodes[1:-1]), nodes)

    while ranked and len(chosen) < k:
        best = min(ranked, key=adjusted)
        ranked.remove(best)
        nodes, (cost, edges) = best
        chosen.append((cost, nodes, edges))
        for n in nodes[1:-1]:
            used[n] = used.get(n, 0) + 1
    return sorted(chosen, key=lambda item: rank_key(item[0], item[1]))


__all__ = ["PathSearch", "SearchFilter", "Candidate", "Found", "Reached", "EdgeKey", "EmbeddedSearch",
           "path_search", "search_names", "plugin", "typical_degree", "rank_key", "GROUP"]
