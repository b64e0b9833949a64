"""Partner suggestions: organizations an organization is not linked to yet, and why they fit.

Candidates are the organizations two hops away (through a project, a cluster, an event, a
person, a funder, a place or an article that mentions both), minus those it already works
with: an organization tied to it by a fact, or taking part in one of its projects, is never a
suggestion; it is listed apart, in ``already_partners``. A funder of a whole programme is
context: it neither connects its grantees nor is suggested (unless ``include_hubs``); names,
node kinds and fact kinds in ``exclude`` are left out too. Each candidate is scored by

* **Adamic–Adar** and **resource allocation** over the shared intermediaries, weighted by the
  strength of both edges (a shared small project counts more than a shared big region);
* **PathSim** over the meta-paths organization–project–organization, –cluster–, –event– and
  –person– (``2·M[a,b] / (M[a,a] + M[b,b])``, so a candidate that shares most of what it has
  ranks above a hub that shares everything with everyone);
* **cross-sector complementarity**: a hospital and a carmaker that share a cluster, project or
  event rank higher than two hospitals (x ``1 + COMPLEMENTARITY``).

>>> from innograph.examples import handmade_example
>>> from innograph.load import ingest
>>> from innograph.graph.store import KnowledgeGraph
>>> kg = KnowledgeGraph(); _ = ingest(kg, handmade_example())
>>> top = suggest(kg, "CHU de Rouen", n=3)
>>> "CCI Rouen Métropole" in [s.label for s in top]
True
>>> top[0].reasons[0].via != ""
True
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from innograph.errors import UsageError
from innograph.graph.projection import ORGANIZATION_KINDS, as_of_period
from innograph.queries.evidence import Evidence, EvidenceReader, phrase
from innograph.queries.lookup import exclusions, organization_kind, resolve
from innograph.queries.neighbours import NeighbourSearch, Neighbours, SearchFilter, neighbour_search
from innograph.queries.results import Record, Results

#: Meta-paths of PathSim: name -> node kinds of the intermediary.
META_PATHS = {"project": {"Project"}, "cluster": {"Cluster"}, "event": {"Event"}, "person": {"Person"}}
COMPLEMENTARITY = 0.5
WEAK = ("co_mentioned", "located_in")  # ties that suggest, but do not count as a link
PARTNERSHIPS = ("Project",)  # taking part in the same one of these makes two organizations partners
FANOUT = 10  # partners (most shared projects first) whose own partners become candidates


@dataclass
class Reason(Record):
    """A shared intermediary (or a direct co-mention) and the facts on both sides."""

    text: str
    via: str
    via_kind: str
    weight: float
    facts: list[dict] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Suggestion(Record):
    """A suggested organization with its score, the components of the score and the reasons."""

    label: str
    kind: str
    iri: str
    score: float
    adamic_adar: float
    resource_allocation: float
    pathsim: dict[str, float]
    complementary: bool
    reasons: list[Reason] = field(default_factory=list)

    def rows(self):
        return [{"organization": self.label, "kind": self.kind, "iri": self.iri, "score": self.score,
                 "adamic_adar": self.adamic_adar, "resource_allocation": self.resource_allocation,
                 **{f"pathsim_{k}": v for k, v in self.pathsim.items()}, "complementary": self.complementary,
                 "reasons": "; ".join(r.text for r in self.reasons[:4])}]


@dataclass
class Partner(Record):
    """An organization already working with the one asked about: how (facts, shared projects)."""

    label: str
    kind: str
    iri: str
    facts: int            # facts tying the two directly
    shared: int           # projects (or other partnerships) both take part in
    via: list[str] = field(default_factory=list)


    def rows(self):
        return [{"organization": self.label, "kind": self.kind, "iri": self.iri, "facts": self.facts,
                 "shared": self.shared, "via": "; ".join(self.via)}]


class Suggestions(Results):
    """The suggestions, best first (``to_dict()``, ``to_dicts()`` as any results), and apart from
    them ``already_partners``: the organizations it already works with (results of their own)."""

    def __init__(self, items=(), already_partners=()) -> None:
        super().__init__(items)
        self.already_partners: Results = Results(already_partners)


def suggest(kg, name: str, *, projection=None, kinds=None, n: int = 10, as_of=None, reasons: int = 4,
            exclude=(), include_hubs: bool = False, evidence=None,
            search: str | NeighbourSearch = "embedded") -> Suggestions:
    """The `n` organizations best suited to work with `name` that it does not work with yet.

    `search` reads the neighbourhood: a registered neighbour search's name (``"embedded"``,
    ``"neo4j"``) or a :class:`~.neighbours.NeighbourSearch`; the scores and reasons are
    computed here from what it reads.
    """
    from innograph.graph.projection import projection as project

    if n < 1:
        raise UsageError("n must be at least 1")
    wanted = {organization_kind(k) for k in kinds} if kinds else None
    as_of_period(as_of)  # a UsageError before any work
    p = projection or project(kg)
    a = resolve(kg, name, projection=p)
    ruled_out = exclusions(kg, exclude, include_hubs=include_hubs, keep=(a,), projection=p)
    left = ruled_out.kinds_left(p)
    when = as_of.isoformat() if hasattr(as_of, "isoformat") else None if as_of is None else str(as_of)
    engine = neighbour_search(search, kg, p) if isinstance(search, str) else search
    nb = Neighbours(p, engine, SearchFilter(as_of=when, kinds=None if left is None else frozenset(left),
                                            avoid=frozenset(p.iris[g] for g in ruled_out.nodes)))
    weak = {p.edge_kinds.index(k) for k in WEAK}
    mine = nb.best(a)
    nb.prefetch(mine)
    projects = _project_partners(p, a, nb, weak)
    partners = _partners(p, a, nb, weak, projects)

    def candidate(b: int) -> bool:
        return (b != a and b not in partners and p.kinds[b] in ORGANIZATION_KINDS
                and (wanted is None or p.kinds[b] in wanted))

    aa, ra, shared = _shared(p, a, mine, nb, weak, candidate, projects, n)
    reader = evidence if getattr(evidence, "p", None) is p else EvidenceReader(kg, p)
    listed = sorted(partners.values(), key=lambda x: (-(x.facts + x.shared), x.label))
    if not aa:
        return Suggestions(already_partners=listed)
    scored = _scored(p, a, aa, ra, shared, _meta_counts(p, mine), nb)
    scored.sort(key=lambda item: (-item[0], p.labels[item[1]]))
    out = Suggestions(already_partners=listed)
    for score, b, sims, complementary in scored[:n]:
        out.append(Suggestion(p.labels[b], p.kinds[b], p.iris[b], score, aa[b], ra[b], sims, complementary,
                              _reasons(p, reader, a, b, shared[b], reasons)))
    return out


def _scored(p, a: int, aa: dict, ra: dict, shared: dict, counts_a: dict, nb: Neighbours) -> list:
    """(score, candidate, PathSim per meta-path, complementary) of every candidate."""
    top_aa, top_ra = max(aa.values()), max(ra.values())
    meta_of = {kind: meta for meta, node_kinds in META_PATHS.items() for kind in node_kinds}
    kind_of: dict[int, str] = {}
    scored: list = []
    nb.prefetch(b for b in aa if any(p.kinds[z] in meta_of for _, z, _, _ in shared[b] if z >= 0))
    for b in aa:
        intermediaries = {z for _, z, _, _ in shared[b] if z >= 0}
        for z in intermediaries - kind_of.keys():
            kind_of[z] = p.kinds[z]
        shared_by_meta = dict.fromkeys(META_PATHS, 0)
        for z in intermediaries:
            meta = meta_of.get(kind_of[z])
            if meta is not None:
                shared_by_meta[meta] += 1
        # PathSim is 0 for a meta-path with nothing shared: b's own counts are read only if needed
        counts_b = _meta_counts(p, nb.best(b)) if any(shared_by_meta.values()) else None
        sims = {}
        for meta, m_ab in shared_by_meta.items():
            total = counts_a[meta] + (counts_b[meta] if counts_b else 0)
            sims[meta] = 2 * m_ab / total if m_ab and total else 0.0
        complementary = p.kinds[b] != p.kinds[a] and any(
            kind_of[z] in ("Cluster", "Project", "Event") for z in intermediaries)
        base_score = 0.4 * aa[b] / top_aa + 0.3 * ra[b] / top_ra + 0.3 * sum(sims.values()) / len(sims)
        scored.append((base_score * (1 + COMPLEMENTARITY if complementary else 1.0), b, sims, complementary))
    return scored


def _project_partners(p, a: int, nb: Neighbours, weak: set[int]) -> dict[int, list]:
    """Organizations taking part in a project of `a`: b -> [shared projects, edge a-P, edge P-b]."""
    out: dict[int, list] = {}
    projects = [(z, e_az) for z, (_, e_az) in nb.best(a).items()
                if p.kinds[z] in PARTNERSHIPS and p.ekind[e_az] not in weak]
    nb.prefetch(z for z, _ in projects)
    for z, e_az in projects:
        for b, (_, e_zb) in nb.best(z).items():
            if b != a and p.kinds[b] in ORGANIZATION_KINDS and p.ekind[e_zb] not in weak:
                found = out.get(b)
                if found is None:
                    out[b] = [1, e_az, e_zb]
                else:
                    found[0] += 1
    return out


def _partners(p, a: int, nb: Neighbours, weak: set[int], projects: dict) -> dict[int, Partner]:
    """Organizations tied to `a` by a fact, or taking part in one of its projects."""
    found: dict[int, Partner] = {}

    def partner(b: int) -> Partner:
        if b not in found:
            found[b] = Partner(p.labels[b], p.kinds[b], p.iris[b], 0, 0)
        return found[b]

    for e in nb.edges(a):
        b = p.dst[e] if p.src[e] == a else p.src[e]
        if b != a and p.kinds[b] in ORGANIZATION_KINDS and p.ekind[e] not in weak:
            partner(b).facts += 1
    for b, (count, e_a, _) in projects.items():
        partner(b).shared = count
        partner(b).via.append(p.labels[p.dst[e_a] if p.src[e_a] == a else p.src[e_a]])
    return found


def _shared(p, a: int, mine: dict, nb: Neighbours, weak: set[int], candidate, projects: dict, enough: int):
    """Adamic–Adar, resource allocation and the shared intermediaries of every candidate.

    An intermediary is a node both are tied to; when that gives fewer than `enough` candidates,
    also a partner of a project of each (up to ``FANOUT`` partners, most shared projects
    first): the partners' partners are the candidates a consortium brings.
    """
    aa, ra = defaultdict(float), defaultdict(float)
    shared: dict[int, list[tuple[float, int, tuple, tuple]]] = defaultdict(list)

    def add(b: int, w: float, degree: int, z: int, left: tuple, right: tuple) -> None:
        aa[b] += w / math.log(degree)
        ra[b] += w / degree
        shared[b].append((w / math.log(degree), z, left, right))

    for z, (w_az, e_az) in mine.items():
        if candidate(z) and p.ekind[e_az] in weak:  # mentioned together: a direct, weak reason
            aa[z] += w_az
            ra[z] += w_az
            shared[z].append((w_az, -1, (e_az,), ()))
        theirs = nb.best(z)
        degree = max(2, len(theirs))
        for b, (w_zb, e_zb) in theirs.items():
            if candidate(b):
                add(b, w_az * w_zb, degree, z, (e_az,), (e_zb,))
    if len(aa) >= enough:  # enough candidates two hops away: no need to look further
        return aa, ra, shared
    strongest = sorted(projects.items(), key=lambda item: (-item[1][0], item[0]))[:FANOUT]
    nb.prefetch(z for z, _ in strongest)
    nb.prefetch(y for z, _ in strongest for y in nb.best(z) if p.kinds[y] in PARTNERSHIPS)
    for z, (n_az, e1, e2) in strongest:
        theirs = _project_partners(p, z, nb, weak)
        degree = max(2, len(theirs))
        for b, (n_zb, e3, e4) in theirs.items():
            if b != a and candidate(b):
                add(b, (1 - 0.5 ** n_az) * (1 - 0.5 ** n_zb), degree, z, (e1, e2), (e4, e3))
    return aa, ra, shared


def _meta_counts(p, neighbours: dict) -> dict[str, int]:
    counts = dict.fromkeys(META_PATHS, 0)
    for z in neighbours:
        for meta, node_kinds in META_PATHS.items():
            if p.kinds[z] in node_kinds:
                counts[meta] += 1
    return counts


def _fact(p, e: int, reader: EvidenceReader, start: int) -> tuple[str, dict, list[Evidence]]:
    found = reader.edge(e)
    kind = p.edge_kinds[p.ekind[e]]
    forward = p.src[e] == start
    other = p.dst[e] if forward else p.src[e]
    text = phrase(kind, forward=forward, details=found.details, flags=p.flags[e])
    fact = {"from": p.labels[start], "relation": kind, "text": text, "to": p.labels[other],
            "date": found.details.get("date")}
    return f"{p.labels[start]} {text} {p.labels[other]}", fact, found.evidence


def _reasons(p, reader, a: int, b: int, shared, limit: int) -> list[Reason]:
    out = []
    for weight, z, left, right in sorted(shared, key=lambda r: (-r[0], r[1]))[:limit]:
        if z < 0:
            text, fact, evidence = _fact(p, left[0], reader, a)
            out.append(Reason(text, p.labels[b], p.kinds[b], weight, [fact], evidence[:2]))
            continue
        texts, facts, evidence = [], [], []
        for edges, end in ((left, a), (right, b)):
            for e in edges:  # each fact read from its organization end
                start = end if end in (p.src[e], p.dst[e]) else z
                text, fact, found = _fact(p, e, reader, start)
                texts.append(text)
                facts.append(fact)
                evidence.extend(found[:1])
        if len(left) == 2:  # through a project partner: "A takes part in P with Z; B takes part in Q with Z"
            texts = [f"{texts[0]} with {p.labels[z]}", f"{texts[2]} with {p.labels[z]}"]
        out.append(Reason(f"via {p.labels[z]} ({p.kinds[z]}): {'; '.join(texts)}", p.labels[z], p.kinds[z],
                          weight, facts, evidence))
    return out


__all__ = ["suggest", "Suggestion", "Suggestions", "Partner", "Reason", "META_PATHS", "COMPLEMENTARITY"]
