"""Hubs as context, exclusions, and one canonical node per organization in every query."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from innograph.graph.facts import FactWriter
from innograph.queries.brokers import brokers
from innograph.queries.communities import communities
from innograph.queries.lookup import search, show
from innograph.queries.paths import NoPath, paths
from tests.queries.conftest import load_writer


def programme(writer, grantees: int = 24):
    """A funder of every grantee; two groups of grantees, tied inside by projects, and a bridge."""
    funder = writer.organization("Commission Test", kind="PublicAuthority")
    orgs = [writer.organization(f"Lauréat {i:02d}", kind="Company") for i in range(grantees)]
    for org in orgs:
        writer.grant(funder, org, amount=1000)
    half = grantees // 2
    for g, group in enumerate((orgs[:half], orgs[half:])):
        for i in range(0, len(group) - 1, 2):
            project = writer.project(f"Projet {g}-{i}")
            for org in group[i:i + 3]:
                writer.participation(org, project, role="participant")
    writer.agreement([orgs[half - 1], orgs[half]])
    return funder, orgs


def test_a_programme_funder_connects_nobody_by_default(kg, writer):
    programme(writer)
    load_writer(kg, writer)
    found = paths(kg, "Lauréat 11", "Lauréat 13", k=5)
    assert found[0].nodes == ["Lauréat 11", "Lauréat 12", "Projet 1-0", "Lauréat 13"]
    assert all("Commission Test" not in p.nodes for p in found)
    with_hubs = paths(kg, "Lauréat 11", "Lauréat 13", k=5, include_hubs=True)
    assert any("Commission Test" in p.nodes for p in with_hubs)
    # the funder itself is still an end of a path, and still shown with every grant
    assert paths(kg, "Commission Test", "Lauréat 03", k=1)[0].hops[0].relation == "funds"
    assert sum(1 for f in show(kg, "Commission Test").facts if f.relation == "funds") == 24


def test_brokers_and_communities_leave_the_funder_out(kg, writer):
    programme(writer)
    load_writer(kg, writer)
    top = [b.label for b in brokers(kg, n=5)]
    assert "Commission Test" not in top
    assert top[0] in ("Lauréat 11", "Lauréat 12")
    assert brokers(kg, n=1, include_hubs=True)[0].label == "Commission Test"
    found = communities(kg)
    assert all("Commission Test" not in c.members for c in found)
    assert sum(c.size for c in found) == 24
    everyone = communities(kg, include_hubs=True)
    assert sum(c.size for c in everyone) == 25


def test_exclude_names_and_kinds(kg, writer):
    programme(writer)
    load_writer(kg, writer)
    with pytest.raises(NoPath):
        paths(kg, "Lauréat 11", "Lauréat 13", exclude=["Lauréat 12"], max_hops=8)
    with pytest.raises(NoPath):
        paths(kg, "Lauréat 11", "Lauréat 13", exclude=["partner_of"], max_hops=8)
    with pytest.raises(NoPath):
        paths(kg, "Lauréat 00", "Lauréat 02", exclude=["project"])
    assert "Lauréat 11" not in [b.label for b in brokers(kg, exclude=["Lauréat 11"])]
    split = communities(kg, exclude=["partner_of"])
    assert not any({"Lauréat 11", "Lauréat 12"} <= set(c.members) for c in split)
    assert communities(kg, exclude=["company"]) == []


def test_communities_csv_rows_give_every_member_with_its_iri(kg, writer):
    programme(writer)
    load_writer(kg, writer)
    found = communities(kg)
    rows = found.to_dicts()
    assert len(rows) == 24 == sum(c.size for c in found)
    assert all(row["iri"].startswith("https://w3id.org/innograph/id/") and row["member"] for row in rows)
    assert {row["member"] for row in rows} == {f"Lauréat {i:02d}" for i in range(24)}
    assert found.to_dict()[0]["iris"] and len(found.to_dict()[0]["iris"]) == found[0].size


def test_communities_leave_the_process_random_state_alone(seeds):
    import random

    random.seed(7)
    expected = random.random()
    random.seed(7)
    communities(seeds, seed=3)
    assert random.random() == expected


def test_one_canonical_node_per_organization(kg):
    """A CORDIS public body and the SIREN hospital it is: one node, the same IRI and kind everywhere."""
    cordis = FactWriter("https://w3id.org/innograph/source/cordis-test")
    public = cordis.organization("Hospices Test", kind="PublicAuthority",
                                 iri="https://w3id.org/innograph/id/organization/cordis/999000001")
    partner = cordis.organization("Partenaire Test", kind="Company")
    project = cordis.project("Projet Commun")
    cordis.participation(public, project, role="participant")
    cordis.participation(partner, project, role="coordinator")
    load_writer(kg, cordis, "cordis")
    sirene = FactWriter("https://w3id.org/innograph/source/sirene-test")
    hospital = sirene.organization("Hospices Test", kind="Hospital",
                                   iri="https://w3id.org/innograph/id/organization/siren/999000001")
    sirene.add(hospital, ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs"), public)
    load_writer(kg, sirene, "sirene")
    named = {(show(kg, iri).iri, show(kg, iri).kind) for iri in (public.value, hospital.value)}
    assert named == {(hospital.value, "Hospital")}
    assert [(h.iri, h.kind) for h in search(kg, "hospices test")] == [(hospital.value, "Hospital")]
    for end in (public.value, hospital.value):
        hop = paths(kg, "Partenaire Test", end, k=1)[0].hops[-1]
        assert (hop.to_iri, hop.to_kind) == (hospital.value, "Hospital")
