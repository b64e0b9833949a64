"""`innograph validate` (ontology/shacl.py) reports what pySHACL reports on shapes.ttl as written.

The product validates faster than the plain call: property shapes get their node shape's targets
(pySHACL checks a nested property shape one focus node at a time) and only the triples of the
predicates the shapes name are copied out of the store. Neither may change a finding: each
malformed example of test_shapes.py, loaded into a store, gives the same (focus, path, severity,
message) set through both.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDF, SH, Graph

from innograph.graph.sources import SourcePayload
from innograph.graph.store import KnowledgeGraph
from innograph.ontology import shacl
from tests.ontology.test_shapes import CONFORMING, CONTEXT, PREFIXES, SHAPES_TTL, VIOLATIONS

pyshacl = pytest.importorskip("pyshacl")


def _store_with(snippet: str) -> KnowledgeGraph:
    kg = KnowledgeGraph()
    data = Graph().parse(data=PREFIXES + CONTEXT + snippet, format="turtle").serialize(format="nt")
    triples = list(ox.parse(data.encode(), ox.RdfFormat.N_TRIPLES))
    kg.replace("example", [SourcePayload(iri="https://example.org/graph/one", label="one", loader="test", triples=triples)])
    return kg


def _plain(kg: KnowledgeGraph) -> set[tuple]:
    """pySHACL on the whole default graph (sources and ontology) with the shapes as written."""
    data = shacl.data_graph(kg)
    conforms, report, _ = pyshacl.validate(data, shacl_graph=Graph().parse(SHAPES_TTL, format="turtle"),
                                           inference="none", allow_warnings=True)
    return {
        (str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)),
         str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1], str(report.value(r, SH.resultMessage)))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }


def _product(kg: KnowledgeGraph) -> set[tuple]:
    from innograph.ontology import PREFIXES as NAMES

    def full(short: str | None) -> str:
        if short and ":" in short and not short.startswith(("http:", "https:")):
            prefix, local = short.split(":", 1)
            return NAMES.get(prefix, prefix + ":") + local
        return str(short)

    return {(full(f.focus), full(f.path), f.severity, f.message) for f in shacl.validate(kg).findings}


@pytest.mark.parametrize("snippet", [case[1] for case in VIOLATIONS], ids=[case[0] for case in VIOLATIONS])
def test_the_fast_validation_finds_what_pyshacl_finds_on_the_shapes_as_written(snippet):
    kg = _store_with(snippet)
    plain = _plain(kg)
    assert any(severity == "Violation" for _, _, severity, _ in plain)
    assert _product(kg) == plain


@pytest.mark.parametrize("snippet", CONFORMING.values(), ids=CONFORMING.keys())
def test_well_formed_examples_conform_through_the_fast_validation(snippet):
    kg = _store_with(snippet)
    report = shacl.validate(kg)
    assert report.conforms and not report.violations
    assert _product(kg) == _plain(kg)
