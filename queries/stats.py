"""Counts that say what the graph knows: things by class, facts by kind, sources.

>>> from innograph.graph.store import KnowledgeGraph
>>> summary(KnowledgeGraph())["triples"]
0
"""

from __future__ import annotations

from innograph.ontology import shorten
from innograph.ontology.kinds import KINDS


def summary(kg) -> dict:
    """Triples, sources, instances per class, and for each fact kind its edges and nodes."""
    classes = [
        {"class": shorten(row["c"].value), "instances": int(row["n"].value)}
        for row in kg.query(
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) ?c"
        )
    ]
    predicates = {
        row["p"].value: int(row["n"].value)
        # DISTINCT: pyoxigraph 0.5's union default graph repeats a triple once per source holding it
        for row in kg.query("SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } } GROUP BY ?p")
    }
    instances = {
        row["c"].value: int(row["n"].value)
        for row in kg.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
    }
    facts = [
        {
            "kind": kind.name,
            "edges": _direct_edges(kg, kind, predicates) if kind.edge else None,
            "nodes": instances.get(kind.node, 0) if kind.node else None,
            "stored as": " / ".join(shorten(t) for t in (kind.edge, kind.node) if t),
        }
        for kind in KINDS.values()
    ]
    total = _count(kg, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
    return {
        "triples": total,  # every statement, including the sources' own descriptions
        "sources": len(kg.sources()),
        "classes": classes,
        "facts": facts,
    }


def _count(kg, query: str, *, union: bool = True) -> int:
    return int(next(iter(kg.query(query, union=union)))["n"].value)


def _direct_edges(kg, kind, predicates: dict[str, int]) -> int:
    """Uses of the kind's edge predicate, minus those made by its own fact nodes.

    (``schema:funder`` is both the direct edge item → funder and a property of the grant node.)
    """
    total = predicates.get(kind.edge, 0)
    if not total or not kind.node:
        return total
    own = _count(kg, f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?o WHERE {{ ?s <{kind.edge}> ?o . ?s a <{kind.node}> }} }}")
    return total - own
