"""Named queries: SPARQL files with declared, typed parameters.

A named query is a ``.rq`` file whose first comment lines declare it::

    # title: Members of an organization (a cluster, a network)
    # param org: organization — the organization whose members to list
    # param since: date, optional — only members that joined on or after this day

Parameters are bound as RDF terms through pyoxigraph's ``substitutions`` (SEP-0007), never
spliced into the query text: ``"} ; DROP ALL #"`` given as a name is just an odd string. Types:

* ``organization`` / ``entity`` — an IRI, or a name looked up as ``innograph show`` does;
* ``iri`` — an absolute IRI; ``string``; ``date`` (``xsd:date``, ``2020``, ``2020-05`` accepted);
* ``integer``, ``decimal``; ``kind`` — an organization kind name (``hospital`` → ``ig:Hospital``).

The shipped queries live in ``queries/sparql/``; more folders can be added (``--queries DIR``).

>>> q = NamedQuery.parse("members", "# title: T\\n# param org: organization — who\\nSELECT * { ?m org:memberOf ?org }")
>>> q.params[0].name, q.params[0].type, q.params[0].optional
('org', 'organization', False)
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from innograph.errors import NotFoundError, UsageError

SHIPPED = Path(__file__).resolve().parent / "sparql"
TYPES = ("organization", "entity", "iri", "string", "date", "integer", "decimal", "kind")
_HEADER = re.compile(r"^#\s*(?P<key>title|description|param)\b\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)?\s*:\s*(?P<rest>.*)$")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    optional: bool = False
    description: str = ""


@dataclass
class NamedQuery:
    name: str
    text: str
    title: str = ""
    description: str = ""
    params: list[Param] = field(default_factory=list)
    path: str | None = None

    @classmethod
    def parse(cls, name: str, text: str, path: str | None = None) -> NamedQuery:
        query = cls(name=name, text=text, path=path)
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.startswith("#"):
                break
            match = _HEADER.match(line)
            if not match:
                continue
            key, rest = match["key"], match["rest"].strip()
            if key == "title":
                query.title = rest
            elif key == "description":
                query.description = (query.description + " " + rest).strip()
            else:
                query.params.append(_param(match["name"], rest, where=f"{path or name}:{lineno}"))
        return query

    def describe(self) -> dict:
        return {"name": self.name, "title": self.title, "description": self.description,
                "params": [{"name": p.name, "type": p.type, "optional": p.optional, "description": p.description}
                           for p in self.params], "text": self.text}

    def bind(self, values: dict[str, str], resolve=None) -> dict[ox.Variable, ox.Term]:
        """Substitutions for `values`; `resolve(name) -> IRI` looks organizations up by name."""
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            listed = ", ".join(sorted(known)) or "none"
            raise UsageError(f"the query {self.name!r} has no parameter {', '.join(unknown)}; its parameters: {listed}")
        bound = {}
        for p in self.params:
            value = values.get(p.name)
            if value is None or value == "":
                if not p.optional:
                    raise UsageError(f"the query {self.name!r} needs --param {p.name}=... ({p.type}: {p.description})")
                continue
            bound[ox.Variable(p.name)] = _term(p, str(value), resolve)
        return bound


def _param(name: str | None, rest: str, *, where: str) -> Param:
    if not name:
        raise UsageError(f"{where}: a '# param NAME: TYPE — description' line without a name")
    head, description = _split(rest)
    words = [w.strip() for w in head.split(",")]
    kind, optional = words[0].lower(), "optional" in (w.lower() for w in words[1:])
    if kind not in TYPES:
        raise UsageError(f"{where}: unknown parameter type {kind!r}; use one of {', '.join(TYPES)}")
    return Param(name, kind, optional, description.strip())


def _split(rest: str) -> tuple[str, str]:
    """'TYPE[, optional] — description' -> (type part, description)."""
    parts = re.split(r"\s+(?:—|--|-)\s+", rest, maxsplit=1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def _term(p: Param, value: str, resolve) -> ox.Term:
    try:
        if p.type in ("organization", "entity"):
            if re.match(r"^[a-z][a-z0-9+.-]*://\S+$", value, re.I):
                return ox.NamedNode(value)
            if resolve is None:
                raise UsageError(f"{p.name}: give an IRI")
            return ox.NamedNode(resolve(value))
        if p.type == "iri":
            if not re.match(r"^[a-z][a-z0-9+.-]*:\S+$", value, re.I) or any(c in value for c in '<>"{}|\\^`'):
                raise ValueError(value)
            return ox.NamedNode(value)
        if p.type == "date":
            return ox.Literal(_date(value), datatype=ox.NamedNode(_XSD + "date"))
        if p.type == "integer":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode(_XSD + "integer"))
        if p.type == "decimal":
            return ox.Literal(str(Decimal(value)), datatype=ox.NamedNode(_XSD + "decimal"))
        if p.type == "kind":
            from innograph.ontology import NAMESPACE
            from innograph.ontology.kinds import ORG_KINDS

            wanted = value.replace(" ", "").replace("_", "").lower()
            for kind in ORG_KINDS:
                if kind.lower() == wanted:
                    return ox.NamedNode(NAMESPACE + kind)
            raise UsageError(f"{p.name}={value!r} is not an organization kind; use one of {', '.join(ORG_KINDS)}")
        return ox.Literal(value)
    except (ValueError, InvalidOperation):
        raise UsageError(f"{p.name}={value!r} is not a valid {p.type}") from None


def _date(value: str) -> str:
    parts = value.strip().split("-")
    if len(parts) == 1:
        return _dt.date(int(parts[0]), 1, 1).isoformat()
    if len(parts) == 2:
        return _dt.date(int(parts[0]), int(parts[1]), 1).isoformat()
    return _dt.date.fromisoformat(value.strip()).isoformat()


def catalog(folders=()) -> dict[str, NamedQuery]:
    """The named queries: the shipped ones, then those of `folders` (a later one wins)."""
    found: dict[str, NamedQuery] = {}
    for folder in (SHIPPED, *map(Path, folders)):
        if not folder.is_dir():
            raise NotFoundError(f"no folder of named queries at {folder}")
        for path in sorted(folder.glob("*.rq")):
            name = path.stem
            if _NAME.match(name):
                found[name] = NamedQuery.parse(name, path.read_text(encoding="utf-8"), str(path))
    return _Catalog(found)


class _Catalog(dict):
    def get(self, name, default=None):  # noqa: D401 - dict.get with a helpful miss
        if name in self:
            return self[name]
        if default is not None:
            return default
        raise NotFoundError(f"no named query {name!r}; known: {', '.join(sorted(self)) or 'none'}")


__all__ = ["NamedQuery", "Param", "catalog", "TYPES", "SHIPPED"]
