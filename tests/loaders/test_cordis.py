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


def test_a_name_the_export_quoted_twice_gets_its_quotation_marks_once(kg, tmp_path):
    """CORDIS writes a name holding quotation marks CSV-quoted twice: the label has them once."""
    import csv

    path = tmp_path / "organizations.csv"
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream, quoting=csv.QUOTE_ALL)
        writer.writerow(["projectID", "projectAcronym", "organisationID", "name", "shortName", "activityType",
                         "role", "ecContribution"])
        # the writer quotes each field (once) around a field already quoted (twice in the file)
        writer.writerow(["100020", "NU", "900000020", csv_quoted('CENTRE "ALPHA", Beta'), csv_quoted('ALPHA "A"'),
                         "REC", "coordinator", "10"])
    assert ingest(kg, path).problems == []
    assert values(kg, 'SELECT ?l ?a WHERE { ?o ig:cordisId "900000020" ; rdfs:label ?l ; skos:altLabel ?a }') == [
        ('CENTRE "ALPHA", Beta', 'ALPHA "A"')]


def csv_quoted(text: str) -> str:
    """`text` as one quoted CSV field (what a second round of quoting writes)."""
    return '"' + text.replace('"', '""') + '"'


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
    # `resolve --merges` and the projection agree on every merged organization's IRI and kind.
    from innograph.graph.projection import projection

    p = projection(kg, rebuild=True)
    for merge in result.merges:
        node = p.index(merge.source)
        assert node == p.index(merge.target) and p.iris[node] == merge.target, merge
        assert merge.kind is None or p.kinds[node] == merge.kind, merge


# -- what the loader keeps: status, scheme, objective, costs, zero vs unknown, postal codes --------

def test_projects_keep_status_scheme_objective_and_costs(kg, tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text('"id","acronym","status","title","startDate","endDate","totalCost","ecMaxContribution",'
                    '"frameworkProgramme","fundingScheme","objective"\n'
                    '"100010","KAPPA","CLOSED","A project","2019-01-01","2021-12-31","1234567,5","1000000","H2020",'
                    '"RIA","First line.\n\nSecond paragraph."\n'
                    '"100011","LAMBDA","SIGNED","Another","2020-01-01","2022-12-31","","0","H2020","CSA",""\n',
                    encoding="utf-8")
    assert ingest(kg, path).problems == []
    assert ask(kg, 'ASK { ?p ig:cordisId "100010" ; ig:projectStatus "CLOSED" ; ig:fundingScheme "RIA" ; '
                   'ig:totalCost 1234567.5 ; schema:description "First line.\\n\\nSecond paragraph." }')
    assert ask(kg, 'ASK { ?p ig:cordisId "100011" ; ig:projectStatus "SIGNED" ; ig:fundingScheme "CSA" '
                   'FILTER NOT EXISTS { ?p ig:totalCost ?c } FILTER NOT EXISTS { ?p schema:description ?d } }')
    # The EC's maximum contribution is a ceiling on the project (zero kept), never a grant.
    assert ask(kg, 'ASK { ?p ig:cordisId "100010" ; ig:ecMaxContribution 1000000.0 }')
    assert ask(kg, 'ASK { ?p ig:cordisId "100011" ; ig:ecMaxContribution 0.0 }')
    assert not ask(kg, "ASK { ?g a schema:MonetaryGrant }") and not ask(kg, "ASK { ?p schema:funder ?f }")


def test_a_zero_contribution_is_not_an_unknown_one_and_postal_codes_keep_their_zeros(kg, tmp_path):
    import json

    records = [
        {"projectID": "100012", "projectAcronym": "MU", "organisationID": "900000011", "name": "ZERO WORKS",
         "activityType": "PRC", "postCode": "01200", "country": "FR", "role": "coordinator", "ecContribution": "0",
         "totalCost": "5000"},
        {"projectID": "100012", "projectAcronym": "MU", "organisationID": "900000012", "name": "UNKNOWN WORKS",
         "activityType": "PRC", "postCode": 1300, "country": "FR", "role": "participant", "ecContribution": None},
        {"projectID": "100012", "projectAcronym": "MU", "organisationID": "900000013", "name": "PAID WORKS",
         "activityType": "PRC", "postCode": 8000, "country": "BE", "role": "participant", "ecContribution": 12.5},
    ]
    path = tmp_path / "organizations.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    assert ingest(kg, path).problems == []
    rows = values(kg, """SELECT ?name ?c WHERE { ?p a ig:Participation ; ig:participant ?o .
        ?o ig:cordisId ?id ; rdfs:label ?name . OPTIONAL { ?p ig:ecContribution ?c } } ORDER BY ?name""")
    assert [(n, c and float(c)) for n, c in rows] == [("PAID WORKS", 12.5), ("UNKNOWN WORKS", None),
                                                      ("ZERO WORKS", 0.0)]
    grants = values(kg, "SELECT ?o WHERE { ?g a schema:MonetaryGrant ; schema:fundedItem ?o . ?o a org:Organization }")
    assert len(grants) == 1  # money given only: the zero is no grant
    codes = values(kg, "SELECT ?code WHERE { ?o ig:cordisId ?id ; schema:address/schema:postalCode ?code } ORDER BY ?code")
    assert codes == [("01200",), ("01300",), ("8000",)]


@pytest.fixture(scope="module")
def cordis_sample(tmp_path_factory):
    """The shared CORDIS participations and projects, loaded once."""
    if not CORDIS.is_dir():
        pytest.skip("needs ../shared/data/cordis-h2020")
    from innograph.graph.store import KnowledgeGraph

    with KnowledgeGraph(tmp_path_factory.mktemp("cordis") / "store") as kg:
        for name in ("organizations.csv", "projects.csv"):
            assert ingest(kg, CORDIS / name).problems == []
        yield kg


def test_the_real_sample_agrees_with_pandas(cordis_sample):
    """Organizations, projects, participations, the EC total, zeros and postal codes, against the raw files."""
    from decimal import Decimal

    pd = pytest.importorskip("pandas")
    kg = cordis_sample
    raw = pd.read_csv(CORDIS / "organizations.csv", dtype=str, keep_default_na=False)
    money = raw.ecContribution.str.replace(",", ".", regex=False)
    [(orgs, participations, projects)] = values(kg, """SELECT (COUNT(DISTINCT ?o) AS ?orgs) (COUNT(DISTINCT ?p) AS ?n)
        (COUNT(DISTINCT ?prj) AS ?projects) WHERE { ?p a ig:Participation ; ig:participant ?o ; ig:project ?prj }""")
    assert int(orgs) == raw.organisationID.nunique()  # one node per CORDIS id, shared VAT numbers or not
    assert int(participations) == len(raw.drop_duplicates(["projectID", "organisationID", "role"]))
    assert int(projects) == raw.projectID.nunique()
    contributions = values(kg, "SELECT ?p ?c WHERE { ?p a ig:Participation ; ig:ecContribution ?c }")
    assert len(contributions) == (money != "").sum()
    assert sum(Decimal(c) for _, c in contributions) == sum(Decimal(m) for m in money if m)
    assert sum(Decimal(c) == 0 for _, c in contributions) == sum(Decimal(m) == 0 for m in money if m)
    grants = values(kg, """SELECT ?g ?v WHERE { ?g a schema:MonetaryGrant ; schema:fundedItem ?o ;
        schema:amount/schema:value ?v . ?o a org:Organization }""")
    assert sum(Decimal(v) for _, v in grants) == sum(Decimal(m) for m in money if m)
    codes = {c for (c,) in values(kg, "SELECT DISTINCT ?c WHERE { ?o ig:cordisId ?id ; "
                                      "schema:address/schema:postalCode ?c }")}
    zeros = {" ".join(c.split()) for c in raw.postCode if c.startswith("0")}
    assert zeros and zeros <= codes
    described = pd.read_csv(CORDIS / "projects.csv", dtype=str, keep_default_na=False)
    by_status = dict(values(kg, "SELECT ?s (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p ig:projectStatus ?s } GROUP BY ?s"))
    assert {s: int(n) for s, n in by_status.items()} == described[described.status != ""].status.value_counts().to_dict()
    [(schemes, objectives)] = values(kg, """SELECT (COUNT(DISTINCT ?a) AS ?s) (COUNT(DISTINCT ?b) AS ?o) WHERE {
        { ?a ig:fundingScheme ?x } UNION { ?b schema:description ?y } }""")
    assert int(schemes) == (described.fundingScheme != "").sum() and int(objectives) == (described.objective != "").sum()


def test_standard_classes_come_with_the_ig_classes(kg):
    """`?p a schema:Project` finds CORDIS projects: the ontology's superclasses are asserted too."""
    from innograph.graph.facts import FactWriter, standard_classes
    from innograph.ontology import ontology_path

    for path in (TABLES / "cordis-organizations.json", TABLES / "cordis-projects.json"):
        ingest(kg, path)
    [(ig_projects,)] = values(kg, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a ig:Project }")
    [(schema_projects,)] = values(kg, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Project }")
    assert int(ig_projects) == int(schema_projects) > 0
    assert not ask(kg, "ASK { ?p a ig:Participation FILTER NOT EXISTS { ?p a org:Membership } }")
    # Derived from the ontology, not listed by hand: every ig: class with a superclass elsewhere.
    from rdflib import RDFS, Graph

    onto = Graph().parse(ontology_path())
    expected = {str(c) for c, p in onto.subject_objects(RDFS.subClassOf)
                if str(c).startswith("https://w3id.org/innograph/ns#") and not str(p).startswith("https://w3id.org/innograph/ns#")}
    assert {c.value for c in standard_classes()} == expected
    w = FactWriter("https://w3id.org/innograph/source/test")
    cluster = w.organization("Cluster Exemple", kind="Cluster")
    assert {t.object.value for t in w.triples if t.subject == cluster and t.predicate.value.endswith("#type")} == {
        "http://www.w3.org/ns/org#Organization", "https://w3id.org/innograph/ns#Cluster",
        "http://www.w3.org/ns/org#OrganizationalCollaboration"}
