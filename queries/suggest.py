"""Partner suggestions: organizations an organization is not linked to yet, and why they fit.

Candidates are the organizations two hops away (through a project, a cluster, an event, a
person, a funder, a place or an article that mentions both), minus those already linked by a
fact. Each is scored by

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
from innograph.queries.evidence import Evidence, EvidenceReader, phrase
from innograph.queries.results import Record, Results

#: Meta-paths of PathSim: name -> node kinds of the intermediary.
META_PATHS = {"project": {"Project"}, "cluster": {"Cluster"}, "event": {"Event"}, "person": {"Person"}}
COMPLEMENTARITY = 0.5
WEAK = ("co_mentioned", "located_in")  # ties that suggest, but do not count as a link


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

    def summary(self) -> dict:
        return {"organization": self.label, "kind": self.kind, "score": f"{self.score:.3f}",
                "reasons": "; ".join(r.via for r in self.reasons[:4])}

    def rows(self):
        return [{"organization": self.label, "kind": self.kind, "iri": self.iri, "score": self.score,
                 "adamic_adar": self.adamic_adar, "resource_allocation": self.resource_allocation,
                 **{f"pathsim_{k}": v for k, v in self.pathsim.items()}, "complementary": self.complementary,
                 "reasons": "; ".join(r.text for r in self.reasons[:4])}]


def _best_edges(p, node: int, valid) -> dict[int, tuple[float, int]]:
    """Neighbour -> (strongest weight, its edge) over valid edges."""
    best: dict[int, tuple[float, int]] = {}
    for i in range(p.indptr[node], p.indptr[node + 1]):
        e = p.eid[i]
        if valid(e):
            v, w = p.nbr[i], p.weight[e]
            if v not in best or w > best[v][0]:
                best[v] = (w, e)
    return best


def suggest(kg, name: str, *, kinds=None, n: int = 10, as_of=None, reasons: int = 4,
            projection=None) -> Results:
    """The `n` organizations best suited to work with `name` that it is not linked to yet."""
    from innograph.graph.projection import ORGANIZATION_KINDS
    from innograph.graph.projection import projection as project
    from innograph.queries.lookup import resolve
    from innograph.queries.paths import edge_filter

    if n < 1:
        raise UsageError("n must be at least 1")
    for kind in kinds or ():
        if kind not in ORGANIZATION_KINDS:
            raise UsageError(f"unknown organization kind {kind!r}; use one of: {', '.join(sorted(ORGANIZATION_KINDS))}")
    valid = edge_filter(projection or project(kg), as_of=as_of)
    p = projection or project(kg)
    a = resolve(kg, name, projection=p)
    weak = {p.edge_kinds.index(k) for k in WEAK}
    mine = _best_edges(p, a, valid)
    linked = {v for i in range(p.indptr[a], p.indptr[a + 1])
              if valid(p.eid[i]) and p.ekind[p.eid[i]] not in weak for v in (p.nbr[i],)}
    wanted = set(kinds) if kinds else None

    def candidate(b: int) -> bool:
        return (b != a and b not in linked and p.kinds[b] in ORGANIZATION_KINDS
                and (wanted is None or p.kinds[b] in wanted))

    aa, ra = defaultdict(float), defaultdict(float)
    shared: dict[int, list[tuple[float, int, int, int]]] = defaultdict(list)
    for z, (w_az, e_az) in mine.items():
        if candidate(z) and p.ekind[e_az] in weak:  # mentioned together: a direct, weak reason
            aa[z] += w_az
            ra[z] += w_az
            shared[z].append((w_az, -1, e_az, -1))
        theirs = _best_edges(p, z, valid)
        degree = max(2, len(theirs))
        for b, (w_zb, e_zb) in theirs.items():
            if candidate(b):
                aa[b] += w_az * w_zb / math.log(degree)
                ra[b] += w_az * w_zb / degree
                shared[b].append((w_az * w_zb / math.log(degree), z, e_az, e_zb))
    if not aa:
        return Results()
    counts_a = _meta_counts(p, mine)
    top_aa, top_ra = max(aa.values()), max(ra.values())
    scored = []
    for b in aa:
        intermediaries = {z for _, z, _, _ in shared[b] if z >= 0}
        counts_b = _meta_counts(p, _best_edges(p, b, valid))
        sims = {}
        for meta, node_kinds in META_PATHS.items():
            m_ab = sum(1 for z in intermediaries if p.kinds[z] in node_kinds)
            total = counts_a[meta] + counts_b[meta]
            sims[meta] = 2 * m_ab / total if total else 0.0
        complementary = p.kinds[b] != p.kinds[a] and any(
            p.kinds[z] in ("Cluster", "Project", "Event") for z in intermediaries)
        base = 0.4 * aa[b] / top_aa + 0.3 * ra[b] / top_ra + 0.3 * sum(sims.values()) / len(sims)
        score = base * (1 + COMPLEMENTARITY if complementary else 1.0)
        scored.append((score, b, sims, complementary))
    scored.sort(key=lambda item: (-item[0], p.labels[item[1]]))
    reader = EvidenceReader(kg, p)
    out = Results()
    for score, b, sims, complementary in scored[:n]:
        out.append(Suggestion(p.labels[b], p.kinds[b], p.iris[b], score, aa[b], ra[b], sims, complementary,
                              _reasons(p, reader, a, b, shared[b], reasons)))
    return out


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
    for weight, z, e_az, e_zb in sorted(shared, key=lambda r: (-r[0], r[1]))[:limit]:
        if z < 0:
            text, fact, evidence = _fact(p, e_az, reader, a)
            out.append(Reason(text, p.labels[b], p.kinds[b], weight, [fact], evidence[:2]))
            continue
        left, fact_a, ev_a = _fact(p, e_az, reader, a)
        right, fact_b, ev_b = _fact(p, e_zb, reader, b)
        out.append(Reason(f"via {p.labels[z]} ({p.kinds[z]}): {left}; {right}", p.labels[z], p.kinds[z], weight,
                          [fact_a, fact_b], ev_a[:1] + ev_b[:1]))
    return out


__all__ = ["suggest", "Suggestion", "Reason", "META_PATHS", "COMPLEMENTARITY"]
