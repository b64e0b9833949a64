"""The projection: the RDF store as a compact property graph for graph algorithms.

Organizations, people, projects, events and places become nodes (plain integer ids); the direct
edges of ``docs/ontology.md`` become typed edges carrying a date, a weight and how many facts
back them. Two entities mentioned in the same article get a weak ``co_mentioned`` edge. Nodes
linked by ``owl:sameAs`` (or an ``ig:Merge`` decision) are collapsed into one.

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

from innograph.graph.compact import CodeColumn, NameIndex, StringColumn

CACHE_VERSION = 4
NODATE = 0
MAX_CO_MENTIONS = 25  # articles that mention more entities than this give no co-mention edges

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_IG = "https://w3id.org/innograph/ns#"
_ORG = "http://www.w3.org/ns/org#"
_SDO = "https://schema.org/"
_FOAF = "http://xmlns.com/foaf/0.1/"
_TIME = "http://www.w3.org/2006/time#"

ORG_KINDS = ("Company", "Hospital", "University", "ResearchCentre", "TrainingCentre",
             "PublicAuthority", "ChamberOfCommerce", "MediaOutlet", "Cluster")
#: Node kinds: an organization's ig: kind (or "Organization"), and the other things.
NODE_CLASSES = {**{_IG + k: k for k in ORG_KINDS}, _ORG + "Organization": "Organization",
                _FOAF + "Person": "Person", _IG + "Project": "Project", _SDO + "Project": "Project",
                _SDO + "Event": "Event", _SDO + "Place": "Place"}
ORGANIZATION_KINDS = frozenset((*ORG_KINDS, "Organization"))

#: Edge kinds: name -> (base weight, symmetric). Fact kinds of ontology/kinds.py, plus
#: ``located_in`` (schema:location of anything but an event) and ``co_mentioned``.
EDGE_KINDS: dict[str, tuple[float, bool]] = {
    "partner_of": (1.0, True), "member_of": (0.9, False), "participates_in": (0.9, False),
    "holds_post": (0.9, False), "created_by": (0.8, False), "funds": (0.7, False),
    "organizes": (0.7, False), "supports": (0.6, False), "attends": (0.6, False),
    "event_location": (0.5, False), "located_in": (0.3, False), "co_mentioned": (0.3, True),
}
FORMER = 1       # flag: a former post
COORDINATOR = 2  # flag: the coordinator of a project


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


def parse_date(text: str | None) -> int:
    """A proleptic ordinal from an ISO date, year-month or year (NODATE if not a date).

    >>> parse_date("2020-01-16") == _dt.date(2020, 1, 16).toordinal(), parse_date("2016-07") > 0
    (True, True)
    """
    if not text:
        return NODATE
    try:
        parts = [int(p) for p in text[:10].split("-") if p]
        return _dt.date(parts[0], *(parts[1:3] + [1, 1][len(parts) - 1:])).toordinal()
    except (ValueError, IndexError):
        return NODATE


def format_date(ordinal: int) -> str | None:
    return _dt.date.fromordinal(ordinal).isoformat() if ordinal != NODATE else None


def _rank(kind: str | None) -> int:
    return -1 if kind is None else 0 if kind == "Organization" else 2 if kind in ORG_KINDS else 1


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
    """The projection of `kg`: from memory, from the cache file, or built (and cached) now."""
    key = fingerprint(kg)
    held = getattr(kg, "_innograph_projection", None)
    if held is not None and held.fingerprint == key and not rebuild:
        return held
    path = cache_path(kg)
    result = None
    if path is not None and path.exists() and not rebuild:
        result = _read_cache(path, key)
    if result is None:
        result = build(kg, key)
        if path is not None:
            _write_cache(path, result)
    gc.freeze()  # a large graph kept alive: keep the collector from walking it again and again
    kg._innograph_projection = result
    return result


def _read_cache(path: Path, key: str) -> Projection | None:
    try:
        with open(path, "rb") as stream:
            if pickle.load(stream) != key:
                return None
            enabled = gc.isenabled()
            gc.disable()
            try:
                return pickle.load(stream)
            finally:
                if enabled:
                    gc.enable()
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        return None  # unreadable or from another version: rebuild


def _write_cache(path: Path, result: Projection) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as stream:
            pickle.dump(result.fingerprint, stream, protocol=pickle.HIGHEST_PROTOCOL)
            result._index = None
            pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
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
    """Read the store and build the projection (see :mod:`innograph.graph.project`)."""
    from innograph.graph.project import build as _build

    return _build(kg, key)


__all__ = ["Projection", "projection", "build", "fingerprint", "cache_path", "EDGE_KINDS",
           "ORGANIZATION_KINDS", "NODATE", "parse_date", "format_date", "recency"]
