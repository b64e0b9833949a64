"""The relation model held out (bench/heldout_relations.py): every article in one fold, each
category spread over the folds, and a model that only memorizes its articles scores well in-sample
and not held out. The examples are made up for these tests."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import bench_script


@pytest.fixture(scope="module")
def ho():
    with bench_script("heldout_relations.py", "bench_heldout_relations") as module:
        yield module


def _article(n: int, folder: str, right: bool, words: list[str]) -> list[tuple]:
    """Two candidates of one fact (article `n`, in `folder`), with these features."""
    key = (n, f"Person {n}", f"Org {n}")
    return [(0, "post", words, int(right), 1, key, f"{folder}/article-{n}.txt")] * 2


def test_every_article_is_in_one_fold_and_each_category_is_spread_over_the_folds(ho):
    examples = []
    for n in range(40):
        examples += _article(n, ("sports", "health", "business")[n % 3], n % 2 == 0, ["fr|w:de"])
    folds = ho.article_folds(examples, 5, seed=0)
    assert set(folds) == set(range(40)) and set(folds.values()) == set(range(5))
    for folder in ("sports", "health", "business"):
        per_fold = Counter(folds[e[5][0]] for e in examples[::2] if e[6].startswith(folder))
        assert max(per_fold.values()) - min(per_fold.get(f, 0) for f in range(5)) <= 1
    assert ho.article_folds(examples, 5, seed=1) != folds  # another draw


def test_without_a_file_the_round_is_the_category(ho):
    examples = [(2, "post", [], 1, 1, (n, "A", "B")) for n in range(6)]
    examples += [(3, "post", [], 0, 1, (n, "A", "B")) for n in range(6, 12)]
    folds = ho.article_folds(examples, 3, seed=0)
    assert sorted(Counter(folds[n] for n in range(6)).values()) == [2, 2, 2]


def test_a_curve_counts_each_fact_once_at_its_best_candidate(ho):
    import numpy as np

    examples = _article(1, "health", False, []) + _article(2, "health", True, [])
    best = ho.facts(examples, np.array([0.55, 0.95, 0.7, 0.6]))
    points = dict((t, (r, n)) for t, r, n in ho.curve(best))
    assert points[0.5] == (1, 2) and points[0.75] == (0, 1) and points[0.95] == (0, 1)
    assert ho.gate([(0.5, 4, 4), (0.6, 6, 8), (0.7, 6, 7), (0.8, 5, 5)]) == (0.7, 6, 7)
    assert ho.gate([(0.5, 4, 4), (0.9, 3, 3)]) is None  # fewer than 5 right
    examples += _article(3, "sports", True, [])
    best[("post", 3, "Person 3", "Org 3")] = (0.8, 1)
    split = ho.by_category(examples, best)
    assert list(split) == ["health", "sports"] and len(split["health"]) == 2 and len(split["sports"]) == 1


def test_a_model_that_only_memorizes_its_articles_is_right_in_sample_and_not_held_out(ho):
    examples = []
    for n in range(60):  # each article has its own word; the shared word says nothing of the label
        examples += _article(n, ("sports", "health")[n % 2], n % 3 == 0, [f"fr|w:only{n}", "fr|w:de"]) * 3
    fitter = ho.Fitter(examples, "post")
    inside = dict((t, (r, n)) for t, r, n in ho.curve(fitter.in_sample()))
    held = dict((t, (r, n)) for t, r, n in ho.curve(fitter.held_out(5, seed=0)))
    assert inside[0.5] == (20, 20)  # every right fact, nothing wrong
    assert held[0.5] == (0, 0)  # held out, an unknown word: nothing reaches even 0.5


def test_a_word_shared_across_articles_carries_held_out(ho):
    examples = []
    for n in range(60):
        right = n % 2 == 0
        examples += _article(n, ("sports", "health")[n % 2], right, ["fr|w:chez" if right else "fr|w:contre"])
    points = ho.curve(ho.Fitter(examples, "post").held_out(5, seed=0))
    assert next((r, n) for t, r, n in points if t == 0.6) == (30, 30)
    assert ho.gate(points)[0] == 0.5
