"""Properties of the bounds that keep hostile input cheap (Hypothesis): any bytes decode or give an
InputError naming line and column; JSON/YAML of any shape parse or give an InputError (never a
RecursionError); cleaned documents never hold an over-long word or sentence, and the parser's
pieces are short and point into the text."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from innograph.errors import InputError
from innograph.loaders import text as textmod
from innograph.loaders.encoding import decode_bytes
from innograph.loaders.records import MAX_DEPTH, flatten, load_yaml

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_name_the_bad_byte(data: bytes):
    try:
        text, encoding = decode_bytes(data, path="x.json")
    except InputError as error:
        assert error.path == "x.json" and error.line is not None and error.column is not None
    else:
        assert isinstance(text, str) and encoding


@SETTINGS
@given(st.integers(min_value=1, max_value=5000), st.sampled_from(["[", "{a: ", "- "]))
def test_yaml_nesting_is_bounded(depth: int, opener: str):
    closer = {"[": "]", "{a: ": "}", "- ": ""}[opener]
    document = opener * depth + "x" + closer * depth if closer else "".join(
        "  " * i + "- " for i in range(min(depth, 400))) + "x"
    try:
        load_yaml(document, "deep.yaml")
    except InputError as error:
        assert "deep.yaml" in str(error)


@SETTINGS
@given(st.integers(min_value=1, max_value=3 * MAX_DEPTH))
def test_flatten_is_bounded(depth: int):
    record: dict = {"leaf": 1}
    for _ in range(depth):
        record = {"a": record}
    try:
        flat = flatten(record, path="r.json", line=1)
    except InputError as error:
        assert depth > MAX_DEPTH and "r.json:1" in str(error)
    else:
        assert len(flat) == 1


_WORDS = st.sampled_from(["le", "pôle", "Rouen", "Société", "Martin", "a", "signé", "avec", "x" * 80,
                          "Ab-Ab-Ab", "**", "[", "<a", ".", ",", "\n", "\n\n", "é" * 30])


@SETTINGS
@given(st.lists(_WORDS, max_size=3000))
def test_cleaned_documents_are_bounded(words: list[str]):
    text = "Titre de l'article\n\n" + " ".join(words)
    try:
        articles = textmod.read_articles(Path("a.txt"), text=text)
    except InputError as error:
        assert "a.txt" in str(error)
        return
    for article in articles:
        assert all(len(token) <= textmod.MAX_TOKEN_CHARS for token in article.text.split())
        for offset, piece in article.pieces():
            assert len(piece) <= textmod.PIECE_CHARS
            assert article.text[offset:offset + len(piece)] == piece
            for a, b in textmod.split_sentences(piece):
                assert b - a <= textmod.MAX_SENTENCE_CHARS


def test_long_prose_is_read_in_parts_and_pieces():
    sentence = "Le laboratoire de Rouen travaille avec la société Martin sur un projet commun. "
    text = "Un titre pour le dossier\n\n" + "\n\n".join(sentence * 40 for _ in range(60))
    articles = textmod.read_articles(Path("long.txt"), text=text)
    assert len(articles) > 1 and all(len(a.text) <= textmod.MAX_ARTICLE_CHARS for a in articles)
    one_paragraph = textmod.Article(text=sentence * 1000)
    pieces = one_paragraph.pieces()
    assert len(pieces) > 1 and max(len(p) for _, p in pieces) <= textmod.PIECE_CHARS


@pytest.mark.parametrize("name", ["innograph.loaders.encoding", "innograph.loaders.records",
                                  "innograph.loaders.rows", "innograph.loaders.cells", "innograph.loaders.text"])
def test_docstring_examples(name: str):
    failures, tried = doctest.testmod(importlib.import_module(name),
                                      optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert tried > 0 and failures == 0
