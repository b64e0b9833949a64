"""Partner suggestions: not-yet-linked organizations, meta-path similarity, complementarity, reasons."""

from __future__ import annotations

import pytest

from innograph.errors import UsageError
from innograph.queries.suggest import suggest
from tests.queries.conftest import load_writer


def test_seed_suggestions_for_the_chu(seeds):
    found = suggest(seeds, "CHU de Rouen")
    labels = [s.label for s in found]
    # already linked by a fact: not suggested
    assert "ECOSYSTEM Cléon 4.0" not in labels and "Métropole Rouen Normandie" not in labels
    assert {"CCI Rouen Métropole", "Robotcath", "Renault Cléon", "Médical Training Center"} <= set(labels)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    for s in found:
        assert s.reasons and all(r.text for r in s.reasons)
    cci = next(s for s in found if s.label == "CCI Rouen Métropole")
    assert any(r.via == "ECOSYSTEM Cléon 4.0" and r.via_kind == "Cluster" for r in cci.reasons)
    assert cci.pathsim["cluster"] == pytest.approx(2 * 1 / (1 + 1))


def test_kind_filter_and_n(seeds):
    found = suggest(seeds, "CHU de Rouen", kinds=["Company"], n=1)
    assert len(found) == 1 and found[0].kind == "Company"


@pytest.mark.parametrize("options", [{"n": 0}, {"kinds": ["Spaceship"]}])
def test_inputs_checked(seeds, options):
    with pytest.raises(UsageError):
        suggest(seeds, "CHU de Rouen", **options)


def test_cross_sector_complementarity(kg, writer):
    """A hospital and a carmaker in one cluster rank above two hospitals in the same position."""
    cluster = writer.organization("Cluster Santé Auto", kind="Cluster")
    chu = writer.organization("CHU Test", kind="Hospital")
    other = writer.organization("Clinique Test", kind="Hospital")
    car = writer.organization("Constructeur Test", kind="Company")
    for member in (chu, other, car):
        writer.membership(member, cluster, since="2021-01-01")
    load_writer(kg, writer)
    found = suggest(kg, "CHU Test")
    assert [s.label for s in found] == ["Constructeur Test", "Clinique Test"]
    assert found[0].complementary and not found[1].complementary
    assert found[0].adamic_adar == pytest.approx(found[1].adamic_adar)
    assert found[0].score == pytest.approx(1.5 * found[1].score)


def test_pathsim_over_events(kg, writer):
    """PathSim = 2·shared / (own + own): one attending one of its two events beats a hub."""
    a, b, hub = (writer.organization(n, kind="Company") for n in ("A Corp", "B Corp", "Hub Corp"))
    events = [writer.event(f"Salon {i}") for i in range(5)]
    writer.attends(events[0], a)
    writer.attends(events[0], b)
    writer.attends(events[1], b)
    for event in events:
        writer.attends(event, hub)
    load_writer(kg, writer)
    found = {s.label: s for s in suggest(kg, "A Corp")}
    assert found["B Corp"].pathsim["event"] == pytest.approx(2 * 1 / (1 + 2))
    assert found["Hub Corp"].pathsim["event"] == pytest.approx(2 * 1 / (1 + 5))
    assert found["B Corp"].score > found["Hub Corp"].score


def consortium(writer, projects: int = 6):
    """A research centre sharing many projects with a big partner; the partner's own partners."""
    centre = writer.organization("Centre Atomique Test", kind="ResearchCentre")
    big = writer.organization("Gesellschaft Test", kind="ResearchCentre")
    direct = writer.organization("Partenaire Direct", kind="Company")
    writer.agreement([centre, direct])
    for i in range(projects):
        project = writer.project(f"Projet Commun {i}")
        writer.participation(centre, project, role="coordinator" if i == 0 else "participant")
        writer.participation(big, project, role="participant")
    elsewhere = writer.project("Projet Ailleurs")
    writer.participation(big, elsewhere, role="coordinator")
    newcomer = writer.organization("Université Nouvelle", kind="University")
    writer.participation(newcomer, elsewhere, role="participant")
    return centre, big, direct, newcomer


def test_existing_partners_are_never_suggested(kg, writer):
    """Sharing projects, or a fact, makes two organizations partners: listed apart, not suggested."""
    consortium(writer)
    load_writer(kg, writer)
    found = suggest(kg, "Centre Atomique Test")
    labels = [s.label for s in found]
    assert "Gesellschaft Test" not in labels and "Partenaire Direct" not in labels
    partners = {x.label: x for x in found.already_partners}
    assert partners["Gesellschaft Test"].shared == 6 and partners["Gesellschaft Test"].facts == 0
    assert partners["Partenaire Direct"].facts == 1
    assert not set(labels) & set(partners)
    # the partner's partners are what a consortium brings
    assert labels[0] == "Université Nouvelle"
    reason = found[0].reasons[0]
    assert reason.via == "Gesellschaft Test" and reason.via_kind == "ResearchCentre"
    assert reason.text.startswith("via Gesellschaft Test (ResearchCentre): Centre Atomique Test ")
    assert reason.text.endswith("; Université Nouvelle takes part in Projet Ailleurs with Gesellschaft Test")
    assert len(reason.facts) == 4


def test_funders_of_everyone_are_context(kg, writer):
    """A funder of every organization ties none of them, unless include_hubs; exclude rules out more."""
    funder = writer.organization("Commission Test", kind="PublicAuthority")
    orgs = [writer.organization(f"Bénéficiaire {i}", kind="Company") for i in range(25)]
    for org in orgs:
        writer.grant(funder, org, amount=1000)
    cluster = writer.organization("Pôle Test", kind="Cluster")
    writer.membership(orgs[0], cluster, since="2020-01-01")
    writer.membership(orgs[1], cluster, since="2020-01-01")
    load_writer(kg, writer)
    found = suggest(kg, "Bénéficiaire 0")
    assert [s.label for s in found] == ["Bénéficiaire 1"]
    assert all(r.via != "Commission Test" for s in found for r in s.reasons)
    everyone = suggest(kg, "Bénéficiaire 0", include_hubs=True, n=30)
    assert len(everyone) == 24
    assert not suggest(kg, "Bénéficiaire 0", exclude=["Pôle Test"])
    assert not suggest(kg, "Bénéficiaire 0", exclude=["cluster"])


def test_rows_and_json(seeds):
    found = suggest(seeds, "CHU de Rouen", n=2)
    assert [row["rank"] for row in found.to_dicts()] == [1, 2]
    assert {"organization", "kind", "iri", "score"} <= set(found.to_dicts()[0])
    assert found.to_dict()[0]["reasons"]


def test_frames(seeds):
    frame = suggest(seeds, "CHU de Rouen", n=3).to_frame()
    assert list(frame.columns[:3]) == ["rank", "organization", "kind"]
    assert len(frame) == 3


class CountingNeighbours:
    """A neighbour search 'run elsewhere': it answers from the projection and counts the batches."""

    def __init__(self, kg, p):
        from innograph.queries.neighbours import EmbeddedNeighbours

        self.inner, self.batches = EmbeddedNeighbours(kg, p), []

    def edges(self, nodes, wanted):
        self.batches.append((list(nodes), wanted))
        return self.inner.edges(nodes, wanted)


def test_the_neighbourhood_is_a_replaceable_step_registered_by_name(seeds):
    import tomllib
    from pathlib import Path

    from innograph.graph.projection import projection
    from innograph.queries.lookup import show
    from innograph.queries.neighbours import GROUP, NeighbourSearch, neighbour_names, neighbour_search

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    assert set(pyproject["project"]["entry-points"][GROUP]) == {"embedded", "neo4j"} <= set(neighbour_names())
    assert isinstance(neighbour_search("embedded", seeds, projection(seeds)), NeighbourSearch)
    with pytest.raises(UsageError):
        neighbour_search("no-such-reader", seeds, projection(seeds))
    p = projection(seeds)
    elsewhere = CountingNeighbours(seeds, p)
    found = suggest(seeds, "CHU de Rouen", projection=p, as_of="2016", search=elsewhere)
    assert found.to_dict() == suggest(seeds, "CHU de Rouen", projection=p, as_of="2016").to_dict()
    assert len(elsewhere.batches) <= 6 and elsewhere.batches[0][1].as_of == "2016"  # batches, not a node at a time
    facts = show(seeds, "CHU de Rouen", projection=p, search=elsewhere)
    assert facts.to_dict() == show(seeds, "CHU de Rouen", projection=p).to_dict()
