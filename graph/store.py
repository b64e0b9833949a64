"""The knowledge graph: an RDF dataset in an embedded on-disk Oxigraph store.

Every source (an RDF file, an article, a table) lives in its own named graph, described by
triples inside that graph (``<g> a ig:Source ; ig:sourcePath ... ; ig:tripleCount ...``), so a
source can be replaced or removed whole and SPARQL users see where every triple came from.

**The default graph is a set.** The store keeps the RDF merge of every complete source (and of
the ontology) in Oxigraph's own default graph: each triple once, however many sources hold it, so
``COUNT``/``SUM`` are exact. It is maintained on every load, replace and remove: a triple enters
it when a source brings it and leaves it only when no graph holds it any more. :meth:`query` runs
with that graph as the default graph and the complete sources as the named graphs, so
``GRAPH ?g`` still reaches each source — never a staging graph, nor the ontology's graph.

**The ontology** (``ontology/innograph.ttl``) lives in its own named graph
``<https://w3id.org/innograph/ns>``, part of the default graph (``?c rdfs:subClassOf*
schema:Project`` works) but not a source: not in :meth:`sources`, not reached by ``GRAPH ?g``
through :meth:`query`. A writable open replaces it when the package's copy changed (content hash).

**Writes are all-or-nothing per load**: new data is written to a graph no reader can see (a fresh
unmarked graph, or a staging graph when it replaces an older version); the swap — descriptions,
staged graphs moved into place, stale graphs dropped, triples that no graph holds any more taken
out of the default graph — is a single SPARQL Update, one Oxigraph transaction. A load killed
half-way leaves only unmarked graphs, swept (and their triples taken out of the default graph
unless a complete graph holds them) when the store is next opened for writing.

**Readers** (``read_only=True``) never write and run beside a writer: they open the snapshot the
last writer published when it closed (see :mod:`innograph.graph.snapshots`), so while a load runs
they see the store as it was before that load; they see its result once the writer has closed.

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

import dataclasses
import datetime as _dt
import os
import sys
import traceback
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS, XSD

from innograph.errors import NotFoundError, StoreError, UsageError
from innograph.graph import snapshots, storereplace
from innograph.graph.formats import QUAD_FORMATS
from innograph.graph.iri import SOURCE_BASE
from innograph.graph.sources import (
    COMPLETE_QUERY as _COMPLETE_QUERY,
    ONTOLOGY_GRAPH,
    SOURCES_FROM_QUERY as _SOURCES_FROM_QUERY,
    SOURCES_QUERY as _SOURCES_QUERY,
    SourceInfo,
    SourcePayload,
    ontology_hash,
    ontology_quads,
    ontology_triples,
)
from innograph.graph.sparql_guard import check_query, check_update, query_error
from innograph.graph.storeops import check_iri as _check_iri
from innograph.graph.storeops import into_graph as _into_graph
from innograph.graph.storeops import may_hold_blank_nodes as _may_hold_blank_nodes
from innograph.graph.storeops import union_removal as _union_removal
from innograph.graph.storeops import union_removal_all as _union_removal_all
from innograph.graph.storeops import with_union as _with_union
from innograph.graph.storeview import SourcesView
from innograph.ontology.ns import IG

DEFAULT_STORE = ".innograph"
STORE_ENV = "INNOGRAPH_STORE"

_STAGING_MARK = "#staging-"
SMALL_WRITE = 50_000  # triples; below this a transactional in-memory write is faster than a bulk one

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
_ONTOLOGY = ox.NamedNode(ONTOLOGY_GRAPH)

def default_store_path() -> Path:
    """``$INNOGRAPH_STORE`` if set, else ``./.innograph``."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


class KnowledgeGraph:
    """The innograph knowledge graph over an Oxigraph store (on disk, or in memory if no path).

    ``read_only=True`` opens an on-disk store for reading only: nothing is written (no sweep, no
    ontology update), several readers and one writer can use the store at once, and a reader
    sees the state the last writer left when it closed (a store that does not exist yet reads as
    empty). A writer that meets another writer waits up to `wait` seconds (default 30, or
    ``$INNOGRAPH_LOCK_WAIT``) before failing.

    Use it as a context manager, or call :meth:`close`. ``kg.store`` is the pyoxigraph store as
    the sources see it, for fast paths (:mod:`innograph.graph.storeview`: its quads are the
    sources' quads; prefer :meth:`query` for SPARQL); ``kg.rdflib`` is an rdflib ``Dataset``
    over the store. Change it only through :meth:`replace`, :meth:`remove_source`,
    :meth:`edit` and :meth:`update`, which keep the default graph in step.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False,
                 wait: float | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._reader_lock: int | None = None
        self._rdflib = None
        self._graphs: list[ox.NamedNode] | None = None
        self._legacy = False  # a store written before the set default graph, read as it was
        self._dirty = False
        if self.path is None or (read_only and not self.path.exists()):
            self._store = ox.Store()
            self._sync_ontology()
            self._dirty = False
        elif read_only:
            self._open_reader()
        else:
            self._store = snapshots.open_writable(self.path, wait=wait)
            with snapshots.disk_errors(self.path, "opening the store"):
                self._sweep_orphans()
                self._sync_ontology()
                if not snapshots.has_snapshot(self.path):  # readers get a consistent state at once
                    self._store.flush()
                    snapshots.publish(self._store, self.path)
        self.store = SourcesView(self._store, _ONTOLOGY, self.source_graphs, legacy=self._legacy)

    def _open_reader(self) -> None:
        if not self.path.is_dir():
            raise StoreError(f"{self.path} is a file, not a store directory; choose another --store")
        opened = snapshots.open_snapshot(self.path)
        if opened is not None:
            self._store, self._reader_lock = opened
        else:  # written by an older innograph, or never closed: read the live files
            try:
                self._store = ox.Store.read_only(str(self.path))
            except OSError as exc:
                raise StoreError(f"cannot open the store at {self.path} for reading: {str(exc).splitlines()[0]}") from None
        if not self._store.contains_named_graph(_ONTOLOGY):
            self._legacy = True
            print(f"innograph: the store at {self.path} predates set semantics; open it once for writing "
                  "(e.g. `innograph load`) — until then a triple held by k sources counts k times", file=sys.stderr)

    # -- life cycle ---------------------------------------------------------------------------
    def close(self) -> None:
        """Flush, publish the state for readers (after a change), release the store (idempotent).

        The store is released even when this fails (a full disk): no reference to it stays in the
        error's traceback, so the same process can open the store again."""
        if getattr(self, "_store", None) is None:
            return
        error = None
        try:
            if self.path is not None and not self.read_only:
                with snapshots.disk_errors(self.path, "closing the store"):
                    self._store.flush()
                    if self._dirty or not snapshots.has_snapshot(self.path):
                        snapshots.publish(self._store, self.path)
        except StoreError as exc:
            error = StoreError(str(exc))
        finally:
            self._store = self.store = None  # type: ignore[assignment]
            self._rdflib = None
            if self._reader_lock is not None:
                os.close(self._reader_lock)
                self._reader_lock = None
        if error is not None:
            raise error

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

            self._rdflib = Dataset(store=OxigraphStore(store=self._store))
        return self._rdflib

    # -- reading ------------------------------------------------------------------------------
    def query(self, sparql: str, *, union: bool = True, allow_service: bool = False, **options):
        """Run a SPARQL query (never an update).

        The default graph is the set union of the sources and the ontology (``union=False``: an
        empty default graph); ``GRAPH ?g`` ranges over the complete sources. The ontology's
        prefixes (``org:``, ``schema:``, ``ig:``...) are declared. ``SERVICE`` is refused unless
        `allow_service` (nothing is contacted); an unknown prefix or a syntax error is a one-line
        UsageError.
        """
        from innograph.ontology import PREFIXES

        check_query(sparql, allow_service=allow_service)
        options.setdefault("prefixes", PREFIXES)
        if self._legacy:
            options.setdefault("use_default_graph_as_union", union)
        else:
            if not union:
                options.setdefault("default_graph", [])
            options.setdefault("named_graphs", self.source_graphs())
        try:
            return self._store.query(sparql, **options)
        except SyntaxError as exc:
            raise query_error(exc, sparql, options.get("prefixes")) from None

    def source_graphs(self) -> list[ox.NamedNode]:
        """The named graphs of the complete sources (what ``GRAPH ?g`` reaches in :meth:`query`)."""
        if self._graphs is None:
            self._graphs = [row["g"] for row in self._store.query(_COMPLETE_QUERY)]
        return list(self._graphs)

    def __len__(self) -> int:
        """Number of quads in the sources' graphs (every source's triples and descriptions)."""
        rows = self._store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                                named_graphs=self.source_graphs())
        return int(next(iter(rows))["n"].value)

    def sources(self) -> list[SourceInfo]:
        """Every complete source in the store, sorted by label."""
        return [SourceInfo.from_solution(row) for row in self._store.query(_SOURCES_QUERY)]

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
        rows = self._store.query(_SOURCES_FROM_QUERY, substitutions={ox.Variable("path"): ox.Literal(origin)})
        return [SourceInfo.from_solution(row) for row in rows]

    # -- writing ------------------------------------------------------------------------------
    def replace(self, origin: str, payloads: Sequence[SourcePayload]) -> list[SourceInfo]:
        """Make `payloads` the sources read from `origin`, atomically.

        The sources previously read from `origin` and not in `payloads` are removed, those in it
        are replaced, new ones added — all in one transaction: on any error, nothing changed.
        """
        self._check_writable()
        previous = {s.iri for s in self.sources_from(origin)}
        written: list[str] = []
        operations: list[str] = []
        leaving: set[str] = set()
        with snapshots.disk_errors(self.path, "loading"):
            try:
                for payload in payloads:
                    operations += self._stage(payload, origin, written, leaving)
                stale = previous - {p.iri for p in payloads}
                leaving |= stale
                finals = [f"DROP SILENT GRAPH <{_check_iri(g)}>" for g in sorted(stale)]
                self._commit(_union_removal(sorted(leaving)) + operations + finals)
            except BaseException as exc:
                self._discard(written)
                if exc.__traceback__ is not None:  # let go of the store in finished frames
                    traceback.clear_frames(exc.__traceback__.tb_next)
                raise
        return self.sources_from(origin)

    def _stage(self, payload: SourcePayload, origin: str, written: list[str], leaving: set[str]) -> list[str]:
        """Write one payload where no reader looks; return the operations that put it in place."""
        _check_iri(payload.iri)
        replacing = self._store.contains_named_graph(ox.NamedNode(payload.iri))
        if replacing:
            if payload.triples is not None and not isinstance(payload.triples, (list, tuple)):
                payload = dataclasses.replace(payload, triples=list(payload.triples))  # read twice below
            operations = self._by_difference(payload, origin)
            if operations is not None:
                return operations
        data = f"{payload.iri}{_STAGING_MARK}{uuid.uuid4().hex}" if replacing else payload.iri
        written.append(data)
        graph = ox.NamedNode(data)
        count = self._write_data(graph, payload)
        if replacing:
            about = graph
            leaving.add(payload.iri)
            operations = [f"MOVE SILENT GRAPH <{data}> TO GRAPH <{payload.iri}>"]
        else:  # the description marks the graph complete: it goes in with the commit
            about = ox.NamedNode(f"{payload.iri}{_STAGING_MARK}{uuid.uuid4().hex}")
            written.append(about.value)
            operations = [f"ADD SILENT GRAPH <{about.value}> TO GRAPH <{payload.iri}>", f"DROP SILENT GRAPH <{about.value}>"]
        self._store.extend(_with_union(self._description(about, payload, origin, count)))
        return operations

    def _by_difference(self, payload: SourcePayload, origin: str) -> list[str] | None:
        """The operations replacing a source's graph by its difference with the new version (see
        :mod:`innograph.graph.storereplace`), or None when it must be staged and moved whole."""
        graph = ox.NamedNode(payload.iri)
        new = storereplace.new_version(payload)
        old = None if new is None else storereplace.old_version(self._store, graph)
        if old is None:
            return None
        described = {ox.Triple(q.subject, q.predicate, q.object) for q in self._description(graph, payload, origin, len(new))}
        return storereplace.difference(graph, old, new | described)

    def remove_source(self, key: str) -> int:
        """Remove one source (by IRI, label or path) with its description; return its triple count."""
        self._check_writable()
        info = self.source(key)
        with snapshots.disk_errors(self.path, "removing a source"):
            self._commit(_union_removal([info.iri]) + [f"DROP SILENT GRAPH <{_check_iri(info.iri)}>"])
        return info.triples

    def edit(self, *, remove: Sequence[ox.Quad] = (), add: Sequence[ox.Quad] = ()) -> None:
        """Remove then add quads of the sources' graphs in one transaction, keeping the default
        graph in step (for in-place edits such as resolution's label harmonization). IRIs and
        literals only."""
        self._check_writable()
        parts = storereplace.edit_operations(remove, add)
        if not parts:
            return
        with snapshots.disk_errors(self.path, "writing"):
            self._commit(parts)

    def update(self, sparql: str, *, allow_service: bool = False) -> None:
        """Run a SPARQL Update (the endpoint's writes) and set the default graph right, in one
        transaction. LOAD is refused (it reads files or URLs), SERVICE unless `allow_service`.

        The default graph is derived from the named graphs: write with ``GRAPH <g> { ... }``;
        what an update writes into the default graph itself is not kept. Setting it right scans
        the store (an update costs time proportional to the store, not to the change).
        """
        self._check_writable()
        body = check_update(sparql, allow_service=allow_service)
        repair = _union_removal_all() + ["INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"]
        with snapshots.disk_errors(self.path, "updating"):
            try:
                self._commit([body] + repair if body else repair)
            except SyntaxError as exc:
                raise query_error(exc, sparql) from None

    def optimize(self) -> None:
        """Compact the store's files (writable opens only): reads get faster after large loads;
        readers see the compacted state once this writer closes. No data changes."""
        self._check_writable()
        with snapshots.disk_errors(self.path, "compacting the store"):
            self._store.optimize()
        self._changed()

    def _commit(self, operations: list[str]) -> None:
        if operations:
            self._store.update(" ;\n".join(operations))
        self._changed()

    def _changed(self) -> None:
        self._dirty = True
        self._graphs = None

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only; open it without read_only to change it")

    def _add_to_union(self, graph: ox.NamedNode, count: int) -> None:
        quads = (ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                 for q in self._store.quads_for_pattern(None, None, None, graph))
        if count < SMALL_WRITE:
            self._store.extend(list(quads))
        else:
            self._store.bulk_extend(quads)

    def _discard(self, graphs: list[str]) -> None:
        """Undo the writes of a failed load (best effort: the next writable open sweeps the rest)."""
        try:
            self._commit(_union_removal(graphs) + [f"DROP SILENT GRAPH <{g}>" for g in graphs])
        except Exception:  # a full disk, say: the graphs stay unmarked, swept at the next open
            pass

    def _write_data(self, graph: ox.NamedNode, payload: SourcePayload) -> int:
        """Write a payload's data into `graph`, and into the default graph (which a commit or a
        sweep sets right if the load does not complete); return the number of triples written."""
        if payload.file is not None and payload.format in QUAD_FORMATS:
            self._load_file(graph, payload)  # parsed in Python: written to both graphs at once
        elif payload.file is not None:
            self._load_file(graph, payload)
            if _may_hold_blank_nodes(payload):
                self._add_to_union(graph, SMALL_WRITE)  # fresh blank node names: copy, not reload
            else:
                self._load_file(ox.DefaultGraph(), payload)  # the same triples, at native speed
        if payload.triples is not None:
            if isinstance(payload.triples, (list, tuple)) and len(payload.triples) < SMALL_WRITE:
                # bulk_extend writes new files to disk on every call: too slow for an article
                self._store.extend(_with_union(_into_graph(payload.triples, graph)))
            else:
                self._store.bulk_extend(_with_union(_into_graph(payload.triples, graph)))
        return self._count(graph)

    def _count(self, graph: ox.NamedNode) -> int:
        rows = self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }}")
        return int(next(iter(rows))["n"].value)

    def _load_file(self, graph: ox.NamedNode, payload: SourcePayload) -> None:
        path = Path(payload.file)
        with storereplace.reading(path, payload.format.name), storereplace.open_rdf(path) as stream:
            if payload.format in QUAD_FORMATS:
                quads = ox.parse(stream, payload.format, base_iri=payload.base_iri, rename_blank_nodes=True)
                self._store.bulk_extend(_with_union(_into_graph(quads, graph)))
            else:
                self._store.bulk_load(stream, payload.format, base_iri=payload.base_iri, to_graph=graph)

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

    # -- upkeep at a writable open --------------------------------------------------------------
    def _sweep_orphans(self) -> None:
        """Drop graphs left by an interrupted load (staging graphs, unmarked source graphs) and
        take their triples out of the default graph unless a complete graph holds them."""
        complete = {row["g"].value for row in self._store.query(_COMPLETE_QUERY)}
        orphans = [
            iri for iri in (str(g.value) for g in self._store.named_graphs())
            if _STAGING_MARK in iri or (iri.startswith(SOURCE_BASE) and iri not in complete)
        ]
        if orphans:
            self._commit(_union_removal(orphans) + [f"DROP SILENT GRAPH <{_check_iri(g)}>" for g in orphans])

    def _sync_ontology(self) -> None:
        """Load the package's ontology into its graph when the stored copy differs (by hash); a
        store without it predates the set default graph, which is then built from the sources."""
        wanted = ontology_hash()
        rows = list(self._store.quads_for_pattern(_ONTOLOGY, _HASH, None, _ONTOLOGY))
        if rows and rows[0].object.value == wanted:
            return
        fresh = not rows and not self._store.contains_named_graph(_ONTOLOGY)
        if fresh and next(iter(self._store.named_graphs()), None) is None:
            self._store.extend(ontology_quads())  # a new store: graph, default graph and mark at once
            self._changed()
            return
        if fresh:
            for graph in self.source_graphs():
                self._add_to_union(graph, SMALL_WRITE)
        staging = ox.NamedNode(f"{ONTOLOGY_GRAPH}{_STAGING_MARK}{uuid.uuid4().hex}")
        self._store.extend(ox.Quad(t.subject, t.predicate, t.object, staging) for t in ontology_triples())
        self._store.add(ox.Quad(_ONTOLOGY, _HASH, ox.Literal(wanted), staging))
        self._add_to_union(staging, 0)
        self._commit(_union_removal([ONTOLOGY_GRAPH]) + [f"MOVE SILENT GRAPH <{staging.value}> TO GRAPH <{ONTOLOGY_GRAPH}>"])


__all__ = ["KnowledgeGraph", "default_store_path", "SourcePayload", "SourceInfo"]
