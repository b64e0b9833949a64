"""The benchmarks' network generator (bench/netgen.py): properties a user of the file can check."""

from __future__ import annotations

import importlib
import sys
from collections import Counter

import pyoxigraph as ox
import pytest

from tests.conftest import TESTS

BENCH = TESTS.parent / "bench"
ID = "https://w3id.org/innograph/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ORGANIZATION = ox.NamedNode("http://www.w3.org/ns/org#Organization")


@pytest.fixture(scope="module")
def netgen():
    """bench/netgen.py (bench/ is not a package: its modules import each other by name)."""
    sys.path.insert(0, str(BENCH))
    try:
        yield importlib.import_module("netgen")
    finally:
        sys.path.remove(str(BENCH))


@pytest.fixture(scope="module")
def made(netgen, tmp_path_factory):
    """Generated once per setting: {name: (path, returned count, stats)}."""
    out = {}
    for name, kwargs in {"5k": dict(triples=5000, seed=1), "5k-again": dict(triples=5000, seed=1),
                         "5k-seed2": dict(triples=5000, seed=2), "20k": dict(triples=20_000, seed=0),
                         "orgs300": dict(triples=None, orgs=300, seed=3)}.items():
        path = tmp_path_factory.mktemp("netgen") / f"{name}.nt"
        stats: dict = {}
        out[name] = (path, netgen.generate(path, stats=stats, **kwargs), stats)
    return out


def triples_of(path):
    with open(path, "rb") as fh:
        return list(ox.parse(fh, format=ox.RdfFormat.N_TRIPLES))


@pytest.mark.parametrize("name, target", [("5k", 5000), ("20k", 20_000)])
def test_the_file_holds_exactly_the_target_and_no_triple_twice(made, name, target):
    path, count, stats = made[name]
    lines = path.read_bytes().splitlines()
    assert count == target == len(lines) == len(triples_of(path))
    assert len(set(lines)) == len(lines)
    assert sum(stats["phases"].values()) == target


@pytest.mark.parametrize("name", ["5k", "20k", "orgs300"])
def test_every_organization_has_one_label_and_the_organization_type(made, name):
    path, _, stats = made[name]
    types, labels, subjects = set(), Counter(), set()
    for t in triples_of(path):
        if t.subject.value.startswith(ID + "organization/"):
            subjects.add(t.subject)
        if t.predicate == RDF_TYPE and t.object == ORGANIZATION:
            types.add(t.subject)
        elif t.predicate == LABEL:
            labels[t.subject] += 1
    assert types == subjects
    assert len(types) == stats["organizations"]
    assert all(labels[o] == 1 for o in types)


def test_a_count_given_without_a_target_is_kept(made):
    _, _, stats = made["orgs300"]
    assert stats["plan"]["orgs"] == stats["organizations"] == 300


def test_same_seed_same_bytes_other_seed_other_bytes(made):
    first, again, other = (made[n][0].read_bytes() for n in ("5k", "5k-again", "5k-seed2"))
    assert first == again
    assert first != other
    assert made["5k"][2] == made["5k-again"][2]
