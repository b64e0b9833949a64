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


def test_pathsim_over_projects(kg, writer):
    """PathSim = 2·shared / (own + own): a partner sharing one of its two projects beats a hub."""
    a, b, hub = (writer.organization(n, kind="Company") for n in ("A Corp", "B Corp", "Hub Corp"))
    projects = [writer.project(f"Projet {i}") for i in range(5)]
    writer.participation(a, projects[0], role="coordinator")
    writer.participation(b, projects[0], role="participant")
    writer.participation(b, projects[1], role="participant")
    for p in projects:
        writer.participation(hub, p, role="participant")
    load_writer(kg, writer)
    found = {s.label: s for s in suggest(kg, "A Corp")}
    assert found["B Corp"].pathsim["project"] == pytest.approx(2 * 1 / (1 + 2))
    assert found["Hub Corp"].pathsim["project"] == pytest.approx(2 * 1 / (1 + 5))
    assert found["B Corp"].score > found["Hub Corp"].score


def test_frames(seeds):
    frame = suggest(seeds, "CHU de Rouen", n=3).to_frame()
    assert list(frame.columns[:3]) == ["rank", "organization", "kind"]
    assert len(frame) == 3
