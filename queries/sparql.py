"""Run SPARQL queries on the knowledge graph and write their results in standard formats.

Result formats follow the W3C recommendations: SPARQL 1.1 Query Results JSON, CSV and TSV for
SELECT and ASK; Turtle, N-Triples or JSON-LD for CONSTRUCT and DESCRIBE. The default graph is
the union of every source's named graph, and the ontology's prefixes (``org:``, ``schema:``,
``ig:``...) are predeclared.

>>> from innograph.graph.store import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> result = run(kg, "ASK { ?s org:memberOf ?o }")
>>> result.kind, result.boolean
('ask', False)
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

import pyoxigraph as ox

from innograph.errors import UsageError
from innograph.ontology import PREFIXES, shorten

TABULAR_FORMATS = ("table", "json", "csv", "tsv", "xml")
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
    raw: object

    @property
    def boolean(self) -> bool | None:
        return bool(self.raw) if self.kind == "ask" else None

    @property
    def variables(self) -> list[str]:
        return [v.value for v in self.raw.variables] if self.kind == "select" else []

    def rows(self) -> Iterator[dict[str, ox.Term | None]]:
        """SELECT solutions as dicts (consumes the result)."""
        names = self.variables
        for solution in self.raw:
            yield {name: solution[name] for name in names}


def run(kg, query: str, *, union: bool = True) -> QueryResult:
    """Run `query` (any SPARQL 1.1 query form) on `kg`; a syntax error is a usage error."""
    if not query.strip():
        raise UsageError("the query is empty")
    try:
        raw = kg.store.query(query, prefixes=PREFIXES, use_default_graph_as_union=union)
    except SyntaxError as exc:
        raise UsageError(f"SPARQL syntax error: {exc}") from None
    except OSError as exc:  # Oxigraph reports evaluation failures (e.g. SERVICE) as OSError
        raise UsageError(f"the query failed: {exc}") from None
    if isinstance(raw, ox.QueryBoolean):
        return QueryResult("ask", raw)
    if isinstance(raw, ox.QuerySolutions):
        return QueryResult("select", raw)
    return QueryResult("graph", raw)


def write(result: QueryResult, fmt: str, out: IO[bytes], *, console=None, err=None) -> None:
    """Write `result` to the binary stream `out` in `fmt` (see TABULAR_FORMATS, GRAPH_FORMATS).

    The ``table`` format prints to the rich `console` instead, and its row count to `err`.
    """
    if result.kind == "graph":
        if fmt == "table":
            fmt = "ttl"
        if fmt not in _RDF_FORMATS:
            raise UsageError(f"a CONSTRUCT/DESCRIBE result prints as {', '.join(GRAPH_FORMATS)}, not {fmt!r}")
        triples = list(result.raw)
        prefixes = PREFIXES if fmt in ("ttl", "xml") else None
        out.write(ox.serialize(triples, format=_RDF_FORMATS[fmt], prefixes=prefixes) or b"")
        return
    if fmt == "table":
        _write_table(result, console, err)
        return
    if fmt not in _RESULT_FORMATS:
        raise UsageError(f"a SELECT/ASK result prints as {', '.join(TABULAR_FORMATS)}, not {fmt!r}")
    if result.kind == "ask" and fmt in ("csv", "tsv"):
        # The W3C CSV/TSV formats have no boolean form; write one column, as Jena does.
        out.write(f"_askResult\n{'true' if result.boolean else 'false'}\n".encode())
        return
    result.raw.serialize(out, _RESULT_FORMATS[fmt])
    if fmt == "json":
        out.write(b"\n")


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


def _write_table(result: QueryResult, console, err=None) -> None:
    from rich.table import Table

    if result.kind == "ask":
        console.print("yes" if result.boolean else "no")
        return
    table = Table(show_lines=False, header_style="bold")
    names = result.variables
    for name in names:
        table.add_column(name, overflow="fold")
    count = 0
    for row in result.rows():
        table.add_row(*(term_text(row[name]) for name in names))
        count += 1
    console.print(table)
    if err is not None:
        err.print(f"{count} row{'s' if count != 1 else ''}", style="dim", highlight=False)


def to_json(result: QueryResult) -> dict:
    """The W3C SPARQL results JSON of a SELECT or ASK result as a Python dict."""
    buffer = io.BytesIO()
    result.raw.serialize(buffer, ox.QueryResultsFormat.JSON)
    return json.loads(buffer.getvalue())
