"""The SPARQL Update pieces the store commits with, built from checked IRIs and pyoxigraph terms."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator, Sequence

import pyoxigraph as ox

from innograph.errors import UsageError
from innograph.graph.formats import split_compression

_SAFE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")


def union_removal(leaving: Sequence[str]) -> list[str]:
    """Updates taking out of the default graph the triples of the `leaving` graphs that no other
    graph holds (run before those graphs are dropped or overwritten, in the same transaction)."""
    if not leaving:
        return []
    excluded = ", ".join(f"<{check_iri(g)}>" for g in leaving)
    return [
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h NOT IN ({excluded})) }} }}"
        for g in leaving
    ]


def union_removal_all() -> list[str]:
    """The update taking out of the default graph every triple no named graph holds."""
    return ["DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"]


def data_block(quads: Iterable[ox.Quad], *, default: bool = False) -> str:
    """Quads as SPARQL data (terms written by pyoxigraph's own N-Triples serializer)."""
    if default:
        return " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(check_iri(q.graph_name.value), []).append(f"{q.subject} {q.predicate} {q.object} .")
    return " ".join(f"GRAPH <{g}> {{ {' '.join(lines)} }}" for g, lines in by_graph.items())


def with_union(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """Each quad, then its triple in the default graph."""
    default = ox.DefaultGraph()
    for quad in quads:
        yield quad
        yield ox.Quad(quad.subject, quad.predicate, quad.object, default)


def into_graph(items: Iterable[ox.Triple | ox.Quad], graph: ox.NamedNode) -> Iterator[ox.Quad]:
    for item in items:
        yield ox.Quad(item.subject, item.predicate, item.object, graph)


def check_iri(iri: str) -> str:
    if not _SAFE_IRI.match(iri):
        raise UsageError(f"not a usable graph IRI: {iri!r}")
    return iri


#: What may start a blank node in each text format (a false alarm only costs a slower copy).
_BLANK_MARKS = {ox.RdfFormat.N_TRIPLES: (b"_:",), ox.RdfFormat.TURTLE: (b"_:", b"[", b"("),
                ox.RdfFormat.N3: (b"_:", b"[", b"(")}


def may_hold_blank_nodes(payload) -> bool:
    """Whether the file may hold blank nodes (which a second parse would name afresh): a byte scan,
    much faster than asking the store; formats without a simple mark always say yes."""
    marks = _BLANK_MARKS.get(payload.format)
    if marks is None:
        return True
    _, compression = split_compression(payload.file)
    opener = gzip.open if compression == ".gz" else open
    tail = b""
    with opener(payload.file, "rb") as stream:
        while chunk := stream.read(1 << 24):
            window = tail + chunk
            if any(mark in window for mark in marks):
                return True
            tail = chunk[-1:]
    return False


__all__ = ["may_hold_blank_nodes", "union_removal", "union_removal_all", "data_block", "with_union", "into_graph", "check_iri"]
