"""The knowledge graph: embedded Oxigraph store, sources as named graphs, stable IRIs.

Nothing heavy is imported here; import the submodules you need
(``innograph.graph.store``, ``innograph.graph.iri``).
"""
