"""Issue 12 acceptance on the Bolt server: push, push again (zero writes), change a source (only it
moves), remove a source, kill a push half-way then push again, and paths on both backends."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from innograph.examples import handmade_example
from innograph.graph.bolt import NODE_LABEL, RELATIONSHIP_TYPES, SOURCE_LABEL, property_graph
from innograph.graph.boltpush import PushReport, _Writer, push_neo4j
from innograph.graph.projection import projection
from innograph.graph.store import KnowledgeGraph
from innograph.load import ingest
from innograph.queries.cyphersearch import Neo4jNeighbours, Neo4jSearch
from innograph.queries.lookup import show
from innograph.queries.paths import NoPath, paths
from innograph.queries.suggest import suggest
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "innograph" / "examples" / "seeds"
CORDIS = SHARED / "data" / "cordis-h2020" / "organizations.csv"


def wipe(bolt) -> None:
    """Remove what pushes wrote (their rows carry ig_hash) and their bookkeeping."""
    bolt.driver.execute_query(f"MATCH (n) WHERE n:{SOURCE_LABEL} OR n.ig_hash IS NOT NULL DETACH DELETE n",
                              database_=bolt.database)


@pytest.fixture
def bolt(bolt_server):
    wipe(bolt_server)
    yield bolt_server
    wipe(bolt_server)


def remote(bolt) -> dict:
    """The pushed rows on the server: nodes and relationships with their digests, and sources."""
    def rows(cypher):
        return bolt.driver.execute_query(cypher, database_=bolt.database).records

    nodes = {r["iri"]: r["h"] for r in rows(f"MATCH (n:{NODE_LABEL}) WHERE n.ig_hash IS NOT NULL "
                                           "RETURN n.iri AS iri, n.ig_hash AS h")}
    rels = {(r["t"], r["a"], r["b"]): r["h"] for r in rows(
        f"MATCH (a:{NODE_LABEL})-[r]->(b:{NODE_LABEL}) WHERE r.ig_hash IS NOT NULL "
        "RETURN type(r) AS t, a.iri AS a, b.iri AS b, r.ig_hash AS h")}
    sources = {r["iri"]: r["h"] for r in rows(f"MATCH (s:{SOURCE_LABEL}) RETURN s.iri AS iri, s.hash AS h")}
    return {"nodes": nodes, "relationships": rels, "sources": sources}


def local(kg) -> dict:
    pg = property_graph(kg, projection=projection(kg))
    return {"nodes": {n.iri: n.hash for n in pg.nodes}, "relationships": {r.key: r.hash for r in pg.relationships},
            "sources": pg.sources}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """The example corpus (two articles read by spaCy, and the handmade facts), on disk."""
    kg = KnowledgeGraph(tmp_path_factory.mktemp("seeds") / "store")
    for path in [*sorted(SEEDS.glob("*.txt")), handmade_example()]:
        ingest(kg, path)
    yield kg
    kg.close()


def test_seeds_push_counts_equal_the_projection_and_a_second_push_writes_nothing(seeds, bolt):
    p = projection(seeds)
    first = push_neo4j(seeds, bolt.driver, database=bolt.database)

    held = remote(bolt)
    assert len(held["nodes"]) == p.n_nodes == first.nodes
    assert len(held["relationships"]) == p.n_edges == first.relationships
    assert held == local(seeds)
    assert first.writes > 0
    # relationships carry weight, dates, role, amount, count and source
    grants = bolt.driver.execute_query(
        f"MATCH (a)-[r:{RELATIONSHIP_TYPES['funds']}]->(b) WHERE r.amount IS NOT NULL "
        "RETURN r.amount AS amount, r.currency AS currency, r.facts AS facts, r.weight AS weight, "
        "r.since AS since, r.sources AS sources", database_=bolt.database).records
    assert grants and all(g["currency"] == "EUR" and g["amount"] > 0 and g["facts"] >= 1 and g["weight"] > 0
                          and g["sources"] for g in grants)
    roles = bolt.driver.execute_query("MATCH ()-[r]->() WHERE r.role IS NOT NULL RETURN count(r) AS n",
                                      database_=bolt.database).records
    assert roles[0]["n"] > 0

    second = push_neo4j(seeds, bolt.driver, database=bolt.database)
    assert second.writes == 0 and second.counters == {}
    assert (second.nodes_written, second.relationships_written) == (0, 0)
    assert remote(bolt) == held


def _answer(kg, p, a: str, b: str, search, **options):
    """What `innograph path` shows (nodes, relations, sentences, IRIs; scores apart), or the
    nearest organizations of each end when there is no path."""
    try:
        found = paths(kg, a, b, k=3, projection=p, search=search, **options)
    except NoPath as exc:
        near = [[(n.label, n.hops) for n in side] for side in (exc.nearest_from, exc.nearest_to)]
        return ("no path", near), [n.score for side in (exc.nearest_from, exc.nearest_to) for n in side]
    shown = [(path.nodes, [h.relation for h in path.hops], [h.sentence() for h in path.hops],
              [h.from_iri for h in path.hops]) for path in found]
    return shown, [path.score for path in found]


def test_neo4j_paths_equal_the_embedded_ones_on_the_seeds(seeds, bolt):
    """Both searches are exact (every simple path within the hop bound, ranked by the same cost):
    same paths, hops, sentences; same nearest organizations when there is none; scores equal to
    float precision (the server sums the same terms in another order)."""
    push_neo4j(seeds, bolt.driver, database=bolt.database)
    p = projection(seeds)
    engine = Neo4jSearch(seeds, p, driver=bolt.driver, database=bolt.database)
    orgs = sorted((n for n in range(p.n_nodes) if p.is_organization(n)), key=lambda n: (-p.degree(n), p.iris[n]))
    kinds = ["partner_of", "funds", "member_of", "co_mentioned"]
    busiest = list(itertools.combinations(orgs[:5], 2))
    asked = [(pair, options) for options in ({}, {"max_hops": 2}) for pair in busiest]
    asked += [(pair, options) for options in ({"via": kinds}, {"as_of": "2016"}) for pair in busiest[:4]]
    asked += [((orgs[0], orgs[-1]), {}), ((orgs[-2], orgs[-1]), {}), ((orgs[0], orgs[-1]), {"as_of": "2016"})]
    compared = {"path": 0, "no path": 0}
    for (a, b), options in asked:
        embedded, scores = _answer(seeds, p, p.iris[a], p.iris[b], "embedded", **options)
        server, server_scores = _answer(seeds, p, p.iris[a], p.iris[b], engine, **options)
        assert server == embedded, (p.labels[a], p.labels[b], options)
        assert server_scores == pytest.approx(scores, rel=1e-9, abs=1e-12)
        compared["no path" if embedded[0] == "no path" else "path"] += 1
    assert compared == {"path": 28, "no path": 3}, compared
    assert p.degree(orgs[-1]) == 0 and p.degree(orgs[0]) > 0  # a no-path answer lists the nearest ones


def test_neo4j_suggestions_and_facts_equal_the_embedded_ones_on_the_seeds(seeds, bolt):
    """suggest and show read the neighbourhood from the server (one Cypher query per batch of
    nodes) and explain it locally: same suggestions, scores, reasons, partners and facts."""
    push_neo4j(seeds, bolt.driver, database=bolt.database)
    p = projection(seeds)
    engine = Neo4jNeighbours(seeds, p, driver=bolt.driver, database=bolt.database)
    orgs = sorted((n for n in range(p.n_nodes) if p.is_organization(n) and p.degree(n)),
                  key=lambda n: (-p.degree(n), p.iris[n]))
    suggested = 0
    for n, options in [(n, {}) for n in orgs[:6]] + [(orgs[0], {"as_of": "2016"}), (orgs[1], {"kinds": ["Company"]}),
                                                     (orgs[2], {"exclude": ["co_mentioned"]})]:
        embedded = suggest(seeds, p.iris[n], projection=p, **options)
        server = suggest(seeds, p.iris[n], projection=p, search=engine, **options)
        assert server.to_dict() == embedded.to_dict(), (p.labels[n], options)
        assert server.already_partners.to_dict() == embedded.already_partners.to_dict()
        suggested += len(embedded)
    assert suggested >= 20
    for n in orgs[:4]:
        for as_of in (None, "2016"):
            embedded = show(seeds, p.iris[n], projection=p, as_of=as_of)
            server = show(seeds, p.iris[n], projection=p, as_of=as_of, search=engine)
            assert server.to_dict() == embedded.to_dict() and len(server.facts) > 0


def test_the_commands_take_the_backend_options(bolt, tmp_path):
    """`innograph suggest|show|path ... --backend neo4j` print what the embedded backend prints."""
    from click.testing import CliRunner

    from innograph.cli import cli

    with KnowledgeGraph(tmp_path / "store") as kg:
        ingest(kg, handmade_example())
        push_neo4j(kg, bolt.driver, database=bolt.database)
        p = projection(kg)
    a, b = sorted((n for n in range(p.n_nodes) if p.is_organization(n)), key=lambda n: (-p.degree(n), p.iris[n]))[:2]
    server = ["--backend", "neo4j", "--uri", os.environ["INNOGRAPH_TEST_BOLT_URI"],
              "--user", os.environ["INNOGRAPH_TEST_BOLT_USER"], "--password", os.environ["INNOGRAPH_TEST_BOLT_PASSWORD"],
              *(["--database", bolt.database] if bolt.database else [])]
    runner = CliRunner()
    for command in (["suggest", p.iris[a], "--format", "json"], ["show", p.iris[a], "--format", "csv"],
                    ["path", p.iris[a], p.iris[b], "-k", "3", "--format", "csv"]):
        here = runner.invoke(cli, ["--store", str(tmp_path / "store"), *command], catch_exceptions=False)
        there = runner.invoke(cli, ["--store", str(tmp_path / "store"), *command, *server], catch_exceptions=False)
        assert here.exit_code == there.exit_code == 0, there.output
        assert there.stdout == here.stdout and here.stdout.strip()


def test_relationships_whose_end_ids_went_stale_are_written_between_the_right_nodes(tmp_path, bolt):
    """New relationships find their ends by the element id read (or returned) earlier in the push,
    checked by IRI: when an id no longer names that node (another client deleted and created
    nodes meanwhile), the batch is written again by IRI, so the graph is still the local one."""
    with KnowledgeGraph(tmp_path / "store") as kg:
        ingest(kg, handmade_example())
        push_neo4j(kg, bolt.driver, database=bolt.database)
        pg = property_graph(kg, projection=projection(kg))
        want = local(kg)
    bolt.driver.execute_query(f"MATCH (:{NODE_LABEL})-[r]->(:{NODE_LABEL}) WHERE r.ig_hash IS NOT NULL DELETE r",
                              database_=bolt.database)
    ids = {r["iri"]: r["id"] for r in bolt.driver.execute_query(
        f"MATCH (n:{NODE_LABEL}) RETURN n.iri AS iri, elementId(n) AS id", database_=bolt.database).records}
    iris = sorted(ids)
    counters: dict[str, int] = defaultdict(int)
    with bolt.driver.session(database=bolt.database) as session:
        writer = _Writer(session, 7, counters, None)
        writer.ids = {iri: ids[other] for iri, other in zip(iris, iris[1:] + iris[:1])}  # every id is another node's
        writer.write_relationships(PushReport(), pg.relationships, {})
    assert remote(bolt)["relationships"] == want["relationships"]
    assert counters["relationships_created"] == len(pg.relationships)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


TTL = """@prefix org: <http://www.w3.org/ns/org#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ig: <https://w3id.org/innograph/ns#> . @prefix ex: <https://example.org/h9/> .
"""


def test_a_changed_source_moves_only_its_rows_and_a_removed_one_leaves(tmp_path, bolt):
    kg = KnowledgeGraph(tmp_path / "store")
    one = _write(tmp_path / "one.ttl", TTL + "ex:a a ig:Company ; rdfs:label 'Alpha' ; org:memberOf ex:k .\n"
                 "ex:k a ig:Cluster ; rdfs:label 'Cluster K' .\n")
    two = _write(tmp_path / "two.ttl", TTL + "ex:b a ig:Company ; rdfs:label 'Beta' ; org:memberOf ex:j .\n"
                 "ex:j a ig:Cluster ; rdfs:label 'Cluster J' .\n")
    ingest(kg, one), ingest(kg, two)
    push_neo4j(kg, bolt.driver, database=bolt.database)
    before = remote(bolt)

    _write(two, TTL + "ex:b a ig:Company ; rdfs:label 'Beta' ; org:memberOf ex:j, ex:i .\n"
           "ex:j a ig:Cluster ; rdfs:label 'Cluster J' .\nex:i a ig:Cluster ; rdfs:label 'Cluster I' .\n")
    ingest(kg, two)
    changed = push_neo4j(kg, bolt.driver, database=bolt.database)

    after = remote(bolt)
    assert after == local(kg)
    assert changed.sources_changed == [kg.source("two.ttl").iri]
    moved = {iri for iri in after["nodes"] if after["nodes"][iri] != before["nodes"].get(iri)}
    assert moved == {"https://example.org/h9/b", "https://example.org/h9/i"}  # b's degree changed, i is new
    assert changed.relationships_written == 1 and changed.nodes_deleted == 0
    assert all(before["nodes"][iri] == after["nodes"][iri] for iri in ("https://example.org/h9/a",
                                                                       "https://example.org/h9/k"))

    kg.remove_source("one.ttl")
    removed = push_neo4j(kg, bolt.driver, database=bolt.database)
    assert remote(bolt) == local(kg)
    assert removed.nodes_deleted == 2 and removed.relationships_deleted == 1
    assert removed.sources_removed and "https://example.org/h9/a" not in remote(bolt)["nodes"]
    kg.close()


@pytest.fixture(scope="module")
def cordis(tmp_path_factory):
    """A CORDIS subset: the first 1,500 participations of the shared sample."""
    if not CORDIS.exists():
        pytest.skip("no CORDIS sample in shared/data")
    folder = tmp_path_factory.mktemp("cordis")
    with CORDIS.open(encoding="utf-8") as full:
        head = list(itertools.islice(full, 1501))
    subset = _write(folder / "organizations.csv", "".join(head))
    kg = KnowledgeGraph(folder / "store")
    ingest(kg, subset, kind="cordis")
    projection(kg)
    kg.close()
    return folder / "store"


def _push_command(store: Path, bolt, *extra: str) -> list[str]:
    return [sys.executable, "-m", "innograph", "--store", str(store), "push", "neo4j", *extra]


def _env(bolt) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"INNOGRAPH_NEO4J_URI": os.environ["INNOGRAPH_TEST_BOLT_URI"],
                "INNOGRAPH_NEO4J_USER": os.environ["INNOGRAPH_TEST_BOLT_USER"],
                "INNOGRAPH_NEO4J_PASSWORD": os.environ["INNOGRAPH_TEST_BOLT_PASSWORD"],
                "INNOGRAPH_NEO4J_DATABASE": bolt.database or ""})
    return env


@pytest.mark.slow
def test_a_push_killed_half_way_is_repaired_by_the_next(cordis, bolt):
    env = _env(bolt)
    child = subprocess.Popen(_push_command(cordis, bolt, "--batch-size", "25"), env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    written = 0
    while time.monotonic() < deadline and child.poll() is None:
        written = len(remote(bolt)["relationships"])
        if written >= 200:
            break
        time.sleep(0.05)
    assert child.poll() is None, "the push ended before it could be killed: make the subset larger"
    child.send_signal(signal.SIGKILL)
    child.wait()
    half = remote(bolt)
    assert half["sources"] == {}  # the bookkeeping is written last

    done = subprocess.run(_push_command(cordis, bolt, "--format", "json"), env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    kg = KnowledgeGraph(cordis, read_only=True)
    try:
        want = local(kg)
        p = projection(kg)
    finally:
        kg.close()
    held = remote(bolt)
    assert held == want
    assert (len(held["nodes"]), len(held["relationships"])) == (p.n_nodes, p.n_edges)
    again = subprocess.run(_push_command(cordis, bolt, "--format", "json"), env=env, cwd=ROOT,
                           capture_output=True, text=True, timeout=600)
    assert '"writes": 0' in again.stdout
