"""Replacing a source by its difference, and reading RDF files with errors that name the line.

Replacing a source whole (write the new version to a staging graph, then ``MOVE`` it over the old
one in the commit) costs a transactional delete of every old quad and a transactional insert of
every new one: on a 150k-triple table, about 30 s of CPU where the first load took 5 s. A source
that is loaded again has usually changed a little (a member list with three new rows, a dataset's
monthly update). So when both versions fit in memory and neither holds blank nodes (which a new
parse names afresh, so they never compare equal), the commit carries only the difference: the
triples to delete and to insert in the source's graph, and the same change in the default graph
(a triple leaves it only when no graph holds it any more). Still one SPARQL Update, one
transaction: the replacement is all-or-nothing as before.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from itertools import chain
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from innograph.errors import InputError
from innograph.graph import snapshots
from innograph.graph.formats import QUAD_FORMATS, split_compression
from innograph.graph.storeops import data_block

#: Above this many triples (in either version) a replacement is staged and moved whole: the
#: difference needs both versions in memory (about 200 bytes a triple).
MAX_DIFF_TRIPLES = 2_000_000
_PLAIN = frozenset({ox.NamedNode("http://www.w3.org/2001/XMLSchema#string"),
                    ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")})
#: RDF files larger than this are staged without being read in Python first.
MAX_DIFF_FILE_BYTES = 256 << 20


@contextmanager
def reading(path: Path, format_name: str = "RDF") -> Iterator[None]:
    """Turn a parser's or the file system's error into an InputError naming the file and line."""
    try:
        yield
    except SyntaxError as exc:
        raise InputError(
            f"not valid {format_name}: {exc.msg}",
            path=path,
            line=exc.lineno,
            column=exc.offset,
            hint="fix the file or pass the right --format",
        ) from None
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        if isinstance(exc, OSError) and snapshots.is_disk_full(exc):
            raise
        raise InputError(f"cannot read the file: {exc}", path=path) from None
    except MemoryError as exc:  # the parser's bounded buffer: one term or line over 16 MiB
        raise InputError(f"a term or line is too long to parse ({exc})", path=path,
                         hint="an IRI or literal this long is not data; check the file (or its compression)") from None


def open_rdf(path: Path):
    """An RDF file opened for reading (decompressed when its name ends in .gz)."""
    _, compression = split_compression(path)
    return (gzip.open if compression == ".gz" else open)(path, "rb")


def parse_file(payload) -> Iterator:
    """The triples (or quads) of a payload's file, parsed by pyoxigraph in this process."""
    path = Path(payload.file)
    with reading(path, payload.format.name), open_rdf(path) as stream:
        options = {"rename_blank_nodes": True} if payload.format in QUAD_FORMATS else {}
        yield from ox.parse(stream, payload.format, base_iri=payload.base_iri, **options)


def new_version(payload) -> set[ox.Triple] | None:
    """The payload's data as a set of triples as the store would hold them, or None when a
    replacement cannot go by difference (blank nodes, or too large). `payload.triples` must be a
    list or tuple, not a one-pass stream."""
    if payload.file is not None and Path(payload.file).stat().st_size > MAX_DIFF_FILE_BYTES:
        return None
    triples = _triples(chain(parse_file(payload) if payload.file is not None else (), payload.triples or ()))
    return None if triples is None else as_stored(triples)


def as_stored(triples: set[ox.Triple]) -> set[ox.Triple]:
    """The triples with their typed literals as the store writes them back: Oxigraph keeps the
    value of a number, a date or a boolean, not its spelling ("2.50"^^xsd:decimal comes back as
    "2.5"), so the new version is compared in the store's own spelling — asked of an in-memory
    Oxigraph store, never guessed."""
    typed = {t.object for t in triples if isinstance(t.object, ox.Literal) and t.object.datatype not in _PLAIN}
    if not typed:
        return triples
    scratch, holds = ox.Store(), ox.NamedNode("urn:innograph:holds")
    keys = {ox.NamedNode(f"urn:innograph:literal:{i}"): literal for i, literal in enumerate(typed)}
    scratch.extend(ox.Quad(key, holds, literal, ox.DefaultGraph()) for key, literal in keys.items())
    stored = {keys[q.subject]: q.object for q in scratch.quads_for_pattern(None, holds, None)}
    return {ox.Triple(t.subject, t.predicate, stored.get(t.object, t.object)) for t in triples}


def old_version(store: ox.Store, graph: ox.NamedNode) -> set[ox.Triple] | None:
    """The triples a graph holds now, or None when it holds blank nodes or too many triples."""
    return _triples(store.quads_for_pattern(None, None, None, graph))


def _triples(items: Iterable) -> set[ox.Triple] | None:
    triples: set[ox.Triple] = set()
    for item in items:
        if _blank(item.subject) or _blank(item.object) or len(triples) >= MAX_DIFF_TRIPLES:
            return None
        triples.add(ox.Triple(item.subject, item.predicate, item.object))
    return triples


def _blank(term) -> bool:
    return isinstance(term, (ox.BlankNode, ox.Triple))


def difference(graph: ox.NamedNode, old: set[ox.Triple], new: set[ox.Triple]) -> list[str]:
    """The update operations turning `old` into `new` in `graph`, the default graph in step."""
    leaving = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in old - new]
    coming = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in new - old]
    return edit_operations(leaving, coming)


def edit_operations(remove: Iterable[ox.Quad], add: Iterable[ox.Quad]) -> list[str]:
    """Remove then add quads of named graphs, and set the default graph right: an added triple
    enters it, a removed one leaves it when no graph holds it any more. IRIs and literals only."""
    deletes, inserts = list(remove), list(add)
    parts = []
    if deletes:
        parts.append(f"DELETE DATA {{ {data_block(deletes)} }}")
    if inserts:
        parts.append(f"INSERT DATA {{ {data_block(inserts)} {data_block(inserts, default=True)} }}")
    if deletes:
        rows = " ".join(f"({q.subject} {q.predicate} {q.object})" for q in deletes)
        parts.append(f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{ {rows} }} ?s ?p ?o "
                     "FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } } }")
    return parts


__all__ = ["MAX_DIFF_TRIPLES", "MAX_DIFF_FILE_BYTES", "reading", "open_rdf", "parse_file", "new_version", "as_stored",
           "old_version", "difference", "edit_operations"]
