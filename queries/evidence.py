"""Why an edge of the projection is there: the facts, sources and sentences behind it.

The projection keeps structure only; the evidence of the few edges a user is shown is read from
the store when needed: the fact node (membership, post, grant, agreement, participation) or the
``rdf:Statement`` of the edge, its ``prov:wasDerivedFrom`` source and ``ig:evidence`` sentence;
for an edge with neither, the named graph (source) the triple is in; for a co-mention, the
article. Phrases read an edge in either direction ("joined" / "was joined by").

>>> phrase("member_of", forward=True, details={"date": "2020-01-16"})
'joined'
>>> phrase("funds", forward=False, details={})
'was funded by'
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS

from innograph.graph.projection import FORMER
from innograph.ontology.kinds import DATE, JOB_TITLE, KINDS, PHRASE_VARIANTS, ROLE, FactKind
from innograph.ontology.ns import IG, ORG, PROV, SDO, TIME
from innograph.queries.results import Record


def _t(term) -> str:
    """A term of the vocabulary as SPARQL text (``<iri>``), from ns.py or kinds.py."""
    return str(ox.NamedNode(str(term)))


#: Attributes of a fact node read with its evidence: kind -> OPTIONAL patterns on ?f.
_DETAILS: dict[str, str] = {
    "member_of": (f"OPTIONAL {{ ?f {_t(ROLE)} ?role }} OPTIONAL {{ ?f {_t(ORG.memberDuring)}/{_t(TIME.hasBeginning)}"
                  f"/{_t(TIME.inXSDDate)} ?date }}"),
    "participates_in": f"OPTIONAL {{ ?f {_t(ROLE)} ?role }}",
    "holds_post": f"OPTIONAL {{ ?f {_t(JOB_TITLE)} ?role }}",
    "funds": f"OPTIONAL {{ ?f {_t(SDO.amount)}/{_t(SDO.value)} ?amount }}",
    "partner_of": f"OPTIONAL {{ ?f {_t(DATE)} ?date }} OPTIONAL {{ ?f {_t(RDFS.label)} ?role }}",
}


#: Where a query takes the pairs of IRIs its ends ?a ?b stand for (a VALUES block made of terms,
#: first inside each GRAPH so that Oxigraph starts from the ends' own triples: binding them with
#: ``substitutions=`` instead joins every fact of the kind first, 50 times slower).
_ENDS = "#ENDS#"


def _values(pairs: list[tuple[str, str]]) -> str:
    rows = " ".join(f"({ox.NamedNode(a)} {ox.NamedNode(b)})" for a, b in pairs)
    return f"VALUES (?a ?b) {{ {rows} }}"


def _node_pattern(kind: FactKind) -> str | None:
    """The fact node of `kind` between ?a and ?b, the object's role first (fewer facts per
    project or funded item than per funder: Oxigraph keeps the written order)."""
    if kind.name == "co_mentioned":
        return f"?f {_t(SDO.mentions)} ?a, ?b ."
    if not kind.node:
        return None
    text = f"?f {_t(kind.object_role)} ?b ; {_t(kind.subject_role)} ?a ; a {_t(kind.node)} ."
    if kind.not_node:
        text += f" FILTER NOT EXISTS {{ ?f a {_t(kind.not_node)} }}"
    return text


def _direct_triples(kind: FactKind) -> list[tuple[str, str, str]]:
    """The direct edges of `kind` between ?a and ?b, as (subject var, predicate, object var)."""
    out = []
    for p in kind.predicates:
        out.append(("b", _t(p.iri), "a") if p.reverse else ("a", _t(p.iri), "b"))
        if kind.symmetric:
            out.append(("a", _t(p.iri), "b") if p.reverse else ("b", _t(p.iri), "a"))
    return out


def _evidence_query(kind: FactKind) -> str | None:
    pattern = _node_pattern(kind)
    if pattern is None:
        return None
    return (f"SELECT DISTINCT ?f ?g ?src ?text ?role ?amount ?date WHERE {{ GRAPH ?g {{ {_ENDS} {pattern} }} "
            f"OPTIONAL {{ ?f {_t(PROV.wasDerivedFrom)} ?src }} OPTIONAL {{ ?f {_t(IG.evidence)} ?text }} "
            f"{_DETAILS.get(kind.name, '')} }}")


def _direct_query(kind: FactKind) -> str | None:
    triples = _direct_triples(kind)
    if not triples:
        return None
    unions = " UNION ".join(
        f"{{ GRAPH ?g {{ {_ENDS} ?{s} {pred} ?{o} }} OPTIONAL {{ ?f {_t(RDF.subject)} ?{s} ; {_t(RDF.predicate)} {pred} ; "
        f"{_t(RDF.object)} ?{o} ; {_t(PROV.wasDerivedFrom)} ?src OPTIONAL {{ ?f {_t(IG.evidence)} ?text }} }} }}"
        for s, pred, o in triples)
    return f"SELECT DISTINCT ?f ?g ?src ?text WHERE {{ {unions} }}"


#: kind -> (fact node query, direct edge query), both with ?a and ?b to bind.
_QUERIES: dict[str, tuple[str | None, str | None]] = {
    k.name: (_evidence_query(k), _direct_query(k)) for k in KINDS.values() if k.projected}

_SOURCE_QUERY = (
    f"SELECT ?s ?headline ?publisher ?pubname ?date ?label WHERE {{ "
    f"OPTIONAL {{ ?s {_t(SDO.headline)} ?headline }} OPTIONAL {{ ?s {_t(SDO.publisher)} ?publisher "
    f"OPTIONAL {{ ?publisher {_t(RDFS.label)} ?pubname }} }} OPTIONAL {{ ?s {_t(SDO.datePublished)} ?date }} "
    f"OPTIONAL {{ ?s {_t(RDFS.label)} ?label }} }} LIMIT 1")


@dataclass
class Evidence(Record):
    """One source backing a fact: ``source`` (who published it), ``text`` (the sentence)."""

    source: str
    text: str | None = None
    headline: str | None = None
    date: str | None = None
    iri: str | None = None


@dataclass
class FactEvidence:
    evidence: list[Evidence] = field(default_factory=list)
    details: dict = field(default_factory=dict)


def phrase(kind: str, *, forward: bool, details: dict, flags: int = 0, lang: str = "en") -> str:
    """How to read an edge of `kind` from its source (`forward`) or from its target, in `lang`
    (``en`` or ``fr``): the kind's phrase, or a variant for a dated membership, a post's title, a
    former post, a coordinator, an agreement (:data:`innograph.ontology.kinds.PHRASE_VARIANTS`).

    >>> phrase("holds_post", forward=True, details={"role": "CEO"}, lang="fr")
    'est CEO de'
    """
    role = details.get("role")
    variant = None
    if kind == "member_of" and details.get("date"):
        variant = "dated"
    elif kind == "holds_post" and role:
        variant = "former role" if flags & FORMER else "role"
    elif kind == "holds_post" and flags & FORMER:
        variant = "former"
    elif kind == "participates_in" and role and role.lower().startswith("coord"):
        variant = "coordinator"
    elif kind == "partner_of" and details.get("agreement"):
        variant = "agreement"
    if variant is None:
        return KINDS[kind].phrase(forward=forward, lang=lang)
    phrases = PHRASE_VARIANTS[(kind, variant)]
    text = (phrases.get(lang) or phrases["en"])[0 if forward else 1]
    return text.format(role=role) if role else text


def readable_date(text: str | None) -> str | None:
    """'16 Jan 2020', 'Jul 2016' or '2016' from an ISO date, year-month or year."""
    if not text:
        return None
    try:
        if len(text) >= 10:
            d = _dt.date.fromisoformat(text[:10])
            return f"{d.day} {d:%b %Y}"
        if len(text) == 7:
            return _dt.date(int(text[:4]), int(text[5:7]), 1).strftime("%b %Y")
    except ValueError:
        return text
    return text


class EvidenceReader:
    """Reads (and memoizes) the evidence of projection edges from the store."""

    def __init__(self, kg, projection) -> None:
        self.kg, self.p = kg, projection
        self._sources: dict[str, dict] = {}
        self._edges: dict[int, FactEvidence] = {}

    def _query(self, text: str, substitutions: dict | None = None):
        return self.kg.store.query(text, use_default_graph_as_union=True, substitutions=substitutions)

    def source(self, iri: str) -> dict:
        """Headline, publisher, date and label of a source or article."""
        if iri not in self._sources:
            row = next(iter(self._query(_SOURCE_QUERY, {ox.Variable("s"): ox.NamedNode(iri)})), None)
            value = {k: (row[k].value if row is not None and row[k] is not None else None)
                     for k in ("headline", "publisher", "pubname", "date", "label")}
            self._sources[iri] = value
        return self._sources[iri]

    def _evidence(self, iri: str, text: str | None) -> Evidence:
        s = self.source(iri)
        name = s["pubname"] or (s["publisher"] if s["publisher"] and not s["publisher"].startswith("http") else None)
        return Evidence(source=name or s["label"] or s["headline"] or iri, text=text, headline=s["headline"],
                        date=s["date"], iri=iri)

    def edge(self, e: int) -> FactEvidence:
        """The evidence of edge `e` (memoized)."""
        if e in self._edges:
            return self._edges[e]
        p = self.p
        kind = p.edge_kinds[p.ekind[e]]
        node_query, direct_query = _QUERIES[kind]
        ends = [(a, b) for a in p.iris_of(p.src[e]) for b in p.iris_of(p.dst[e])]
        found = FactEvidence()
        if node_query:
            rows = list(self._query(node_query.replace(_ENDS, _values(ends))))
            if kind == "co_mentioned":
                for article in dict.fromkeys(row["f"].value for row in rows):
                    found.evidence.append(self._evidence(article, self.source(article)["headline"]))
            else:
                self._collect(rows, found)
                if kind == "partner_of" and rows:
                    found.details["agreement"] = True
        if not found.evidence and direct_query:
            self._collect(list(self._query(direct_query.replace(_ENDS, _values(ends)))), found)
        self._edges[e] = found
        return found

    def _collect(self, rows, found: FactEvidence) -> None:
        seen = set()
        for row in rows:
            for key in ("role", "amount", "date"):
                term = _get(row, key)
                if term is not None and key not in found.details:
                    found.details[key] = term.value
            src = _get(row, "src")
            iri = (src or row["g"]).value
            text = _get(row, "text")
            text = text.value if text is not None else None
            if (iri, text) not in seen:
                seen.add((iri, text))
                found.evidence.append(self._evidence(iri, text))
        found.evidence.sort(key=lambda ev: (ev.text is None, ev.date is None, ev.source))


def _get(row, name: str):
    try:
        return row[name]
    except KeyError:
        return None


__all__ = ["Evidence", "EvidenceReader", "phrase", "readable_date"]
