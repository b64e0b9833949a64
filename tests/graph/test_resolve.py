"""Entity resolution: one node per organization across documents and tables; review; undo."""

from __future__ import annotations

import pytest

from innograph.graph import resolve as res
from innograph.load import ingest
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
    """The resolved nodes (no owl:sameAs) known by `name` as label or alternative label."""
    rows = values(kg, f"""SELECT DISTINCT ?o WHERE {{ ?o a org:Organization ; rdfs:label|skos:altLabel "{name}" .
        FILTER NOT EXISTS {{ ?o owl:sameAs ?kept }} }}""")
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
