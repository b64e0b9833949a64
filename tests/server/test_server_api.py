"""Named queries and the JSON API over HTTP give what the CLI gives."""

from __future__ import annotations

import json
import urllib.parse

import pytest
from click.testing import CliRunner

from innograph.cli import cli


def cli_json(store, *args) -> object:
    result = CliRunner().invoke(cli, ["-q", "--store", str(store), *args, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def get_json(http):
    def get(server, path, **params):
        status, _, body = http("GET", f"{server.url}{path}?{urllib.parse.urlencode(params)}",
                               headers={"Accept": "application/json"})
        return status, json.loads(body)

    return get


def test_named_queries_are_listed_with_their_parameters(server, get_json):
    status, listed = get_json(server, "/queries")
    assert status == 200
    by_name = {q["name"]: q for q in listed}
    assert {"members", "people", "funding", "events", "project-neighbours"} <= set(by_name)
    assert by_name["members"]["params"][0] == {"name": "org", "type": "organization", "optional": False,
                                               "description": by_name["members"]["params"][0]["description"]}


def test_named_query_by_name_equals_the_same_sparql_by_iri(server, get_json):
    status, by_name = get_json(server, "/queries/members", org="ECOSYSTEM Cléon 4.0")
    assert status == 200, by_name
    members = {b["member"]["value"] for b in by_name["results"]["bindings"]}
    assert members
    cluster = "https://w3id.org/innograph/id/organization/ecosystem-cleon-4-0"
    query = f"SELECT DISTINCT ?m WHERE {{ {{ ?m org:memberOf <{cluster}> }} UNION {{ <{cluster}> org:hasMember ?m }} }}"
    _, direct = get_json(server, "/sparql", query=query)
    assert members == {b["m"]["value"] for b in direct["results"]["bindings"]}


def test_parameters_are_terms_never_text(server, get_json, http):
    odd = '"} } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o #'
    status, body = get_json(server, "/queries/funding", recipient="http://example.org/x" + urllib.parse.quote(odd))
    assert status == 200 and body["results"]["bindings"] == []
    status, _, body = http("GET", f"{server.url}/queries/organizations-by-kind?" + urllib.parse.urlencode({"kind": odd}))
    assert status == 400 and b"not an organization kind" in body
    status, _, body = http("GET", f"{server.url}/queries/people?" + urllib.parse.urlencode({"org": odd}))
    assert status in (400, 404) and b"DROP" in body  # looked up as a name, not run as text


def test_named_query_errors(server, http):
    status, _, body = http("GET", f"{server.url}/queries/members")
    assert status == 400 and b"org" in body  # the required parameter is missing, and named
    status, _, _ = http("GET", f"{server.url}/queries/nope")
    assert status == 404


@pytest.mark.parametrize("call", [
    ("/api/search", {"q": "CHU"}, ("search", "CHU")),
    ("/api/entity", {"iri": "CHU de Rouen"}, ("show", "CHU de Rouen")),
    ("/api/path", {"from": "CHU de Rouen", "to": "Robotcath", "k": "2"}, ("path", "CHU de Rouen", "Robotcath", "-k", "2")),
    ("/api/suggest", {"org": "CHU de Rouen"}, ("suggest", "CHU de Rouen")),
])
def test_api_equals_cli(server, call, get_json):
    path, params, command = call
    status, body = get_json(server, path, **params)
    assert status == 200, body
    assert body == cli_json(server.store, *command)


def test_api_errors_are_json(server, get_json):
    status, body = get_json(server, "/api/path", **{"from": "CHU de Rouen"})
    assert status == 400 and "to" in body["error"]
    status, body = get_json(server, "/api/entity", iri="no such organization anywhere")
    assert status == 404 and body["error"]
    status, body = get_json(server, "/api/nothing")
    assert status == 404
