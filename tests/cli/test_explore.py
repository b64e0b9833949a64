"""The exploring commands, in-process: path, suggest, brokers, communities, show, search, export-graph."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml

from tests.conftest import SEEDS_GOLD


@pytest.fixture
def loaded(run, example):
    result = run("load", example)
    assert result.exit_code == 0, result.output
    return run


def test_gold_paths_in_json_and_text(loaded):
    gold = SEEDS_GOLD
    for case in yaml.safe_load(gold.read_text(encoding="utf-8"))["paths"]:
        result = loaded("path", case["from"], case["to"], "--format", "json")
        assert result.exit_code == 0, result.output
        found = json.loads(result.stdout)
        assert found and all({"score", "hops"} <= set(p) for p in found)
        for p in found:
            for hop in p["hops"]:
                assert {"from", "to", "relation", "evidence"} <= set(hop)
                assert hop["evidence"] and all({"source", "text"} <= set(e) for e in hop["evidence"])
        assert any(set(case["via_any"]) & {h["to"] for h in p["hops"][:-1]} for p in found), case
        text = loaded("path", case["from"], case["to"])
        assert text.exit_code == 0 and text.stdout.startswith("Path 1 (score ")
        assert any(v in text.stdout for v in case["via_any"])


def test_path_text_reads_as_sentences(loaded):
    result = loaded("path", "CHU de Rouen", "Renault Cléon", "-k", "5")
    assert "CHU de Rouen joined ECOSYSTEM Cléon 4.0 (16 Jan 2020, " in result.stdout
    assert "«le CHU de Rouen a officiellement intégré le cluster ECOSYSTEM Cléon 4.0»" in result.stdout
    table = loaded("path", "chu", "insa", "--format", "table", "-k", "1")
    assert table.exit_code == 0 and "Métropole Rouen Normandie" in table.stdout


def test_no_path_exits_1_with_nearest_organizations(loaded):
    result = loaded("path", "CHU de Rouen", "Hospimedia")
    assert result.exit_code == 1
    assert "no path between CHU de Rouen and Hospimedia" in result.stderr
    assert "nearest organizations reachable from CHU de Rouen" in result.stderr
    as_json = loaded("path", "CHU de Rouen", "Hospimedia", "--format", "json")
    assert as_json.exit_code == 1 and json.loads(as_json.stdout) == []


def test_ambiguous_name_exits_2_listing_candidates(loaded):
    result = loaded("path", "Normandie", "INSA")
    assert result.exit_code == 2
    assert "Région Normandie" in result.stderr and "Métropole Rouen Normandie" in result.stderr
    assert loaded("show", "Zzyzx Corporation").exit_code == 2
    assert loaded("path", "CHU", "INSA", "--as-of", "tomorrow").exit_code == 2
    assert loaded("path", "CHU", "INSA", "--via", "Spaceship").exit_code == 2


def test_as_of(loaded):
    before = json.loads(loaded("path", "CHU de Rouen", "Renault Cléon", "--as-of", "2019-12", "--format", "json").stdout)
    assert all(h["relation"] != "member_of" for p in before for h in p["hops"])


def test_suggest(loaded):
    result = loaded("suggest", "CHU de Rouen", "--format", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert "CCI Rouen Métropole" in [s["label"] for s in found]
    assert all(s["reasons"] for s in found)
    text = loaded("suggest", "CHU de Rouen", "-n", "3", "--kind", "Company")
    assert text.exit_code == 0 and text.stdout.startswith("1. ") and "(Company)" in text.stdout
    assert loaded("suggest", "CHU de Rouen", "--format", "table").exit_code == 0


def test_brokers_and_communities(loaded):
    result = loaded("brokers", "--format", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found[0]["label"] == "Médical Training Center"
    assert {"betweenness", "constraint", "effective_size", "roles"} <= set(found[0])
    assert loaded("brokers", "--between", "Hospital", "University").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(loaded("brokers", "--format", "csv").stdout)))
    assert {"rank", "organization", "kind", "iri", "betweenness", "constraint"} <= set(rows[0])
    assert (rows[0]["rank"], rows[0]["organization"], rows[0]["kind"]) == ("1", "Médical Training Center", "TrainingCentre")
    assert float(rows[0]["betweenness"]) == 13.0
    communities = loaded("communities", "--format", "json")
    assert communities.exit_code == 0 and json.loads(communities.stdout)[0]["members"]
    assert loaded("communities", "--method", "leiden").exit_code == 0


def test_show_and_search(loaded):
    shown = loaded("show", "medical training center")
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith("Médical Training Center (TrainingCentre)")
    assert "Métropole Rouen Normandie" in shown.stdout
    data = json.loads(loaded("show", "CHU", "--format", "json").stdout)
    assert data["label"] == "CHU de Rouen" and all(f["evidence"] for f in data["facts"])
    found = json.loads(loaded("search", "rouen", "--format", "json").stdout)
    assert found[0]["label"] == "Rouen"
    assert loaded("search", "zzyzx").exit_code == 1


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_graph(loaded, tmp_path, fmt):
    import networkx as nx

    out = tmp_path / f"g.{fmt}"
    result = loaded("export-graph", "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(out)
    assert graph.number_of_nodes() == 26


def test_help_lists_the_explore_commands(run):
    result = run("--help")
    for command in ("path", "suggest", "brokers", "communities", "show", "search", "export-graph"):
        assert command in result.output
    assert "Examples" in run("path", "--help").output


def test_readme_python_example_runs(store_path, example, capsys):
    """The Python example of the README's cross-fertilization section runs as written."""
    from pathlib import Path

    import innograph
    from innograph.load import ingest

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Cross-fertilization queries", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    with innograph.open(store_path) as kg:
        ingest(kg, example)
    exec(compile(code.replace('".innograph-demo"', repr(str(store_path))), "README.md", "exec"), {})
    assert "CHU de Rouen → ECOSYSTEM Cléon 4.0 → Robotcath" in capsys.readouterr().out
