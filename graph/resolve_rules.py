"""The rules of entity resolution: grouping nodes (union-find) and finding near misses.

:class:`Groups` unites nodes rule by rule, refusing a union that a person rejected or that would
put two different identifiers of one kind (SIREN, VAT, CORDIS id) in one group, unless a person
accepted it. :func:`candidates` lists the pairs left apart that a person should look at.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from innograph.graph.names import initials, is_generic, match_key

_ID_KINDS = ("sirens", "vats", "cordis", "countries")


@dataclass
class Entity:
    """An organization node as the sources describe it."""

    iri: str
    labels: dict[str, set[str]] = field(default_factory=dict)  # label → graphs that give it
    aliases: set[str] = field(default_factory=set)
    sirens: set[str] = field(default_factory=set)
    vats: set[str] = field(default_factory=set)
    cordis: set[str] = field(default_factory=set)
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

    @property
    def id(self) -> str:
        from innograph.graph.resolve import pair_id

        return pair_id(self.a, self.b)

    def as_dict(self) -> dict:
        return {"id": self.id, "score": round(self.score, 1), "rule": self.rule, "name": self.names[0],
                "other": self.names[1], "iri": self.a, "other_iri": self.b}


class Groups:
    """Union-find over entities, with identifier conflicts and a person's decisions."""

    def __init__(self, entities: dict[str, Entity], decisions: dict[frozenset, str]) -> None:
        self.entities = entities
        self.parent = {iri: iri for iri in entities}
        self.ids = {iri: {k: set(getattr(e, k)) for k in _ID_KINDS} for iri, e in entities.items()}
        self.rule: dict[str, str] = {}
        self.pending: list[tuple[str, str]] = []  # alias matches left for review
        self.decisions = decisions
        self.refused = [tuple(pair) for pair, d in decisions.items() if d in ("rejected", "undone") and len(pair) == 2]

    def find(self, iri: str) -> str:
        root = iri
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[iri] != root:
            self.parent[iri], iri = root, self.parent[iri]
        return root

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
        self.parent[rb] = ra
        for k in _ID_KINDS:
            self.ids[ra][k] |= self.ids[rb][k]
        for iri in (a, b):
            self.rule.setdefault(iri, rule)
        return True

    def members(self) -> dict[str, set[str]]:
        """Groups of more than one node: root → IRIs."""
        out: dict[str, set[str]] = defaultdict(set)
        for iri in self.parent:
            out[self.find(iri)].add(iri)
        return {root: group for root, group in out.items() if len(group) > 1}

    def canonical(self, group: set[str]) -> str:
        """The node to keep: the strongest identifier, then the most sources, then the shortest IRI."""
        def rank(iri: str):
            e = self.entities[iri]
            return (bool(e.sirens) and "/siren/" in iri, bool(e.sirens), bool(e.vats), bool(e.cordis),
                    len(e.graphs), -len(iri))
        best = max(rank(i) for i in group)
        return min(i for i in group if rank(i) == best)


def entity_rules(groups: Groups) -> None:
    """Apply the automatic rules in order: identifiers, a person's acceptances, names, aliases."""
    entities = groups.entities
    for kind, rule in (("sirens", "siren"), ("vats", "vat"), ("cordis", "cordis")):  # not countries
        by_value: dict[str, list[str]] = defaultdict(list)
        for iri, e in entities.items():
            for value in getattr(e, kind):
                by_value[value].append(iri)
        for iris in by_value.values():
            for other in iris[1:]:
                groups.union(iris[0], other, rule)
    for pair, decision in groups.decisions.items():
        if decision == "accepted" and len(pair) == 2 and all(i in entities for i in pair):
            a, b = sorted(pair)
            groups.union(a, b, "accepted", force=True)
    by_key: dict[str, list[str]] = defaultdict(list)
    for iri, e in entities.items():
        for key in e.keys():
            by_key[key].append(iri)
    for key, iris in by_key.items():
        if not is_generic(key):
            for other in iris[1:]:
                groups.union(iris[0], other, "name")
    for iri, e in entities.items():
        for alias in e.aliases:
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
    keyed = [(iri, key) for iri, e in entities.items() for key in e.keys()]
    found: dict[frozenset, Candidate] = {}

    def consider(a: str, b: str, rule: str, score: float) -> None:
        pair = frozenset((a, b))
        if a == b or pair in groups.decisions or groups.find(a) == groups.find(b):
            return
        if pair not in found or found[pair].score < score:
            x, y = sorted((a, b))
            found[pair] = Candidate(x, y, rule, score, (entities[x].name, entities[y].name))

    by_key: dict[str, list[str]] = defaultdict(list)
    for iri, key in keyed:
        by_key[key].append(iri)
    for key, iris in by_key.items():  # same name, kept apart (generic name or different identifiers)
        for i, a in enumerate(iris):
            for b in iris[i + 1:i + 6]:
                consider(a, b, "generic name" if is_generic(key) else "same name, other identifiers", 100.0)
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
    for iri, e in entities.items():
        for label in e.labels:
            if label.replace(".", "").isupper() and 2 < len(label.replace(".", "")) <= 8 and " " not in label:
                short[label.replace(".", "").lower()].append(iri)
    for iri, e in entities.items():
        for label in e.labels:
            acronym = initials(label)
            for other in short.get(acronym or "", ()):
                consider(iri, other, "acronym", 80.0)
    result = sorted(found.values(), key=lambda c: (-c.score, c.names))
    kept, count = [], defaultdict(int)
    for c in result:
        if count[c.a] < per_entity and count[c.b] < per_entity:
            kept.append(c)
            count[c.a] += 1
            count[c.b] += 1
    return kept
