"""Issue 12 acceptance on the Oxigraph server: every source's named graph isomorphic to the local
one, push again (nothing sent), change a source (only it is sent), remove one (its graph
dropped), kill a push half-way then push again; by the Graph Store Protocol and by SPARQL Update."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from innograph.graph.remote import sparql_select
from innograph.graph.sparqlpush import STATE_GRAPH, push_sparql
from innograph.graph.store import KnowledgeGraph
from innograph.load import ingest

ROOT = Path(__file__).resolve().parents[2]
TTL = """@prefix org: <http://www.w3.org/ns/org#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ig: <https://w3id.org/innograph/ns#> . @prefix ex: <https://example.org/h9s/> .
"""


def _update(server, text: str) -> None:
    request = urllib.request.Request(server.update, data=text.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    with urllib.request.urlopen(request, timeout=60):
        pass


SOURCES = "https://w3id.org/innograph/source/"


def _clean(server) -> None:
    """Drop the graphs pushes write (sources, bookkeeping), and nothing else."""
    drops = [f"DROP SILENT GRAPH <{g}>" for g in remote_graphs(server)] + [f"DROP SILENT GRAPH <{STATE_GRAPH}>"]
    _update(server, " ;\n".join(drops))


@pytest.fixture
def sparql(sparql_server):
    """The SPARQL server, without pushed graphs before and after."""
    _clean(sparql_server)
    yield sparql_server
    _clean(sparql_server)


def remote_graph(server, iri: str) -> str:
    url = f"{server.gsp}?{urllib.parse.urlencode({'graph': iri})}"
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read().decode("utf-8")


def local_graph(kg, iri: str) -> str:
    import io

    from pyoxigraph import NamedNode, RdfFormat

    out = io.BytesIO()
    kg.store.dump(out, RdfFormat.N_TRIPLES, from_graph=NamedNode(iri))
    return out.getvalue().decode("utf-8")


def same_graph(a: str, b: str) -> bool:
    """Isomorphic N-Triples documents: rdflib.compare when there are blank nodes, else equal sets
    of triples (parsed by pyoxigraph: rdflib takes a second per thousand triples here)."""
    if "_:" in a or "_:" in b:
        return isomorphic(Graph().parse(data=a, format="nt"), Graph().parse(data=b, format="nt"))
    import pyoxigraph as ox

    def triples(text: str) -> set[str]:
        return {str(t) for t in ox.parse(text.encode(), ox.RdfFormat.N_TRIPLES)}

    return triples(a) == triples(b)


def remote_graphs(server) -> set[str]:
    rows = sparql_select(server.query, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {row["g"] for row in rows if row["g"].startswith(SOURCES)}


def assert_same(kg, server) -> None:
    sources = [s.iri for s in kg.sources()]
    assert remote_graphs(server) == set(sources)
    for iri in sources:
        assert same_graph(remote_graph(server, iri), local_graph(kg, iri)), iri


def _write(path: Path, text: str) -> Path:
    path.write_text(TTL + text, encoding="utf-8")
    return path


@pytest.fixture
def kg(tmp_path):
    kg = KnowledgeGraph(tmp_path / "store")
    _write(tmp_path / "one.ttl", "ex:a a ig:Company ; rdfs:label 'Alpha' ; org:memberOf ex:k .\n"
           "ex:k a ig:Cluster ; rdfs:label 'Pôle K'@fr ; rdfs:comment [ rdfs:label 'a blank node' ] .\n")
    _write(tmp_path / "two.ttl", "ex:b a ig:Company ; rdfs:label 'Beta' ; org:memberOf ex:k .\n")
    ingest(kg, tmp_path / "one.ttl"), ingest(kg, tmp_path / "two.ttl")
    yield kg
    kg.close()


@pytest.mark.parametrize("mode", ["gsp", "gsp-transactional", "update"])
def test_push_change_remove(kg, sparql, tmp_path, mode):
    """By the Graph Store (on Oxigraph: without transactions by default; then with), by Update."""
    kind = "update" if mode == "update" else "gsp"
    endpoint = {kind: getattr(sparql, kind), **({"params": {}} if mode == "gsp-transactional" else {})}
    first = push_sparql(kg, **endpoint, query=sparql.query)
    assert len(first.pushed) == 2
    assert_same(kg, sparql)

    again = push_sparql(kg, **endpoint, query=sparql.query)
    assert again.pushed == {} and len(again.skipped) == 2

    _write(tmp_path / "two.ttl", "ex:b a ig:Company ; rdfs:label 'Beta SA' ; org:memberOf ex:k .\n")
    ingest(kg, tmp_path / "two.ttl")
    changed = push_sparql(kg, **endpoint, query=sparql.query)
    assert list(changed.pushed) == [kg.source("two.ttl").iri]
    assert_same(kg, sparql)

    gone = kg.source("one.ttl").iri
    kg.remove_source("one.ttl")
    removed = push_sparql(kg, **endpoint, query=sparql.query)
    assert removed.removed == [gone] and removed.pushed == {}
    assert_same(kg, sparql)


def test_a_large_source_goes_by_update_in_several_requests(kg, sparql, monkeypatch):
    """Stores cap an Update request's size: a graph beyond UPDATE_BYTES is sent in pieces, the
    triples with blank nodes together (a blank node is one node only within a request)."""
    from innograph.graph import sparqlpush

    monkeypatch.setattr(sparqlpush, "UPDATE_BYTES", 150)
    sent = []
    post = sparqlpush._post_update
    monkeypatch.setattr(sparqlpush, "_post_update",
                        lambda url, text, **kw: (sent.append(text), post(url, text, **kw)))  # a spy
    push_sparql(kg, update=sparql.update, query=sparql.query)
    assert len([text for text in sent if "INSERT DATA" in text]) > 2  # two sources, one of them in pieces
    assert_same(kg, sparql)


def test_an_oxigraph_server_is_sent_no_transaction_by_default(sparql):
    from innograph.graph.sparqlpush import server_defaults

    assert server_defaults(sparql.gsp) == {"no_transaction": ""}  # the test server is Oxigraph's
    assert server_defaults("http://127.0.0.1:9/store", timeout=2) == {}  # nobody there: no guess


def test_seeds_pushed_are_isomorphic(sparql, tmp_path):
    from innograph.examples import handmade_example

    kg = KnowledgeGraph(tmp_path / "seeds")
    ingest(kg, handmade_example())
    push_sparql(kg, gsp=sparql.gsp)
    assert_same(kg, sparql)
    kg.close()


@pytest.mark.slow
def test_a_push_killed_half_way_is_repaired_by_the_next(sparql, tmp_path):
    import pyoxigraph as ox

    from innograph.graph.sources import SourcePayload

    member, label = ox.NamedNode("http://www.w3.org/ns/org#memberOf"), ox.NamedNode(
        "http://www.w3.org/2000/01/rdf-schema#label")
    payloads = []
    for i in range(30):  # thirty sources of 4,000 triples: long enough to be killed in the middle
        triples = []
        for j in range(2000):
            org = ox.NamedNode(f"https://example.org/h9s/o{i}-{j}")
            triples += [ox.Triple(org, label, ox.Literal(f"Org {i} {j}")),
                        ox.Triple(org, member, ox.NamedNode(f"https://example.org/h9s/k{i}"))]
        payloads.append(SourcePayload(iri=f"{SOURCES}h9-{i:02}", label=f"s{i:02}", loader="test", triples=triples))
    kg = KnowledgeGraph(tmp_path / "store")
    kg.replace("generated", payloads)
    kg.close()
    command = [sys.executable, "-m", "innograph", "--store", str(tmp_path / "store"), "push", "sparql",
               "--update", sparql.update, "--query", sparql.query]
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and child.poll() is None and len(remote_graphs(sparql)) < 5:
        time.sleep(0.05)
    assert child.poll() is None, "the push ended before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert 0 < len(remote_graphs(sparql)) < 30
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    kg = KnowledgeGraph(tmp_path / "store", read_only=True)
    try:
        assert_same(kg, sparql)
    finally:
        kg.close()
    assert os.path.exists(tmp_path / "store.cache")  # the local state file sits beside the store
