"""Funding read from the dependency parse: funding verbs ("financé par X", "X funds Y") and loans
or grants ("un prêt de 50 M$ accordé par X à Y", "Y a obtenu un prêt de X", "a grant from X").
A country's aid named by its adjective funds the recipient: "l'aide (militaire) américaine à Y" (when the
article names that country). Countries and governments are actors here (``actors=True``). Mixed into
:class:`innograph.loaders.syntax.SyntaxReader`."""

from __future__ import annotations

import re

from innograph.loaders import lexicon as lx
from innograph.loaders.cues import case_word, fold_word, unique_items
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.money import find_amounts

_AGENT_CASES = frozenset("par by".split())
_TO_CASES = frozenset("a au aux to for pour".split())
#: Nouns of aid given as money (with an amount in the sentence): "une aide de 3 M$ à Y".
_AID_NOUNS = frozenset("aide aides assistance don dons enveloppe aid".split())
#: Words that may qualify the aid between the noun and the country's adjective, or follow it:
#: "l'aide militaire américaine à la sécurité fournie à Y".
_AID_WORDS = frozenset("militaire militaires financiere financieres economique economiques budgetaire humanitaire "
                       "securitaire la securite a fournie fournies accordee accordees apportee versee allouee totale".split())
#: A sum paid for something, not a funding: transfer fees, bribes, ransoms, fines, wages.
PAID_FOR = re.compile(r"(?<![\w])(?:transferts?|transfers?|pots?-de-vin|bribes?|rançons?|ransoms?|amendes?|salaires?|salary|"
                      r"salaries|indemnit\w*|dédommag\w*|rachat|achat|purchase)(?![\w])")


class FundingMixin:
    def funding(self, t) -> None:
        word = fold_word(t)
        if word in lx.LOAN_NOUNS:
            return self.loan(t)
        funders, items = [], []
        for c in t.children:
            if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_word(c) in _AGENT_CASES):
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
                elif c.dep_.startswith("obl") and case_word(c) in _TO_CASES:
                    items += self.orgs(c, actors=True)
        for t in noun.subtree:  # "un prêt de 300 M$ de la Banque mondiale au Mali"
            if t.dep_ == "nmod" and t.head.dep_ != "obl:agent" and self.mention(t):
                (funders if case_word(t) in ("de", "du", "des", "d'", "aupres") else items if case_word(t) in _TO_CASES else []).extend(
                    self.orgs(t, actors=True))
            elif t.dep_ == "pobj" and fold_word(t.head) in ("from", "to") and t.head.head is noun:
                (funders if fold_word(t.head) == "from" else items).extend(self.orgs(t, actors=True))
        if noun.dep_ in ("obj", "dobj"):
            verb = noun.head
            subjects = [o for c in verb.children if c.dep_ == "nsubj" for o in self.orgs(c, actors=True)]
            if fold_word(verb) in lx.RECEIVING_VERBS:
                items = items or subjects
                funders += [o for c in verb.children if c.dep_.startswith("obl") and case_word(c) in ("de", "aupres", "from")
                            for o in self.orgs(c, actors=True)]
            elif fold_word(verb) in lx.GRANTING_VERBS:
                funders = funders or subjects
                items += [o for c in verb.children if (c.dep_.startswith("obl") and case_word(c) in _TO_CASES) or c.dep_ in ("iobj", "dative")
                          for o in self.orgs(c, actors=True) or [x for p in c.children for x in self.orgs(p, actors=True)]]
        self._grants(unique_items(funders), unique_items(items), noun)

    def granted(self, verb) -> None:
        """'X a octroyé / alloué / débloqué 2 M€ à Y', 'X a accordé une aide de 3 M$ à Y': a granting
        verb whose object is money (an amount or aid) with a recipient 'à Y' (countries act). Not a
        sum paid for something ('a versé 20 M€ à Y pour le transfert', 'en pots-de-vin')."""
        objects = [c for c in verb.children if c.dep_ in ("obj", "dobj")]
        sent = self.sentence(verb)
        if not objects or sent is None or not find_amounts(sent.text) or PAID_FOR.search(sent.text.lower()):
            return
        money = objects[0]
        if not (fold_word(money) in _AID_NOUNS or any(a.start <= money.idx + self.offset - sent.start < a.end + 12
                                                 for a in find_amounts(sent.text))):
            return
        funders = [o for c in verb.children if c.dep_ == "nsubj" for o in self.orgs(c, actors=True)]
        items = [o for c in verb.children if (c.dep_.startswith("obl") and case_word(c) in _TO_CASES) or c.dep_ in ("iobj", "dative")
                 for o in self.orgs(c, actors=True)]
        items += [o for t in money.subtree if t.dep_ == "nmod" and case_word(t) in _TO_CASES  # "2 M€ au Kenya"
                  for o in self.orgs(t, actors=True)]
        self._grants(unique_items(funders), unique_items(items), verb)

    def _grants(self, funders, items, token) -> None:
        sent = self.sentence(token)
        amounts = find_amounts(sent.text) if sent is not None else []
        attrs = {"amount": amounts[0].value, "currency": amounts[0].currency} if len(amounts) == 1 else {}
        for funder in funders:
            for item in items:
                if funder is not item and funder.label != item.label:
                    self.add("funds", funder, item, token, **attrs)

    def national_aid(self, noun) -> None:
        """'l'aide (militaire) américaine (à la sécurité) (fournie) à Y': the country of the adjective
        funds Y (a country or an organization), when the article names that country (the gold's
        convention for countries as actors)."""
        country, words = None, 0
        for t in noun.doc[noun.i + 1:noun.i + 10]:
            word = fold_word(t)
            if country is None and word in COUNTRY_OF:
                country = COUNTRY_OF[word]
                continue
            if word in _AID_WORDS and words < 5 and not (country is not None and word == "a" and self._aid_recipient(t)):
                words += 1
                continue
            if country is not None and word in ("a", "au", "aux"):
                recipient = self._aid_recipient(t)
                funder = self.named_country(country)  # (govcountry)
                if recipient is not None and funder is not None and recipient.label != funder.label:
                    self.add("funds", funder, recipient, noun)
            return

    def _aid_recipient(self, t):
        """The country or organization named right after `t` (an article between)."""
        for u in t.doc[t.i + 1:t.i + 3]:
            m = self.mention(u, "place", "organization")
            if m is not None:
                return self.as_organization(m.entity) if m.entity.kind == "place" else m.entity
            if fold_word(u) not in ("la", "le", "les", "l'", "l’"):
                return None
        return None
