"""Entity resolution: one node per organization across documents and tables; review; undo."""

from __future__ import annotations

import pytest

from innograph.graph import resolve as res
from innograph.load import ingest
from innograph.ontology.ns import IG
from innograph.ontology.shacl import validate
from tests.loaders.test_tables import ask, values

MEMBERS = """Raison sociale;Type;Ville;SIREN;Adhérent depuis
CHU de Rouen;Hôpital;Rouen;267600011;16/01/2020
Univ. Rouen Normandie;Université;Mont-Saint-Aignan;;2019
Chambre de commerce et d'industrie Rouen Métropole;CCI;Rouen;;2018
Medical Training Centre;Organisme de formation;Rouen;;2020
Robocath;Start-up;Rouen;;2021
"""

SEED_NAMES = ["CHU de Rouen", "Université de Rouen Normandie", "CCI Rouen Métropole", "Médical Training Center"]


def organizations(kg, name: str) -> set[str]:
    """The resolved nodes (canonical, or never merged) known by `name` as label or alternative label."""
    rows = values(kg, f"""SELECT DISTINCT ?o WHERE {{ ?o a org:Organization ; rdfs:label|skos:altLabel "{name}" .
        FILTER NOT EXISTS {{ ?o ig:canonical ?kept FILTER(?kept != ?o) }} }}""")
    return {r[0] for r in rows}


@pytest.fixture
def seeded(kg, example, tmp_path):
    """The seed documents (hand-made rendering) and a member list naming the same organizations."""
    path = tmp_path / "adherents.csv"
    path.write_bytes(MEMBERS.encode("cp1252"))
    ingest(kg, example)
    ingest(kg, path, of="ECOSYSTEM Cléon 4.0")
    return kg


def test_documents_and_tables_end_with_one_node_per_organization(seeded):
    kg = seeded
    assert len(organizations(kg, "CHU de Rouen")) == 2  # before: the article's node and the SIREN node
    result = res.resolve(kg)
    for name in SEED_NAMES:
        assert len(organizations(kg, name)) == 1, name
    [chu] = organizations(kg, "CHU de Rouen")
    assert chu.endswith("/siren/267600011")
    # The kept node has the facts of both: the membership from the table, the partner from the articles.
    assert ask(kg, f"ASK {{ <{chu}> org:memberOf/rdfs:label 'ECOSYSTEM Cléon 4.0' ; ig:partnerOf ?p ; "
                   f"skos:altLabel 'Centre hospitalier universitaire de Rouen' ; rdfs:label ?l }}")
    merge = next(m for m in result.merges if m.target == chu)
    assert merge.rule == "name" and "CHU de Rouen" in merge.names and len(merge.graphs) == 2
    assert ask(kg, f"ASK {{ ?m a ig:Merge ; ig:mergedInto <{chu}> ; ig:mergeRule 'name' ; ig:mergedName 'CHU de Rouen' ; "
                   f"prov:wasDerivedFrom ?source }}")
    assert validate(kg).conforms


def test_review_lists_near_misses_and_decisions_persist(seeded, run, store_path):
    kg = seeded
    result = res.resolve(kg)
    [near] = [c for c in result.candidates if {"Robocath", "Robotcath"} == set(c.names)]
    assert near.rule == "similar name" and len(organizations(kg, "Robocath")) == 1
    res.decide(kg, near.id, "accepted")
    again = res.resolve(kg)
    assert organizations(kg, "Robocath") == organizations(kg, "Robotcath")
    assert any(m.rule == "accepted" for m in again.merges)
    # Rejected: kept apart on every later run.
    undo = next(m for m in again.merges if m.rule == "accepted")
    res.decide(kg, undo.id, "undone")
    res.resolve(kg)
    res.resolve(kg)
    assert organizations(kg, "Robocath") != organizations(kg, "Robotcath")
    assert near.id not in {c.id for c in res.resolve(kg).candidates}


def test_undo_restores_both_nodes_as_loaded(seeded):
    kg = seeded
    result = res.resolve(kg)
    chu = next(m for m in result.merges if m.target.endswith("/siren/267600011"))
    res.decide(kg, chu.id, "undone")
    res.resolve(kg)
    assert organizations(kg, "CHU de Rouen") == {chu.source, chu.target}
    assert not ask(kg, f"ASK {{ <{chu.target}> ig:partnerOf ?p }}")  # the article's facts went back home
    assert ask(kg, f"ASK {{ <{chu.source}> ig:partnerOf ?p }}")


def test_the_cli_runs_reviews_and_undoes(seeded, run, store_path):
    seeded.close()
    result = run("resolve")
    assert result.exit_code == 0, result.output
    assert "merged" in result.output and "near misses" in result.output
    result = run("resolve", "--review", "--format", "csv")
    assert "Robocath" in result.stdout and result.stdout.startswith("id,score,rule,name,other")
    merges = run("resolve", "--merges", "--format", "json").stdout
    merge_id = next(line.split('"')[3] for line in merges.splitlines() if line.strip().startswith('"id"'))
    result = run("resolve", "--undo", merge_id)
    assert result.exit_code == 0 and f"undone {merge_id}" in result.output
    assert run("resolve", "--accept", "c00000000").exit_code == 2


def test_different_identifiers_are_never_merged_by_name(kg, tmp_path):
    path = tmp_path / "two.csv"
    path.write_text("name,vat,country\nRHEA SYSTEM SA,BE0123456789,BE\nRHEA SYSTEM BV,NL123456789B01,NL\n"
                    "KPMG,IE9F54042G,IE\nKPMG SA,FR40775726417,FR\n")
    ingest(kg, path)
    result = res.resolve(kg)
    assert result.merges == []
    assert {frozenset(c.names) for c in result.candidates} >= {frozenset({"RHEA SYSTEM SA", "RHEA SYSTEM BV"})}


def test_two_sources_labelling_one_iri_keep_one_label(kg, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("nom,siren\nCHU de Rouen,267600011\n")
    b.write_text("siren,denominationUniteLegale\n267600011,CENTRE HOSPITALIER UNIVERSITAIRE DE ROUEN\n")
    ingest(kg, a)
    ingest(kg, b)
    assert not validate(kg).conforms
    result = res.resolve(kg)
    assert result.relabelled == 1 and validate(kg).conforms
    assert values(kg, "SELECT DISTINCT ?l WHERE { ?o ig:siren '267600011' ; rdfs:label ?l }") == [("CHU de Rouen",)]
    kg.remove_source("a.csv")
    res.resolve(kg)
    assert values(kg, "SELECT DISTINCT ?l WHERE { ?o ig:siren '267600011' ; rdfs:label ?l }") == [
        ("CENTRE HOSPITALIER UNIVERSITAIRE DE ROUEN",)]
    assert validate(kg).conforms


# -- one canonical IRI and kind; shared VAT numbers go to review ---------------------------------

CORDIS_HEADER = ("projectID,projectAcronym,organisationID,vatNumber,name,shortName,SME,activityType,street,postCode,"
                 "city,country,role,ecContribution,netEcContribution,totalCost\n")


def cordis_file(path, rows):
    path.write_text(CORDIS_HEADER + "".join(",".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_organizations_sharing_a_vat_number_keep_their_nodes_and_go_to_review(kg, tmp_path):
    path = cordis_file(tmp_path / "organizations.csv", [
        ("100001", "ALPHA", "900000001", "DE811111111", "HOCHSCHULE TALBURG", "HT", "False", "HES", "", "93040",
         "TALBURG", "DE", "coordinator", "1000", "1000", "1000"),
        ("100001", "ALPHA", "900000002", "DE811111111", "AKADEMIE FUR FORSTWESEN TALBURG", "AFT", "False", "PUB", "",
         "93040", "TALBURG", "DE", "participant", "500", "500", "500"),
        ("100002", "BETA", "900000003", "FR40303265045", "ORBITAL WORKS SAS", "OW", "True", "PRC", "", "01200",
         "BELLEGARDE", "FR", "coordinator", "0", "0", "200"),
        ("100002", "BETA", "900000004", "FR40303265045", "ORBITAL WORKS DEFENCE", "OWD", "False", "PRC", "",
         "01200", "BELLEGARDE", "FR", "participant", "", "", ""),
    ])
    ingest(kg, path)
    nodes = values(kg, "SELECT DISTINCT ?o WHERE { ?o a org:Organization ; ig:cordisId ?id }")
    assert len(nodes) == 4 and all("/organization/cordis/" in o for (o,) in nodes)
    result = res.resolve(kg)
    assert result.merges == []
    shared = {frozenset(c.names): c for c in result.candidates if c.rule == "shared VAT number"}
    hoch = shared[frozenset({"HOCHSCHULE TALBURG", "AKADEMIE FUR FORSTWESEN TALBURG"})]
    assert "DE811111111" in hoch.reason and "900000001" in hoch.reason and "900000002" in hoch.reason
    assert hoch.as_dict()["reason"] == hoch.reason
    # Two CORDIS participants with one French VAT number share a SIREN: not merged either.
    orbital = [c for c in result.candidates if frozenset(c.names) == {"ORBITAL WORKS SAS", "ORBITAL WORKS DEFENCE"}]
    assert orbital and orbital[0].rule in ("shared SIREN", "shared VAT number")
    # Accepting the proposal merges them (the person knows better).
    res.decide(kg, hoch.id, "accepted")
    assert {m.rule for m in res.resolve(kg).merges} == {"accepted"}


def test_one_rule_picks_the_canonical_iri_and_kind(kg, tmp_path):
    cordis = cordis_file(tmp_path / "organizations.csv", [
        ("100003", "GAMMA", "900000005", "", "HOSPICES REUNIS DE VALDORGE", "HRV", "False", "PUB", "", "69002",
         "VALDORGE", "FR", "coordinator", "1000", "1000", "1000"),
    ])
    register = tmp_path / "register.csv"
    register.write_text("siren,denominationUniteLegale,categorieJuridiqueUniteLegale\n"
                        "266900099,HOSPICES REUNIS DE VALDORGE,7364\n", encoding="utf-8")
    ingest(kg, cordis)
    ingest(kg, register)
    result = res.resolve(kg)
    [merge] = result.merges
    cordis_iri, siren_iri = merge.source, merge.target
    assert cordis_iri.endswith("/cordis/900000005") and siren_iri.endswith("/siren/266900099")
    assert merge.kind == "Hospital" and merge.as_dict()["kind"] == "Hospital"
    assert res.canonical_iri([cordis_iri, siren_iri]) == siren_iri
    assert res.canonical_kind(["PublicAuthority", "Hospital"]) == "Hospital"
    # SPARQL sees the same: sameAs both ways, every IRI points at the canonical one, one kind.
    assert ask(kg, f"ASK {{ <{cordis_iri}> owl:sameAs <{siren_iri}> . <{siren_iri}> owl:sameAs <{cordis_iri}> . "
                   f"<{cordis_iri}> ig:canonical <{siren_iri}> . <{siren_iri}> ig:canonical <{siren_iri}> ; "
                   f"ig:canonicalKind ig:Hospital }}")
    assert res.canonical_links(kg) == {cordis_iri: siren_iri, siren_iri: siren_iri}
    assert organizations(kg, "HOSPICES REUNIS DE VALDORGE") == {siren_iri}
    assert validate(kg).conforms
    # The projection (paths, show, exports) names the same node with the same kind.
    from innograph.graph.projection import projection

    p = projection(kg, rebuild=True)
    node = p.index(cordis_iri)
    assert node == p.index(siren_iri) and p.iris[node] == siren_iri and p.kinds[node] == "Hospital"


def test_resolution_does_not_depend_on_the_order_of_loading(tmp_path):
    import pyoxigraph as ox

    from innograph.graph.store import KnowledgeGraph

    cordis = cordis_file(tmp_path / "organizations.csv", [
        ("100004", "DELTA", "900000006", "FR40303265045", "ORBITAL WORKS", "OW", "True", "PRC", "", "01200",
         "BELLEGARDE", "FR", "coordinator", "10", "10", "10"),
        ("100004", "DELTA", "900000007", "FR40303265045", "ORBITAL WORKS SERVICES", "OWS", "False", "PRC", "",
         "01200", "BELLEGARDE", "FR", "participant", "20", "20", "20"),
    ])
    register = tmp_path / "register.csv"
    register.write_text("siren,denominationUniteLegale\n303265045,ORBITAL WORKS\n", encoding="utf-8")
    runs = []
    for i, order in enumerate(((cordis, register), (register, cordis))):
        with KnowledgeGraph(tmp_path / f"store{i}") as kg:
            for path in order:
                ingest(kg, path)
            result = res.resolve(kg)
            graph = ox.NamedNode(res.RESOLUTION_GRAPH)
            # No blank nodes: the resolution graph compares as a set (its load time aside).
            triples = {q.triple for q in kg.store.quads_for_pattern(None, None, None, graph) if q.subject != graph}
            runs.append((sorted((m.source, m.target) for m in result.merges),
                         sorted((c.a, c.b, c.rule) for c in result.candidates), triples))
    assert runs[0] == runs[1]
    assert len(runs[0][0]) == 1 and runs[0][1][0][2] == "shared SIREN"


def test_one_node_two_kinds_gets_one_canonical_kind(kg, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("nom,siren,type\nClinique du Val Talbourg,123456782,Hôpital\n", encoding="utf-8")
    b.write_text("siren,denominationUniteLegale\n123456782,VAL TALBOURG SANTE\n", encoding="utf-8")
    ingest(kg, a)
    ingest(kg, b)
    [(node,)] = values(kg, "SELECT DISTINCT ?o WHERE { ?o ig:siren '123456782' }")
    assert ask(kg, f"ASK {{ <{node}> a ig:Hospital, ig:Company }}")  # each source its own kind
    result = res.resolve(kg)
    assert result.kinds == {node: "Hospital"} and result.merges == []
    assert values(kg, f"SELECT ?k WHERE {{ <{node}> ig:canonicalKind ?k }}") == [(str(IG.Hospital),)]
