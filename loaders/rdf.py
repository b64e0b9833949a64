"""RDF files in every common format: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML, N3.

Parsing is Oxigraph's own (streaming, bulk-loaded into the store); gzip-compressed files
(``.ttl.gz``) are read directly. A file is one source: every triple of it, from any graph
of a TriG or N-Quads file, goes to the file's own named graph.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import weakref
import zlib
from pathlib import Path

from innograph.errors import InputError, UsageError
from innograph.graph.formats import format_by_name, guess_format
from innograph.graph.iri import source_iri
from innograph.graph.sources import SourcePayload
from innograph.ontology.ns import SDO

_CHUNK = 1 << 20
#: A gzip file that inflates more than this many times its size (and past MAX_INFLATED_FLOOR
#: bytes) is a decompression bomb, not RDF: text RDF compresses about 5 to 30 times.
MAX_GZIP_RATIO = 1000
MAX_INFLATED_FLOOR = 256 << 20


def file_digest(path: Path, *, gzipped: bool = False) -> str:
    """sha256 of a file's bytes, read in chunks; a gzip file is also test-inflated, in chunks,
    so that a decompression bomb is refused before the store parses it."""
    digest = hashlib.sha256()
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
    read = inflated = 0
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
            read += len(chunk)
            while inflater is not None and chunk:
                inflated += len(inflater.decompress(chunk, _CHUNK * 16))
                chunk = inflater.unconsumed_tail
                if inflated > max(MAX_INFLATED_FLOOR, MAX_GZIP_RATIO * read):
                    raise InputError(f"a gzip bomb: {read:,} bytes inflate to more than {inflated:,}", path=path,
                                     hint="decompress it yourself if it really is RDF")
                if inflater.eof:  # a second gzip member: let the store's reader judge the rest
                    inflater = None
    return digest.hexdigest()


class RdfLoader:
    name = "rdf"
    description = "RDF files: .ttl .nt .nq .trig .jsonld .rdf/.owl/.xml .n3 (optionally .gz)"

    def accepts(self, path: Path) -> bool:
        return guess_format(path) is not None

    def read(self, path: Path, *, origin: str, options: dict) -> list[SourcePayload]:
        fmt_name = options.get("format")
        fmt = format_by_name(fmt_name) if fmt_name else guess_format(path)
        spool = None
        if str(path) == "-":
            if fmt is None:
                raise UsageError("reading RDF from standard input needs --format (ttl, nt, nq, trig, jsonld, xml)")
            path, spool = _spool_stdin()
        if fmt is None:
            raise InputError(
                "cannot tell the RDF format from the file name",
                path=path,
                hint="pass --format ttl|nt|nq|trig|jsonld|xml",
            )
        try:
            digest = file_digest(path, gzipped=str(path).lower().endswith(".gz"))
        except OSError as exc:
            raise InputError(f"cannot read the file: {exc.strerror or exc}", path=path) from None
        except zlib.error as exc:
            raise InputError(f"not a readable gzip file: {exc}", path=path) from None
        finally:
            if spool is not None and sys.exc_info()[0] is not None:
                _unlink(spool)
        label = options.get("name") or Path(origin).name
        payload = SourcePayload(
            iri=source_iri(origin),
            label=label,
            loader=self.name,
            types=(str(SDO.Dataset),),
            file=path,
            format=fmt,
            base_iri=options.get("base_iri") or _base_for(origin),
            content_hash=digest,
        )
        if spool is not None:
            # The spooled copy of standard input goes when the payload does (or at exit).
            weakref.finalize(payload, _unlink, spool)
        return [payload]


def _base_for(origin: str) -> str | None:
    """A file: IRI to resolve relative IRIs against, as RDF tools do for local files."""
    if origin == "-" or origin.startswith("<"):
        return None
    return Path(origin).resolve().as_uri()


def _spool_stdin() -> tuple[Path, Path]:
    """Copy standard input to a temporary file so it can be hashed and bulk-loaded; the caller
    removes it (a failed copy removes it here)."""
    spool = tempfile.NamedTemporaryFile(prefix="innograph-stdin-", delete=False)
    try:
        with spool:
            while chunk := sys.stdin.buffer.read(_CHUNK):
                spool.write(chunk)
    except BaseException:
        _unlink(Path(spool.name))
        raise
    return Path(spool.name), Path(spool.name)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
