"""Serializing the graph, whole or one source, in the standard RDF formats."""

from __future__ import annotations

from typing import IO

import pyoxigraph as ox

from innograph.errors import UsageError
from innograph.ontology import PREFIXES

FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
DATASET_FORMATS = {"trig", "nq", "jsonld"}


def export_to(kg, stream: IO[bytes], fmt: str, *, graph: str | None = None) -> int:
    """Write the store (or the named graph `graph`) to `stream`; return the statements written.

    Dataset formats (trig, nq, jsonld) keep each source's named graph; triple formats (ttl, nt)
    write the union of the sources, each distinct triple once.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    prefixes = PREFIXES if fmt in ("ttl", "trig") else None
    if fmt in DATASET_FORMATS:
        node = ox.NamedNode(graph) if graph else None
        items = kg.store.quads_for_pattern(None, None, None, node)
    else:
        # the default graph is the set union of the sources and the ontology: keep the sources'
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o FILTER EXISTS { GRAPH ?g { ?s ?p ?o } }"
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}"
        items = kg.store.query(query, use_default_graph_as_union=True)
    counter = _Counter(items)
    ox.serialize(counter, stream, FORMATS[fmt], prefixes=prefixes)
    return counter.count


class _Counter:
    """Pass items through, counting them (serialization streams; nothing is held in memory)."""

    def __init__(self, items) -> None:
        self.items, self.count = items, 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item
