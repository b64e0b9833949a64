"""Dense features of a candidate pair for the relation model (:mod:`.relscore`): the pipeline's own
word vectors (the French model ships a table of them; nothing is downloaded) of the words its sparse
features name — the words on the dependency path and its head, the title word, the words between
the two names, the words just before and after them.

The sparse features only know the words they saw in training; a word's vector also says something
of the words it resembles ("entraîneur" near "sélectionneur"), so a path or a title never seen in
training still counts. Each block is the mean of the unit vectors of its words (zeros when none has
a vector), times the model's scale; the blocks are extra columns of the same logistic regression.
"""

from __future__ import annotations

import numpy as np

#: Groups of :mod:`.relfeatures` features read as one block of vectors each: the path (its words,
#: lemmas, head and verb), the title, the words between the names, the words just outside them.
BLOCKS: tuple[tuple[str, ...], ...] = (("pw", "pm", "ph", "pv"), ("title",), ("w",), ("b1", "a1"))
#: Length of a word vector (the French pipeline's table).
WIDTH = 300


def block_words(features, blocks=BLOCKS) -> list[list[str]]:
    """The words each block of `blocks` reads in `features` (strings "fr|pw:word|so": language,
    group and words, then the pair's order; a path head carries its part of speech)."""
    where = {group: i for i, block in enumerate(blocks) for group in block}
    out: list[list[str]] = [[] for _ in blocks]
    for feature in features:
        _, _, body = feature.partition("|")
        body = body.rsplit("|", 1)[0]
        group, sep, value = body.partition(":")
        if not sep or group not in where:
            continue
        if group == "ph":
            value = value.rsplit("|", 1)[0]
        out[where[group]].extend(value.split())
    return out


def dense(features, vocab, blocks=BLOCKS, scale: float = 1.0) -> np.ndarray:
    """The dense columns of a candidate with sparse `features`: per block, the mean unit vector
    of its words in `vocab` (a spaCy ``Vocab`` with vectors), times `scale`."""
    out = np.zeros(WIDTH * len(blocks), dtype=np.float32)
    for i, words in enumerate(block_words(features, blocks)):
        vectors = [vocab.get_vector(w) for w in words if vocab.has_vector(w)]
        if not vectors:
            continue
        matrix = np.asarray(vectors, dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1)
        if (norms > 0).any():
            out[i * WIDTH:(i + 1) * WIDTH] = (matrix[norms > 0] / norms[norms > 0, None]).mean(axis=0) * scale
    return out


def encode_blocks(blocks) -> str:
    """The blocks as the weights file stores them ("pw pm;title")."""
    return ";".join(" ".join(block) for block in blocks)


def decode_blocks(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(block.split()) for block in text.split(";") if block)
