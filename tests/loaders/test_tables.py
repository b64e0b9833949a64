"""Member tables: sniffed CSV, spreadsheets, JSON/YAML, mapping files, bad rows, atomicity."""

from __future__ import annotations

import doctest
import importlib
import json
from decimal import Decimal

import pytest

from innograph.errors import InputError
from innograph.load import ingest
from innograph.loaders import for_path
from tests.conftest import DATA

TABLES = DATA / "tables"
CLUSTER = "ECOSYSTEM Cléon 4.0"


def quads(kg) -> set:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in kg.store}


def sparql(query: str) -> str:
    from innograph.ontology import PREFIXES

    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + query


def values(kg, query: str) -> list:
    return [tuple(str(t.value) if t is not None else None for t in row) for row in kg.query(sparql(query))]


def ask(kg, query: str) -> bool:
    return bool(kg.query(sparql(query)))


@pytest.mark.parametrize("name", ["innograph.loaders.rows", "innograph.loaders.cells", "innograph.loaders.columns",
                                  "innograph.loaders.orgkinds", "innograph.loaders.identifiers"])
def test_docstring_examples(name):
    failures, tried = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert tried > 0 and failures == 0


def test_french_excel_export_loads_with_zero_configuration(kg):
    path = TABLES / "adherents-cp1252.csv"
    assert for_path(path).name == "members"
    result = ingest(kg, path, of=CLUSTER)
    assert result.problems == []
    members = values(kg, """SELECT ?name ?since WHERE { ?m a org:Membership ; org:member/rdfs:label ?name ;
        org:organization/rdfs:label "ECOSYSTEM Cléon 4.0" .
        OPTIONAL { ?m org:memberDuring/time:hasBeginning/(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear) ?since } }
        ORDER BY ?name""")
    assert members == [("CHU de Rouen", "2020-01-16"), ("Robotcath", "2021-03"),
                       ("Société Générale de Mécanique SAS", "2019"), ("Usine Renault, Cléon", "2016")]
    assert ask(kg, 'ASK { ?o rdfs:label "CHU de Rouen" ; a ig:Hospital ; ig:siren "267600011" ; '
                    'schema:address/schema:postalCode "76000" }')
    # French VAT number → SIREN; a NAF code as a concept; a free-text sector as a concept; a large buyer.
    assert ask(kg, 'ASK { ?o ig:siren "303265045" ; ig:vatNumber "FR40303265045" ; org:classification ig:SME ; '
                    'org:classification/skos:notation "25.62A" }')
    assert ask(kg, 'ASK { ?o rdfs:label "Usine Renault, Cléon" ; org:classification ig:LargeBuyer ; '
                    'org:classification/skos:prefLabel "Automobile" }')
    assert ask(kg, 'ASK { ?p a org:Post ; org:heldBy/rdfs:label "Élodie Martin" ; schema:jobTitle "Présidente" ; '
                    'ig:evidence "adherents-cp1252.csv:4" }')


def test_bom_tabs_and_english_headers(kg, tmp_path):
    path = tmp_path / "members.tsv"
    path.write_bytes("\ufeffName\tCity\tMember since\tWebsite\nACME Ltd\tLeeds\t2018-05-02\twww.acme.example\n".encode())
    ingest(kg, path, of="Leeds Cluster")
    assert ask(kg, 'ASK { ?o rdfs:label "ACME Ltd" ; org:memberOf/rdfs:label "Leeds Cluster" ; '
                    'schema:url <http://www.acme.example> }')


def test_xlsx_with_a_title_row(kg, tmp_path):
    import datetime

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Adhérents 2024"])
    sheet.append(["Nom", "Ville", "SIRET", "Adhérent depuis", "Rôle"])
    sheet.append(["CHU de Rouen", "Rouen", 26760001100019, datetime.datetime(2020, 1, 16), "membre fondateur"])
    sheet.append([None, None, None, None, None])
    sheet.append(["Robotcath", "Rouen", None, 2021, None])
    path = tmp_path / "adherents.xlsx"
    book.save(path)
    ingest(kg, path, of=CLUSTER)
    assert ask(kg, 'ASK { ?m org:member/ig:siren "267600011" ; org:role "membre fondateur" ; ig:evidence "adherents.xlsx:3" ; '
                    'org:memberDuring/time:hasBeginning/time:inXSDDate "2020-01-16"^^xsd:date }')
    assert ask(kg, 'ASK { ?m org:member/rdfs:label "Robotcath" ; ig:evidence "adherents.xlsx:5" }')


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".yaml"])
def test_json_json_lines_and_yaml_lists(kg, tmp_path, suffix):
    records = [{"nom": "CHU de Rouen", "ville": "Rouen", "contact": {"nom du contact": "Guillaume Laurent", "fonction": "DGA"}},
               {"nom": "Robotcath", "ville": "Rouen"}]
    path = tmp_path / f"members{suffix}"
    if suffix == ".jsonl":
        path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    elif suffix == ".json":
        path.write_text(json.dumps({"members": records}))
    else:
        import yaml

        path.write_text(yaml.safe_dump(records, allow_unicode=True))
    assert for_path(path).name == "members"
    ingest(kg, path, of=CLUSTER)
    assert len(values(kg, "SELECT DISTINCT ?m WHERE { ?m a org:Membership }")) == 2
    assert ask(kg, 'ASK { ?p org:heldBy/rdfs:label "Guillaume Laurent" ; schema:jobTitle "DGA" ; org:postIn/rdfs:label "CHU de Rouen" }')


def test_a_mapping_file_covers_an_odd_layout(kg, run, store_path):
    assert not for_path(TABLES / "odd-layout.yaml") or for_path(TABLES / "odd-layout.yaml").name != "members"
    ingest(kg, TABLES / "odd-layout.csv", mapping=TABLES / "odd-layout.yaml")
    grants = values(kg, """SELECT ?item ?amount WHERE { ?g a schema:MonetaryGrant ; schema:funder/rdfs:label
        "Métropole Rouen Normandie" ; schema:fundedItem/rdfs:label ?item ; schema:amount/schema:value ?amount } ORDER BY ?item""")
    assert [(item, Decimal(amount)) for item, amount in grants] == [
        ("INSA Rouen Normandie", Decimal("1250000.50")), ("Médical Training Center", Decimal("500000"))]
    assert ask(kg, 'ASK { ?f rdfs:label "Métropole Rouen Normandie" ; a ig:PublicAuthority }')


def test_without_a_name_column_the_error_says_to_write_a_mapping(kg, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Bénéficiaire,Montant\nX,1\n")
    with pytest.raises(InputError, match="--mapping"):
        ingest(kg, path)


def test_bad_rows_are_skipped_and_reported_with_file_line_column_value(kg, run):
    result = ingest(kg, TABLES / "ten-percent-bad.csv", of=CLUSTER)
    assert [(p.path, p.line, p.column, p.value) for p in result.problems] == [
        ("ten-percent-bad.csv", 5, 2, "12AB5678"), ("ten-percent-bad.csv", 16, 4, "31/02/2020")]
    assert "ten-percent-bad.csv:5:2: column 'siren'" in str(result.problems[0])
    assert len(values(kg, "SELECT DISTINCT ?m WHERE { ?m a org:Membership }")) == 18
    assert not ask(kg, 'ASK { ?o rdfs:label "Acme Bad Siren" }')


def test_the_cli_reports_bad_rows_and_strict_leaves_the_store_as_it_was(run, store_path, example):
    from innograph.graph.store import KnowledgeGraph

    assert run("load", example).exit_code == 0
    with KnowledgeGraph(store_path) as kg:
        before = quads(kg)
    result = run("load", TABLES / "ten-percent-bad.csv", "--of", CLUSTER, "--strict")
    assert result.exit_code == 3, result.output
    assert "ten-percent-bad.csv:5:2: column 'siren'" in result.output and "--strict" in result.output
    with KnowledgeGraph(store_path) as kg:
        assert quads(kg) == before
    result = run("load", TABLES / "ten-percent-bad.csv", "--of", CLUSTER)
    assert result.exit_code == 0, result.output
    assert "skipped ten-percent-bad.csv:16:4: column 'membre depuis'" in result.output
    assert "2 bad rows skipped" in result.output


def test_ctrl_c_half_way_keeps_the_previous_version_whole(kg, tmp_path, monkeypatch):
    from innograph.loaders import tables

    path = tmp_path / "members.csv"
    path.write_text("nom,ville\n" + "".join(f"Entreprise {i},Rouen\n" for i in range(30)))
    ingest(kg, path, of=CLUSTER)
    before = quads(kg)
    path.write_text("nom,ville\n" + "".join(f"Société {i},Caen\n" for i in range(30)))
    original, seen = tables._RowWriter.handle, []

    def interrupted(self, row):
        seen.append(row)
        if len(seen) == 20:
            raise KeyboardInterrupt
        return original(self, row)

    monkeypatch.setattr("innograph.loaders.tabular.CHUNK", 5)
    monkeypatch.setattr(tables._RowWriter, "handle", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ingest(kg, path, of=CLUSTER)
    assert quads(kg) == before


def test_changing_the_cluster_reloads_an_unchanged_file(kg):
    path = TABLES / "adherents-cp1252.csv"
    assert ingest(kg, path, of=CLUSTER).status == "loaded"
    assert ingest(kg, path, of=CLUSTER).status == "unchanged"
    assert ingest(kg, path, of="Autre cluster").status == "loaded"
    assert not ask(kg, f'ASK {{ ?c rdfs:label "{CLUSTER}" }}')
