"""The rules of entity resolution: grouping nodes (union-find) and finding near misses.

:class:`Groups` unites nodes rule by rule, refusing a union that a person rejected or that would
put two different identifiers of one kind (SIREN, VAT, CORDIS id) in one group, unless a person
accepted it. :func:`candidates` lists the pairs left apart that a person should look at: near
names, acronyms, and nodes that share an identifier (a VAT number) while others disagree (their
CORDIS ids). :func:`canonical_iri` and :func:`canonical_kind` are the one rule for the IRI and
the kind a merged organization is known by.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from innograph.graph.normalize import UnionFind, initials, is_generic, match_key, most_specific_kind

_ID_KINDS = ("sirens", "vats", "cordis", "countries")
_ID_NAMES = {"sirens": "SIREN", "vats": "VAT number", "cordis": "CORDIS id"}


def pair_id(a: str, b: str, prefix: str = "c") -> str:
    """A short, stable id for a pair of IRIs (order does not matter)."""
    x, y = sorted((a, b))
    return prefix + hashlib.sha256(f"{x}\x1f{y}".encode()).hexdigest()[:8]


#: Organization IRIs by the identifier they were minted from, strongest first.
_IRI_RANK = ("/organization/siren/", "/organization/cordis/", "/organization/vat/")


def canonical_iri(iris) -> str:
    """The IRI a group of merged organization IRIs is known by, everywhere (SPARQL, projection,
    exports): a SIREN IRI over a CORDIS one over a VAT one over a name's; then the shortest,
    then the first in order.

    >>> canonical_iri(["https://w3id.org/innograph/id/organization/cordis/999469765",
    ...                "https://w3id.org/innograph/id/organization/siren/266900273"]).rsplit("/", 2)[-2]
    'siren'
    """
    def rank(iri: str):
        kind = next((i for i, marker in enumerate(_IRI_RANK) if marker in iri), len(_IRI_RANK))
        return (kind, len(iri), iri)
    return min(iris, key=rank)


def canonical_kind(kinds) -> str | None:
    """The kind of a merged organization: the most specific one its sources give (a hospital
    over the public body it legally is, a university over a public authority)."""
    return most_specific_kind(kinds)


@dataclass
class OrgRecord:
    """An organization node as the sources describe it (names, identifiers, kinds, graphs)."""

    iri: str
    labels: dict[str, set[str]] = field(default_factory=dict)  # label → graphs that give it
    aliases: set[str] = field(default_factory=set)
    sirens: set[str] = field(default_factory=set)
    vats: set[str] = field(default_factory=set)
    cordis: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)  # ig: class local names
    graphs: set[str] = field(default_factory=set)

    @property
    def countries(self) -> set[str]:
        """Countries the identifiers imply: FR for a SIREN, a VAT number's prefix."""
        found = {vat[:2] for vat in self.vats if vat[:2].isalpha()}
        return found | ({"FR"} if self.sirens else set())

    @property
    def name(self) -> str:
        return min(self.labels, key=lambda label: (label.isupper(), label)) if self.labels else self.iri

    def keys(self) -> set[str]:
        return {match_key(label) for label in self.labels} - {""}


@dataclass
class Candidate:
    """Two nodes that may be one organization: for a person to accept or reject."""

    a: str
    b: str
    rule: str
    score: float
    names: tuple[str, str]
    reason: str = ""

    @property
    def id(self) -> str:
        return pair_id(self.a, self.b)

    def as_dict(self) -> dict:
        return {"id": self.id, "score": round(self.score, 1), "rule": self.rule, "name": self.names[0],
                "other": self.names[1], "iri": self.a, "other_iri": self.b, "reason": self.reason}


class Groups:
    """Union-find over entities, with identifier conflicts and a person's decisions."""

    def __init__(self, entities: dict[str, OrgRecord], decisions: dict[frozenset, str]) -> None:
        self.entities = entities
        self.uf = UnionFind(entities)
        self.parent = self.uf.parent
        self.ids = {iri: {k: set(getattr(e, k)) for k in _ID_KINDS} for iri, e in entities.items()}
        self.rule: dict[str, str] = {}
        self.pending: list[tuple[str, str]] = []  # alias matches left for review
        self.shared: list[tuple[str, str, str, str]] = []  # (a, b, rule, reason): an identifier shared, others differ
        self.decisions = decisions
        self.refused = [tuple(pair) for pair, d in decisions.items() if d in ("rejected", "undone") and len(pair) == 2]

    def find(self, iri: str) -> str:
        return self.uf.find(iri)

    def conflict(self, ra: str, rb: str) -> bool:
        a, b = self.ids[ra], self.ids[rb]
        return any(a[k] and b[k] and not a[k] & b[k] for k in _ID_KINDS)

    def refused_between(self, ra: str, rb: str) -> bool:
        return any({self.find(x), self.find(y)} == {ra, rb} for x, y in self.refused
                   if x in self.parent and y in self.parent)

    def union(self, a: str, b: str, rule: str, *, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.refused_between(ra, rb) or (not force and self.conflict(ra, rb)):
            return False
        self.uf.union(ra, rb, keep=ra)
        for k in _ID_KINDS:
            self.ids[ra][k] |= self.ids[rb][k]
        for iri in (a, b):
            self.rule.setdefault(iri, rule)
        return True

    def members(self) -> dict[str, set[str]]:
        """Groups of more than one node: root → IRIs."""
        return self.uf.groups()

    def differing(self, a: str, b: str) -> str:
        """Which identifiers keep the groups of `a` and `b` apart ("CORDIS ids 1 ≠ 2")."""
        x, y = self.ids[self.find(a)], self.ids[self.find(b)]
        return "; ".join(f"{_ID_NAMES[k]}s {', '.join(sorted(x[k]))} ≠ {', '.join(sorted(y[k]))}"
                         for k in _ID_NAMES if x[k] and y[k] and not x[k] & y[k])


def entity_rules(groups: Groups) -> None:
    """Apply the automatic rules in order: identifiers, a person's acceptances, names, aliases."""
    entities = groups.entities
    for kind, rule in (("sirens", "siren"), ("vats", "vat"), ("cordis", "cordis")):  # not countries
        by_value: dict[str, list[str]] = defaultdict(list)
        for iri in sorted(entities):  # sorted: the same groups whatever the order of loading
            for value in getattr(entities[iri], kind):
                by_value[value].append(iri)
        for value, iris in sorted(by_value.items()):
            for other in iris[1:]:
                if not groups.union(iris[0], other, rule) and groups.find(iris[0]) != groups.find(other):
                    reason = f"shared {_ID_NAMES[kind]} {value}; {groups.differing(iris[0], other)}"
                    groups.shared.append((iris[0], other, f"shared {_ID_NAMES[kind]}", reason))
    for pair, decision in sorted(groups.decisions.items(), key=lambda kv: sorted(kv[0])):
        if decision == "accepted" and len(pair) == 2 and all(i in entities for i in pair):
            a, b = sorted(pair)
            groups.union(a, b, "accepted", force=True)
    by_key: dict[str, list[str]] = defaultdict(list)
    for iri in sorted(entities):  # every step in a fixed order: the same groups whatever the loading order
        for key in sorted(entities[iri].keys()):
            by_key[key].append(iri)
    for key, iris in sorted(by_key.items()):
        if not is_generic(key):
            for other in iris[1:]:
                groups.union(iris[0], other, "name")
    for iri in sorted(entities):
        for alias in sorted(entities[iri].aliases):
            key = match_key(alias)
            if is_generic(key) or len(key) < 3:
                continue
            targets = {groups.find(t) for t in by_key.get(key, ()) if t != iri}
            if len(targets) == 1:
                target = targets.pop()
                if groups.ids[target]["sirens"] and not groups.ids[groups.find(iri)]["sirens"]:
                    # A short alias ("Renault") landing on a registered legal unit may name a plant
                    # or a subsidiary of it: a person decides.
                    groups.pending.append((iri, target))
                else:
                    groups.union(iri, target, "alias")


def candidates(groups: Groups, *, threshold: float = 85.0, per_entity: int = 5) -> list[Candidate]:
    """Pairs in different groups that look alike: fuzzy names, generic names, acronyms, conflicts."""
    from rapidfuzz import fuzz

    entities = groups.entities
    keyed = [(iri, key) for iri in sorted(entities) for key in sorted(entities[iri].keys())]
    found: dict[frozenset, Candidate] = {}

    def consider(a: str, b: str, rule: str, score: float, reason: str = "") -> None:
        pair = frozenset((a, b))
        if a == b or pair in groups.decisions or groups.find(a) == groups.find(b):
            return
        if pair not in found or found[pair].score < score:
            x, y = sorted((a, b))
            found[pair] = Candidate(x, y, rule, score, (entities[x].name, entities[y].name), reason)

    for a, b, rule, reason in groups.shared:  # "shared VAT number": the strongest hint a person gets
        consider(a, b, rule, 100.0, reason)

    by_key: dict[str, list[str]] = defaultdict(list)
    for iri, key in keyed:
        by_key[key].append(iri)
    for key, iris in by_key.items():  # same name, kept apart (generic name or different identifiers)
        for i, a in enumerate(iris):
            for b in iris[i + 1:i + 6]:
                if is_generic(key):
                    consider(a, b, "generic name", 100.0)
                else:
                    consider(a, b, "same name, other identifiers", 100.0, groups.differing(a, b))
    # Fuzzy names, compared within blocks of a shared rare word.
    frequency: dict[str, int] = defaultdict(int)
    for _, key in keyed:
        for token in set(key.split()):
            frequency[token] += 1
    limit = max(50, len(keyed) // 100)
    blocks: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for iri, key in keyed:
        rare = sorted((frequency[t], t) for t in set(key.split()) if frequency[t] <= limit and len(t) > 2)[:2]
        for _, token in rare:
            blocks[token].append((iri, key))
            if len(token) >= 5:  # a misspelt word ("Biolumne", "Biolumen") shares its beginning
                blocks["prefix:" + token[:4]].append((iri, key))
    for members in blocks.values():
        members = list(dict.fromkeys(members))[:500]
        for i, (a, ka) in enumerate(members):
            for b, kb in members[i + 1:]:
                if ka == kb or groups.find(a) == groups.find(b):
                    continue
                score = fuzz.token_sort_ratio(ka, kb)
                if score >= threshold:
                    consider(a, b, "similar name", score)
                elif min(len(ka.split()), len(kb.split())) >= 2 and fuzz.token_set_ratio(ka, kb) == 100:
                    consider(a, b, "name contained in the other", 90.0)
    for a, b in groups.pending:
        consider(a, b, "known alias", 90.0)
    # Acronyms: a node named like the initials of another's name.
    short = defaultdict(list)
    for iri in sorted(entities):
        for label in sorted(entities[iri].labels):
            if label.replace(".", "").isupper() and 2 < len(label.replace(".", "")) <= 8 and " " not in label:
                short[label.replace(".", "").lower()].append(iri)
    for iri in sorted(entities):
        for label in sorted(entities[iri].labels):
            acronym = initials(label)
            for other in short.get(acronym or "", ()):
                consider(iri, other, "acronym", 80.0)
    result = sorted(found.values(), key=lambda c: (-c.score, c.names, c.a, c.b))
    kept, count = [], defaultdict(int)
    for c in result:
        if count[c.a] < per_entity and count[c.b] < per_entity:
            kept.append(c)
            count[c.a] += 1
            count[c.b] += 1
    return kept
