"""Throughput and latency of `innograph serve` against Oxigraph's own server, same data, one run.

    python bench/endpoint.py                      # CORDIS sample, 1/8/32 clients, 20 s each
    python bench/endpoint.py --seconds 60 --clients 32
    python bench/endpoint.py --store DIR          # a store you loaded yourself

1. Loads the data (default: ../shared/data/cordis-h2020 plus the seed articles' hand-made
   graph) into a fresh innograph store, exports its sources as N-Quads and loads those into an
   Oxigraph store with Oxigraph's own CLI (`oxigraph load`).
2. Starts `innograph serve` and `oxigraph serve-read-only --union-default-graph` on 127.0.0.1.
3. For each client count, runs a mix of SPARQL queries (aggregates, look-ups, two-hop joins, ASK)
   for `--seconds` against each server from client processes on this machine (keep-alive HTTP,
   GET with Accept: application/sparql-results+json), and prints requests/s, p50 and p99
   latency, errors, and the ratio innograph / Oxigraph. The goal is ≥ 0.8× at 32 clients with 0
   errors.

Oxigraph's server is the `oxigraph` package's binary: `--oxigraph PATH`, else the one in
.venv-servers/ (made by .ci/with-servers.sh), else `oxigraph` on PATH.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PREFIXES = ("PREFIX ig: <https://w3id.org/innograph/ns#> PREFIX org: <http://www.w3.org/ns/org#> "
            "PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
MIX = {
    "count-by-class": "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) LIMIT 20",
    "country-totals": ("SELECT ?country (COUNT(DISTINCT ?o) AS ?orgs) WHERE { ?o a org:Organization ; "
                       "schema:address/schema:addressCountry ?country } GROUP BY ?country ORDER BY DESC(?orgs) LIMIT 10"),
    "label-lookup": 'SELECT ?o WHERE { ?o rdfs:label ?l . FILTER(STRSTARTS(?l, "Fraunhofer")) } LIMIT 10',
    "project-partners": ("SELECT ?p (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o ig:participatesIn ?p } "
                         "GROUP BY ?p ORDER BY DESC(?n) LIMIT 10"),
    "two-hops": ("SELECT DISTINCT ?b WHERE { ?a rdfs:label ?l . FILTER(STRSTARTS(?l, \"CENTRE NATIONAL\")) "
                 "?a ig:participatesIn ?p . ?b ig:participatesIn ?p } LIMIT 100"),
    "ask": "ASK { ?o a ig:Hospital }",
    "grants": "SELECT ?g ?v WHERE { ?g a schema:MonetaryGrant ; schema:amount/schema:value ?v } ORDER BY DESC(?v) LIMIT 10",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def innograph_cmd() -> list[str]:
    local = ROOT / ".venv" / "bin" / "innograph"
    return [str(local)] if local.exists() else ["innograph"]


def oxigraph_cmd(given: str | None) -> str:
    for candidate in (given, ROOT / ".venv-servers" / "bin" / "oxigraph", shutil.which("oxigraph")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    sys.exit("no oxigraph binary: run `bash .ci/with-servers.sh true` once, or pip install oxigraph, or --oxigraph")


def prepare(work: Path, store: Path | None, oxigraph: str) -> tuple[Path, Path]:
    if store is None:
        store = work / "innograph"
        inputs = [SHARED / "data" / "cordis-h2020", ROOT / "innograph" / "examples" / "seeds-handmade.ttl"]
        subprocess.run([*innograph_cmd(), "-q", "--store", str(store), "load", *map(str, inputs)], check=True)
    dump = work / "sources.nq"
    with open(dump, "wb") as out:
        subprocess.run([*innograph_cmd(), "-q", "--store", str(store), "export", "--format", "nq"], check=True,
                       stdout=out)
    ox_dir = work / "oxigraph"
    subprocess.run([oxigraph, "load", "--location", str(ox_dir), "--file", str(dump)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Both stores compacted, as each project advises before a read-heavy workload.
    subprocess.run([*innograph_cmd(), "-q", "--store", str(store), "optimize"], check=True)
    subprocess.run([oxigraph, "optimize", "--location", str(ox_dir)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return store, ox_dir


def wait_for(port: int, path: str, deadline: float = 120) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path + "?query=" + urllib.parse.quote("ASK {}"),
                         headers={"Accept": "application/sparql-results+json"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"no server on port {port}")


def start_servers(store: Path, ox_dir: Path, oxigraph: str, workers: int, query_workers: int):
    ig_port, ox_port = free_port(), free_port()
    ig = subprocess.Popen([*innograph_cmd(), "-q", "--store", str(store), "serve", "--port", str(ig_port),
                           "--workers", str(workers), "--query-workers", str(query_workers)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    ox = subprocess.Popen([oxigraph, "serve-read-only", "--location", str(ox_dir), "--bind", f"127.0.0.1:{ox_port}",
                           "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          start_new_session=True)
    wait_for(ig_port, "/sparql")
    wait_for(ox_port, "/query")
    return (ig, ig_port, "/sparql"), (ox, ox_port, "/query")


def _client(port: int, path: str, seconds: float, offset: int, out) -> None:
    queries = [PREFIXES + q for q in MIX.values()]
    urls = [path + "?query=" + urllib.parse.quote(q) for q in queries]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    latencies, errors, i = [], 0, offset
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.perf_counter()
        try:
            conn.request("GET", urls[i % len(urls)], headers={"Accept": "application/sparql-results+json"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors += 1
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        latencies.append(time.perf_counter() - started)
        i += 1
    out.put((latencies, errors))


def _threads(port, path, seconds, clients, base, out) -> None:
    import threading

    threads = [threading.Thread(target=_client, args=(port, path, seconds, base + k, out)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def run_load(port: int, path: str, clients: int, seconds: float) -> dict:
    """`clients` concurrent keep-alive clients (threads spread over up to 4 processes)."""
    ctx = mp.get_context("fork")
    out = ctx.Queue()
    procs_n = min(4, clients)
    per = [clients // procs_n + (1 if k < clients % procs_n else 0) for k in range(procs_n)]
    procs = [ctx.Process(target=_threads, args=(port, path, seconds, n, sum(per[:k]), out)) for k, n in enumerate(per)]
    for p in procs:
        p.start()
    results = [out.get() for _ in range(clients)]
    for p in procs:
        p.join()
    latencies = sorted(x for lat, _ in results for x in lat)
    errors = sum(e for _, e in results)
    return {"requests": len(latencies), "rps": len(latencies) / seconds, "errors": errors,
            "p50_ms": 1000 * statistics.median(latencies) if latencies else None,
            "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))] if latencies else None}


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, help="an innograph store to serve (default: load the CORDIS sample)")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=1, help="innograph serve --workers")
    parser.add_argument("--query-workers", type=int, default=2, help="innograph serve --query-workers")
    parser.add_argument("--oxigraph", help="path of Oxigraph's server binary")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    oxigraph = oxigraph_cmd(args.oxigraph)
    with tempfile.TemporaryDirectory(prefix="innograph-endpoint-") as tmp:
        store, ox_dir = prepare(Path(tmp), args.store, oxigraph)
        (ig, ig_port, ig_path), (ox, ox_port, ox_path) = start_servers(store, ox_dir, oxigraph, args.workers,
                                                                       args.query_workers)
        rows = []
        try:
            for name, port, path in (("innograph", ig_port, ig_path), ("oxigraph", ox_port, ox_path)):
                run_load(port, path, 2, 2)  # warm up caches on both sides
            for clients in args.clients:
                for name, port, path in (("innograph", ig_port, ig_path), ("oxigraph", ox_port, ox_path)):
                    result = {"server": name, "clients": clients, **run_load(port, path, clients, args.seconds)}
                    rows.append(result)
                    print(f"{name:10} {clients:3} clients: {result['rps']:8.1f} req/s  p50 {result['p50_ms']:7.2f} ms  "
                          f"p99 {result['p99_ms']:7.2f} ms  errors {result['errors']}", flush=True)
        finally:
            stop(ig)
            stop(ox)
    print()
    ok = True
    for clients in args.clients:
        ours = next(r for r in rows if r["server"] == "innograph" and r["clients"] == clients)
        theirs = next(r for r in rows if r["server"] == "oxigraph" and r["clients"] == clients)
        ratio = ours["rps"] / theirs["rps"] if theirs["rps"] else float("nan")
        verdict = "PASS" if ratio >= 0.8 and ours["errors"] == 0 else "FAIL"
        if clients == max(args.clients):
            ok = verdict == "PASS"
        print(f"{clients:3} clients: innograph / oxigraph throughput = {ratio:.2f}x "
              f"(goal >= 0.8x, 0 errors: {verdict})")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
