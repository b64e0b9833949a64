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


def _every_path(p, s: int, f: SearchFilter) -> dict:
    """Every simple path from s within the filter, by end node, each at its cheapest edges: the
    reference (node IRIs -> cost)."""
    import math

    from innograph.graph.projection import NODATE, as_of_ordinal, edge_filter, recency
    from innograph.queries.pathsearch import CHAINED_MENTIONS, HUB_PENALTY, typical_degree

    valid = edge_filter(p, as_of=f.as_of, kinds=None if f.kinds is None else sorted(f.kinds))
    reference = as_of_ordinal(f.as_of) or p.max_date
    typical = typical_degree(p)

    def cost(e):
        date = p.last[e] if reference == NODATE or p.last[e] <= reference else p.start[e]
        return -math.log(max(1e-9, p.weight[e] * recency(date, reference)))

    def hub(v):
        return HUB_PENALTY * math.log(p.degree(v) / typical) if p.degree(v) > typical else 0.0

    found: dict[int, dict] = {}

    def walk(nodes, edges):
        if edges:
            mentions = sum(p.edge_kinds[p.ekind[e]] == "co_mentioned" for e in edges)
            total = (sum(map(cost, edges)) + sum(hub(v) for v in nodes[1:-1])
                     + CHAINED_MENTIONS * max(0, mentions - 1))
            key = tuple(p.iris[v] for v in nodes)
            ends = found.setdefault(nodes[-1], {})
            ends[key] = min(ends.get(key, math.inf), total)
        u = nodes[-1]
        if len(edges) == f.max_hops or (u != s and f.via is not None and p.kinds[u] not in f.via):
            return
        for v, e in p.neighbours(u):
            if v not in nodes and valid(e):
                walk(nodes + (v,), edges + (e,))

    walk((s,), ())
    return found


@pytest.mark.parametrize("options", [{}, {"as_of": "2016"}, {"max_hops": 3}, {"via": frozenset({"Project"})},
                                     {"kinds": frozenset({"partner_of", "funds", "member_of", "co_mentioned"})}])
def test_the_embedded_search_finds_the_cheapest_paths_an_exhaustive_walk_finds(seeds, options):
    """Exact, not a beam: the candidates are the cheapest of every simple path (diversified alike)."""
    from innograph.queries.pathsearch import RANKED, _diversify, rank_key

    p = projection(seeds)
    engine = EmbeddedSearch(seeds, p)
    f = SearchFilter(**options)
    orgs = [n for n in range(p.n_nodes) if p.is_organization(n) and p.degree(n)]
    checked = 0
    for s in orgs:
        reached = _every_path(p, s, f)
        for t in orgs:
            if s == t:
                continue
            every = reached.get(t, {})
            if f.via is not None:
                every = {nodes: c for nodes, c in every.items() if len(nodes) > 2}
            got = engine.search(p.iris[s], p.iris[t], 3, f).candidates
            cheapest = sorted(every.items(), key=lambda item: rank_key(item[1], item[0]))[:RANKED * 3]
            want = _diversify({nodes: (c, ()) for nodes, c in cheapest}, 3)
            assert [c.nodes for c in got] == [nodes for _, nodes, _ in want], (p.labels[s], p.labels[t])
            assert [c.cost for c in got] == pytest.approx([c for c, _, _ in want], abs=1e-9)
            checked += bool(got)
    assert checked >= 20
