"""A node's valid edges as a replaceable step: read from the projection here, or from a server.

``innograph suggest`` and ``innograph show`` walk an organization's neighbourhood (its edges,
its neighbours' edges, a few hops further for suggestions): what they read goes through a
:class:`NeighbourSearch`, which answers "the valid edges of these nodes" for a whole batch at a
time; the scoring and the explanations stay here, on the local projection and evidence reader,
so every implementation gives the same suggestions and facts. The embedded implementation
(``"embedded"``) scans the projection; ``"neo4j"`` (:mod:`.cyphersearch`) asks a Bolt server
holding the pushed projection, one Cypher query per batch. Implementations are registered by
name in the entry-point group ``innograph.neighbourhood``; a factory is called as
``factory(kg, projection, **options)``.

>>> from innograph.examples import handmade_example
>>> from innograph.load import ingest
>>> from innograph.graph.store import KnowledgeGraph
>>> from innograph.graph.projection import projection
>>> kg = KnowledgeGraph(); _ = ingest(kg, handmade_example())
>>> p = projection(kg)
>>> chu = p.names["chu de rouen"][0]
>>> edges = neighbour_search("embedded", kg, p).edges([chu], SearchFilter(as_of="2016"))[chu]
>>> sorted({p.edge_kinds[p.ekind[e]] for e in edges})[:2]
['co_mentioned', 'holds_post']
"""

from __future__ import annotations

from typing import Iterable, Protocol, runtime_checkable

from innograph.graph.projection import edge_filter
from innograph.queries.pathsearch import SearchFilter, plugin, search_names

GROUP = "innograph.neighbourhood"
BUILTIN = {"embedded": "innograph.queries.neighbours:EmbeddedNeighbours",
           "neo4j": "innograph.queries.cyphersearch:Neo4jNeighbours"}

__all__ = ["NeighbourSearch", "EmbeddedNeighbours", "Neighbours", "neighbour_search", "neighbour_names",
           "local_filter", "GROUP", "SearchFilter"]


@runtime_checkable
class NeighbourSearch(Protocol):
    """The valid edges (projection edge ids, ascending) of each of `nodes` under a filter
    (``as_of``, ``kinds`` and ``avoid`` are read; an edge touching an avoided node is not valid)."""

    def edges(self, nodes: list[int], wanted: SearchFilter) -> dict[int, list[int]]:
        ...


def neighbour_names() -> list[str]:
    """The names of the registered neighbour searches."""
    return search_names(GROUP, BUILTIN)


def neighbour_search(name: str, kg, projection, **options) -> NeighbourSearch:
    """The neighbour search registered as `name`, built for `kg` and its `projection`."""
    return plugin(GROUP, BUILTIN, name, "neighbour search")(kg, projection, **options)


def local_filter(p, wanted: SearchFilter):
    """The predicate on edge ids a filter means on the projection `p`."""
    base = edge_filter(p, as_of=wanted.as_of, kinds=None if wanted.kinds is None else sorted(wanted.kinds))
    gone = {n for n in map(p.index, wanted.avoid) if n is not None}
    if not gone:
        return base
    src, dst = p.src, p.dst
    return lambda e: base(e) and src[e] not in gone and dst[e] not in gone


class EmbeddedNeighbours:
    """Edges read from the in-memory projection."""

    name = "embedded"

    def __init__(self, kg, projection) -> None:
        self.kg, self.p = kg, projection

    def edges(self, nodes: list[int], wanted: SearchFilter) -> dict[int, list[int]]:
        p, valid = self.p, local_filter(self.p, wanted)
        return {n: sorted({e for e in p.eid[p.indptr[n]:p.indptr[n + 1]] if valid(e)}) for n in nodes}


class Neighbours:
    """What a query reads of the neighbourhood: each node's edges and its neighbours at their
    strongest edge, fetched through a :class:`NeighbourSearch` in batches and kept."""

    def __init__(self, p, search: NeighbourSearch, wanted: SearchFilter) -> None:
        self.p, self.search, self.wanted = p, search, wanted
        self._edges: dict[int, list[int]] = {}
        self._best: dict[int, dict[int, tuple[float, int]]] = {}

    def prefetch(self, nodes: Iterable[int]) -> None:
        """Read the edges of every node of `nodes` not read yet, in one batch."""
        missing = [n for n in dict.fromkeys(nodes) if n not in self._edges]
        if missing:
            self._edges.update(self.search.edges(missing, self.wanted))

    def edges(self, node: int) -> list[int]:
        """The valid edges of `node`, by edge id."""
        if node not in self._edges:
            self.prefetch([node])
        return self._edges[node]

    def best(self, node: int) -> dict[int, tuple[float, int]]:
        """Neighbour -> (strongest weight, its edge; the first edge on a tie) over valid edges."""
        found = self._best.get(node)
        if found is None:
            p, found = self.p, {}
            for e in self.edges(node):
                v = p.dst[e] if p.src[e] == node else p.src[e]
                w = p.weight[e]
                if v not in found or w > found[v][0]:
                    found[v] = (w, e)
            self._best[node] = found
        return found
