"""Loaders: one per kind of source, looked up by name or chosen by file type.

A loader reads a source and returns :class:`~innograph.graph.sources.SourcePayload` objects
(one per named graph it produces); it never writes the store itself. Built-in loaders are
imported on first use; third-party ones register under the ``innograph.loaders`` entry-point
group.

>>> names()[:1]
['rdf']
>>> for_path("data/people.ttl").name
'rdf'
>>> get("nope")
Traceback (most recent call last):
...
innograph.errors.UsageError: unknown loader kind 'nope'; use one of: rdf, ...
"""

from __future__ import annotations

import functools
import importlib
from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol, runtime_checkable

from innograph.errors import UsageError
from innograph.graph.sources import SourcePayload

ENTRY_POINT_GROUP = "innograph.loaders"

#: Built-in loaders: name → "module:attribute", imported on first use.
BUILTIN: dict[str, str] = {
    "rdf": "innograph.loaders.rdf:RdfLoader",
    "documents": "innograph.loaders.documents:DocumentsLoader",
    "cordis": "innograph.loaders.cordis:CordisLoader",
    "sirene": "innograph.loaders.sirene:SireneLoader",
    "members": "innograph.loaders.tables:MembersLoader",
}


@runtime_checkable
class Loader(Protocol):
    """What every loader provides."""

    #: Name used with ``--kind``.
    name: str
    #: One line shown in ``innograph load --help``.
    description: str

    def accepts(self, path: Path) -> bool:
        """True when this loader reads files like `path` (by extension)."""

    def read(self, path: Path, *, origin: str, options: dict) -> list[SourcePayload]:
        """Read one file (or ``-`` for standard input) into payloads."""


_instances: dict[str, Loader] = {}


@functools.lru_cache(maxsize=None)
def _plugins() -> tuple[tuple[str, str], ...]:
    """The (name, "module:attribute") of the loaders other packages register, read once per
    process: scanning the installed packages' metadata takes ~10 ms, and loading a folder picks
    the loader of every file."""
    return tuple((ep.name, ep.value) for ep in entry_points(group=ENTRY_POINT_GROUP))


def _specs() -> dict[str, str]:
    specs = dict(BUILTIN)
    for name, value in _plugins():
        specs.setdefault(name, value)
    return specs


def names() -> list[str]:
    """The loader names, built-in first."""
    specs = _specs()
    return [*BUILTIN, *sorted(set(specs) - set(BUILTIN))]


def get(name: str) -> Loader:
    """The loader called `name`; a usage error lists the valid names."""
    if name not in _instances:
        spec = _specs().get(name)
        if spec is None:
            raise UsageError(f"unknown loader kind {name!r}; use one of: {', '.join(names())}")
        module, _, attr = spec.partition(":")
        _instances[name] = getattr(importlib.import_module(module), attr)()
    return _instances[name]


def for_path(path: str | Path) -> Loader | None:
    """The first loader that accepts `path`, or None."""
    for name in names():
        loader = get(name)
        if loader.accepts(Path(path)):
            return loader
    return None
