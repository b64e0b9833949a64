"""Partnerships (partner_of) and money received (funds) read from the dependency parse, French and
English. Mixed into :class:`innograph.loaders.syntax.SyntaxReader`; one pass over the tokens.

Partners — organizations, and countries or governments acting as one (``actors=True``):

* a verb of agreeing or allying with its subject and an "avec / with" complement: "X s'associe /
  s'allie / collabore / coopère avec Y", "X a signé avec Y un contrat", "X teamed up with Y";
* the subjects coordinated on such a verb or on a signing verb whose object is an agreement:
  "A et B ont signé un accord", "A and B signed a partnership";
* an agreement noun with "entre A et B" ("un accord entre A et B") or "avec Y" and the subject
  of its verb ("X a conclu un partenariat avec Y", "X travaille en partenariat avec Y").

Money received — "Y a reçu / obtenu des fonds / un investissement de X": the object of a
receiving verb is money (:meth:`.syntaxfunding.FundingMixin.loan` reads it), never a diploma.
"""

from __future__ import annotations

from innograph.loaders import lexicon as lx
from innograph.loaders.cues import _case, _f, _unique

_WITH = frozenset("avec with aupres".split())
_MEMBER_WORDS = frozenset("membre membres member members".split())


class PartnersMixin:
    def partners_and_money(self) -> None:
        """One pass over the tokens: partners, money received, and members that are organizations
        or countries (:meth:`.syntaxmembers.MembersMixin.members_of`)."""
        for offset, doc in self.docs:
            self.offset = offset
            for t in doc:
                word = _f(t)
                if word in lx.ALLYING_VERBS or word in lx.SIGNING_VERBS:
                    self.allying(t, signing=word in lx.SIGNING_VERBS)
                elif word in lx.AGREEMENT_NOUNS and self.mention(t) is None:
                    self.agreement(t)
                elif word in _MEMBER_WORDS:
                    self.members_of(t)  # (syntaxmembers)
                elif word in lx.MONEY_NOUNS and t.dep_ in ("obj", "dobj") and _f(t.head) in lx.RECEIVING_VERBS \
                        and self.mention(t) is None:
                    self.loan(t)

    def _partners(self, parties, token) -> None:
        parties = _unique(parties)
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                if a is not b and a.label != b.label:
                    self.add("partner_of", a, b, token)

    def _with(self, t, after: int = -1) -> list:
        """The organizations of a "avec / with" complement of `t`."""
        out = []
        for c in t.children:
            if c.i <= after:
                continue
            if c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod") and _case(c) in _WITH:
                out += self._parties(c)
            elif c.dep_ == "prep" and _f(c) == "with":
                out += [o for p in c.children if p.dep_ == "pobj" for o in self._parties(p)]
        return out

    def _parties(self, token) -> list:
        """The organizations (countries acting as one) a token stands for; "le groupe X" is X even
        where the cue noun was taken for a short form of an earlier name."""
        m = self.mention(token)
        if m is None or m.source == "short":  # ("le groupe X": X may hang as an amod)
            named = [o for c in token.children if c.dep_ in ("nmod", "appos", "amod", "flat:name")
                     for o in self.orgs(c, actors=True) if c.i == token.i + 1]
            if named:
                return named + [o for c in token.children if c.dep_ == "conj" for o in self._parties(c)]
        return self.orgs(token, actors=True)

    def _subjects(self, verb) -> list:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if not subjects and verb.dep_ == "conj":  # "X a négocié puis signé avec Y"
            subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
        return [o for s in subjects for o in self._parties(s)]

    def allying(self, v, *, signing: bool) -> None:
        """'X s'associe avec Y', 'X a signé avec Y un contrat', 'A et B ont signé un accord'."""
        agreement = any(c.dep_ in ("obj", "dobj") and _f(c) in lx.AGREEMENT_NOUNS for c in v.children)
        subjects = self._subjects(v)
        others = self._with(v)
        if subjects and others and (agreement or not signing):
            for s in subjects:
                for o in others:
                    self._partners([s, o], v)
        elif len(subjects) >= 2 and (agreement or not signing):
            self._partners(subjects, v)

    def agreement(self, n) -> None:
        """'un accord entre A et B', 'X a conclu un partenariat avec Y', 'en collaboration avec Y'."""
        between = [c for c in n.children if c.dep_ == "nmod" and _case(c) in ("entre", "between")]
        for c in between:
            parties = self._parties(c)
            if len(parties) >= 2:
                self._partners(parties, n)
                return
        others = self._with(n)
        if not others:
            return
        verb = n.head if n.dep_ in ("obj", "dobj", "obl", "obl:mod", "obl:arg") else None
        if verb is None or _f(verb) in lx.SIGNING_VERBS or _f(verb) in lx.ALLYING_VERBS:
            return  # (read on the verb)
        for s in self._subjects(verb):
            for o in others:
                self._partners([s, o], n)
