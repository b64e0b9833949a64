"""Word-vector columns of the relation model (loaders/relvectors.py): which words each block reads,
how they are averaged, and how a model with such columns scores and is stored. The words and vectors
are made up for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from innograph.loaders import relscore, relvectors

spacy = pytest.importorskip("spacy")


def _vocab(**vectors):
    from spacy.vocab import Vocab

    vocab = Vocab()
    for word, direction in vectors.items():
        v = np.zeros(relvectors.WIDTH, dtype=np.float32)
        v[direction] = 2.0
        vocab.set_vector(word, v)
    return vocab


def test_each_block_reads_its_groups_words_without_the_order_or_part_of_speech():
    features = ["fr|pw:dirige|so", "fr|ph:mener|VERB|so", "fr|title:vice président|os", "fr|w:chez|so",
                "fr|kinds=person>organization|so", "kinds=person>organization", "order=so", "fr|posted"]
    words = relvectors.block_words(features)
    assert words == [["dirige", "mener"], ["vice", "président"], ["chez"], []]
    assert relvectors.block_words(features, (("w",),)) == [["chez"]]


def test_a_block_is_the_mean_unit_vector_of_its_words_and_zero_without_any():
    vocab = _vocab(zorbe=0, plinte=1)
    out = relvectors.dense(["fr|pw:zorbe|so", "fr|pm:plinte|so", "fr|w:inconnu|so"], vocab, scale=3.0)
    assert out.shape == (relvectors.WIDTH * len(relvectors.BLOCKS),)
    assert out[0] == pytest.approx(1.5) and out[1] == pytest.approx(1.5)  # two unit vectors averaged, times 3
    assert not out[relvectors.WIDTH:].any()  # no title, and the word between has no vector


def test_blocks_are_stored_as_text_and_read_back():
    text = relvectors.encode_blocks(relvectors.BLOCKS)
    assert relvectors.decode_blocks(text) == relvectors.BLOCKS


def test_a_model_with_vector_columns_scores_a_word_it_never_saw_by_its_neighbour():
    vocab = _vocab(zorbe=0, zorbette=0, plinte=1)
    model = relscore.Model({"fr|b1:selon|so": 0}, {"post": np.array([0.0, -1.0])}, {"post": 0.5},
                           dense={"post": np.eye(1, 2 * relvectors.WIDTH, 0)[0] * 4.0}, blocks=(("pw",), ("w",)))
    seen, unseen, other = (["fr|pw:zorbe|so"], ["fr|pw:zorbette|so"], ["fr|pw:plinte|so"])
    assert model.score("post", unseen, vocab) == pytest.approx(model.score("post", seen, vocab))
    assert model.score("post", unseen, vocab) > 0.9 > model.score("post", other, vocab)
    assert model.score("post", unseen) == model.score("post", other)  # no vocabulary: the sparse part only


def test_the_weights_file_keeps_the_vector_columns(tmp_path):
    path = tmp_path / "w.npz"
    np.savez(path, **{"fr.vocab": np.array("a\nb"), "fr.w.post": np.array([1.0, 0.0, -0.5], dtype="float16"),
                      "fr.t.post": np.array(0.8), "fr.d.post": np.ones(relvectors.WIDTH, dtype="float16"),
                      "fr.blocks": np.array("title"), "fr.scale": np.array(2.0)})
    relscore.load_model.cache_clear()
    try:
        model = relscore.load_model("fr", str(path))
    finally:
        relscore.load_model.cache_clear()
    assert model.blocks == (("title",),) and model.scale == 2.0
    assert model.dense["post"].shape == (relvectors.WIDTH,) and model.thresholds == {"post": 0.8}
