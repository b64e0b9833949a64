"""push_graphs / sparql_select / sparql_ask against a real SPARQL 1.1 server (Oxigraph's)."""

from __future__ import annotations

import urllib.request

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store
from rdflib.namespace import RDF, RDFS

from innograph.errors import RemoteError
from innograph.graph.remote import push_graphs, sparql_ask, sparql_select
from innograph.ontology.ns import ORG


def iri(term) -> NamedNode:
    return NamedNode(str(term))


def triples_of(store: Store, graph: NamedNode) -> set[tuple[str, str, str]]:
    """The triples of one graph as (s, p, o) value strings, as sparql_select returns them."""
    return {
        (q.subject.value, q.predicate.value, q.object.value)
        for q in store.quads_for_pattern(None, None, None, graph)
    }


def remote_triples(query_url: str, graph: NamedNode) -> set[tuple[str, str, str]]:
    rows = sparql_select(
        query_url, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }}"
    )
    return {(row["s"], row["p"], row["o"]) for row in rows}


@pytest.fixture
def graphs(sparql_server, run_iri):
    """Two graph IRIs unique to this test; dropped from the server afterwards."""
    names = (NamedNode(run_iri + "graph/members"), NamedNode(run_iri + "graph/directory"))
    yield names
    update = "; ".join(f"DROP SILENT GRAPH <{g.value}>" for g in names)
    request = urllib.request.Request(
        sparql_server.update,
        data=update.encode(),
        headers={"Content-Type": "application/sparql-update"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30):
        pass


@pytest.fixture
def store(tmp_path, run_iri, graphs) -> Store:
    """A small on-disk store: organizations and memberships in two named graphs."""
    members, directory = graphs
    a, b, k = (NamedNode(run_iri + name) for name in ("org/a", "org/b", "org/k"))
    store = Store(str(tmp_path / "store"))
    store.extend(
        [
            Quad(a, iri(RDF.type), iri(ORG.Organization), members),
            Quad(b, iri(RDF.type), iri(ORG.Organization), members),
            Quad(k, iri(RDF.type), iri(ORG.Organization), members),
            Quad(a, iri(ORG.memberOf), k, members),
            Quad(b, iri(ORG.memberOf), k, members),
            Quad(k, iri(ORG.hasMember), a, members),
            Quad(a, iri(RDFS.label), Literal("Alpha Ingénierie", language="fr"), directory),
            Quad(k, iri(RDFS.label), Literal("Pôle K"), directory),
        ]
    )
    return store


def test_push_then_select_gives_back_the_exact_triples(store, graphs, sparql_server):
    members, directory = graphs

    pushed = push_graphs(store, sparql_server.gsp)

    assert pushed[members.value] == 6
    assert pushed[directory.value] == 2
    for graph in graphs:
        assert remote_triples(sparql_server.query, graph) == triples_of(store, graph)
    assert sparql_ask(sparql_server.query, f"ASK {{ GRAPH <{members.value}> {{ ?s ?p ?o }} }}")


def test_push_again_replaces_the_graph(store, graphs, run_iri, sparql_server):
    members, directory = graphs
    push_graphs(store, sparql_server.gsp)
    a, b, k = (NamedNode(run_iri + name) for name in ("org/a", "org/b", "org/k"))
    gone = Quad(b, iri(ORG.memberOf), k, members)
    new = Quad(a, iri(ORG.memberOf), b, members)
    store.remove(gone)
    store.add(new)

    pushed = push_graphs(store, sparql_server.gsp, graphs=[members.value])

    assert pushed == {members.value: 6}
    after = remote_triples(sparql_server.query, members)
    assert after == triples_of(store, members)
    assert (b.value, str(ORG.memberOf), k.value) not in after
    assert (a.value, str(ORG.memberOf), b.value) in after
    # the graph not pushed this time is untouched
    assert remote_triples(sparql_server.query, directory) == triples_of(store, directory)


def test_pushing_is_idempotent(store, graphs, sparql_server):
    first = push_graphs(store, sparql_server.gsp)
    second = push_graphs(store, sparql_server.gsp)

    assert first == second
    for graph in graphs:
        assert remote_triples(sparql_server.query, graph) == triples_of(store, graph)


def test_ask_answers_false_for_an_absent_graph(sparql_server, run_iri):
    assert not sparql_ask(sparql_server.query, f"ASK {{ GRAPH <{run_iri}nothing> {{ ?s ?p ?o }} }}")


def test_a_bad_query_raises_remote_error_naming_url_and_status(sparql_server):
    with pytest.raises(RemoteError) as caught:
        sparql_select(sparql_server.query, "SELECT WHERE nonsense")
    message = str(caught.value)
    assert sparql_server.query in message
    assert "HTTP 400" in message


def test_an_unreachable_store_raises_remote_error(store):
    with pytest.raises(RemoteError, match="cannot reach"):
        push_graphs(store, "http://127.0.0.1:9/store", timeout=5)
