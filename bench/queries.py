#!/usr/bin/env python3
"""Query benchmark: ``innograph path`` / brokers / communities against naive and plain baselines.

For each size (edges of the projection: 10k, 100k, 1M by default) it generates an innovation
network with the terms FactWriter writes (organizations of every kind, projects with power-law
participations, cluster memberships, grants from a few regional hubs, posts, articles that
mention several entities), loads it into a fresh store as one source, and measures:

* ``innograph --store DIR path A B --format json`` as a whole process: **cold** (first query
  after the load: the projection is built and cached) and **warm** (median of several runs);
* the **naive baseline** of the same query, also a whole process: rdflib's API over the same
  store (``kg.rdflib``, no copy) → a networkx projection → ``nx.shortest_simple_paths``, k=5,
  at most 4 hops, no evidence — what a researcher would write first;
* on the organization graph (``queries.actors``): betweenness from 200 sampled sources, and
  Louvain, igraph (what ``innograph brokers``/``communities`` run) against plain networkx.

Prints a table and the acceptance ratios (path warm < 0.5 s at 1M edges, ≥ 50× the naive
baseline; brokers and communities ≥ 20× networkx). Nothing is asserted in tests.

    python bench/queries.py                          # 10k, 100k and 1M edges
    python bench/queries.py --edges 100000 --json out.json
    python bench/queries.py --edges 1000000 --skip-naive
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
      "org": "http://www.w3.org/ns/org#", "schema": "https://schema.org/", "ig": "https://w3id.org/innograph/ns#",
      "foaf": "http://xmlns.com/foaf/0.1/", "prov": "http://www.w3.org/ns/prov#",
      "xsd": "http://www.w3.org/2001/XMLSchema#"}
ID = "https://w3id.org/innograph/id/"
KINDS = [("Company", 0.80), ("University", 0.02), ("ResearchCentre", 0.04), ("Hospital", 0.02),
         ("TrainingCentre", 0.03), ("ChamberOfCommerce", 0.01), ("MediaOutlet", 0.01), ("PublicAuthority", 0.07)]


def generate(kg, edges: int, seed: int = 0) -> dict:
    """Write a generated network of about `edges` projection edges into `kg` as one source."""
    import pyoxigraph as ox

    from innograph.graph.sources import SourcePayload

    rng = random.Random(seed)
    N = ox.NamedNode
    T = {f"{p}:{n}": N(NS[p] + n) for p, names in {
        "rdf": ["type"], "rdfs": ["label"], "org": ["Organization", "OrganizationalCollaboration", "memberOf", "Membership",
                                                   "member", "organization"],
        "schema": ["funder", "worksFor", "mentions", "NewsArticle", "datePublished", "headline", "Event", "organizer"],
        "ig": ["Project", "participatesIn", "Participation", "participant", "project", "evidence", "Cluster",
               *[k for k, _ in KINDS]],
        "foaf": ["Person", "name"], "prov": ["wasDerivedFrom"], "xsd": ["date"]}.items() for n in names}
    a, label = T["rdf:type"], T["rdfs:label"]
    scale = edges / 1_000_000
    n_orgs, n_projects = max(60, int(99_000 * scale)), max(20, int(143_000 * scale))
    n_clusters, n_people = max(3, int(330 * scale)), max(10, int(99_000 * scale))
    n_articles, n_events = max(5, int(11_000 * scale)), max(3, int(3_300 * scale))
    counts = {"orgs": n_orgs, "projects": n_projects, "clusters": n_clusters, "people": n_people}

    def quads():
        orgs = []
        for i in range(n_orgs):
            kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
            node = N(f"{ID}organization/gen-{i}")
            orgs.append(node)
            yield node, a, T["org:Organization"]
            yield node, a, T[f"ig:{kind}"]
            yield node, label, ox.Literal(f"{kind} Générée {i}")
        regions = orgs[:13]
        clusters = []
        for c in range(n_clusters):
            node = N(f"{ID}organization/gen-cluster-{c}")
            clusters.append(node)
            for t in ("org:Organization", "org:OrganizationalCollaboration", "ig:Cluster"):
                yield node, a, T[t]
            yield node, label, ox.Literal(f"Pôle Généré {c}")
        for p in range(n_projects):
            node = N(f"{ID}project/gen-{p}")
            yield node, a, T["ig:Project"]
            yield node, label, ox.Literal(f"Projet {p}")
            size = min(30, max(2, int(rng.paretovariate(1.6) * 2)))
            for j, org in enumerate(rng.sample(orgs, size)):
                yield org, T["ig:participatesIn"], node
                if j == 0 and p % 10 == 0:  # some participations as fact nodes with evidence
                    fact = N(f"{ID}fact/gen-participation-{p}")
                    yield fact, a, T["ig:Participation"]
                    yield fact, T["ig:participant"], org
                    yield fact, T["ig:project"], node
                    yield fact, T["ig:evidence"], ox.Literal(f"row {p}")
            if rng.random() < 0.6:
                yield node, T["schema:funder"], rng.choice(regions)
        for org in orgs:
            for cluster in rng.sample(clusters, min(len(clusters), rng.choice((0, 0, 1, 1, 2)))):
                yield org, T["org:memberOf"], cluster
            if rng.random() < 0.3:
                yield org, T["schema:funder"], rng.choice(regions)
        for i in range(n_people):
            node = N(f"{ID}person/gen-{i}")
            yield node, a, T["foaf:Person"]
            yield node, label, ox.Literal(f"Personne {i}")
            for org in rng.sample(orgs, rng.choice((1, 1, 1, 2))):
                yield node, T["schema:worksFor"], org
        for e in range(n_events):
            node = N(f"{ID}event/gen-{e}")
            yield node, a, T["schema:Event"]
            yield node, label, ox.Literal(f"Forum {e}")
            for org in rng.sample(orgs, rng.choice((1, 2, 3))):
                yield node, T["schema:organizer"], org
        for r in range(n_articles):
            node = N(f"{ID}article/gen-{r}")
            yield node, a, T["schema:NewsArticle"]
            yield node, T["schema:datePublished"], ox.Literal(
                f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", datatype=T["xsd:date"])
            for thing in rng.sample(orgs, rng.randint(2, 6)):
                yield node, T["schema:mentions"], thing

    triples = (ox.Triple(s, p, o) for s, p, o in quads())
    kg.replace("generated", [SourcePayload(iri=f"https://w3id.org/innograph/source/generated-{edges}",
                                           label=f"generated-{edges}", loader="bench", triples=triples)])
    return counts


def timed(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return time.perf_counter() - t0, done


NAIVE = r"""
import sys, itertools, networkx as nx
from rdflib import URIRef
import innograph
store, a, b = sys.argv[1:4]
P = ["http://www.w3.org/ns/org#memberOf", "https://schema.org/worksFor", "https://schema.org/funder",
     "https://schema.org/sponsor", "https://w3id.org/innograph/ns#partnerOf", "https://w3id.org/innograph/ns#participatesIn",
     "https://schema.org/organizer", "https://schema.org/location", "https://schema.org/attendee", "https://schema.org/founder"]
with innograph.open(store) as kg:
    ds = kg.rdflib
    g = nx.Graph()
    for p in P:
        for s, _, o, _ in ds.quads((None, URIRef(p), None, None)):
            g.add_edge(str(s), str(o), kind=p)
    label = {str(l): str(s) for s, _, l, _ in ds.quads((None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None, None))}
    found = [p for p in itertools.islice(nx.shortest_simple_paths(g, label[a], label[b]), 200) if len(p) <= 5][:5]
    print(len(found))
"""


def pick_pairs(kg, n: int, seed: int) -> list[tuple[str, str]]:
    """Pairs of companies, each with a few edges, 3 or 4 hops apart in the projection."""
    from innograph.graph.projection import projection

    p = projection(kg)
    rng = random.Random(seed)
    companies = [v for v in range(p.n_nodes) if p.kinds[v] == "Company" and 2 <= p.degree(v) <= 20]
    pairs = []
    while len(pairs) < n and companies:
        s = rng.choice(companies)
        frontier, seen = {s}, {s}
        for _ in range(3):
            frontier = {w for v in frontier for w, _ in p.neighbours(v)} - seen
            seen |= frontier
        targets = [v for v in frontier if p.kinds[v] == "Company"]
        if targets:
            pairs.append((p.labels[s], p.labels[rng.choice(targets)]))
    return pairs


def bench_size(edges: int, args, workdir: Path) -> dict:
    import innograph
    from innograph.graph.projection import projection

    store = workdir / f"store-{edges}"
    row: dict = {"edges_target": edges}
    t0 = time.perf_counter()
    with innograph.open(store) as kg:
        row["generated"] = generate(kg, edges, args.seed)
        row["triples"] = len(kg)
    row["generate_load_s"] = time.perf_counter() - t0
    with innograph.open(store) as kg:
        t0 = time.perf_counter()
        p = projection(kg, rebuild=True)
        row["projection_build_s"] = time.perf_counter() - t0
        row["nodes"], row["edges"] = p.n_nodes, p.n_edges
        pairs = pick_pairs(kg, args.pairs, args.seed)
    from innograph.graph.projection import cache_path
    with innograph.open(store) as kg:
        cache_path(kg).unlink()
    exe = str(REPO / ".venv" / "bin" / "innograph")
    if not Path(exe).exists():
        exe = "innograph"
    cold, warm, naive = [], [], []
    for i, (a, b) in enumerate(pairs):
        cmd = [exe, "--store", str(store), "path", a, b, "--format", "json"]
        seconds, done = timed(cmd)
        if done.returncode not in (0, 1):
            raise SystemExit(f"innograph path failed: {done.stderr}")
        if i == 0:
            cold.append(seconds)
        runs = [timed(cmd)[0] for _ in range(args.repeat)]
        warm.append(statistics.median(runs))
        if not args.skip_naive and i < args.naive_pairs:
            seconds, done = timed([sys.executable, "-c", NAIVE, str(store), a, b])
            if done.returncode != 0:
                raise SystemExit(f"naive baseline failed: {done.stderr[-2000:]}")
            naive.append(seconds)
    row["path_cold_s"] = cold[0]
    row["path_warm_s"] = statistics.median(warm)
    row["path_warm_max_s"] = max(warm)
    if naive:
        row["naive_s"] = statistics.median(naive)
        row["naive_ratio"] = row["naive_s"] / row["path_warm_s"]
    print(json.dumps(row, default=str), file=sys.stderr, flush=True)
    if not args.skip_algorithms and row["edges"] <= args.algorithms_max_edges:
        row.update(bench_algorithms(store, args))
    return row


def bench_algorithms(store: Path, args) -> dict:
    import igraph
    import networkx as nx

    import innograph
    from innograph.queries.actors import actor_graph

    out = {}
    with innograph.open(store) as kg:
        t0 = time.perf_counter()
        ag = actor_graph(kg)
        out["actor_graph_s"] = time.perf_counter() - t0
    g = ag.graph
    out["actor_nodes"], out["actor_edges"] = g.vcount(), g.ecount()
    G = nx.Graph()
    G.add_nodes_from(range(g.vcount()))
    G.add_weighted_edges_from((e.source, e.target, e["weight"]) for e in g.es)
    sources = sorted(random.Random(args.seed).sample(range(g.vcount()), min(args.samples, g.vcount())))
    t0 = time.perf_counter()
    g.betweenness(directed=False, sources=sources)
    out["betweenness_igraph_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    nx.betweenness_centrality(G, k=len(sources), seed=args.seed, normalized=False)
    out["betweenness_networkx_s"] = time.perf_counter() - t0
    out["betweenness_ratio"] = out["betweenness_networkx_s"] / out["betweenness_igraph_s"]
    random.seed(args.seed)
    t0 = time.perf_counter()
    g.community_multilevel(weights="weight")
    out["louvain_igraph_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    nx_parts = nx.community.louvain_communities(G, weight="weight", seed=args.seed)
    out["louvain_networkx_s"] = time.perf_counter() - t0
    out["louvain_ratio"] = out["louvain_networkx_s"] / out["louvain_igraph_s"]
    random.seed(args.seed)
    t0 = time.perf_counter()
    leiden = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)
    out["leiden_igraph_s"] = time.perf_counter() - t0
    out["leiden_ratio"] = out["louvain_networkx_s"] / out["leiden_igraph_s"]
    out["modularity_leiden"] = g.modularity(leiden.membership, weights="weight")
    out["modularity_networkx_louvain"] = nx.community.modularity(G, nx_parts, weight="weight")
    del igraph
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edges", default="10000,130000,1000000", help="Comma-separated projection sizes.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pairs", type=int, default=5, help="Pairs of organizations queried per size.")
    parser.add_argument("--naive-pairs", type=int, default=2, help="Of which measured with the naive baseline.")
    parser.add_argument("--repeat", type=int, default=5, help="Warm runs per pair (median).")
    parser.add_argument("--samples", type=int, default=200, help="Betweenness sources.")
    parser.add_argument("--algorithms-max-edges", type=int, default=200_000,
                        help="Compare brokers/communities with networkx only up to this projection size "
                             "(networkx takes minutes beyond; 130k projection edges give ~370k organization ties).")
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--skip-algorithms", action="store_true")
    parser.add_argument("--workdir", type=Path, help="Keep the stores here (default: a temporary directory).")
    parser.add_argument("--json", type=Path, help="Write the results here too.")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.edges.split(",") if x]
    rows = []
    with tempfile.TemporaryDirectory(prefix="innograph-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for edges in sizes:
            row = bench_size(edges, args, workdir)
            rows.append(row)
            print(json.dumps(row, default=str), file=sys.stderr, flush=True)
    print(f"{'edges':>9} {'nodes':>8} {'build s':>8} {'cold s':>7} {'warm s':>7} {'naive s':>8} {'ratio':>7} "
          f"{'actor E':>8} {'btw x':>6} {'louv x':>6} {'leid x':>6}")
    for r in rows:
        print(f"{r['edges']:>9,} {r['nodes']:>8,} {r['projection_build_s']:>8.2f} {r['path_cold_s']:>7.2f} "
              f"{r['path_warm_s']:>7.3f} {r.get('naive_s', float('nan')):>8.2f} {r.get('naive_ratio', float('nan')):>7.1f} "
              f"{r.get('actor_edges', 0):>8,} {r.get('betweenness_ratio', float('nan')):>6.1f} "
              f"{r.get('louvain_ratio', float('nan')):>6.1f} {r.get('leiden_ratio', float('nan')):>6.1f}")
    big = max(rows, key=lambda r: r["edges"])
    goals = [("path warm < 0.5 s at the largest size", big["path_warm_s"] < 0.5)]
    if "naive_ratio" in big:
        goals.append(("path ≥ 50× the naive baseline", big["naive_ratio"] >= 50))
    algo = [r for r in rows if "betweenness_ratio" in r]
    if algo:
        widest = max(algo, key=lambda r: r["actor_edges"])
        goals.append((f"betweenness ≥ 20× networkx ({widest['actor_edges']:,} ties)", widest["betweenness_ratio"] >= 20))
        goals.append((f"communities (Leiden, the default) ≥ 20× networkx Louvain ({widest['actor_edges']:,} ties)",
                      widest["leiden_ratio"] >= 20))
    for name, ok in goals:
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, default=str))
    return 0 if all(ok for _, ok in goals) else 1


if __name__ == "__main__":
    sys.exit(main())
