"""The organization graph: organizations only, tied by facts and by shared intermediaries.

Brokerage and communities are about actors. Two organizations are tied when a fact links them
(partnership, funding, membership of a cluster...) or when they share a project, an event or a
person (a group of ``k`` organizations adds ``1/(k-1)`` to each of its pairs, Newman's
weighting). Groups larger than ``max_group`` (a place, a huge programme) and co-mentions tie
nobody: they say little about who works with whom. Nor does a funder of a whole programme (a
context hub, see ``graph.projection.context_hubs``): it is left out of the graph unless
``include_hubs``, as are the names, node kinds and fact kinds given in ``exclude``.

>>> from innograph.examples import handmade_example
>>> from innograph.load import ingest
>>> from innograph.graph.store import KnowledgeGraph
>>> kg = KnowledgeGraph(); _ = ingest(kg, handmade_example())
>>> g = actor_graph(kg)
>>> g.graph.vcount() == len(g.nodes), g.graph.ecount() > 0
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass

from innograph.graph.projection import edge_filter
from innograph.queries.lookup import exclusions

GROUP_KINDS = ("Project", "Event", "Person")
NO_TIE = ("co_mentioned", "located_in")


@dataclass
class ActorGraph:
    """An undirected, weighted igraph ``graph``; vertex i is projection node ``nodes[i]``."""

    graph: object
    nodes: list[int]
    projection: object

    def label(self, vertex: int) -> str:
        return self.projection.labels[self.nodes[vertex]]

    def kind(self, vertex: int) -> str:
        return self.projection.kinds[self.nodes[vertex]]


def actor_graph(kg=None, *, as_of=None, max_group: int = 50, projection=None, exclude=(),
                include_hubs: bool = False) -> ActorGraph:
    """Build the organization graph of `kg` (or of a given `projection`)."""
    import igraph  # a dependency of the package; imported here to keep this module light

    from innograph.graph.projection import projection as project

    p = projection or project(kg)
    ruled_out = exclusions(kg, exclude, include_hubs=include_hubs, projection=p)
    valid = edge_filter(p, as_of=as_of, kinds=ruled_out.kinds_left(p))
    no_tie = {p.edge_kinds.index(k) for k in NO_TIE}
    gone = ruled_out.nodes
    orgs = [n for n in range(p.n_nodes) if p.is_organization(n) and n not in gone]
    vertex = {n: i for i, n in enumerate(orgs)}
    weights: dict[tuple[int, int], float] = {}
    src, dst, ekind, weight = p.src, p.dst, p.ekind, p.weight
    for e in range(p.n_edges):
        u, v = vertex.get(src[e]), vertex.get(dst[e])
        if u is not None and v is not None and ekind[e] not in no_tie and valid(e):
            key = (u, v) if u < v else (v, u)
            weights[key] = weights.get(key, 0.0) + weight[e]
    groups = set(GROUP_KINDS)
    indptr, nbr, eid = p.indptr, p.nbr, p.eid
    for z in range(p.n_nodes):
        if p.kinds[z] not in groups or z in gone:
            continue
        lo, hi = indptr[z], indptr[z + 1]
        if hi - lo < 2:
            continue
        members = sorted({vertex[nbr[i]] for i in range(lo, hi)
                          if nbr[i] in vertex and ekind[eid[i]] not in no_tie and valid(eid[i])})
        k = len(members)
        if k < 2 or k > max_group:
            continue
        share = 1.0 / (k - 1)
        for i, u in enumerate(members):
            for v in members[i + 1:]:
                weights[(u, v)] = weights.get((u, v), 0.0) + share
    graph = igraph.Graph(n=len(orgs), edges=list(weights), directed=False)
    graph.es["weight"] = list(weights.values())
    return ActorGraph(graph, orgs, p)


__all__ = ["ActorGraph", "actor_graph"]
