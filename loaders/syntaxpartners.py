"""Partnerships (partner_of) and money received (funds) read from the dependency parse, French and
English. Mixed into :class:`innograph.loaders.syntax.SyntaxReader`; one pass over the tokens.

Partners — organizations, and countries or governments acting as one (``actors=True``):

* a verb of agreeing or allying with its subject and an "avec / with" complement: "X s'associe /
  s'allie / collabore / coopère avec Y", "X a signé avec Y un contrat", "X teamed up with Y";
* the subjects coordinated on such a verb or on a signing verb whose object is an agreement:
  "A et B ont signé un accord", "A and B signed a partnership";
* "X travaille avec / aux côtés de Y", "X dit travailler avec Y", "X, qui a travaillé avec Y" (two
  organizations or countries; not a short form, not work only offered: "prête à travailler avec Y");
* an agreement noun with "entre A et B" ("un accord entre A et B") or "avec Y" and the subject
  of its verb ("X a conclu un partenariat avec Y", "X travaille en partenariat avec Y").

Sponsors fund: "A est le sponsor / le mécène / l'un des bailleurs de fonds de Y", "Y est sponsorisé par X".

Money received — "Y a reçu / obtenu des fonds / un investissement de X": the object of a
receiving verb is money (:meth:`.syntaxfunding.FundingMixin.loan` reads it), never a diploma.
"""

from __future__ import annotations

from innograph.loaders import lexicon as lx
from innograph.loaders.cues import case_word, fold_word, unique_items
from innograph.loaders.syntaxmembers import LEAVING, SUSPENDED

_WITH = frozenset("avec with aupres".split())
#: "X travaille avec Y", "X a travaillé aux côtés de Y": two organizations (or countries) working together.
_WORKING_WITH = frozenset("travaille travaillent travaillait travaillaient travaille travailler travaillera travailleront "
                          "travaillant travaillons".split())
#: "Y est sponsorisé / parrainé par X" (money for a club, an event), "X sponsorise Y".
_SPONSORING = frozenset("sponsorise sponsorisee sponsorises sponsorisees sponsorisent sponsorisait sponsored sponsors".split())
_SPONSOR_NOUNS = frozenset("sponsor sponsors bailleur bailleurs mecene mecenes financeur financeurs".split())
_MEMBER_WORDS = frozenset("membre membres member members".split())
_PARTNER_WORDS = frozenset("partenaire partenaires partner partners".split())
#: "A est un allié de Y" (folded; the same words are participles of allying: "s'est allié à Y").
_ALLY_NOUNS = frozenset("allie alliee allies alliees ally allies".split())
#: Verbs (folded stems) whose agreement is sought, refused or undone, not made: "souhaitent un accord avec Y".
_NOT_DONE = ("souhait", "voul", "veu", "cherch", "negoci", "propos", "envisag", "demand", "rejet", "refus", "annul",
             "romp", "denonc", "suspend", "exig", "want", "seek", "sought", "negotiat", "reject", "cancel")
_OWN = frozenset("son sa leur his her their".split())
_REFLEXIVE = frozenset("s' s’ se".split())
#: Verbs (folded stems) of claiming: what their clause says is alleged ("a prétendu que X a conclu un accord").
_CLAIMING = ("pretend", "accus", "alleg", "affirm", "soupcon", "dement", "claim", "deni", "deny")


def _alleged(verb) -> bool:
    """The clause of `verb` is what someone claims: 'Z a prétendu / accuse ... que X a conclu ...'."""
    return verb.dep_ in ("ccomp", "xcomp") and fold_word(verb.head).startswith(_CLAIMING)


class PartnersMixin:
    def partners_and_money(self) -> None:
        """One pass over the tokens: partners, money received, and members that are organizations
        or countries (:meth:`.syntaxmembers.MembersMixin.members_of`)."""
        for offset, doc in self.docs:
            self.offset = offset
            for t in doc:
                word = fold_word(t)
                if word in _ALLY_NOUNS and any(c.dep_ == "det" for c in t.children):  # (a noun: "un allié")
                    self.members_of(t, kind="partner_of")  # (syntaxmembers) "A est un allié de Y"
                elif word in lx.ALLYING_VERBS or word in lx.SIGNING_VERBS:
                    self.allying(t, signing=word in lx.SIGNING_VERBS)
                elif word in _WORKING_WITH:
                    self.working_with(t)
                elif word in _SPONSORING:
                    self.funding(t)  # (syntaxfunding) "sponsorisé par X", "X sponsorise Y"
                elif word in _SPONSOR_NOUNS:
                    self.members_of(t, kind="funds")  # (syntaxmembers) "A est le sponsor de Y"
                elif word in lx.AGREEMENT_NOUNS and self.mention(t) is None:
                    self.agreement(t)
                elif word in _MEMBER_WORDS:
                    self.members_of(t)  # (syntaxmembers)
                elif word in LEAVING or word in SUSPENDED:
                    self.leaving(t)  # (syntaxmembers) "A a quitté Y", "A a été suspendu de Y"
                elif word == "partie":
                    self.part_of(t)  # (syntaxmembers) "A fait partie de Y"
                elif word.startswith("appart") and word[6:8] in ("ie", "en", "ai"):
                    self.belongs_to(t)  # (syntaxmembers) "A appartient au parti Y"
                elif word in _PARTNER_WORDS:
                    self.members_of(t, kind="partner_of")  # "A est un partenaire (commercial) de Y"
                elif word in lx.MONEY_NOUNS and t.dep_ in ("obj", "dobj") and fold_word(t.head) in lx.RECEIVING_VERBS \
                        and self.mention(t) is None:
                    self.loan(t)
                elif word in ("aide", "aides") and self.mention(t) is None:
                    self.national_aid(t)  # (syntaxfunding) "l'aide américaine à Y"
                elif word in lx.GRANTING_VERBS and t.pos_ in ("VERB", "AUX", ""):
                    self.granted(t)  # (syntaxfunding) "X a octroyé 2 M€ à Y"

    def _partners(self, parties, token) -> None:
        parties = unique_items(parties)
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                if a is not b and a.label != b.label:
                    self.add("partner_of", a, b, token)

    def _with(self, t, after: int = -1) -> list:
        """The organizations of a "avec / with" complement of `t`."""
        out = []
        for c in t.children:
            if c.i <= after or (fold_word(c) in lx.TITLE_HEADS and self.mention(c) is None):
                continue  # "un accord avec l'ancien joueur de X": the partner is a person, not X
            if c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod") and case_word(c) in _WITH:
                out += self._parties(c)
            elif c.dep_ == "prep" and fold_word(c) == "with":
                out += [o for p in c.children if p.dep_ == "pobj" for o in self._parties(p)]
        return out

    def _parties(self, token) -> list:
        """The organizations (countries acting as one) a token and its conjuncts stand for; "le
        groupe X", "la société française X" is X even where the cue noun was taken for a short form
        of an earlier name."""
        named = {}
        doc = token.doc
        for t in [token] + [c for c in token.children if c.dep_ == "conj"]:
            m = self.mention(t)
            if m is None or m.source == "short":
                near = (doc[i] for i in range(t.i + 1, min(len(doc), t.i + 3)))
                name = next((n for n in near if self.mention(n, "organization") is not None), None)
                if name is not None:
                    named[t.i] = self.mention(name, "organization").entity
        if not named:
            return self.orgs(token, actors=True)
        out = [named[token.i]] if token.i in named else self.orgs(token, actors=True)[:1]
        for c in token.children:
            if c.dep_ == "conj":
                out += [named[c.i]] if c.i in named else self.orgs(c, actors=True)
        return unique_items(out)

    def _subjects(self, verb) -> list:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if not subjects and verb.dep_ == "conj":  # "X a négocié puis signé avec Y"
            subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if any(fold_word(c) in ("qui", "who", "which") for c in subjects) and verb.dep_ in ("acl:relcl", "relcl"):
            return self._parties(verb.head)  # "X, qui s'est associé à Y": the relative's antecedent
        return [o for s in subjects for o in self._parties(s)]

    def allying(self, v, *, signing: bool) -> None:
        """'X s'associe avec Y', 'X a signé avec Y un contrat', 'A et B ont signé un accord' — not
        when someone only claims it ("Z a prétendu que X a conclu un accord avec Y")."""
        if _alleged(v):
            return
        agreements = [c for c in v.children if c.dep_ in ("obj", "dobj") and fold_word(c) in lx.AGREEMENT_NOUNS]
        if v.dep_ in ("acl", "acl:relcl", "relcl") and fold_word(v.head) in lx.AGREEMENT_NOUNS:
            agreements.append(v.head)  # "l'accord que X a signé avec Y"
        agreement = bool(agreements)
        subjects = self._subjects(v)
        others = self._with(v) + [o for n in agreements for o in self._with(n)]  # ("a conclu un accord avec Y")
        if not others and not signing and any(c.dep_.startswith("expl") and fold_word(c) in _REFLEXIVE for c in v.children):
            others = [o for c in v.children if c.dep_ in ("obl", "obl:arg") and case_word(c) in ("a", "au", "aux")
                      for o in self._parties(c)]  # "X s'est associé à Y", "X s'allie au Y" (not "le risque associé à Y")
        if subjects and others and (agreement or not signing):
            for s in subjects:
                for o in others:
                    self._partners([s, o], v)
        elif len(subjects) >= 2 and (agreement or not signing):
            self._partners(subjects, v)

    def agreement(self, n) -> None:
        """'un accord entre A et B', 'X a conclu un partenariat avec Y', 'en collaboration avec Y' (not
        'les négociations d'un accord entre A et B': sought, not made)."""
        if n.head.i != n.i and fold_word(n.head).startswith(_NOT_DONE):
            return
        between = [c for c in n.children if c.dep_ == "nmod" and case_word(c) in ("entre", "between")]
        for c in between:
            parties = self._parties(c)
            if len(parties) >= 2:
                self._partners(parties, n)
                return
        others = self._with(n)
        if not others or (fold_word(n) in ("contrat", "contrats", "contract") and any(fold_word(c) in _OWN for c in n.children)):
            return  # "prolonge son contrat avec Y": a player's or an employee's contract, a post
        verb = n.head if n.dep_ in ("obj", "dobj", "obl", "obl:mod", "obl:arg") else None
        if verb is None or fold_word(verb) in lx.SIGNING_VERBS or fold_word(verb) in lx.ALLYING_VERBS:
            return  # (read on the verb)
        if fold_word(verb).startswith(_NOT_DONE) or _alleged(verb):
            return  # "souhaitent un accord avec Y": sought, not made
        for s in self._subjects(verb):
            for o in others:
                self._partners([s, o], n)

    def working_with(self, v) -> None:
        """'X travaille avec Y', 'X, qui a travaillé aux côtés de Y', 'X dit travailler avec Y': two
        organizations or countries (a person working with one holds a post, read elsewhere); not
        when the work is only wished or offered ('prêt à / veut travailler avec Y')."""
        if _alleged(v) or (v.dep_ == "xcomp" and fold_word(v.head).startswith(_NOT_DONE + ("pret", "dispos", "impatient", "ravi"))):
            return
        if any(fold_word(c) in ("pret", "prete", "prets", "pretes") for c in v.head.children) or fold_word(v.head).startswith("pret"):
            return
        named = [c for c in v.children if c.dep_.startswith("obl") and case_word(c) in _WITH]
        named += [n for c in v.children if c.dep_.startswith("obl") and fold_word(c) == "cotes" for n in c.children if n.dep_ == "nmod"]
        if any(self.mention(c) is None or self.mention(c).source == "short" for c in named):
            return  # "travaille avec l'entreprise": a short form, too loose here
        others = [o for c in named for o in self._parties(c)]
        subjects = self._subjects(v)
        if not subjects and v.dep_ == "xcomp":  # "X dit travailler avec Y"
            subjects = self._subjects(v.head)
        if not subjects and v.dep_ in ("acl:relcl", "relcl"):  # "X, qui a travaillé avec Y"
            subjects = self._parties(v.head)
        for s in subjects:
            for o in others:
                self._partners([s, o], v)
