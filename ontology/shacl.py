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
    """The store's default graph (its sources, each triple once, and the ontology) or one named
    graph, as an in-memory rdflib Graph.

    Terms are converted one by one (each distinct term once) instead of being written as
    N-Triples and parsed again: three times faster on 200k triples.
    """
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    triples = kg.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}")
    data = Graph()
    term = _Terms()
    data.addN((term(t.subject), term(t.predicate), term(t.object), data) for t in triples)
    return data


class _Terms(dict):
    """pyoxigraph term -> rdflib term, memoized (a plain string literal has no datatype, as
    rdflib's own parsers give it)."""

    def __call__(self, value):
        found = self.get(value)
        if found is None:
            import pyoxigraph as ox
            from rdflib import BNode, Literal, URIRef
            from rdflib.namespace import XSD

            if isinstance(value, ox.NamedNode):
                found = URIRef(value.value)
            elif isinstance(value, ox.BlankNode):
                found = BNode(value.value)
            elif value.language:
                found = Literal(value.value, lang=value.language)
            else:
                datatype = value.datatype.value
                found = Literal(value.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))
            self[value] = found
        return found


def _has_ontology(data: Graph) -> bool:
    from rdflib.namespace import OWL

    return (None, RDF.type, OWL.Ontology) in data


def validate(kg, *, graph: str | None = None) -> Report:
    """Validate the graph (or one source's graph) against ``shapes.ttl``.

    Violations make the data non-conforming; warnings (such as a fact without its evidence
    sentence) are reported but do not. The ontology (class hierarchy) is read from the store
    when it holds it, else from the package (pySHACL then copies the data to mix it in).
    """
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(shapes_path(), format="turtle")
    data = data_graph(kg, graph=graph)
    ontology = None if _has_ontology(data) else Graph().parse(ontology_path(), format="turtle")
    conforms, results, text = shacl_validate(
        data,
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
