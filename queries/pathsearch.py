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
from bisect import insort
from dataclasses import dataclass, field
from functools import lru_cache
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
BEAM = 3000               # beyond two layers from an end, expand only this many best nodes

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


@lru_cache(maxsize=1)
def _registered() -> dict:
    """Entry points of the group, read once (scanning the installed packages costs ~0.1 s)."""
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=GROUP)}


def search_names() -> list[str]:
    """The names of the registered path searches."""
    return sorted({*BUILTIN, *_registered()})


def path_search(name: str, kg, projection, **options) -> PathSearch:
    """The path search registered as `name`, built for `kg` and its `projection`.

    The built-in names are imported directly (the entry point declares the same object; the
    package metadata may predate it in an editable install); other names come from the group.
    """
    from importlib import import_module

    if name in BUILTIN:
        module, attr = BUILTIN[name].split(":")
        factory = getattr(import_module(module), attr)
    elif name in _registered():
        factory = _registered()[name].load()
    else:
        raise UsageError(f"unknown path search {name!r}; registered: {', '.join(search_names())}")
    return factory(kg, projection, **options)


class EmbeddedSearch:
    """The search on the in-memory projection: best partial paths from both ends, joined."""

    name = "embedded"

    def __init__(self, kg, projection) -> None:
        self.kg, self.p = kg, projection

    def search(self, source: str, target: str, k: int, edge_filter: SearchFilter) -> Found:
        p, f = self.p, edge_filter
        s, t = p.index(source), p.index(target)
        if s is None or t is None:
            raise UsageError(f"not a node of the projection: {target if s is not None else source}")
        valid = valid_edges(p, as_of=f.as_of, kinds=None if f.kinds is None else sorted(f.kinds))
        avoid = {n for n in map(p.index, f.avoid) if n is not None} - {s, t}
        walk = _Walk(p, valid, avoid, f.via, f.avoid_hubs, keep=max(k + 2, 4), reference=as_of_ordinal(f.as_of))
        fwd = walk.expand(s, t, (f.max_hops + 1) // 2)
        bwd = walk.expand(t, s, f.max_hops // 2)
        chosen = walk.join(s, t, fwd, bwd, k, need_mid=f.via is not None)
        key = _keyer(p)
        found = Found([Candidate(cost, tuple(p.iris[n] for n in nodes), tuple(key(e) for e in edges))
                       for cost, nodes, edges in chosen])
        if not chosen:
            found.nearest_from, found.nearest_to = _nearest(p, fwd, s), _nearest(p, bwd, t)
        return found


def _keyer(p):
    def key(e: int) -> EdgeKey:
        return p.iris[p.src[e]], p.edge_kinds[p.ekind[e]], p.iris[p.dst[e]]
    return key


def _nearest(p, best: dict, start: int, n: int = 5) -> list[Reached]:
    ranked = sorted((parts[0][0], len(parts[0][2]), v) for v, parts in best.items()
                    if v != start and p.kinds[v] in ORGANIZATION_KINDS)
    return [Reached(p.iris[v], hops, cost) for cost, hops, v in ranked[:n]]


class _Walk:
    """The walk itself, on projection ids."""

    def __init__(self, p, valid, avoid: set[int], via, avoid_hubs: bool, keep: int, reference) -> None:
        self.p, self.valid, self.avoid, self.mid_kinds = p, valid, avoid, via
        self.reference = reference if reference is not None else p.max_date
        self.alpha = AVOID_HUBS_PENALTY if avoid_hubs else HUB_PENALTY
        self.keep = keep
        self._cost: dict[int, float | None] = {}

    def edge_cost(self, e: int) -> float | None:
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

    def _passable(self, u: int, start: int, other: int) -> bool:
        if u == start:
            return True
        if u == other or u in self.avoid:
            return False
        return self.mid_kinds is None or self.p.kinds[u] in self.mid_kinds

    def expand(self, start: int, other: int, hops: int) -> dict[int, list]:
        """Best partial paths (cost, nodes, edges) from `start`, up to `hops` hops, per end node."""
        p, alpha, hub, keep = self.p, self.alpha, self.p.hub, self.keep
        indptr, nbr, eid, avoid = p.indptr, p.nbr, p.eid, self.avoid
        best: dict[int, list] = {start: [(0.0, (start,), ())]}
        frontier = [start]
        for layer in range(1, hops + 1):
            if layer > 2 and len(frontier) > BEAM:
                frontier = sorted(frontier, key=lambda n: best[n][0][0])[:BEAM]
            touched = set()
            for u in frontier:
                if not self._passable(u, start, other):
                    continue
                partials = [x for x in best[u] if len(x[2]) == layer - 1]
                if not partials:
                    continue
                for i in range(indptr[u], indptr[u + 1]):
                    v = nbr[i]
                    if v == start or v in avoid:
                        continue
                    c = self.edge_cost(eid[i])
                    if c is None:
                        continue
                    if v != other:
                        c += alpha * hub[v]
                    e = eid[i]
                    for cost, nodes, edges in partials:  # inline: the hot loop of the search
                        if v in nodes:
                            continue
                        total = cost + c
                        found = best.get(v)
                        if found is not None and (len(found) < keep or total < found[-1][0]):
                            twin = next((x for x in found if x[1][:-1] == nodes), None)
                            if twin is not None:  # a parallel edge: keep the stronger one
                                if total >= twin[0]:
                                    continue
                                found.remove(twin)
                        if found is None:
                            best[v] = [(total, nodes + (v,), edges + (e,))]
                        elif len(found) < keep:
                            insort(found, (total, nodes + (v,), edges + (e,)))
                        elif total < found[-1][0]:
                            insort(found, (total, nodes + (v,), edges + (e,)))
                            found.pop()
                        else:
                            continue
                        touched.add(v)
            frontier = list(touched)
        return best

    def join(self, s: int, t: int, fwd: dict, bwd: dict, k: int, need_mid: bool) -> list:
        """Join partial paths where they meet; rank, penalize chained co-mentions, diversify."""
        p, alpha = self.p, self.alpha
        weak = p.edge_kinds.index("co_mentioned")
        found: dict[tuple, tuple] = {}
        for m, left in fwd.items():
            right = bwd.get(m)
            if right is None:
                continue
            if m not in (s, t) and self.mid_kinds is not None and p.kinds[m] not in self.mid_kinds:
                continue
            twice = alpha * p.hub[m] if m not in (s, t) else 0.0
            for lc, ln, le in left:
                for rc, rn, re_ in right:
                    if len(le) + len(re_) == 0 or set(ln) & set(rn[:-1]):
                        continue
                    nodes = ln + rn[-2::-1]
                    edges = le + re_[::-1]
                    if need_mid and len(edges) < 2:
                        continue
                    weak_hops = sum(1 for e in edges if p.ekind[e] == weak)
                    cost = lc + rc - twice + CHAINED_MENTIONS * max(0, weak_hops - 1)
                    if cost < found.get(nodes, (math.inf,))[0]:
                        found[nodes] = (cost, edges)
        return _diversify(found, k)


def _diversify(found: dict, k: int) -> list:
    """The `k` best paths, a path through intermediates already shown ranking lower (MMR)."""
    ranked = sorted(found.items(), key=lambda item: (item[1][0], len(item[0]), item[0]))[:4 * k]
    chosen: list = []
    used: dict[int, int] = {}

    def adjusted(item):
        nodes, (cost, _) = item
        return cost + DIVERSITY * sum(used.get(n, 0) for n in nodes[1:-1])

    while ranked and len(chosen) < k:
        best = min(ranked, key=lambda item: (adjusted(item), len(item[0]), item[0]))
        ranked.remove(best)
        nodes, (cost, edges) = best
        chosen.append((cost, nodes, edges))
        for n in nodes[1:-1]:
            used[n] = used.get(n, 0) + 1
    return sorted(chosen, key=lambda item: (item[0], len(item[1]), item[1]))


__all__ = ["PathSearch", "SearchFilter", "Candidate", "Found", "Reached", "EdgeKey", "EmbeddedSearch",
           "path_search", "search_names", "GROUP"]
