"""The property-graph mapping pushed to a real Bolt server (ArcadeDB's, or your Neo4j)."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store
from rdflib.namespace import RDF, RDFS

from innograph.graph.bolt import NODE_LABEL, SOURCE_LABEL
from innograph.graph.boltpush import push_neo4j
from innograph.ontology.ns import FOAF, IG, ORG, SDO


def iri(term) -> NamedNode:
    return NamedNode(str(term))


def wipe(bolt) -> None:
    """Remove what pushes wrote (their rows carry ig_hash) and their bookkeeping."""
    bolt.driver.execute_query(
        f"MATCH (n) WHERE n:{SOURCE_LABEL} OR n.ig_hash IS NOT NULL DETACH DELETE n", database_=bolt.database
    )


@pytest.fixture
def bolt(bolt_server):
    wipe(bolt_server)
    yield bolt_server
    wipe(bolt_server)


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


def held(bolt, prefix: str) -> dict[str, object]:
    """What the server holds under this prefix: nodes, labels, relationships by type."""

    def query(cypher: str):
        records, _, _ = bolt.driver.execute_query(cypher, {"prefix": prefix}, database_=bolt.database)
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
        "nodes": {r["iri"]: (sorted(r["labels"]), sorted(r["kinds"] or []), r["label"]) for r in nodes},
        "relationships": sorted((r["a"], r["type"], r["b"], r["kind"]) for r in rels),
    }


def test_push_writes_nodes_labels_and_relationships(store, bolt, names, run_iri):
    report = push_neo4j(store, bolt.driver, database=bolt.database)

    assert (report.nodes, report.relationships) == (5, 3)
    got = held(bolt, run_iri)
    assert got["nodes"][names["A"]] == (["Company", "Organization", "Resource"], ["Company"], "Alpha")
    assert got["nodes"][names["B"]][:2] == (["Organization", "Resource"], [])  # named by its IRI
    assert got["nodes"][names["K"]] == (["Cluster", "Organization", "Resource"], ["Cluster"], "Pôle K")
    assert got["nodes"][names["P"]][:2] == (["Person", "Resource"], [])
    assert got["relationships"] == sorted(  # one per fact, in the fact's direction, with its kind
        [
            (names["A"], "MEMBER_OF", names["K"], "member_of"),
            (names["C"], "MEMBER_OF", names["K"], "member_of"),
            (names["P"], "WORKS_FOR", names["C"], "holds_post"),
        ]
    )


def test_pushing_twice_leaves_the_same_graph_and_writes_nothing(store, bolt, run_iri):
    push_neo4j(store, bolt.driver, database=bolt.database)
    first = held(bolt, run_iri)

    again = push_neo4j(store, bolt.driver, database=bolt.database, batch_size=2)

    assert held(bolt, run_iri) == first
    assert again.writes == 0 and again.nodes_written == again.relationships_written == 0


def test_a_changed_kind_changes_the_labels(store, bolt, names, run_iri):
    push_neo4j(store, bolt.driver, database=bolt.database)
    a = NamedNode(names["A"])
    g = NamedNode(run_iri + "graph/members")
    store.remove(Quad(a, iri(RDF.type), iri(IG.Company), g))
    store.add(Quad(a, iri(RDF.type), iri(IG.University), g))

    report = push_neo4j(store, bolt.driver, database=bolt.database)

    got = held(bolt, run_iri)
    assert got["nodes"][names["A"]] == (["Organization", "Resource", "University"], ["University"], "Alpha")
    assert len(got["nodes"]) == 5 and len(got["relationships"]) == 3
    assert report.nodes_written == 1  # only A moved
