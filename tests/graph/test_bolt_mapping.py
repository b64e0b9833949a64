"""The property-graph mapping pushed to Neo4j, without a server: rows, sources and digests."""

from __future__ import annotations

from pyoxigraph import NamedNode, Quad, Store
from rdflib.namespace import RDF

from innograph.graph.bolt import property_graph
from innograph.ontology.ns import IG, ORG
from innograph.queries.cyphersearch import half_cypher
from innograph.queries.pathsearch import SearchFilter


def iri(term) -> NamedNode:
    return NamedNode(str(term))


def store() -> Store:
    a, b, k = (NamedNode(f"https://example.org/{x}") for x in "abk")
    one, two = NamedNode("https://example.org/graph/one"), NamedNode("https://example.org/graph/two")
    s = Store()
    s.extend([Quad(a, iri(RDF.type), iri(IG.Company), one), Quad(k, iri(RDF.type), iri(IG.Cluster), one),
              Quad(a, iri(ORG.memberOf), k, one),
              Quad(b, iri(RDF.type), iri(IG.Company), two), Quad(k, iri(RDF.type), iri(IG.Cluster), two),
              Quad(b, iri(ORG.memberOf), k, two)])
    return s


def test_rows_carry_their_sources_and_a_stable_digest():
    pg = property_graph(store())
    nodes = {n.iri.rsplit("/", 1)[1]: n for n in pg.nodes}
    assert nodes["a"].props["sources"] == ["https://example.org/graph/one"]
    assert nodes["k"].props["sources"] == ["https://example.org/graph/one", "https://example.org/graph/two"]
    rels = {r.start.rsplit("/", 1)[1]: r for r in pg.relationships}
    assert rels["b"].props["sources"] == ["https://example.org/graph/two"]
    assert rels["b"].type == "MEMBER_OF" and rels["b"].props["kind"] == "member_of"
    assert set(pg.sources) == {"https://example.org/graph/one", "https://example.org/graph/two"}
    again = property_graph(store())
    assert [n.hash for n in again.nodes] == [n.hash for n in pg.nodes]
    assert [r.hash for r in again.relationships] == [r.hash for r in pg.relationships]


def test_the_cypher_applies_the_filter():
    plain = half_cypher(SearchFilter(max_hops=3), 2, True)
    assert "*1..2]" in plain and "$lo" not in plain and "$via" not in plain and "size(rs) = 2" in plain
    narrow = half_cypher(SearchFilter(as_of="2016", kinds=frozenset({"member_of"}), via=frozenset({"Cluster"})),
                         2, False)
    assert ":MEMBER_OF*1..2]" in narrow and "$lo" in narrow and "n.kind IN $via" in narrow
