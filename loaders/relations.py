"""Relation patterns over an article's sentences (French and English): mentions, cue words of
:mod:`.lexicon` and word order, the parse's main subject where order is not enough; copulas and
most appointments are read from the parse in :mod:`.syntax`; posts, memberships and appointments by
word order in :mod:`.surfaceposts`; funding, support and partnership patterns in :mod:`.surfacedeals`;
founders here. Every relation found carries its
evidence: the sentence and its character offsets in the cleaned article text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from innograph.graph.normalize import fold_same_length
from innograph.loaders.mentions import ArticleEntities, Entity, Mention
from innograph.loaders.parties import party_memberships
from innograph.loaders.cues import dedupe_relations, field_not_org
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.eventfacts import EventsAndPlacesMixin
from innograph.loaders.quotes import QuotationsMixin
from innograph.loaders.sportlines import SportLinesMixin
from innograph.loaders.surfacedeals import DealsMixin
from innograph.loaders.surfaceposts import SurfacePostsMixin
from innograph.loaders.syntax import SyntaxReader
from innograph.loaders.text import Sentence


@dataclass
class Relation:
    kind: str
    subject: Entity
    object: Entity | None
    start: int
    end: int
    evidence: str
    attrs: dict = field(default_factory=dict)


_FOUNDER_VERB_RE = re.compile(r"(?<![\w])(?:co-?)?(?:fonde|fondee|fondes|fondees|cree|creee|crees|creees|founded|created|set up|lance|lancee|launched|started|spun out of[ \t]+[^,.;]{3,80}?)(?:[ \t]+(?:en|in)[ \t]+(?:(?:19|20)\d\d|[a-z]+(?:[ \t]+(?:19|20)\d\d)?))?[ \t]+(?:par|by|a[ \t]+l'initiative[ \t]+d[eu]s?|at[ \t]+the[ \t]+initiative[ \t]+of)[ \t]+")
_SPUN_OUT_RE = re.compile(r"(?<![\w])(?:spun out of|spin-off of|spin-off de|essaimee de|essaime de|issue du laboratoire|issue de l'|issue du)[ \t]+")
_HAS_FOUNDED_RE = re.compile(r"(?<![\w])(?:a fonde|a cofonde|a co-fonde|a cree|founded|co-founded|cofounded|set up|started)[ \t]+")
_ORG_KINDS = ("organization",)
#: Between two items of a list: a comma, 'et', 'and' (an item's article or repeated 'de' is passed
#: over by ArticleEntities.starting_at).
_LIST_LINK = re.compile(r"[ \t]*(?:,|et|and|&|,[ \t]*et|,[ \t]*and)[ \t]+")
#: A short item that names nothing, then the list goes on ("l'etat, de la ...").
_UNNAMED_ITEM = re.compile(r"(?:(?:de|du|des|d'|of)[ \t]*)?(?:(?:la|le|les|l'|the)[ \t]*)?\w+(?:[ \t]+\w+){0,2}" + r"[ \t]*(?:,|et|and|,[ \t]*et)[ \t]+")


class Extractor(SurfacePostsMixin, DealsMixin, EventsAndPlacesMixin, QuotationsMixin, SportLinesMixin):
    """Relations of one article."""

    def __init__(self, ents: ArticleEntities, sentences: list[Sentence], *, today=None, docs=()) -> None:
        self.ents, self.sentences, self.today, self.docs = ents, sentences, today, docs
        self.text, self.folded = ents.text, ents.folded
        self.found: list[Relation] = []
        self._syntax: SyntaxReader | None = None

    def add(self, kind, subject, obj, sent: Sentence, **attrs) -> None:
        if subject is None or (obj is not None and subject is obj):
            return
        if kind == "holds_post" and (field_not_org(attrs.get("title"), obj) or _state_and_demonym(obj)):
            return  # "ministre de la Défense": the field of a portfolio is no organization
        self.found.append(Relation(kind, subject, obj, sent.start, sent.end, sent.text.strip(), attrs))

    def run(self) -> list[Relation]:
        self.syntax_reader().units()  # "au département X de l'université Y": Y's, for every reader
        for sent in self.sentences:
            self.posts(sent)
            self.membership(sent)
            self.appointments(sent)
            self.funding(sent)
            self.support(sent)
            self.partnership(sent)
            self.events(sent)
            self.founders(sent)
            self.locations(sent)
            self.attendance(sent)
            self.sport_lines(sent)
        reader = self.syntax_reader()
        reader.run()
        self.found = party_memberships(reader.drop_guesses(self.found), self.text)  # (S: parties.py)
        self.quotations()
        return dedupe_relations(self.found)

    def syntax_reader(self) -> SyntaxReader:
        """The article's one reader of the parse (its readers run after the sentences'; the sports
        lines ask it earlier what a pronoun stands for)."""
        if self._syntax is None:
            self._syntax = SyntaxReader(self.ents, self.docs, self.sentences, self.add)
        return self._syntax

    # -- helpers ----------------------------------------------------------------------------
    def cue(self, pattern: re.Pattern, sent: Sentence, start: int | None = None):
        """The first match of `pattern` in the sentence that is not inside a name ("Eilidh Grant")."""
        for m in pattern.finditer(self.folded, sent.start if start is None else start, sent.end):
            if self.ents.at(m.start()) is None:
                return m
        return None

    def mentions(self, sent: Sentence, *kinds: str) -> list[Mention]:
        return self.ents.within(sent.start, sent.end, *kinds)

    def subject_of(self, sent: Sentence, before: int | None = None, kinds=_ORG_KINDS) -> Mention | None:
        """The main verb's subject if it is a mention; a pronoun's antecedent; else the nearest
        mention before `before`."""
        pronoun = re.match(r"[ \t]*(?:elle|il|it|she|he|they|ils|elles)[ \t]+(?!(?:follows|is|was|seems|appears|faut|y a|semble|s'agit)\b)", self.folded[sent.start:sent.end])
        if pronoun and "organization" in kinds:
            previous = [m for m in self.ents.mentions if m.end <= sent.start and m.entity.kind == "organization"]
            subjects = [s for s in self.sentences if s.end <= sent.start and s.subject_pos is not None]
            if pronoun.group(0).strip() in ("he", "she"):
                return None  # "he" / "she" never stand for an organization
            for s in reversed(subjects):
                m = self.ents.at(s.subject_pos)
                if m and m.entity.kind == "person":
                    return None  # the salient antecedent is a person: "Elle est membre de X" is hers
                if m and m.entity.kind == "organization":
                    return Mention(sent.start, sent.start + pronoun.end(), m.text, m.entity, "pronoun")
            if previous:
                m = previous[-1]
                return Mention(sent.start, sent.start + pronoun.end(), m.text, m.entity, "pronoun")
        if sent.subject_pos is not None:
            m = self.ents.at(sent.subject_pos)
            if m and m.entity.kind in kinds and (before is None or m.start < before):
                return m
        candidates = [m for m in self.mentions(sent, *kinds) if before is None or m.end <= before]
        return candidates[-1] if candidates else None

    # -- patterns (posts, memberships and appointments by word order: surfaceposts.py) --------------
    def founders(self, sent: Sentence) -> None:
        """'X a été fondée en 2018 par A et B', 'X was co-founded by A and B', 'X, cofondateur de Y'."""
        for cue in _FOUNDER_VERB_RE.finditer(self.folded, sent.start, sent.end):
            created = self.subject_of(sent, before=cue.start(), kinds=("organization", "project", "event"))
            if created is None and not self.folded[sent.start:cue.start()].strip(" \t\"'«“-—"):
                # "Fondée par Claire Dumas, ..., la société X" (not "L'indice a été créé par A, ... de la société X")
                later = [m for m in self.mentions(sent, "organization", "project") if m.start > cue.end()]
                founders = self._coordinated(cue.end(), sent, "person", "organization")
                later = [m for m in later if all(m.entity is not f.entity for f in founders)]
                created = later[0] if later else None
            if created is None:
                continue
            for founder in self._coordinated(cue.end(), sent, "person", "organization"):
                self.add("created_by", created.entity, founder.entity, sent)
        for cue in _SPUN_OUT_RE.finditer(self.folded, sent.start, sent.end):  # "X was spun out of Y"
            created = self.subject_of(sent, before=cue.start())
            parent = self.ents.starting_at(cue.end(), "organization")
            if created and parent:
                self.add("created_by", created.entity, parent.entity, sent)
        for cue in _HAS_FOUNDED_RE.finditer(self.folded, sent.start, sent.end):
            # "Camille Ferrand a fondé l'entreprise en 2020 avec Nicolas Tessier"
            person = self._person_subject(sent, cue.start())
            created = self.ents.starting_at(cue.end(), "organization")
            if person is None or created is None:
                continue
            self.add("created_by", created.entity, person.entity, sent)
            partner = re.search(r"(?<![\w])(?:avec|with|alongside|aux cotes de)[ \t]+", self.folded[created.end:sent.end])
            if partner:
                for other in self._coordinated(created.end + partner.end(), sent, "person"):
                    self.add("created_by", created.entity, other.entity, sent)

    def _coordinated(self, pos: int, sent: Sentence, *kinds: str, skip_asides: bool = False,
                     skip_unnamed: bool = False) -> list[Mention]:
        """Mentions from `pos` joined by commas, 'et', 'and': 'A, B et C', an item may open with its
        article or repeat the preposition ('l'Association A, la Fondation B et de la Ville C'); with
        `skip_asides`, a parenthesis after a name is passed over ('A (...) et B (...)'); with
        `skip_unnamed`, a short item that names nothing of `kinds` ('de l'État, de la Région X')."""
        out = []
        first = self.ents.starting_at(pos, *kinds)
        while first is not None:
            out.append(first)
            end = first.end
            if skip_asides:
                aside = re.match(r"[ \t]*\([^()]{0,120}\)", self.text[end:sent.end])
                end += aside.end() if aside else 0
            link = _LIST_LINK.match(self.folded, end, sent.end)
            if not link:
                break
            first = self.ents.starting_at(link.end(), *kinds)
            if first is None and skip_unnamed:
                gap = _UNNAMED_ITEM.match(self.folded, link.end(), sent.end)
                first = self.ents.starting_at(gap.end(), *kinds) if gap else None
        return out


def _state_and_demonym(org) -> bool:
    """"État ivoirien" ("le chef de l'État ivoirien"): the country's state, whose head holds the post
    in the country's name (:meth:`~innograph.loaders.govcountry.CountryMixin.state_head`)."""
    words = fold_same_length(org.label).lower().replace("l'", "").split() if org is not None and org.label else []
    return len(words) == 2 and words[0] == "etat" and words[1] in COUNTRY_OF
