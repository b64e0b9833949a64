"""Reading a SPARQL 1.1 Protocol request: which operation, which dataset, which format.

The three forms of the protocol are accepted for queries (GET with ``query=``, POST of an HTML
form, POST of ``application/sparql-query``) and the two forms for updates (POST of a form with
``update=``, POST of ``application/sparql-update``). Everything that the protocol calls an error
is a :class:`ProtocolError` carrying its HTTP status.

>>> parse_form(b"query=ASK%7B%7D&default-graph-uri=http%3A%2F%2Fex.org%2Fg")
{'query': ['ASK{}'], 'default-graph-uri': ['http://ex.org/g']}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs


class ProtocolError(Exception):
    """A request the protocol rejects: `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Operation:
    """What a request asks: a query or an update, its text and its dataset."""

    kind: str                                  # "query", "update" or "description"
    text: str = ""
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)


def parse_form(body: bytes) -> dict[str, list[str]]:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the form is not UTF-8 (byte {exc.start})") from None
    return parse_qs(text, keep_blank_values=True, strict_parsing=False)


def _single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise ProtocolError(400, f"the request gives {len(values)} '{name}' parameters; give exactly one")
    return values[0]


def _media(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _decode(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the {what} is not UTF-8 (byte {exc.start})") from None


def read_operation(method: str, url_params: dict[str, list[str]], content_type: str | None,
                   body: bytes) -> Operation:
    """The operation of a request to the SPARQL endpoint (see the module docstring)."""
    if method in ("GET", "HEAD"):
        if "update" in url_params:
            raise ProtocolError(400, "SPARQL Update is not allowed with GET; POST it")
        query = _single(url_params, "query")
        if query is None:
            return Operation("description")
        return _with_dataset(Operation("query", query), url_params)
    if method != "POST":
        raise ProtocolError(405, f"{method} is not a SPARQL protocol method; use GET or POST")
    media = _media(content_type)
    if media == "application/x-www-form-urlencoded":
        params = parse_form(body)
        query, update = _single(params, "query"), _single(params, "update")
        if query is not None and update is not None:
            raise ProtocolError(400, "the request gives both 'query' and 'update'; give one")
        if query is not None:
            return _with_dataset(Operation("query", query), params)
        if update is not None:
            return _with_dataset(Operation("update", update), params, update=True)
        raise ProtocolError(400, "the form has no 'query' or 'update' field")
    if media == "application/sparql-query":
        if "query" in url_params:
            raise ProtocolError(400, "a 'query' parameter in the URL and a query in the body; give one")
        return _with_dataset(Operation("query", _decode(body, "query")), url_params)
    if media == "application/sparql-update":
        return _with_dataset(Operation("update", _decode(body, "update")), url_params, update=True)
    if not media:
        raise ProtocolError(400, "a POST needs a Content-Type: application/sparql-query, "
                                 "application/sparql-update or application/x-www-form-urlencoded")
    raise ProtocolError(415, f"cannot read a request body of type {media!r}; use application/sparql-query, "
                             "application/sparql-update or application/x-www-form-urlencoded")


def _with_dataset(op: Operation, params: dict[str, list[str]], *, update: bool = False) -> Operation:
    default_key, named_key = ("using-graph-uri", "using-named-graph-uri") if update else (
        "default-graph-uri", "named-graph-uri")
    op.default_graphs = list(params.get(default_key, []))
    op.named_graphs = list(params.get(named_key, []))
    if update and (op.default_graphs or op.named_graphs):
        raise ProtocolError(400, "using-graph-uri / using-named-graph-uri are not supported; "
                                 "name the graphs with USING / WITH in the update")
    for iri in (*op.default_graphs, *op.named_graphs):
        if not iri or any(c in iri for c in ' <>"{}|\\^`') or ":" not in iri:
            raise ProtocolError(400, f"not an absolute IRI: {iri!r}")
    return op


__all__ = ["ProtocolError", "Operation", "read_operation", "parse_form"]
