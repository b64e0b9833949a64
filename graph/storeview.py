"""``kg.store``: the pyoxigraph store as the sources see it.

The store file also holds what the library keeps for itself — the set union of the sources in
Oxigraph's default graph and the ontology's named graph. Code that reads the store directly (the
projection, evidence, exports: ``kg.store.quads_for_pattern(...)``) must not count those as one
more source, so ``kg.store`` is this thin view:

* ``quads_for_pattern(..., None)`` and iteration yield the quads of the named source graphs only
  (not the default graph, not the ontology's graph); an explicit graph is passed through;
* ``named_graphs()`` leaves out the ontology's graph;
* ``query(..., use_default_graph_as_union=True)`` gets the *set* union (each triple once) as its
  default graph and the complete sources as named graphs; without it, an empty default graph;
* anything else (``add``, ``extend``, ``update``, ``flush``...) is the pyoxigraph store's own.

Prefer :meth:`KnowledgeGraph.query` for SPARQL: it also refuses SERVICE and updates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pyoxigraph as ox


class SourcesView:
    """A pyoxigraph ``Store`` seen through the sources (see the module docstring)."""

    def __init__(self, store: ox.Store, hidden: ox.NamedNode, sources: Callable[[], list[ox.NamedNode]],
                 *, legacy: bool = False) -> None:
        self._raw = store
        self._hidden = hidden
        self._sources = sources
        self._legacy = legacy

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> Iterator[ox.Quad]:
        quads = self._raw.quads_for_pattern(subject, predicate, object, graph_name)
        if graph_name is not None or self._legacy:
            return quads
        return _sources_only(quads, self._hidden)

    def __iter__(self) -> Iterator[ox.Quad]:
        return self.quads_for_pattern(None, None, None, None)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def named_graphs(self):
        return (g for g in self._raw.named_graphs() if g != self._hidden)

    def query(self, query: str, **options):
        if not self._legacy:
            if options.pop("use_default_graph_as_union", False):
                options.setdefault("named_graphs", self._sources())
            elif "default_graph" not in options:
                options["default_graph"] = []
                options.setdefault("named_graphs", [
                    g for g in self._raw.named_graphs() if g != self._hidden and _STAGING not in g.value])
        return self._raw.query(query, **options)

    def __contains__(self, quad: ox.Quad) -> bool:
        return quad in self._raw

    def __getattr__(self, name: str):
        return getattr(self._raw, name)

    def __repr__(self) -> str:
        return f"<SourcesView of {self._raw!r}>"


_STAGING = "#staging-"


def _sources_only(quads: Iterator[ox.Quad], hidden: ox.NamedNode) -> Iterator[ox.Quad]:
    named = ox.NamedNode
    for quad in quads:
        graph = quad.graph_name
        if type(graph) is named and graph != hidden:
            yield quad

__all__ = ["SourcesView"]
