"""RDF files in every common format: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML, N3.

Parsing is Oxigraph's own (streaming, bulk-loaded into the store); gzip-compressed files
(``.ttl.gz``) are read directly. A file is one source: every triple of it, from any graph
of a TriG or N-Quads file, goes to the file's own named graph.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path


from innograph.errors import InputError, UsageError
from innograph.graph.formats import format_by_name, guess_format
from innograph.graph.iri import source_iri
from innograph.graph.sources import SourcePayload
from innograph.ontology.ns import SDO

_CHUNK = 1 << 20


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class RdfLoader:
    name = "rdf"
    description = "RDF files: .ttl .nt .nq .trig .jsonld .rdf/.owl/.xml .n3 (optionally .gz)"

    def accepts(self, path: Path) -> bool:
        return guess_format(path) is not None

    def read(self, path: Path, *, origin: str, options: dict) -> list[SourcePayload]:
        fmt_name = options.get("format")
        fmt = format_by_name(fmt_name) if fmt_name else guess_format(path)
        if str(path) == "-":
            if fmt is None:
                raise UsageError("reading RDF from standard input needs --format (ttl, nt, nq, trig, jsonld, xml)")
            path = _spool_stdin()
        if fmt is None:
            raise InputError(
                "cannot tell the RDF format from the file name",
                path=path,
                hint="pass --format ttl|nt|nq|trig|jsonld|xml",
            )
        try:
            digest = file_digest(path)
        except OSError as exc:
            raise InputError(f"cannot read the file: {exc.strerror or exc}", path=path) from None
        label = options.get("name") or Path(origin).name
        return [
            SourcePayload(
                iri=source_iri(origin),
                label=label,
                loader=self.name,
                types=(str(SDO.Dataset),),
                file=path,
                format=fmt,
                base_iri=options.get("base_iri") or _base_for(origin),
                content_hash=digest,
            )
        ]


def _base_for(origin: str) -> str | None:
    """A file: IRI to resolve relative IRIs against, as RDF tools do for local files."""
    if origin == "-" or origin.startswith("<"):
        return None
    return Path(origin).resolve().as_uri()


def _spool_stdin() -> Path:
    """Copy standard input to a temporary file so it can be hashed and bulk-loaded."""
    spool = tempfile.NamedTemporaryFile(prefix="innograph-stdin-", delete=False)
    with spool:
        while chunk := sys.stdin.buffer.read(_CHUNK):
            spool.write(chunk)
    return Path(spool.name)
