"""Issue 13's probe, kept: hundreds of hostile files loaded in-process, through the session the
command line uses (on an in-memory store), and one in twenty through the command line itself.

For every case: exit code 0 or 3 (never a traceback), an error that names the file (and its line
for syntax errors of line-based formats), the store exactly as it was when the load fails, a time
bound per case and a bound on the peak memory of the process.
"""

from __future__ import annotations

import re
import resource
import shutil
import time
import traceback
from pathlib import Path

from dataclasses import dataclass

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from innograph.cli import cli
from innograph.errors import InnographError
from innograph.graph.store import KnowledgeGraph
from robust_cases import DATA, Case, all_cases

#: Seconds one case may take (issue 13: no hang; each case ≤ 30 s).
CASE_SECONDS = 30
#: Peak resident memory of the test process (spaCy's models included), in bytes.
PEAK_RSS = 2 << 30

CASES = all_cases()


def test_there_are_enough_cases():
    assert len(CASES) >= 500
    assert len({c.id for c in CASES}) == len(CASES)


def quads(store) -> frozenset[str]:
    """Every quad of a store: an in-memory KnowledgeGraph, or a directory read without opening
    it for writing."""
    if isinstance(store, Path):
        snapshot = ox.Store.read_only(str(store))
        try:
            return frozenset(str(q) for q in snapshot)
        finally:
            del snapshot
    return frozenset(str(q) for q in store.store)


@pytest.fixture(scope="module", autouse=True)
def spacy_models():
    """spaCy's models loaded before the timed cases: loading them (10–20 s on a busy machine) is
    not part of a hostile case's time."""
    from innograph.loaders.nlp import pipeline

    for lang in ("fr", "en"):
        pipeline(lang)


SEED_FILES = (DATA / "small.ttl", DATA / "tables" / "adherents-cp1252.csv")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A store on disk that already holds an RDF source and a table."""
    store = tmp_path_factory.mktemp("template") / "store"
    result = CliRunner().invoke(cli, ["--store", str(store), "load", *map(str, SEED_FILES)])
    assert result.exit_code == 0, result.output
    return store


@pytest.fixture(scope="module")
def seed_quads() -> list:
    """The same sources, as quads to copy into an in-memory store per case."""
    from innograph.api import Session

    kg = KnowledgeGraph()
    Session(kg, read_only=False).load(list(SEED_FILES))
    return list(kg.store)


@dataclass
class Outcome:
    exit_code: int
    output: str
    seconds: float


def load_cli(store: Path, path: Path) -> Outcome:
    """`innograph --store STORE load PATH`, in-process."""
    started = time.perf_counter()
    result = CliRunner().invoke(cli, ["--store", str(store), "load", str(path)])
    output = result.output
    if result.exception is not None and result.exit_code not in (0, 3):
        output += "".join(traceback.format_exception(result.exception))
    return Outcome(result.exit_code, output, time.perf_counter() - started)


def load_api(kg, path: Path) -> Outcome:
    """What the command line does, through the session it uses, on an in-memory store: an
    InnographError is a one-line message and its exit code, anything else a traceback."""
    from innograph.api import Session

    started = time.perf_counter()
    try:
        Session(kg, read_only=False).load(path)
        code, output = 0, ""
    except InnographError as error:
        code, output = error.exit_code, f"error: {error}"
    except Exception:  # noqa: BLE001 - the probe looks for exactly these
        code, output = 1, traceback.format_exc()
    return Outcome(code, output, time.perf_counter() - started)


def check(case: Case, outcome: Outcome, path: Path, before: frozenset[str], store) -> None:
    output = outcome.output
    assert outcome.exit_code in (0, 3), f"{case.id}: exit {outcome.exit_code}\n{output}"
    assert "Traceback" not in output, output
    assert outcome.seconds <= CASE_SECONDS, f"{case.id}: {outcome.seconds:.1f} s"
    if outcome.exit_code == 3:
        assert path.name in output, f"{case.id}: the error does not name the file: {output}"
        if case.expect_line:
            assert re.search(re.escape(path.name) + r":\d+", output), f"{case.id}: no line in {output}"
        assert quads(store) == before, f"{case.id}: a failed load changed the store"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    assert peak <= PEAK_RSS, f"peak RSS {peak / 1e9:.2f} GB after {case.id}"


#: One case in CLI_EVERY goes through the real command line and an on-disk store (slower: each
#: opens the store twice); the others through the same session on an in-memory store.
CLI_EVERY = 20


def _params(slow: bool):
    return [pytest.param(c, id=c.id, marks=[pytest.mark.slow] if slow else [])
            for n, c in enumerate(CASES) if c.slow == slow and (slow or n % CLI_EVERY)]


def _run_api(case: Case, seed_quads: list, tmp_path: Path) -> None:
    kg = KnowledgeGraph()
    kg.store.extend(seed_quads)
    path = tmp_path / case.name
    if case.replace is not None:
        path.write_bytes(case.replace)
        first = load_api(kg, path)
        assert first.exit_code == 0, f"{case.id}: the valid version does not load: {first.output}"
    before = quads(kg)
    path.write_bytes(case.build())
    check(case, load_api(kg, path), path, before, kg)


@pytest.mark.parametrize("case", _params(slow=False))
def test_hostile_file(case: Case, seed_quads: list, tmp_path: Path):
    _run_api(case, seed_quads, tmp_path)


@pytest.mark.parametrize("case", _params(slow=True))
def test_hostile_file_large(case: Case, seed_quads: list, tmp_path: Path):
    _run_api(case, seed_quads, tmp_path)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for n, c in enumerate(CASES)
                                  if not c.slow and not n % CLI_EVERY])
def test_hostile_file_through_the_command_line(case: Case, template: Path, tmp_path: Path):
    store = tmp_path / "store"
    shutil.copytree(template, store)
    path = tmp_path / case.name
    if case.replace is not None:
        path.write_bytes(case.replace)
        first = load_cli(store, path)
        assert first.exit_code == 0, f"{case.id}: the valid version does not load: {first.output}"
    before = quads(store)
    path.write_bytes(case.build())
    check(case, load_cli(store, path), path, before, store)
