"""Entity resolution: one node per real-world organization, across every source.

Loaders mint an organization's IRI from its CORDIS id, else its SIREN (also from a SIRET or a
French VAT number), else its VAT number, else its normalized name (:mod:`innograph.graph.iri`), so
many duplicates collapse when loaded, and two CORDIS participants never do. :func:`resolve` finds
the rest, over the union of all sources:

1. identifiers — nodes sharing a SIREN, a VAT number or a CORDIS id (rule ``siren``, ``vat``,
   ``cordis``), unless another of their identifiers disagrees: two CORDIS participants that share a
   VAT number are proposed for review ("shared VAT number", with the number and the ids as reason);
2. names — the same :func:`~innograph.graph.normalize.match_key` (accents, case, punctuation, legal
   forms, "Univ." for "Université", "CHU" for "Centre hospitalier universitaire": rule ``name``);
3. known aliases — a node's ``skos:altLabel`` is another node's name (rule ``alias``; onto a registered
   legal unit, only proposed for review: "Renault" may name a plant of Renault SAS);
4. a person's decisions (``accepted``) — and never against them (``rejected``, ``undone``).

Nodes whose identifiers disagree (two SIRENs, two VAT numbers, two CORDIS ids) are never merged by
rules 1–3, and generic names ("CHU", "Université") never merge on their own. Near misses (fuzzy
names, acronyms) are not merged but returned as candidates for a person to accept or reject
(``innograph resolve --review``); decisions persist in their own graph and win on every later run.
Groups are formed in the order of the IRIs, so the order in which sources were loaded does not matter.

One rule names a merged organization everywhere: :func:`canonical_iri` (a SIREN IRI over a CORDIS
one over a VAT one over a name's) and :func:`canonical_kind` (the most specific kind its sources
give: a hospital over the public body it legally is). Results live in their own named graph,
rebuilt on each run: an ``ig:Merge`` per merged node (``ig:mergedFrom``, ``ig:mergedInto``,
``ig:mergeRule``, ``ig:mergedName``, ``prov:wasDerivedFrom`` the sources); ``owl:sameAs`` both ways
between the merged-away IRI and the kept one; ``ig:canonical`` from every IRI of a merged
organization (the kept one too) to the kept one; ``ig:canonicalKind`` on the kept one (and on any
node whose sources disagree on its kind); and every triple about the merged-away IRI repeated on
the kept one (its ``rdfs:label`` as ``skos:altLabel``; fact nodes such as memberships keep pointing
at the IRI their source gave). So a query that skips nodes whose ``ig:canonical`` is another sees
one node per organization with all its direct edges (:func:`canonical_links` gives the same map to
the projection and the exports), and undoing a merge (or removing the resolution source) restores
both nodes as they were loaded.

Labels: a source gives each node one ``rdfs:label``; when sources label the same IRI differently,
resolution keeps one (a person's spelling over upper-case register names; a register's legal name
over CORDIS) and turns the others into ``skos:altLabel`` in their sources' graphs, recording each
change so that the next run can take it back if the kept label's source goes away.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import chain

import pyoxigraph as ox
from rdflib.namespace import OWL, RDF, RDFS

from innograph.graph.iri import SOURCE_BASE, siren_from
from innograph.graph.resolve_rules import (
    Candidate, Groups, OrgRecord, canonical_iri, canonical_kind, candidates, entity_rules, pair_id,
)
from innograph.graph.sources import SourcePayload
from innograph.ontology.kinds import ORG_KINDS
from innograph.ontology.ns import IG, ORG, PROV, SKOS

__all__ = ["Candidate", "Merge", "OrgRecord", "Resolution", "canonical_iri", "canonical_kind", "canonical_links",
           "decide", "decisions", "entities", "pair_id", "resolve"]

RESOLUTION_GRAPH = SOURCE_BASE + "resolution"
DECISIONS_GRAPH = SOURCE_BASE + "resolution-decisions"
_ORIGIN = "innograph:resolution"
_DECISIONS_ORIGIN = "innograph:resolution-decisions"
_MERGE_BASE = "https://w3id.org/innograph/id/merge/"
_DECISION_BASE = "https://w3id.org/innograph/id/decision/"

_N = ox.NamedNode
_TYPE, _LABEL, _ALT, _SAME = _N(str(RDF.type)), _N(str(RDFS.label)), _N(str(SKOS.altLabel)), _N(str(OWL.sameAs))
_STATEMENT = _N(str(RDF.Statement))
_SUBJECT, _PREDICATE, _OBJECT = _N(str(RDF.subject)), _N(str(RDF.predicate)), _N(str(RDF.object))
_DERIVED = _N(str(PROV.wasDerivedFrom))
_CANONICAL, _CANONICAL_KIND = _N(str(IG.canonical)), _N(str(IG.canonicalKind))
_KIND_OF_CLASS = {str(getattr(IG, kind)): kind for kind in ORG_KINDS}
#: Which loader's spelling of a name wins, best first (after mixed case over ALL CAPS).
LABEL_PRIORITY = ("members", "documents", "rdf", "sirene", "cordis")


@dataclass
class Merge:
    """One node merged into another: which rule, with which names, read from which sources."""

    source: str
    target: str
    rule: str
    names: list[str]
    graphs: list[str]
    kind: str | None = None  # the canonical kind of the organization kept

    @property
    def id(self) -> str:
        return pair_id(self.source, self.target, "m")

    def as_dict(self) -> dict:
        return {"id": self.id, "merged": self.source, "into": self.target, "kind": self.kind, "rule": self.rule,
                "names": self.names, "sources": self.graphs}


@dataclass
class Resolution:
    """What a run of :func:`resolve` found and did."""

    organizations: int = 0
    merges: list[Merge] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    relabelled: int = 0
    groups: dict[str, str] = field(default_factory=dict)  # merged-away IRI → canonical IRI
    kinds: dict[str, str] = field(default_factory=dict)  # canonical IRI → kind, where sources disagree or merge

    @property
    def distinct(self) -> int:
        """Organizations after resolution: the nodes not merged into another."""
        return self.organizations - len(self.merges)

    def by_rule(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for merge in self.merges:
            counts[merge.rule] += 1
        return dict(sorted(counts.items()))


# -- reading ---------------------------------------------------------------------------------

_ORGANIZATION = _N(str(ORG.Organization))
_SIREN, _VAT, _CORDIS = _N(str(IG.siren)), _N(str(IG.vatNumber)), _N(str(IG.cordisId))


def entities(kg) -> dict[str, OrgRecord]:
    """Every organization node of the sources, with its names, identifiers, kinds and graphs
    (what a source says of a node counts where that source types it as an organization)."""
    store, graphs = kg.store, _source_graphs(kg)
    typed: dict[ox.NamedNode, set] = defaultdict(set)
    for q in store.quads_for_pattern(None, _TYPE, _ORGANIZATION, None):
        if q.graph_name in graphs and isinstance(q.subject, ox.NamedNode):
            typed[q.subject].add(q.graph_name)
    found: dict[str, OrgRecord] = {}
    for node, in_graphs in typed.items():
        entity = found[node.value] = OrgRecord(node.value, graphs={g.value for g in in_graphs})
        for q in store.quads_for_pattern(node, None, None, None):
            if q.graph_name not in in_graphs:
                continue
            predicate, value = q.predicate, q.object.value
            if predicate == _TYPE:
                if value in _KIND_OF_CLASS:
                    entity.kinds.add(_KIND_OF_CLASS[value])
            elif predicate == _LABEL:
                entity.labels.setdefault(value, set()).add(q.graph_name.value)
            elif predicate == _ALT:
                entity.aliases.add(value)
            elif predicate == _SIREN:
                entity.sirens.add(value)
            elif predicate == _VAT:
                vat = value.replace(" ", "").upper()
                entity.vats.add(vat)
                if siren_from(vat=vat):
                    entity.sirens.add(siren_from(vat=vat))
            elif predicate == _CORDIS:
                entity.cordis.add(value)
    return found


def _object(store, subject, predicate, graph):
    """The object of the first quad (subject, predicate, ?, graph), else None."""
    quad = next(iter(store.quads_for_pattern(subject, predicate, None, graph)), None)
    return None if quad is None else quad.object


def decisions(kg) -> dict[frozenset, str]:
    """A person's decisions: {frozenset({a, b}): 'accepted' | 'rejected' | 'undone'}."""
    store, graph, found = kg.store, _N(DECISIONS_GRAPH), {}
    for q in store.quads_for_pattern(None, _N(str(IG.decision)), None, graph):
        a = _object(store, q.subject, _N(str(IG.mergedFrom)), graph)
        b = _object(store, q.subject, _N(str(IG.mergedInto)), graph)
        if a is not None and b is not None:
            found[frozenset((a.value, b.value))] = q.object.value
    return found


# -- running ---------------------------------------------------------------------------------

def resolve(kg, *, write: bool = True, review_threshold: float = 85.0) -> Resolution:
    """Resolve the organizations of every source; write the results unless `write` is False."""
    if write:
        _restore_labels(kg)
    found = entities(kg)
    decided = decisions(kg)
    groups = Groups(found, decided)
    entity_rules(groups)
    result = Resolution(organizations=len(found))
    loaders = {s.iri: s.loader for s in kg.sources()}
    for root, members in groups.members().items():
        target = canonical_iri(members)
        kind = canonical_kind(chain.from_iterable(found[i].kinds for i in members))
        if kind:
            result.kinds[target] = kind
        for iri in sorted(members - {target}):
            entity = found[iri]
            rule = groups.rule.get(iri, "name")
            names = sorted({*entity.labels, *found[target].labels})
            result.merges.append(Merge(iri, target, rule, names, sorted(entity.graphs | found[target].graphs), kind))
            result.groups[iri] = target
    for iri, entity in found.items():  # one node, several kinds from its sources: one of them
        if len(entity.kinds) > 1 and iri not in result.groups and iri not in result.kinds:
            result.kinds[iri] = canonical_kind(entity.kinds)
    result.candidates = candidates(groups, threshold=review_threshold)
    if write:
        kg.replace(_ORIGIN, [_payload(kg, result, found)])
        result.relabelled = _harmonize_labels(kg, found, loaders)
    return result


def _payload(kg, result: Resolution, found: dict[str, OrgRecord]) -> SourcePayload:
    """The resolution graph: merges, ``owl:sameAs`` both ways, ``ig:canonical`` (every IRI of a
    merged organization, the kept one too, points at the kept one), ``ig:canonicalKind``, and
    the copies of the merged-away nodes' triples."""
    triples: list[ox.Triple] = []
    add = lambda s, p, o: triples.append(ox.Triple(s, p, o))  # noqa: E731
    for merge in result.merges:
        node = _N(_MERGE_BASE + merge.id)
        add(node, _TYPE, _N(str(IG.Merge)))
        add(node, _N(str(IG.mergedFrom)), _N(merge.source))
        add(node, _N(str(IG.mergedInto)), _N(merge.target))
        add(node, _N(str(IG.mergeRule)), ox.Literal(merge.rule))
        for name in merge.names:
            add(node, _N(str(IG.mergedName)), ox.Literal(name))
        for graph in merge.graphs:
            add(node, _DERIVED, _N(graph))
        add(_N(merge.source), _SAME, _N(merge.target))
        add(_N(merge.target), _SAME, _N(merge.source))
        add(_N(merge.source), _CANONICAL, _N(merge.target))
        add(_N(merge.target), _CANONICAL, _N(merge.target))
    for iri, kind in sorted(result.kinds.items()):
        add(_N(iri), _CANONICAL_KIND, _N(str(getattr(IG, kind))))
    triples += _copies(kg, result.groups)
    return SourcePayload(iri=RESOLUTION_GRAPH, label="resolution", loader="resolve", triples=triples)


def _source_graphs(kg) -> set[ox.NamedNode]:
    """The graphs of the sources resolution reads (not its own, nor anything the store derives)."""
    return {_N(s.iri) for s in kg.sources()} - {_N(RESOLUTION_GRAPH), _N(DECISIONS_GRAPH)}


def _copies(kg, groups: dict[str, str]) -> list[ox.Triple]:
    """Every triple about a merged-away node, repeated on the node kept (labels as altLabels)."""
    if not groups:
        return []
    store, graphs, out = kg.store, _source_graphs(kg), []

    def kept(term):
        return _N(groups[term.value]) if isinstance(term, ox.NamedNode) and term.value in groups else term

    for iri in sorted(groups):
        node = _N(iri)
        for q in store.quads_for_pattern(node, None, None, None):
            if q.graph_name in graphs and q.predicate != _TYPE:
                out.append(ox.Triple(kept(q.subject), _ALT if q.predicate == _LABEL else q.predicate, kept(q.object)))
        for q in store.quads_for_pattern(None, None, node, None):
            # Fact nodes (memberships, posts, grants... all have prov:wasDerivedFrom) keep the IRI
            # their source gave: they carry exactly one member, holder or funder, and owl:sameAs leads on.
            if q.graph_name not in graphs or q.predicate == _TYPE or next(
                    store.quads_for_pattern(q.subject, _DERIVED, None, q.graph_name), None) is not None:
                continue
            out.append(ox.Triple(kept(q.subject), _ALT if q.predicate == _LABEL else q.predicate, kept(q.object)))
    return out


# -- labels ------------------------------------------------------------------------------------

def _label_rank(label: str, graphs: set[str], loaders: dict[str, str | None]) -> tuple:
    priority = min((LABEL_PRIORITY.index(loaders.get(g) or "rdf") if (loaders.get(g) or "rdf") in LABEL_PRIORITY
                    else 2 for g in graphs), default=9)
    return (label.isupper(), priority, -len(graphs), len(label), label)


def _harmonize_labels(kg, found: dict[str, OrgRecord], loaders: dict[str, str | None]) -> int:
    """Keep one rdfs:label per IRI across sources; the others become skos:altLabel, recorded."""
    deletes, inserts, records = [], [], []
    for iri, entity in found.items():
        if len(entity.labels) < 2:
            continue
        kept = min(entity.labels, key=lambda label: _label_rank(label, entity.labels[label], loaders))
        for label, graphs in entity.labels.items():
            if label == kept:
                continue
            for graph in graphs:
                deletes.append(ox.Quad(_N(iri), _LABEL, ox.Literal(label), _N(graph)))
                inserts.append(ox.Quad(_N(iri), _ALT, ox.Literal(label), _N(graph)))
                records.append((iri, label, graph))
    if not deletes:
        return 0
    res = _N(RESOLUTION_GRAPH)
    for iri, label, graph in records:
        node = _N(_MERGE_BASE + "label-" + hashlib.sha256(f"{iri}\x1f{label}\x1f{graph}".encode()).hexdigest()[:16])
        inserts += [ox.Quad(node, _TYPE, _STATEMENT, res), ox.Quad(node, _SUBJECT, _N(iri), res),
                    ox.Quad(node, _PREDICATE, _LABEL, res), ox.Quad(node, _OBJECT, ox.Literal(label), res),
                    ox.Quad(node, _DERIVED, _N(graph), res)]
    _update(kg, deletes, inserts)
    return len(records)


def _restore_labels(kg) -> None:
    """Take back the label changes of the previous run (their graphs may have been reloaded)."""
    store, res, deletes, inserts = kg.store, _N(RESOLUTION_GRAPH), [], []
    for record in store.quads_for_pattern(None, _PREDICATE, _LABEL, res):
        node = record.subject
        subject, label, graph = (_object(store, node, p, res) for p in (_SUBJECT, _OBJECT, _DERIVED))
        if subject is None or label is None or not isinstance(graph, ox.NamedNode):
            continue
        moved = ox.Quad(subject, _ALT, label, graph)
        if next(iter(store.quads_for_pattern(subject, _ALT, label, graph)), None) is not None:
            deletes.append(moved)
            inserts.append(ox.Quad(subject, _LABEL, label, graph))
    if deletes:
        _update(kg, deletes, inserts)


def _update(kg, deletes: list[ox.Quad], inserts: list[ox.Quad]) -> None:
    """Move quads inside the sources' graphs (labels made alternative, and back), as terms.

    Inserts go first: a run stopped half-way leaves a label twice (which the next run's
    :func:`_restore_labels` sets right), never none. A store that keeps derived data in step with
    its sources (a union graph) offers ``edit(remove=, add=)``, which is used when present.
    """
    edit = getattr(kg, "edit", None)
    if callable(edit):
        edit(remove=deletes, add=inserts)
        return
    if inserts:
        kg.store.extend(inserts)
    for quad in deletes:
        kg.store.remove(quad)


# -- decisions ---------------------------------------------------------------------------------

def decide(kg, key: str, decision: str, *, result: Resolution | None = None) -> tuple[str, str]:
    """Record a person's decision on a candidate (c…) or a merge (m…): accepted, rejected, undone.

    Returns the pair of IRIs decided on; run :func:`resolve` again to apply it.
    """
    from innograph.errors import NotFoundError, UsageError

    if decision not in ("accepted", "rejected", "undone"):
        raise UsageError(f"unknown decision {decision!r}; use accepted, rejected or undone")
    result = result or resolve(kg, write=False)
    pairs = {pair_id(c.a, c.b): (c.a, c.b) for c in result.candidates}
    pairs.update({m.id: (m.source, m.target) for m in result.merges})
    if key not in pairs:
        raise NotFoundError(f"no candidate or merge {key!r}; see `innograph resolve --review` (or --merges)")
    a, b = pairs[key]
    current = decisions(kg)
    current[frozenset((a, b))] = decision
    triples = []
    for pair, value in sorted(current.items(), key=lambda kv: sorted(kv[0])):
        x, y = sorted(pair)
        node = _N(_DECISION_BASE + pair_id(x, y, "d"))
        triples += [ox.Triple(node, _TYPE, _N(str(IG.MergeCandidate))), ox.Triple(node, _N(str(IG.mergedFrom)), _N(x)),
                    ox.Triple(node, _N(str(IG.mergedInto)), _N(y)), ox.Triple(node, _N(str(IG.decision)), ox.Literal(value))]
    kg.replace(_DECISIONS_ORIGIN, [SourcePayload(iri=DECISIONS_GRAPH, label="resolution-decisions",
                                                 loader="resolve", triples=triples)])
    return a, b


def canonical_links(kg) -> dict[str, str]:
    """{IRI: canonical IRI} for every IRI of a merged organization, as the last run of
    :func:`resolve` wrote it (``ig:canonical``): what the projection and the exports collapse."""
    return {q.subject.value: q.object.value
            for q in kg.store.quads_for_pattern(None, _CANONICAL, None, _N(RESOLUTION_GRAPH))}
