"""Push rates: nodes+relationships per second into a Bolt server, triples per second into a
SPARQL store, against a naive baseline that writes one row per transaction (one MERGE per
transaction; one triple per SPARQL Update request).

    bash .ci/with-servers.sh .venv/bin/python bench/push.py            # 100k triples
    bash .ci/with-servers.sh .venv/bin/python bench/push.py --triples 1000000

Servers come from the INNOGRAPH_TEST_* variables the script exports (or set them yourself to a
real Neo4j / SPARQL store: the bench deletes what pushes wrote there, rows with ``ig_hash``).
The generated graph is bench/netgen.py's ``generate``. The baseline runs on a sample of rows
(``--sample``) and its rate is extrapolated: running it on a million rows would take hours.

Both Bolt sides are measured warm: ``--warmup`` (6) untimed rounds of both run first (a push of
up to 100k rows of the graph; the baseline's sample), as on a server that has been up for a
while; then ``--rounds`` (3) timed rounds alternate the push and the baseline, and the medians
are reported. A Java
server (ArcadeDB) compiles its hot code for minutes after it starts: on a fresh one the first
push of 100k triples costs it 10 s of CPU, the sixth 3 s, and most of the difference is the JIT
compiler's threads, whose CPU is reported apart (``server_jit_cpu_s``, and rates and ratios
``_no_jit`` without it).

Wall-clock rates are noisy on a shared machine, so CPU seconds are reported too: this process's
(``client_cpu_s``) and the servers' (``server_cpu_s``, read from /proc: the processes listening
on the servers' ports when they run here, or ``--server-pid PID``, repeatable), with rows (or
triples) per CPU second for the push and for the baseline and their ratio (``cpu_ratio``). The
Bolt driver packs rows in pure Python unless the ``neo4j-rust-ext`` package is installed
(``rust_packer``): it cuts the client's CPU about four times. Each run ends with plain lines:

    bolt ratio: 31.2x rows/s, 44.0x rows per CPU second (45.1x not counting the server's JIT compiler)
    sparql gsp_no_transaction: 15,127 triples/s; baseline 586.0; ratio 25.8x triples/s, 27.8x per CPU second
"""

from __future__ import annotations

import argparse
import glob
import os
import resource
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from netgen import generate  # noqa: E402

from innograph.graph.bolt import NODE_LABEL, SOURCE_LABEL, PropertyGraph, neo4j_driver, property_graph  # noqa: E402
from innograph.graph.boltpush import push_neo4j  # noqa: E402
from innograph.graph.projection import projection  # noqa: E402
from innograph.graph.sparqlpush import STATE_GRAPH, push_sparql  # noqa: E402
from innograph.graph.store import KnowledgeGraph  # noqa: E402
from innograph.load import ingest  # noqa: E402


SERVER_PIDS: list[int] = []


def _seconds(stat: str) -> float:
    fields = Path(stat).read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu() -> tuple[float, float, float]:
    """CPU seconds so far: this process's, the servers', and of those the JVM compiler threads'
    (a Java server compiles its hot code for minutes after it starts: a fixed cost, not a row's)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    server = jit = 0.0
    for pid in SERVER_PIDS:
        server += _seconds(f"/proc/{pid}/stat")
        for task in glob.glob(f"/proc/{pid}/task/*"):
            try:
                if Path(task, "comm").read_text().startswith(("C1 Compiler", "C2 Compiler")):
                    jit += _seconds(f"{task}/stat")
            except OSError:
                continue
    return own.ru_utime + own.ru_stime, server, jit


def spent(since: tuple[float, float, float], rows: int, prefix: str) -> dict:
    """CPU seconds since `since` and rows per CPU second (client + servers; and without the
    servers' compiler threads)."""
    client, server, jit = (b - a for a, b in zip(since, cpu()))
    jit = min(max(jit, 0.0), server)
    out = {f"{prefix}client_cpu_s": round(client, 2)}
    if SERVER_PIDS:
        out[f"{prefix}server_cpu_s"] = round(server, 2)
        out[f"{prefix}server_jit_cpu_s"] = round(jit, 2)
    out[f"{prefix}rows_per_cpu_s"] = round(rows / max(1e-9, client + server), 1)
    out[f"{prefix}rows_per_cpu_s_no_jit"] = round(rows / max(1e-9, client + server - jit), 1)
    return out


def listening_pids(urls: list[str]) -> list[int]:
    """The processes of this machine listening on the ports of these URLs (from /proc)."""
    parts = [urllib.parse.urlsplit(u) for u in urls]
    ports = {part.port for part in parts if part.hostname in ("127.0.0.1", "localhost")}
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if os.path.exists(table):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) in ports:  # LISTEN
                    inodes.add(f"socket:[{fields[9]}]")
    pids = set()
    for fd in glob.glob("/proc/[0-9]*/fd/*"):
        try:
            if os.readlink(fd) in inodes:
                pids.add(int(fd.split("/")[2]))
        except OSError:
            continue
    return sorted(pids)


def rust_packer() -> bool:
    from neo4j._codec.packstream import v1

    return getattr(v1, "_rust_pack", None) is not None


def wipe_bolt(driver, database) -> None:
    driver.execute_query(f"MATCH (n) WHERE n:{SOURCE_LABEL} OR n.ig_hash IS NOT NULL DETACH DELETE n",
                         database_=database)


def bolt_baseline(driver, database, nodes, rels) -> None:
    """The naive push: one node or relationship per transaction, a plain MERGE each."""
    with driver.session(database=database) as session:
        for n in nodes:
            session.execute_write(lambda tx, n=n: tx.run(
                f"MERGE (x:{NODE_LABEL} {{iri: $iri}}) SET x += $props",
                iri=n.iri, props={**n.props, "ig_hash": n.hash}).consume())
        for r in rels:
            session.execute_write(lambda tx, r=r: tx.run(
                f"MATCH (a:{NODE_LABEL} {{iri: $a}}) MATCH (b:{NODE_LABEL} {{iri: $b}}) "
                f"MERGE (a)-[x:{r.type}]->(b) SET x += $props", a=r.start, b=r.end,
                props={**r.props, "ig_hash": r.hash}).consume())


def warm_up_graph(pg: PropertyGraph, rows: int = 100_000) -> PropertyGraph:
    """At most about `rows` rows of `pg`: its first nodes and the relationships between them."""
    nodes = pg.nodes[:rows // 6]
    kept = {n.iri for n in nodes}
    rels = [r for r in pg.relationships if r.start in kept and r.end in kept]
    return PropertyGraph(nodes, rels[:rows - len(nodes)], pg.sources)


def bolt_round(kg, driver, database, p, pg, sample: int, batch_size: int) -> dict:
    """One timed push of `pg` (then a second one, which must write nothing) and one timed baseline
    on `sample` of its rows, the database wiped after each."""
    began, used = time.perf_counter(), cpu()
    report = push_neo4j(kg, driver, database=database, projection=p, graph=pg, batch_size=batch_size)
    seconds = time.perf_counter() - began
    rows = report.nodes + report.relationships
    push_cpu = spent(used, rows, "")
    began = time.perf_counter()
    again = push_neo4j(kg, driver, database=database, projection=p, graph=pg)
    second = time.perf_counter() - began
    wipe_bolt(driver, database)
    nodes, rels = pg.nodes[:sample // 2], pg.relationships[:sample // 2]
    began, used = time.perf_counter(), cpu()
    bolt_baseline(driver, database, nodes, rels)
    naive = (len(nodes) + len(rels)) / (time.perf_counter() - began)
    naive_cpu = spent(used, len(nodes) + len(rels), "naive_")
    wipe_bolt(driver, database)
    rate = rows / seconds
    return {"nodes": report.nodes, "relationships": report.relationships, "seconds": round(seconds, 2),
            "rows_per_s": round(rate), **push_cpu, "second_push_s": round(second, 2),
            "second_push_writes": again.writes, "naive_rows_per_s": round(naive, 1), **naive_cpu,
            "ratio": round(rate / naive, 1),
            "cpu_ratio": round(push_cpu["rows_per_cpu_s"] / naive_cpu["naive_rows_per_cpu_s"], 1),
            "cpu_ratio_no_jit": round(push_cpu["rows_per_cpu_s_no_jit"] / naive_cpu["naive_rows_per_cpu_s_no_jit"], 1)}


def bolt_bench(kg, uri, user, password, database, sample: int, batch_size: int, warmup: int,
               rounds: int) -> dict:
    """`warmup` untimed rounds (a push of up to 100k rows, the baseline), then `rounds` timed
    ones, alternating push and baseline; each figure is the median over the timed rounds."""
    with neo4j_driver(uri, user, password) as driver:
        wipe_bolt(driver, database)
        p = projection(kg)
        pg = property_graph(kg, projection=p)
        warm = warm_up_graph(pg)
        for _ in range(warmup):
            push_neo4j(kg, driver, database=database, graph=warm, batch_size=batch_size)
            wipe_bolt(driver, database)
            bolt_baseline(driver, database, pg.nodes[:sample // 2], pg.relationships[:sample // 2])
            wipe_bolt(driver, database)
        measured = []
        for n in range(rounds):
            measured.append(bolt_round(kg, driver, database, p, pg, sample, batch_size))
            one = measured[-1]
            print(f"bolt round {n + 1}: push {one['rows_per_s']:,} rows/s, "
                  f"baseline {one['naive_rows_per_s']:,} rows/s: "
                  f"{one['ratio']}x; per CPU second {one['cpu_ratio']}x ({one['cpu_ratio_no_jit']}x without JIT)",
                  flush=True)
    median = {key: statistics.median(m[key] for m in measured) for key in measured[0]}
    return {**median, "batch_size": batch_size, "warmup": warmup, "rounds": rounds, "rust_packer": rust_packer()}


def _post(url: str, text: str) -> None:
    request = urllib.request.Request(url, data=text.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    with urllib.request.urlopen(request, timeout=600):
        pass


def sparql_bench(kg, gsp: str, update: str, query: str, sample: int) -> dict:
    sources = [s.iri for s in kg.sources()]
    drop = " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in [*sources, STATE_GRAPH])
    _post(update, drop)
    results = {}
    fast = {"no_transaction": ""}  # Oxigraph's server: safe with the push's bookkeeping
    for mode, endpoint, params in (("gsp", gsp, {}), ("gsp_no_transaction", gsp, fast), ("update", update, None)):
        began, used = time.perf_counter(), cpu()
        report = push_sparql(kg, **{mode[:3] if mode.startswith("gsp") else mode: endpoint}, query=query,
                             params=params)
        seconds = time.perf_counter() - began
        results[f"{mode}_triples_per_s"] = round(report.triples / seconds)
        results[f"{mode}_seconds"] = round(seconds, 2)
        results.update(spent(used, report.triples, f"{mode}_"))
        results["triples"] = report.triples
        _post(update, drop)
    # naive: one triple per SPARQL Update request (each one a transaction on the server)
    quads = list(kg.store.quads_for_pattern(None, None, None, None))[:sample]
    began, used = time.perf_counter(), cpu()
    for q in quads:
        _post(update, f"INSERT DATA {{ GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }} }}")
    naive = len(quads) / (time.perf_counter() - began)
    results.update(spent(used, len(quads), "naive_"))
    _post(update, drop)
    results["naive_triples_per_s"] = round(naive, 1)
    results["ratio_gsp"] = round(results["gsp_triples_per_s"] / naive, 1)
    results["ratio_update"] = round(results["update_triples_per_s"] / naive, 1)
    results["ratio_gsp_no_transaction"] = round(results["gsp_no_transaction_triples_per_s"] / naive, 1)
    for mode in ("gsp", "gsp_no_transaction", "update"):
        results[f"cpu_ratio_{mode}"] = round(results[f"{mode}_rows_per_cpu_s"] / results["naive_rows_per_cpu_s"], 1)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=400, help="rows the naive baseline writes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip", choices=["bolt", "sparql"], action="append", default=[])
    parser.add_argument("--batch-size", type=int, default=5000, help="rows per Bolt transaction")
    parser.add_argument("--warmup", type=int, default=6,
                        help="untimed rounds of both Bolt sides first "
                             "(a push of up to 100k rows; the baseline's sample)")
    parser.add_argument("--rounds", type=int, default=3, help="timed Bolt rounds (medians are reported)")
    parser.add_argument("--server-pid", type=int, action="append", default=[],
                        help="a server process whose CPU time to count (repeat for each server)")
    args = parser.parse_args()
    env = os.environ
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "generated.nt"
        generate(data, triples=args.triples, seed=args.seed)
        kg = KnowledgeGraph(Path(tmp) / "store")
        began = time.perf_counter()
        ingest(kg, data)
        print(f"generated and loaded {args.triples:,} triples ({time.perf_counter() - began:.1f} s)", flush=True)
        if "bolt" not in args.skip:
            SERVER_PIDS[:] = args.server_pid or listening_pids([env["INNOGRAPH_TEST_BOLT_URI"]])
            print(f"bolt server processes (CPU counted): {SERVER_PIDS or 'none found'}", flush=True)
            result = bolt_bench(kg, env["INNOGRAPH_TEST_BOLT_URI"], env.get("INNOGRAPH_TEST_BOLT_USER"),
                                env.get("INNOGRAPH_TEST_BOLT_PASSWORD"), env.get("INNOGRAPH_TEST_BOLT_DATABASE"),
                                args.sample, args.batch_size, args.warmup, args.rounds)
            print("bolt", result, flush=True)
            print(f"bolt push (medians of {args.rounds} rounds): "
                  f"{result['nodes'] + result['relationships']:,} rows in {result['seconds']} s = "
                  f"{result['rows_per_s']:,} rows/s, {result['rows_per_cpu_s']:,} rows per CPU second "
                  f"({result['rows_per_cpu_s_no_jit']:,} not counting the server's JIT compiler)")
            print(f"bolt baseline: {result['naive_rows_per_s']:,} rows/s, {result['naive_rows_per_cpu_s']:,} rows per "
                  f"CPU second ({result['naive_rows_per_cpu_s_no_jit']:,} not counting the server's JIT compiler)")
            print(f"bolt ratio (median): {result['ratio']}x rows/s, {result['cpu_ratio']}x rows per CPU second "
                  f"({result['cpu_ratio_no_jit']}x not counting the server's JIT compiler)", flush=True)
        if "sparql" not in args.skip:
            SERVER_PIDS[:] = args.server_pid or listening_pids([env["INNOGRAPH_TEST_SPARQL_QUERY"]])
            print(f"sparql server processes (CPU counted): {SERVER_PIDS or 'none found'}", flush=True)
            result = sparql_bench(kg, env["INNOGRAPH_TEST_SPARQL_GSP"], env["INNOGRAPH_TEST_SPARQL_UPDATE"],
                                  env["INNOGRAPH_TEST_SPARQL_QUERY"], args.sample)
            print("sparql", result, flush=True)
            for mode in ("gsp_no_transaction", "gsp", "update"):
                print(f"sparql {mode}: {result[f'{mode}_triples_per_s']:,} triples/s; baseline "
                      f"{result['naive_triples_per_s']:,}; ratio {result[f'ratio_{mode}']}x triples/s, "
                      f"{result[f'cpu_ratio_{mode}']}x per CPU second", flush=True)
        kg.close()


if __name__ == "__main__":
    main()
