"""Path search as a replaceable step: any search returning edge keys is explained locally."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from innograph.errors import UsageError
from innograph.graph.projection import projection
from innograph.queries.pathsearch import (
    GROUP, Candidate, EmbeddedSearch, Found, PathSearch, SearchFilter, path_search, search_names,
)
from innograph.queries.paths import NoPath, paths

ROOT = Path(__file__).resolve().parents[2]


class Recorded:
    """A search 'run elsewhere': it replays candidates computed before, as plain keys."""

    def __init__(self, candidates):
        self.candidates, self.asked = candidates, []

    def search(self, source, target, k, edge_filter):
        self.asked.append((source, target, k, edge_filter))
        return Found(list(self.candidates))


def test_the_embedded_search_is_registered_by_name(seeds):
    entry = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"][GROUP]
    assert entry["embedded"] == "innograph.queries.pathsearch:EmbeddedSearch"
    assert "embedded" in search_names()
    engine = path_search("embedded", seeds, projection(seeds))
    assert isinstance(engine, EmbeddedSearch) and isinstance(engine, PathSearch)
    with pytest.raises(UsageError):
        path_search("no-such-engine", seeds, projection(seeds))


def test_candidates_are_plain_keys(seeds):
    p = projection(seeds)
    engine = path_search("embedded", seeds, p)
    chu, insa = p.iris[p.names["chu de rouen"][0]], p.iris[p.names["insa"][0]]
    found = engine.search(chu, insa, 3, SearchFilter())
    assert found.candidates
    for c in found.candidates:
        assert c.nodes[0] == chu and c.nodes[-1] == insa and len(c.edges) == len(c.nodes) - 1
        for (a, b), (s, kind, t) in zip(zip(c.nodes, c.nodes[1:]), c.edges):
            assert {a, b} == {s, t} and kind in p.edge_kinds


def test_a_search_run_elsewhere_is_explained_like_the_embedded_one(seeds):
    p = projection(seeds)
    embedded = paths(seeds, "CHU de Rouen", "Renault Cléon", k=3)
    engine = path_search("embedded", seeds, p)
    chu, renault = embedded[0].hops[0].from_iri, embedded[0].hops[-1].to_iri
    replay = Recorded(engine.search(chu, renault, 3, SearchFilter()).candidates)
    remote = paths(seeds, "CHU de Rouen", "Renault Cléon", k=3, search=replay)
    assert remote.to_dict() == embedded.to_dict()
    assert replay.asked and replay.asked[0][:3] == (chu, renault, 3)


def test_edge_keys_unknown_here_still_read_as_hops(seeds):
    p = projection(seeds)
    chu = p.iris[p.names["chu de rouen"][0]]
    insa = p.iris[p.names["insa"][0]]
    elsewhere = "https://example.org/remote/node"
    replay = Recorded([Candidate(0.5, (chu, elsewhere, insa),
                                 ((chu, "partner_of", elsewhere), (elsewhere, "funds", insa)))])
    found = paths(seeds, "CHU de Rouen", "INSA", search=replay)
    hops = found[0].hops
    assert hops[0].to == elsewhere and hops[0].evidence == [] and hops[1].text == "funded"


def test_an_empty_answer_is_no_path(seeds):
    with pytest.raises(NoPath):
        paths(seeds, "CHU de Rouen", "INSA", search=Recorded([]))


def test_the_filter_says_what_the_search_may_walk(seeds):
    replay = Recorded([])
    with pytest.raises(NoPath):
        paths(seeds, "CHU de Rouen", "INSA", search=replay, via=["Project", "member_of"], as_of="2020",
              exclude=["Région Normandie"], max_hops=3)
    wanted = replay.asked[0][3]
    assert wanted.via == {"Project"} and wanted.kinds == {"member_of"} and wanted.as_of == "2020"
    assert wanted.max_hops == 3 and len(wanted.avoid) == 1
