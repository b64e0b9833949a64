"""push_bolt / shortest_path_bolt against a real Bolt server (ArcadeDB's, or your Neo4j)."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store
from rdflib.namespace import RDF, RDFS

from innograph.graph.bolt import NODE_LABEL, push_bolt, shortest_path_bolt
from innograph.ontology.ns import FOAF, IG, ORG, SDO


def iri(term) -> NamedNode:
    return NamedNode(str(term))


@pytest.fixture
def bolt(bolt_server, run_iri):
    """The Bolt server; afterwards, every node this test wrote (by its IRI prefix) is deleted."""
    yield bolt_server
    bolt_server.driver.execute_query(
        f"MATCH (n:{NODE_LABEL}) WHERE n.iri STARTS WITH $prefix DETACH DELETE n",
        {"prefix": run_iri},
        database_=bolt_server.database,
    )


@pytest.fixture
def names(run_iri) -> dict[str, str]:
    return {key: f"{run_iri}{key}" for key in ("A", "B", "C", "K", "P")}


@pytest.fixture
def store(tmp_path, run_iri, names) -> Store:
    """Organizations A, B, C; A and C members of cluster K; person P works for C."""
    g = NamedNode(run_iri + "graph/members")
    a, b, c, k, p = (NamedNode(names[key]) for key in "ABCKP")
    store = Store(str(tmp_path / "store"))
    store.extend(
        [
            Quad(a, iri(RDF.type), iri(ORG.Organization), g),
            Quad(a, iri(RDF.type), iri(IG.Company), g),
            Quad(b, iri(RDF.type), iri(ORG.Organization), g),
            Quad(c, iri(RDF.type), iri(ORG.Organization), g),
            Quad(c, iri(RDF.type), iri(IG.University), g),
            Quad(k, iri(RDF.type), iri(ORG.Organization), g),
            Quad(k, iri(RDF.type), iri(IG.Cluster), g),
            Quad(p, iri(RDF.type), iri(FOAF.Person), g),
            Quad(a, iri(RDFS.label), Literal("Alpha"), g),
            Quad(k, iri(RDFS.label), Literal("Pôle K", language="fr"), g),
            Quad(a, iri(ORG.memberOf), k, g),
            Quad(c, iri(ORG.memberOf), k, g),
            Quad(p, iri(SDO.worksFor), c, g),
            # an edge to something that is not a node of the mapping: not pushed
            Quad(b, iri(ORG.memberOf), NamedNode(run_iri + "untyped"), g),
        ]
    )
    return store


def counts(bolt, prefix: str) -> dict[str, object]:
    """What the server holds under this prefix: nodes, labels, relationships by type."""

    def query(cypher: str):
        records, _, _ = bolt.driver.execute_query(
            cypher, {"prefix": prefix}, database_=bolt.database
        )
        return records

    nodes = query(
        f"MATCH (n:{NODE_LABEL}) WHERE n.iri STARTS WITH $prefix "
        "RETURN n.iri AS iri, labels(n) AS labels, n.kinds AS kinds, n.label AS label"
    )
    rels = query(
        f"MATCH (a:{NODE_LABEL})-[r]->(b:{NODE_LABEL}) WHERE a.iri STARTS WITH $prefix "
        "RETURN a.iri AS a, type(r) AS type, b.iri AS b, r.kind AS kind"
    )
    return {
        "nodes": {
            r["iri"]: (sorted(r["labels"]), sorted(r["kinds"] or []), r["label"]) for r in nodes
        },
        "node_count": len(nodes),
        "relationships": sorted((r["a"], r["type"], r["b"], r["kind"]) for r in rels),
    }


def test_push_writes_nodes_labels_and_relationships(store, bolt, names, run_iri):
    result = push_bolt(store, bolt.driver, database=bolt.database)

    assert result["nodes"] == 5
    assert result["relationships"] == 3
    held = counts(bolt, run_iri)
    assert held["node_count"] == 5
    assert held["nodes"][names["A"]] == (
        ["Company", "Organization", "Resource"],
        ["Company"],
        "Alpha",
    )
    assert held["nodes"][names["B"]][:2] == (["Organization", "Resource"], [])  # named by its IRI
    assert held["nodes"][names["K"]] == (
        ["Cluster", "Organization", "Resource"],
        ["Cluster"],
        "Pôle K",
    )
    assert held["nodes"][names["P"]][:2] == (["Person", "Resource"], [])
    assert held["relationships"] == sorted(  # one per fact, in the fact's direction, with its kind
        [
            (names["A"], "MEMBER_OF", names["K"], "member_of"),
            (names["C"], "MEMBER_OF", names["K"], "member_of"),
            (names["P"], "WORKS_FOR", names["C"], "holds_post"),
        ]
    )


def test_pushing_twice_leaves_the_same_graph(store, bolt, run_iri):
    push_bolt(store, bolt.driver, database=bolt.database)
    first = counts(bolt, run_iri)

    push_bolt(store, bolt.driver, database=bolt.database, batch_size=2)

    assert counts(bolt, run_iri) == first


def test_a_changed_kind_changes_the_labels(store, bolt, names, run_iri):
    push_bolt(store, bolt.driver, database=bolt.database)
    a = NamedNode(names["A"])
    g = NamedNode(run_iri + "graph/members")
    store.remove(Quad(a, iri(RDF.type), iri(IG.Company), g))
    store.add(Quad(a, iri(RDF.type), iri(IG.University), g))

    push_bolt(store, bolt.driver, database=bolt.database)

    held = counts(bolt, run_iri)
    assert held["nodes"][names["A"]] == (
        ["Organization", "Resource", "University"],
        ["University"],
        "Alpha",
    )
    assert held["node_count"] == 5
    assert len(held["relationships"]) == 3


def test_shortest_path_goes_through_the_cluster(store, bolt, names):
    push_bolt(store, bolt.driver, database=bolt.database)

    def path(a, b, **options):
        return shortest_path_bolt(
            bolt.driver, names[a], names[b], database=bolt.database, **options
        )

    assert path("A", "C") == [names["A"], names["K"], names["C"]]
    assert path("A", "P") == [names["A"], names["K"], names["C"], names["P"]]
    assert path("A", "P", max_hops=2) is None
    assert path("A", "B") is None
    assert path("A", "A") == [names["A"]]


def test_shortest_path_to_an_unknown_iri_is_none(bolt, run_iri):
    assert (
        shortest_path_bolt(bolt.driver, run_iri + "x", run_iri + "y", database=bolt.database)
        is None
    )


@pytest.mark.parametrize("bad", [0, -1, True, 2.5])
def test_shortest_path_checks_max_hops(bolt, names, bad):
    with pytest.raises(ValueError, match="max_hops"):
        shortest_path_bolt(
            bolt.driver, names["A"], names["C"], database=bolt.database, max_hops=bad
        )
