"""The projection: the RDF store as a compact property graph for graph algorithms.

Organizations, people, projects, events and places become nodes (plain integer ids); the direct
edges of ``docs/ontology.md`` become typed edges carrying a date, a weight and how many facts
back them. Two entities mentioned in the same article get a weak ``co_mentioned`` edge. Nodes
linked by ``owl:sameAs`` (or an ``ig:Merge`` decision) are collapsed into one.

Which predicates and fact nodes make which edges, their weights and symmetry, all come from
:mod:`innograph.ontology.kinds` (read by :mod:`innograph.graph.project`). Edges are keyed
``(source IRI, kind, target IRI)`` (:meth:`Projection.key`, :meth:`Projection.edge`), so that a
search run elsewhere can be explained here. :func:`edge_filter` keeps the facts valid at a date
(``as_of``: a day, a month or a year), of some kinds, away from excluded nodes;
:func:`context_hubs` names the funders of a whole programme, which are context, not ties.

The projection is built with pyoxigraph directly and cached next to the store directory
(``<store>.cache/projection.pickle``), keyed by a fingerprint of the loaded sources: it is rebuilt
only when a source was added, replaced or removed. Edges live in ``array`` columns and an
undirected CSR adjacency (``indptr``/``nbr``/``eid``), cheap to load and to walk.

>>> from innograph.graph.store import KnowledgeGraph
>>> from innograph.graph.sources import SourcePayload
>>> from innograph.graph.facts import FactWriter
>>> kg = KnowledgeGraph()
>>> w = FactWriter("https://w3id.org/innograph/source/doc")
>>> chu, cluster = w.organization("CHU de Nantes", kind="Hospital"), w.organization("Cluster", kind="Cluster")
>>> _ = w.membership(chu, cluster, since="2020-01-16")
>>> _ = kg.replace("doc", [SourcePayload(iri=w.source.value, label="doc", loader="test", triples=w.triples)])
>>> p = projection(kg)
>>> list(p.labels), [p.edge_kinds[k] for k in p.ekind]
(['CHU de Nantes', 'Cluster'], ['member_of'])
"""

from __future__ import annotations

import datetime as _dt
import gc
import hashlib
import math
import os
import pickle
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from innograph.errors import UsageError
from innograph.graph.compact import CodeColumn, NameIndex, StringColumn
from innograph.graph.project import COORDINATOR, FORMER, MAX_CO_MENTIONS, NODATE, Parts, date_ordinal, read
from innograph.ontology.kinds import KINDS, NODE_CLASSES, ORG_KINDS, ORGANIZATION_KINDS, node_kind

CACHE_VERSION = 6

#: Edge kinds: name -> (base weight, symmetric), from :data:`innograph.ontology.kinds.KINDS`
#: (the fact kinds the projection holds, ``located_in`` and ``co_mentioned`` among them).
EDGE_KINDS: dict[str, tuple[float, bool]] = {k.name: (k.weight, k.symmetric) for k in KINDS.values() if k.projected}
FORMER_WEIGHT = 0.6       # a former post
COORDINATOR_WEIGHT = 1.0  # the coordinator of a project
HUB_SHARE = 0.5   # a funder of at least this share of the funded organizations and projects...
HUB_MIN = 20      # ...and of at least this many of them is context, not a tie (see context_hubs)


@dataclass
class Projection:
    """Nodes (``iris``, ``labels``, ``kinds``) and edges (columns indexed by edge id)."""

    fingerprint: str
    iris: StringColumn
    labels: StringColumn
    kinds: CodeColumn
    names: NameIndex                     # folded label or alias -> node ids
    members: dict[int, list[str]]        # collapsed nodes -> every IRI merged into them
    edge_kinds: list[str]
    src: array
    dst: array
    ekind: array
    weight: array                        # base weight of the kind, boosted by the fact count
    count: array
    start: array                         # first date (proleptic ordinal) or NODATE
    last: array                          # latest date or NODATE
    end: array                           # end date or NODATE
    flags: array
    indptr: array = field(default_factory=lambda: array("i"))
    nbr: array = field(default_factory=lambda: array("i"))
    eid: array = field(default_factory=lambda: array("i"))
    hub: array = field(default_factory=lambda: array("f"))  # log excess degree: the hub penalty
    max_date: int = NODATE
    _index: dict[str, int] | None = field(default=None, repr=False)
    _context: frozenset[int] | None = field(default=None, repr=False)

    @property
    def n_nodes(self) -> int:
        return len(self.iris)

    @property
    def n_edges(self) -> int:
        return len(self.src)

    def index(self, iri: str) -> int | None:
        """The node id of an IRI (a merged-away IRI gives its representative)."""
        if self._index is None:
            self._index = {iri: i for i, iri in enumerate(self.iris)}
            for node, iris in self.members.items():
                for other in iris:
                    self._index[other] = node
        return self._index.get(iri)

    def degree(self, node: int) -> int:
        return self.indptr[node + 1] - self.indptr[node]

    def neighbours(self, node: int) -> list[tuple[int, int]]:
        """(neighbour, edge id) pairs of `node` (an edge to each neighbour per kind)."""
        lo, hi = self.indptr[node], self.indptr[node + 1]
        return list(zip(self.nbr[lo:hi], self.eid[lo:hi]))

    def edges_between(self, a: int, b: int) -> list[int]:
        lo, hi = self.indptr[a], self.indptr[a + 1]
        return [self.eid[i] for i in range(lo, hi) if self.nbr[i] == b]

    def is_organization(self, node: int) -> bool:
        return self.kinds[node] in ORGANIZATION_KINDS

    def iris_of(self, node: int) -> list[str]:
        return self.members.get(node) or [self.iris[node]]

    def key(self, e: int) -> tuple[str, str, str]:
        """The edge's key: (source IRI, kind, target IRI), stable across rebuilds and stores."""
        return self.iris[self.src[e]], self.edge_kinds[self.ekind[e]], self.iris[self.dst[e]]

    def edge(self, key: tuple[str, str, str], *, either_way: bool = False) -> int | None:
        """The edge id of a key (either end may be a merged-away IRI), or None. A symmetric kind,
        or `either_way`, also takes the edge the other way round (the key's way first)."""
        a, kind, b = key
        u, v = self.index(a), self.index(b)
        if u is None or v is None or kind not in self.edge_kinds:
            return None
        code = self.edge_kinds.index(kind)
        # scan the smaller adjacency
        near, far = (u, v) if self.degree(u) <= self.degree(v) else (v, u)
        matches = [e for e in self.edges_between(near, far) if self.ekind[e] == code]
        loose = either_way or KINDS[kind].symmetric
        fallback = matches[0] if loose and matches else None
        return next((e for e in matches if self.src[e] == u), fallback)


def ordinal_iso(ordinal: int) -> str | None:
    """The ISO date of a proleptic ordinal (the inverse of :func:`date_ordinal`); None for NODATE."""
    return _dt.date.fromordinal(ordinal).isoformat() if ordinal != NODATE else None


def fingerprint(kg) -> str:
    """A hash over the sources' IRIs, content hashes, load times and sizes."""
    digest = hashlib.sha256(f"projection-v{CACHE_VERSION}".encode())
    for s in sorted(kg.sources(), key=lambda s: s.iri):
        digest.update(f"\x1e{s.iri}\x1f{s.content_hash}\x1f{s.loaded_at}\x1f{s.triples}".encode())
    return digest.hexdigest()[:32]


def cache_path(kg) -> Path | None:
    """Where the projection of an on-disk store is cached (None for a store in memory)."""
    if kg.path is None:
        return None
    path = Path(kg.path).resolve()
    return path.with_name(path.name + ".cache") / "projection.pickle"


def projection(kg, *, rebuild: bool = False) -> Projection:
    """The projection of `kg`: from the cache file, or built (and cached) now.

    Nothing is kept on `kg` or in the process: whoever calls this many times (the API session)
    holds the result.
    """
    key = fingerprint(kg)
    path = cache_path(kg)
    result = None
    if path is not None and path.exists() and not rebuild:
        result = _read_cache(path, key)
    if result is None:
        result = build(kg, key)
        if path is not None:  # beside the store, not in it: a read-only open caches too
            _write_cache(path, result)
    return result


def _read_cache(path: Path, key: str) -> Projection | None:
    try:
        with open(path, "rb") as stream:
            if pickle.load(stream) != key:
                return None
            enabled = gc.isenabled()
            gc.disable()  # many small objects at once: no collection halfway (restored below)
            try:
                return pickle.load(stream)
            finally:
                if enabled:
                    gc.enable()
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError):
        return None  # unreadable or from another version: rebuild


def _write_cache(path: Path, result: Projection) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        index, context = result._index, result._context
        result._index = result._context = None
        try:
            with open(tmp, "wb") as stream:
                pickle.dump(result.fingerprint, stream, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            result._index, result._context = index, context
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only place: the projection still works, it is just not cached


def recency(date: int, reference: int) -> float:
    """Weight of a fact's age: 1 when new, halving towards 0.5 over about five years."""
    if date == NODATE or reference == NODATE:
        return 0.75
    age = max(0.0, (reference - date) / 365.25)
    return 0.5 + 0.5 * math.exp(-age / 5.0)


def build(kg, key: str = "") -> Projection:
    """Read the store (a KnowledgeGraph or a pyoxigraph Store) and build its projection."""
    return assemble(key, read(getattr(kg, "store", kg)))


def assemble(key: str, parts: Parts) -> Projection:
    """The projection's columns and CSR adjacency from the parts read from the store."""
    kind_names = list(EDGE_KINDS)
    code = {k: i for i, k in enumerate(kind_names)}
    cols = {c: array(t) for c, t in (("src", "i"), ("dst", "i"), ("ekind", "b"), ("weight", "f"),
                                     ("count", "i"), ("start", "i"), ("last", "i"), ("end", "i"), ("flags", "b"))}
    for (u, v, kind), (count, first, last, end, flags) in sorted(parts.edges.items()):
        base = EDGE_KINDS[kind][0]
        if flags & FORMER:
            base = FORMER_WEIGHT
        if flags & COORDINATOR:
            base = COORDINATOR_WEIGHT
        for c, value in zip(cols.values(), (u, v, code[kind], 1 - (1 - base) ** count, count, first, last, end, flags)):
            c.append(value)
    n = len(parts.iris)
    indptr, nbr, eid = _adjacency(n, cols["src"], cols["dst"])
    max_date = max(max(cols["last"], default=NODATE), max(cols["end"], default=NODATE))
    degrees = sorted(indptr[i + 1] - indptr[i] for i in range(n))
    typical = max(10, degrees[int(0.9 * (n - 1))] if degrees else 0)
    hub = array("f", (max(0.0, math.log((indptr[i + 1] - indptr[i]) / typical)) if indptr[i + 1] > indptr[i] else 0.0
                      for i in range(n)))
    return Projection(key, StringColumn(parts.iris), StringColumn(parts.labels), CodeColumn(parts.kinds),
                      NameIndex(parts.names), parts.members, kind_names, indptr=indptr, nbr=nbr, eid=eid,
                      hub=hub, max_date=max_date, **cols)


def _adjacency(n: int, src: array, dst: array) -> tuple[array, array, array]:
    """Undirected CSR: ``nbr[indptr[u]:indptr[u+1]]`` are u's neighbours, ``eid`` the edges."""
    degree = [0] * (n + 1)
    for u, v in zip(src, dst):
        degree[u + 1] += 1
        degree[v + 1] += 1
    for i in range(n):
        degree[i + 1] += degree[i]
    indptr = array("i", degree)
    fill = list(degree[:-1])
    nbr = array("i", bytes(4 * degree[-1]))
    eid = array("i", bytes(4 * degree[-1]))
    for e, (u, v) in enumerate(zip(src, dst)):
        nbr[fill[u]], eid[fill[u]] = v, e
        fill[u] += 1
        nbr[fill[v]], eid[fill[v]] = u, e
        fill[v] += 1
    return indptr, nbr, eid


# -- filters ---------------------------------------------------------------------------------------

def as_of_period(as_of) -> tuple[int, int] | None:
    """The days `as_of` names, as (first, last) ordinals: a date is one day, ``2016-07`` a
    month, ``2016`` a year; None for None. UsageError for anything else.

    >>> lo, hi = as_of_period("2016"); ordinal_iso(lo), ordinal_iso(hi)
    ('2016-01-01', '2016-12-31')
    """
    if as_of is None:
        return None
    if isinstance(as_of, _dt.date):
        return as_of.toordinal(), as_of.toordinal()
    if isinstance(as_of, int) and not isinstance(as_of, bool):
        return as_of, as_of
    text = str(as_of).strip()
    first = date_ordinal(text)
    if first == NODATE or not text[:4].isdigit():
        raise UsageError(f"not a date: {as_of!r}; give YYYY-MM-DD, YYYY-MM or YYYY")
    day = _dt.date.fromordinal(first)
    if len(text) == 4:
        return first, _dt.date(day.year, 12, 31).toordinal()
    if len(text) == 7:
        following = _dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return first, following.toordinal() - 1
    return first, first


def as_of_ordinal(as_of) -> int | None:
    """The first day `as_of` names (see :func:`as_of_period`), or None."""
    period = as_of_period(as_of)
    return None if period is None else period[0]


def edge_filter(p: Projection, *, as_of=None, kinds=None, exclude=None):
    """A predicate on edge ids: the facts valid at `as_of`, of one of the edge `kinds` (all if
    None), touching none of `exclude`.

    A fact is valid at `as_of` when it had begun by its end and had not ended before it: ``2016``
    keeps a project that ran from May to September 2016. `exclude` holds node ids (say
    :func:`context_hubs`), node kinds (``PublicAuthority``, any case) and edge kinds.
    """
    period = as_of_period(as_of)
    codes = None if kinds is None else {p.edge_kinds.index(k) for k in kinds}
    nodes: set[int] = set()
    node_kinds: set[str] = set()
    edge_codes: set[int] = set()
    for item in exclude or ():
        if isinstance(item, int):
            nodes.add(item)
        elif item in p.edge_kinds:
            edge_codes.add(p.edge_kinds.index(item))
        elif node_kind(item) is not None:
            node_kinds.add(node_kind(item))
        else:
            raise UsageError(f"cannot exclude {item!r}: not a node kind nor a fact kind")
    start, end, ekind, src, dst, kind_of = p.start, p.end, p.ekind, p.src, p.dst, p.kinds

    def valid(e: int) -> bool:
        if codes is not None and ekind[e] not in codes:
            return False
        if period is not None:
            lo, hi = period
            if start[e] > hi or (end[e] != NODATE and (end[e] < lo or (end[e] == lo and lo == hi))):
                return False
        if edge_codes and ekind[e] in edge_codes:
            return False
        if nodes and (src[e] in nodes or dst[e] in nodes):
            return False
        return not node_kinds or (kind_of[src[e]] not in node_kinds and kind_of[dst[e]] not in node_kinds)

    return valid


def context_hubs(p: Projection) -> frozenset[int]:
    """Funders of a whole programme, which are context rather than ties between their grantees.

    The rule: a node that funds at least :data:`HUB_MIN` organizations or projects, and at
    least :data:`HUB_SHARE` of all the funded ones (the European Commission in CORDIS data). By
    default paths, brokers, communities and suggestions leave them out
    (``edge_filter(p, exclude=context_hubs(p))``); ``show`` and SPARQL still show them.
    """
    if p._context is None:
        code = p.edge_kinds.index("funds")
        funded: dict[int, set[int]] = {}
        for e in range(p.n_edges):
            if p.ekind[e] == code and (p.is_organization(p.dst[e]) or p.kinds[p.dst[e]] == "Project"):
                funded.setdefault(p.src[e], set()).add(p.dst[e])
        everyone = set().union(*funded.values()) if funded else set()
        p._context = frozenset(f for f, who in funded.items()
                               if len(who) >= HUB_MIN and len(who) >= HUB_SHARE * len(everyone))
    return p._context


__all__ = ["Projection", "projection", "build", "assemble", "fingerprint", "cache_path", "EDGE_KINDS",
           "ORGANIZATION_KINDS", "ORG_KINDS", "NODE_CLASSES", "NODATE", "FORMER", "COORDINATOR", "MAX_CO_MENTIONS",
           "date_ordinal", "ordinal_iso", "recency", "edge_filter", "as_of_period", "as_of_ordinal", "context_hubs"]
