"""Validating the graph against the ontology's SHACL shapes (with pySHACL).

>>> from innograph.graph.store import KnowledgeGraph
>>> validate(KnowledgeGraph()).conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from innograph.ontology import ontology_path, shapes_path, shorten

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Finding:
    """One validation result: which node, which property, what is wrong, how bad."""

    severity: str
    focus: str
    path: str | None
    message: str
    shape: str | None
    value: str | None = None

    def as_dict(self) -> dict:
        return {
            "severity": self.severity,
            "focus": self.focus,
            "path": self.path,
            "message": self.message,
            "value": self.value,
            "shape": self.shape,
        }


@dataclass
class Report:
    conforms: bool
    findings: list[Finding] = field(default_factory=list)
    text: str = ""

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]


def data_graph(kg, *, graph: str | None = None) -> Graph:
    """The union of the store's sources (or one named graph) as an in-memory rdflib Graph."""
    import pyoxigraph as ox

    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    triples = kg.store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}", use_default_graph_as_union=True)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=data, format="nt")


def validate(kg, *, graph: str | None = None) -> Report:
    """Validate the graph (or one source's graph) against ``shapes.ttl``.

    Violations make the data non-conforming; warnings (such as a fact without its evidence
    sentence) are reported but do not.
    """
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(shapes_path(), format="turtle")
    ontology = Graph().parse(ontology_path(), format="turtle")
    conforms, results, text = shacl_validate(
        data_graph(kg, graph=graph),
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        allow_warnings=True,
    )
    findings = sorted(_findings(results), key=lambda f: (f.severity != "Violation", f.focus, f.path or ""))
    return Report(conforms=bool(conforms), findings=findings, text=text)


def _findings(results: Graph):
    for result in results.subjects(RDF.type, SH.ValidationResult):
        def one(predicate):
            value = results.value(result, predicate)
            return None if value is None else str(value)

        severity = one(SH.resultSeverity) or str(SH.Violation)
        path = one(SH.resultPath)
        yield Finding(
            severity=severity.rsplit("#", 1)[-1],
            focus=shorten(one(SH.focusNode) or ""),
            path=shorten(path) if path else None,
            message=one(SH.resultMessage) or "",
            shape=shorten(one(SH.sourceShape) or "") or None,
            value=one(SH.value),
        )
