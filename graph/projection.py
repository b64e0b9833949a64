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
>>> chu, cluster = w.organization("CHU de Rouen", kind="Hospital"), w.organization("Cluster", kind="Cluster")
>>> _ = w.membership(chu, cluster, since="2020-01-16")
>>> _ = kg.replace("doc", [SourcePayload(iri=w.source.value, label="doc", loader="test", triples=w.triples)])
>>> p = projection(kg)
>>> list(p.labels), [p.edge_kinds[k] for k in p.ekind]
(['CHU de Rouen', 'Cluster'], ['member_of'])
"""

from __future__ import annotations

import datetime as _dt
import gc
import hashlib
import math
import os
import pickle
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from innograph.graph.compact import CodeColumn, NameIndex, StringColumn
from innograph.graph.iri import fold

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


# -- building ---------------------------------------------------------------------------------
def _pairs(store, predicate: str):
    """(subject IRI, object IRI or literal value, graph IRI) of every quad with `predicate`."""
    for q in store.quads_for_pattern(None, ox.NamedNode(predicate), None, None):
        g = q.graph_name
        yield q.subject.value, q.object.value, (g.value if isinstance(g, ox.NamedNode) else None)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str, *, keep: str | None = None) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if keep is not None:
                winner = self.find(keep)
            else:
                winner = min(ra, rb)
            loser = rb if winner == ra else ra
            self.parent[loser] = winner


def build(kg, key: str = "") -> Projection:
    """Read the store and build the projection (see the module docstring)."""
    store = kg.store
    kinds_of: dict[str, str] = {}
    for s, o, _ in _pairs(store, _RDF + "type"):
        kind = NODE_CLASSES.get(o)
        if kind is not None and _rank(kind) > _rank(kinds_of.get(s)):
            kinds_of[s] = kind
    types_of = defaultdict(set)
    for cls in (_ORG + "Membership", _IG + "Participation", _SDO + "MonetaryGrant", _ORG + "Post",
                _IG + "Agreement", _RDF + "Statement", _SDO + "NewsArticle"):
        for q in store.quads_for_pattern(None, ox.NamedNode(_RDF + "type"), ox.NamedNode(cls), None):
            types_of[q.subject.value].add(cls)

    uf = _UnionFind()
    for s, o, _ in _pairs(store, "http://www.w3.org/2002/07/owl#sameAs"):
        uf.union(s, o)
    merged_from = defaultdict(list)
    merged_into = {}
    for s, o, _ in _pairs(store, _IG + "mergedFrom"):
        merged_from[s].append(o)
    for s, o, _ in _pairs(store, _IG + "mergedInto"):
        merged_into[s] = o
    for decision, kept in merged_into.items():
        if _IG + "Merge" in {q.object.value for q in store.quads_for_pattern(
                ox.NamedNode(decision), ox.NamedNode(_RDF + "type"), None, None)}:
            for other in merged_from.get(decision, ()):
                uf.union(other, kept, keep=kept)

    ids: dict[str, int] = {}
    iris: list[str] = []
    kinds: list[str] = []
    members: dict[int, list[str]] = {}

    def node(iri: str, *, create: bool = True) -> int | None:
        rep = uf.find(iri) if uf.parent else iri
        n = ids.get(rep)
        if n is None:
            if not create and rep not in kinds_of and iri not in kinds_of:
                return None
            n = ids[rep] = len(iris)
            iris.append(rep)
            kinds.append(kinds_of.get(rep) or kinds_of.get(iri) or "Thing")
        if rep != iri:
            ids[iri] = n
            group = members.setdefault(n, [rep])
            if iri not in group:
                group.append(iri)
        elif kinds[n] == "Thing" and iri in kinds_of:
            kinds[n] = kinds_of[iri]
        return n

    for iri in sorted(kinds_of):
        node(iri)

    dates: dict[str, int] = {}
    for s, o, _ in _pairs(store, _SDO + "datePublished"):
        dates[s] = max(dates.get(s, NODATE), parse_date(o))
    derived: dict[str, int] = {}
    for s, o, _ in _pairs(store, "http://www.w3.org/ns/prov#wasDerivedFrom"):
        d = dates.get(o, NODATE)
        if d != NODATE:
            derived[s] = d if s not in derived else min(derived[s], d)

    edges: dict[tuple[int, int, str], list[int]] = {}

    def add(a: str, b: str, kind: str, date: int = NODATE, end: int = NODATE, flags: int = 0) -> None:
        u, v = node(a, create=False), node(b, create=False)
        if u is None or v is None or u == v:
            return
        if EDGE_KINDS[kind][1] and v < u:
            u, v = v, u
        rec = edges.get((u, v, kind))
        if rec is None:
            edges[(u, v, kind)] = [1, date, date, end, flags]
            return
        rec[0] += 1
        if date != NODATE:
            rec[1] = date if rec[1] == NODATE else min(rec[1], date)
            rec[2] = max(rec[2], date)
        rec[4] |= flags

    # Facts with a node of their own: dates, roles, former posts.
    fact = defaultdict(dict)
    for p, name in ((_ORG + "member", "member"), (_ORG + "organization", "org"), (_ORG + "heldBy", "held"),
                    (_ORG + "postIn", "post"), (_SDO + "fundedItem", "item"), (_IG + "participant", "part"),
                    (_IG + "project", "project"), (_ORG + "role", "role"), (_IG + "current", "current"),
                    (_ORG + "memberDuring", "during"), ("http://purl.org/dc/terms/date", "date")):
        for s, o, _ in _pairs(store, p):
            fact[s][name] = o
    for s, o, _ in _pairs(store, _SDO + "funder"):
        if _SDO + "MonetaryGrant" in types_of.get(s, ()):
            fact[s]["funder"] = o
    parties = defaultdict(list)
    for s, o, _ in _pairs(store, _IG + "party"):
        parties[s].append(o)
    begins = {s: o for s, o, _ in _pairs(store, _TIME + "hasBeginning")}
    ends = {s: o for s, o, _ in _pairs(store, _TIME + "hasEnd")}
    instants = {s: parse_date(o) for s, o, _ in _pairs(store, _TIME + "inXSDDate")}
    covered = set()  # (subject, predicate, object) of direct edges a fact node already gave
    for f, props in fact.items():
        types = types_of.get(f, ())
        when = parse_date(props.get("date")) or derived.get(f, NODATE)
        if _IG + "Participation" in types and "part" in props and "project" in props:
            role = (props.get("role") or "").lower()
            add(props["part"], props["project"], "participates_in", when,
                flags=COORDINATOR if role.startswith("coord") else 0)
            covered.add((props["part"], "participates_in", props["project"]))
        elif _ORG + "Membership" in types and "member" in props and "org" in props:
            during = props.get("during")
            since = instants.get(begins.get(during, ""), NODATE) if during else NODATE
            until = instants.get(ends.get(during, ""), NODATE) if during else NODATE
            add(props["member"], props["org"], "member_of", since or when, until)
            covered.add((props["member"], "member_of", props["org"]))
        elif _ORG + "Post" in types and "held" in props and "post" in props:
            former = props.get("current") == "false"
            add(props["held"], props["post"], "holds_post", when, flags=FORMER if former else 0)
            covered.add((props["held"], "holds_post", props["post"]))
        elif "funder" in props and "item" in props:
            add(props["funder"], props["item"], "funds", when)
            covered.add((props["funder"], "funds", props["item"]))
    for f, who in parties.items():
        when = parse_date(fact.get(f, {}).get("date")) or derived.get(f, NODATE)
        for i, a in enumerate(who):
            for b in who[i + 1:]:
                add(a, b, "partner_of", when)
                covered.add((min(a, b), "partner_of", max(a, b)))

    statement_date = {}
    stmt = defaultdict(dict)
    for p, name in ((_RDF + "subject", "s"), (_RDF + "predicate", "p"), (_RDF + "object", "o")):
        for s, o, _ in _pairs(store, p):
            stmt[s][name] = o
    for f, props in stmt.items():
        if len(props) == 3 and f in derived:
            statement_date[(props["s"], props["p"], props["o"])] = derived[f]

    # Direct edges: (predicate, kind, whether the edge runs object -> subject in our reading).
    direct = [(_ORG + "memberOf", "member_of", False), (_ORG + "hasMember", "member_of", True),
              (_SDO + "worksFor", "holds_post", False), (_SDO + "funder", "funds", True),
              (_SDO + "sponsor", "supports", True), (_IG + "partnerOf", "partner_of", False),
              (_IG + "participatesIn", "participates_in", False), (_SDO + "organizer", "organizes", True),
              (_SDO + "location", "event_location", False), (_SDO + "attendee", "attends", True),
              (_SDO + "founder", "created_by", False)]
    for predicate, kind, reverse in direct:
        for s, o, g in _pairs(store, predicate):
            if predicate == _SDO + "funder" and s in types_of and _SDO + "MonetaryGrant" in types_of[s]:
                continue
            a, b = (o, s) if reverse else (s, o)
            k = kind
            if kind == "event_location" and kinds_of.get(s) != "Event":
                k = "located_in"
            seen = (min(a, b), k, max(a, b)) if k == "partner_of" else (a, k, b)
            if seen in covered:
                continue
            covered.add(seen)
            add(a, b, k, statement_date.get((s, predicate, o)) or dates.get(g or "", NODATE))

    mentions = defaultdict(set)
    for s, o, _ in _pairs(store, _SDO + "mentions"):
        n = node(o, create=False)
        if n is not None:
            mentions[s].add(o)
    for article, things in mentions.items():
        if 2 <= len(things) <= MAX_CO_MENTIONS:
            ordered = sorted(things)
            when = dates.get(article, NODATE)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    add(a, b, "co_mentioned", when)

    labels = [""] * len(iris)
    alt = defaultdict(list)
    for s, o, _ in _pairs(store, _RDFS + "label"):
        n = ids.get(s)
        if n is not None and (not labels[n] or s == iris[n]):
            labels[n] = o
    for s, o, _ in _pairs(store, _FOAF + "name"):
        n = ids.get(s)
        if n is not None and not labels[n]:
            labels[n] = o
    for s, o, _ in _pairs(store, "http://www.w3.org/2004/02/skos/core#altLabel"):
        n = ids.get(s)
        if n is not None:
            alt[n].append(o)
    names: dict[str, list[int]] = defaultdict(list)
    for n, iri in enumerate(iris):
        if not labels[n]:
            labels[n] = iri.rstrip("/").rsplit("/", 1)[-1]
        for name in {fold(labels[n]), *(fold(a) for a in alt.get(n, ()))}:
            if name and (not names[name] or names[name][-1] != n):
                names[name].append(n)
    return _assemble(key, iris, labels, kinds, names, members, edges)


def _assemble(key, iris, labels, kinds, names, members, edges) -> Projection:
    kind_names = list(EDGE_KINDS)
    code = {k: i for i, k in enumerate(kind_names)}
    cols = {c: array(t) for c, t in (("src", "i"), ("dst", "i"), ("ekind", "b"), ("weight", "f"),
                                     ("count", "i"), ("start", "i"), ("last", "i"), ("end", "i"), ("flags", "b"))}
    for (u, v, kind), (count, first, last, end, flags) in sorted(edges.items()):
        base = EDGE_KINDS[kind][0]
        if kind == "holds_post" and flags & FORMER:
            base = 0.6
        if kind == "participates_in" and flags & COORDINATOR:
            base = 1.0
        for c, value in zip(cols.values(), (u, v, code[kind], 1 - (1 - base) ** count, count, first, last, end, flags)):
            c.append(value)
    n = len(iris)
    degree = [0] * (n + 1)
    for u, v in zip(cols["src"], cols["dst"]):
        degree[u + 1] += 1
        degree[v + 1] += 1
    for i in range(n):
        degree[i + 1] += degree[i]
    indptr = array("i", degree)
    fill = list(degree[:-1])
    nbr = array("i", bytes(4 * degree[-1]))
    eid = array("i", bytes(4 * degree[-1]))
    for e, (u, v) in enumerate(zip(cols["src"], cols["dst"])):
        nbr[fill[u]], eid[fill[u]] = v, e
        fill[u] += 1
        nbr[fill[v]], eid[fill[v]] = u, e
        fill[v] += 1
    max_date = max(max(cols["last"], default=NODATE), max(cols["end"], default=NODATE))
    degrees = sorted(indptr[i + 1] - indptr[i] for i in range(n))
    typical = max(10, degrees[int(0.9 * (n - 1))] if degrees else 0)
    hub = array("f", (max(0.0, math.log((indptr[i + 1] - indptr[i]) / typical)) if indptr[i + 1] > indptr[i] else 0.0
                      for i in range(n)))
    return Projection(key, StringColumn(iris), StringColumn(labels), CodeColumn(kinds), NameIndex(names), members,
                      kind_names, indptr=indptr, nbr=nbr, eid=eid,
                      hub=hub, max_date=max_date, **cols)


def recency(date: int, reference: int) -> float:
    """Weight of a fact's age: 1 when new, halving towards 0.5 over about five years."""
    if date == NODATE or reference == NODATE:
        return 0.75
    age = max(0.0, (reference - date) / 365.25)
    return 0.5 + 0.5 * math.exp(-age / 5.0)


__all__ = ["Projection", "projection", "build", "fingerprint", "cache_path", "EDGE_KINDS",
           "ORGANIZATION_KINDS", "NODATE", "parse_date", "format_date", "recency"]
