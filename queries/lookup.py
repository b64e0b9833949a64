"""Finding entities by name, and everything the graph says about one.

Names match case- and accent-insensitively, on labels and aliases (``skos:altLabel``): exact
first, then a name that starts with or contains the words given, then close spellings. A
name that fits several entities equally well is an :class:`AmbiguousName` error (exit 2)
listing the candidates.

>>> from innograph.examples import handmade_example
>>> from innograph.load import ingest
>>> from innograph.graph.store import KnowledgeGraph
>>> kg = KnowledgeGraph(); _ = ingest(kg, handmade_example())
>>> [hit.label for hit in search(kg, "rouen", limit=3)]
['Rouen', 'CHU de Rouen', 'CCI Rouen Métropole']
>>> try:
...     resolve(kg, "Normandie")
... except AmbiguousName as err:
...     print(len(err.candidates), err.candidates[0].label)
4 Région Normandie
>>> show(kg, "medical training centre").label
'Médical Training Center'
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import pyoxigraph as ox

from innograph.errors import NotFoundError, UsageError
from innograph.graph.normalize import fold
from innograph.graph.projection import EDGE_KINDS, ORGANIZATION_KINDS
from innograph.ontology import SKOS
from innograph.graph.projection import ordinal_iso
from innograph.graph.projection import as_of_period, context_hubs
from innograph.queries.evidence import Evidence, EvidenceReader, phrase
from innograph.queries.results import Record, Results


_ALT_LABEL = str(SKOS.altLabel)
MARGIN = 0.15  # a partial match wins only when the next one scores this much lower
#: Node kinds: organization kinds, then the other things the projection holds.
NODE_KINDS = (*sorted(ORGANIZATION_KINDS), "Person", "Project", "Event", "Place")


class AmbiguousName(UsageError):
    """A name that fits several entities; ``candidates`` lists them."""

    def __init__(self, name: str, candidates: list[Hit]) -> None:
        self.name, self.candidates = name, candidates
        listed = "; ".join(f"{c.label} ({c.kind}, {c.iri})" for c in candidates[:10])
        super().__init__(f"{name!r} names {len(candidates)} entities: {listed}; give a longer name or the IRI")


@dataclass
class Hit(Record):
    """An entity matching a name."""

    label: str
    kind: str
    iri: str
    score: float
    matched: str
    degree: int = 0
    _node: int = -1


@dataclass
class ProfileFact(Record):
    """One fact about an entity: ``relation`` (fact kind), the ``other`` end, and evidence."""

    relation: str
    text: str
    other: str
    other_kind: str
    other_iri: str
    date: str | None
    evidence: list[Evidence] = field(default_factory=list)

    def rows(self):
        first = self.evidence[0] if self.evidence else None
        return [{"relation": self.relation, "text": self.text, "other": self.other, "other_kind": self.other_kind,
                 "date": self.date, "source": first.source if first else None, "evidence": first.text if first else None}]


@dataclass
class EntityProfile(Record):
    """An entity with its names, kind and every fact about it."""

    label: str
    kind: str
    iri: str
    aliases: list[str]
    facts: Results

    def rows(self):
        return [row for fact in self.facts for row in fact.rows()]


def _hits(p, nodes, score: float, matched: str) -> list[Hit]:
    return [Hit(p.labels[n], p.kinds[n], p.iris[n], score, matched, p.degree(n), n) for n in nodes]


def search(kg, text: str, *, limit: int = 20, kinds=None, projection=None) -> Results:
    """Entities whose label or alias matches `text`, best first."""
    if not text or not text.strip():
        raise UsageError("give a name to search for")
    if limit < 1:
        raise UsageError("limit must be at least 1")
    from innograph.graph.projection import projection as project

    p = projection or project(kg)
    kinds = None if kinds is None else {node_kind(k) for k in kinds}
    query = fold(text)
    scored: dict[int, tuple[float, str]] = {}

    def offer(nodes, score, name):
        for n in nodes:
            if (kinds is None or p.kinds[n] in kinds) and score > scored.get(n, (0.0, ""))[0]:
                scored[n] = (score, name)

    if _looks_like_iri(text):
        node = p.index(text.strip())
        if node is not None:
            offer([node], 1.0, text.strip())
    offer(p.names.get(query, ()), 1.0, query)
    if query:
        padded = f" {query}"
        for name, nodes in p.names.containing(query):
            if name.startswith(query):
                offer(nodes, 0.9 - min(0.2, (len(name) - len(query)) / 200), name)
            elif padded in f" {name}":
                offer(nodes, 0.8 - min(0.2, (len(name) - len(query)) / 200), name)
            else:
                offer(nodes, 0.6, name)
        if not scored:
            for name, ratio in _close(query, p.names, limit):
                offer(p.names[name], 0.7 * ratio, name)
    ranked = sorted(scored.items(), key=lambda item: (-item[1][0], -p.degree(item[0]), p.labels[item[0]]))
    hits = Results()
    for n, (score, name) in ranked[:limit]:
        hits.extend(_hits(p, [n], score, name))
    return hits


def _looks_like_iri(text: str) -> bool:
    return ":" in text and " " not in text.strip()


def _close(query: str, names, limit: int) -> list[tuple[str, float]]:
    """Names spelt closely to `query` (similarity ≥ 0.75), with their similarity in [0, 1]."""
    try:
        from rapidfuzz import fuzz, process
    except ImportError:
        pool = [n for n in names if abs(len(n) - len(query)) <= max(2, len(query) // 3)]
        found = difflib.get_close_matches(query, pool, n=limit, cutoff=0.75)
        return [(n, difflib.SequenceMatcher(None, query, n).ratio()) for n in found]
    return [(n, score / 100) for n, score, _ in process.extract(query, list(names.keys()), scorer=fuzz.ratio,
                                                                limit=limit, score_cutoff=75)]


def resolve(kg, name: str, *, projection=None) -> int:
    """The node id of the one entity called `name`; NotFoundError or AmbiguousName otherwise."""
    from innograph.graph.projection import projection as project

    p = projection or project(kg)
    node = p.index(name.strip()) if name and _looks_like_iri(name) else None
    if node is not None:
        return node
    exact = p.names.get(fold(name or ""), ())
    if len(exact) == 1:
        return exact[0]
    hits = search(kg, name, limit=10, projection=p)
    if not hits:
        raise NotFoundError(f"no entity called {name!r}; try `innograph search` with part of the name")
    top = hits[0].score
    if top >= 1.0:  # exact names: the only one, or ambiguous
        exact = [h for h in hits if h.score >= 1.0]
        if len(exact) == 1:
            return exact[0]._node
        raise AmbiguousName(name, exact)
    close = [h for h in hits if h.score > top - MARGIN]
    if len(close) == 1 and (top >= 0.5 or len(hits) == 1):
        return close[0]._node
    raise AmbiguousName(name, list(hits))


def show(kg, name: str, *, as_of=None, limit: int | None = None, projection=None, evidence=None,
         search="embedded") -> EntityProfile:
    """Every fact about the entity called `name`, with its evidence (strongest first).

    The entity is named by its canonical node: any IRI merged into it gives the same answer.
    `search` reads its edges: a registered neighbour search's name (``"embedded"``,
    ``"neo4j"``) or a :class:`~.neighbours.NeighbourSearch`; each is explained here.
    """
    from innograph.graph.projection import projection as project
    from innograph.queries.neighbours import SearchFilter, neighbour_search

    as_of_period(as_of)  # a UsageError before any work
    p = projection or project(kg)
    node = resolve(kg, name, projection=p)
    engine = neighbour_search(search, kg, p) if isinstance(search, str) else search
    when = as_of.isoformat() if hasattr(as_of, "isoformat") else None if as_of is None else str(as_of)
    reader = evidence if getattr(evidence, "p", None) is p else EvidenceReader(kg, p)
    edges = sorted(engine.edges([node], SearchFilter(as_of=when))[node],
                   key=lambda e: (p.edge_kinds[p.ekind[e]] == "co_mentioned", -p.weight[e], e))
    facts = Results()
    for e in edges[:limit] if limit else edges:
        forward = p.src[e] == node
        other = p.dst[e] if forward else p.src[e]
        found = reader.edge(e)
        kind = p.edge_kinds[p.ekind[e]]
        facts.append(ProfileFact(kind, phrase(kind, forward=forward, details=found.details, flags=p.flags[e]),
                          p.labels[other], p.kinds[other], p.iris[other],
                          found.details.get("date") or ordinal_iso(p.start[e]), found.evidence))
    alt = ox.NamedNode(_ALT_LABEL)
    aliases = sorted({q.object.value for iri in p.iris_of(node)
                      for q in kg.store.quads_for_pattern(ox.NamedNode(iri), alt, None, None)} - {p.labels[node]})
    return EntityProfile(p.labels[node], p.kinds[node], p.iris[node], aliases, facts)


def _kind_table(names) -> dict[str, str]:
    return {k.lower(): k for k in names}


_NODE_KINDS = _kind_table(NODE_KINDS)
_EDGE_KINDS = _kind_table(EDGE_KINDS)


def node_kind(name: str) -> str:
    """The node kind called `name`, case-insensitively ('hospital' -> 'Hospital')."""
    found = _NODE_KINDS.get(str(name).strip().lower())
    if found is None:
        raise UsageError(f"unknown kind {name!r}; use one of: {', '.join(NODE_KINDS)}")
    return found


def organization_kind(name: str) -> str:
    """The organization kind called `name`, case-insensitively."""
    found = node_kind(name) if str(name).strip().lower() in _NODE_KINDS else None
    if found not in ORGANIZATION_KINDS:
        raise UsageError(f"unknown organization kind {name!r}; use one of: {', '.join(sorted(ORGANIZATION_KINDS))}")
    return found


@dataclass(frozen=True)
class Exclusion:
    """Nodes a query must not go through, and fact kinds it must not use."""

    nodes: frozenset[int] = frozenset()
    edge_kinds: frozenset[str] = frozenset()

    def kinds_left(self, p) -> list[str] | None:
        """The fact kinds still allowed (None: all)."""
        return None if not self.edge_kinds else [k for k in p.edge_kinds if k not in self.edge_kinds]


def exclusions(kg, exclude=(), *, include_hubs: bool = False, keep=(), projection=None) -> Exclusion:
    """What `exclude` (names, IRIs, node kinds or fact kinds) and the context hubs rule out.

    Unless `include_hubs`, the funders of a whole programme (``context_hubs``) are context: they
    connect nobody. Nodes in `keep` (a query's own ends) are never excluded.
    """
    from innograph.graph.projection import projection as project

    p = projection or project(kg)
    nodes: set[int] = set() if include_hubs else set(context_hubs(p))
    edge_kinds: set[str] = set()
    if isinstance(exclude, str):
        exclude = [exclude]
    wanted_kinds = set()
    for item in exclude or ():
        key = str(item).strip().lower()
        if key in _EDGE_KINDS:
            edge_kinds.add(_EDGE_KINDS[key])
        elif key in _NODE_KINDS:
            wanted_kinds.add(_NODE_KINDS[key])
        else:
            nodes.add(resolve(kg, str(item), projection=p))
    if wanted_kinds:
        kinds = p.kinds
        nodes.update(n for n in range(p.n_nodes) if kinds[n] in wanted_kinds)
    return Exclusion(frozenset(nodes - set(keep)), frozenset(edge_kinds))


__all__ = ["search", "resolve", "show", "Hit", "ProfileFact", "EntityProfile", "AmbiguousName", "NODE_KINDS", "node_kind",
           "organization_kind", "Exclusion", "exclusions"]
