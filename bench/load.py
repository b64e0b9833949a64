#!/usr/bin/env python3
"""Load benchmark: ``innograph load`` against rdflib and raw pyoxigraph.

Generates a realistic, skewed innovation network as N-Triples (the terms of
``shared/docs/ontology.md``), then loads that one file, each time in a fresh
child process, with:

* ``innograph --store DIR load FILE`` -- the product's CLI, whole process;
* ``rdflib.Graph().parse(FILE, format="nt")`` -- rdflib's in-memory default store;
* ``pyoxigraph.Store(DIR).bulk_load(...)`` -- the raw engine under the product,
  into a named graph on disk like the product (and ``Store.load``, for information).

It prints time, rate, peak RSS (each child's own, from ``os.wait4``) and store
size, counts the triples back, and checks the acceptance ratios:
innograph / rdflib >= 8x and innograph / pyoxigraph bulk_load >= 0.7x.

Example::

    python bench/load.py --triples 1000000 --json bench-load.json

The generator is bench/netgen.py (``from netgen import generate``, for tests and
bench/push.py); this file is the measurement only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from netgen import generate  # bench/ is this script's directory, first on sys.path

REPO_ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------
# Child processes.
# --------------------------------------------------------------------------

COUNT_NAMED = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
COUNT_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _worker(method: str, file: str, store: str, graph: str) -> None:
    """Runs inside a measured child process; prints one JSON line on stdout."""
    t0 = time.perf_counter()
    if method == "rdflib":
        import rdflib
        t1 = time.perf_counter()
        g = rdflib.Graph()
        g.parse(file, format="nt")
        t2 = time.perf_counter()
        out = {"count": len(g), "import_s": t1 - t0, "load_s": t2 - t1,
               "version": f"rdflib {rdflib.__version__}"}
        print(json.dumps(out), flush=True)
        os._exit(0)  # skip tearing down millions of Python objects: not part of loading
    import pyoxigraph as ox
    t1 = time.perf_counter()
    if method in ("oxigraph-bulk", "oxigraph-load", "oxigraph-bulk-default"):
        st = ox.Store(store)
        fn = st.load if method == "oxigraph-load" else st.bulk_load
        to_graph = None if method == "oxigraph-bulk-default" else ox.NamedNode(graph)
        fn(path=file, format=ox.RdfFormat.N_TRIPLES, to_graph=to_graph)
        del st  # close the store: part of a load, as for the CLI
        t2 = time.perf_counter()
        print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1,
                          "version": f"pyoxigraph {ox.__version__}"}), flush=True)
    elif method == "count":
        st = ox.Store.read_only(store)
        q = lambda s: int(next(iter(st.query(s)))[0].value)  # noqa: E731
        print(json.dumps({"named": q(COUNT_NAMED), "default": q(COUNT_DEFAULT),
                          "graphs": q(COUNT_GRAPHS), "version": f"pyoxigraph {ox.__version__}"}),
              flush=True)
    else:
        raise SystemExit(f"unknown worker method {method!r}")


def _run_child(cmd: list[str], cwd: str | None = None) -> dict:
    """Run ``cmd`` as its own child; return wall time, exit code, its peak RSS and output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd)
        _, status, ru = os.wait4(proc.pid, 0)  # this child's own rusage (incl. its waited-for children)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"wall_s": wall, "rc": proc.returncode, "peak_rss_mb": ru.ru_maxrss / 1024,
                "cpu_s": ru.ru_utime + ru.ru_stime,
                "stdout": out.read().decode("utf-8", "replace"),
                "stderr": err.read().decode("utf-8", "replace")}


def _dir_mb(path: Path) -> float:
    total, seen = 0, set()
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                st = os.stat(os.path.join(root, f))
            except FileNotFoundError:
                continue
            if (st.st_dev, st.st_ino) not in seen:  # hard links (store snapshots) count once
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total / 2**20


def _last_json(text: str) -> dict:
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError("no JSON line in worker output")


def _find_innograph(explicit: str | None) -> str | None:
    if explicit:
        return explicit
    venv = REPO_ROOT / ".venv" / "bin" / "innograph"
    if venv.exists():
        return str(venv)
    return shutil.which("innograph")


METHODS = {
    "innograph": "innograph --store DIR load FILE (CLI, whole process)",
    "rdflib": "rdflib Graph().parse(format='nt'), in memory",
    "oxigraph-bulk": "pyoxigraph Store(DIR).bulk_load(), named graph",
    "oxigraph-load": "pyoxigraph Store(DIR).load() (transactional), named graph",
    "oxigraph-bulk-default": "pyoxigraph Store(DIR).bulk_load(), default graph",
}


def _measure(method: str, *, file: Path, file_triples: int, workdir: Path, python: str,
             innograph: str | None, graph_iri: str, run_no: int, keep: bool) -> dict:
    store = workdir / f"store-{method}-{run_no}"
    res: dict = {"method": method, "description": METHODS[method], "run": run_no}
    if method == "innograph":
        cmd = [innograph, "--store", str(store), "load", str(file)]
        res["command"] = " ".join(cmd)
        r = _run_child(cmd, cwd=str(workdir))
        res.update(wall_s=r["wall_s"], peak_rss_mb=r["peak_rss_mb"], cpu_s=r["cpu_s"], rc=r["rc"],
                   seconds=r["wall_s"], timing="whole process, including interpreter start-up and imports")
        res["stdout_tail"] = r["stdout"][-2000:]
        res["stderr_tail"] = r["stderr"][-4000:]
        if r["rc"] != 0:
            res["error"] = f"exit code {r['rc']}: {r['stderr'].strip() or r['stdout'].strip()}"
            return res
    else:
        cmd = [python, str(Path(__file__).resolve()), "--worker", method, str(file),
               "--worker-store", str(store), "--worker-graph", graph_iri]
        r = _run_child(cmd, cwd=str(workdir))
        res.update(wall_s=r["wall_s"], peak_rss_mb=r["peak_rss_mb"], cpu_s=r["cpu_s"], rc=r["rc"])
        if r["rc"] != 0:
            res["error"] = f"exit code {r['rc']}: {r['stderr'].strip()[-4000:]}"
            return res
        w = _last_json(r["stdout"])
        res.update(seconds=w["load_s"], import_s=w["import_s"], version=w["version"],
                   timing="in-process load call (process wall clock in wall_s)")
        if "count" in w:
            res["count"] = w["count"]
    if method != "rdflib":
        res["store_mb"] = _dir_mb(store)
        counter = python
        if method == "innograph":  # count with the pyoxigraph that wrote the store, if we can
            sibling = Path(innograph).parent / "python"
            if sibling.exists():
                counter = str(sibling)
        c = _run_child([counter, str(Path(__file__).resolve()), "--worker", "count", str(file),
                        "--worker-store", str(store), "--worker-graph", graph_iri])
        if c["rc"] != 0 and counter != python:
            c = _run_child([python, str(Path(__file__).resolve()), "--worker", "count", str(file),
                            "--worker-store", str(store), "--worker-graph", graph_iri])
        if c["rc"] != 0:
            res["error"] = f"counting the store failed: {c['stderr'].strip()[-2000:]}"
        else:
            cj = _last_json(c["stdout"])
            res.update(named_quads=cj["named"], default_triples=cj["default"], graphs=cj["graphs"])
            # innograph's default graph is the set union of its named graphs (a derived copy)
            res["count"] = cj["named"] if method == "innograph" else cj["named"] + cj["default"]
            if method == "innograph":
                res["version"] = cj["version"] + " (reader)"
    if "count" in res:
        res["extra_triples"] = res["count"] - file_triples
        ok = res["count"] == file_triples or (method == "innograph" and 0 <= res["extra_triples"] <= max(1000, file_triples // 1000))
        res["count_ok"] = ok
    res["rate"] = file_triples / res["seconds"] if res.get("seconds") else None
    res["process_rate"] = file_triples / res["wall_s"] if res.get("wall_s") else None
    if not keep:
        shutil.rmtree(store, ignore_errors=True)
    return res


def _fmt(v, spec: str, dash: str = "—") -> str:
    return dash if v is None else format(v, spec)


def _table(results: list[dict], file_triples: int) -> str:
    head = ["method", "triples", "seconds", "triples/s", "process s", "peak RSS MB", "store MB", "count check"]
    rows = []
    for r in results:
        if r.get("skipped"):
            rows.append([r["method"], "—", "—", "—", "—", "—", "—", "SKIPPED"])
            continue
        if r.get("error") and r.get("seconds") is None:
            rows.append([r["method"], "—", "—", "—", _fmt(r.get("wall_s"), ".2f"), "—", "—", "FAILED"])
            continue
        check = "ok" if r.get("count_ok") else "MISMATCH"
        if r.get("extra_triples"):
            check += f" ({r['extra_triples']:+d} vs file)"
        secs = _fmt(r.get("seconds"), ".2f") + ("*" if r["method"] == "innograph" else "")
        rows.append([r["method"], _fmt(r.get("count"), ","), secs, _fmt(r.get("rate"), ",.0f"),
                     _fmt(r.get("wall_s"), ".2f"), _fmt(r.get("peak_rss_mb"), ",.0f"),
                     _fmt(r.get("store_mb"), ",.1f"), check])
    widths = [max(len(h), *(len(str(row[i])) for row in rows)) for i, h in enumerate(head)]
    line = lambda cells: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))  # noqa: E731
    out = [line(head), line(["-" * w for w in widths])] + [line(r) for r in rows]
    return "\n".join(out)


def _ratios(best: dict) -> list[dict]:
    out = []
    ig = best.get("innograph")
    for other, goal, label in (("rdflib", 8.0, "innograph rate / rdflib rate"),
                               ("oxigraph-bulk", 0.7, "innograph rate / raw pyoxigraph bulk_load rate")):
        o = best.get(other)
        entry = {"name": label, "goal": goal, "vs": other}
        if not ig or ig.get("rate") is None or not o or o.get("rate") is None:
            entry.update(ratio=None, verdict="NOT MEASURED")
        else:
            entry["ratio"] = ig["rate"] / o["rate"]
            entry["ratio_process"] = ig["process_rate"] / o["process_rate"]
            entry["verdict"] = "PASS" if entry["ratio"] >= goal else "FAIL"
        out.append(entry)
    return out


def _count_lines(path: Path) -> int:
    n = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 24):
            n += chunk.count(b"\n")
    return n

def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="bench/load.py",
        description="Generate an innovation network as N-Triples and compare how fast and how "
                    "frugally `innograph load`, rdflib and raw pyoxigraph load it. Each "
                    "measured load runs in its own fresh child process; its peak RSS is its own.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="""timing:
  'seconds' is the in-process load call for rdflib and pyoxigraph (open + load + close for
  stores), and the WHOLE PROCESS wall clock for the innograph CLI (interpreter start-up and
  imports included, marked *). 'process s' is every child's whole wall clock. Rates and the
  acceptance ratios use 'seconds'; ratios over whole processes are printed for information.

examples:
  python bench/load.py --triples 1000000
  python bench/load.py --triples 200000 --repeat 3 --json /tmp/load.json
  python bench/load.py --orgs 5000 --people 4000 --projects 1000 --generate-only --out net.nt
  python bench/load.py --input net.nt --methods rdflib,oxigraph-bulk

exit status: 0 all goals pass; 1 a goal fails or could not be measured (innograph missing);
  2 usage error; 3 a load failed or loaded a different number of triples.""")
    g = ap.add_argument_group("data")
    g.add_argument("--triples", type=int, default=None, metavar="N",
                   help="target triple count (default 1000000 unless counts below are given)")
    g.add_argument("--orgs", type=int, metavar="N", help="organizations")
    g.add_argument("--people", type=int, metavar="N", help="people (each holds 1-4 posts)")
    g.add_argument("--projects", type=int, metavar="N", help="projects (2-30 participants each)")
    g.add_argument("--memberships", type=int, metavar="N", help="cluster memberships")
    g.add_argument("--grants", type=int, metavar="N", help="grants")
    g.add_argument("--articles", type=int, metavar="N", help="source news articles")
    g.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    g.add_argument("--out", type=Path, help="write the N-Triples here and keep it (default: a temp dir)")
    g.add_argument("--input", type=Path, help="benchmark an existing N-Triples file instead of generating")
    g.add_argument("--generate-only", action="store_true", help="generate, print statistics and stop")
    m = ap.add_argument_group("measurement")
    m.add_argument("--innograph", metavar="PATH",
                   help="innograph executable (default: .venv/bin/innograph under the repo, else PATH)")
    m.add_argument("--python", default=sys.executable,
                   help="interpreter with rdflib and pyoxigraph for the baselines (default: this one)")
    m.add_argument("--methods", default="innograph,rdflib,oxigraph-bulk,oxigraph-load",
                   help="comma-separated, from: " + ", ".join(METHODS) + " (default: %(default)s)")
    m.add_argument("--repeat", type=int, default=1, metavar="N", help="best of N runs per method (default 1)")
    m.add_argument("--workdir", type=Path, help="where stores go (default: a fresh temp dir, removed after)")
    m.add_argument("--keep", action="store_true", help="keep stores and the generated file")
    m.add_argument("--json", type=Path, metavar="FILE", help="write results as JSON")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--worker-store", help=argparse.SUPPRESS)
    ap.add_argument("--worker-graph", help=argparse.SUPPRESS)
    ap.add_argument("worker_file", nargs="?", help=argparse.SUPPRESS)
    return ap


def _err(*a) -> None:
    print(*a, file=sys.stderr, flush=True)


def _prepare_file(args, workdir: Path, triples: int | None, counts: dict, report: dict) -> tuple[Path, int]:
    """The N-Triples file to load (``--input``, or generated now) and its triple count."""
    if args.input:
        file = args.input.resolve()
        file_triples = _count_lines(file)
        report["generator"] = {"input": str(file), "triples": file_triples,
                               "bytes": file.stat().st_size}
        _err(f"input {file}: {file_triples:,} triples (lines), {file.stat().st_size / 2**20:,.1f} MB")
        return file, file_triples
    file = (args.out or workdir / f"innograph-{triples or 'custom'}-seed{args.seed}.nt").resolve()
    file.parent.mkdir(parents=True, exist_ok=True)
    stats: dict = {}
    _err(f"generating {'~' if triples is None else ''}{triples or ''} triples (seed {args.seed}) -> {file}")
    t0 = time.perf_counter()
    file_triples = generate(file, triples=triples, seed=args.seed, stats=stats, **counts)
    gen_s = time.perf_counter() - t0
    size = file.stat().st_size
    report["generator"] = {"file": str(file), "triples": file_triples, "seconds": gen_s,
                           "triples_per_s": file_triples / gen_s, "bytes": size,
                           "seed": args.seed, **stats}
    _err(f"generated {file_triples:,} triples, {size / 2**20:,.1f} MB "
         f"({size / file_triples:.0f} B/triple) in {gen_s:.1f} s ({file_triples / gen_s:,.0f} triples/s)")
    _err("  " + ", ".join(f"{k} {v:,}" for k, v in stats["phases"].items()))
    _err(f"  {stats['organizations']:,} organizations ({stats['clusters']} clusters), "
         f"{stats['people']:,} people, {stats['posts']:,} posts, {stats['projects']:,} projects, "
         f"{stats['participations']:,} participations, {stats['places']:,} places")
    return file, file_triples


def _cli_to_measure(explicit: str | None, report: dict) -> str | None:
    """The innograph executable (its start-up time goes in ``report``), or None to skip it."""
    innograph = _find_innograph(explicit)
    if innograph and not (os.path.exists(innograph) or shutil.which(innograph)):
        _err(f"--innograph {innograph}: no such executable")
        innograph = None
    if innograph is None:
        _err("innograph CLI not found: SKIPPING its measurement. Install it, e.g.\n"
             "  python3 -m venv .venv && .venv/bin/pip install -e .   (then it is picked up "
             "from .venv/bin/innograph)\n  or pass --innograph /path/to/innograph")
        return None
    innograph = os.path.abspath(innograph) if os.path.exists(innograph) else shutil.which(innograph)
    s = min((_run_child([innograph, "--help"]) for _ in range(3)), key=lambda r: r["wall_s"])
    report["innograph_startup_s"] = s["wall_s"] if s["rc"] == 0 else None
    _err(f"innograph: {innograph} (`innograph --help` takes {s['wall_s']:.2f} s, "
         f"peak RSS {s['peak_rss_mb']:.0f} MB)")
    return innograph


def _run_all(args, methods: list[str], *, file: Path, file_triples: int, workdir: Path,
             innograph: str | None) -> tuple[dict, list, bool]:
    """Every method, ``--repeat`` times: the best run per method, all runs, whether any failed."""
    best: dict[str, dict] = {}
    runs: list[dict] = []
    failed = False
    for run_no in range(1, args.repeat + 1):
        for mth in methods:
            if mth == "innograph" and innograph is None:
                best[mth] = {"method": mth, "description": METHODS[mth], "skipped": True,
                             "error": "innograph executable not found"}
                continue
            _err(f"[run {run_no}/{args.repeat}] {mth} ...")
            res = _measure(mth, file=file, file_triples=file_triples, workdir=workdir,
                           python=args.python, innograph=innograph, graph_iri=file.as_uri(),
                           run_no=run_no, keep=args.keep)
            runs.append(res)
            if res.get("error"):
                failed = True
                _err(f"  {mth} FAILED: {res['error']}")
            else:
                _err(f"  {res['seconds']:.2f} s, {res['rate']:,.0f} triples/s, peak RSS "
                     f"{res['peak_rss_mb']:,.0f} MB, counted {res.get('count')}")
                if not res.get("count_ok"):
                    failed = True
            prev = best.get(mth)
            if prev is None or prev.get("error") or (not res.get("error") and res["seconds"] < prev["seconds"]):
                best[mth] = res
    return best, runs, failed


def _print_report(report: dict, ordered: list[dict], ratios: list[dict], file: Path,
                  file_triples: int, repeat: int) -> None:
    print(f"\nLoad benchmark: {file_triples:,} triples, {file.stat().st_size / 2**20:,.1f} MB N-Triples "
          f"({file.name}), best of {repeat}, {os.cpu_count()} CPUs")
    print(_table(ordered, file_triples))
    print("  seconds: in-process load call (store open+load+close) for rdflib/pyoxigraph;")
    print("   * innograph: whole process wall clock, including interpreter start-up and imports"
          + (f" (`innograph --help` alone: {report['innograph_startup_s']:.2f} s)"
             if report.get("innograph_startup_s") else ""))
    print("  process s: each child's whole wall clock; peak RSS: that child's own maximum RSS;")
    print("  triples (stores): quads counted back in all graphs; rates use the file's triple count")
    for r in ordered:
        if r.get("graphs") is not None and r["method"] == "innograph":
            print(f"  innograph store: {r['named_quads']:,} quads in {r['graphs']} named graph(s), "
                  f"{r['default_triples']:,} in the default graph; {r['extra_triples']:+,} vs the file")
        if r.get("error") and not r.get("skipped"):
            print(f"  {r['method']} error: {r['error']}")
    print()
    for q in ratios:
        if q["ratio"] is None:
            print(f"{q['name']}: not measured (goal >= {q['goal']}x) -> {q['verdict']}")
        else:
            print(f"{q['name']}: {q['ratio']:.2f}x (goal >= {q['goal']}x) -> {q['verdict']}"
                  f"   [whole processes: {q['ratio_process']:.2f}x]")


def main(argv: list[str] | None = None) -> int:
    ap = _parser()
    args = ap.parse_args(argv)
    if args.worker:
        _worker(args.worker, args.worker_file, args.worker_store, args.worker_graph)
        return 0
    if args.worker_file:
        ap.error(f"unexpected argument {args.worker_file!r}")
    methods = [s.strip() for s in args.methods.split(",") if s.strip()]
    for mth in methods:
        if mth not in METHODS:
            ap.error(f"unknown method {mth!r}; choose from {', '.join(METHODS)}")
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    counts = {k: getattr(args, k) for k in ("orgs", "people", "projects", "memberships", "grants", "articles")}
    triples = args.triples
    if triples is None and not any(v is not None for v in counts.values()):
        triples = 1_000_000
    if args.input and (args.triples or any(v is not None for v in counts.values())):
        ap.error("--input takes an existing file: drop the generator flags")

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="innograph-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    report: dict = {"machine": {"python": platform.python_version(), "platform": platform.platform(),
                                "cpus": os.cpu_count()}}
    try:
        file, file_triples = _prepare_file(args, workdir, triples, counts, report)
        if args.generate_only:
            if args.json:
                args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
            print(json.dumps(report["generator"], indent=2, ensure_ascii=False))
            return 0
        innograph = _cli_to_measure(args.innograph, report) if "innograph" in methods else None
        best, runs, failed = _run_all(args, methods, file=file, file_triples=file_triples,
                                      workdir=workdir, innograph=innograph)
        ordered = [best[mth] for mth in methods if mth in best]
        ratios = _ratios(best)
        report.update(file_triples=file_triples, repeat=args.repeat, results=ordered, runs=runs,
                      ratios=ratios)
        _print_report(report, ordered, ratios, file, file_triples, args.repeat)
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
            _err(f"results written to {args.json}")
        if failed:
            return 3
        return 0 if all(q["verdict"] == "PASS" for q in ratios) else 1
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)  # --out files live elsewhere and stay


if __name__ == "__main__":
    sys.exit(main())
