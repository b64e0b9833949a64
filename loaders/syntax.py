"""Relations read from the dependency parse (spaCy), French and English (posts and membership in
:mod:`.syntaxposts` and :mod:`.verbposts`, funding in :mod:`.syntaxfunding`).

Each relation is written once as a syntactic configuration and coordination and apposition
distribute it, whatever the words between:

* posts — a title noun whose nominal modifier is an organization, whatever the preposition
  (de/à/au/chez/pour/of/at/with), or whose possessor or compound is one ("Intel's CEO", "Intel
  CEO"); the person is the title's apposition head or apposed name, the subject of its copula or
  of the verb it complements ("became / was named / serves as / est devenu / a été nommé"), or
  the name it qualifies ("CEO Jane Doe"). Coordinated titles share the person ("président de X
  et fondateur de Y"), coordinated or apposed names share the title ("ses co-fondateurs A et B").
* founders (in :mod:`.syntaxfounders`) — the agent of a founding verb (passive or participle,
  "founded by A, B and C") or the subject of an active one with an organization object; "founder" titles.
* headquarters (in :mod:`.syntaxseats`) — "based / headquartered / basé / installé à" with a place,
  "dont le siège est à".
* membership — joining verbs ("rejoint", "joined", "adhère à") and "membre de / member of".
* funding (in :mod:`.syntaxfunding`) — funding verbs ("financé par", "funded by", "X finance
  Y") and loans or grants "accordé(s) par" a funder; countries and governments are actors there.
* posts from verbs — "X worked at / a travaillé chez Y", "X dirige / heads Y", "X joined Y".

Pronouns take the nearest compatible antecedent (:mod:`.syntaxpronouns`): a person for a person's
slot (never an organization), an organization for "it", "la société", "the company".
"""

from __future__ import annotations

import bisect
import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.mentions import Mention, words_key
from innograph.loaders.nameends import english_end, french_name_end, ordinal_start, purpose
from innograph.loaders.nlp import text_length
from innograph.loaders.chains import ChainsMixin
from innograph.loaders.cues import OF_WORDS, PLURAL_DETERMINERS, case_word, fold_word, unique_items, anaphoric_org
from innograph.loaders.demonyms import COUNTRY_OF, nationality
from innograph.loaders.syntaxfounders import FoundersMixin
from innograph.loaders.syntaxfunding import FundingMixin
from innograph.loaders.syntaxmembers import MembersMixin
from innograph.loaders.syntaxpartners import PartnersMixin
from innograph.loaders.syntaxpronouns import PronounsMixin
from innograph.loaders.govcountry import CountryMixin
from innograph.loaders.leaving import LeavingMixin
from innograph.loaders.sportposts import MovesMixin
from innograph.loaders.syntaxholders import HELM_NOUNS
from innograph.loaders.syntaxposts import PostsMixin
from innograph.loaders.syntaxseats import SeatsMixin
from innograph.loaders.verbposts import VerbPostsMixin

_PERSON_PRONOUNS = frozenset("he she il elle him her lui who qui".split())
#: Any honorific (lexicon.HONORIFICS) right before a name, in the folded text: the name is a person's.
_HONORIFIC_BEFORE = re.compile(rf"(?:^|\s)(?:{lx.HONORIFIC_WORDS})\.?\s+$")
#: The cue words of each reader, in the order they read a token (a word may cue several).
_READERS = (
    (lx.TITLE_HEADS | lx.MEMBER_NOUNS | frozenset(HELM_NOUNS), "title"),
    (lx.FOUNDING_VERBS | lx.FOUNDING_AGENT_VERBS, "founding"),
    (lx.BASED_WORDS | lx.SEAT_NOUNS, "based"),
    (lx.JOINING_VERBS, "joining"),
    (lx.SITTING_VERBS, "sitting"),
    (lx.WORKING_VERBS, "working"),
    (frozenset(lx.LEADING_VERBS), "leading"),
    (lx.LEAVING_VERBS | lx.PLAYER_SIGNING_VERBS | lx.LOAN_VERBS, "moving"),
    (lx.LEAVING_VERBS_EN, "leaving_post"),
    (lx.HIRING_VERBS | lx.FIRING_VERBS, "hiring"),
    (lx.SCORING_VERBS, "scoring"),
    (lx.LOSING_VERBS, "losing"),
    (lx.GOAL_NOUNS, "goals_for"),
    (lx.FUNDING_VERBS | lx.LOAN_NOUNS, "funding"),
)
_CUES = frozenset().union(*(words for words, _ in _READERS))


class SyntaxReader(PostsMixin, VerbPostsMixin, LeavingMixin, MovesMixin, CountryMixin, FundingMixin, MembersMixin, SeatsMixin, PartnersMixin,
                   ChainsMixin, FoundersMixin, PronounsMixin):
    """Reads relations from the parsed paragraphs of one article and hands them to `add`."""

    def __init__(self, ents, docs, sentences, add) -> None:
        self.ents, self.docs, self.sentences, self._add = ents, docs, sentences, add
        self.offset = 0
        self._at = {p: m for m in ents.mentions for p in range(m.start, m.end)}
        self._starts = [s.start for s in sentences]
        self.guessed: list[tuple] = []  # (person, country, rank) of bare government titles, see `drop_guesses`
        self.stated: set[tuple] = set()  # (id(person), id(organization)) of posts a title states

    # -- mapping tokens to mentions -----------------------------------------------------------
    def pos(self, token) -> int:
        return self.offset + token.idx

    def mention(self, token, *kinds) -> Mention | None:
        m = self._at.get(self.pos(token))
        return m if m is not None and (not kinds or m.entity.kind in kinds) else None

    def sentence(self, token):
        p = self.pos(token)
        i = bisect.bisect_right(self._starts, p) - 1
        return self.sentences[i] if i >= 0 and p < self.sentences[i].end else None

    def add(self, kind, subject, obj, token, **attrs) -> None:
        sent = self.sentence(token)
        if sent is not None and subject is not None and obj is not None and subject is not obj:
            self._add(kind, subject, obj, sent, **attrs)

    def run(self) -> None:
        for offset, doc in self.docs:
            self.offset = offset
            for token in doc:
                word = fold_word(token)
                if word not in _CUES:
                    continue
                for words, reader in _READERS:
                    if word in words:
                        getattr(self, reader)(token)
            end = offset + text_length(doc)
            for m in [m for m in self.ents.mentions if m.entity.kind == "person" and offset <= m.start < end]:
                self.affiliation(doc, m)
        self.members_and_seats()
        self.partners_and_money()

    # -- who and what ------------------------------------------------------------------------
    def people(self, token) -> list:
        """The persons a token stands for: a name, its conjuncts and apposed names, a pronoun's
        antecedent (a person, never an organization), or the person a role description stands for
        (:mod:`.chains`)."""
        out = []
        for t in _spread(token) + self.listed_with(token):
            m = self.mention(t) or self.behind_honorific(t)
            if m is not None:
                if m.entity.kind == "person":
                    out.append(m.entity)
                continue
            if fold_word(t) in ("qui", "who") and self.about_a_noun(t):
                continue  # "des fournisseurs qui travaillent pour Y": no person
            if fold_word(t) in _PERSON_PRONOUNS:
                antecedent = self.antecedent(t, "person")
                if antecedent is not None:
                    out.append(antecedent)
        return unique_items(out) or self.chained(token)  # "L'attaquant de Y a marqué": the person it stands for

    def behind_honorific(self, token) -> Mention | None:
        """The person a noun right before a name introduces, when the parser made that noun the
        head ('le Dr X', 'le professeur X', 'le général X': X hangs from 'Dr')."""
        if not token.text.rstrip(".").isalpha() or token.i + 1 >= len(token.doc):  # ("M.", "Dr"; no tagger: no POS)
            return None
        after = token.doc[token.i + 1]
        if after.head.i == token.i and after.dep_ in ("flat:name", "appos", "nmod", "flat", "compound") and not case_word(after):
            return self.mention(after, "person")
        return None

    def about_a_noun(self, relative) -> bool:
        """A relative pronoun whose antecedent is a plural common noun ('des fournisseurs qui ...'):
        no one person (a singular noun may be a person's apposition: 'X, un entrepreneur qui')."""
        verb = relative.head
        noun = verb.head if verb.dep_ in ("acl:relcl", "relcl") else None
        if noun is None or noun.i >= relative.i or not noun.is_alpha or not noun.text.islower():
            return False
        return any(c.dep_ == "det" and fold_word(c) in PLURAL_DETERMINERS for c in noun.children) and self.mention(noun) is None

    def named_person(self, token) -> bool:
        """A token that names a person: a person's name, or the noun right before one ('le Dr X')."""
        return self.mention(token, "person") is not None or self.behind_honorific(token) is not None

    def orgs(self, token, *, retype=False, actors=False) -> list:
        """The organizations a token stands for: a name (or a name apposed to a descriptor noun:
        'la société X'), its conjuncts, 'it' / 'the company' by salience. With `retype`, a name
        the model typed as a person or place is taken as an organization (the object of a title
        is one; `retype="person"` only retypes persons); with `actors`, a country or government is
        one (funding, joining, signing)."""
        out = []
        for t in _spread(token) + self.listed_with(token):
            m = self.mention(t)
            if m is not None:
                e = m.entity
                if e.kind == "organization":
                    out.append(e)
                elif (retype in (True, e.kind) and self.retypable(m)) or (e.kind == "place" and actors):
                    out.append(self.as_organization(e))
                continue
            word = fold_word(t)
            named = next((self.mention(c, "organization") for c in t.children
                          if c.dep_ in ("appos", "nmod", "compound", "flat:name") and self.mention(c, "organization")), None)
            if named is None and word in lx.NAME_HEAD_NOUNS:
                named = self.name_beside(t)
            if named is not None and word in lx.NAME_HEAD_NOUNS:
                out.append(named.entity)
            elif anaphoric_org(t):
                antecedent = self.antecedent(t, "organization")
                # behind a preposition ("le directeur de l'organisation") only an antecedent the noun names
                if antecedent is not None and (case_word(t) == "" or word in words_key(antecedent.label).split()):
                    out.append(antecedent)
            elif word in ("it", "elle") and t.dep_.startswith("nsubj"):
                antecedent = self.antecedent(t, "organization")
                if antecedent is not None:
                    out.append(antecedent)
        return unique_items(out)

    def units(self) -> None:
        """A unit named after a unit noun stands for the organization it belongs to ("au département
        Vauban de génie civil de l'université de Lorvanne", "la division X de Y"): the first
        organization named behind "de" / "of" in the next words of the unit's phrase or of its title's
        (no punctuation but quotes between). Its mention is the organization's from then on, for every
        reader (the article's readers ask before reading)."""
        for offset, doc in self.docs:
            self.offset = offset
            self._units(doc)
        self.offset = 0

    def _units(self, doc) -> None:
        for noun in doc[:-1]:
            m = self.mention(doc[noun.i + 1], "organization") if fold_word(noun) in lx.UNIT_NOUNS else None
            if m is None or m.start != self.pos(doc[noun.i + 1]):
                continue
            inside = {t.i for t in noun.subtree} | {t.i for t in doc[noun.i + 1].subtree}
            for t in doc[noun.i + 2:noun.i + 16]:
                w = t.head if t.dep_ in ("case", "det") else t
                if t.is_punct and t.text not in ('"', "«", "»", "“", "”", "&", "-") or not (
                        w.i in inside or w.head.i == noun.head.i and w.dep_ == noun.dep_ == "nmod"):
                    break  # (its own complement, or its title's: not "le laboratoire X a reçu des fonds de Y")
                n = self.mention(t, "organization")
                if n is not None and n is not m and n.start == self.pos(t) and case_word(t) in OF_WORDS:
                    m.entity = n.entity
                    break

    def listed_with(self, subject) -> list:
        """'A, B et C sont membres de Y' however the parser hung the list (the root on A, or B and C as
        modifiers of A): the first words of the names listed with a verb's subject, joined by commas and
        "et" / "and" alone, the list opening the clause (after an adverb and its comma at most) and
        ending right before the verb or its auxiliary. Names of the subject's kind only (organizations
        and places together: actors), none behind a preposition ("Selon Le Monde, A et B ...")."""
        m = self.mention(subject) if subject.dep_.startswith("nsubj") else None
        if m is None:
            return []
        doc, verb = subject.doc, subject.head
        kinds = ("person",) if m.entity.kind == "person" else ("organization", "place")

        def item(i):  # the name starting at doc[i] (after an article), as (first, last) token indices
            i += i < len(doc) and fold_word(doc[i]) in _ARTICLES
            n = self.mention(doc[i], *kinds) if i < len(doc) else None
            if n is None or case_word(doc[i]):
                return None
            j = i
            while j + 1 < len(doc) and self.pos(doc[j + 1]) < n.end:
                j += 1
            return i, j

        last = item(subject.i)
        if last is None:
            return []  # (an event, a project)
        first, out = last[0], []
        k = last[1] + 1
        while k < len(doc) and fold_word(doc[k]) in _LIST_WORDS:  # to the right: ", B et C"
            k += k + 1 < len(doc) and doc[k].text == "," and fold_word(doc[k + 1]) in _AND
            nxt = item(k + 1)
            if nxt is None:
                break
            out.append(doc[nxt[0]])
            k = nxt[1] + 1
        if not (k < len(doc) and (doc[k].i == verb.i or doc[k].head.i == verb.i and doc[k].dep_ in _BEFORE_VERB)):
            out = []  # (the list does not end at the verb)
        i = first - (first > 0 and fold_word(doc[first - 1]) in _ARTICLES)
        while i >= 2 and fold_word(doc[i - 1]) in _LIST_WORDS:  # to the left: "A, B et" before the subject
            sep = i - 1 - (doc[i - 2].text == "," and fold_word(doc[i - 1]) in _AND)
            j = sep - 1
            start = next((t.i for t in doc[max(0, j - 6):j + 1] if self.mention(t, *kinds) is not None
                          and self.mention(t).end == self.pos(doc[j]) + len(doc[j].text)), None)
            if start is None or case_word(doc[start]):
                break
            start -= start > 0 and fold_word(doc[start - 1]) in _ARTICLES
            out.append(doc[start + (fold_word(doc[start]) in _ARTICLES)])
            i = start
        opening = i == subject.sent.start or (doc[i - 1].text == "," and i - 2 == subject.sent.start)
        return out if opening or all(t.i > subject.i for t in out) else [t for t in out if t.i > subject.i]

    def name_beside(self, noun):
        """The organization's name right after a descriptor noun, and a nationality between them, that the
        parse hung beside the noun instead of under it ("fondateurs de la start-up Burkinabè X": X hangs
        from "fondateurs"); None if none."""
        doc, i = noun.doc, noun.i + 1
        heads = {noun.i, noun.head.i}
        if i < len(doc) and nationality(doc[i].text) and self.mention(doc[i]) is None:
            heads.add(i)
            i += 1
        if i >= len(doc) or not ((doc[i].head.i in heads and doc[i].dep_ in ("nmod", "appos", "flat:name"))
                                 or doc[i].dep_ == "ROOT"):  # (or the parse broke the sentence at the name)
            return None
        return self.mention(doc[i], "organization")

    def new_organization(self, token) -> list:
        """A capitalized name the model missed, where only an organization fits (the object of a
        title: 'spécialiste chez Telcobis', 'director of Quorvex'): a new organization mention, with
        the capitalized words the parse split from it, and in French its own modifiers, its purpose
        ('pour la ...') and an English tail ('... of Maritime History')."""
        if self.mention(token) is not None or not token.text[:1].isupper() or token.is_sent_start:
            return []
        doc = token.doc
        if token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_:
            return []  # "la Start-up X": a capitalized word, not a name
        words = [token] + [c for c in token.children if c.dep_ in ("flat:name", "flat", "compound") and c.i > token.i]
        if token.i > 0 and doc[token.i - 1].dep_ == "compound" and doc[token.i - 1].head.i == token.i:
            words.insert(0, doc[token.i - 1])
        while not token.is_upper and words[-1].i + 1 < len(doc) and words[-1].whitespace_:
            after = doc[words[-1].i + 1]  # "la Maison X Traiteur Y": the parse split a run of capitalized words
            if not (after.text[:1].isupper() and after.is_alpha) or self.mention(after) is not None:
                break
            words.append(after)
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if end - start > 60 or any(not w.text[:1].isupper() for w in words):
            return []
        if fold_word(token) in lx.ORG_NOUNS and all(nationality(w.text) for w in words[1:]) \
                or (len(words) == 1 and nationality(token.text)):
            return []  # "la Start-up Burkinabè X", "la Société", "Burkinabè": a common noun or a nationality, no name
        if doc.lang_ == "fr" and len(words) == 1:  # "l'Autorité des marchés de Lyon": the name's own modifiers
            last = french_name_end(token)
            end = max(end, last.idx + len(last.text)) if end - start <= 80 else end
            tail = purpose(doc.text, end)  # the title's object: the purpose is its name's
            end = tail.end("words") if tail is not None and not tail["words"][:1].isupper() else end
        if doc.lang_ == "fr":
            end = english_end(doc.text, end)  # "Harlan Museum" + " of Maritime History"
        start = ordinal_start(doc.text, start)  # "le 12e Régiment X"
        label = doc.text[start:end]
        return self.organization_at(start, end)

    def organization_at(self, start: int, end: int) -> list:
        """A new organization mention over the current piece's characters `start` to `end`, unless its
        first word names none (an honorific, a country, a cue or a title word)."""
        label = self.ents.text[self.offset + start:self.offset + end]
        key = fold_same_length(label.split()[0]) if label.strip() else ""
        if key.rstrip(".") in lx.HONORIFICS or key in lx.NOT_NAMES or key in lx.COUNTRIES or key in lx.NAME_CUES \
                or key in lx.TITLE_HEADS or len(label) < 3:
            return []
        entity = self.ents.entity("organization", label, org_kind=lx.kind_of(label))
        m = self.ents.mention(self.offset + start, self.offset + end, entity, "syntax")
        if m is None:
            return []
        self._at.update({p: m for p in range(m.start, m.end)})
        return [entity]

    def retypable(self, m) -> bool:
        """A name the model typed as a person or a place that is an organization where a title's
        object stands ('director of Vantor Labs'), unless it reads as a person's, a date's or a
        people's ('porte-parole de Mme X', 'chef ... Covid-19', 'les Ukrainiens') or the person is
        named again."""
        e = m.entity
        if e.kind not in ("person", "place") or m.source not in ("ner", "gazetteer") or any(ch.isdigit() for ch in m.text):
            return False
        if words_key(m.text) in COUNTRY_OF:
            return False  # "rejoindre les Ukrainiens": a people, no organization
        if e.kind == "place" and any(o.entity.kind == "organization" and re.fullmatch(
                r"[ \t]+(?:de|d['’]|du)[ \t]*", self.ents.text[o.end:m.start]) for o in self.ents.mentions if o.end < m.start):
            return False  # "l'Imperial College de Londres": the organization's town, however parsed
        if e.kind == "person":
            before = self.ents.folded[max(0, m.start - 12):m.start]
            if _HONORIFIC_BEFORE.search(before):
                return False
            if sum(1 for o in self.ents.mentions if o.entity is e) > 1 or len(e.label.split()) > 3:
                return False
        return True

    def country(self, name: str):
        """A country acting (posts held in its name, funding, joining): a public authority."""
        return self.ents.acting(name)

    def as_organization(self, entity):
        if entity.kind == "place":
            return self.ents.acting(entity.label)
        return self.ents.entity("organization", entity.label, org_kind=entity.org_kind)

    def places(self, token) -> list:
        """The place a token names, and the places apposed or coordinated to it ('Ocala, Florida'), or
        named right after it and a comma however parsed ('Mwanza, Tanzania producing flour')."""
        out = []
        for t in _spread(token):
            m = self.mention(t, "place")
            while m is not None and len(out) < 8:
                out.append(m.entity)
                comma = re.match(r",[ \t]*", self.ents.text[m.end:m.end + 3])
                at = m.end + comma.end() if comma else -1
                m = self._at.get(at)
                if m is not None and (m.entity.kind != "place" or m.start != at):
                    m = None
        return unique_items(out)

_ARTICLES = frozenset(("le", "la", "l'", "l’", "les", "the"))
_AND = frozenset(("et", "and"))
_LIST_WORDS = frozenset((",", "et", "and"))
#: What stands between a list of subjects and its verb: the verb's auxiliaries, copula, negation.
_BEFORE_VERB = frozenset(("aux", "aux:tense", "aux:pass", "auxpass", "cop", "advmod", "neg"))


def _spread(token) -> list:
    """A token with its conjuncts and the names apposed to it ('A, B et C', 'A, B and C')."""
    out, todo = [], [token]
    while todo:
        t = todo.pop(0)
        if t in out:
            continue
        out.append(t)
        todo += [c for c in t.children if c.dep_ in ("conj", "appos") and c.i > t.i
                 and not (c.dep_ == "conj" and fold_word(c) in lx.TITLE_HEADS)]  # "A et le président B": B's own title
    return out
