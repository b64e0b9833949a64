"""Docstring examples run (the installed modules, as users import them)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "innograph",
    "innograph.errors",
    "innograph.examples",
    "innograph.graph.iri",
    "innograph.graph.normalize",
    "innograph.graph.resolve_rules",
    "innograph.loaders.cordis",
    "innograph.graph.formats",
    "innograph.graph.facts",
    "innograph.graph.bolt",
    "innograph.graph.remote",
    "innograph.graph.store",
    "innograph.load",
    "innograph.api",
    "innograph.render",
    "innograph.cli.app",
    "innograph.loaders",
    "innograph.ontology",
    "innograph.ontology.ns",
    "innograph.ontology.kinds",
    "innograph.ontology.shacl",
    "innograph.queries.sparql",
    "innograph.queries.named",
    "innograph.server.formats",
    "innograph.server.protocol",
    "innograph.server.description",
    "innograph.graph.compact",
    "innograph.graph.projection",
    "innograph.graph.export_graph",
    "innograph.queries.results",
    "innograph.queries.evidence",
    "innograph.queries.lookup",
    "innograph.queries.paths",
    "innograph.queries.pathsearch",
    "innograph.queries.neighbours",
    "innograph.queries.suggest",
    "innograph.queries.actors",
    "innograph.queries.brokers",
    "innograph.queries.communities",
    "innograph.loaders.dates",
    "innograph.loaders.money",
    "innograph.loaders.text",
    "innograph.loaders.lexicon",
    "innograph.loaders.mentions",
    "innograph.queries.stats",
    "innograph.queries.facts",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert tried > 0, f"{name} has no docstring example"
    assert failures == 0
