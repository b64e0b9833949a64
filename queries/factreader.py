"""Reading the facts of :mod:`innograph.queries.facts` from the store, as
:mod:`innograph.ontology.kinds` declares them.

Terms are what costs on a store on disk (each value read is a look-up of its string, and each
join a look-up per row), so the reader scans each predicate it needs once, selecting only the
variables it needs, and joins in Python: the fact nodes of a kind, then their roles and
attributes (a grant's two funded items are two rows of one scan, not two copies of the grant).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS

from innograph.ontology.kinds import CURRENT, DATE, JOB_TITLE, KINDS, ROLE
from innograph.ontology.ns import FOAF, IG, ORG, PROV, SDO, SKOS, TIME


def _t(term) -> str:
    """A vocabulary term as SPARQL text (``<iri>``)."""
    return str(ox.NamedNode(str(term)))


def key_of(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else str(term.value)


# A path from a fact node to a value: one step per predicate (several predicates: any of them).
Path = tuple[tuple[str, ...], ...]


def _path(*steps) -> Path:
    return tuple(tuple(str(p) for p in (step if isinstance(step, tuple) else (step,))) for step in steps)


#: Per fact-node kind: value name -> path from the node. ``s`` and ``o`` are the two ends.
ATTRIBUTES: dict[str, dict[str, Path]] = {
    "member_of": {"date": _path(ORG.memberDuring, TIME.hasBeginning,
                                (TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear)),
                  "role": _path(ROLE)},
    "holds_post": {"role": _path(JOB_TITLE), "current": _path(CURRENT)},
    "funds": {"amount": _path(SDO.amount, SDO.value), "currency": _path(SDO.amount, SDO.currency),
              "money": _path(SDO.amount)},
    "partner_of": {"date": _path(DATE), "label": _path(RDFS.label)},
    "participates_in": {"role": _path(ROLE)},
    "quoted": {"quote": _path(SDO.text)},
}
#: Where every fact (node or statement) says where it was read.
PROVENANCE: dict[str, Path] = {"evidence": _path(IG.evidence), "start": _path(IG.charStart),
                               "end": _path(IG.charEnd), "doc": _path(PROV.wasDerivedFrom)}

#: Below this many nodes, their values are looked up one by one rather than by a scan.
LOOKUPS = 500

TYPE = str(RDF.type)
LABEL = str(RDFS.label)
NAME_PREDICATES = (str(SDO.headline), LABEL, str(SKOS.altLabel), str(FOAF.name), str(SDO.name))
START, END = str(SDO.startDate), str(SDO.endDate)


@dataclass
class Raw:
    """One fact as read, before its entities are resolved: values by name (``s``, ``o``...)."""

    kind: str
    graph: str
    node: str | None
    values: dict[str, list] = field(default_factory=dict)

    def add(self, name: str, term) -> None:
        bucket = self.values.setdefault(name, [])
        if term not in bucket:
            bucket.append(term)

    def first(self, name: str):
        found = self.values.get(name)
        return found[0] if found else None

    def terms(self) -> list:
        out = [t for name in ("s", "o", "es", "eo", "doc") for t in self.values.get(name, ())]
        return [t for t in out if isinstance(t, (ox.NamedNode, ox.BlankNode))] + [ox.NamedNode(self.graph)]

    def stated(self) -> list[tuple]:
        """(graph, subject, predicate, object) of the direct edges this fact node states."""
        k = KINDS.get(self.kind)
        if k is None or self.node is None:
            return []
        ends = self.values.get("s", [])
        pairs = ([(a, b) for a in ends for b in ends if a != b] if k.object_role == k.subject_role
                 else [(a, b) for a in ends for b in self.values.get("o", [])])
        out = []
        for p in k.predicates:
            predicate = ox.NamedNode(p.iri)
            for a, b in pairs:
                out.append((self.graph, b, predicate, a) if p.reverse else (self.graph, a, predicate, b))
                if k.symmetric:
                    out.append((self.graph, a, predicate, b) if p.reverse else (self.graph, b, predicate, a))
        return out


class Reader:
    """Scans of the store (each predicate once), optionally restricted to some named graphs."""

    def __init__(self, kg, graphs: tuple[str, ...] = ()) -> None:
        self.kg, self.graphs = kg, graphs
        self._local = {ox.NamedNode(g) for g in graphs}
        self._scans: dict[tuple[str, bool], list] = {}

    def values(self) -> str:
        return "VALUES ?g { " + " ".join(str(ox.NamedNode(g)) for g in self.graphs) + " }" if self.graphs else ""

    def select(self, query: str):
        return self.kg.store.query(query, use_default_graph_as_union=True)

    def scan(self, predicate: str, *, graph: bool = False) -> list[tuple]:
        """(subject, object) — or (graph IRI, subject, object) — of every use of `predicate`."""
        key = (predicate, graph)
        if key not in self._scans:
            head = "?g ?s ?o" if graph else "?s ?o"
            rows = self.select(f"SELECT {head} WHERE {{ {self.values()} GRAPH ?g {{ ?s {_t(predicate)} ?o }} }}")
            self._scans[key] = ([(r[0].value, r[1], r[2]) for r in rows] if graph else [(r[0], r[1]) for r in rows])
        return self._scans[key]

    def typed(self, cls: str) -> list[tuple[str, object]]:
        """(graph IRI, node) of every node of class `cls`."""
        key = (cls, None)
        if key not in self._scans:
            rows = self.select(f"SELECT ?g ?n WHERE {{ {self.values()} GRAPH ?g {{ ?n a {_t(cls)} }} }}")
            self._scans[key] = [(r[0].value, r[1]) for r in rows]
        return self._scans[key]

    def follow(self, nodes, path: Path) -> dict:
        """Node -> the values at the end of `path` from it, for the nodes (terms) given."""
        current: dict = {n: [n] for n in nodes}
        for step in path:
            by_start: dict = defaultdict(list)
            for n, terms in current.items():
                for t in terms:
                    by_start[t].append(n)
            reached: dict = defaultdict(list)
            for predicate in step:
                for s, o in self._pairs(predicate, by_start):
                    for n in by_start.get(s, ()):
                        if o not in reached[n]:
                            reached[n].append(o)
            current = reached
        return current

    def _pairs(self, predicate: str, starts: dict) -> list[tuple]:
        """(subject, object) of `predicate` from the `starts`: a scan of the predicate, or for a
        few starts and no scan yet, a look-up from each (a store with 5,000 participations and
        one membership need not read 5,000 ``org:member`` triples)."""
        if (predicate, False) in self._scans or len(starts) > LOOKUPS:
            return self.scan(predicate)
        p, out = ox.NamedNode(predicate), []
        for start in starts:
            if isinstance(start, (ox.NamedNode, ox.BlankNode)):
                for q in self.kg.store.quads_for_pattern(start, p, None, None):
                    if not self._local or q.graph_name in self._local:
                        out.append((q.subject, q.object))
        return out

    def _attach(self, items: dict, paths: dict[str, Path]) -> None:
        for name, path in paths.items():
            for n, found in self.follow(items, path).items():
                for item in items[n]:
                    for term in found:
                        item.add(name, term)

    def node_facts(self, kind: str) -> list[Raw]:
        """The fact nodes of `kind`, with their ends, attributes and provenance."""
        k = KINDS[kind]
        excluded = {n for _, n in self.typed(k.not_node)} if k.not_node else set()
        items: dict = defaultdict(list)
        for g, n in self.typed(k.node):
            if n not in excluded:
                items[n].append(Raw(kind, g, key_of(n)))
        paths = {"s": _path(k.subject_role), **({"o": _path(k.object_role)} if k.object_role != k.subject_role else {}),
                 **ATTRIBUTES.get(kind, {}), **PROVENANCE}
        self._attach(items, paths)
        return [item for group in items.values() for item in group]

    def statements(self, predicates: list[str]) -> list[Raw]:
        """Direct edges reified as ``rdf:Statement`` nodes (what carries their evidence)."""
        wanted = {ox.NamedNode(p) for p in predicates}
        items: dict = defaultdict(list)
        for g, n in self.typed(str(RDF.Statement)):
            items[n].append(Raw("", g, key_of(n)))
        parts = {name: self.follow(items, _path(p)) for name, p in (("p", RDF.predicate), ("es", RDF.subject),
                                                                       ("eo", RDF.object))}
        kept: dict = {}
        for n, group in items.items():
            if all(parts[name].get(n) for name in parts) and parts["p"][n][0] in wanted:
                for item in group:
                    for name in parts:
                        item.add(name, parts[name][n][0])
                kept[n] = group
        self._attach(kept, PROVENANCE)
        return [item for group in kept.values() for item in group]

    def bare_edges(self, predicate: str, stated: set[tuple], fact_nodes: set) -> list[Raw]:
        """Direct edges with `predicate` that no statement or fact node of the same graph states
        (`stated`: (graph, subject, predicate, object) keys) and that are no fact node's own
        property (`fact_nodes`: a grant's ``schema:funder``). The scan gives one row per graph
        holding an edge; only edges held more often than stated are looked up for their graphs."""
        p = ox.NamedNode(predicate)
        stated_in: dict[tuple, set[str]] = defaultdict(set)
        for g, s, pp, o in stated:
            if pp == p:
                stated_in[(s, o)].add(g)
        out = []
        for (s, o), held in Counter(self.scan(predicate)).items():
            if s in fact_nodes or held <= len(stated_in.get((s, o), ())):
                continue
            for q in self.kg.store.quads_for_pattern(s, p, o, None):
                g = q.graph_name
                if not isinstance(g, ox.NamedNode) or (self._local and g not in self._local):
                    continue
                if g.value not in stated_in.get((s, o), ()):
                    item = Raw("", g.value, None)
                    item.values.update(p=[p], es=[s], eo=[o])
                    out.append(item)
        return out

    def entities(self, terms: set, classes: Iterable[str] | None = None) -> dict:
        """Names, types and dates of `terms`, from every graph: predicate -> values, by term.
        With `classes`, the types read are only those (one scan instead of a look-up each)."""
        found: dict = {t: {} for t in terms}
        for predicate in (*NAME_PREDICATES, START, END):
            for row in self._scan_all(predicate):
                g, s, o = row
                values = found.get(s)
                if values is not None:
                    bucket = values.setdefault(predicate, [])
                    if o.value not in bucket:
                        bucket.append(o.value)
                    if predicate == LABEL and g in self._local:
                        values["local"] = [o.value]
        if classes is None:
            a = ox.NamedNode(TYPE)
            for term, values in found.items():
                values[TYPE] = sorted({q.object.value for q in self.kg.store.quads_for_pattern(term, a, None, None)})
            return found
        listed = " ".join(str(ox.NamedNode(c)) for c in classes)
        for row in self.select(f"SELECT ?s ?t WHERE {{ VALUES ?t {{ {listed} }} GRAPH ?g {{ ?s a ?t }} }}"):
            values = found.get(row[0])
            if values is not None and row[1].value not in values.setdefault(TYPE, []):
                values[TYPE].append(row[1].value)
        return found

    def _scan_all(self, predicate: str):
        """(graph, subject, object) of `predicate` in every graph (names come from any source)."""
        rows = self.select(f"SELECT ?g ?s ?o WHERE {{ GRAPH ?g {{ ?s {_t(predicate)} ?o }} }}")
        return ((r[0], r[1], r[2]) for r in rows)


__all__ = ["Raw", "Reader", "ATTRIBUTES", "PROVENANCE", "key_of"]
