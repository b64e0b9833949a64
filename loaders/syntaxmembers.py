"""French membership lists read around the names of a sentence, where the small French
parse is too loose to trust (lists often come out as obl / nmod / conj of the wrong head):

* member lists — "<Org> est composée de / regroupe / réunit / rassemble A, B et C" and, after a
  member noun, "les (pays) membres de <Org>, dont / tels que / comme A et B": every name of the list
  (an organization, or a country acting as one) is member_of the organization;
* lists right after the group when a member noun comes shortly before it — "les pays du groupe <Org>
  (A, B et C)", "3 pays de <Org> (ACR) que sont A, B", "à savoir A et B", "(qui comprend également A)":
  organizations and countries only;
* seats are read by :meth:`.syntaxseats.SeatsMixin.seats`, on the same names;
* from the parse: "A fait partie de Y", "A appartient au parti Y" / "le parti Y, auquel A appartenait",
  "A est l'un des membres de Y" (persons only in groups one joins: parties, movements, collectives).

A list is only names joined by commas, "et" / "ainsi que" and articles; the group must be the
organization named right before the verb (as its subject). Mixed into
:class:`innograph.loaders.syntax.SyntaxReader`."""

from __future__ import annotations

import re

from innograph.loaders import lexicon as lx
from innograph.graph.normalize import fold_same_length
from innograph.loaders.cues import OF_WORDS as _OF, case_word, fold_word, completes_a_noun
from innograph.loaders.mentions import country_key
from innograph.loaders.parties import is_party

#: "<Org> [, qui] est composé(e)(s) de", "<Org> regroupe", "<Org> réunit": the group, then its members.
_LIST_VERB = re.compile(
    r"^\s*(?:,\s*qui\s+)?(?:(?:est|sont|était|étaient|sera|a été)\s+(?:aujourd['’]hui\s+)?"
    r"(?:composée?s?|constituée?s?|formée?s?)\s+(?:de|d['’]|(?=du\s|des\s))|(?:regroupe|regroupent|regroupait|réunit|"
    r"réunissent|réunissait|rassemble|rassemblent|rassemblait|compte\s+parmi\s+ses\s+membres)|"
    r"(?:compte|comptait|comptera)\s+(?:[\w-]+\s+){0,2}(?:pays|états|membres)(?:\s+membres)?\s*,?\s*(?:dont|parmi\s+lesquels))\s*",
    re.I)
#: What may stand between the list verb and its first name: "de 15 pays - ", "de la ", "des États de ".
_LIST_LEAD = re.compile(r"^(?:de\s+|d['’])?(?:\d+\s+|[a-zéèû]+\s+)?(?:pays|états|membres|organisations|entreprises|"
                        r"sociétés|clubs|fédérations|associations)?\s*(?:[-–:,(]\s*)?(?:(?:dont|parmi\s+lesquels|notamment)\s+)?(?:les?\s+|la\s+|l['’]|"
                        r"du\s+|des\s+|de\s+la\s+|de\s+l['’]|de\s+|d['’])?$", re.I)
#: Between two names of a list.
_LIST_SEP = re.compile(r"^\s*(?:,|;|,?\s*et|,?\s*ainsi\s+que)\s*(?:les?\s+|la\s+|l['’]|du\s+|des\s+|de\s+la\s+|"
                       r"de\s+l['’]|de\s+|d['’]|aux?\s+)?$", re.I)
#: After "(pays) membres de <Org>": the names that follow are some of its members.
_SOME_OF = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?,?\s*(?:dont|tels?\s+que|telles?\s+que|comme|notamment|parmi\s+lesquels|"
                      r"à\s+savoir|que\s+sont|qui\s+sont|figurent|figure|on\s+trouve|on\s+compte|:)"
                      r"\s+(?:les?\s+|la\s+|l['’])?$", re.I)
#: Right after "<N> pays de <Org>", "les pays dits <Org>": "(A, B, C)", "(qui comprend également A)",
#: "que sont A, B", "à savoir A et B", ": A, B" — every name of the list is a member.
_LIST_AFTER = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?(?:\(\s*(?:qui\s+(?:comprend|regroupe|réunit)(?:\s+également|\s+aussi)?\s+)?|"
                         r",?\s*(?:à\s+savoir|que\s+sont|qui\s+sont)\s+|:\s*)(?:les?\s+|la\s+|l['’])?$", re.I)
#: "Y, dont font partie A et B": the names after it are members of Y.
_WHOSE_PART = re.compile(r"^\s*,?\s*dont\s+(?:font|fait|faisaient|faisait|feront|fera)\s+(?:(?:également|aussi|notamment|"
                         r"désormais)\s+)?partie\s+(?:les?\s+|la\s+|l['’])?$", re.I)
#: "Y, dont A et B sont membres": the names between it and the verb are members of Y.
_WHOSE = re.compile(r"^\s*,?\s*dont\s+(?:les?\s+|la\s+|l['’])?$", re.I)
_WHOSE_THEN = re.compile(r"^\s*(?:est|sont|était|étaient|est\s+devenue?|sont\s+devenus?|reste|restent)\s+(?:(?:également|aussi|"
                         r"désormais|toujours|tous\s+deux|toutes\s+deux)\s+)?(?:un\s+|une\s+|l['’]une?\s+des\s+|des\s+)?"
                         r"(?:(?:pays|[ée]tats?)\s+)?membres?\b(?!\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*\w)", re.I)  # (not "membre du conseil")
#: A noun for the members shortly before the group's name: "les 22 pays producteurs du groupe X".
_MEMBER_NOUN_BEFORE = re.compile(r"\b(?:pays|[ée]tats|membres|nations)\b[^.;:()]{0,40}$", re.I)
_MEMBERS_OF = re.compile(r"\b(?:membres|pays|[ée]tats)\s+(?:membres\s+)?(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])$", re.I)
#: A plural copula or "tous deux" in a relative clause on the last of coordinated names: it is on all of them.
_PLURAL = frozenset("sont etaient seront tous toutes both are were".split())
_MEMBERS = frozenset(("membres", "members"))
#: ", (tous deux) membre(s) (fondateurs) de" right before the group: the names before it are members.
_APPOSED_MEMBERS = re.compile(r",\s*(?:(?:tous|toutes)\s+(?:deux|trois|les\s+deux)\s+|tous\s+|toutes\s+|"
                              r"(?P<one>l['’]une?\s+des\s+(?:\d+\s+)?)|(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+)\s+)?"
                              r"(?P<n>membres?|pays|[ée]tats?)"
                              r"(?:\s+(?:membres?|fondat\w+|permanent\w*|associé\w*|acti\w+))?\s+"
                              r"(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*$", re.I)
#: A plural verb of belonging, joining or leaving right before the group, after a list of names: "A, B et C
#: ont quitté / ont rejoint / font partie de Y" (the parse often takes the later names for complements of the first).
_PLURAL_BELONGING = re.compile(r"^\s*(?:ont\s+(?:(?:officiellement|déjà|aussi|également|tous|toutes|récemment)\s+){0,2}"
                               r"(?:quitté|rejoint|adhéré\s+à|réintégré)|font\s+(?:(?:aussi|également|déjà|tous|toutes)\s+)?"
                               r"partie\s+(?:de|du|des|d['’]))\s*(?:les?\s+|la\s+|l['’])?$", re.I)
#: Verbs whose complement says what the subject is: "A est devenu / reste membre de Y".
_BECOME = frozenset("devenu devenue devenus devenues devient deviennent deviendra redevenu redevenue reste restent restera "
                    "demeure became becomes become remains remained".split())
#: Subject pronouns that may stand for the subject of the clause before them in the sentence.
_CLAUSE_PRONOUNS = frozenset("il elle ils elles".split())
_PRONOUNS = frozenset("il elle ils elles on he she they it qui who which".split())
#: Forms of "faire" before "partie": "fait partie de", "faisait partie de".
_DOING = frozenset("fait font faisait faisaient faisant fera feront fasse fassent faire".split())
#: Groups a person joins: a party, a movement, a collective, a council (folded first words).
_JOINABLE = re.compile(r"^(?:parti|party|mouvement|movement|collectif|front|coalition|alliance|ligue|union|rassemblement|"
                       r"congres|groupe|association|syndicat|academie|conseil|comite|commission|reseau|organisation|ordre)\b")
_PREPOSITIONS = frozenset("a au aux dans en sur sous pour par avec chez entre vers contre depuis selon et ou qui que".split())
#: A group of a draw or a league table, no body: "le groupe A", "la poule B".
_NOT_A_BODY = re.compile(r"^(?:groupe|poule|group)\s+\w$")
#: "A a quitté Y" (folded forms of quitter), "A a été suspendu / exclu de Y", "Y a suspendu A".
LEAVING = frozenset("quitte quittent quitter quittait quittaient quittera quitteront quittant quitta".split())
SUSPENDED = frozenset("suspendu suspendue suspendus suspendues exclu exclue exclus exclues suspend suspendent "
                      "suspendait exclut excluent".split())
#: Nouns before the group's name: "le bloc (régional) de Y", "l'alliance Y".
_BLOC_NOUNS = frozenset("bloc alliance organisation union communaute coalition".split())
#: Groups a person leaves or is expelled from as a member: a party, a movement.
_POLITICAL = re.compile(r"^(?:parti|party|mouvement|movement|front|coalition|alliance|rassemblement|congres|collectif|"
                        r"union\s+(?:pour|des|nationale|democratique|progressiste))\b")
#: A competition one is put out of, no body one is a member of.
_COMPETITIONS = re.compile(r"^(?:coupe|championnat|tournoi|competition|jeux|mondial|ligue\s+des\s+champions|cup|league)\b")
_CUE = re.compile(r"compos|constitu|quitt|parti|dont|rejoint|adhéré|form[ée]|regroup|réuni|rassembl|parmi ses membres|membres?|pays|[ée]tats|nations|figures?|"
                  r"militant|élu|sénat|cadres?", re.I)


class MembersMixin:
    # -- lists of members (and seats: syntaxseats), read on the sentence's names --------------------------------
    def members_and_seats(self) -> None:
        mentions = sorted(self.ents.mentions, key=lambda m: m.start)
        for sent in self.sentences:
            names = [m for m in mentions if sent.start <= m.start and m.end <= sent.end]
            self.seats(sent, names)
            if not _CUE.search(sent.text):
                continue
            for i, m in enumerate(names):
                group = self._group(m)
                if group is None:
                    continue
                after = sent.text[m.end - sent.start:]
                verb = _LIST_VERB.match(after)
                if verb is not None:
                    self._list_members(sent, group, names[i + 1:], m.end + verb.end(), _LIST_LEAD)
                if m.entity.kind == "organization":  # "Y, dont font partie A et B", "Y, dont A est membre"
                    self._list_members(sent, group, names[i + 1:], m.end, _WHOSE_PART)
                    self._list_members(sent, group, names[i + 1:], m.end, _WHOSE, then=_WHOSE_THEN)
                before = sent.text[:m.start - sent.start]
                apposed = _APPOSED_MEMBERS.search(before)
                countries = m.entity.kind == "organization"  # "deux pays de Y": Y named as a body, no region
                if apposed is not None and (apposed["n"].lower().startswith("membre") or countries):
                    self._apposed_members(sent, group, names[:i], sent.start + apposed.start(),
                                          "membre" if apposed["one"] else apposed["n"])
                if countries and i >= 2 and _PLURAL_BELONGING.match(sent.text[names[i - 1].end - sent.start:m.start - sent.start]):
                    self._listed_before(sent, group, names[:i])
                members_of = _MEMBERS_OF.search(before)
                if members_of and (members_of.group(0).lower().startswith("membres") or countries):
                    self._list_members(sent, group, names[i + 1:], m.end, _SOME_OF,
                                       persons=members_of.group(0).lower().startswith("membres"))
                elif m.entity.kind == "organization" and _MEMBER_NOUN_BEFORE.search(before[-60:]):
                    self._list_members(sent, group, names[i + 1:], m.end, _LIST_AFTER, persons=False)

    def members_of(self, t, kind: str = "member_of") -> None:
        """'A et B sont membres de Y', 'A, (qui est) membre de Y', 'Membre de Y depuis 1952, A ...': the
        organizations and countries of A (persons are read by the posts' reader). With `kind`
        "partner_of", the same for 'A est un partenaire de Y'."""
        m = self.mention(t)
        if m is not None and m.text != t.text:
            return  # a word of a name
        groups = [o for c in t.children if c.dep_ == "nmod" and case_word(c) in _OF and c.i > t.i
                  for o in self.orgs(c, actors=kind == "partner_of")]
        if not groups and kind != "member_of":  # "A est un partenaire de longue date / bailleur de fonds de Y"
            groups = [o for c in t.children if c.dep_ == "nmod" and fold_word(c) in ("date", "fonds") for n in c.children
                      if n.dep_ == "nmod" and case_word(n) in _OF for o in self.orgs(n, actors=True)]
        if not groups:
            return
        members = []
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass")]
        who = next((c for c in subjects if fold_word(c) in ("qui", "who", "which")), None)
        relative = who is not None and (t.dep_ in ("acl:relcl", "relcl") or t.dep_ == "dep")
        if relative or t.dep_ == "appos":  # "A et B, qui sont membres de Y", "A, membre de Y"
            head = t.head
            if t.dep_ == "dep" and who.i >= 2:  # the parse lost the clause: its antecedent is the word before ", qui"
                head = t.doc[who.i - 2] if t.doc[who.i - 1].is_punct else t.doc[who.i - 1]
            if relative and head.dep_ == "conj" and any(fold_word(c) in _PLURAL for c in t.children):
                head = head.head  # "A ou B, qui sont toutes deux membres de Y": the clause is on the last one
            members = self.orgs(head, actors=True)
            if t.dep_ == "appos" and fold_word(t) in _MEMBERS and head.dep_ == "conj":
                members = self._coordinated_members(head)  # "A et B, membres de Y": on the last one
        elif subjects and fold_word(subjects[0]) not in _PRONOUNS:
            members = self.orgs(subjects[0], actors=True)
        elif subjects and fold_word(subjects[0]) in _CLAUSE_PRONOUNS and t.dep_ in ("advcl", "parataxis"):
            # "A et B ont des atouts : elles sont membres de Y": the pronoun is the first clause's subject
            members = [o for c in t.head.children if c.dep_ == "nsubj" and fold_word(c) not in _PRONOUNS
                       for o in self.orgs(c, actors=True)]
            if (len(members) > 1) != (fold_word(subjects[0]) in ("ils", "elles")):
                members = []  # the number disagrees: someone else
        elif t.dep_ == "conj" and fold_word(t) in _MEMBERS and t.i > 0 and t.doc[t.i - 1].text == ",":
            members = self._coordinated_members(t.head)  # "A, B et C, membres de Y": parsed as a conjunct
        elif t.dep_ in ("xcomp", "obj") and fold_word(t.head) in _BECOME:  # "A est devenu membre de Y" (or its object)
            members = [o for c in t.head.children if c.dep_ in ("nsubj", "nsubj:pass") and fold_word(c) not in _PRONOUNS
                       for o in self.orgs(c, actors=True)]  # ("est devenue le 32e membre": parsed as a passive)
        elif t.dep_ in ("obl:mod", "obl", "advcl") and t.i == t.sent.start:  # "Membre de Y depuis 1952, A ..."
            members = [o for c in t.head.children if c.dep_ == "nsubj" for o in self.orgs(c, actors=True)]
        elif t.dep_ == "nmod" and fold_word(t.head) in ("un", "une"):  # "A est l'un des membres / partenaires de Y"
            members = [o for c in t.head.children if c.dep_ == "nsubj" and fold_word(c) not in _PRONOUNS
                       for o in self.orgs(c, actors=True)]
        for member in members:
            for group in groups:
                if member is not group and member.label != group.label:
                    self.add(kind, member, group, t)

    def _apposed_members(self, sent, group, names, end: int, noun: str) -> None:
        """'A, B et C, membres de <group>' / 'A, membre de <group>': the names right before the
        apposition (all of a list for the plural), unless the first completes a noun ('le ministre
        du Ghana, membre de Y' is the minister)."""
        members, pos = [], end
        for m in reversed(names):
            gap = sent.text[m.end - sent.start:pos - sent.start]
            if not (gap.strip() == "" if not members else _LIST_SEP.match(gap)):
                break
            members.insert(0, m)
            pos = m.start
            if noun in ("membre", "member"):
                break
        if not members or completes_a_noun(fold_same_length(sent.text[:members[0].start - sent.start])) \
                or fold_same_length(group.label.split()[0]).lower() in lx.PROJECT_CUES:
            return  # (nor "membre du programme X de Y": a programme of Y's, no body one joins)
        for m in members:
            e = self._acting(m.entity)
            if e.kind in ("organization", "person") and e is not group:
                self._add("member_of", e, group, sent)

    def _listed_before(self, sent, group, names) -> None:
        """'A, B et C ont quitté <group>': the organizations and countries of the list that ends with the
        last of `names` (two names at least, joined by commas and 'et')."""
        listed = [names[-1]]
        for m in reversed(names[:-1]):
            if not _LIST_SEP.match(sent.text[m.end - sent.start:listed[0].start - sent.start]):
                break
            listed.insert(0, m)
        if len(listed) < 2 or completes_a_noun(fold_same_length(sent.text[:listed[0].start - sent.start])):
            return  # (not "les joueurs du Ghana et du Kenya ont quitté Y")
        for m in listed:
            e = self._acting(m.entity)
            if e.kind == "organization" and e is not group and e.label != group.label:
                self._add("member_of", e, group, sent)

    def _acting(self, e):
        """A country named as a place acts as a member: the public authority of that name."""
        return self.as_organization(e) if e.kind == "place" and country_key(e.label) in lx.COUNTRIES else e

    def _coordinated_members(self, token) -> list:
        """The organizations, countries and persons coordinated with `token` (from the first conjunct)."""
        while token.dep_ == "conj":
            token = token.head
        return self.orgs(token, actors=True) + self.people(token)

    def _group(self, m):
        """The organization a name stands for as a group (a name the model typed as a place or a
        person is one when it is no country nor person: 'Alliance Verte' typed as a place)."""
        e = m.entity
        if e.kind == "organization":
            return e
        if e.kind == "place" and self.retypable(m) and country_key(e.label) not in lx.COUNTRIES:
            return self.as_organization(e)
        return None

    def _list_members(self, sent, group, names, start, lead, *, persons: bool = True, then=None) -> None:
        """The names of the list beginning at `start`: organizations, and places acting as one; with
        `then`, only when the list is followed by it ('Y, dont A et B sont membres')."""
        pos, first, found = start, True, []
        for m in names:
            e = m.entity
            if first and e is group:
                continue  # its acronym: "3 pays de l'Union X (UX) que sont ..."
            gap = sent.text[pos - sent.start:m.start - sent.start]
            if not (lead if first else _LIST_SEP).match(gap):
                break
            first = False
            if e.kind == "organization" and e is not group:
                found.append(e)
            elif e.kind == "place":
                found.append(self.as_organization(e))
            elif e.kind == "person" and persons:
                found.append(e)
            pos = m.end
        if then is not None and (first or not then.match(sent.text[pos - sent.start:])):
            return
        for e in found:
            self._add("member_of", e, group, sent)

    # -- "A fait partie de Y", "A appartient à Y" --------------------------------------------------------------
    def part_of(self, t) -> None:
        """'A fait partie de Y', 'A, qui fait partie du collectif Y': Y named right after 'partie' (a few
        lower-case words between); A an organization or a country, or a person when Y is a group one
        joins (a party, a movement, a collective: not a team)."""
        verb = t.head
        if t.dep_ not in ("obj", "dobj") or fold_word(verb) not in _DOING:
            return
        group, words = self._named_after_word(t)
        if group is not None:
            self._belongs(self._clause_subjects(verb), group, t, named_as=words)

    def belongs_to(self, v) -> None:
        """'A appartient au parti Y', 'le parti Y, auquel A appartenait': persons in a group one joins,
        organizations or countries in any (not 'la société appartient à Y': ownership is no membership)."""
        groups = [o for c in v.children if c.dep_.startswith("obl") and case_word(c) in ("a", "au", "aux")
                  for o in self.orgs(c)]
        if not groups and v.dep_ in ("acl:relcl", "relcl") and any(fold_word(c).startswith(("auquel", "auxquel", "a laquelle"))
                                                                   for c in v.children):
            groups = self.orgs(v.head)
        subjects = [c for c in v.children if c.dep_ == "nsubj" and not fold_word(c).startswith(("auquel", "auxquel"))]
        for group in groups:
            self._belongs([p for c in subjects for p in self.people(c)], group, v, persons_only=True)

    def _belongs(self, members, group, token, *, persons_only=False, named_as: str = "") -> None:
        """`members` in `group`; a person only in a group one joins, by its name or the noun before it."""
        joinable = any(_JOINABLE.match(fold_same_length(n).lower()) for n in (group.label, named_as) if n) \
            or is_party(group, self.ents.folded)
        if _NOT_A_BODY.match(fold_same_length(group.label).lower()):
            return
        for member in members:
            if member is group or member.label == group.label:
                continue
            if member.kind == "person" and joinable or member.kind != "person" and not persons_only:
                self.add("member_of", member, group, token)

    def _clause_subjects(self, verb) -> list:
        """The organizations, countries and persons a clause is about (a relative clause's antecedent)."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if any(fold_word(c) in ("qui", "who") for c in subjects) and verb.dep_ in ("acl:relcl", "relcl"):
            subjects = [verb.head]
        return [o for c in subjects if fold_word(c) not in _PRONOUNS or fold_word(c) in ("qui", "who") and c is not subjects[0]
                for o in self.orgs(c, actors=True) + self.people(c)]

    # -- "A a quitté Y", "A a été suspendu de Y" ----------------------------------------------------------------
    def leaving(self, v) -> None:
        """'A a quitté Y', 'A a été suspendu / exclu de Y', 'Y a suspendu A (de ses instances)': A was a
        member of Y. Countries in any body (not a competition); persons only in a group one joins (a
        party, a movement: 'exclu du parti'); other organizations only leaving ('a quitté le bloc Y').
        Never the active 'Y a suspendu A' of a person or a company (a ban, not a membership)."""
        leaving = fold_word(v) in LEAVING
        passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in v.children)
        if leaving or passive:
            members = self._clause_subjects(v) if leaving else \
                [o for c in v.children if c.dep_ == "nsubj:pass" and fold_word(c) not in _PRONOUNS
                 for o in self.orgs(c, actors=True) + self.people(c)]
            groups = [g for c in v.children if (c.dep_ in ("obj", "dobj") if leaving else
                                                c.dep_.startswith("obl") and case_word(c) in _OF) for g in self._bloc(c)]
        else:
            members = [o for c in v.children if c.dep_ in ("obj", "dobj") for o in self.orgs(c, actors=True)
                       if country_key(o.label) in lx.COUNTRIES]
            groups = [g for c in v.children if c.dep_ == "nsubj" for g in self.orgs(c)]
        for group in groups:
            if _COMPETITIONS.match(fold_same_length(group.label).lower()) or country_key(group.label) in lx.COUNTRIES:
                continue
            kept = [m for m in members if country_key(m.label) in lx.COUNTRIES or leaving and m.kind != "person"
                    or m.kind == "person" and (is_party(group, self.ents.folded) or _POLITICAL.match(
                        fold_same_length(group.label).lower()))]  # (not "a quitté le Groupe X": a company)
            self._belongs(kept, group, v)

    def _bloc(self, token) -> list:
        """The organizations a token names, and 'le bloc (régional) de Y' / 'l'alliance Y': Y."""
        found = self.orgs(token)
        if not found and fold_word(token) in _BLOC_NOUNS:
            found = [o for c in token.children if c.dep_ in ("nmod", "appos", "flat:name") for o in self.orgs(c)]
        return found

    def _named_after_word(self, t):
        """The organization named right after `t` ('partie du collectif Y'): articles, 'de' and up to
        three lower-case words between, nothing else."""
        words = []
        for u in t.doc[t.i + 1:t.i + 9]:
            m = self.mention(u)
            if m is not None:
                return self._group(m), " ".join(words)
            if fold_word(u) in _OF | frozenset("la le les l' l’ du des".split()):
                continue
            if u.is_lower and u.is_alpha and len(words) < 3 and fold_word(u) not in _PREPOSITIONS:
                words.append(u.text)
                continue
            break
        return None, ""
