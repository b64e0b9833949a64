"""Readers never write, every list comes out as CSV, and odd requests end in one clear line.

Also the session API that the command line, the server and Python users share.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path

import pytest

from innograph.api import Session
from innograph.errors import UsageError
from tests.conftest import DATA


def checksums(folder: Path) -> dict[str, str]:
    """Every file below `folder` with the SHA-256 of its bytes."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def loaded(run, example):
    result = run("load", example)
    assert result.exit_code == 0, result.output
    return run


READERS = [
    ("path", "CHU de Rouen", "Renault Cléon", "-k", "2"),
    ("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
    ("show", "CHU de Rouen"),
    ("search", "rouen"),
    ("stats",),
    ("sources",),
]


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_reading_commands_leave_the_store_files_unchanged(loaded, store_path, command):
    loaded(*command)  # a first run may build the projection's cache (next to the store, not in it)
    before = checksums(store_path)
    result = loaded(*command)
    assert result.exit_code == 0, result.output
    assert checksums(store_path) == before


LISTS = [
    ("path", "CHU de Rouen", "Renault Cléon", "-k", "2"),
    ("suggest", "CHU de Rouen", "-n", "3"),
    ("show", "CHU de Rouen"),
    ("search", "rouen"),
    ("brokers",),
    ("communities",),
    ("facts",),
    ("sources",),
    ("stats",),
    ("sparql", "SELECT ?o WHERE { ?o a org:Organization }"),
    ("validate",),
    ("resolve", "--merges"),
]


@pytest.mark.parametrize("command", LISTS, ids=lambda c: c[0])
def test_every_list_command_writes_csv_and_tsv(loaded, command):
    result = loaded(*command, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows and rows[0] and all(len(row) == len(rows[0]) for row in rows)
    assert command[0] in ("validate", "resolve") or len(rows) > 1, result.stdout
    tsv = loaded(*command, "--format", "TSV")
    assert tsv.exit_code == 0, tsv.output
    assert tsv.stdout.splitlines()[0].split("\t") == [c.strip("?") for c in rows[0]] or command[0] == "sparql"


def test_path_csv_has_one_row_per_hop_with_its_path_rank(loaded):
    data = json.loads(loaded("path", "CHU de Rouen", "Renault Cléon", "-k", "2", "--format", "json").stdout)
    rows = list(csv.DictReader(io.StringIO(loaded("path", "CHU de Rouen", "Renault Cléon", "-k", "2",
                                                  "--format", "csv").stdout)))
    assert len(rows) == sum(len(p["hops"]) for p in data)
    assert [r["rank"] for r in rows] == [str(i) for i, p in enumerate(data, 1) for _ in p["hops"]]
    assert rows[0]["from"] == "CHU de Rouen" and rows[0]["evidence"]


def test_no_path_is_an_empty_answer_in_the_format_asked_and_exit_1(loaded):
    as_csv = loaded("path", "CHU de Rouen", "Hospimedia", "--format", "csv")
    assert as_csv.exit_code == 1
    header = as_csv.stdout.splitlines()
    assert len(header) == 1 and header[0].startswith("rank,hop,score,from,")
    with_path = loaded("path", "CHU de Rouen", "Renault Cléon", "--format", "csv").stdout.splitlines()
    assert with_path[0].startswith("rank,hop,score,from,")


def test_a_bogus_format_is_a_usage_error_not_a_traceback(loaded):
    for command in (("path", "a", "b"), ("sources",), ("sparql", "ASK {}"), ("load", str(DATA / "small.ttl"))):
        result = loaded(*command, "--format", "bogus")
        assert result.exit_code == 2, (command, result.output)
        assert "bogus" in result.stderr and "Traceback" not in result.output


def test_kinds_in_any_case(loaded):
    result = loaded("search", "rouen", "--kind", "hospital", "--format", "json")
    assert result.exit_code == 0, result.output
    assert {hit["kind"] for hit in json.loads(result.stdout)} == {"Hospital"}
    assert loaded("suggest", "CHU de Rouen", "--kind", "COMPANY").exit_code == 0
    assert loaded("facts", "--kind", "Member_Of").exit_code == 0


@pytest.mark.parametrize("command", [("export-graph",), ("export",)])
def test_an_output_in_a_missing_folder_exits_3_with_one_line(loaded, tmp_path, command):
    target = tmp_path / "no" / "such" / "dir" / "g.out"
    result = loaded(*command, "-o", target)
    assert result.exit_code == 3
    assert result.stderr.strip().splitlines()[-1].startswith(f"error: cannot write {target}")
    assert not target.parent.exists()


def test_a_finished_export_leaves_no_partial_file(loaded, tmp_path):
    target = tmp_path / "g.graphml"
    assert loaded("export-graph", "-o", target).exit_code == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("g.")] == ["g.graphml"]


def test_unknown_prefix_is_one_line_naming_it(loaded):
    result = loaded("sparql", "SELECT * WHERE { ?s foo:bar ?o }")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "unknown prefix 'foo:'" in lines[0]
    declared = loaded("sparql", "PREFIX foo: <https://example.org/> SELECT * WHERE { ?s foo:bar ?o }")
    assert declared.exit_code == 0, declared.output


def test_service_is_refused_by_the_library_and_with_no_service(loaded, store_path):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with Session(store_path) as session, pytest.raises(UsageError, match="SERVICE"):
        session.sparql(query)
    # a SERVICE word inside a string or an IRI is no SERVICE clause
    with Session(store_path) as session:
        assert session.sparql('SELECT * WHERE { ?s ?p "SERVICE" }').kind == "select"
    result = loaded("sparql", query, "--no-service")
    assert result.exit_code == 2 and "SERVICE" in result.stderr
    assert "--no-service" in loaded("sparql", "--help").output


def test_global_options_after_the_command(run, tmp_path, example):
    other = tmp_path / "other"
    assert run("load", example, "--store", other, "-q").exit_code == 0
    listed = run("sources", "--format", "json", "--store", other)
    assert [s["source"] for s in json.loads(listed.stdout)] == ["seeds-handmade.ttl"]
    quiet = run("sources", "-q", "--store", other)
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_a_store_in_a_folder_that_does_not_exist_is_created_by_a_write(run, tmp_path):
    target = tmp_path / "new" / "deeper" / "store"
    result = run("--store", target, "sources", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [] and not (tmp_path / "new").exists()  # a reader creates nothing
    loaded = run("--store", target, "load", DATA / "small.ttl")
    assert loaded.exit_code == 0, loaded.output
    assert "another innograph process" not in loaded.stderr and target.is_dir()
    assert [s["source"] for s in json.loads(run("--store", target, "sources", "--format", "json").stdout)] == ["small.ttl"]


def test_the_session_answers_and_refuses_to_write_when_read_only(store_path, example):
    with Session(store_path, read_only=False) as session:
        [result] = session.load(example)
        assert result.status == "loaded"
        found = session.paths("CHU de Rouen", "Renault Cléon", k=2)
        assert found.to_dict()[0]["hops"] and found.to_dicts()[0]["rank"] == 1
        assert session.show("CHU de Rouen").label == "CHU de Rouen"
        assert session.search("rouen").to_dicts()
        assert {hit.kind for hit in session.search("rouen", kinds={"hospital"})} == {"Hospital"}
        assert session.search("rouen", kind="HOSPITAL").to_dicts() == session.search("rouen", kinds=["Hospital"]).to_dicts()
        assert session.to_networkx().number_of_nodes() == session.projection.n_nodes
    with Session(store_path) as session:
        assert session.read_only
        assert session.suggest("CHU de Rouen", n=2)
        with pytest.raises(UsageError, match="read_only=False"):
            session.load(example)
        with pytest.raises(UsageError):
            session.remove_source("seeds-handmade.ttl")


def test_the_session_forgets_its_projection_after_a_change(store_path, example):
    with Session(store_path, read_only=False) as session:
        session.load(DATA / "small.ttl")
        before = session.projection
        session.load(example)
        assert session.projection is not before
        assert session.projection.n_nodes > before.n_nodes


def test_no_traceback_for_a_read_only_store_on_a_file(run, tmp_path):
    path = tmp_path / "a-file"
    path.write_text("x")
    result = run("--store", path, "sources")
    assert result.exit_code in (2, 3) and "Traceback" not in result.output
    assert os.path.isfile(path)


def test_construct_as_csv_gives_one_row_per_triple(loaded):
    query = "CONSTRUCT { ?s org:memberOf ?o } WHERE { ?s org:memberOf ?o }"
    nt = loaded("sparql", query, "--format", "nt").stdout.strip().splitlines()
    rows = list(csv.reader(io.StringIO(loaded("sparql", query, "--format", "csv").stdout)))
    assert rows[0] == ["subject", "predicate", "object"] and len(rows) == len(nt) + 1
    assert {row[1] for row in rows[1:]} == {"org:memberOf"}
    assert loaded("sparql", "ASK { ?s ?p ?o }", "--format", "nt").exit_code == 2


def test_help_texts_say_what_the_commands_do_today(run):
    from innograph.cli import cli

    stale = ("as their loaders land", "see below", "as they land", "not yet implemented")
    for name, command in cli.commands.items():
        for sub in [[name], *([[name, s] for s in getattr(command, "commands", {})])]:
            text = run(*sub, "--help").output.lower()
            assert not [p for p in stale if p in text], (sub, text)
    assert not [p for p in stale if p in run("--help").output.lower()]
