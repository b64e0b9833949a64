"""CORDIS: the real H2020 extract loads whole; the JSON export form reads the same way."""

from __future__ import annotations

import pytest

from innograph.load import expand, ingest
from innograph.loaders import for_path
from tests.conftest import DATA, SHARED
from tests.loaders.test_tables import ask, values

TABLES = DATA / "tables"
CORDIS = SHARED / "data" / "cordis-h2020"
SIRENE = SHARED / "data" / "sirene-large-employers"


def test_cordis_files_are_told_by_their_header():
    assert for_path(TABLES / "cordis-organizations.json").name == "cordis"
    assert for_path(TABLES / "cordis-projects.json").name == "cordis"
    assert for_path(TABLES / "adherents-cp1252.csv").name == "members"


def test_the_json_export_loads_participations_grants_and_projects(kg):
    for path in (TABLES / "cordis-organizations.json", TABLES / "cordis-projects.json"):
        assert ingest(kg, path).problems == []
    rows = values(kg, """SELECT DISTINCT ?org ?role ?project WHERE { ?p a ig:Participation ; org:role ?role ;
        ig:participant/rdfs:label ?org ; ig:project/rdfs:label ?project } ORDER BY ?org""")
    assert rows == [("BEISPIEL GMBH", "coordinator", "NORECORD"), ("SOCIETE GENERALE DE MECANIQUE", "coordinator", "TESTPROJ"),
                    ("UNIVERSITE DE ROUEN NORMANDIE", "participant", "TESTPROJ")]
    # The CORDIS id names the node; a French VAT gives its SIREN; placeholder VAT ignored; SME flag;
    # kinds from the activity type.
    assert ask(kg, 'ASK { <https://w3id.org/innograph/id/organization/cordis/999990001> a ig:Company ; '
                   'ig:siren "303265045" ; org:classification ig:SME ; ig:cordisId "999990001" ; skos:altLabel "SGM" ; '
                   'ig:participatesIn ?p }')
    assert ask(kg, 'ASK { ?u rdfs:label "UNIVERSITE DE ROUEN NORMANDIE" ; a ig:University ; ig:cordisId "999990002" }')
    assert not ask(kg, 'ASK { ?u ig:vatNumber "MISSING" }')
    grants = values(kg, """SELECT DISTINCT ?org ?amount WHERE { ?g a schema:MonetaryGrant ; schema:funder/rdfs:label "European Commission" ;
        schema:fundedItem ?o ; schema:amount/schema:value ?amount . ?o a org:Organization ; rdfs:label ?org } ORDER BY ?org""")
    assert [(o, float(a)) for o, a in grants] == [("SOCIETE GENERALE DE MECANIQUE", 771225.1),
                                                  ("UNIVERSITE DE ROUEN NORMANDIE", 103437.5)]
    # The project record, and a project without participations, with dates and topics.
    assert ask(kg, 'ASK { ?p ig:cordisId "999001" ; schema:name "A test project" ; '
                   'schema:startDate "2021-01-01"^^xsd:date ; dcterms:subject/skos:notation "ICT-37-2015-1" }')
    assert ask(kg, 'ASK { ?p a ig:Project ; rdfs:label "LONELY" . FILTER NOT EXISTS { ?x ig:participatesIn ?p } }')


def test_json_and_csv_forms_give_the_same_participation_facts(kg, tmp_path):
    import csv
    import json

    records = json.loads((TABLES / "cordis-organizations.json").read_text())
    path = tmp_path / "organizations.csv"
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(records[0]), quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in records)
    query = """SELECT ?org ?role ?amount WHERE { ?p a ig:Participation ; org:role ?role ; ig:participant/rdfs:label ?org .
        OPTIONAL { ?g schema:fundedItem ?o ; schema:amount/schema:value ?amount . ?p ig:participant ?o } } ORDER BY ?org"""
    ingest(kg, TABLES / "cordis-organizations.json")
    from_json = values(kg, query)
    kg.remove_source("cordis-organizations.json")
    ingest(kg, path)
    assert values(kg, query) == from_json


@pytest.mark.skipif(not CORDIS.is_dir(), reason="needs ../shared/data/cordis-h2020")
def test_the_real_h2020_extract_loads_whole_and_resolves(kg):
    from innograph.graph.resolve import entities, resolve

    files = expand([CORDIS])
    assert {p.name for p in files} == {"organizations.csv", "projects.csv", "topics.csv"}
    for path in files:
        result = ingest(kg, path)
        assert result.loader == "cordis" and result.problems == []
    [(participations, orgs, projects)] = values(kg, """SELECT (COUNT(DISTINCT ?p) AS ?n) (COUNT(DISTINCT ?o) AS ?orgs)
        (COUNT(DISTINCT ?prj) AS ?projects) WHERE { ?p a ig:Participation ; ig:participant ?o ; ig:project ?prj ;
        org:role ?role ; ig:evidence ?ev }""")
    assert (int(participations), int(projects)) == (5149, 602)
    [(described,)] = values(kg, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a ig:Project ; schema:name ?title }")
    assert int(described) == 175
    for path in expand([SIRENE]):
        ingest(kg, path)
    result = resolve(kg)
    found = entities(kg)
    cordis_nodes = {iri for iri, e in found.items() if e.cordis}
    merged_away = {m.source for m in result.merges}
    assert len(cordis_nodes - merged_away) <= 3114
    for merge in result.merges:  # nothing CORDIS keeps apart by VAT number is merged
        a, b = found[merge.source], found[merge.target]
        assert not (a.vats and b.vats and not a.vats & b.vats), merge
    matched = {m.target for m in result.merges if found[m.source].cordis or found[m.target].cordis}
    french = [iri for iri in cordis_nodes if "/siren/" in iri or iri in matched]
    sirene_graphs = {s.iri for s in kg.sources() if s.loader == "sirene"}
    in_sirene = [iri for iri in set(french) | matched if found[iri].graphs & sirene_graphs
                 or any(found[m.source].graphs & sirene_graphs for m in result.merges if m.target == iri)]
    assert len(in_sirene) >= 25
