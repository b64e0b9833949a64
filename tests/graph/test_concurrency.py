"""Several processes on one store: readers beside a writer, a writer waiting for another, a load
killed half-way, a full disk. Real subprocesses, since the locks are per process."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from innograph.errors import StoreError
from innograph.graph.store import KnowledgeGraph
from innograph.load import ingest
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]

_READER = textwrap.dedent("""
    import json, sys, time
    from innograph.graph.store import KnowledgeGraph
    store, until = sys.argv[1], time.time() + float(sys.argv[2])
    seen = []
    while True:
        with KnowledgeGraph(store, read_only=True) as kg:
            labels = sorted(s.label for s in kg.sources())
            graphs = sorted(g.value for g in kg.source_graphs())
            n = int(next(iter(kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s <https://example.org/p> ?o }")))["n"].value)
            staged = bool(kg.query("ASK { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), '#staging-')) }"))
            seen.append([labels, n, staged, len(graphs)])
        if time.time() > until:
            break
    print(json.dumps(seen))
""")

_WRITER = textwrap.dedent("""
    import sys
    from innograph.graph.store import KnowledgeGraph
    from innograph.load import ingest
    with KnowledgeGraph(sys.argv[1]) as kg:
        for path in sys.argv[2:]:
            ingest(kg, path)
    print("done", flush=True)
""")


def _python(code: str, *args, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def _triples(path: Path, n: int, value: str) -> Path:
    with path.open("w") as out:
        for i in range(n):
            out.write(f'<https://example.org/s{i}> <https://example.org/p> "{value}" .\n')
    return path


def test_eight_readers_and_one_writer_at_once(store_path, tmp_path):
    with KnowledgeGraph(store_path) as kg:
        ingest(kg, _triples(tmp_path / "first.nt", 50, "a"))
    second, third = _triples(tmp_path / "second.nt", 20_000, "b"), _triples(tmp_path / "third.nt", 5_000, "c")
    writer = _python(_WRITER, store_path, second, third)
    readers = [_python(_READER, store_path, 4) for _ in range(8)]
    results = []
    for reader in readers:
        out, err = reader.communicate(timeout=300)
        assert reader.returncode == 0, err
        results.append(json.loads(out))
    out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0 and "done" in out, err
    before = [["first.nt"], 50, False, 1]
    after = [["first.nt", "second.nt", "third.nt"], 25_050, False, 3]
    for seen in results:  # every reader answered, and only ever saw a complete state
        assert seen and all(state in (before, after) for state in seen), seen
    with KnowledgeGraph(store_path, read_only=True) as kg:  # opened after the writer finished
        assert sorted(s.label for s in kg.sources()) == after[0]
        assert int(next(iter(kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s <https://example.org/p> ?o }")))["n"].value) == 25_050


def test_a_writer_waits_a_bounded_time_for_another(store_path, tmp_path):
    opener = textwrap.dedent("""
        import sys, time
        from innograph.errors import StoreError
        from innograph.graph.store import KnowledgeGraph
        start = time.monotonic()
        try:
            with KnowledgeGraph(sys.argv[1], wait=float(sys.argv[2])) as kg:
                print("opened", round(time.monotonic() - start, 1), flush=True)
        except StoreError as exc:
            print("failed", round(time.monotonic() - start, 1), exc, flush=True)
    """)
    holder = _python(textwrap.dedent("""
        import sys
        from innograph.graph.store import KnowledgeGraph
        with KnowledgeGraph(sys.argv[1]) as kg:
            print("holding", flush=True)
            sys.stdin.readline()
    """), store_path, stdin=subprocess.PIPE)
    assert holder.stdout.readline().strip() == "holding"  # it holds the store until told
    short = _python(opener, store_path, 1)
    out, err = short.communicate(timeout=120)
    assert out.startswith("failed") and "another innograph process may be using it" in out
    assert float(out.split()[1]) >= 1.0
    assert "waiting up to 1 s" in err
    patient = _python(opener, store_path, 120)
    assert "is being written by another process" in patient.stderr.readline()
    holder.communicate("go\n", timeout=60)  # the first writer finishes: the waiting one goes on
    out, err = patient.communicate(timeout=120)
    assert out.startswith("opened"), out + err


def test_a_load_killed_at_any_moment_leaves_the_previous_state(store_path, tmp_path):
    with KnowledgeGraph(store_path) as kg:
        ingest(kg, _triples(tmp_path / "first.nt", 50, "a"))
    big = _triples(tmp_path / "big.nt", 60_000, "b")
    first = tmp_path / "first.nt"
    _triples(first, 30_000, "z")  # a replacing reload of the first file, too
    for delay in (0.0, 1.0, 2.5, 4.0):
        writer = _python(_WRITER.replace("    for path", '    print("open", flush=True)\n    for path'), store_path, first, big)
        assert writer.stdout.readline().strip() == "open"
        time.sleep(delay)  # from the moment the writer holds the store
        writer.send_signal(signal.SIGKILL)
        writer.communicate(timeout=60)
        with KnowledgeGraph(store_path, read_only=True) as reader:  # right after the kill
            staged = reader.query("ASK { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), '#staging-')) }")
            assert not staged
            # the state before the writer, or the one it published if it closed before the kill
            assert sorted(s.label for s in reader.sources()) in (["first.nt"], ["big.nt", "first.nt"])
        with KnowledgeGraph(store_path) as kg:
            labels = sorted(s.label for s in kg.sources())
            assert labels in (["first.nt"], ["big.nt", "first.nt"])
            counts = {s.label: s.triples for s in kg.sources()}
            assert counts["first.nt"] in (50, 30_000)
            _union_holds_sources(kg)
            if "big.nt" in counts:
                kg.remove_source("big.nt")


def _union_holds_sources(kg) -> None:
    import pyoxigraph as ox

    from innograph.graph.sources import ONTOLOGY_GRAPH

    raw = kg._store
    held = {(q.subject, q.predicate, q.object) for g in [*kg.source_graphs(), ox.NamedNode(ONTOLOGY_GRAPH)]
            for q in raw.quads_for_pattern(None, None, None, g)}
    assert {(q.subject, q.predicate, q.object) for q in raw.quads_for_pattern(None, None, None, ox.DefaultGraph())} == held


@pytest.fixture
def small_disk(tmp_path):
    """A 24 MB tmpfs (as root), or a loop-free fallback: skip saying why."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("a full disk needs a small tmpfs: mount is not available to this user")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"a full disk needs a small tmpfs and mount failed here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_full_disk_is_a_clear_error_and_the_previous_state_opens_after(small_disk, tmp_path):
    store = small_disk / "store"
    with KnowledgeGraph(store) as kg:
        ingest(kg, DATA / "small.ttl")
        before = sorted((s.label, s.triples) for s in kg.sources())
    big = _triples(tmp_path / "big.nt", 150_000, "x" * 40)  # far more than the disk holds
    filler = small_disk / "filler"
    free = shutil.disk_usage(small_disk).free
    filler.write_bytes(b"\0" * max(0, free - 2_000_000))
    with pytest.raises(StoreError, match="full") as caught:
        with KnowledgeGraph(store) as kg:
            ingest(kg, big)
    message = str(caught.value)
    assert "free some space" in message and "\n" not in message
    filler.unlink()
    with KnowledgeGraph(store, read_only=True) as reader:
        assert sorted((s.label, s.triples) for s in reader.sources()) == before
    with KnowledgeGraph(store) as kg:
        assert sorted((s.label, s.triples) for s in kg.sources()) == before
        _union_holds_sources(kg)


def test_opening_twice_for_writing_in_one_process_fails_at_once(store_path):
    with KnowledgeGraph(store_path):
        start = time.monotonic()
        with pytest.raises(StoreError, match="this process already has it open"):
            KnowledgeGraph(store_path, wait=30)
        assert time.monotonic() - start < 10
        with KnowledgeGraph(store_path, read_only=True) as reader:  # reading beside it is fine
            assert reader.sources() == []
