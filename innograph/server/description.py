"""The SPARQL 1.1 Service Description of the endpoint (answered to a GET without a query).

>>> from innograph.server.formats import GRAPHS
>>> b"sd:UnionDefaultGraph" in service_description("http://127.0.0.1:7878/sparql", GRAPHS[0])
True
"""

from __future__ import annotations

import pyoxigraph as ox

from innograph.server.formats import GRAPHS, SOLUTIONS, Format, write_graph

_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV", "ttl": "Turtle", "nt": "N-Triples", "jsonld": "JSON-LD", "rdfxml": "RDF_XML",
}


def service_description(endpoint: str, fmt: Format, *, update: bool = False) -> bytes:
    """The description of `endpoint` in `fmt` (one of the graph formats)."""
    sd = lambda name: ox.NamedNode(_SD + name)  # noqa: E731
    service = ox.BlankNode("service")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    triples = [
        ox.Triple(service, rdf_type, sd("Service")),
        ox.Triple(service, sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
    ]
    if update:
        triples.append(ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Update")))
    for f in (*SOLUTIONS, *GRAPHS):
        triples.append(ox.Triple(service, sd("resultFormat"), ox.NamedNode(_FORMATS + _FORMAT_IRIS[f.name])))
    prefixes = {"sd": _SD, "formats": _FORMATS}
    return write_graph(fmt, triples, prefixes)


__all__ = ["service_description"]
