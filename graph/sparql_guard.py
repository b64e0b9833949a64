"""Checks a SPARQL query before the store runs it: no updates, no SERVICE unless allowed, and
one-line errors (an unknown prefix is named, not answered with a page of Unicode ranges).

The query text is split into tokens (comments, IRIs, strings, variables and prefixed names are
recognised first), so a keyword inside a string, an IRI or a variable name is never mistaken for
one in the query.

>>> check_query("SELECT * WHERE { ?s ?p 'SERVICE' }")
>>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
innograph.errors.UsageError: the query calls SERVICE <http://example.org/sparql>: federated queries are refused here (nothing was contacted); allow them explicitly (service=True in Python; the command line allows them unless --no-service) if you trust that endpoint
>>> check_query("PREFIX ex: <http://example.org/> DROP ALL")
Traceback (most recent call last):
...
innograph.errors.UsageError: DROP is a SPARQL update; this is a read-only query path (updates are refused, nothing was changed)
>>> undeclared_prefixes("SELECT * WHERE { ?s foo:bar ?o ; rdfs:label 'x:y' }", {"rdfs": "..."})
['foo']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from innograph.errors import UsageError

_TOKENS = re.compile(
    r"""
      (?P<comment>\#[^\n]*)
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<string>\"\"\"(?:[^\\]|\\.)*?\"\"\"|'''(?:[^\\]|\\.)*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<var>[?$][^\s(){}.,;<>"'=!|&+*/^\[\]]*)
    | (?P<pname>(?P<prefix>[A-Za-z][\w.\-]*)?:(?:[\w\-%.:]|\\.)*)
    | (?P<blank>_:[\w.\-]*)
    | (?P<word>[A-Za-z][\w\-]*)
    | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)

#: The words that start a SPARQL Update operation.
UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})


def _tokens(sparql: str) -> Iterator[tuple[str, str, str | None]]:
    """(kind, text, prefix) for each token outside comments."""
    for match in _TOKENS.finditer(sparql):
        kind = match.lastgroup if match.lastgroup != "prefix" else "pname"
        if match.group("pname") is not None:
            kind = "pname"
        if kind != "comment":
            yield kind, match.group(0), match.group("prefix") if kind == "pname" else None


def check_query(sparql: str, *, allow_service: bool = False) -> None:
    """Refuse updates always, and SERVICE unless `allow_service` (UsageError naming it)."""
    tokens = list(_tokens(sparql))
    for kind, text, _ in tokens:
        if kind != "word" or text.upper() in ("PREFIX", "BASE"):
            continue
        if text.upper() in UPDATE_WORDS:
            raise UsageError(
                f"{text.upper()} is a SPARQL update; this is a read-only query path (updates are refused, nothing was changed)"
            )
        break
    if allow_service:
        return
    for index, (kind, text, _) in enumerate(tokens):
        if kind == "word" and text.upper() == "SERVICE":
            rest = [t for k, t, _ in tokens[index + 1:index + 3] if t.upper() != "SILENT"]
            target = rest[0] if rest else "?"
            raise UsageError(
                f"the query calls SERVICE {target}: federated queries are refused here (nothing was contacted); "
                "allow them explicitly (service=True in Python; the command line allows them unless --no-service) if you trust that endpoint"
            )


def check_update(sparql: str, *, allow_service: bool = False) -> str:
    """Refuse LOAD (it reads files or URLs) and SERVICE unless allowed; return the update without
    a trailing ';' so that more operations can follow it."""
    tokens = list(_tokens(sparql))
    for kind, text, _ in tokens:
        if kind == "word" and text.upper() == "LOAD":
            raise UsageError("LOAD is refused: it would read a file or a URL; load data with `innograph load`")
    if not allow_service and any(kind == "word" and text.upper() == "SERVICE" for kind, text, _ in tokens):
        raise UsageError("the update calls SERVICE: federated requests are refused here (nothing was contacted)")
    body = _TOKENS.sub(lambda m: " " if m.lastgroup == "comment" else m.group(0), sparql).strip()
    return body[:-1].rstrip() if body.endswith(";") else body


def undeclared_prefixes(sparql: str, known: Mapping[str, str] | None = None) -> list[str]:
    """Prefixes the query uses but neither declares nor finds in `known`, in order of use."""
    tokens = list(_tokens(sparql))
    declared = set(known or {})
    for index, (kind, text, _) in enumerate(tokens):
        if kind == "word" and text.upper() == "PREFIX" and index + 1 < len(tokens):
            declared.add(tokens[index + 1][1].split(":", 1)[0])
    used: list[str] = []
    for index, (kind, _, prefix) in enumerate(tokens):
        previous = tokens[index - 1][1].upper() if index else ""
        if kind == "pname" and previous != "PREFIX":
            name = prefix or ""
            if name not in declared and name not in used:
                used.append(name)
    return used


def query_error(exc: SyntaxError, sparql: str, known: Mapping[str, str] | None = None) -> UsageError:
    """A one-line UsageError for a query pyoxigraph could not parse."""
    message = str(exc.msg if getattr(exc, "msg", None) else exc)
    if "Prefix not found" in message or "prefix" in message.lower():
        missing = undeclared_prefixes(sparql, known)
        if missing:
            names = ", ".join(f"'{p}:'" for p in missing)
            available = ", ".join(sorted(known or {}))
            return UsageError(
                f"unknown prefix {names} in the query; declare it (PREFIX {missing[0]}: <...>)"
                + (f" or use one of the known prefixes: {available}" if available else "")
            )
    first = message.splitlines()[0] if message else "invalid query"
    if len(first) > 200:
        first = first[:200] + "..."
    return UsageError(f"invalid SPARQL query: {first}")


__all__ = ["check_query", "check_update", "query_error", "undeclared_prefixes", "UPDATE_WORDS"]
