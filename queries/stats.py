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
        for row in kg.query("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p")
    }
    instances = {
        row["c"].value: int(row["n"].value)
        for row in kg.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
    }
    facts = [
        {
            "kind": kind.name,
            "edges": predicates.get(kind.edge, 0) if kind.edge else None,
            "nodes": instances.get(kind.node, 0) if kind.node else None,
            "stored as": " / ".join(shorten(t) for t in (kind.edge, kind.node) if t),
        }
        for kind in KINDS.values()
    ]
    total = int(next(iter(kg.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)))["n"].value)
    return {
        "triples": total,
        "sources": len(kg.sources()),
        "classes": classes,
        "facts": facts,
    }
