"""Explained paths between two entities: the k strongest simple paths, every hop with its evidence.

Three steps: the names are resolved to nodes (:mod:`.lookup`), a path search finds candidates
(:mod:`.pathsearch`: the embedded one, or any search registered by name), and every hop of a
candidate is explained from the local store by the evidence reader, by its edge key
``(source IRI, fact kind, target IRI)``.

A path's score is the product of its hops' strengths (the fact kind's weight, boosted when
several facts back the edge, times a recency factor) and of a penalty for every intermediate
hub (a region that funds everyone explains little): scores lie in (0, 1], higher is better.
A funder of a whole programme is context, not a tie: no path runs through it unless
``include_hubs=True``; ``exclude`` rules out more names, node kinds or fact kinds.
The search meets in the middle: the best partial paths from each end (at most half the hops
each) are joined where they meet, so a search touches the two ends' neighbourhoods only.

>>> from innograph.examples import handmade_example
>>> from innograph.load import ingest
>>> from innograph.graph.store import KnowledgeGraph
>>> kg = KnowledgeGraph(); _ = ingest(kg, handmade_example())
>>> best = paths(kg, "CHU de Rouen", "INSA", k=3)
>>> [hop.to for hop in best[0].hops]
['Métropole Rouen Normandie', 'INSA']
>>> print(best[0].hops[0].sentence())   # doctest: +ELLIPSIS
CHU de Rouen signed an agreement with Métropole Rouen Normandie (Jul 2016, La Métropole ...: «La Métropole et le CHU de Rouen ont signé en juillet 2016, une convention cadre»)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from innograph.errors import NegativeAnswer, UsageError
from innograph.graph.projection import EDGE_KINDS, ordinal_iso
from innograph.graph.projection import as_of_ordinal, edge_filter
from innograph.queries.evidence import Evidence, EvidenceReader, phrase
from innograph.queries.evidence import readable_date
from innograph.queries.lookup import NODE_KINDS, exclusions, node_kind, resolve
from innograph.queries.pathsearch import Candidate, Found, PathSearch, Reached, SearchFilter, path_search
from innograph.queries.results import Record, Results


class NoPath(NegativeAnswer):
    """No path within the hop limit; says which organizations each end reaches."""

    def __init__(self, message: str, nearest_from: list[Nearby], nearest_to: list[Nearby]) -> None:
        super().__init__(message)
        self.nearest_from, self.nearest_to = nearest_from, nearest_to


@dataclass
class Nearby(Record):
    label: str
    kind: str
    hops: int
    score: float


@dataclass
class Hop(Record):
    """One step of a path: ``from`` → ``to`` by ``relation``, with a sentence and evidence."""

    from_: str = field(metadata={"key": "from"})
    to: str
    relation: str
    text: str
    date: str | None
    strength: float
    from_kind: str
    to_kind: str
    from_iri: str
    to_iri: str
    evidence: list[Evidence] = field(default_factory=list)

    def sentence(self) -> str:
        """The hop as a sentence: "A joined B (16 Jan 2020, Ouest-France: «...»)"."""
        ev = self.evidence
        with_text = next((x for x in ev if x.text), None)
        sources = list(dict.fromkeys(x.source for x in ev))
        inside = []
        if self.date:
            inside.append(readable_date(self.date))
        if sources:
            shown = ", ".join(sources[:2]) + (f" and {len(sources) - 2} more" if len(sources) > 2 else "")
            inside.append(f"{shown}: «{with_text.text}»" if with_text else shown)
        return f"{self.from_} {self.text} {self.to}" + (f" ({', '.join(inside)})" if inside else "")


@dataclass
class Path(Record):
    """A path: its ``score`` in (0, 1] and its ``hops``."""

    score: float
    hops: list[Hop]
    nodes: list[str] = field(default_factory=list)

    def rows(self):
        return [{"hop": i, "score": self.score, "from": h.from_, "relation": h.relation, "to": h.to,
                 "text": h.text, "date": h.date, "source": h.evidence[0].source if h.evidence else None,
                 "evidence": next((x.text for x in h.evidence if x.text), None),
                 "from_iri": h.from_iri, "to_iri": h.to_iri}
                for i, h in enumerate(self.hops, 1)]

    def text(self) -> str:
        return "\n".join(f"  {i}. {h.sentence()}" for i, h in enumerate(self.hops, 1))




def _split_via(via) -> tuple[frozenset[str] | None, list[str] | None]:
    nodes, edges = set(), []
    folded = {k.lower(): k for k in EDGE_KINDS}
    for item in via or ():
        if str(item).lower() in folded:
            edges.append(folded[str(item).lower()])
            continue
        try:
            nodes.add(node_kind(item))
        except UsageError:
            raise UsageError(f"unknown kind {item!r} for --via; use node kinds ({', '.join(NODE_KINDS)}) "
                             f"or fact kinds ({', '.join(EDGE_KINDS)})") from None
    return (frozenset(nodes) or None), (edges or None)


def paths(kg, source: str, target: str, *, projection=None, k: int = 5, max_hops: int = 4, via=(),
          avoid_hubs: bool = False, as_of=None, exclude=(), include_hubs: bool = False,
          search: str | PathSearch = "embedded", evidence=None) -> Results:
    """The `k` strongest simple paths from `source` to `target` (names or IRIs), explained.

    `via` restricts the intermediate nodes to node kinds (``Project``, ``Cluster``,
    ``Person``...) and/or the edges to fact kinds (``participates_in``...); `as_of` keeps the
    facts valid at that date; `exclude` names entities, node kinds or fact kinds no path may
    use; funders of a whole programme are passed through only with `include_hubs`. `search`
    is a registered path search's name or a :class:`~.pathsearch.PathSearch`. Raises
    :class:`NoPath` (exit 1) with the organizations each end reaches when there is none.
    """
    if k < 1:
        raise UsageError("k must be at least 1")
    if not 1 <= max_hops <= 8:
        raise UsageError("max_hops must be between 1 and 8")
    mid_kinds, edge_kinds = _split_via(via)
    as_of_ordinal(as_of)  # a UsageError before any work
    from innograph.graph.projection import projection as project

    p = projection or project(kg)
    s, t = resolve(kg, source, projection=p), resolve(kg, target, projection=p)
    if s == t:
        raise UsageError(f"{source!r} and {target!r} are the same entity ({p.labels[s]})")
    ruled_out = exclusions(kg, exclude, include_hubs=include_hubs, keep=(s, t), projection=p)
    if ruled_out.edge_kinds:
        edge_kinds = [x for x in (edge_kinds or p.edge_kinds) if x not in ruled_out.edge_kinds]
    when = as_of.isoformat() if hasattr(as_of, "isoformat") else None if as_of is None else str(as_of)
    wanted = SearchFilter(as_of=when, kinds=None if edge_kinds is None else frozenset(edge_kinds),
                          avoid=frozenset(p.iris[n] for n in ruled_out.nodes), via=mid_kinds,
                          avoid_hubs=avoid_hubs, max_hops=max_hops)
    engine = path_search(search, kg, p) if isinstance(search, str) else search
    found = engine.search(p.iris[s], p.iris[t], k, wanted)
    if not isinstance(found, Found):
        found = Found(list(found))
    if not found.candidates:
        raise NoPath(f"no path between {p.labels[s]} and {p.labels[t]} within {max_hops} hops"
                     + (" with these --via kinds" if via else "") + (f" as of {as_of}" if as_of else ""),
                     _nearby(p, found.nearest_from), _nearby(p, found.nearest_to))
    reader = evidence if getattr(evidence, "p", None) is p else EvidenceReader(kg, p)
    return Results(explain(p, reader, c) for c in found.candidates[:k])


def _nearby(p, reached: list[Reached]) -> list[Nearby]:
    out = []
    for r in reached:
        n = p.index(r.iri)
        label, kind = (p.labels[n], p.kinds[n]) if n is not None else (r.iri, "Organization")
        out.append(Nearby(label, kind, r.hops, math.exp(-r.cost)))
    return out


def edge_id(p, key) -> int | None:
    """The projection edge of a key ``(source IRI, fact kind, target IRI)``, either way round."""
    return p.edge(key, either_way=True)


def explain(p, reader: EvidenceReader, candidate: Candidate) -> Path:
    """A candidate path (from any search) as hops read from the local store, with evidence."""
    hops = []
    for (a, b), key in zip(zip(candidate.nodes, candidate.nodes[1:]), candidate.edges):
        u, v = p.index(a), p.index(b)
        kind, e = key[1], edge_id(p, key)
        if e is None or u is None or v is None:  # not in the local projection: say so, no evidence
            hops.append(Hop(_label(p, u, a), _label(p, v, b), kind, phrase(kind, forward=key[0] == a, details={}),
                            None, 0.0, _kind(p, u), _kind(p, v), _iri(p, u, a), _iri(p, v, b), []))
            continue
        found = reader.edge(e)
        forward = p.src[e] == u
        hops.append(Hop(p.labels[u], p.labels[v], kind,
                        phrase(kind, forward=forward, details=found.details, flags=p.flags[e]),
                        found.details.get("date") or ordinal_iso(p.start[e]), p.weight[e],
                        p.kinds[u], p.kinds[v], p.iris[u], p.iris[v], list(found.evidence)))
    names = [_label(p, p.index(n), n) for n in candidate.nodes]
    return Path(math.exp(-candidate.cost), hops, names)


def _label(p, node, iri: str) -> str:
    return p.labels[node] if node is not None else iri


def _kind(p, node) -> str:
    return p.kinds[node] if node is not None else "Thing"


def _iri(p, node, iri: str) -> str:
    return p.iris[node] if node is not None else iri


__all__ = ["paths", "explain", "edge_id", "Path", "Hop", "NoPath", "Nearby", "edge_filter", "as_of_ordinal",
           "NODE_KINDS"]
