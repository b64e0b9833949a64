"""The SPARQL 1.1 Protocol with real clients (SPARQLWrapper, rdflib's SPARQLStore, plain HTTP)
against a running `innograph serve`."""

from __future__ import annotations

import csv
import gzip
import io
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, JSONLD, N3, TSV, TURTLE, XML, SPARQLWrapper

COUNT_MEMBERS = "SELECT (COUNT(*) AS ?n) WHERE { ?m <http://www.w3.org/ns/org#memberOf> ?c }"
MEMBERS = ("PREFIX org: <http://www.w3.org/ns/org#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
           "SELECT ?m ?name WHERE { ?m org:memberOf ?c . OPTIONAL { ?m rdfs:label ?name } } ORDER BY ?m")


def local_members(store) -> int:
    """The same count computed without the server (the store read directly)."""
    from innograph.graph.store import KnowledgeGraph

    try:
        kg = KnowledgeGraph(store, read_only=True)
    except TypeError:
        kg = KnowledgeGraph(store)
    with kg:
        return int(next(iter(kg.query(COUNT_MEMBERS)))["n"].value)


@pytest.mark.parametrize("method", ["GET", "POST", "POSTDIRECTLY"])
def test_select_json_by_every_request_form(server, method):
    client = SPARQLWrapper(server.sparql)
    client.setMethod("GET" if method == "GET" else "POST")
    if method == "POSTDIRECTLY":
        client.setRequestMethod("postdirectly")
    client.setQuery(COUNT_MEMBERS)
    client.setReturnFormat(JSON)
    n = int(client.query().convert()["results"]["bindings"][0]["n"]["value"])
    assert n == local_members(server.store) > 0


@pytest.mark.parametrize("fmt", [XML, CSV, TSV])
def test_select_other_result_formats(server, fmt):
    client = SPARQLWrapper(server.sparql)
    client.setQuery(MEMBERS)
    client.setReturnFormat(fmt)
    result = client.query()
    body = result.convert()
    if fmt == XML:
        names = [b.firstChild.firstChild.nodeValue for b in body.getElementsByTagName("binding")
                 if b.getAttribute("name") == "m"]
    else:
        text = body.decode() if isinstance(body, bytes) else body
        rows = list(csv.reader(io.StringIO(text), delimiter="," if fmt == CSV else "\t"))
        names = [r[0].strip("<>") for r in rows[1:] if r]
    assert len(names) == local_members(server.store)
    assert all(n.startswith("https://w3id.org/innograph/") for n in names)


def test_ask(server):
    client = SPARQLWrapper(server.sparql)
    client.setQuery("ASK { ?m <http://www.w3.org/ns/org#memberOf> ?c }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True
    client.setQuery("ASK { ?m <http://example.org/nothing> ?c }")
    assert client.query().convert()["boolean"] is False


@pytest.mark.parametrize("fmt", [TURTLE, N3, JSONLD, XML])
def test_construct_formats(server, fmt):
    client = SPARQLWrapper(server.sparql)
    client.setQuery("CONSTRUCT WHERE { ?m <http://www.w3.org/ns/org#memberOf> ?c }")
    client.setReturnFormat(fmt)
    result = client.query()
    media = result.info()["content-type"].split(";")[0]
    parser = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
              "application/rdf+xml": "xml"}[media]
    graph = rdflib.Graph().parse(data=result.response.read(), format=parser)
    assert len(graph) == local_members(server.store)


def test_rdflib_sparqlstore(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = rdflib.Graph(store=SPARQLStore(server.sparql, returnFormat="json"))
    rows = list(graph.query(MEMBERS))
    assert len(rows) == local_members(server.store)
    assert graph.query("ASK { ?m <http://www.w3.org/ns/org#memberOf> ?c }").askAnswer is True


def test_default_and_named_graph_uris(server, http):
    status, _, body = http("GET", server.sparql + "?" + urllib.parse.urlencode(
        {"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}), headers={"Accept": "application/json"})
    graphs = [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert status == 200 and graphs
    one = graphs[0]
    params = [("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"), ("named-graph-uri", one)]
    _, _, body = http("GET", server.sparql + "?" + urllib.parse.urlencode(params),
                      headers={"Accept": "application/json"})
    assert [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]] == [one]
    params = [("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), ("default-graph-uri", "http://example.org/empty")]
    _, _, body = http("GET", server.sparql + "?" + urllib.parse.urlencode(params),
                      headers={"Accept": "application/json"})
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "0"


def test_service_description(server, http):
    status, headers, body = http("GET", server.sparql, headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, sd.endpoint, rdflib.URIRef(server.sparql)) in graph
    assert (None, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert (None, sd.supportedLanguage, sd.SPARQL11Update) not in graph


def test_browser_format_parameter(server, http):
    url = server.sparql + "?" + urllib.parse.urlencode({"query": MEMBERS, "format": "csv"})
    status, headers, body = http("GET", url, headers={"Accept": "text/html"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().splitlines()[0] == "m,name"


@pytest.mark.parametrize("case", [
    ("GET", {"query": "SELEC nothing"}, None, None, 400),
    ("GET", [("query", "ASK {}"), ("query", "ASK {}")], None, None, 400),
    ("GET", {"update": "CLEAR ALL"}, None, None, 400),
    ("PUT", {"query": "ASK {}"}, None, None, 405),
    ("POST", {}, b"ASK {}", "text/plain", 415),
    ("POST", {}, b"ASK {}", None, 400),
    ("POST", {}, b"query=ASK%7B%7D&update=CLEAR%20ALL", "application/x-www-form-urlencoded", 400),
    ("POST", {}, b"\xff\xfeASK {}", "application/sparql-query", 400),
])
def test_protocol_errors(server, case, http):
    method, params, body, ctype, expected = case
    url = server.sparql + ("?" + urllib.parse.urlencode(params) if params else "")
    headers = {"Content-Type": ctype} if ctype else {}
    status, _, text = http(method, url, data=body, headers=headers)
    assert status == expected, text
    assert text.strip()  # every error says why


def test_syntax_error_message_comes_from_the_parser(server, http):
    status, _, body = http("GET", server.sparql + "?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x"}))
    assert status == 400
    assert b"1:21" in body or b"syntax" in body.lower()  # the parser's position of the error


def test_not_acceptable(server, http):
    status, _, _ = http("GET", server.sparql + "?" + urllib.parse.urlencode({"query": "ASK {}"}),
                        headers={"Accept": "image/png"})
    assert status == 406


def test_too_large_body_and_too_many_rows(server, http):
    status, _, _ = http("POST", server.sparql, data=b"ASK {}" + b" " * 30_000,
                        headers={"Content-Type": "application/sparql-query"})
    assert status == 413
    many = "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c } LIMIT 100000"
    status, _, body = http("GET", server.sparql + "?" + urllib.parse.urlencode({"query": many}))
    assert status == 413 and b"max-rows" in body


def test_cors_and_gzip(server, http):
    url = server.sparql + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 300"})
    status, headers, body = http("GET", url, headers={"Origin": "http://example.org", "Accept-Encoding": "gzip",
                                                      "Accept": "application/sparql-results+json"})
    assert status == 200, body
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Content-Encoding"] == "gzip"
    assert "bindings" in json.loads(gzip.decompress(body))["results"]
    status, headers, _ = http("OPTIONS", server.sparql, headers={"Origin": "http://example.org",
                                                                 "Access-Control-Request-Method": "POST"})
    assert status == 200 and "POST" in headers["Access-Control-Allow-Methods"]


def test_a_long_query_stops_at_the_time_limit_and_the_server_stays_responsive(server, http):
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
            "FILTER(STRLEN(CONCAT(STR(?a), STR(?f), STR(?i), STR(?l))) > 0) }")
    started = time.monotonic()
    status, headers, body = http("GET", server.sparql + "?" + urllib.parse.urlencode({"query": slow}))
    took = time.monotonic() - started
    assert status == 503, body
    assert took < 3 + 5
    # the others answer meanwhile and after
    status, _, _ = http("GET", server.sparql + "?" + urllib.parse.urlencode({"query": "ASK {}"}))
    assert status == 200


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self.thread.join()
        self.sock.close()


def test_service_is_refused_without_any_connection(server, http):
    listener = Listener()
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
        status, _, body = http("GET", server.sparql + "?" + urllib.parse.urlencode({"query": query}))
        query = "SELECT * WHERE { SERVICE <http://127.0.0.2:9/x> { ?s ?p ?o } }"
        status2, _, _ = http("GET", server.sparql + "?" + urllib.parse.urlencode({"query": query}))
        time.sleep(0.5)
    finally:
        listener.close()
    assert status == 400 and b"SERVICE" in body
    assert status2 == 400
    assert listener.connections == 0


def test_updates_are_refused_by_a_read_only_endpoint(server, http):
    before = local_members(server.store)
    status, _, body = http("POST", server.sparql, data=b"CLEAR ALL",
                           headers={"Content-Type": "application/sparql-update"})
    assert status == 403 and b"read-only" in body
    status, _, _ = http("POST", server.sparql, data=b"update=CLEAR%20ALL",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    assert local_members(server.store) == before


def test_update_needs_the_token_and_never_loads(writable_server, http):
    srv = writable_server
    insert = b"INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> <https://example.org/p> 1 } }"
    ask = srv.sparql + "?" + urllib.parse.urlencode({"query": "ASK { <https://example.org/a> <https://example.org/p> 1 }"})
    headers = {"Content-Type": "application/sparql-update"}
    status, _, _ = http("POST", srv.sparql, data=insert, headers=headers)
    assert status == 401
    status, _, _ = http("POST", srv.sparql, data=insert, headers={**headers, "Authorization": "Bearer wrong"})
    assert status == 403
    _, _, body = http("GET", ask, headers={"Accept": "application/json"})
    assert json.loads(body)["boolean"] is False
    status, _, body = http("POST", srv.sparql, data=b"LOAD <file:///etc/hostname> INTO GRAPH <https://example.org/x>",
                           headers={**headers, "Authorization": "Bearer s3cret-token"})
    assert status == 400 and b"LOAD" in body
    status, _, body = http("POST", srv.sparql, data=insert, headers={**headers, "Authorization": "Bearer s3cret-token"})
    assert status == 204, body
    deadline = time.monotonic() + 10
    while True:  # the read-only workers see the update once they have reopened the store
        _, _, body = http("GET", ask, headers={"Accept": "application/json"})
        if json.loads(body)["boolean"] is True or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert json.loads(body)["boolean"] is True


def test_a_load_in_another_process_is_seen_once_finished(writable_server, http, tmp_path):
    from click.testing import CliRunner

    from innograph.cli import cli

    srv = writable_server
    extra = tmp_path / "extra.ttl"
    extra.write_text("<https://example.org/loaded> <http://www.w3.org/2000/01/rdf-schema#label> \"loaded meanwhile\" .\n")
    ask = srv.sparql + "?" + urllib.parse.urlencode({"query": 'ASK { ?s rdfs:label "loaded meanwhile" }'})
    _, _, body = http("GET", ask, headers={"Accept": "application/json"})
    assert json.loads(body)["boolean"] is False
    result = CliRunner().invoke(cli, ["-q", "--store", str(srv.store), "load", str(extra)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    _, _, body = http("GET", ask, headers={"Accept": "application/json"})
    assert json.loads(body)["boolean"] is True
