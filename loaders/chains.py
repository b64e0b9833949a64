"""Chains: a definite role description that stands for a person named before it.

A post is often said across sentences: the person is named in one ("X a marqué deux buts"), the
organization in the next through a description of that person ("L'attaquant de Y a égalisé",
"The chief executive of Y said"). A description here is a title or role noun of the
lexicon (:data:`lexicon.TITLE_HEADS`), singular, with a definite article or a demonstrative, with
no name apposed to it or inside its noun phrase, that is its clause's subject or the apposition of
a subject that names no one (not the speaker after a quote, "», ajoute la correspondante de Y":
that speaker is as often someone quoted before as the sentences' subject). It
stands for the most salient person before it, as pronouns do (:meth:`SyntaxReader.antecedent`):
the subject of one of the two sentences before (a name, or a pronoun's person), else the one person
the nearest of them names. It stands for no one:

* when its own sentence names a person before it ("Après le but de X, l'entraîneur de Y a dit");
* when two different people are those sentences' subjects, or the nearest names two (they tie);
* when that person is not the article's most named (the description may be someone else's);
* across a headline set apart (another article's link); inside a quotation, or from one;
* when the person's gender, said by "M." / "Mme", is not the role noun's ("l'attaquante").

The post it gives is read like any other: the description's own complement ("de Y"), or the
predicate or verb it is the subject of ("Le chercheur est conseiller à Y"). Mixed into
:class:`innograph.loaders.syntax.SyntaxReader`.
"""

from __future__ import annotations

import collections

from innograph.loaders import lexicon as lx
from innograph.loaders.cues import case_word, fold_word, inside_quote
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.titles import FEMININE_HEADS, MASCULINE_HEADS

#: Articles and demonstratives of a description that refers back ("l'attaquant", "ce joueur").
_DEFINITE = frozenset("le la l' l’ ce cet cette the this".split())
#: Role nouns whose holder is usually someone else than the person just named: another player or
#: a stand-in, someone's lawyer or envoy, the match official.
_RELATIONAL = frozenset("coequipier coequipiere remplacant remplacante avocat avocate envoye envoyee arbitre "
                        "representant representante collaborateur collaboratrice employe employee salarie salariee "
                        "partner judge juge espion espionne".split())
_PREFIXES = ("vice-", "ex-", "sous-", "co-")
_SUBJECT_DEPS = frozenset("nsubj nsubj:pass nsubjpass".split())
_PERSON_SUBJECTS = {"il": "m", "he": "m", "elle": "f", "she": "f"}


class ChainsMixin:
    def description(self, t) -> bool:
        """A definite, singular role noun that names no one itself, as a clause's subject (or the
        apposition of a subject that names no one)."""
        word = fold_word(t)
        if word not in lx.TITLE_HEADS or _base(word) in _RELATIONAL or _plural(word) or self.mention(t) is not None:
            return False
        if t.dep_ == "appos":
            if t.head.dep_ not in _SUBJECT_DEPS or self.mention(t.head) is not None:
                return False
        elif t.dep_ not in _SUBJECT_DEPS:
            return False  # (not the speaker after a quote: "», ajoute la correspondante de Y" is often named before)
        if not any(c.dep_ == "det" and fold_word(c) in _DEFINITE for c in t.children):
            return False
        if any(fold_word(c) in COUNTRY_OF for c in t.children if c.dep_ in ("amod", "nmod")):
            return False  # "le ministre burkinabé des Mines": a nationality, as often someone not named yet
        if any(self.mention(w, "person") for c in t.children if not case_word(c) for w in c.subtree) or any(
                c.dep_ in ("appos", "flat:name") and c.i > t.i and (c.text[:1].isupper() or self.mention(c))
                for c in [*t.children, *t.head.children]):
            return False  # "Le patron de Y, Z," names its holder (whatever Z was typed)
        return t.doc.lang_ != "fr" or not self.name_after_title(t)

    def chained(self, t) -> list:
        """The person a role description stands for (see the module doc), as a list."""
        if not self.description(t):
            return []
        sent = self.sentence(t)
        if sent is None or self.quoted(self.pos(t)) or self.ents.within(sent.start, self.pos(t), "person"):
            return []
        i = self.sentences.index(sent)
        subjects, named, genders = [], [], set()
        for s in reversed(self.sentences[max(0, i - 2):i]):
            if self.headline(s):
                break  # never across a headline
            quoted = s.subject_pos is None or self.quoted(s.subject_pos)
            person, said = (None, None) if quoted else self.subject_person(s)
            if person is not None:
                subjects.append(person)
                genders.add(said)
            if not named:
                named = [m.entity for m in self.ents.within(s.start, s.end, "person") if not self.quoted(m.start)]
        people = list({id(e): e for e in subjects or named}.values())
        if len(people) != 1:
            return []  # none, or two people the description might stand for
        counts = collections.Counter(id(m.entity) for m in self.ents.mentions if m.entity.kind == "person")
        if counts[id(people[0])] < max(counts.values()):
            return []  # not the article's most named person: the description may be someone else's
        wanted = "f" if _base(fold_word(t)) in FEMININE_HEADS else "m" if _base(fold_word(t)) in MASCULINE_HEADS else None
        known = {self.gender(people[0])} | genders  # "M." / "Mme", or the pronoun that stood for them
        return people if wanted is None or known <= {None, wanted} else []

    def subject_person(self, s):
        """The person a sentence's subject names, or stands for as a pronoun ("Il a ..."), and the
        gender that pronoun gives."""
        m = self.subject_mention(s)
        if m is not None:
            return (m.entity, None) if m.entity.kind == "person" else (None, None)
        offset, token = self.token_at(s.subject_pos)
        if token is None or fold_word(token) not in _PERSON_SUBJECTS:
            return None, None
        current, self.offset = self.offset, offset  # the pronoun may be in an earlier paragraph's parse
        try:
            return self.antecedent(token, "person"), _PERSON_SUBJECTS[fold_word(token)]
        finally:
            self.offset = current

    def quoted(self, pos: int) -> bool:
        """Whether a position is inside a quotation of its paragraph (a description or a subject
        there is the speaker's, not the article's)."""
        text = self.ents.text
        return inside_quote(text[text.rfind("\n", 0, pos) + 1:pos])

    def token_at(self, pos: int):
        """The token starting at a text position, with its parse's offset ((0, None) when none does)."""
        for offset, doc in self.docs:
            if offset <= pos < offset + len(doc.text):
                return offset, next((t for t in doc if offset + t.idx == pos), None)
        return 0, None


def _base(word: str) -> str:
    for p in _PREFIXES:
        if word.startswith(p):
            return word[len(p):]
    return word


def _plural(word: str) -> bool:
    return word[-1:] in ("s", "x") and word[:-1] in lx.TITLE_HEADS

