"""Linking a document's mentions to what the store knows must not depend on load order: an
acronym alone never links to another source's organization known by that acronym; a longer name
of the same organization in the article is the evidence that does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset
from rdflib.compare import to_isomorphic

from innograph.cli import cli
from tests.conftest import DATA

CORDIS = DATA / "tables" / "cordis-organizations.json"  # "SOCIETE GENERALE DE MECANIQUE", short name "SGM"

#: Our own sentences: an unrelated firm that happens to share the CORDIS participant's acronym.
ACRONYM_ONLY = """Un cabinet d'architectes s'installe à Dieppe

La société SGM, un cabinet d'architectes, a ouvert une agence à Dieppe. Sa directrice, Claire Vasseur, veut y recruter six dessinateurs.
"""
#: The long form given in the article is evidence enough.
LONG_FORM = """Une usine de pièces mécaniques embauche

La Société Générale de Mécanique (SGM) embauche quarante opérateurs. Son directeur, Paul Lemaire, l'a annoncé lundi.
"""


def _load(store: Path, *paths: Path) -> None:
    runner = CliRunner()
    for path in paths:
        result = runner.invoke(cli, ["--store", str(store), "load", str(path)], catch_exceptions=False)
        assert result.exit_code == 0, result.output


def _export(store: Path) -> dict:
    out = store.parent / f"{store.name}.nq"
    result = CliRunner().invoke(cli, ["--store", str(store), "export", "--format", "nq", "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    dataset = Dataset()
    dataset.parse(str(out), format="nquads")
    graphs = {}
    for graph in dataset.graphs():
        kept = graph.__class__()
        for s, p, o in graph:
            if not str(p).endswith("loadedAt"):  # when a source was loaded is not what it says
                kept.add((s, p, o))
        if len(kept):
            graphs[str(graph.identifier)] = to_isomorphic(kept)
    return graphs


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(CORDIS, folder / "cordis.json")
    (folder / "acronym.txt").write_text(ACRONYM_ONLY, encoding="utf-8")
    (folder / "longform.txt").write_text(LONG_FORM, encoding="utf-8")
    return {p.stem: p for p in folder.iterdir()}


def _organizations_mentioned(store: Path, article: str) -> set[str]:
    from innograph.graph.store import KnowledgeGraph

    kg = KnowledgeGraph(store, read_only=True)
    try:
        rows = kg.query(
            "SELECT DISTINCT ?o WHERE { GRAPH ?g { ?g schema:mentions ?o . ?o a org:Organization } "
            f"FILTER(CONTAINS(STR(?g), '{article}')) }}")
        return {r["o"].value for r in rows}
    finally:
        kg.close()


def test_two_load_orders_give_isomorphic_graphs(tmp_path, files):
    first, second = tmp_path / "cordis-first", tmp_path / "article-first"
    _load(first, files["cordis"], files["acronym"])
    _load(second, files["acronym"], files["cordis"])
    a, b = _export(first), _export(second)
    assert a.keys() == b.keys()
    for name in a:
        assert a[name] == b[name], name


def test_an_acronym_alone_does_not_link_to_another_sources_organization(tmp_path, files):
    store = tmp_path / "store"
    _load(store, files["cordis"], files["acronym"])
    mentioned = _organizations_mentioned(store, "acronym")
    assert mentioned, "the firm of the article is an organization"
    assert not any("/cordis/" in iri for iri in mentioned)


def test_the_long_form_in_the_article_links_to_the_known_organization(tmp_path, files):
    store = tmp_path / "store"
    _load(store, files["cordis"], files["longform"])
    assert any(iri.endswith("/cordis/999990001") for iri in _organizations_mentioned(store, "longform"))


#: Our own sentences: a town where an event takes place, and a firm that is somewhere else.
TOWN_OF_AN_EVENT = """Un salon de la robotique à Dieppe

Le salon Robotix Expo aura lieu à Dieppe en juillet. La société Nordiva, basée à Rouen, y présentera ses bras articulés.
"""


def test_a_town_a_reader_only_tried_as_an_organization_is_not_written_as_one(tmp_path):
    from innograph.graph.store import KnowledgeGraph

    path = tmp_path / "salon.txt"
    path.write_text(TOWN_OF_AN_EVENT, encoding="utf-8")
    store = tmp_path / "store"
    _load(store, path)
    kg = KnowledgeGraph(store, read_only=True)
    try:
        rows = kg.query("SELECT ?name WHERE { GRAPH ?g { ?o a org:Organization ; rdfs:label ?name } }")
        organizations = {r["name"].value for r in rows}
    finally:
        kg.close()
    assert "Nordiva" in organizations
    assert "Dieppe" not in organizations and "Rouen" not in organizations  # places, with no organization's fact
