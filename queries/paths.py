"""Explained paths between two entities: the k strongest simple paths, every hop with its evidence.

A path's score is the product of its hops' strengths (the fact kind's weight, boosted when
several facts back the edge, times a recency factor) and of a penalty for every intermediate
hub (a region that funds everyone explains little): scores lie in (0, 1], higher is better.
The search meets in the middle: the best partial paths from each end (at most half the hops
each) are joined where they meet, so a search touches the two ends' neighbourhoods only.

>>> from innograph.examples import handmade_example
>>> from innograph.load import ingest
>>> from innograph.graph.store import KnowledgeGraph
>>> kg = KnowledgeGraph(); _ = ingest(kg, handmade_example())
>>> best = paths(kg, "CHU de Rouen", "INSA", k=3)
>>> [hop.to for hop in best[0].hops]
['Métropole Rouen Normandie', 'INSA']
>>> print(best[0].hops[0].sentence())   # doctest: +ELLIPSIS
CHU de Rouen signed an agreement with Métropole Rouen Normandie (Jul 2016, La Métropole ...: «La Métropole et le CHU de Rouen ont signé en juillet 2016, une convention cadre»)
"""

from __future__ import annotations

import datetime as _dt
import math
from bisect import insort
from dataclasses import dataclass, field

from innograph.errors import NegativeAnswer, UsageError
from innograph.graph.projection import EDGE_KINDS, NODATE, ORGANIZATION_KINDS, format_date, parse_date, recency
from innograph.queries.evidence import Evidence, EvidenceReader, phrase
from innograph.queries.evidence import format_date as human_date
from innograph.queries.results import Record, Results

NODE_KINDS = (*sorted(ORGANIZATION_KINDS), "Person", "Project", "Event", "Place")
HUB_PENALTY = 0.5         # exponent of the hub penalty (typical degree / degree) ** HUB_PENALTY
AVOID_HUBS_PENALTY = 2.0  # with --avoid-hubs
CHAINED_MENTIONS = math.log(2)  # cost of every co-mention hop after the first in a path
DIVERSITY = math.log(2)   # cost, in ranking only, per intermediate already shown in a better path
BEAM = 3000               # beyond two layers from an end, expand only this many best nodes


class NoPath(NegativeAnswer):
    """No path within the hop limit; says which organizations each end reaches."""

    def __init__(self, message: str, nearest_from: list[Nearby], nearest_to: list[Nearby]) -> None:
        super().__init__(message)
        self.nearest_from, self.nearest_to = nearest_from, nearest_to


@dataclass
class Nearby(Record):
    label: str
    kind: str
    hops: int
    score: float


@dataclass
class Hop(Record):
    """One step of a path: ``from`` → ``to`` by ``relation``, with a sentence and evidence."""

    from_: str = field(metadata={"key": "from"})
    to: str
    relation: str
    text: str
    date: str | None
    strength: float
    from_kind: str
    to_kind: str
    from_iri: str
    to_iri: str
    evidence: list[Evidence] = field(default_factory=list)

    def sentence(self) -> str:
        """The hop as a sentence: "A joined B (16 Jan 2020, Ouest-France: «...»)"."""
        ev = self.evidence
        with_text = next((x for x in ev if x.text), None)
        sources = list(dict.fromkeys(x.source for x in ev))
        inside = []
        if self.date:
            inside.append(human_date(self.date))
        if sources:
            shown = ", ".join(sources[:2]) + (f" and {len(sources) - 2} more" if len(sources) > 2 else "")
            inside.append(f"{shown}: «{with_text.text}»" if with_text else shown)
        return f"{self.from_} {self.text} {self.to}" + (f" ({', '.join(inside)})" if inside else "")


@dataclass
class Path(Record):
    """A path: its ``score`` in (0, 1] and its ``hops``."""

    score: float
    hops: list[Hop]
    nodes: list[str] = field(default_factory=list)

    def rows(self):
        return [{"hop": i, "score": self.score, "from": h.from_, "relation": h.relation, "to": h.to,
                 "text": h.text, "date": h.date, "source": h.evidence[0].source if h.evidence else None,
                 "evidence": next((x.text for x in h.evidence if x.text), None)}
                for i, h in enumerate(self.hops, 1)]

    def text(self) -> str:
        return "\n".join(f"  {i}. {h.sentence()}" for i, h in enumerate(self.hops, 1))


def as_of_ordinal(as_of) -> int | None:
    if as_of is None:
        return None
    if isinstance(as_of, _dt.date):
        return as_of.toordinal()
    value = parse_date(str(as_of))
    if value == NODATE:
        raise UsageError(f"not a date: {as_of!r}; give YYYY-MM-DD, YYYY-MM or YYYY")
    return value


def edge_filter(p, *, as_of=None, kinds=None):
    """A predicate on edge ids: valid at `as_of` and of one of `kinds` (all if None)."""
    day = as_of_ordinal(as_of)
    codes = None if kinds is None else {p.edge_kinds.index(k) for k in kinds}
    start, end, ekind = p.start, p.end, p.ekind

    def valid(e: int) -> bool:
        if codes is not None and ekind[e] not in codes:
            return False
        if day is not None and (start[e] > day or (end[e] != NODATE and end[e] <= day)):
            return False
        return True

    return valid


def _split_via(via) -> tuple[set[str] | None, list[str] | None]:
    nodes, edges = set(), []
    for item in via or ():
        if item in EDGE_KINDS:
            edges.append(item)
        elif item in NODE_KINDS:
            nodes.add(item)
        else:
            raise UsageError(f"unknown kind {item!r} for --via; use node kinds ({', '.join(NODE_KINDS)}) "
                             f"or fact kinds ({', '.join(EDGE_KINDS)})")
    return (nodes or None), (edges or None)


class _Search:
    def __init__(self, p, *, as_of, via, avoid_hubs, keep):
        self.p = p
        self.mid_kinds, edge_kinds = _split_via(via)
        self.valid = edge_filter(p, as_of=as_of, kinds=edge_kinds)
        day = as_of_ordinal(as_of)
        self.reference = day if day is not None else p.max_date
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

    def expand(self, start: int, other: int, hops: int) -> dict[int, list]:
        """Best partial paths (cost, nodes, edges) from `start`, up to `hops` hops, per end node."""
        p, keep, alpha, hub = self.p, self.keep, self.alpha, self.p.hub
        indptr, nbr, eid, kinds, mid = p.indptr, p.nbr, p.eid, p.kinds, self.mid_kinds
        best: dict[int, list] = {start: [(0.0, (start,), ())]}
        frontier = [start]
        for layer in range(1, hops + 1):
            if layer > 2 and len(frontier) > BEAM:
                frontier = sorted(frontier, key=lambda n: best[n][0][0])[:BEAM]
            touched = set()
            for u in frontier:
                if u != start and (u == other or (mid is not None and kinds[u] not in mid)):
                    continue
                partials = [x for x in best[u] if len(x[2]) == layer - 1]
                if not partials:
                    continue
                for i in range(indptr[u], indptr[u + 1]):
                    v = nbr[i]
                    if v == start:
                        continue
                    c = self.edge_cost(eid[i])
                    if c is None:
                        continue
                    if v != other:
                        c += alpha * hub[v]
                    for cost, nodes, edges in partials:
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
                            best[v] = [(total, nodes + (v,), edges + (eid[i],))]
                        elif len(found) < keep:
                            insort(found, (total, nodes + (v,), edges + (eid[i],)))
                        elif total < found[-1][0]:
                            insort(found, (total, nodes + (v,), edges + (eid[i],)))
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
        ranked = sorted(found.items(), key=lambda item: (item[1][0], len(item[0]), item[0]))[:4 * k]
        chosen: list = []
        used: dict[int, int] = {}
        while ranked and len(chosen) < k:
            # Maximal marginal relevance: a path through intermediates already shown ranks lower.
            def adjusted(item):
                nodes, (cost, _) = item
                return cost + DIVERSITY * sum(used.get(n, 0) for n in nodes[1:-1])
            best = min(ranked, key=lambda item: (adjusted(item), len(item[0]), item[0]))
            ranked.remove(best)
            nodes, (cost, edges) = best
            chosen.append((cost, nodes, edges))
            for n in nodes[1:-1]:
                used[n] = used.get(n, 0) + 1
        return sorted(chosen, key=lambda item: (item[0], len(item[1]), item[1]))


def paths(kg, source: str, target: str, *, k: int = 5, max_hops: int = 4, via=(), avoid_hubs: bool = False,
          as_of=None, projection=None) -> Results:
    """The `k` strongest simple paths from `source` to `target` (names or IRIs), explained.

    `via` restricts the intermediate nodes to node kinds (``Project``, ``Cluster``,
    ``Person``...) and/or the edges to fact kinds (``participates_in``...); `as_of` keeps the
    facts valid at that date. Raises :class:`NoPath` (exit 1) with the organizations each end
    reaches when there is none.
    """
    if k < 1:
        raise UsageError("k must be at least 1")
    if not 1 <= max_hops <= 8:
        raise UsageError("max_hops must be between 1 and 8")
    _split_via(via)
    as_of_ordinal(as_of)
    from innograph.graph.projection import projection as project
    from innograph.queries.lookup import resolve

    p = projection or project(kg)
    s, t = resolve(kg, source, projection=p), resolve(kg, target, projection=p)
    if s == t:
        raise UsageError(f"{source!r} and {target!r} are the same entity ({p.labels[s]})")
    search = _Search(p, as_of=as_of, via=via, avoid_hubs=avoid_hubs, keep=max(k + 2, 4))
    fwd = search.expand(s, t, (max_hops + 1) // 2)
    bwd = search.expand(t, s, max_hops // 2)
    found = search.join(s, t, fwd, bwd, k, need_mid=search.mid_kinds is not None)
    if not found:
        raise NoPath(f"no path between {p.labels[s]} and {p.labels[t]} within {max_hops} hops"
                     + (" with these --via kinds" if via else "") + (f" as of {as_of}" if as_of else ""),
                     _nearest(p, fwd, s), _nearest(p, bwd, t))
    reader = EvidenceReader(kg, p)
    return Results(_explain(p, reader, cost, nodes, edges) for cost, nodes, edges in found)


def _nearest(p, best: dict, start: int, n: int = 5) -> list[Nearby]:
    ranked = sorted((parts[0][0], len(parts[0][2]), v) for v, parts in best.items()
                    if v != start and p.kinds[v] in ORGANIZATION_KINDS)
    return [Nearby(p.labels[v], p.kinds[v], hops, math.exp(-cost)) for cost, hops, v in ranked[:n]]


def _explain(p, reader: EvidenceReader, cost: float, nodes: tuple, edges: tuple) -> Path:
    hops = []
    for (u, v), e in zip(zip(nodes, nodes[1:]), edges):
        found = reader.edge(e)
        kind = p.edge_kinds[p.ekind[e]]
        forward = p.src[e] == u
        strength = p.weight[e]
        hops.append(Hop(p.labels[u], p.labels[v], kind,
                        phrase(kind, forward=forward, details=found.details, flags=p.flags[e]),
                        found.details.get("date") or format_date(p.start[e]), strength,
                        p.kinds[u], p.kinds[v], p.iris[u], p.iris[v], list(found.evidence)))
    return Path(math.exp(-cost), hops, [p.labels[n] for n in nodes])


__all__ = ["paths", "Path", "Hop", "NoPath", "Nearby", "edge_filter", "NODE_KINDS"]
