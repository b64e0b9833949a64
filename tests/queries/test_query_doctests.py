"""Docstring examples of the projection and the cross-fertilization queries run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "innograph.graph.compact",
    "innograph.graph.projection",
    "innograph.graph.export_graph",
    "innograph.queries.results",
    "innograph.queries.evidence",
    "innograph.queries.lookup",
    "innograph.queries.paths",
    "innograph.queries.suggest",
    "innograph.queries.actors",
    "innograph.queries.brokers",
    "innograph.queries.communities",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert tried > 0, f"{name} has no docstring example"
    assert failures == 0
