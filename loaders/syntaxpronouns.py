"""What a pronoun or a possessive stands for, for the parse reader: the most salient earlier person
or organization of a compatible gender ("il", "elle", "she"), the subject a sentence opens with, and
the organization "son" / "its" refers to. Mixed into :class:`innograph.loaders.syntax.SyntaxReader`.
"""

from __future__ import annotations

import re

from innograph.loaders.cues import fold_word

#: The gender a person pronoun cannot refer to, and the honorifics that give a person's ("M. X", "Mme Y"):
#: only those that tell a gender (not lexicon.HONORIFICS: "Dr" tells none), written out ("Monsieur").
_OTHER_GENDER = {**dict.fromkeys(("il", "he", "him"), "f"), **dict.fromkeys(("elle", "she", "her"), "m")}
_HONORIFICS = (("m", r"M\.|Mr\.?|Monsieur"), ("f", r"Mme|Mlle|Madame|Mrs\.?|Ms\.?"))
#: An honorific right before a name, and one a name starts with (the tagger took it in).
_GENDER_CUES = tuple((g, re.compile(rf"\b(?:{h})\s+$")) for g, h in _HONORIFICS)
_GENDER_STARTS = tuple((g, re.compile(rf"(?:{h})\s")) for g, h in _HONORIFICS)


class PronounsMixin:
    """Antecedents and owners, on the reader's mentions and sentences."""

    def antecedent(self, token, kind):
        """The most salient earlier mention of `kind`: the subject of this sentence or of one of
        the two before when it is of that kind, else the nearest mention of that kind."""
        p = self.pos(token)
        sent = self.sentence(token)
        i = self.sentences.index(sent) if sent is not None else len(self.sentences)
        other = _OTHER_GENDER.get(fold_word(token)) if kind == "person" else None
        heads = [s for s in self.sentences[:i] if self.headline(s)]
        for s in reversed(self.sentences[max(0, i - 2):i + 1]):
            m = self.subject_mention(s) if s not in heads else None
            if m is not None and m.end <= p and m.entity.kind == kind and (other is None or self.gender(m.entity) != other):
                return m.entity
        before = [m for m in self.ents.mentions if m.end <= p and m.entity.kind == kind and p - m.end < 600
                  and (other is None or self.gender(m.entity) != other) and not any(h.start <= m.start < h.end for h in heads)
                  and not (other == "m" and self.gender(m.entity) != "f" and self.between(m, p))]
        if not before:
            return None
        return max(before, key=lambda m: m.start).entity

    def subject_mention(self, s):
        """The mention the sentence's subject is, or the name apposed right after it ("L'entraîneur
        de Y, X, a dit": X)."""
        if s.subject_pos is None:
            return None
        m = self._at.get(s.subject_pos)
        if m is not None:
            return m
        text = self.ents.text
        for m in sorted((m for m in self.ents.mentions if s.subject_pos < m.start < min(s.end, s.subject_pos + 80)),
                        key=lambda m: m.start):
            if "," in text[s.subject_pos:m.start - 2]:
                return None
            if text[m.start - 2:m.start] == ", ":
                return m
        return None

    def between(self, m, p: int) -> bool:
        """Whether a place or an organization is named after the sentence of mention `m` and before
        position `p` ("elle" after a sentence about "l'adhésion de l'Ukraine" is as likely the
        country as the person named before it)."""
        end = next((s.end for s in self.sentences if s.start <= m.start < s.end), m.end)
        return any(end <= o.start and o.end <= p and o.entity.kind in ("place", "organization")
                   and self.ents.text[o.start - 1:o.start] != "(" for o in self.ents.mentions)  # (not an acronym aside)

    def gender(self, entity) -> str | None:
        """'m' or 'f' when the article names the person after "M." / "Mme", or the name takes it in (and
        never both)."""
        found = {g for m in self.ents.mentions if m.entity is entity
                 for g, cue in _GENDER_CUES if cue.search(self.ents.text, max(0, m.start - 10), m.start)}
        found |= {g for m in self.ents.mentions if m.entity is entity for g, cue in _GENDER_STARTS if cue.match(m.text)}
        return found.pop() if len(found) == 1 else None

    def headline(self, s) -> bool:
        """A headline set apart in the text ("Lire aussi" links): a paragraph of its own that is not
        the article's first and ends with no sentence punctuation."""
        after = self.ents.text[s.end:s.end + 3]
        return s.start > 0 and s.text.rstrip()[-1:] not in ".!?…»\"”)" and (not after.strip() or "\n" in after)

    def owner(self, token, possessive: str):
        """What 'its' / 'son' refers to: the nearest earlier organization for 'its'; for words
        that also stand for people ('son', 'sa', 'their'), only when the nearest earlier name (of
        a person, an organization or a place) is an organization."""
        p = self.pos(token)
        kinds = ("organization",) if possessive == "its" else ("organization", "person", "place")
        before = [m for m in self.ents.mentions if m.end <= p and m.entity.kind in kinds and p - m.end < 400]
        if not before:
            return None
        sent = self.sentence(token)
        opening = [m for m in before if sent is not None and sent.start <= m.start <= sent.start + 6]
        if opening and opening[0].entity.kind == "organization":
            return opening[0].entity  # "L'OMS a ..., a déclaré son responsable": the sentence opens with it
        if sent is not None and not any(m.start >= sent.start for m in before):
            previous = [m for m in before if m.start >= max((s.start for s in self.sentences if s.end <= sent.start), default=0)]
            if previous and previous[0].entity.kind == "person":
                return None  # "Le président X a ... . Son porte-parole, Y": the previous sentence is about a person
        nearest = max(before, key=lambda m: m.start)
        if possessive in ("leur", "leurs") and not _plural_name(self.ents.folded, nearest):
            return None  # "leur coach": the players', not an organization named in the singular
        return nearest.entity if nearest.entity.kind == "organization" else None


def _plural_name(folded: str, m) -> bool:
    """A name said in the plural ("les Lions", "les Étoiles Rouges"): a possessive "leur" may be its."""
    return folded[max(0, m.start - 4):m.start] == "les " or m.text.rstrip().endswith(("s", "x"))
