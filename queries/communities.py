"""Communities of organizations (Leiden by default, or Louvain; igraph) and the organizations that bridge them.

A bridge is an organization with ties into other communities; it ranks by its participation
coefficient ``1 - Σ_c (k_c / k)²`` (0 when all its ties stay home), then by its outside ties.

>>> from innograph.examples import handmade_example
>>> from innograph.load import ingest
>>> from innograph.graph.store import KnowledgeGraph
>>> kg = KnowledgeGraph(); _ = ingest(kg, handmade_example())
>>> found = communities(kg)
>>> sum(c.size for c in found) == len({m for c in found for m in c.members})
True
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from innograph.errors import UsageError
from innograph.queries.results import Record, Results

METHODS = ("leiden", "louvain")
LEIDEN_ITERATIONS = 2  # igraph's default; -1 iterates until stable (about 7x slower, hardly better)


@dataclass
class Bridge(Record):
    label: str
    kind: str
    participation: float
    links: dict[int, int]


@dataclass
class Community(Record):
    """A community: its members (strongest first) and its bridges to the others."""

    id: int
    size: int
    kinds: dict[str, int]
    members: list[str]
    bridges: list[Bridge] = field(default_factory=list)

    def summary(self, shown: int = 5) -> dict:
        return {"community": self.id, "size": self.size,
                "kinds": ", ".join(f"{k} {n}" for k, n in self.kinds.items()),
                "members": ", ".join(self.members[:shown]) + (" …" if self.size > shown else ""),
                "bridges": ", ".join(b.label for b in self.bridges[:3])}

    def rows(self):
        return [{"community": self.id, "member": m, "size": self.size} for m in self.members]


def communities(kg, *, method: str = "leiden", resolution: float = 1.0, seed: int = 0, as_of=None,
                min_size: int = 1, bridges: int = 5, projection=None, actors=None) -> Results:
    """Communities of the organization graph, largest first, each with its bridges."""
    from innograph.queries.actors import actor_graph

    if method not in METHODS:
        raise UsageError(f"unknown method {method!r}; use one of: {', '.join(METHODS)}")
    if resolution <= 0:
        raise UsageError("resolution must be positive")
    ag = actors or actor_graph(kg, as_of=as_of, projection=projection)
    g = ag.graph
    if g.vcount() == 0:
        return Results()
    random.seed(seed)  # python-igraph draws from Python's random module
    if method == "louvain":
        clustering = g.community_multilevel(weights="weight", resolution=resolution)
    else:
        clustering = g.community_leiden(objective_function="modularity", weights="weight",
                                        resolution=resolution, n_iterations=LEIDEN_ITERATIONS)
    membership = clustering.membership
    strength = g.strength(weights="weight")
    groups = defaultdict(list)
    for v, c in enumerate(membership):
        groups[c].append(v)
    order = sorted(groups, key=lambda c: (-len(groups[c]), min(ag.label(v) for v in groups[c])))
    renumber = {c: i for i, c in enumerate(order)}
    adjacency = g.get_adjlist()
    out = Results()
    for c in order:
        vs = groups[c]
        if len(vs) < min_size:
            continue
        found = []
        for v in vs:
            links = Counter(renumber[membership[u]] for u in adjacency[v])
            k = sum(links.values())
            outside = {cid: m for cid, m in links.items() if cid != renumber[c]}
            if outside:
                pc = 1 - sum((m / k) ** 2 for m in links.values())
                found.append(Bridge(ag.label(v), ag.kind(v), pc, dict(sorted(outside.items()))))
        found.sort(key=lambda b: (-b.participation, -sum(b.links.values()), b.label))
        members = sorted(vs, key=lambda v: (-strength[v], ag.label(v)))
        out.append(Community(renumber[c], len(vs), dict(Counter(ag.kind(v) for v in vs).most_common()),
                             [ag.label(v) for v in members], found[:bridges]))
    return out


__all__ = ["communities", "Community", "Bridge", "METHODS"]
