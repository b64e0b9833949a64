"""`innograph query NAME --param ...`: named queries from the command line, parameters as terms."""

from __future__ import annotations

import csv
import io


def test_list_and_run_a_named_query(run, example):
    assert run("-q", "load", str(example)).exit_code == 0
    listed = run("query", "--list", "--format", "csv")
    assert listed.exit_code == 0
    names = {row["name"] for row in csv.DictReader(io.StringIO(listed.stdout))}
    assert {"members", "people", "funding", "events", "project-neighbours"} <= names
    result = run("query", "members", "--param", "org=ECOSYSTEM Cléon 4.0", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["name"] for r in rows] == ["CHU de Rouen"]
    by_iri = run("query", "members", "-p", f"org={rows[0]['org']}", "--format", "csv")
    assert by_iri.stdout == result.stdout


def test_parameters_are_checked_and_never_spliced(run, example):
    assert run("-q", "load", str(example)).exit_code == 0
    missing = run("query", "members")
    assert missing.exit_code == 2 and "org" in missing.stderr
    odd = run("query", "organizations-by-kind", "-p", 'kind="} ; DROP ALL #')
    assert odd.exit_code == 2 and "not an organization kind" in odd.stderr
    unknown = run("query", "members", "-p", "org=ECOSYSTEM Cléon 4.0", "-p", "nope=1")
    assert unknown.exit_code == 2 and "nope" in unknown.stderr
    assert run("query", "no-such-query").exit_code == 2
