"""Funding read from the dependency parse: funding verbs ("financé par X", "X funds Y") and loans
or grants ("un prêt de 50 M$ accordé par X à Y", "Y a obtenu un prêt de X", "a grant from X").
Countries and governments are actors here (``actors=True``). Mixed into
:class:`innograph.loaders.syntax.SyntaxReader`."""

from __future__ import annotations

from innograph.loaders import lexicon as lx
from innograph.loaders.cues import _case, _f, _unique
from innograph.loaders.money import find_amounts

_AGENT_CASES = frozenset("par by".split())
_TO_CASES = frozenset("a au aux to for pour".split())


class FundingMixin:
    def funding(self, t) -> None:
        word = _f(t)
        if word in lx.LOAN_NOUNS:
            return self.loan(t)
        funders, items = [], []
        for c in t.children:
            if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and _case(c) in _AGENT_CASES):
                funders += self.orgs(c, actors=True)
            elif c.dep_ == "agent":
                funders += [o for p in c.children if p.dep_ == "pobj" for o in self.orgs(p, actors=True)]
        if funders:  # passive: "le projet est financé par X"
            items = [o for c in t.children if c.dep_ in ("nsubjpass", "nsubj:pass") for o in self.orgs(c, actors=True)]
            if not items and t.dep_ in ("acl", "relcl"):
                items = self.orgs(t.head)
        else:
            subjects = [c for c in t.children if c.dep_ == "nsubj"]
            objects = [c for c in t.children if c.dep_ in ("dobj", "obj")]
            if subjects and objects:  # "X finance Y"
                funders = self.orgs(subjects[0], actors=True)
                items = self.orgs(objects[0])
        self._grants(funders, items, t)

    def loan(self, noun) -> None:
        """'un prêt de 50 M$ accordé par X à Y', 'Y a obtenu un prêt de X', 'X a accordé un prêt
        à Y', 'a loan from X to Y'."""
        funders, items = [], []
        for verb in [c for c in noun.children if c.dep_ in ("acl", "relcl")]:
            for c in verb.children:
                if c.dep_ in ("obl:agent", "agent"):
                    funders += self.orgs(c, actors=True) or [o for p in c.children for o in self.orgs(p, actors=True)]
                elif c.dep_.startswith("obl") and _case(c) in _TO_CASES:
                    items += self.orgs(c, actors=True)
        for t in noun.subtree:  # "un prêt de 300 M$ de la Banque mondiale au Mali"
            if t.dep_ == "nmod" and t.head.dep_ != "obl:agent" and self.mention(t):
                (funders if _case(t) in ("de", "du", "des", "d'", "aupres") else items if _case(t) in _TO_CASES else []).extend(
                    self.orgs(t, actors=True))
            elif t.dep_ == "pobj" and _f(t.head) in ("from", "to") and t.head.head is noun:
                (funders if _f(t.head) == "from" else items).extend(self.orgs(t, actors=True))
        if noun.dep_ in ("obj", "dobj"):
            verb = noun.head
            subjects = [o for c in verb.children if c.dep_ == "nsubj" for o in self.orgs(c, actors=True)]
            if _f(verb) in lx.RECEIVING_VERBS:
                items = items or subjects
                funders += [o for c in verb.children if c.dep_.startswith("obl") and _case(c) in ("de", "aupres", "from")
                            for o in self.orgs(c, actors=True)]
            elif _f(verb) in lx.GRANTING_VERBS:
                funders = funders or subjects
                items += [o for c in verb.children if (c.dep_.startswith("obl") and _case(c) in _TO_CASES) or c.dep_ in ("iobj", "dative")
                          for o in self.orgs(c, actors=True) or [x for p in c.children for x in self.orgs(p, actors=True)]]
        self._grants(_unique(funders), _unique(items), noun)

    def _grants(self, funders, items, token) -> None:
        sent = self.sentence(token)
        amounts = find_amounts(sent.text) if sent is not None else []
        attrs = {"amount": amounts[0].value, "currency": amounts[0].currency} if len(amounts) == 1 else {}
        for funder in funders:
            for item in items:
                if funder is not item and funder.label != item.label:
                    self.add("funds", funder, item, token, **attrs)
