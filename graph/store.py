"""The knowledge graph: an RDF dataset in an embedded on-disk Oxigraph store.

Every source (an RDF file, an article, a table) lives in its own named graph, described by
triples inside that graph (``<g> a ig:Source ; ig:sourcePath ... ; ig:tripleCount ...``), so a
source can be replaced or removed whole and SPARQL users see where every triple came from.

Writes are all-or-nothing per load: new data is written to a fresh graph (or a staging graph
when it replaces an older version) and marked complete last; the swap of staged graphs and the
removal of stale ones happen in a single SPARQL Update, which Oxigraph runs as one transaction.
A load killed half-way leaves only an unmarked graph, swept away when the store is next opened.

>>> kg = KnowledgeGraph()            # in memory; KnowledgeGraph("path") is on disk
>>> from innograph.graph.sources import SourcePayload
>>> triples = [ox.Triple(ox.NamedNode("https://example.org/a"), ox.NamedNode(str(RDFS.label)), ox.Literal("A"))]
>>> info = kg.replace("example", [SourcePayload(iri="https://example.org/graph/1", label="one", loader="test", triples=triples)])
>>> [s.triples for s in kg.sources()]
[1]
>>> kg.remove_source("one")
1
>>> kg.sources()
[]
"""

from __future__ import annotations

import datetime as _dt
import gzip
import os
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS, XSD

from innograph.errors import InputError, NotFoundError, StoreError, UsageError
from innograph.graph.formats import QUAD_FORMATS, split_compression
from innograph.graph.iri import SOURCE_BASE
from innograph.graph.sources import SourceInfo, SourcePayload
from innograph.ontology.ns import IG

DEFAULT_STORE = ".innograph"
STORE_ENV = "INNOGRAPH_STORE"

_STAGING_MARK = "#staging-"
SMALL_WRITE = 50_000  # triples; below this a transactional in-memory write is faster than a bulk one
_SAFE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")

_TYPE = ox.NamedNode(str(RDF.type))
_LABEL = ox.NamedNode(str(RDFS.label))
_SOURCE = ox.NamedNode(str(IG.Source))
_PATH = ox.NamedNode(str(IG.sourcePath))
_HASH = ox.NamedNode(str(IG.contentHash))
_LOADER = ox.NamedNode(str(IG.loader))
_LOADED_AT = ox.NamedNode(str(IG.loadedAt))
_COUNT = ox.NamedNode(str(IG.tripleCount))
_XSD_INT = ox.NamedNode(str(XSD.integer))
_XSD_DATETIME = ox.NamedNode(str(XSD.dateTime))

_SOURCES_TEMPLATE = """
SELECT ?g ?label ?path ?loader ?hash ?count ?at (GROUP_CONCAT(STR(?type); separator=" ") AS ?types)
WHERE {{
  GRAPH ?g {{
    {head}
    OPTIONAL {{ ?g <{label}> ?label }}
    OPTIONAL {{ ?g <{loader}> ?loader }}
    OPTIONAL {{ ?g <{hash}> ?hash }}
    OPTIONAL {{ ?g <{count}> ?count }}
    OPTIONAL {{ ?g <{at}> ?at }}
    OPTIONAL {{ ?g a ?type }}
  }}
}}
GROUP BY ?g ?label ?path ?loader ?hash ?count ?at
ORDER BY ?label ?g
"""
_SOURCE_TERMS = dict(label=RDFS.label, loader=IG.loader, hash=IG.contentHash, count=IG.tripleCount, at=IG.loadedAt)
#: Every complete source.
_SOURCES_QUERY = _SOURCES_TEMPLATE.format(
    head=f"?g a <{IG.Source}> . OPTIONAL {{ ?g <{IG.sourcePath}> ?path }}", **_SOURCE_TERMS)
#: The sources read from one origin (bound through `substitutions`: ?path), without listing them all.
_SOURCES_FROM_QUERY = _SOURCES_TEMPLATE.format(
    head=f"?g <{IG.sourcePath}> ?path ; a <{IG.Source}> .", **_SOURCE_TERMS)


def default_store_path() -> Path:
    """``$INNOGRAPH_STORE`` if set, else ``./.innograph``."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


class KnowledgeGraph:
    """The innograph knowledge graph over an Oxigraph store (on disk, or in memory if no path).

    Use it as a context manager, or call :meth:`close`. ``kg.store`` is the pyoxigraph store for
    fast paths; ``kg.rdflib`` is an rdflib ``Dataset`` over the same store, without copying.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self.store = ox.Store()
            else:
                if self.path.exists() and not self.path.is_dir():
                    raise StoreError(f"{self.path} is a file, not a store directory; choose another --store")
                self.store = ox.Store(str(self.path))
        except OSError as exc:
            hint = "another innograph process may be using it; wait for it or use another --store"
            raise StoreError(f"cannot open the store at {self.path}: {exc}; {hint}") from exc
        self._rdflib = None
        self._sweep_orphans()

    # -- life cycle ---------------------------------------------------------------------------
    def close(self) -> None:
        """Flush and release the store (idempotent)."""
        store = getattr(self, "store", None)
        if store is not None:
            if self.path is not None:
                store.flush()
            self.store = None  # type: ignore[assignment]
            self._rdflib = None

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def rdflib(self):
        """An rdflib ``Dataset`` view of the same store (rdflib's API, Oxigraph's speed)."""
        if self._rdflib is None:
            from oxrdflib import OxigraphStore
            from rdflib import Dataset

            self._rdflib = Dataset(store=OxigraphStore(store=self.store))
        return self._rdflib

    # -- reading ------------------------------------------------------------------------------
    def query(self, sparql: str, *, union: bool = True, **options):
        """Run a SPARQL query; by default the default graph is the union of all sources, and the
        ontology's prefixes (``org:``, ``schema:``, ``ig:``...) are declared."""
        from innograph.ontology import PREFIXES

        options.setdefault("prefixes", PREFIXES)
        return self.store.query(sparql, use_default_graph_as_union=union, **options)

    def __len__(self) -> int:
        """Number of quads in the store (every source's triples and descriptions)."""
        return len(self.store)

    def sources(self) -> list[SourceInfo]:
        """Every complete source in the store, sorted by label."""
        return [SourceInfo.from_solution(row) for row in self.store.query(_SOURCES_QUERY)]

    def source(self, key: str) -> SourceInfo:
        """The source whose IRI, label, path or file name is `key`; a clear error otherwise."""
        candidates = self.sources()
        for match in (
            lambda s: s.iri == key,
            lambda s: s.label == key or s.path == key,
            lambda s: s.path is not None and os.path.abspath(s.path) == os.path.abspath(key),
            lambda s: s.path is not None and Path(s.path).name == key,
        ):
            found = [s for s in candidates if match(s)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                listed = ", ".join(s.iri for s in found)
                raise UsageError(f"{key!r} names {len(found)} sources ({listed}); give the IRI")
        known = ", ".join(s.label or s.iri for s in candidates[:10]) or "none loaded yet"
        raise NotFoundError(f"no source {key!r}; known sources: {known} (see `innograph sources`)")

    def sources_from(self, origin: str) -> list[SourceInfo]:
        """The sources that were read from `origin` (a file path or a stream name)."""
        rows = self.store.query(_SOURCES_FROM_QUERY, substitutions={ox.Variable("path"): ox.Literal(origin)})
        return [SourceInfo.from_solution(row) for row in rows]

    # -- writing ------------------------------------------------------------------------------
    def replace(self, origin: str, payloads: Sequence[SourcePayload]) -> list[SourceInfo]:
        """Make `payloads` the sources read from `origin`, atomically.

        The sources previously read from `origin` and not in `payloads` are removed, those in it
        are replaced, new ones added — all in one transaction: on any error, nothing changed.
        """
        previous = {s.iri for s in self.sources_from(origin)}
        written: list[ox.NamedNode] = []
        moves: list[tuple[str, str]] = []
        try:
            for payload in payloads:
                _check_iri(payload.iri)
                target = payload.iri
                if self.store.contains_named_graph(ox.NamedNode(payload.iri)):
                    target = f"{payload.iri}{_STAGING_MARK}{uuid.uuid4().hex}"
                    moves.append((target, payload.iri))
                graph = ox.NamedNode(target)
                written.append(graph)
                count = self._write_data(graph, payload)
                self.store.extend(self._description(graph, payload, origin, count))
            stale = previous - {p.iri for p in payloads}
            operations = [f"MOVE SILENT GRAPH <{a}> TO GRAPH <{b}>" for a, b in moves]
            operations += [f"DROP SILENT GRAPH <{_check_iri(g)}>" for g in sorted(stale)]
            if operations:
                self.store.update(" ;\n".join(operations))
        except BaseException:
            for graph in written:
                self.store.remove_graph(graph)
            raise
        return self.sources_from(origin)

    def remove_source(self, key: str) -> int:
        """Remove one source (by IRI, label or path) with its description; return its triple count."""
        info = self.source(key)
        self.store.remove_graph(ox.NamedNode(info.iri))
        return info.triples

    def _write_data(self, graph: ox.NamedNode, payload: SourcePayload) -> int:
        """Write a payload's data into `graph`; return the number of triples written."""
        if payload.file is not None:
            self._load_file(graph, payload)
        if payload.triples is not None:
            if isinstance(payload.triples, (list, tuple)) and len(payload.triples) < SMALL_WRITE:
                # bulk_extend writes new files to disk on every call: too slow for an article
                self.store.extend(_into_graph(payload.triples, graph))
            else:
                self.store.bulk_extend(_into_graph(payload.triples, graph))
        return self._count(graph)

    def _count(self, graph: ox.NamedNode) -> int:
        rows = self.store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }}")
        return int(next(iter(rows))["n"].value)

    def _load_file(self, graph: ox.NamedNode, payload: SourcePayload) -> None:
        path = Path(payload.file)
        _, compression = split_compression(path)
        opener = gzip.open if compression == ".gz" else open
        try:
            with opener(path, "rb") as stream:
                if payload.format in QUAD_FORMATS:
                    quads = ox.parse(
                        stream, payload.format, base_iri=payload.base_iri, rename_blank_nodes=True
                    )
                    self.store.bulk_extend(_into_graph(quads, graph))
                else:
                    self.store.bulk_load(stream, payload.format, base_iri=payload.base_iri, to_graph=graph)
        except SyntaxError as exc:
            raise InputError(
                f"not valid {payload.format.name}: {exc.msg}",
                path=path,
                line=exc.lineno,
                column=exc.offset,
                hint="fix the file or pass the right --format",
            ) from None
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the file: {exc}", path=path) from None
        except MemoryError as exc:  # the parser's bounded buffer: one term or line over 16 MiB
            raise InputError(f"a term or line is too long to parse ({exc})", path=path,
                             hint="an IRI or literal this long is not data; check the file (or its compression)") from None

    def _description(
        self, graph: ox.NamedNode, payload: SourcePayload, origin: str, count: int
    ) -> Iterator[ox.Quad]:
        subject = ox.NamedNode(payload.iri)
        now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
        yield ox.Quad(subject, _TYPE, _SOURCE, graph)
        for type_iri in payload.types:
            yield ox.Quad(subject, _TYPE, ox.NamedNode(type_iri), graph)
        yield ox.Quad(subject, _LABEL, ox.Literal(payload.label), graph)
        yield ox.Quad(subject, _PATH, ox.Literal(origin), graph)
        yield ox.Quad(subject, _LOADER, ox.Literal(payload.loader), graph)
        yield ox.Quad(subject, _COUNT, ox.Literal(str(count), datatype=_XSD_INT), graph)
        yield ox.Quad(subject, _LOADED_AT, ox.Literal(now, datatype=_XSD_DATETIME), graph)
        if payload.content_hash:
            yield ox.Quad(subject, _HASH, ox.Literal(payload.content_hash), graph)
        for predicate, obj in payload.description:
            yield ox.Quad(subject, predicate, obj, graph)

    def _sweep_orphans(self) -> None:
        """Drop graphs left by an interrupted load: staging graphs and unmarked source graphs."""
        complete = {
            str(row["g"].value)
            for row in self.store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{IG.Source}> }} }}")
        }
        for graph in list(self.store.named_graphs()):
            iri = str(graph.value)
            if _STAGING_MARK in iri or (iri.startswith(SOURCE_BASE) and iri not in complete):
                self.store.remove_graph(graph)

    # -- cross-fertilization queries (innograph.queries; imported on first use) -----------------
    def projection(self, *, rebuild: bool = False):
        """The property-graph projection used by the queries below (cached with the store)."""
        from innograph.graph.projection import projection

        return projection(self, rebuild=rebuild)

    def paths(self, source: str, target: str, **options):
        """The k strongest explained paths between two entities (see ``queries.paths.paths``)."""
        from innograph.queries.paths import paths

        return paths(self, source, target, **options)

    def suggest(self, name: str, **options):
        """Organizations `name` could work with, with reasons (see ``queries.suggest.suggest``)."""
        from innograph.queries.suggest import suggest

        return suggest(self, name, **options)

    def brokers(self, **options):
        """Brokers: betweenness, constraint, effective size, Gould–Fernandez roles."""
        from innograph.queries.brokers import brokers

        return brokers(self, **options)

    def communities(self, **options):
        """Communities of organizations and their bridges (Louvain or Leiden)."""
        from innograph.queries.communities import communities

        return communities(self, **options)

    def show(self, name: str, **options):
        """Every fact about one entity, with its evidence."""
        from innograph.queries.lookup import show

        return show(self, name, **options)

    def search(self, text: str, **options):
        """Entities whose name matches `text` (fuzzy, accent-insensitive)."""
        from innograph.queries.lookup import search

        return search(self, text, **options)

    def to_networkx(self, **options):
        """The projection as a networkx MultiDiGraph (nodes keyed by IRI, edges by fact kind)."""
        from innograph.graph.export_graph import to_networkx

        return to_networkx(self, **options)


def _into_graph(items: Iterable[ox.Triple | ox.Quad], graph: ox.NamedNode) -> Iterator[ox.Quad]:
    for item in items:
        yield ox.Quad(item.subject, item.predicate, item.object, graph)


def _check_iri(iri: str) -> str:
    if not _SAFE_IRI.match(iri):
        raise UsageError(f"not a usable graph IRI: {iri!r}")
    return iri


__all__ = ["KnowledgeGraph", "default_store_path", "SourcePayload", "SourceInfo"]
