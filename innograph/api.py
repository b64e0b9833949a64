"""The innograph session: one object through which the command line, the server and Python
users ask the knowledge graph.

A :class:`Session` holds the store (:class:`~innograph.graph.store.KnowledgeGraph`), the
property-graph projection the graph queries run on (built or read from its cache on first
use) and a cache of the evidence read for the edges shown. Its methods call the functions of
``innograph.queries`` and return their result objects (``to_dicts()`` flat rows, ``to_dict()``
nested), which :mod:`innograph.render` prints as text, table, JSON, CSV or TSV.

A session opens its store read-only unless asked otherwise: readers never write (not a byte of
the store's files changes), several share a store while a ``load`` runs in another process, and
each sees the state the last finished write left. Writing methods (:meth:`load`,
:meth:`remove_source`, :meth:`resolve`, :meth:`decide`) need ``read_only=False``.

>>> import pathlib, tempfile
>>> data = pathlib.Path(tempfile.mkdtemp()) / "members.ttl"
>>> _ = data.write_text('''@prefix org: <http://www.w3.org/ns/org#> . @prefix ig: <https://w3id.org/innograph/ns#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix o: <https://example.org/org/> .
... o:h a ig:Hospital ; rdfs:label "Hôpital Nord" ; org:memberOf o:c .
... o:c a ig:Cluster ; rdfs:label "Cluster Vallée Santé" .''')
>>> with Session(None, read_only=False) as s:          # None: a throw-away graph in memory
...     _ = s.load([data])
...     [hop.to for hop in s.paths("Hôpital Nord", "Cluster Vallée Santé", k=1)[0].hops]
['Cluster Vallée Santé']
"""

from __future__ import annotations

import importlib
import inspect
import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from innograph.errors import UsageError

DEFAULT = "default"


def open_store(store=DEFAULT, *, read_only: bool = True):
    """Open the :class:`KnowledgeGraph` at `store` (a directory, ``"default"`` for
    ``$INNOGRAPH_STORE`` or ``./.innograph``, or ``None`` for one in memory).

    A writable open creates the directory (and its parents) if missing; a read-only open of a
    store that does not exist yet reads an empty graph and creates nothing.
    """
    from innograph.graph.store import KnowledgeGraph, default_store_path

    if store is None:
        return KnowledgeGraph()
    path = default_store_path() if store == DEFAULT else Path(store)
    return KnowledgeGraph(path, read_only=read_only)


@lru_cache(maxsize=1)
def known_kinds() -> dict[str, str]:
    """Every node and fact kind name the queries accept, by its lower-case form."""
    names: set[str] = set()
    for module, attribute in (("innograph.ontology.kinds", "ORG_KINDS"), ("innograph.ontology.kinds", "NODE_KINDS"),
                              ("innograph.ontology.kinds", "KINDS"), ("innograph.ontology.kinds", "ALIASES"),
                              ("innograph.graph.projection", "ORGANIZATION_KINDS"),
                              ("innograph.graph.projection", "EDGE_KINDS"), ("innograph.queries.paths", "NODE_KINDS")):
        try:
            names.update(str(name) for name in getattr(importlib.import_module(module), attribute))
        except (ImportError, AttributeError):
            continue
    names.update(("Organization", "Person", "Project", "Event", "Place"))
    return {name.lower().replace("-", "_"): name for name in names}


def canonical_kinds(values) -> tuple[str, ...]:
    """`values` with each known kind in its own spelling (``hospital`` → ``Hospital``); other
    values (names, unknown kinds) are left as they are, for the query to find or refuse."""
    known = known_kinds()
    return tuple(known.get(str(v).lower().replace("-", "_"), v) for v in values or ())


#: Query options that name kinds: accepted in any case.
_KIND_OPTIONS = ("kinds", "via", "between", "exclude")


def _accepts(function: Callable, name: str) -> bool:
    try:
        return name in inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False


class Session:
    """A knowledge graph opened for questions (and, with ``read_only=False``, for loads).

    `store` is a directory, ``"default"``, ``None`` (a graph in memory, always writable) or an
    open ``KnowledgeGraph`` (used as is and not closed by the session).
    """

    def __init__(self, store=DEFAULT, *, read_only: bool = True) -> None:
        from innograph.graph.store import KnowledgeGraph

        if isinstance(store, KnowledgeGraph):
            self.kg, self._owned = store, False
            self.read_only = bool(getattr(store, "read_only", read_only))
        else:
            self.kg, self._owned = open_store(store, read_only=read_only), True
            self.read_only = read_only and store is not None
        self._projection = None
        self._evidence = None
        self._gazetteers: dict = {}

    # -- life cycle ---------------------------------------------------------------------------
    def close(self) -> None:
        """Release the store (when the session opened it)."""
        if self._owned and self.kg is not None:
            self.kg.close()
        self.kg = None  # type: ignore[assignment]
        self.invalidate()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def invalidate(self) -> None:
        """Forget the projection, the evidence read and the names known (after the store changed)."""
        self._projection = None
        self._evidence = None
        self._gazetteers = {}

    # -- shared state -------------------------------------------------------------------------
    @property
    def projection(self):
        """The property-graph projection of the store (read from its cache or built, once)."""
        if self._projection is None:
            from innograph.graph.projection import projection

            self._projection = projection(self.kg)
        return self._projection

    def rebuild(self):
        """Build the projection again, ignoring its cache."""
        from innograph.graph.projection import projection

        self.invalidate()
        self._projection = projection(self.kg, rebuild=True)
        return self._projection

    @property
    def evidence(self):
        """The evidence reader of the current projection (memoizes what it reads)."""
        if self._evidence is None:
            from innograph.queries.evidence import EvidenceReader

            self._evidence = EvidenceReader(self.kg, self.projection)
        return self._evidence

    def _ask(self, function: Callable, *args, **options):
        for name in _KIND_OPTIONS:
            value = options.get(name)
            if value and not isinstance(value, str):
                options[name] = type(value)(canonical_kinds(value)) if isinstance(value, (set, frozenset)) \
                    else canonical_kinds(value)
            elif isinstance(value, str):
                options[name] = canonical_kinds([value])[0]
        options["projection"] = self.projection
        if "evidence" not in options and _accepts(function, "evidence"):
            options["evidence"] = self.evidence
        return function(self.kg, *args, **options)

    def _writable(self, what: str) -> None:
        if self.read_only:
            raise UsageError(f"{what} writes to the store: open the session with read_only=False")

    # -- questions ----------------------------------------------------------------------------
    def paths(self, source: str, target: str, **options):
        """The k strongest explained paths between two entities (``queries.paths.paths``)."""
        from innograph.queries.paths import paths

        return self._ask(paths, source, target, **options)

    def suggest(self, name: str, **options):
        """Organizations `name` could work with, with reasons (``queries.suggest.suggest``)."""
        from innograph.queries.suggest import suggest

        return self._ask(suggest, name, **options)

    def brokers(self, **options):
        """Brokers: betweenness, constraint, effective size, Gould–Fernandez roles."""
        from innograph.queries.brokers import brokers

        return self._ask(brokers, **options)

    def communities(self, **options):
        """Communities of organizations and the organizations that bridge them."""
        from innograph.queries.communities import communities

        return self._ask(communities, **options)

    def show(self, name: str, **options):
        """Every fact about one entity, with its evidence (``queries.lookup.show``)."""
        from innograph.queries.lookup import show

        return self._ask(show, name, **options)

    def search(self, text: str, **options):
        """Entities whose name or alias matches `text` (fuzzy, accent-insensitive)."""
        from innograph.queries.lookup import search

        kind = options.pop("kind", None)  # one kind, as the server's API names it
        if kind:
            options["kinds"] = {*(options.get("kinds") or ()), kind}
        return self._ask(search, text, **options)

    def facts(self, *, source: str | None = None, kind=None):
        """The facts in the graph with their evidence (``queries.facts.list_facts``)."""
        from innograph.queries.facts import list_facts

        return list_facts(self.kg, source=source, kind=kind)

    def stats(self):
        """Triples, sources, things by class and facts by kind (``queries.stats.summary``)."""
        from innograph.queries.stats import summary

        return summary(self.kg, projection=self.projection)

    def sparql(self, query: str, *, union: bool = True, service: bool = False, **options):
        """Run a SPARQL 1.1 query; ``SERVICE`` (a request to another host) is refused unless
        `service` is true. Other `options` go to the store (``default_graph``, ``named_graphs``,
        ``substitutions``...). Returns a :class:`~innograph.queries.sparql.QueryResult`."""
        from innograph.queries.sparql import run

        return run(self.kg, query, union=union, service=service, **options)

    def named(self, name: str, params: dict | None = None, *, folders=()):
        """Run the named query `name` (``queries/sparql/NAME.rq``, or one of `folders`) with its
        parameters bound as RDF terms (an organization may be given by name); the same result as
        :meth:`sparql`."""
        from innograph.queries.lookup import resolve
        from innograph.queries.named import catalog

        query = catalog(folders).get(name)

        def iri_of(text: str) -> str:
            return self.projection.iris[resolve(self.kg, text, projection=self.projection)]

        return self.sparql(query.text, substitutions=query.bind(dict(params or {}), iri_of))

    def named_queries(self, *, folders=()) -> list[dict]:
        """The named queries with their titles and typed parameters."""
        from innograph.queries.named import catalog

        return [q.describe() for q in catalog(folders).values()]

    def sources(self):
        """Every complete source in the store, sorted by label."""
        return self.kg.sources()

    def source(self, key: str):
        """The source named `key` (IRI, label, path or file name)."""
        return self.kg.source(key)

    def validate(self, *, source: str | None = None):
        """The SHACL report of the graph (or of one source) against the ontology's shapes."""
        from innograph.ontology.shacl import validate

        return validate(self.kg, graph=self.kg.source(source).iri if source else None)

    def export(self, stream, fmt: str, *, source: str | None = None) -> int:
        """Write the graph (or one source) as RDF to the binary `stream`; returns the count."""
        from innograph.graph.export import export_to

        return export_to(self.kg, stream, fmt, graph=self.kg.source(source).iri if source else None)

    def export_graph(self, stream, fmt: str = "graphml", *, as_of=None, **options) -> tuple[int, int]:
        """Write the projection as GraphML or GEXF; returns (nodes, edges)."""
        from innograph.graph.export_graph import write_graph

        return write_graph(self.projection, stream, fmt, as_of=as_of, kg=self.kg, **options)

    def to_networkx(self, **options):
        """The projection as a networkx MultiDiGraph (nodes keyed by IRI, edges by fact kind)."""
        from innograph.graph.export_graph import to_networkx

        return to_networkx(self.kg, projection=self.projection, **options)

    # -- changes ------------------------------------------------------------------------------
    def load(self, paths: str | os.PathLike | Iterable[str | os.PathLike], *, kind: str | None = None,
             force: bool = False, on_result: Callable | None = None, **options) -> list:
        """Load files (paths, directories, glob patterns); each file becomes one source.

        Returns one :class:`~innograph.load.IngestResult` per file; `on_result` is called with
        each as it is stored (for progress). Options go to the loaders (``format``, ``name``...).
        """
        from innograph.load import expand, ingest_many

        self._writable("load")
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        files = expand(paths, kind=kind)
        results = []
        try:
            for result in ingest_many(self.kg, files, kind=kind, force=force, gazetteers=self._gazetteers,
                                      **options):
                results.append(result)
                if on_result is not None:
                    on_result(result)
        finally:
            if any(r.status == "loaded" for r in results):
                self._projection = self._evidence = None  # the gazetteers were updated as read
        return results

    def remove_source(self, key: str) -> int:
        """Remove one source (IRI, label or path) and every triple it brought."""
        self._writable("remove_source")
        count = self.kg.remove_source(key)
        self.invalidate()
        return count

    def resolve(self, **options):
        """Resolve organizations across sources (``graph.resolve.resolve``)."""
        from innograph.graph.resolve import resolve

        if options.get("write", True):
            self._writable("resolve")
        result = resolve(self.kg, **options)
        self.invalidate()
        return result

    def decide(self, key: str, decision: str, *, result=None) -> tuple[str, str]:
        """Record a decision on a resolution candidate or merge (accepted, rejected, undone)."""
        from innograph.graph.resolve import decide

        self._writable("decide")
        return decide(self.kg, key, decision, result=result)


__all__ = ["Session", "open_store", "canonical_kinds", "known_kinds", "DEFAULT"]
