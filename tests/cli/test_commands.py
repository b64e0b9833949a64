"""The command line, driven in-process: exit codes, formats, and what a user sees."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from tests.conftest import DATA

COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(run) -> int:
    result = run("sparql", COUNT_QUERY, "--format", "json")
    assert result.exit_code == 0, result.output
    return int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"])


def test_load_twice_keeps_the_triple_count(run, example):
    first = run("load", example)
    assert first.exit_code == 0, first.output
    n = count(run)
    second = run("load", example)
    assert second.exit_code == 0, second.output
    assert "unchanged" in second.stderr
    assert count(run) == n
    assert run("load", "--force", example).exit_code == 0
    assert count(run) == n


def test_sparql_formats(run):
    assert run("load", DATA / "small.ttl").exit_code == 0
    query = "SELECT ?org ?label WHERE { ?org a ig:Company ; rdfs:label ?label }"

    table = run("sparql", query)
    assert table.exit_code == 0, table.output
    assert "ACME Rouen" in table.stdout and "1 row" in table.stderr

    as_json = json.loads(run("sparql", query, "--format", "json").stdout)
    assert as_json["head"]["vars"] == ["org", "label"]
    assert as_json["results"]["bindings"] == [{
        "org": {"type": "uri", "value": "https://example.org/id/acme"},
        "label": {"type": "literal", "value": "ACME Rouen"},
    }]

    rows = list(csv.reader(io.StringIO(run("sparql", query, "--format", "csv").stdout)))
    assert rows == [["org", "label"], ["https://example.org/id/acme", "ACME Rouen"]]

    tsv = run("sparql", query, "--format", "tsv").stdout.splitlines()
    assert tsv == ["?org\t?label", '<https://example.org/id/acme>\t"ACME Rouen"']


def test_sparql_from_file_and_stdin(run, tmp_path):
    run("load", DATA / "small.ttl")
    query_file = tmp_path / "q.rq"
    query_file.write_text("SELECT ?m WHERE { ?m org:memberOf ?c } ORDER BY ?m")
    from_file = run("sparql", f"@{query_file}", "--format", "csv")
    assert from_file.stdout.split() == ["m", "https://example.org/id/acme", "https://example.org/id/chu"]
    from_stdin = run("sparql", "-", "--format", "csv", input=query_file.read_text())
    assert from_stdin.stdout == from_file.stdout


def test_ask_exits_1_when_the_answer_is_no(run):
    run("load", DATA / "small.ttl")
    yes = run("sparql", "ASK { ?s org:memberOf ?o }", "--format", "json")
    assert yes.exit_code == 0 and json.loads(yes.stdout)["boolean"] is True
    no = run("sparql", "ASK { ?s org:memberOf <https://example.org/none> }")
    assert no.exit_code == 1 and no.stdout.strip() == "no"


def test_construct_prints_turtle_or_ntriples(run):
    run("load", DATA / "small.ttl")
    query = "CONSTRUCT { ?s org:memberOf ?o } WHERE { ?s org:memberOf ?o }"
    turtle = run("sparql", query)
    assert turtle.exit_code == 0, turtle.output
    assert "@prefix org:" in turtle.stdout and "org:memberOf" in turtle.stdout
    nt = run("sparql", query, "--format", "nt")
    assert len(nt.stdout.strip().splitlines()) == 2
    jsonld = json.loads(run("sparql", query, "--format", "jsonld").stdout)
    assert len(jsonld) == 2


def test_bad_query_is_a_usage_error(run):
    result = run("sparql", "SELEC ?x")
    assert result.exit_code == 2
    assert "SPARQL" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_malformed_turtle_exits_3_names_file_and_line_store_unchanged(run):
    run("load", DATA / "small.ttl")
    before = run("sources", "--format", "json").stdout
    n = count(run)
    result = run("load", DATA / "malformed.ttl")
    assert result.exit_code == 3
    assert "malformed.ttl:4" in result.stderr
    assert count(run) == n
    assert run("sources", "--format", "json").stdout == before


def test_missing_file_exits_3_with_its_path(run):
    result = run("load", "no/such/file.ttl")
    assert result.exit_code == 3
    assert "no/such/file.ttl" in result.stderr


def test_unknown_kind_lists_the_valid_ones(run):
    result = run("load", "--kind", "pdf", DATA / "small.ttl")
    assert result.exit_code == 2
    assert "use one of: rdf" in result.stderr


def test_sources_list_and_remove(run, example):
    run("load", DATA / "small.ttl", example)
    listed = json.loads(run("sources", "--format", "json").stdout)
    assert sorted(s["source"] for s in listed) == ["seeds-handmade.ttl", "small.ttl"]
    small = next(s for s in listed if s["source"] == "small.ttl")
    total = count(run)
    removed = run("sources", "remove", "small.ttl")
    assert removed.exit_code == 0, removed.output
    assert f"({small['triples']:,} triples)" in removed.stderr
    # the source's own description triples go with it
    assert count(run) < total - small["triples"] + 1
    assert [s["source"] for s in json.loads(run("sources", "--format", "json").stdout)] == ["seeds-handmade.ttl"]
    assert run("sources", "remove", "small.ttl").exit_code == 2


def test_stdin_load_needs_a_format_and_gets_a_name(run):
    text = (DATA / "small.ttl").read_text()
    assert run("load", "-", input=text).exit_code == 2
    result = run("load", "-", "--kind", "rdf", "--format", "ttl", "--as", "pasted", input=text)
    assert result.exit_code == 0, result.output
    assert [s["source"] for s in json.loads(run("sources", "--format", "json").stdout)] == ["pasted"]


def test_stats_counts_classes_and_fact_kinds(run, example):
    run("load", example)
    stats = json.loads(run("stats", "--format", "json").stdout)
    classes = {c["class"]: c["instances"] for c in stats["classes"]}
    assert classes["org:Organization"] == 12
    assert classes["foaf:Person"] == 7
    facts = {f["kind"]: f for f in stats["facts"]}
    assert facts["holds_post"]["nodes"] == 5
    assert facts["member_of"]["edges"] == 1
    assert facts["funds"]["nodes"] == 4
    table = run("stats")
    assert table.exit_code == 0 and "Facts by kind" in table.stdout


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq", "nt", "jsonld"])
def test_export_round_trips(run, example, tmp_path, fmt):
    run("load", example)
    out = tmp_path / f"export.{fmt}"
    result = run("export", "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    import rdflib

    graph = rdflib.Dataset()
    graph.parse(out, format={"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt])
    assert len(graph) > 200 or sum(len(g) for g in graph.graphs()) > 200


def test_export_one_source_to_stdout(run, example):
    run("load", DATA / "small.ttl", example)
    result = run("export", "--format", "nt", "--source", "small.ttl")
    assert result.exit_code == 0, result.output
    assert "example.org/id/acme" in result.stdout and "chu-de-rouen" not in result.stdout


def test_validate_example_conforms(run, example):
    run("load", example)
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stderr


def test_validate_reports_a_post_without_holder(run):
    run("load", DATA / "post-without-holder.ttl")
    result = run("validate", "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert any(f["focus"] == "https://example.org/id/post" and f["path"] == "org:heldBy" for f in findings)


def test_help_teaches(run):
    result = run("--help")
    assert result.exit_code == 0
    for command in ("load", "sources", "stats", "sparql", "export", "validate"):
        assert command in result.output
    assert "Examples" in run("load", "--help").output


def test_python_dash_m_works(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "innograph", "--store", str(tmp_path / "s"), "sources", "--format", "json"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
