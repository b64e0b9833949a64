"""RDF serialization formats, guessed from file names.

>>> guess_format("people.ttl").name
'Turtle'
>>> guess_format("dump.nq.gz").name
'N-Quads'
>>> guess_format("notes.txt") is None
True
"""

from __future__ import annotations

from pathlib import PurePath

from pyoxigraph import RdfFormat

#: File extensions (lower case, without the compression suffix) and the format they mean.
EXTENSIONS: dict[str, RdfFormat] = {
    ".ttl": RdfFormat.TURTLE,
    ".turtle": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".ntriples": RdfFormat.N_TRIPLES,
    ".nq": RdfFormat.N_QUADS,
    ".nquads": RdfFormat.N_QUADS,
    ".trig": RdfFormat.TRIG,
    ".jsonld": RdfFormat.JSON_LD,
    ".json-ld": RdfFormat.JSON_LD,
    ".rdf": RdfFormat.RDF_XML,
    ".owl": RdfFormat.RDF_XML,
    ".xml": RdfFormat.RDF_XML,
    ".n3": RdfFormat.N3,
}

#: Short names accepted on the command line (`--format ttl`).
NAMES: dict[str, RdfFormat] = {
    "ttl": RdfFormat.TURTLE,
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "ntriples": RdfFormat.N_TRIPLES,
    "nq": RdfFormat.N_QUADS,
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD,
    "json-ld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
    "xml": RdfFormat.RDF_XML,
    "n3": RdfFormat.N3,
}

COMPRESSIONS = (".gz",)

#: Formats that can carry named graphs.
QUAD_FORMATS = frozenset({RdfFormat.N_QUADS, RdfFormat.TRIG, RdfFormat.JSON_LD})


def split_compression(name: str | PurePath) -> tuple[str, str | None]:
    """The file name without its compression suffix, and that suffix (or None)."""
    text = str(name)
    for suffix in COMPRESSIONS:
        if text.lower().endswith(suffix):
            return text[: -len(suffix)], suffix
    return text, None


def guess_format(name: str | PurePath) -> RdfFormat | None:
    """The RDF format a file name's extension says, or None."""
    base, _ = split_compression(name)
    return EXTENSIONS.get(PurePath(base).suffix.lower())


def format_by_name(name: str) -> RdfFormat:
    """The format for a short name such as ``ttl``; ValueError lists the valid names."""
    try:
        return NAMES[name.lower()]
    except KeyError:
        raise ValueError(
            f"unknown RDF format {name!r}; use one of: {', '.join(sorted(NAMES))}"
        ) from None
