"""The projection for other tools: a networkx graph, GraphML and GEXF (Gephi).

Nodes carry ``label``, ``kind`` and ``iri``; edges (directed as the fact reads: member → cluster,
funder → funded, person → employer) carry ``kind``, ``weight``, ``count`` and, when known,
``start`` and ``end`` dates (ISO). Parallel edges of different kinds are kept (keyed by kind).

>>> from innograph.examples import handmade_example
>>> from innograph.load import ingest
>>> from innograph.graph.store import KnowledgeGraph
>>> kg = KnowledgeGraph(); _ = ingest(kg, handmade_example())
>>> g = to_networkx(kg)
>>> g.nodes["https://w3id.org/innograph/id/organization/chu-de-rouen"]["kind"]
'Hospital'
"""

from __future__ import annotations

from innograph.errors import UsageError
from innograph.graph.projection import NODATE, format_date

GRAPH_FORMATS = ("graphml", "gexf")


def to_networkx(kg=None, *, as_of=None, projection=None, weak: bool = True):
    """The projection as a ``networkx.MultiDiGraph`` keyed by IRI (``weak=False`` drops co-mentions)."""
    import networkx as nx

    from innograph.graph.projection import projection as project
    from innograph.queries.paths import edge_filter

    p = projection or project(kg)
    valid = edge_filter(p, as_of=as_of)
    g = nx.MultiDiGraph()
    for n in range(p.n_nodes):
        g.add_node(p.iris[n], label=p.labels[n], kind=p.kinds[n])
    weak_code = p.edge_kinds.index("co_mentioned")
    for e in range(p.n_edges):
        if not valid(e) or (not weak and p.ekind[e] == weak_code):
            continue
        attrs = {"kind": p.edge_kinds[p.ekind[e]], "weight": round(float(p.weight[e]), 6), "count": p.count[e]}
        if p.start[e] != NODATE:
            attrs["start"] = format_date(p.start[e])
        if p.end[e] != NODATE:
            attrs["end"] = format_date(p.end[e])
        g.add_edge(p.iris[p.src[e]], p.iris[p.dst[e]], key=attrs["kind"], **attrs)
    return g


def write_graph(p, stream, fmt: str, *, as_of=None) -> tuple[int, int]:
    """Write projection `p` to the binary `stream` as GraphML or GEXF; return (nodes, edges)."""
    import networkx as nx

    if fmt not in GRAPH_FORMATS:
        raise UsageError(f"unknown graph format {fmt!r}; use one of: {', '.join(GRAPH_FORMATS)}")
    g = to_networkx(projection=p, as_of=as_of)
    if fmt == "graphml":
        nx.write_graphml(g, stream, encoding="utf-8")
    else:
        nx.write_gexf(g, stream, encoding="utf-8")
    return g.number_of_nodes(), g.number_of_edges()


__all__ = ["to_networkx", "write_graph", "GRAPH_FORMATS"]
