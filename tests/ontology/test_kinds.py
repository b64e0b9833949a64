"""The kinds table is complete: every relation the ontology or a loader uses between things has
a kind (or is declared as not a fact), and no reader repeats a fact predicate's IRI."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import OWL, RDF, Graph

from innograph.ontology import ns, ontology_path
from innograph.ontology.kinds import (
    EDGE_KINDS, FACT_KINDS, KINDS, NODE_CLASSES, NOT_FACTS, ORG_KINDS, edge_kind, fact_predicates, kind,
)

ROOT = Path(__file__).resolve().parents[2]
_NAMESPACES = {name: getattr(ns, name) for name in ("IG", "ORG", "FOAF", "SDO", "PROV", "DCTERMS", "SKOS", "TIME")}


def object_properties() -> set[str]:
    graph = Graph().parse(ontology_path(), format="turtle")
    return {str(p) for p in graph.subjects(RDF.type, OWL.ObjectProperty)}


def test_every_object_property_of_the_ontology_has_a_kind_or_a_reason():
    known = fact_predicates() | set(NOT_FACTS)
    missing = sorted(object_properties() - known)
    assert not missing, f"object properties with no fact kind in ontology/kinds.py (nor in NOT_FACTS): {missing}"
    assert not (fact_predicates() & set(NOT_FACTS))


def test_every_object_property_a_loader_writes_has_a_kind_or_a_reason():
    """The ns terms the writers use (loaders/, graph/facts.py) that are object properties."""
    properties = object_properties()
    known = fact_predicates() | set(NOT_FACTS)
    used: dict[str, set[str]] = {}
    for path in [*sorted((ROOT / "loaders").glob("*.py")), ROOT / "graph" / "facts.py"]:
        for prefix, local in re.findall(r"\b(IG|ORG|FOAF|SDO|PROV|DCTERMS|SKOS|TIME)\.(\w+)", path.read_text()):
            iri = str(getattr(_NAMESPACES[prefix], local))
            if iri in properties:
                used.setdefault(iri, set()).add(path.name)
    assert used, "no loader writes an object property: the scan is broken"
    missing = {iri: files for iri, files in used.items() if iri not in known}
    assert not missing, f"written by loaders with no fact kind: {missing}"


def test_fact_predicate_iris_are_declared_once():
    """No library module spells a fact predicate's IRI (they use ns.py terms via kinds.py)."""
    iris = fact_predicates()
    offenders = []
    for folder in ("graph", "queries", "loaders", "innograph"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text()
            offenders += [f"{path.relative_to(ROOT)}: {iri}" for iri in iris if iri in text]
    assert not offenders


def test_the_table():
    assert set(EDGE_KINDS) <= set(KINDS) and "co_mentioned" in EDGE_KINDS and "co_mentioned" not in FACT_KINDS
    assert {"located_in", "event_location"} <= set(EDGE_KINDS)
    assert edge_kind(str(ns.SDO.location), subject_is_event=True) == ("event_location", False)
    assert edge_kind(str(ns.SDO.location), subject_is_event=False) == ("located_in", False)
    assert edge_kind(str(ns.SDO.funder)) == ("funds", True)
    assert kind("founded_by") is KINDS["created_by"]
    for k in KINDS.values():
        assert k.relationship and k.relationship.isupper()
        assert set(k.phrases) == {"en", "fr"}
        if k.projected:
            assert 0 < k.weight <= 1
        if k.node:
            assert k.subject_role and k.object_role
    assert len({k.relationship for k in KINDS.values()}) == len(KINDS)
    assert len(ORG_KINDS) == 9 and all(NODE_CLASSES[str(getattr(ns.IG, k))] == k for k in ORG_KINDS)
