"""Building the projection from the store (see :mod:`innograph.graph.projection`).

Reads with pyoxigraph directly, one predicate at a time, and keeps plain strings and integer
ids: rdflib terms or a networkx graph would double the time and the memory.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict

import pyoxigraph as ox

from innograph.graph.compact import CodeColumn, NameIndex, StringColumn
from innograph.graph.iri import fold
from innograph.graph.projection import (
    _FOAF, _IG, _ORG, _RDF, _RDFS, _SDO, _TIME, COORDINATOR, EDGE_KINDS, FORMER, MAX_CO_MENTIONS, NODATE,
    NODE_CLASSES, Projection, _rank, parse_date,
)


def _pairs(store, predicate: str, *, graphs: bool = False):
    """(subject IRI, object IRI or literal value, graph IRI or None) of every quad with `predicate`."""
    if not graphs:
        for q in store.quads_for_pattern(None, ox.NamedNode(predicate), None, None):
            yield q.subject.value, q.object.value, None
        return
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
    a = ox.NamedNode(_RDF + "type")
    for cls, kind in NODE_CLASSES.items():
        for q in store.quads_for_pattern(None, a, ox.NamedNode(cls), None):
            s = q.subject.value
            if _rank(kind) > _rank(kinds_of.get(s)):
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
        for s, o, g in _pairs(store, predicate, graphs=True):
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


__all__ = ["build"]
