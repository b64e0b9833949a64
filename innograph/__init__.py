"""innograph: a knowledge graph of innovation relationships.

Press articles, member lists and public datasets become one RDF graph (W3C ORG, FOAF,
schema.org, PROV-O) in an embedded Oxigraph store, ready for SPARQL and graph algorithms.

Questions go through a :class:`~innograph.api.Session` (``innograph.Session``); ``open`` gives
the store itself.

>>> import innograph
>>> with innograph.open(None) as kg:      # None: in memory; a path: on disk
...     len(kg)
0
>>> with innograph.Session(None) as session:
...     session.sources()
[]
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("innograph")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"


def open(store="default", *, read_only: bool = False):  # noqa: A001 - mirrors the built-in on purpose
    """Open the knowledge graph stored at `store` (a :class:`~innograph.graph.store.KnowledgeGraph`).

    `store` is a directory (created if missing), ``"default"`` for ``$INNOGRAPH_STORE`` or
    ``./.innograph``, or ``None`` for a throw-away graph in memory. Use it as a context manager.
    """
    from innograph.api import open_store

    return open_store(store, read_only=read_only)


def __getattr__(name: str):
    if name == "Session":  # imported on first use: `import innograph` stays light
        from innograph.api import Session

        return Session
    raise AttributeError(f"module 'innograph' has no attribute {name!r}")


__all__ = ["open", "Session", "__version__"]
