"""Brokers: organizations that stand between others.

On the organization graph (:mod:`innograph.queries.actors`), for each organization:

* **betweenness** — how many shortest paths pass through it (igraph); with ``between=(K1, K2)``
  only the paths from organizations of kind K1 to organizations of kind K2;
* **Burt's constraint** (low: its contacts are not tied to each other, a structural hole) and
  **effective size** (``n - 2t/n``: contacts minus their redundancy);
* the five **Gould–Fernandez brokerage roles**, groups being organization kinds. For a broker
  ``b`` and an ordered pair ``i → b → j`` with no tie ``i → j``:

  ============== ================================ ================================
  role           groups                           example
  ============== ================================ ================================
  coordinator    i, b, j in one group             a company between two companies
  itinerant      i and j in one group, b not      a cluster between two hospitals
  representative i and b in one group, j not      b speaks for its group outwards
  gatekeeper     b and j in one group, i not      b lets outsiders into its group
  liaison        three different groups           a hospital, a chamber, a company
  ============== ================================ ================================

>>> succ = {"a": {"b"}, "b": {"c"}, "c": set()}
>>> brokerage_roles(succ, {"a": "X", "b": "X", "c": "Y"})["b"]["representative"]
1
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from innograph.errors import UsageError
from innograph.queries.lookup import organization_kind
from innograph.queries.results import Record, Results

EXACT_UP_TO = 5000   # organizations: beyond, betweenness is estimated from sampled sources
AUTO_SAMPLES = 200
ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")


def _role(gi, gb, gj) -> str:
    if gi == gb:
        return "coordinator" if gj == gb else "representative"
    if gj == gb:
        return "gatekeeper"
    return "itinerant" if gi == gj else "liaison"


def brokerage_roles(successors: Mapping, groups: Mapping, nodes: Iterable | None = None) -> dict:
    """Gould–Fernandez role counts of each broker in `nodes` (default: all) of a directed graph.

    `successors` maps each node to the nodes it has a tie to (give both directions for an
    undirected tie); `groups` maps each node to its group. A pair counts for broker b when
    i → b → j, i ≠ j, and there is no tie i → j. Returns {node: {role: count}}.
    """
    succ = {n: set(v) for n, v in successors.items()}
    pred: dict = {n: set() for n in succ}
    for n, outs in succ.items():
        for m in outs:
            pred.setdefault(m, set()).add(n)
            succ.setdefault(m, set())
    result = {}
    for b in (succ if nodes is None else nodes):
        gb = groups[b]
        outs = succ.get(b, set()) - {b}
        by_group = Counter(groups[j] for j in outs)
        counts = dict.fromkeys(ROLES, 0)
        for i in pred.get(b, ()):
            if i == b:
                continue
            gi = groups[i]
            for gj, c in by_group.items():
                counts[_role(gi, gb, gj)] += c
            if i in outs:  # j == i is not a pair
                counts[_role(gi, gb, gi)] -= 1
            for j in succ[i]:
                if j in outs and j != i:  # i → j exists: b brokers nothing between them
                    counts[_role(gi, gb, groups[j])] -= 1
        result[b] = counts
    return result


@dataclass
class Broker(Record):
    label: str
    kind: str
    iri: str
    betweenness: float
    constraint: float
    effective_size: float
    degree: int
    roles: dict[str, int]

    def rows(self):
        return [{"organization": self.label, "kind": self.kind, "iri": self.iri,
                 "betweenness": round(self.betweenness, 3), "constraint": round(self.constraint, 3),
                 "effective_size": round(self.effective_size, 3), "degree": self.degree, **self.roles}]


def brokers(kg, *, projection=None, between=None, n: int = 20, samples: int | None = None, as_of=None,
            seed: int = 0, exclude=(), include_hubs: bool = False, actors=None) -> Results:
    """The `n` organizations with the highest betweenness, with constraint, effective size and roles.

    Betweenness is exact up to ``EXACT_UP_TO`` organizations and estimated from ``AUTO_SAMPLES``
    sampled sources beyond (scaled up); ``samples=0`` forces exact, ``samples=N`` samples N.
    Funders of a whole programme are context and left out unless `include_hubs`; `exclude`
    leaves out more names, node kinds or fact kinds.
    """
    from innograph.graph.projection import ORGANIZATION_KINDS
    from innograph.queries.actors import actor_graph

    if n < 1:
        raise UsageError("n must be at least 1")
    if between is not None:
        between = tuple(between)
        if len(between) != 2:
            raise UsageError(f"--between takes two organization kinds among: {', '.join(sorted(ORGANIZATION_KINDS))}")
        between = tuple(organization_kind(k) for k in between)
    if samples is not None and samples < 0:
        raise UsageError("samples must be 0 (exact) or more")
    ag = actors or actor_graph(kg, as_of=as_of, projection=projection, exclude=exclude, include_hubs=include_hubs)
    g = ag.graph
    if g.vcount() == 0:
        return Results()
    kinds = [ag.kind(v) for v in range(g.vcount())]
    sources = targets = None
    if between is not None:
        sources = [v for v in range(g.vcount()) if kinds[v] == between[0]]
        targets = [v for v in range(g.vcount()) if kinds[v] == between[1]]
    scale = 1.0
    if samples is None and g.vcount() > EXACT_UP_TO:
        samples = AUTO_SAMPLES
    if samples:
        pool = sources if sources is not None else list(range(g.vcount()))
        if samples < len(pool):
            sources = sorted(random.Random(seed).sample(pool, samples))
            scale = len(pool) / samples
    if sources is None:
        scores = g.betweenness(directed=False)
    else:
        scores = g.betweenness(directed=False, sources=sources, targets=targets)
    degree = g.degree()
    ranked = sorted(range(g.vcount()), key=lambda v: (-scores[v], -degree[v], ag.label(v)))[:n]
    # Only for the organizations shown: both cost the square of a hub's degree.
    constraint = dict(zip(ranked, g.constraint(ranked, weights="weight")))
    local = dict(zip(ranked, g.transitivity_local_undirected(ranked, mode="zero")))
    adjacency = g.get_adjlist()
    succ = {v: adjacency[v] for v in range(g.vcount())}
    roles = brokerage_roles(succ, kinds, ranked)
    out = Results()
    for v in ranked:
        d = degree[v]
        out.append(Broker(ag.label(v), kinds[v], ag.projection.iris[ag.nodes[v]], scores[v] * scale,
                          constraint[v] if constraint[v] == constraint[v] else 1.0,
                          d - local[v] * (d - 1) if d else 0.0, d, roles[v]))
    return out


__all__ = ["brokers", "brokerage_roles", "Broker", "ROLES"]
