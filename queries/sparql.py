"""Run SPARQL queries on the knowledge graph and serialize their results in standard formats.

Result formats follow the W3C recommendations: SPARQL 1.1 Query Results JSON, CSV, TSV and XML
for SELECT and ASK; Turtle, N-Triples, JSON-LD or RDF/XML for CONSTRUCT and DESCRIBE. The
default graph is the union of every source's named graph, and the ontology's prefixes
(``org:``, ``schema:``, ``ig:``...) are predeclared.

``SERVICE`` (a request to another host) is refused unless the caller allows it: a server built
on this module must not fetch URLs its clients name.

>>> from innograph.graph.store import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> result = run(kg, "ASK { ?s org:memberOf ?o }")
>>> result.kind, result.boolean
('ask', False)
>>> run(kg, "SELECT * WHERE { ?s foo:bar ?o }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
innograph.errors.UsageError: unknown prefix 'foo:' in the query; declare it (PREFIX foo: <...>) or use one of...
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import pyoxigraph as ox

from innograph.errors import UsageError
from innograph.ontology import PREFIXES, shorten

TABULAR_FORMATS = ("json", "csv", "tsv", "xml")
GRAPH_FORMATS = ("ttl", "nt", "jsonld", "xml")

_RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}
_RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}

@dataclass
class QueryResult:
    """The outcome of a query: ``kind`` is 'select', 'ask' or 'graph'."""

    kind: str
    raw: Any

    @property
    def boolean(self) -> bool | None:
        return bool(self.raw) if self.kind == "ask" else None

    @property
    def variables(self) -> list[str]:
        return [v.value for v in self.raw.variables] if self.kind == "select" else []

    def solutions(self) -> Iterator[dict[str, ox.Term | None]]:
        """SELECT solutions as dicts of terms (consumes the result)."""
        names = self.variables
        for solution in self.raw:
            yield {name: solution[name] for name in names}

    rows = solutions  # the name the tests of the loaders use

    def to_dicts(self) -> list[dict[str, str]]:
        """Flat rows for tables: each term as text (prefixed IRI, literal value); an ASK gives
        one row ``{"answer": "yes"|"no"}`` (consumes the result)."""
        if self.kind == "ask":
            return [{"answer": "yes" if self.boolean else "no"}]
        if self.kind == "graph":
            return [{"subject": term_text(t.subject), "predicate": term_text(t.predicate),
                     "object": term_text(t.object)} for t in self.raw]
        return [{name: term_text(term) for name, term in row.items()} for row in self.solutions()]

    @property
    def columns(self) -> list[str]:
        if self.kind == "ask":
            return ["answer"]
        if self.kind == "graph":
            return ["subject", "predicate", "object"]
        return self.variables

    def serialize(self, out: IO[bytes], fmt: str) -> None:
        """Write the result to the binary stream `out` in a W3C format (see TABULAR_FORMATS,
        GRAPH_FORMATS); consumes the result."""
        if self.kind == "graph":
            if fmt not in _RDF_FORMATS:
                raise UsageError(f"a CONSTRUCT/DESCRIBE result prints as {', '.join(GRAPH_FORMATS)}, not {fmt!r}")
            prefixes = PREFIXES if fmt in ("ttl", "xml") else None
            out.write(ox.serialize(list(self.raw), format=_RDF_FORMATS[fmt], prefixes=prefixes) or b"")
            return
        if fmt not in _RESULT_FORMATS:
            raise UsageError(f"a SELECT/ASK result prints as {', '.join(TABULAR_FORMATS)}, not {fmt!r}")
        if self.kind == "ask" and fmt in ("csv", "tsv"):
            # The W3C CSV/TSV formats have no boolean form; write one column, as Jena does.
            out.write(f"_askResult\n{'true' if self.boolean else 'false'}\n".encode())
            return
        self.raw.serialize(out, _RESULT_FORMATS[fmt])
        if fmt == "json":
            out.write(b"\n")


def run(kg, query: str, *, union: bool = True, service: bool = False, **options) -> QueryResult:
    """Run `query` (any SPARQL 1.1 query form) on `kg`; a bad query is a one-line usage error.

    The store's own guard (``KnowledgeGraph.query``) refuses updates, and ``SERVICE`` clauses
    unless `service` is true. Other `options` go to the store's query (``default_graph``,
    ``named_graphs``, ``substitutions``, ``base_iri``...).
    """
    if not query.strip():
        raise UsageError("the query is empty")
    try:
        raw = kg.query(query, union=union, allow_service=service, **options)
    except OSError as exc:  # Oxigraph reports evaluation failures (e.g. an unreachable SERVICE) as OSError
        raise UsageError(f"the query failed: {' '.join(str(exc).split())[:300]}") from None
    if isinstance(raw, ox.QueryBoolean):
        return QueryResult("ask", raw)
    if isinstance(raw, ox.QuerySolutions):
        return QueryResult("select", raw)
    return QueryResult("graph", raw)


def term_text(term: ox.Term | None) -> str:
    """A short human reading of a term: prefixed IRI, literal value, or blank node id."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


__all__ = ["QueryResult", "run", "term_text", "TABULAR_FORMATS", "GRAPH_FORMATS"]
