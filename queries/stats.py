"""Counts that say what the graph knows: things by class, organizations before and after
resolution, facts by kind (read from :mod:`innograph.ontology.kinds`), sources.

Each figure says what it counts: a class counts the distinct IRIs typed with it; a fact kind's
``edges`` the distinct pairs its direct edges link (``org:memberOf`` and ``org:hasMember`` of one
pair count once; a symmetric kind's pair once), its ``nodes`` the fact nodes of its class
(participations are not counted as memberships although ``ig:Participation`` is a kind of
``org:Membership``); ``organizations`` after resolution counts one per merged group.

>>> from innograph.graph.store import KnowledgeGraph
>>> summary(KnowledgeGraph())["triples"]
0
"""

from __future__ import annotations

import pyoxigraph as ox

from innograph.ontology import shorten
from innograph.ontology.kinds import KINDS, NODE_CLASSES, ORGANIZATION_KINDS, FactKind
from innograph.ontology.ns import SDO


def _t(term) -> str:
    return str(ox.NamedNode(str(term)))


class Stats(dict):
    """The summary (a dict: ``triples``, ``sources``, ``organizations``, ``classes``, ``facts``),
    with ``to_dict()`` (every figure) and ``to_dicts()`` (one row per class, organization count
    and fact kind: group, name, count, what it counts)."""

    def to_dict(self) -> dict:
        return dict(self)

    def to_dicts(self) -> list[dict]:
        rows = [{"group": "class", "name": c["class"], "count": c["instances"], "counts": "distinct IRIs of the class"}
                for c in self["classes"]]
        for name, value in self["organizations"].items():
            rows.append({"group": "organizations", "name": name, "count": value, "counts": _ORG_COUNTS[name]})
        for f in self["facts"]:
            for what in ("edges", "nodes"):
                if f[what] is not None:
                    rows.append({"group": "fact", "name": f"{f['kind']} {what}", "count": f[what],
                                 "counts": f"{what} stored as {f['stored as']}"})
        return rows


_ORG_COUNTS = {"typed": "distinct IRIs typed as organizations, as loaded",
               "after resolution": "organizations once merged IRIs (owl:sameAs, ig:Merge) are one"}


def summary(kg, *, projection=None) -> Stats:
    """Triples, sources, instances per class, organizations, and for each fact kind its edges and nodes."""
    classes = [
        {"class": shorten(row["c"].value), "instances": int(row["n"].value)}
        for row in kg.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } } GROUP BY ?c ORDER BY DESC(?n) ?c")  # sources only, not the ontology
    ]
    facts = [
        {
            "kind": kind.name,
            "edges": _edges(kg, kind) if kind.predicates else None,
            "nodes": _nodes(kg, kind) if kind.node else None,
            "stored as": " / ".join(shorten(t) for t in (kind.edge, kind.node) if t),
        }
        for kind in KINDS.values() if kind.predicates or kind.node
    ]
    total = _count(kg, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
    return Stats(
        triples=total,  # every statement, including the sources' own descriptions
        sources=len(kg.sources()),
        organizations=_organizations(kg, projection),
        classes=classes,
        facts=facts,
    )


def _count(kg, query: str, *, union: bool = True) -> int:
    return int(next(iter(kg.query(query, union=union)))["n"].value)


def _organizations(kg, projection) -> dict[str, int]:
    org_classes = " ".join(_t(c) for c, k in NODE_CLASSES.items() if k in ORGANIZATION_KINDS)
    typed = _count(kg, f"SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {{ ?o a ?c VALUES ?c {{ {org_classes} }} }}")
    if projection is None:
        from innograph.graph.projection import projection as project

        projection = project(kg)
    resolved = sum(1 for n in range(projection.n_nodes) if projection.is_organization(n))
    return {"typed": typed, "after resolution": resolved}


def _nodes(kg, kind: FactKind) -> int:
    """Fact nodes of the kind's class (not those of a more specific kind, such as participations)."""
    other = f"FILTER NOT EXISTS {{ ?f a {_t(kind.not_node)} }}" if kind.not_node else ""
    return _count(kg, f"SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ ?f a {_t(kind.node)} {other} }}")


def _edges(kg, kind: FactKind) -> int:
    """Distinct pairs linked by the kind's direct edges, in the kind's direction; a fact node's
    own property (a grant's ``schema:funder``) is not an edge, nor is an event's place a
    ``located_in`` (it is an ``event_location``)."""
    branches = []
    for p in kind.predicates:
        a, b = ("?y", "?x") if p.reverse else ("?x", "?y")
        branches.append(f"{{ ?x {_t(p.iri)} ?y BIND({a} AS ?a) BIND({b} AS ?b) }}")
    filters = [f"FILTER NOT EXISTS {{ ?x a {_t(kind.node)} }}"] if kind.node else []
    event = _t(SDO.Event)
    if kind.subject_class:
        filters.append(f"?x a {_t(kind.subject_class)} .")
    elif any(other.subject_class for other in KINDS.values() if other is not kind
             and {p.iri for p in other.predicates} & {p.iri for p in kind.predicates}):
        filters.append(f"FILTER NOT EXISTS {{ ?x a {event} }}")
    pair = "(IF(STR(?a) < STR(?b), ?a, ?b) AS ?u) (IF(STR(?a) < STR(?b), ?b, ?a) AS ?v)" if kind.symmetric else "?a ?b"
    query = (f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT {pair} WHERE {{ "
             f"{' UNION '.join(branches)} {' '.join(filters)} }} }}")
    return _count(kg, query)


__all__ = ["Stats", "summary"]
