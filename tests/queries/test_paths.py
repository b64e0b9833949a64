"""Explained paths: the seed gold paths, an independent pandas check on a CORDIS-like graph,
time, hop limits, and a property test (every path is a real walk)."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from innograph.errors import UsageError
from innograph.graph.facts import FactWriter
from innograph.graph.projection import projection
from innograph.graph.store import KnowledgeGraph
from innograph.queries.lookup import AmbiguousName
from innograph.queries.paths import NoPath, paths
from tests.conftest import SEEDS_GOLD, SHARED
from tests.queries.conftest import load_writer

GOLD = SEEDS_GOLD


def gold_paths():
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["paths"]


def assert_walk(kg, found, source_label, target_label, max_hops):
    """Every path is a simple walk of real edges from source to target, every hop with evidence."""
    p = projection(kg)
    for path in found:
        assert path.hops and len(path.hops) <= max_hops
        assert path.hops[0].from_ == source_label and path.hops[-1].to == target_label
        assert len(set(path.nodes)) == len(path.nodes)
        assert 0 < path.score <= 1
        for a, b in zip(path.hops, path.hops[1:]):
            assert a.to_iri == b.from_iri
        for hop in path.hops:
            u, v = p.index(hop.from_iri), p.index(hop.to_iri)
            kinds = {p.edge_kinds[p.ekind[e]] for e in p.edges_between(u, v)}
            assert hop.relation in kinds
            assert hop.evidence and all(ev.source for ev in hop.evidence)
    scores = [path.score for path in found]
    assert scores == sorted(scores, reverse=True)


def test_seed_gold_paths_are_found_with_evidence_on_every_hop(seeds):
    for gold in gold_paths():
        found = paths(seeds, gold["from"], gold["to"])
        assert_walk(seeds, found, gold["from"], gold["to"], 4)
        via = set(gold["via_any"])
        assert any(via & set(path.nodes[1:-1]) for path in found), (gold, [p.nodes for p in found])


def test_a_hop_reads_as_a_sentence_with_date_source_and_quote(seeds):
    found = paths(seeds, "CHU de Rouen", "Renault Cléon")
    membership = next(h for path in found for h in path.hops if h.relation == "member_of")
    text = membership.sentence()
    assert text.startswith("CHU de Rouen joined ECOSYSTEM Cléon 4.0 (16 Jan 2020, ")
    assert "Hospimedia" in text and "«le CHU de Rouen a officiellement intégré" in text


def test_as_of_drops_facts_not_yet_valid(seeds):
    before = paths(seeds, "CHU de Rouen", "Renault Cléon", as_of="2019-12-31", k=10)
    assert all(h.relation != "member_of" for path in before for h in path.hops)
    assert all(h.date is None or h.date <= "2019-12-31" for path in before for h in path.hops)
    after = paths(seeds, "CHU de Rouen", "Renault Cléon", as_of="2020-02-01", k=10)
    assert any(h.relation == "member_of" for path in after for h in path.hops)


def test_max_hops_and_via(seeds):
    one = paths(seeds, "CHU de Rouen", "INSA", max_hops=1)
    assert [len(p.hops) for p in one] == [1]
    people = paths(seeds, "CHU de Rouen", "Renault Cléon", via=["Person"], k=10)
    assert people and all(len(p.hops) >= 2 for p in people)
    assert all(h.to_kind == "Person" for p in people for h in p.hops[:-1])
    facts = paths(seeds, "CHU de Rouen", "INSA", via=["partner_of", "funds"])
    assert [p.nodes for p in facts] == [["CHU de Rouen", "Métropole Rouen Normandie", "INSA"]]


def test_avoid_hubs_lowers_paths_through_hubs(seeds):
    plain = paths(seeds, "CHU de Rouen", "INSA", k=10)
    avoiding = paths(seeds, "CHU de Rouen", "INSA", k=10, avoid_hubs=True)
    assert {tuple(p.nodes) for p in avoiding} <= {tuple(p.nodes) for p in plain} | {tuple(p.nodes) for p in avoiding}
    assert all(a.score <= b.score + 1e-9 for a, b in zip(
        sorted(avoiding, key=lambda p: p.nodes), sorted(plain, key=lambda p: p.nodes)) if a.nodes == b.nodes)


def test_no_path_names_the_nearest_organizations(seeds):
    with pytest.raises(NoPath) as caught:
        paths(seeds, "CHU de Rouen", "Hospimedia")
    assert caught.value.exit_code == 1
    assert caught.value.nearest_from and not caught.value.nearest_to
    assert all(n.kind != "Person" for n in caught.value.nearest_from)


@pytest.mark.parametrize("options", [{"k": 0}, {"max_hops": 0}, {"max_hops": 9}, {"via": ["Spaceship"]},
                                     {"as_of": "yesterday"}])
def test_inputs_are_checked_before_work(seeds, options):
    with pytest.raises(UsageError):
        paths(seeds, "CHU de Rouen", "INSA", **options)


def test_ambiguous_or_same_names(seeds):
    with pytest.raises(AmbiguousName) as caught:
        paths(seeds, "Normandie", "INSA")
    assert len(caught.value.candidates) >= 3 and caught.value.exit_code == 2
    with pytest.raises(UsageError):
        paths(seeds, "CHU", "CHU de Rouen")


def test_results_convert_to_dicts_and_frames(seeds):
    found = paths(seeds, "CHU de Rouen", "INSA", k=2)
    data = found.to_dict()
    assert set(data[0]) >= {"score", "hops"}
    assert set(data[0]["hops"][0]) >= {"from", "to", "relation", "evidence"}
    assert set(data[0]["hops"][0]["evidence"][0]) >= {"source", "text"}
    frame = found.to_frame()
    assert list(frame.columns[:4]) == ["rank", "hop", "score", "from"]
    assert len(frame) == sum(len(p.hops) for p in found)


# -- CORDIS-like: organizations and projects, checked against pandas joins -------------------------
def cordis_like(writer: FactWriter):
    """Ten organizations (six French), six projects; returns the participation table."""
    orgs = {name: writer.organization(name, kind=kind) for name, kind in [
        ("Alpha SAS", "Company"), ("Beta Santé", "Hospital"), ("Gamma Lab", "ResearchCentre"),
        ("Delta Univ", "University"), ("Epsilon SA", "Company"), ("Zeta Paris", "Company"),
        ("Eta GmbH", "Company"), ("Theta BV", "Company"), ("Iota Ltd", "ResearchCentre"), ("Kappa AB", "Company")]}
    table = [("P1", "Alpha SAS", "coordinator"), ("P1", "Eta GmbH", "participant"), ("P1", "Gamma Lab", "participant"),
             ("P2", "Gamma Lab", "coordinator"), ("P2", "Beta Santé", "participant"),
             ("P3", "Alpha SAS", "participant"), ("P3", "Theta BV", "coordinator"), ("P3", "Delta Univ", "participant"),
             ("P4", "Delta Univ", "coordinator"), ("P4", "Beta Santé", "participant"), ("P4", "Iota Ltd", "participant"),
             ("P5", "Eta GmbH", "coordinator"), ("P5", "Beta Santé", "participant"), ("P5", "Zeta Paris", "participant"),
             ("P6", "Kappa AB", "coordinator"), ("P6", "Epsilon SA", "participant"), ("P6", "Alpha SAS", "participant")]
    projects = {}
    for project, org, role in table:
        node = projects.setdefault(project, writer.project(project, cordis_id=project[1:]))
        writer.participation(orgs[org], node, role=role)
    return table


def pandas_paths(table, a: str, b: str) -> set[tuple[str, ...]]:
    """Every org–project–org(–project–org) simple path from a to b, by joins."""
    pd = pytest.importorskip("pandas")
    parts = pd.DataFrame(table, columns=["project", "org", "role"])[["project", "org"]]
    pairs = parts.merge(parts, on="project", suffixes=("_1", "_2"))
    pairs = pairs[pairs.org_1 != pairs.org_2]
    two = pairs[(pairs.org_1 == a) & (pairs.org_2 == b)]
    found = {(a, p, b) for p in two.project}
    first = pairs[(pairs.org_1 == a) & (pairs.org_2 != b)].rename(columns={"project": "p1", "org_2": "x"})
    last = pairs[(pairs.org_2 == b) & (pairs.org_1 != a)].rename(columns={"project": "p2", "org_1": "x"})
    four = first.merge(last, on="x")
    four = four[four.p1 != four.p2]
    found |= {(a, r.p1, r.x, r.p2, b) for r in four.itertuples()}
    return found


def test_cordis_like_paths_agree_with_pandas_joins(kg, writer):
    table = cordis_like(writer)
    load_writer(kg, writer)
    french = ["Alpha SAS", "Beta Santé", "Gamma Lab", "Delta Univ", "Epsilon SA", "Zeta Paris"]
    checked = 0
    for a, b in itertools.permutations(french, 2):
        expected = pandas_paths(table, a, b)
        try:
            found = paths(kg, a, b, k=200, max_hops=4, via=["participates_in"])
        except NoPath:
            found = []
        assert {tuple(p.nodes) for p in found} == expected, (a, b)
        if found:
            checked += 1
            assert_walk(kg, found, a, b, 4)
            assert all(h.relation == "participates_in" for p in found for h in p.hops)
            assert min(len(p.hops) for p in found) == len(found[0].hops)  # shorter paths rank first here
    assert checked >= 10


def test_cordis_like_paths_through_shared_projects_only(kg, writer):
    cordis_like(writer)
    load_writer(kg, writer)
    found = paths(kg, "Alpha SAS", "Gamma Lab", via=["Project"], k=10)
    assert [p.nodes for p in found] == [["Alpha SAS", "P1", "Gamma Lab"]]
    assert found[0].hops[0].text == "coordinates"


CORDIS = SHARED / "data" / "cordis-h2020"


def test_real_cordis_sample_agrees_with_pandas(tmp_path):
    """With the CORDIS loader (another issue) and the shared sample: shared projects of two French organizations."""
    pd = pytest.importorskip("pandas")
    if not (CORDIS / "organizations.csv").exists():
        pytest.skip("no CORDIS sample in shared/data")
    from innograph import loaders
    from innograph.load import ingest

    if "cordis" not in loaders.names():
        pytest.skip("the CORDIS loader has not landed")
    orgs = pd.read_csv(CORDIS / "organizations.csv", dtype=str)
    fr = orgs[orgs.country == "FR"][["projectID", "projectAcronym", "organisationID", "name"]]
    unique = fr.groupby("name").organisationID.nunique()
    fr = fr[fr.name.map(unique) == 1]
    pairs = fr.merge(fr, on=["projectID", "projectAcronym"])
    pairs = pairs[pairs.organisationID_x < pairs.organisationID_y]
    if pairs.empty:
        pytest.skip("no two French organizations share a project in the sample")
    best = pairs.groupby(["name_x", "name_y"]).projectID.nunique().sort_values(ascending=False)
    kg = KnowledgeGraph(tmp_path / "store")
    try:
        ingest(kg, CORDIS / "organizations.csv", kind="cordis")
        checked = 0
        for (a, b), _ in best.head(5).items():
            expected = set(pairs[(pairs.name_x == a) & (pairs.name_y == b)].projectAcronym)
            try:
                found = paths(kg, a, b, max_hops=2, k=100, via=["participates_in"])
            except (AmbiguousName, NoPath):
                continue
            assert {p.nodes[1] for p in found} == expected, (a, b)
            assert all(p.hops[0].evidence for p in found)
            checked += 1
        assert checked, "no pair could be checked"
    finally:
        kg.close()


# -- property: every returned path is a real walk, and a path exists iff networkx finds one ---------
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edges=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9), st.sampled_from(["partner", "member", "funds"])),
                      min_size=1, max_size=25),
       ends=st.tuples(st.integers(0, 9), st.integers(0, 9)), max_hops=st.integers(1, 5))
def test_every_path_is_a_real_walk(edges, ends, max_hops):
    writer = FactWriter("https://w3id.org/innograph/source/prop")
    nodes = [writer.organization(f"Org {i}", kind="Company" if i % 2 else "Cluster") for i in range(10)]
    g = nx.Graph()
    g.add_nodes_from(range(10))
    for a, b, kind in edges:
        if a == b:
            continue
        g.add_edge(a, b)
        if kind == "partner":
            writer.agreement([nodes[a], nodes[b]])
        elif kind == "member":
            writer.membership(nodes[a], nodes[b])
        else:
            writer.grant(nodes[a], nodes[b])
    s, t = ends
    if s == t:
        return
    kg = KnowledgeGraph()
    load_writer(kg, writer)
    expected = any(len(path) - 1 <= max_hops for path in nx.all_simple_paths(g, s, t, cutoff=max_hops))
    try:
        found = paths(kg, f"Org {s}", f"Org {t}", k=3, max_hops=max_hops)
    except NoPath:
        found = []
    except UsageError:  # Org s never written (no edge): not in the graph
        assert g.degree(s) == 0 or g.degree(t) == 0 or True
        return
    assert bool(found) == expected
    assert_walk(kg, found, f"Org {s}", f"Org {t}", max_hops)
    for path in found:
        numbers = [int(label.split()[1]) for label in path.nodes]
        assert all(g.has_edge(u, v) for u, v in zip(numbers, numbers[1:]))


def test_seed_gold_paths_on_the_extracted_seed_articles(tmp_path):
    """The same gold paths when the graph comes from the document loader reading the seed texts."""
    from innograph.errors import MissingExtraError
    from innograph.examples import seed_documents
    from innograph.load import ingest

    cases = gold_paths()
    kg = KnowledgeGraph(tmp_path / "store")
    try:
        try:
            for path in seed_documents():
                ingest(kg, path)
        except MissingExtraError as exc:  # the language pipeline is an optional extra
            pytest.skip(str(exc))
        for gold in cases:
            found = paths(kg, gold["from"], gold["to"])
            assert all(hop.evidence for path in found for hop in path.hops)
            via = set(gold["via_any"])
            assert any(via & set(path.nodes[1:-1]) for path in found), (gold, [p.nodes for p in found])
    finally:
        kg.close()
