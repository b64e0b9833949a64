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
import re
from dataclasses import dataclass, field

from innograph.graph.projection import FORMER
from innograph.ontology import PREFIXES
from innograph.queries.results import Record

_P = PREFIXES

# kind -> (fact pattern with ?f ?a ?b, extra OPTIONAL patterns, direct edges as (subject, predicate, object)).
# Patterns start from the end with fewer facts (the member, the funded item, the project): Oxigraph
# keeps the written order here, and starting from a hub (a region funding everyone) costs 50 ms.
_FACTS = {
    "member_of": ("?f org:member ?a ; org:organization ?b ; a org:Membership . "
                  "FILTER NOT EXISTS { ?f a ig:Participation }",
                  "OPTIONAL { ?f org:role ?role } OPTIONAL { ?f org:memberDuring/time:hasBeginning/time:inXSDDate ?date }",
                  [("a", "org:memberOf", "b"), ("b", "org:hasMember", "a")]),
    "participates_in": ("?f ig:project ?b ; ig:participant ?a .", "OPTIONAL { ?f org:role ?role }",
                        [("a", "ig:participatesIn", "b")]),
    "holds_post": ("?f org:heldBy ?a ; org:postIn ?b .", "OPTIONAL { ?f schema:jobTitle ?role }",
                   [("a", "schema:worksFor", "b")]),
    "funds": ("?f schema:fundedItem ?b ; schema:funder ?a ; a schema:MonetaryGrant .",
              "OPTIONAL { ?f schema:amount/schema:value ?amount }", [("b", "schema:funder", "a")]),
    "partner_of": ("?f ig:party ?a, ?b .", "OPTIONAL { ?f dcterms:date ?date } OPTIONAL { ?f rdfs:label ?role }",
                   [("a", "ig:partnerOf", "b"), ("b", "ig:partnerOf", "a")]),
    "supports": (None, "", [("b", "schema:sponsor", "a")]),
    "organizes": (None, "", [("b", "schema:organizer", "a")]),
    "event_location": (None, "", [("a", "schema:location", "b")]),
    "located_in": (None, "", [("a", "schema:location", "b")]),
    "attends": (None, "", [("b", "schema:attendee", "a")]),
    "created_by": (None, "", [("a", "schema:founder", "b")]),
    "co_mentioned": ("?f schema:mentions ?a, ?b .", "", []),
}

_PHRASES = {
    "member_of": ("is a member of", "has as a member"),
    "participates_in": ("takes part in", "has as a participant"),
    "holds_post": ("works for", "employs"),
    "funds": ("funded", "was funded by"),
    "supports": ("supports", "is supported by"),
    "partner_of": ("is a partner of", "is a partner of"),
    "organizes": ("organizes", "is organized by"),
    "event_location": ("takes place at", "hosts"),
    "located_in": ("is located in", "is the place of"),
    "attends": ("attends", "is attended by"),
    "created_by": ("was created by", "created"),
    "co_mentioned": ("is mentioned with", "is mentioned with"),
}


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


def phrase(kind: str, *, forward: bool, details: dict, flags: int = 0) -> str:
    """How to read an edge of `kind` from its source (`forward`) or from its target."""
    role = details.get("role")
    if kind == "member_of" and details.get("date"):
        return "joined" if forward else "was joined by"
    if kind == "holds_post" and role:
        was = flags & FORMER
        return (f"{'was' if was else 'is'} {role} of" if forward
                else f"{'had' if was else 'has'} as {role}")
    if kind == "holds_post" and flags & FORMER:
        return "worked for" if forward else "employed"
    if kind == "participates_in" and role and role.lower().startswith("coord"):
        return "coordinates" if forward else "is coordinated by"
    if kind == "partner_of" and details.get("agreement"):
        return "signed an agreement with"
    return _PHRASES[kind][0 if forward else 1]


def format_date(text: str | None) -> str | None:
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

    def _query(self, text: str):
        return self.kg.store.query(text, prefixes=_P, use_default_graph_as_union=True)

    def source(self, iri: str) -> dict:
        """Headline, publisher, date and label of a source or article."""
        if iri not in self._sources:
            q = (f"SELECT ?headline ?publisher ?pubname ?date ?label WHERE {{ "
                 f"OPTIONAL {{ <{iri}> schema:headline ?headline }} OPTIONAL {{ <{iri}> schema:publisher ?publisher "
                 f"OPTIONAL {{ ?publisher rdfs:label ?pubname }} }} OPTIONAL {{ <{iri}> schema:datePublished ?date }} "
                 f"OPTIONAL {{ <{iri}> rdfs:label ?label }} }} LIMIT 1")
            row = next(iter(self._query(q)), None)
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
        pattern, extra, direct = _FACTS[kind]
        bind = _binder(p.iris_of(p.src[e]), p.iris_of(p.dst[e]))
        found = FactEvidence()
        if pattern:
            rows = list(self._query(
                f"SELECT DISTINCT ?f ?g ?src ?text ?role ?amount ?date WHERE {{ GRAPH ?g {{ {bind(pattern)} }} "
                f"OPTIONAL {{ ?f prov:wasDerivedFrom ?src }} OPTIONAL {{ ?f ig:evidence ?text }} {extra} }}"))
            if kind == "co_mentioned":
                for row in rows:
                    article = row["f"].value
                    found.evidence.append(self._evidence(article, self.source(article)["headline"]))
            else:
                self._collect(rows, found)
                if kind == "partner_of" and rows:
                    found.details["agreement"] = True
        if not found.evidence and direct:
            unions = " UNION ".join(
                f"{{ GRAPH ?g {{ ?{s} {pred} ?{o} }} OPTIONAL {{ ?f rdf:subject ?{s} ; rdf:predicate {pred} ; "
                f"rdf:object ?{o} ; prov:wasDerivedFrom ?src OPTIONAL {{ ?f ig:evidence ?text }} }} }}"
                for s, pred, o in direct)
            rows = list(self._query(f"SELECT DISTINCT ?f ?g ?src ?text WHERE {{ {bind(unions)} }}"))
            self._collect(rows, found)
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


def _binder(a_iris: list[str], b_iris: list[str]):
    """Put the two ends' IRIs in place of ?a and ?b (VALUES when an end has several IRIs).

    Constants let Oxigraph start from the ends' own triples instead of every fact of the kind.
    """
    def bind(text: str) -> str:
        for var, iris in (("a", a_iris), ("b", b_iris)):
            if len(iris) == 1:
                text = re.sub(rf"\?{var}\b", f"<{iris[0]}>", text)
            else:
                listed = " ".join(f"<{i}>" for i in iris)
                text = f"VALUES ?{var} {{ {listed} }} " + text
        return text

    return bind


def _get(row, name: str):
    try:
        return row[name]
    except KeyError:
        return None


__all__ = ["Evidence", "EvidenceReader", "phrase", "format_date"]
