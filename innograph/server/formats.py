"""Result formats of the SPARQL 1.1 Protocol and content negotiation.

SELECT and ASK results are written as SPARQL 1.1 Query Results JSON, XML, CSV or TSV; CONSTRUCT
and DESCRIBE results as Turtle, N-Triples, JSON-LD or RDF/XML. A client names what it wants with
the ``Accept`` header (quality values honoured) or, from a browser, with a ``format=`` parameter
(a short name such as ``json`` or ``ttl``, or a media type).

>>> negotiate("application/sparql-results+xml;q=0.9, application/sparql-results+json", SOLUTIONS).name
'json'
>>> negotiate("text/html", SOLUTIONS) is None
True
>>> negotiate("*/*", GRAPHS).name
'ttl'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    aliases: tuple[str, ...] = ()

    def matches(self, media: str) -> bool:
        return media == self.media_type or media in self.aliases


#: For SELECT and ASK, in order of preference when the client accepts anything.
SOLUTIONS = (
    Format("json", "application/sparql-results+json", ("application/json",)),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml")),
    Format("csv", "text/csv"),
    Format("tsv", "text/tab-separated-values"),
)
#: For CONSTRUCT and DESCRIBE.
GRAPHS = (
    Format("ttl", "text/turtle", ("application/x-turtle", "application/turtle", "text/n3", "text/rdf+n3")),
    Format("nt", "application/n-triples", ("text/plain",)),
    Format("jsonld", "application/ld+json", ("application/json", "application/x-json+ld")),
    Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml")),
)
_RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_SHORT = {"turtle": "ttl", "n3": "ttl", "ntriples": "nt", "n-triples": "nt", "json-ld": "jsonld", "rdf": "rdfxml",
          "sparql-results+json": "json", "srj": "json", "srx": "xml"}


def _accepted(accept: str) -> list[tuple[float, int, str]]:
    """(quality, position, media type) of an Accept header, best first."""
    items = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            items.append((-quality, position, media))
    return sorted(items)


def negotiate(accept: str | None, choices: tuple[Format, ...], requested=None) -> Format | None:
    """The format to answer with, or None when nothing the client accepts fits (HTTP 406).

    `requested` is the ``format=`` parameter (a string or a list of them, each a short name, a
    media type or a comma-separated list of those); a name it does not know is passed over and
    the ``Accept`` header decides.
    """
    if isinstance(requested, str):
        requested = [requested]
    for value in requested or ():
        for wanted in value.split(","):
            found = _by_name(wanted.strip().lower(), choices)
            if found is not None:
                return found
    if not accept or not accept.strip():
        return choices[0]
    for _, _, media in _accepted(accept):
        if media in ("*/*", "application/*"):
            return choices[0]
        if media == "text/*":
            return next(f for f in choices if f.media_type.startswith("text/"))
        for fmt in choices:
            if fmt.matches(media):
                return fmt
    return None


def _by_name(wanted: str, choices: tuple[Format, ...]) -> Format | None:
    wanted = _SHORT.get(wanted, wanted)
    for fmt in choices:
        if fmt.name == wanted or fmt.matches(wanted):
            return fmt
    if wanted == "xml":  # RDF/XML for a graph result, SPARQL XML for solutions
        return next((f for f in choices if f.name in ("xml", "rdfxml")), None)
    return None


# -- SELECT / ASK ---------------------------------------------------------------------------------
def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
                f"</predicate><object>{_xml_term(term.object)}</object></triple>")
    raise TypeError(f"not an RDF term: {term!r}")


def _csv_field(term) -> str:
    if term is None:
        return ""
    text = term.value if not isinstance(term, ox.BlankNode) else "_:" + term.value
    if isinstance(term, ox.Triple):
        text = str(term)
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _tsv_field(term) -> str:
    if term is None:
        return ""
    text = str(term)  # N-Triples syntax, as the TSV format asks
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def write_solutions(fmt: Format, variables: list[str], rows: list[list]) -> bytes:
    """SELECT results (`rows` of terms or None, in `variables` order) in `fmt`."""
    if fmt.name == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False, separators=(",", ":")).encode()
    if fmt.name == "xml":
        parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        parts += [f"<variable name={quoteattr(v)}/>" for v in variables]
        parts.append("</head><results>")
        for row in rows:
            parts.append("<result>")
            parts += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                      for v, t in zip(variables, row) if t is not None]
            parts.append("</result>")
        parts.append("</results></sparql>\n")
        return "".join(parts).encode()
    if fmt.name == "csv":
        lines = [",".join(variables)] + [",".join(_csv_field(t) for t in row) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode()
    lines = ["\t".join("?" + v for v in variables)] + ["\t".join(_tsv_field(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def write_boolean(fmt: Format, value: bool) -> bytes:
    """ASK results in `fmt` (CSV and TSV have no boolean form: one column, as Jena writes it)."""
    word = "true" if value else "false"
    if fmt.name == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt.name == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{word}</boolean></sparql>\n").encode()
    return f"{'?' if fmt.name == 'tsv' else ''}_askResult\n{word}\n".encode()


def write_graph(fmt: Format, triples: list, prefixes: dict[str, str] | None = None) -> bytes:
    """CONSTRUCT / DESCRIBE results in `fmt`."""
    usable = prefixes if fmt.name in ("ttl", "rdfxml") else None
    return ox.serialize(triples, format=_RDF_FORMATS[fmt.name], prefixes=usable) or b""


def content_type(fmt: Format) -> str:
    textual = fmt.media_type.startswith("text/") or fmt.name in ("json", "xml", "jsonld", "nt", "rdfxml")
    return f"{fmt.media_type}; charset=utf-8" if textual else fmt.media_type


__all__ = ["Format", "SOLUTIONS", "GRAPHS", "negotiate", "write_solutions", "write_boolean", "write_graph",
           "content_type"]
