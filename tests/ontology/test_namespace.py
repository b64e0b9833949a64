"""The generated namespace module says exactly what the Turtle declares."""

from __future__ import annotations

import pytest
from rdflib import Graph

from innograph.ontology import generate, ns, ontology_path
from innograph.ontology.kinds import KINDS, kind


def test_module_is_generated_from_the_turtle():
    graph = Graph().parse(ontology_path(), format="turtle")
    expected = generate.render(generate.declared_terms(graph), generate.organization_kinds(graph))
    assert generate.TARGET.read_text(encoding="utf-8") == expected, (
        "ontology/ns.py disagrees with innograph.ttl: run python -m innograph.ontology.generate"
    )
    assert generate.main(["--check"]) == 0


def test_every_declared_term_is_an_attribute_and_misspelt_ones_fail():
    graph = Graph().parse(ontology_path(), format="turtle")
    for namespace, terms in generate.declared_terms(graph).items():
        cls = getattr(ns, generate.NAMESPACES[namespace])
        for local in terms:
            assert str(getattr(cls, local)) == namespace + local
    with pytest.raises(AttributeError):
        ns.IG.Hospitl  # noqa: B018
    with pytest.raises(AttributeError):
        ns.ORG.memberof  # noqa: B018


def test_check_fails_when_the_module_is_stale(tmp_path, monkeypatch):
    stale = tmp_path / "ns.py"
    stale.write_text(generate.TARGET.read_text().replace("    Hospital: URIRef", ""))
    monkeypatch.setattr(generate, "TARGET", stale)
    assert generate.main(["--check"]) == 1


def test_fact_kinds_use_declared_terms():
    for fact in KINDS.values():
        for iri in (fact.edge, fact.node):
            assert iri is None or iri.startswith("http")
    assert kind("founded_by") is KINDS["created_by"]
    with pytest.raises(ValueError, match="use one of"):
        kind("likes")
