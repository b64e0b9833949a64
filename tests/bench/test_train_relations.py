"""Training the relation classifier (bench/train_relations.py): French thresholds are read on what
the model adds to the rules, and a relation that does not reach the precision aim is not shipped.
The examples are made up for these tests."""

from __future__ import annotations


import pytest

from tests.conftest import bench_script


@pytest.fixture(scope="module")
def tr():
    with bench_script("train_relations.py", "bench_train_relations") as module:
        yield module


def _examples(acted_right: int, acted_wrong: int, ruled: int) -> list[tuple]:
    """Per part: `ruled` easy positives the rules already read, and pairs the rules left, of which
    `acted_right` are right and `acted_wrong` wrong with the same features."""
    out = []
    for part in (0, 1):
        out += [(part, "post", ["fr|title:directeur", "fr|w:de"], 1, 0)] * ruled
        out += [(part, "post", ["fr|w:avec", "fr|b:selon"], 1, 1)] * acted_right
        out += [(part, "post", ["fr|w:avec", "fr|b:selon"], 0, 1)] * acted_wrong
    return out


def test_french_thresholds_are_read_on_the_pairs_the_rules_left(tr):
    mixed = _examples(acted_right=6, acted_wrong=6, ruled=30)
    assert "fr.w.post" not in tr.train_language(mixed, "fr")  # what the model adds is right half the time
    unmarked = [e[:4] for e in mixed]  # without the mark, the rules' easy pairs carry the precision
    assert "fr.w.post" in tr.train_language(unmarked, "fr")
    clean = _examples(acted_right=12, acted_wrong=0, ruled=30)
    arrays = tr.train_language(clean, "fr")
    assert "fr.w.post" in arrays and 0.35 <= float(arrays["fr.t.post"]) <= 0.95


def test_a_relation_with_few_positives_is_not_trained(tr):
    few = [(p, "seat", ["fr|w:a"], 1, 1) for p in (0, 1)] * 3 + [(p, "seat", ["fr|w:b"], 0, 1) for p in (0, 1)] * 20
    assert not any(k.startswith("fr.w.") for k in tr.train_language(few, "fr"))


def test_the_post_model_learns_from_the_pairs_the_rules_left(tr):
    ruled_only = _examples(acted_right=3, acted_wrong=0, ruled=30)  # 6 positives left by the rules
    assert "en.w.post" not in tr.train_language(ruled_only, "en")
    seats = [(e[0], "seat", *e[2:]) for e in ruled_only]
    assert "en.w.seat" in tr.train_language(seats, "en")  # other relations learn from every pair


def test_a_threshold_is_taken_in_the_middle_of_a_plateau_not_at_its_edge(tr):
    import numpy as np

    # right at 0.5-0.8 and a wrong one at 0.45: F1 is 1.0 from 0.5 to 0.8 and falls after 0.8
    probs = np.array([0.81, 0.81, 0.81, 0.45, 0.2, 0.2])
    labels = np.array([1, 1, 1, 0, 0, 0])
    threshold, f1 = tr.best_threshold(probs, labels)
    assert f1 == 1.0 and 0.5 < threshold < 0.8
    assert tr.best_threshold(probs, np.zeros(6, dtype=int)) == (0.5, 0.0)


def test_the_french_parts_never_tuned_on_are_no_training_data(tr):
    for part in tr.NEVER_TUNED:
        with pytest.raises(ValueError, match="never tuned on"):
            tr.fr_examples(part)


def test_the_model_is_the_average_of_fits_over_shuffle_orders(tr):
    import numpy as np

    rows = [(np.array([0, 1]), 1), (np.array([1, 2]), 0), (np.array([0]), 1), (np.array([2]), 0)] * 3
    one, other = tr.fit(rows, 3, seeds=(0,)), tr.fit(rows, 3, seeds=(1,))
    assert not np.allclose(one, other)  # each shuffle order gives other weights
    assert np.allclose(tr.fit(rows, 3, seeds=(0, 1)), (one + other) / 2)
    probs = tr.predict(tr.fit(rows, 3), rows, 3)
    assert probs[0] > 0.5 > probs[1]  # and the average still separates them


def test_french_parts_are_grouped_by_their_annotation_round(tr):
    assert tr.part_group("bench/gold/press-fr.train.yaml") == 0
    assert tr.part_group("press-fr.train2-sports.yaml") == tr.part_group("x/press-fr.train2-politics.yaml") == 2
    assert tr.part_group("press-fr.train3-health.yaml") == 3


def test_thresholds_count_each_fact_once_at_its_best_candidate(tr):
    import numpy as np

    # three candidates of one wrong fact (same article, same names) and one of a right fact
    examples = [(0, "post", [], 0, 1, (7, "Ana Velo", "Quillmark")) for _ in range(3)]
    examples.append((0, "post", [], 1, 1, (8, "Ana Velo", "Quillmark")))
    probs, labels = tr._per_fact(examples, np.array([0.4, 0.9, 0.6, 0.8]))
    assert sorted(zip(probs.tolist(), labels.tolist())) == [(0.8, 1), (0.9, 0)]
    plain = [e[:5] for e in examples]  # without keys every candidate counts
    assert len(tr._per_fact(plain, np.array([0.4, 0.9, 0.6, 0.8]))[0]) == 4


def test_french_thresholds_are_read_on_the_later_rounds_held_out_never_on_the_first(tr):
    # every example in the first train part: no part held out, so nothing is shipped unchecked
    first_only = [(0, "post", ["fr|w:avec"], 1, 1)] * 20 + [(0, "post", ["fr|w:selon"], 0, 1)] * 20
    assert not any(k.startswith("fr.w.") for k in tr.train_language(first_only, "fr"))
    later = first_only + [(2, *e[1:]) for e in first_only]
    arrays = tr.train_language(later, "fr")
    assert "fr.w.post" in arrays and 0.35 <= float(arrays["fr.t.post"]) <= 0.95


def test_word_vector_columns_carry_a_path_word_never_seen_in_training(tr, tmp_path):
    import numpy as np
    from spacy.vocab import Vocab

    from innograph.loaders import relscore, relvectors

    vocab = Vocab()
    for word, direction in (("zorbe", 0), ("zorbette", 0), ("plinte", 1)):
        v = np.zeros(relvectors.WIDTH, dtype=np.float32)
        v[direction] = 1.0
        vocab.set_vector(word, v)
    examples = []
    for part in (0, 2, 3):
        examples += [(part, "post", ["fr|pw:zorbe|so", "fr|b1:le|so"], 1, 1)] * 12
        examples += [(part, "post", ["fr|pw:plinte|so", "fr|b1:le|so"], 0, 1)] * 12
    arrays = tr.train_language(examples, "fr", vectors=vocab)
    assert "fr.d.post" in arrays and str(arrays["fr.blocks"]) == relvectors.encode_blocks(tr.DENSE["fr"][0])
    np.savez(tmp_path / "w.npz", **arrays)
    relscore.load_model.cache_clear()
    try:
        model = relscore.load_model("fr", str(tmp_path / "w.npz"))
    finally:
        relscore.load_model.cache_clear()
    unseen = ["fr|pw:zorbette|so", "fr|b1:le|so"]  # a word of the positives' vector, never in training
    assert model.score("post", unseen, vocab) > 0.9 > 0.6 > model.score("post", unseen)  # the sparse part cannot tell
    assert "fr.d.post" not in tr.train_language(examples, "fr")  # without vectors: the sparse model only


def test_only_the_relations_asked_for_are_trained(tr):
    examples = _examples(acted_right=12, acted_wrong=0, ruled=30)
    examples += [(e[0], "seat", *e[2:]) for e in examples]
    assert {"fr.w.post", "fr.w.seat"} <= set(tr.train_language(examples, "fr"))
    only = tr.train_language(examples, "fr", relations=["seat"])
    assert "fr.w.seat" in only and "fr.w.post" not in only
