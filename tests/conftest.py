"""Shared fixtures: a fresh store per test, a CLI runner bound to it, paths to test data."""

from __future__ import annotations

import importlib.util
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from innograph.cli import cli
from innograph.examples import handmade_example

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
SHARED = TESTS.parents[1] / "shared"
#: The example corpus's gold, shipped with it: the tests of the seeds never need the shared folder.
SEEDS_GOLD = TESTS.parent / "innograph" / "examples" / "seeds.gold.yaml"
BENCH = TESTS.parent / "bench"


@contextmanager
def bench_script(filename: str, name: str):
    """A script of bench/ imported by path (bench/ is not a package), with bench/ on sys.path for
    its own imports and the module registered under `name` (dataclasses look their module up)."""
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / filename)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(name, None)
        sys.path.remove(str(BENCH))


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def run(store_path: Path):
    """Invoke the CLI in-process on the test's store: run("load", "x.ttl")."""
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(cli, ["--store", str(store_path), *map(str, args)], input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def example() -> Path:
    return handmade_example()


@pytest.fixture
def kg(store_path: Path):
    from innograph.graph.store import KnowledgeGraph

    with KnowledgeGraph(store_path) as graph:
        yield graph
