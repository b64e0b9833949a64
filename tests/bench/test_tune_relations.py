"""Fact-level thresholds (bench/tune_relations.py): each relation's threshold is read on facts of
both cross folds pooled, in the middle of a plateau. The passages and scores are made up."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.conftest import bench_script


@pytest.fixture(scope="module")
def tu():
    with bench_script("tune_relations.py", "bench_tune_relations") as module:
        yield module


def _read(tu, key: str, scored: list[tuple[str, float]]):
    """One passage founded by Nora Vale; the model's founder candidates `scored` (name, score)."""
    from extraction_corpora import Passage

    p = Passage(key, "")
    p.props.add("FOUNDED_BY")
    p.names["org"].add("Tidewell Analytics")
    p.names["nora"].add("Nora Vale")
    p.facts.add(("FOUNDED_BY", "org", "nora"))
    org = SimpleNamespace(kind="organization", names=lambda: ["Tidewell Analytics"])
    persons = [SimpleNamespace(kind="person", names=lambda n=name: [n]) for name, _ in scored]  # alive: ids differ
    facts = [("founder", score, tu._fact("created_by", org, person)) for person, (_, score) in zip(persons, scored)]
    return [p], {key: ([], facts)}


def test_a_threshold_is_read_on_facts_of_both_folds_pooled(tu):
    # fold A: the right founder at 0.72, a wrong one at 0.42; fold B: the right one at 0.62, wrong at 0.47
    reads = [_read(tu, "a", [("Nora Vale", 0.72), ("Alba Quist", 0.42)]),
             _read(tu, "b", [("Nora Vale", 0.62), ("Imre Sand", 0.47)])]
    assert tu._pooled_f1(reads, {"founder": 0.2}) == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert tu._pooled_f1(reads, {"founder": 0.5}) == 1.0
    chosen = tu.tune(reads, {"founder": 0.35})
    assert 0.5 <= chosen["founder"] <= 0.6  # inside the perfect plateau (0.5-0.6), not at its edge
