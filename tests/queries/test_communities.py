"""Communities (Louvain, Leiden) and the organizations that bridge them."""

from __future__ import annotations

import pytest

from innograph.errors import UsageError
from innograph.queries.communities import communities
from tests.queries.conftest import load_writer


def two_groups(writer):
    """Two tight groups of five companies, and Pont SA partnering with one in each."""
    left = [writer.organization(f"Gauche {i}", kind="Company") for i in range(5)]
    right = [writer.organization(f"Droite {i}", kind="Hospital") for i in range(5)]
    for group in (left, right):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                writer.agreement([a, b])
    bridge = writer.organization("Pont SA", kind="Company")
    writer.agreement([bridge, left[0]])
    writer.agreement([bridge, right[0]])


@pytest.mark.parametrize("method", ["louvain", "leiden"])
def test_two_groups_and_their_bridges(kg, writer, method):
    two_groups(writer)
    load_writer(kg, writer)
    found = communities(kg, method=method)
    groups = [set(c.members) for c in found]
    assert {f"Gauche {i}" for i in range(5)} <= next(g for g in groups if "Gauche 1" in g)
    assert {f"Droite {i}" for i in range(5)} <= next(g for g in groups if "Droite 1" in g)
    assert sum(len(g) for g in groups) == 11
    bridges = {b.label for c in found for b in c.bridges}
    assert "Pont SA" in bridges or {"Gauche 0", "Droite 0"} & bridges
    again = communities(kg, method=method)
    assert [c.members for c in again] == [c.members for c in found]  # deterministic with a seed


def test_seed_communities_and_frame(seeds):
    found = communities(seeds)
    assert found and found[0].size >= found[-1].size
    frame = found.to_frame()
    assert set(frame.columns) >= {"community", "member"}
    assert len(frame) == sum(c.size for c in found)


@pytest.mark.parametrize("options", [{"method": "spectral"}, {"resolution": 0}])
def test_inputs_checked(seeds, options):
    with pytest.raises(UsageError):
        communities(seeds, **options)
