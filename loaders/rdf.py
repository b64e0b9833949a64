"""RDF files in every common format: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML, N3.

Parsing is Oxigraph's own (streaming, bulk-loaded into the store); gzip-compressed files
(``.ttl.gz``) are read directly. A file is one source: every triple of it, from any graph
of a TriG or N-Quads file, goes to the file's own named graph.
"""

from __future__ import annotations

import gzip
import hashlib
import re
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
from pyoxigraph import RdfFormat

_CHUNK = 1 << 20
#: RDF/XML nested deeper than this is refused (the parser slows down quadratically with depth),
#: and so is an internal DTD whose entities expand past MAX_ENTITY_EXPANSION characters.
MAX_XML_DEPTH = 2_000
MAX_ENTITY_EXPANSION = 1 << 20
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
        if fmt == RdfFormat.RDF_XML:
            check_xml(path)
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


_TAG = re.compile(rb"<(/?)[^\s>/!?][^>]*?(/?)>")
_ENTITY = re.compile(rb"""<!ENTITY\s+(%\s+)?([^\s"']+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC))""")
_REFERENCE = re.compile(rb"[&%]([^\s;&%]+);")


def check_xml(path: Path) -> None:
    """Refuse an XML bomb before the parser sees it: entities that expand without bound (billion
    laughs), and elements nested so deep that parsing would take hours. Streams the file once."""
    opener = gzip.open if str(path).lower().endswith(".gz") else open
    depth, line, carry, first = 0, 1, b"", True
    try:
        with opener(path, "rb") as stream:
            while chunk := stream.read(_CHUNK):
                data = carry + chunk
                if first:
                    _check_entities(data, path)
                    first = False
                cut = data.rfind(b">") + 1
                for m in _TAG.finditer(data, 0, cut):
                    if m.group(1):
                        depth -= 1
                    elif not m.group(2):
                        depth += 1
                        if depth > MAX_XML_DEPTH:
                            line += data.count(b"\n", 0, m.start())
                            raise InputError(f"XML nested more than {MAX_XML_DEPTH:,} elements deep", path=path,
                                             line=line, hint="this is not RDF/XML data a person or a tool writes")
                line += data.count(b"\n", 0, cut)
                carry = data[cut:][-(1 << 20):]
    except (OSError, EOFError, zlib.error):
        return  # unreadable: the store's reader says so with the file's name


def _check_entities(head: bytes, path: Path) -> None:
    values: dict[bytes, bytes | None] = {}
    for m in _ENTITY.finditer(head):
        values[m.group(2)] = None if m.group(5) else (m.group(3) if m.group(3) is not None else m.group(4))
    sizes: dict[bytes, int] = {}

    def size(name: bytes, seen: tuple = ()) -> int:
        if name in sizes:
            return sizes[name]
        value = values.get(name)
        if value is None or name in seen:
            return len(name) + 2
        total = len(_REFERENCE.sub(b"", value))
        for ref in _REFERENCE.findall(value):
            total += size(ref, (*seen, name))
            if total > MAX_ENTITY_EXPANSION:
                break
        sizes[name] = total
        return total

    for name in values:
        if size(name) > MAX_ENTITY_EXPANSION:
            raise InputError(f"an XML entity bomb: &{name.decode(errors='replace')}; expands past "
                             f"{MAX_ENTITY_EXPANSION:,} characters", path=path, hint="entities are not expanded this far")
