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
import threading
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from innograph.errors import UsageError
from innograph.queries.results import Record, Results

METHODS = ("leiden", "louvain")
LEIDEN_ITERATIONS = 2  # igraph's default; -1 iterates until stable (about 7x slower, hardly better)
_RNG_LOCK = threading.Lock()


@dataclass
class Bridge(Record):
    label: str
    kind: str
    participation: float
    links: dict[int, int]
    iri: str = ""


@dataclass
class Community(Record):
    """A community: its members (strongest first) and its bridges to the others."""

    id: int
    size: int
    kinds: dict[str, int]
    members: list[str]
    bridges: list[Bridge] = field(default_factory=list)
    iris: list[str] = field(default_factory=list)          # of the members, in the same order
    member_kinds: list[str] = field(default_factory=list)  # of the members, in the same order

    def rows(self):
        """One row per member (every member, with its kind and IRI)."""
        iris = self.iris or [None] * len(self.members)
        kinds = self.member_kinds or [None] * len(self.members)
        return [{"community": self.id, "size": self.size, "member": m, "kind": k, "iri": i,
                 "bridge": m in {b.label for b in self.bridges}}
                for m, k, i in zip(self.members, kinds, iris)]


def communities(kg, *, projection=None, method: str = "leiden", resolution: float = 1.0, seed: int = 0,
                as_of=None, min_size: int = 1, bridges: int = 5, exclude=(), include_hubs: bool = False,
                actors=None) -> Results:
    """Communities of the organization graph, largest first, each with its bridges.

    Funders of a whole programme are context and left out unless `include_hubs`; `exclude`
    leaves out more names, node kinds or fact kinds. The same `seed` gives the same answer.
    """
    from innograph.queries.actors import actor_graph

    if method not in METHODS:
        raise UsageError(f"unknown method {method!r}; use one of: {', '.join(METHODS)}")
    if resolution <= 0:
        raise UsageError("resolution must be positive")
    ag = actors or actor_graph(kg, as_of=as_of, projection=projection, exclude=exclude, include_hubs=include_hubs)
    g = ag.graph
    if g.vcount() == 0:
        return Results()
    with _seeded(seed):
        if method == "louvain":
            clustering = g.community_multilevel(weights="weight", resolution=resolution)
        else:
            clustering = g.community_leiden(objective_function="modularity", weights="weight",
                                            resolution=resolution, n_iterations=LEIDEN_ITERATIONS)
    return _describe(ag, clustering.membership, min_size, bridges)


@contextmanager
def _seeded(seed: int):
    """igraph draws from one process-wide generator: give it a local one, then put it back."""
    import igraph

    with _RNG_LOCK:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            igraph.set_random_number_generator(random)


def _describe(ag, membership: list[int], min_size: int, bridges: int) -> Results:
    g = ag.graph
    strength = g.strength(weights="weight")
    groups = defaultdict(list)
    for v, c in enumerate(membership):
        groups[c].append(v)
    order = sorted(groups, key=lambda c: (-len(groups[c]), min(ag.label(v) for v in groups[c])))
    renumber = {c: i for i, c in enumerate(order)}
    adjacency = g.get_adjlist()
    iris = ag.projection.iris
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
                found.append(Bridge(ag.label(v), ag.kind(v), pc, dict(sorted(outside.items())), iris[ag.nodes[v]]))
        found.sort(key=lambda b: (-b.participation, -sum(b.links.values()), b.label))
        members = sorted(vs, key=lambda v: (-strength[v], ag.label(v)))
        out.append(Community(renumber[c], len(vs), dict(Counter(ag.kind(v) for v in vs).most_common()),
                             [ag.label(v) for v in members], found[:bridges],
                             [iris[ag.nodes[v]] for v in members], [ag.kind(v) for v in members]))
    return out


__all__ = ["communities", "Community", "Bridge", "METHODS"]
