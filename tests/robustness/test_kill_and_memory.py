"""The heaviest hostile files in their own processes (peak memory of the child measured), and
`kill -9` at random moments of a new load, a replacing reload and `resolve`: after the next open
the store holds exactly its previous state (or the finished one), never half a source."""

from __future__ import annotations

import gzip
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from innograph.graph.store import KnowledgeGraph
from robust_cases import DATA

PEAK_RSS = 2 << 30
CASE_SECONDS = 30
LOADED_AT = "loadedAt"


def innograph(*args: str, timeout: float = 60) -> tuple[subprocess.CompletedProcess, float]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "innograph", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    return done, time.perf_counter() - started


def _bomb(path: Path) -> None:
    with gzip.open(path, "wb", compresslevel=9) as stream:
        block = b"\n" * (1 << 20)
        for _ in range(400):
            stream.write(block)


HEAVY = {
    "huge-iri.nt": lambda p: p.write_bytes(b"<http://example.org/" + b"x" * (20 << 20) + b"> <http://example.org/p> \"v\" .\n"),
    "bomb.nt.gz": _bomb,
    "laughs.yaml": lambda p: p.write_text("a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HEAVY))
def test_heavy_file_in_a_child_process(name: str, tmp_path: Path):
    path = tmp_path / name
    HEAVY[name](path)
    done, seconds = innograph("--store", str(tmp_path / "store"), "load", str(path))
    assert done.returncode == 3, done.stderr
    assert name in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert seconds <= CASE_SECONDS
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    assert peak <= PEAK_RSS, f"a child peaked at {peak / 1e9:.2f} GB"


# -- kill -9 -------------------------------------------------------------------------------------

def state(store: Path) -> tuple[frozenset, frozenset]:
    """(sources, quads) after a normal open: the open is what clears an interrupted load. Load
    times are left out (they differ between two runs of the same load)."""
    with KnowledgeGraph(store) as kg:
        sources = frozenset((s.iri, s.label, s.triples) for s in kg.sources())
        quads = frozenset(str(q) for q in kg.store if LOADED_AT not in str(q.predicate))
    staging = [g for g in quads if "#staging-" in g]
    assert not staging, "a staging graph survived the next open"
    return sources, quads


def big_ntriples(path: Path, n: int, tag: str) -> None:
    with open(path, "w") as out:
        for i in range(n):
            out.write(f'<https://example.org/{tag}/s{i}> <https://example.org/p> "value {i} {tag}" .\n')


def kill_at_random(args: list[str], delay: float) -> None:
    child = subprocess.Popen([sys.executable, "-m", "innograph", *args], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)


def _scenario(tmp_path: Path, kind: str):
    """(store prepared, command args) for one kind of interrupted work."""
    store = tmp_path / "store"
    data = tmp_path / "big.nt"
    if kind == "new":
        innograph("--store", str(store), "load", str(DATA / "small.ttl"))
        big_ntriples(data, 25_000, "a")
        return store, ["--store", str(store), "load", str(data)]
    if kind == "replace":
        big_ntriples(data, 5_000, "a")
        innograph("--store", str(store), "load", str(data))
        big_ntriples(data, 8_000, "b")
        return store, ["--store", str(store), "load", str(data)]
    tables = DATA / "tables"
    innograph("--store", str(store), "load", str(tables / "cordis-organizations.json"),
              str(tables / "adherents-cp1252.csv"), str(tables / "sirene-stock.csv"))
    return store, ["--store", str(store), "resolve"]


#: 10 kills: 4 during a new load, 4 during a replacing reload, 2 during resolve.
KILLS = [("new", n) for n in range(4)] + [("replace", n) for n in range(4)] + [("resolve", n) for n in range(2)]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["new", "replace", "resolve"])
def test_kill_minus_nine_leaves_the_previous_state(kind: str, tmp_path: Path):
    store, args = _scenario(tmp_path, kind)
    pristine, reference = tmp_path / "pristine", tmp_path / "reference"
    shutil.copytree(store, pristine)
    shutil.copytree(store, reference)
    before = state(store)
    done, full = innograph(*[reference.as_posix() if a == str(store) else a for a in args], timeout=120)
    assert done.returncode == 0, done.stderr
    after = state(reference)
    rng = random.Random(f"kill-{kind}")
    outcomes = []
    for _, n in [k for k in KILLS if k[0] == kind]:
        kill_at_random(args, rng.uniform(0.2, 1.0) * full)
        now = state(store)
        if kind == "resolve":
            assert now == before or now[0] == after[0], "resolve killed: neither the previous nor the finished state"
        else:
            assert now in (before, after), f"kill {n}: a half-loaded source"
        outcomes.append("previous" if now == before else "finished")
        if now != before:  # the kill came after the commit: start again from the previous state
            shutil.rmtree(store)
            shutil.copytree(pristine, store)
    assert len(outcomes) == len([k for k in KILLS if k[0] == kind])
