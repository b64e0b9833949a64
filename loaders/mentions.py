"""Finding the organizations, people, places, projects and events an article names.

Mentions come from cue words ("CHU de Nantes", "la start-up Robotik", "salon Biotech Ouest"),
acronym definitions ("Westshire Training Center (WTC)"), spaCy's named entities, and a gazetteer
of names already known (from the store, and from earlier in the article). They are then linked:
case-, accent- and function-word-insensitive keys, acronyms and aliases, short forms ("le CHU"
after "le CHU de Nantes"), and a strict fuzzy match — never a weak one. Once every mention is
found, loaders/linking.py settles which entity each names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from innograph.graph.iri import normalize_org_name
from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.demonyms import COUNTRY_CANON

# Inside a word a hyphen never starts a capitalized word or a bare number: those are the "-"
# separator of NAME_SEQ, and letting both read them made matching exponential ("Ab-Ab-Ab-...").
CAP_WORD = r"(?:[A-ZÀ-Ý](?:[\w’'\.&]|(?<=\.)-|-(?![A-ZÀ-Ý]|\d+(?:\.\d+)?(?![\w’'\.&])))*[\w]|[A-ZÀ-Ý])"
NAME_WORD = rf"(?:{CAP_WORD}|\d+(?:\.\d+)?)"
# Not "en"/"in": "Nuvola en Californie" is a name and a place.
CONNECTOR = r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|de|du|des|d['’]|of[ \t]+the|of|for|&|sur|on)[ \t]*)"
# After a function word ("de", "en") only a capitalized word continues a name: "Seine Robotique en 2021".
# At most MAX_NAME_SEQ words: a longer run of capitalized words is a title or a list, and an
# unbounded run made every search over it quadratic in its length.
MAX_NAME_SEQ = 16
NAME_SEQ = re.compile(rf"{CAP_WORD}(?:(?:[ \t]+|-){NAME_WORD}|{CONNECTOR}{CAP_WORD}){{0,{MAX_NAME_SEQ}}}")
ACRONYM_DEF = re.compile(r"\s*\((?P<acr>[A-ZÀ-Ý][A-ZÀ-Ý0-9&\-]{1,9})\)")
LONG_DEF = re.compile(r"\s*\((?P<long>[A-ZÀ-Ý][^()]{5,90})\)")


_FOLDED_WORD = re.compile(r"[a-z0-9]+")


def words_key(name: str) -> str:
    """A name as folded words ("Seine Robotique 4.0" -> "seine robotique 4 0")."""
    return " ".join(_FOLDED_WORD.findall(fold_same_length(name)))


_LEADING_ARTICLE = re.compile(r"^(?:l|le|la|les|the) ")


def country_key(name: str) -> str:
    """A name as folded words without a leading article, as lexicon.COUNTRIES spells countries
    ("la Côte d'Ivoire" -> "cote d ivoire")."""
    return _LEADING_ARTICLE.sub("", words_key(name))


def country_or_continent(label: str) -> bool:
    """A country's or a continent's name (no organization's: "des banques de toute l'Asie")."""
    key = country_key(label)
    return key in lx.COUNTRIES or key in lx.CONTINENTS or key.split(" ")[0] in lx.CONTINENTS


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The key names are compared on: see :func:`innograph.graph.iri.normalize_org_name`."""
    return normalize_org_name(text)


@lru_cache(maxsize=65536)
def entity_key(label: str) -> str:
    """The key an article's entities are told apart by: the name's (:func:`name_key`), one for
    all the names of a country (demonyms.COUNTRY_CANON: "RDC", "RD Congo")."""
    key = name_key(label)  # (the name key of "du Japon" is the country's, "République démocratique du Congo" the words')
    canon = COUNTRY_CANON.get(key) or COUNTRY_CANON.get(country_key(label))
    return f"country {canon}" if canon else key


def alternation(words) -> str:
    """A regex alternation of `words`, longest first; a space in a word matches spaces, an apostrophe or a hyphen."""
    return "|".join(re.escape(w).replace(r"\ ", r"[\s'\-]+") for w in sorted(words, key=len, reverse=True))


@dataclass(eq=False)
class Entity:
    kind: str  # organization | person | place | project | event
    label: str
    org_kind: str | None = None
    aliases: set[str] = field(default_factory=set)
    classification: set[str] = field(default_factory=set)
    iri: str | None = None  # when the store already knows it
    cue: str | None = None  # the name cue it starts with ("chu"), for short forms

    @property
    def key(self) -> str:
        return name_key(self.label)

    def names(self) -> set[str]:
        return {self.label, *self.aliases}


#: A capitalized word right after a descriptor ("l'hôpital Saint-Amand"): the descriptor introduces
#: that name and is no short form of an organization named before.
NAMED_NEXT = re.compile(r"[ \t]+(?=[A-ZÀ-Ý])")


def introduced(ents, pos: int):
    """For a descriptor ending at `pos`: None if no capitalized name follows it (it may be the short
    form of an organization named before), else the organization that name is (`False` if it is none
    yet). A descriptor a name follows is the short form of that name only: "la société Ferlinox" of
    Ferlinox, never "l'hôpital Saint-Amand" of the hospital named before."""
    after = NAMED_NEXT.match(ents.text, pos)
    if after is None:
        return None
    named = next((m for m in ents.mentions if m.start == after.end() and m.entity.kind == "organization"), None)
    return named.entity if named is not None else False


@dataclass
class Mention:
    start: int
    end: int
    text: str
    entity: Entity
    source: str  # cue | descriptor | acronym | ner | gazetteer | short


@dataclass
class Gazetteer:
    """Names already known (from the store, or earlier articles): kind, label, org kind, IRI.

    ``entries`` is keyed like :func:`name_key` (for linking a name found by a pattern);
    ``by_words`` by folded words (for finding the name in text).
    """

    entries: dict[str, tuple[str, str, str | None, str | None]] = field(default_factory=dict)
    by_words: dict[str, tuple[str, str, str | None, str | None]] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    longest: int = 0

    def add(self, name: str, kind: str, label: str, org_kind: str | None, iri: str | None) -> None:
        key = name_key(name)
        if len(key) < 2 or key in lx.NOT_NAMES:
            return
        value = (kind, label, org_kind, iri)
        self.entries.setdefault(key, value)
        words = words_key(name)
        if len(words) >= 4 and (len(name.split()) > 1 or name[:1].isupper()):
            self.by_words.setdefault(words, value)
            self.first_words.add(words.split(" ", 1)[0])
            self.longest = max(self.longest, words.count(" ") + 1)


class ArticleEntities:
    """The entities and mentions of one article, with linking."""

    def __init__(self, text: str, gazetteer: Gazetteer | None = None) -> None:
        self.text = text
        self.folded = fold_same_length(text)
        self.gazetteer = gazetteer or Gazetteer()
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []
        self._by_key: dict[tuple[str, str], Entity] = {}
        self.lang: str | None = None  # the article's language, once parsed ("fr", "en")

    # -- building ---------------------------------------------------------------------------
    def entity(self, kind: str, label: str, *, org_kind=None, cue=None) -> Entity:
        """The entity of this kind named `label`, created if new (linked by key, alias, gazetteer)."""
        label = clean_name(label)
        key = entity_key(label)
        group = "named" if kind in ("organization", "project", "event") else kind
        found = self._by_key.get((group, key))
        if found is None:
            for other in self.entities:
                if _group(other.kind) == group and key in {entity_key(a) for a in other.aliases}:
                    found = other
                    break
        if found is None:
            found = Entity(kind, label, org_kind=org_kind, cue=cue)
            known = self.gazetteer.entries.get(name_key(label))
            if known and _group(known[0]) == group and (not short_acronym(label) or name_key(known[1]) == name_key(label)):
                self._link(found, known)
            self.entities.append(found)
            self._by_key[(group, key)] = found
        else:
            if label != found.label:
                found.aliases.add(label)
            if org_kind and not found.org_kind:
                found.org_kind = org_kind
            if kind == "organization" and found.kind in ("project", "event") and org_kind:
                found.kind = "organization"
        found.cue = found.cue or cue
        return found

    def country_named(self, keys) -> Entity | None:
        """The article's place or organization that names a country among the folded `keys`
        ('etats-unis', 'usa', ...), by any of its names, or None."""
        for m in self.mentions:
            if m.entity.kind in ("place", "organization") and any(country_key(n) in keys for n in m.entity.names()):
                return m.entity
        return None

    def acting(self, place_label: str) -> Entity:
        """A place acting (a country holding posts, funding, joining, supporting): the public
        authority of its name."""
        org = self.entity("organization", place_label, org_kind="PublicAuthority")
        place = self._by_key.get(("place", entity_key(place_label)))
        for name in place.names() if place is not None else ():
            self.add_alias(org, name)  # ("la RD Congo", "la RDC": the country's names are the state's)
        return org

    def _link(self, entity: Entity, known) -> None:
        """Make `entity` the known one (kind, label, org kind, IRI), keeping its own name as an alias."""
        label = entity.label
        entity.kind, entity.label, entity.org_kind, entity.iri = known[0], known[1], known[2] or entity.org_kind, known[3]
        if label != entity.label:
            entity.aliases.add(label)

    def link_known(self) -> None:
        """Entities named in the article only by a short acronym were not linked to what the store
        knows by that acronym (another 'MTC' may be meant); they are when the article also gives a
        longer name of the same known entity — the evidence beyond the acronym."""
        for entity in self.entities:
            if entity.iri is not None:
                continue
            for name in sorted(entity.names(), key=len, reverse=True):
                known = None if short_acronym(name) else self.gazetteer.entries.get(name_key(name))
                if known and _group(known[0]) == _group(entity.kind) and known[3]:
                    self._link(entity, known)
                    break

    def merge_acronyms(self) -> None:
        """'Fonds monétaire international (FMI)' and 'FMI (Fonds monétaire international)': the
        acronym and the long form are one organization, whichever the model found first, and
        so is every other mention of the acronym in the article."""
        ordered = sorted(self.mentions, key=lambda m: m.start)
        for a, b in zip(ordered, ordered[1:]):
            between = self.text[a.end:b.start]
            if a.entity is b.entity or not re.fullmatch(r"\s*\(\s*", between) or not self.text.startswith(")", b.end):
                continue
            if _group(a.entity.kind) != "named" and _group(b.entity.kind) != "named":
                continue
            acronym, long = (b, a) if short_acronym(b.text) or _acronym_like(b.text) else (a, b)
            if not (_acronym_like(acronym.text) and initials_fit(acronym.text, long.text)):
                continue
            keep, other = long.entity, acronym.entity
            if other.iri and not keep.iri:
                keep, other = other, keep
            keep.kind = "organization" if "organization" in (keep.kind, other.kind) else keep.kind
            self.merge(keep, other)
            for m in self.mentions:  # the acronym alone elsewhere, typed apart by the model
                if m.text == acronym.text and m.entity is not keep and _group(m.entity.kind) != "person":
                    other = m.entity
                    self.merge(keep, other)
        # "l'Union européenne" ... "l'UE" with no parentheses: one organization when exactly one long
        # name of the article has those initials, word for word.
        longs = [e for e in self.entities if e.kind == "organization" and len(e.label.split()) > 1]
        for e in [e for e in self.entities if e.kind == "organization" and re.fullmatch(r"[A-ZÀ-Ý]{2,6}", e.label)]:
            fits = [o for o in longs if o is not e and initials(o.label) == fold_same_length(e.label)]
            if len(fits) == 1 and e in self.entities:
                self.merge(fits[0], e)

    def add_alias(self, entity: Entity, alias: str) -> None:
        alias = clean_name(alias)
        if entity.kind == "organization" and entity.org_kind not in (None, "PublicAuthority") \
                and country_key(alias) in lx.COUNTRIES:  # (a state, named officially or not, may have its short name)
            return  # "l'Université d'Arizona (USA)": a country in brackets says where, it is no other name
        if alias and alias != entity.label:
            entity.aliases.add(alias)
            self._by_key.setdefault((_group(entity.kind), entity_key(alias)), entity)

    def merge(self, keep: Entity, other: Entity) -> None:
        """Make `other` one with `keep`: its names become aliases, its mentions point to `keep`."""
        for name in other.names():
            self.add_alias(keep, name)
        for m in self.mentions:
            if m.entity is other:
                m.entity = keep
        keep.org_kind = keep.org_kind or other.org_kind
        keep.classification |= other.classification
        for k, v in list(self._by_key.items()):
            if v is other:
                self._by_key[k] = keep
        if other in self.entities:
            self.entities.remove(other)

    def rename(self, m: Mention, start: int, end: int, *, org_kind=None, cue=None) -> Entity:
        """Set mention `m` to the name from `start` to `end` (its name grown or cut: "Institut X" +
        " pour ...", "12e " + "Régiment X"), an entity of its kind by that name; the entity it named
        before, when no other mention names it, becomes one with it (its names are aliases)."""
        old, label = m.entity, self.text[start:end]
        entity = self.entity(old.kind, label, org_kind=old.org_kind or org_kind, cue=cue)
        m.start, m.end, m.text, m.entity = start, end, label, entity
        if old is not entity and not any(o.entity is old for o in self.mentions):
            self.merge(entity, old)
        return entity

    def mention(self, start: int, end: int, entity: Entity, source: str) -> Mention | None:
        for other in self.mentions:
            if start < other.end and other.start < end:
                if (end - start) <= (other.end - other.start):
                    return None
                self.mentions.remove(other)
        m = Mention(start, end, self.text[start:end], entity, source)
        self.mentions.append(m)
        return m

    def named(self, label: str) -> Entity | None:
        """The article's organization, project or event named `label` (by key or alias), or None."""
        return self._by_key.get(("named", entity_key(label)))

    def free(self, start: int, end: int) -> bool:
        return all(end <= m.start or start >= m.end for m in self.mentions)

    # -- queries ----------------------------------------------------------------------------
    def within(self, start: int, end: int, *kinds: str) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end and (not kinds or m.entity.kind in kinds)]

    def at(self, pos: int) -> Mention | None:
        for m in self.mentions:
            if m.start <= pos < m.end:
                return m
        return None

    def starting_at(self, pos: int, *kinds: str) -> Mention | None:
        """The mention that starts at `pos` after optional determiners and spaces."""
        rest = self.folded[pos:pos + 40]
        skip = re.match(_LEADING_WORDS, rest)
        at = pos + (skip.end() if skip else 0)
        for m in self.mentions:
            if m.start == at and (not kinds or m.entity.kind in kinds):
                return m
        return None


_LEADING_WORDS = re.compile(
    r"\s*(?:(?:de\s+la|le|la|les|du|des|de|au|aux|a|the|un|une|an)\s+|(?:de\s+)?l'\s*|d'\s*)*"
    r"(?:(?:dr|pr|prof|professor|professeur|professeure|docteur|docteure|m|mme|mr|mrs|ms|sir|dame)\.?\s+)?"
    r"(?:(?:" + "|".join(sorted((re.escape(w).replace(r"\ ", "[ -]") for w in lx.DESCRIPTORS), key=len, reverse=True))
    + r")s?\s+)?"
)


#: A place preposition right before a name (folded text): "à X", "en X", "près de X", "in X".
PLACE_BEFORE = re.compile(r"(?:^|[^\w])(?:a|au|aux|en|dans|vers|pres de|in|at|near|from)\s+$", re.I)


def _group(kind: str) -> str:
    return "named" if kind in ("organization", "project", "event") else kind


_TITLE_PREFIX = re.compile(r"^(?P<title>[\w\-]+(?:\s+[\w\-]+)?)\s+(?:de\s+l['’]|de\s+la|de|d['’]|du|of)\s*")


def title_prefix(name: str) -> int:
    """Length of a job title opening `name` ("PDG d'Optronis" → len("PDG d'")), else 0."""
    m = _TITLE_PREFIX.match(name)
    if m and name_key(m["title"]) in lx.TITLES:
        return m.end()
    return 0


def _acronym_like(text: str) -> bool:
    """'FMI', and the capitalised short forms French writes for some ('Caf', 'Unesco'): one word of
    two to seven letters, capitalised (the initials must still fit the long form)."""
    return text.isupper() or bool(re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]{1,6}", text))


def initials(long: str) -> str:
    """The initials of a long name's words, its small words left out: 'mouvement ivoirien des
    droits de l'homme' → 'midh'."""
    return "".join(w[0] for w in re.findall(r"[\w]+", fold_same_length(long)) if w not in _SMALL_WORDS)


def initials_fit(acronym: str, long: str) -> bool:
    """'FMI' fits 'Fonds monétaire international'; 'OMS' fits 'Organisation mondiale de la santé'."""
    letters = [c for c in fold_same_length(acronym) if c.isalnum()]
    words = [w for w in re.findall(r"[\w]+", fold_same_length(long)) if w not in _SMALL_WORDS]
    initials = "".join(w[0] for w in words)
    it = iter(initials)
    return bool(letters) and letters[0] == initials[:1] and all(c in it for c in letters[1:])


_SMALL_WORDS = frozenset("de du des d la le les l et en a au aux of the and for on sur pour".split())


def short_acronym(name: str) -> bool:
    """A name that is only a short acronym ('MTC', 'IBM', 'A&P'): too little to link to an
    entity another source knows by it.

    >>> short_acronym("MTC"), short_acronym("Maier Technology Centre"), short_acronym("Inserm")
    (True, False, False)
    """
    compact = re.sub(r"[\s.&\-]", "", name)
    return 0 < len(compact) <= 5 and compact.isupper()


def clean_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:.-–«»\"“”'’()")
    text = re.sub(r"^[A-ZÀ-Ý][\w\-]*?-based\s+(?=\S)", "", text)  # "Sheffield-based Forgeline": a place, then the name
    text = re.sub(r"^(?:(?:le|la|les|the)\s+|l['’]\s*)", "", text, flags=re.I) if len(text.split()) > 1 else text
    return text
