"""innograph: a knowledge graph of innovation relationships.

Press articles, member lists and public datasets become one RDF graph (W3C ORG, FOAF,
schema.org, PROV-O) in an embedded Oxigraph store, ready for SPARQL and graph algorithms.

>>> import innograph
>>> with innograph.open(None) as kg:      # None: in memory; a path: on disk
...     len(kg)
0
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("innograph")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"


def open(store="default"):  # noqa: A001 - mirrors the built-in on purpose: innograph.open(path)
    """Open the knowledge graph stored at `store`.

    `store` is a directory (created if missing), ``"default"`` for ``$INNOGRAPH_STORE`` or
    ``./.innograph``, or ``None`` for a throw-away graph in memory. Use it as a context manager.
    """
    from innograph.graph.store import KnowledgeGraph, default_store_path

    if store == "default":
        store = default_store_path()
    return KnowledgeGraph(store)


__all__ = ["open", "__version__"]
