"""Reading the store into the parts of the projection (see :mod:`innograph.graph.projection`).

Everything it reads comes from :mod:`innograph.ontology.kinds`: node classes, and for each fact
kind its fact node (with its role properties) and its direct edges (with their direction). It
reads with pyoxigraph directly, one predicate at a time, and keeps plain strings and integer
ids: rdflib terms or a networkx graph would double the time and the memory.

This module does not import :mod:`innograph.graph.projection` (which imports it): it returns
plain :class:`Parts`, which the projection module assembles.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import OWL, RDF, RDFS

from innograph.graph.normalize import UnionFind, fold
from innograph.graph.resolve_rules import canonical_iri, canonical_kind
from innograph.ontology.kinds import KINDS, NODE_CLASSES, ROLE, edge_kind, node_kind_rank
from innograph.ontology.ns import DCTERMS, FOAF, IG, ORG, PROV, SDO, SKOS, TIME

NODATE = 0
MAX_CO_MENTIONS = 25  # articles that mention more entities than this give no co-mention edges
FORMER = 1       # flag: a former post
COORDINATOR = 2  # flag: the coordinator of a project

_TYPE = str(RDF.type)


def date_ordinal(text: str | None) -> int:
    """A proleptic ordinal from an ISO date, year-month or year (NODATE if not a date).

    >>> date_ordinal("2020-01-16") == _dt.date(2020, 1, 16).toordinal(), date_ordinal("2016-07") > 0
    (True, True)
    """
    if not text:
        return NODATE
    try:
        parts = [int(p) for p in text[:10].split("-") if p]
        return _dt.date(parts[0], *(parts[1:3] + [1, 1][len(parts) - 1:])).toordinal()
    except (ValueError, IndexError):
        return NODATE


@dataclass
class Parts:
    """What the store says, before the projection's columns: nodes, names and merged edges."""

    iris: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    names: dict[str, list[int]] = field(default_factory=dict)
    members: dict[int, list[str]] = field(default_factory=dict)
    # (u, v, kind) -> [count, first date, last date, end date, flags]
    edges: dict[tuple[int, int, str], list[int]] = field(default_factory=dict)


def _pairs(store, predicate, *, graphs: bool = False):
    """(subject, object value, graph IRI or None) of every quad with `predicate`."""
    for q in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, None):
        g = q.graph_name if graphs else None
        yield q.subject.value, q.object.value, (g.value if isinstance(g, ox.NamedNode) else None)


def _typed(store, cls) -> set[str]:
    return {q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(_TYPE), ox.NamedNode(str(cls)), None)}


def _kind_of_merge(a: str, b: str) -> str:
    """The kind a node merging kinds `a` and `b` keeps (``graph.resolve_rules.canonical_kind``)."""
    if a == "Thing":
        return b
    ra, rb = node_kind_rank(a), node_kind_rank(b)
    if ra != rb or ra < 2:
        return a if ra >= rb else b
    return canonical_kind([a, b]) or a


def _merges(store) -> UnionFind:
    """owl:sameAs links, accepted ig:Merge decisions and ig:canonical, as one union-find whose
    representatives are the canonical IRIs when resolution named them."""
    uf = UnionFind()
    for s, o, _ in _pairs(store, OWL.sameAs):
        uf.union(s, o, keep=canonical_iri([uf.find(s), uf.find(o)]))
    merged_from = defaultdict(list)
    for s, o, _ in _pairs(store, IG.mergedFrom):
        merged_from[s].append(o)
    decisions = _typed(store, IG.Merge)
    for decision, kept, _ in _pairs(store, IG.mergedInto):
        if decision in decisions:
            for other in merged_from.get(decision, ()):
                uf.union(other, kept, keep=kept)
    for iri, kept, _ in _pairs(store, IG.canonical):  # resolution's rule for the IRI that stands
        uf.union(iri, kept, keep=kept)
    return uf


class _Graph:
    """Nodes (collapsed through the union-find) and edges being built."""

    def __init__(self, kinds_of: dict[str, str], uf: UnionFind) -> None:
        self.kinds_of, self.uf = kinds_of, uf
        self.parts = Parts()
        self.ids: dict[str, int] = {}
        for iri in sorted(kinds_of):
            self.node(iri)

    def node(self, iri: str, *, create: bool = True) -> int | None:
        parts, kinds_of = self.parts, self.kinds_of
        rep = self.uf.find(iri) if self.uf.parent else iri
        n = self.ids.get(rep)
        if n is None:
            if not create and rep not in kinds_of and iri not in kinds_of:
                return None
            n = self.ids[rep] = len(parts.iris)
            parts.iris.append(rep)
            parts.kinds.append(kinds_of.get(rep) or kinds_of.get(iri) or "Thing")
        if rep != iri:
            self.ids[iri] = n
            group = parts.members.setdefault(n, [rep])
            if iri not in group:
                group.append(iri)
        if iri in kinds_of and kinds_of[iri] != parts.kinds[n]:  # a merged node: its most specific kind
            parts.kinds[n] = _kind_of_merge(parts.kinds[n], kinds_of[iri])
        return n

    def add(self, a: str, b: str, kind: str, date: int = NODATE, end: int = NODATE, flags: int = 0) -> None:
        u, v = self.node(a, create=False), self.node(b, create=False)
        if u is None or v is None or u == v:
            return
        if KINDS[kind].symmetric and v < u:
            u, v = v, u
        edges = self.parts.edges
        rec = edges.get((u, v, kind))
        if rec is None:
            edges[(u, v, kind)] = [1, date, date, end, flags]
            return
        rec[0] += 1
        if date != NODATE:
            rec[1] = date if rec[1] == NODATE else min(rec[1], date)
            rec[2] = max(rec[2], date)
        if rec[3] != NODATE:  # an open-ended fact keeps the edge open
            rec[3] = NODATE if end == NODATE else max(rec[3], end)
        rec[4] |= flags


def _node_kinds(store) -> dict[str, str]:
    kinds_of: dict[str, str] = {}
    for cls, kind in NODE_CLASSES.items():
        for s in _typed(store, cls):
            if node_kind_rank(kind) > node_kind_rank(kinds_of.get(s)):
                kinds_of[s] = kind
    for s, cls, _ in _pairs(store, IG.canonicalKind):  # the kind resolution settled on
        if cls in NODE_CLASSES:
            kinds_of[s] = NODE_CLASSES[cls]
    return kinds_of


class _Dates:
    """Dates the facts take: articles' publication, facts derived from them, things' periods."""

    def __init__(self, store) -> None:
        self.published: dict[str, int] = {}
        for s, o, _ in _pairs(store, SDO.datePublished):
            self.published[s] = max(self.published.get(s, NODATE), date_ordinal(o))
        self.derived: dict[str, int] = {}
        for s, o, _ in _pairs(store, PROV.wasDerivedFrom):
            d = self.published.get(o, NODATE)
            if d != NODATE:
                self.derived[s] = d if s not in self.derived else min(self.derived[s], d)
        self.own = {s: date_ordinal(o) for s, o, _ in _pairs(store, DCTERMS.date)}
        self.starts = {s: date_ordinal(o) for s, o, _ in _pairs(store, SDO.startDate)}
        self.ends = {s: date_ordinal(o) for s, o, _ in _pairs(store, SDO.endDate)}
        self.statements: dict[tuple[str, str, str], int] = {}
        stmt: dict[str, dict[str, str]] = defaultdict(dict)
        for p, name in ((RDF.subject, "s"), (RDF.predicate, "p"), (RDF.object, "o")):
            for s, o, _ in _pairs(store, p):
                stmt[s][name] = o
        for f, props in stmt.items():
            if len(props) == 3 and f in self.derived:
                self.statements[(props["s"], props["p"], props["o"])] = self.derived[f]

    def of_fact(self, f: str) -> int:
        return self.own.get(f) or self.derived.get(f, NODATE)

    def period(self, thing: str) -> tuple[int, int]:
        return self.starts.get(thing, NODATE), self.ends.get(thing, NODATE)


def _membership_periods(store) -> dict[str, tuple[int, int]]:
    """org:memberDuring of each membership: (beginning, end) dates."""
    instants = {s: date_ordinal(o) for s, o, _ in _pairs(store, TIME.inXSDDate)}
    begins = {s: instants.get(o, NODATE) for s, o, _ in _pairs(store, TIME.hasBeginning)}
    ends = {s: instants.get(o, NODATE) for s, o, _ in _pairs(store, TIME.hasEnd)}
    return {s: (begins.get(o, NODATE), ends.get(o, NODATE)) for s, o, _ in _pairs(store, ORG.memberDuring)}


def _node_facts(store, g: _Graph, dates: _Dates, fact_nodes: dict[str, set[str]]) -> set[tuple[str, str, str]]:
    """Edges of the facts that have a node (memberships, posts, grants, agreements,
    participations); returns the (subject, kind, object) they cover, so that the same fact's
    direct edge does not count twice."""
    covered: set[tuple[str, str, str]] = set()
    roles = {f: o for f, o, _ in _pairs(store, ROLE)}
    former = {f for f, o, _ in _pairs(store, IG.current) if o.strip().lower() in ("false", "0")}
    during = _membership_periods(store)
    for kind in KINDS.values():
        if not (kind.projected and kind.node and kind.subject_role):
            continue
        nodes = fact_nodes[kind.name]
        subjects, objects = defaultdict(list), defaultdict(list)
        for f, o, _ in _pairs(store, kind.subject_role):
            if f in nodes:
                subjects[f].append(o)
        if kind.object_role != kind.subject_role:
            for f, o, _ in _pairs(store, kind.object_role):
                if f in nodes:
                    objects[f].append(o)
        for f, who in subjects.items():
            when = dates.of_fact(f)
            if kind.symmetric and kind.object_role == kind.subject_role:
                pairs = [(a, b) for i, a in enumerate(who) for b in who[i + 1:]]
            else:
                pairs = [(a, b) for a in who for b in objects.get(f, ())]
            flags = FORMER if f in former else 0
            if (roles.get(f) or "").lower().startswith("coord"):
                flags |= COORDINATOR
            for a, b in pairs:
                start, end = when, NODATE
                if f in during:
                    since, until = during[f]
                    start, end = since or when, until
                elif kind.period_from_object:  # the project's, for a grant to an organization too
                    first, last = next((dates.period(x) for x in (b, *objects.get(f, ()))
                                        if dates.period(x) != (NODATE, NODATE)), (NODATE, NODATE))
                    start, end = (first or when), last
                g.add(a, b, kind.name, start, end, flags)
                covered.add((min(a, b), kind.name, max(a, b)) if kind.symmetric else (a, kind.name, b))
    return covered


def _direct_edges(store, g: _Graph, dates: _Dates, fact_nodes: dict[str, set[str]], covered: set) -> None:
    """Direct edges (``org:memberOf``, ``schema:funder``...) that no fact node already gave."""
    predicates = dict.fromkeys(p.iri for k in KINDS.values() if k.projected for p in k.predicates)
    for predicate in predicates:
        for s, o, graph in _pairs(store, predicate, graphs=True):
            found = edge_kind(predicate, subject_is_event=g.kinds_of.get(s) == "Event")
            if found is None or not KINDS[found[0]].projected:
                continue
            kind = KINDS[found[0]]
            if kind.node and s in fact_nodes[kind.name]:
                continue  # the fact node's own property (a grant's schema:funder)
            a, b = (o, s) if found[1] else (s, o)
            seen = (min(a, b), kind.name, max(a, b)) if kind.symmetric else (a, kind.name, b)
            if seen in covered:
                continue
            covered.add(seen)
            start = dates.statements.get((s, predicate, o)) or dates.published.get(graph or "", NODATE)
            end = NODATE
            if kind.period_from_object:
                first, last = dates.period(b)
                start, end = first or start, last
            g.add(a, b, kind.name, start, end)


def _co_mentions(store, g: _Graph, dates: _Dates) -> None:
    mentions = defaultdict(set)
    for s, o, _ in _pairs(store, SDO.mentions):
        if g.node(o, create=False) is not None:
            mentions[s].add(o)
    for article, things in mentions.items():
        if 2 <= len(things) <= MAX_CO_MENTIONS:
            ordered = sorted(things)
            when = dates.published.get(article, NODATE)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    g.add(a, b, "co_mentioned", when)


def _labels(store, g: _Graph) -> None:
    parts, ids = g.parts, g.ids
    labels = parts.labels = [""] * len(parts.iris)
    alt = defaultdict(list)
    for s, o, _ in _pairs(store, RDFS.label):
        n = ids.get(s)
        if n is not None and (not labels[n] or s == parts.iris[n]):
            labels[n] = o
    for s, o, _ in _pairs(store, FOAF.name):
        n = ids.get(s)
        if n is not None and not labels[n]:
            labels[n] = o
    for s, o, _ in _pairs(store, SKOS.altLabel):
        n = ids.get(s)
        if n is not None:
            alt[n].append(o)
    names: dict[str, list[int]] = defaultdict(list)
    for n, iri in enumerate(parts.iris):
        if not labels[n]:
            labels[n] = iri.rstrip("/").rsplit("/", 1)[-1]
        for name in {fold(labels[n]), *(fold(a) for a in alt.get(n, ()))}:
            if name and (not names[name] or names[name][-1] != n):
                names[name].append(n)
    parts.names = dict(names)


def read(store) -> Parts:
    """Read a pyoxigraph store (every graph) into the projection's parts."""
    g = _Graph(_node_kinds(store), _merges(store))
    fact_nodes: dict[str, set[str]] = {}
    for kind in KINDS.values():
        if kind.node:
            nodes = _typed(store, kind.node)
            fact_nodes[kind.name] = nodes - _typed(store, kind.not_node) if kind.not_node else nodes
    dates = _Dates(store)
    covered = _node_facts(store, g, dates, fact_nodes)
    _direct_edges(store, g, dates, fact_nodes, covered)
    _co_mentions(store, g, dates)
    _labels(store, g)
    return g.parts


__all__ = ["Parts", "read", "date_ordinal", "NODATE", "FORMER", "COORDINATOR", "MAX_CO_MENTIONS"]
