"""SIRENE register extracts: SIRENs repaired or refused, size, activity, and the real extracts."""

from __future__ import annotations

import pytest

from innograph.load import ingest
from innograph.loaders import for_path
from tests.conftest import DATA, SHARED
from tests.loaders.test_tables import ask, values

SIRENE = SHARED / "data" / "sirene-large-employers"


def test_a_stock_extract_gives_size_activity_and_names(kg):
    path = DATA / "tables" / "sirene-stock.csv"
    assert for_path(path).name == "sirene"
    result = ingest(kg, path)
    assert [(p.line, p.column, p.value) for p in result.problems] == [(5, 7, "99")]
    assert ask(kg, 'ASK { <https://w3id.org/innograph/id/organization/siren/267600011> a ig:Hospital ; '
                   'rdfs:label "CENTRE HOSPITALIER UNIVERSITAIRE DE ROUEN" ; skos:altLabel "CHU" ; '
                   'org:classification ig:LargeCompany ; schema:numberOfEmployees/schema:minValue 10000 ; '
                   'org:classification/skos:notation "86.10Z" }')
    assert ask(kg, 'ASK { ?o ig:siren "303265045" ; org:classification ig:SME ; '
                   'schema:numberOfEmployees [ schema:minValue 20 ; schema:maxValue 49 ] }')
    assert ask(kg, 'ASK { ?o ig:siren "056800659" ; rdfs:label "SNEF" }')  # the lost leading zero


@pytest.mark.skipif(not SIRENE.is_dir(), reason="needs ../shared/data/sirene-large-employers")
def test_the_real_extracts_load_with_their_quirks_reported(kg):
    problems = {}
    for name in ("sirene_5000FR.csv", "U_groupees.csv", "greffe_5000FR.csv"):
        result = ingest(kg, SIRENE / name)
        assert result.loader == "sirene"
        problems[name] = [(p.line, p.value) for p in result.problems]
    assert problems == {"sirene_5000FR.csv": [(109, "3.56e+08")], "U_groupees.csv": [(2, "NA"), (67, "NA")],
                        "greffe_5000FR.csv": []}
    assert ask(kg, 'ASK { <https://w3id.org/innograph/id/organization/siren/056800659> rdfs:label "SNEF" ; '
                   'schema:numberOfEmployees/schema:minValue 5000 }')
    [(count,)] = values(kg, "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o ig:siren ?s }")
    assert int(count) == 248  # 215 + 136 + 82 rows, less bad rows, less SIRENs in several files
