"""Issue 9 acceptance on the shared CORDIS sample: the Commission is context, partners are not suggestions."""

from __future__ import annotations

import random

import pytest

from innograph.graph.projection import context_hubs, projection
from innograph.graph.store import KnowledgeGraph
from innograph.queries.brokers import brokers
from innograph.queries.paths import NoPath, paths
from innograph.queries.suggest import suggest
from tests.conftest import SHARED

CORDIS = SHARED / "data" / "cordis-h2020"


@pytest.fixture(scope="module")
def cordis(tmp_path_factory):
    if not (CORDIS / "organizations.csv").exists():
        pytest.skip("no CORDIS sample in shared/data")
    from innograph import loaders
    from innograph.load import ingest

    if "cordis" not in loaders.names():
        pytest.skip("the CORDIS loader has not landed")
    kg = KnowledgeGraph(tmp_path_factory.mktemp("cordis") / "store")
    ingest(kg, CORDIS / "organizations.csv", kind="cordis")
    yield kg
    kg.close()


@pytest.mark.slow
def test_the_funder_of_the_programme_is_context(cordis):
    p = projection(cordis)
    hubs = context_hubs(p)
    assert [p.labels[n] for n in hubs] == ["European Commission"]
    assert "European Commission" not in [b.label for b in brokers(cordis, n=10, projection=p)]
    assert brokers(cordis, n=1, projection=p, include_hubs=True)[0].label == "European Commission"
    orgs = [n for n in range(p.n_nodes) if p.is_organization(n) and n not in hubs and p.degree(n) >= 2]
    rng, found = random.Random(0), 0
    for _ in range(20):
        a, b = rng.sample(orgs, 2)
        try:
            for path in paths(cordis, p.iris[a], p.iris[b], k=3, projection=p):
                found += 1
                assert "European Commission" not in path.nodes
        except NoPath:
            continue
    assert found


def test_suggest_never_lists_an_existing_partner(cordis):
    p = projection(cordis)
    code = p.edge_kinds.index("participates_in")
    hubs = context_hubs(p)
    busiest = max((n for n in range(p.n_nodes) if p.is_organization(n) and n not in hubs), key=p.degree)
    projects = {z for z, e in p.neighbours(busiest) if p.ekind[e] == code}
    partners = {b for z in projects for b, e in p.neighbours(z) if p.ekind[e] == code} - {busiest}
    found = suggest(cordis, p.iris[busiest], n=20, projection=p)
    assert found, "a consortium's partners' partners are suggested"
    assert not {s.iri for s in found} & {p.iris[b] for b in partners}
    assert {x.iri for x in found.already_partners} >= {p.iris[b] for b in partners}
