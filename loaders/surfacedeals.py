"""Funding, support and partnership patterns over an article's sentences, read from cue words of
:mod:`.lexicon` and word order ("X a levé 40 M€ auprès de Y", "X soutient Y", "un partenariat entre
A et B"); the parse's readers are in :mod:`.syntaxfunding` and :mod:`.syntaxpartners`."""

from __future__ import annotations

import re

from innograph.loaders import lexicon as lx
from innograph.loaders.cues import cue_pattern
from innograph.loaders.mentions import country_key
from innograph.loaders.mentions import Entity, Mention
from innograph.loaders.money import find_amounts
from innograph.loaders.syntaxfunding import PAID_FOR
from innograph.loaders.text import Sentence

_FUNDING_RE = cue_pattern(lx.FUNDING_CUES)
_RAISE_RE = cue_pattern(lx.RAISE_CUES)
_WEAK_FUNDING_RE = cue_pattern(lx.WEAK_FUNDING_CUES)
_SUPPORT_VERB_RE = cue_pattern(lx.SUPPORT_VERBS)
_SUPPORT_RE = cue_pattern(lx.SUPPORT_CUES)
#: Right before a support verb: denied ("ne soutient pas") or reflexive ("s'appuie sur": relies on).
_NOT_SUPPORTING = re.compile(r"(?<![\w])(?:ne|n'|s'|se)[ \t]*$")
#: The agreement nouns and the signing verbs are the parse reader's (syntaxpartners), found here in the text.
_PARTNER_RE = cue_pattern(lx.AGREEMENT_NOUNS | {w for w in lx.ALLYING_VERBS if w.startswith("collabor")})
_SIGN_RE = cue_pattern(lx.SIGNING_VERBS)


#: A possessive right before the agreement noun: "son contrat avec X" is a person's (a post).
_OWN = re.compile(r"(?<![\w])(?:son|sa|leur|his|her|their)[ \t]+$")
#: An agreement undone or only sought, right before the agreement noun: not a partnership.
_UNDONE = re.compile(r"(?<![\w])(?:annul\w*|resili\w*|rompu\w*|rupture|denonc\w*|suspendu\w*|suspension|cancel\w*|terminat\w*|"
                     r"souhait\w*|veut|voulai\w*|cherch\w*|negoci\w*|propos\w*)[ \t]+(?:[\w']+[ \t]*){0,3}$")
#: The cue word as the noun of a field or of money held: "la finance mondiale", "the funds".
_FINANCE_NOUN = re.compile(r"(?<![\w])(?:la|de la|les|des|the)[ \t]+(?:finance|finances|funds|fund)$")
#: Verbs of giving that fund only when money is named: "un prêt accordé à X", not "une interview
#: accordée à X" nor "le statut octroyé à X" (folded cue words of lx.FUNDING_CUES).
_GIVING = frozenset({"accorde", "accordee", "octroie", "octroye", "alloue", "verse", "dote"})
_MONEY_NOUN = re.compile(r"(?<![\w])(?:pret|prets|subvention\w*|aide|aides|financement\w*|fonds|credit\w*|don|dons|bourse\w*|"
                         r"enveloppe|somme|montant|budget|dotation|loan|loans|grant|grants)(?![\w])")
#: A reporting verb between the subject and the funding cue: the subject says, it does not fund.
_SAID = re.compile(r"(?<![\w])(?:a|ont|avait)[ \t]+(?:declare|dit|affirme|indique|explique|precise|annonce)[ \t]+qu|(?:said|says|stated)[ \t]+(?:that[ \t]+)?")
#: A verb of saying put after the words said ('"...", soutient X'): the inverted subject argues.
_INVERTED = re.compile(r"[\"»”][ \t]*,?[ \t]*$|,[ \t]*$")
#: A support cue that is a participle, and what may stand between it and the name it goes on:
#: nothing, an apposed noun ('X, une radio soutenue par Y', 'X, a startup backed by Y'), a relative's
#: copula ('X, qui est soutenu par Y') or a copula's noun ('X est un fonds soutenu par Y').
_PARTICIPLE = re.compile(r"soutenue?s?[ \t]|appuyee?s?[ \t]|supported[ \t]|backed[ \t]")
_NEXT_TO = re.compile(r"[ \t]*(?:,[ \t]*(?:un|une|le|la|l'|a|an|the)[ \t]+\w+(?:[ \t]+\w+)?)?[ \t]*,?[ \t]*(?:(?:qui|which|that)[ \t]+)?"
                      r"(?:(?:est|sont|etait|etaient|a[ \t]+ete|ont[ \t]+ete|avait[ \t]+ete|sera|seront|is|was|are|were|"
                      r"has[ \t]+been|have[ \t]+been)[ \t]+(?:(?:aussi|egalement|largement|also|largely)[ \t]+)?"
                      r"(?:(?:un|une|a|an)[ \t]+\w+(?:[ \t]+\w+)?[ \t]+)?)?")
#: A first list item of one word naming nothing, then a comma: "l'État, de la Région X".
_FIRST_UNNAMED = re.compile(r"(?:(?:la|le|les|l')[ \t]*)?\w+[ \t]*,[ \t]*")
#: "selon X" / "according to X" right before a name: the source, not the one funded.
_ACCORDING_TO = re.compile(r"(?<![\w])(?:selon|according[ \t]+to)[ \t]+(?:la[ \t]+|le[ \t]+|l'|les[ \t]+|the[ \t]+)?$")
#: Help received from named parties (folded text), the helped being the clause's subject: "avec le
#: soutien (officiel) de", "grâce à l'appui de", "bénéficie de l'appui de", "obtenant le soutien de",
#: "a reçu des armes / une aide militaire / des fournitures d'aide létale de" (no money: that funds).
_HELP_FROM = re.compile(r"(?<![\w])(?:avec|grace[ \t]+a|grace[ \t]+au(?=[ \t]+(?:soutien|appui))|beneficie(?:nt)?[ \t]+de|beneficiant[ \t]+de|obtient|obtenu|obtenant|"
                        r"(?:a|ont|avait|avaient)[ \t]+(?:\w+[ \t]+)?recu|recoit|recoivent)[ \t]+"
                        r"(?:le|l'|un|une|des|du|de[ \t]+l'|d')?[ \t]*(?:plein[ \t]+|fournitures[ \t]+d'|livraisons[ \t]+d')?"
                        r"[\"«“ \t]*(?:soutien|appui|aide|armes|munitions|equipements[ \t]+militaires)"
                        r"(?:[ \t]+(?:officiel|officielle|militaire|militaires|letale|logistique|technique|politique|"
                        r"diplomatique|massif|massive|total|totale|constant))?[\"»” \t]*"
                        r"(?:de[ \t]+la|de[ \t]+l'|du|des|de|d')[ \t]*")
#: "entre" / "between" after an agreement noun, with at most a few words between ("un accord a été signé entre").
_BETWEEN = re.compile(r"(?<![\w])(?:entre|between)[ \t]+(?!(?:\d|autres|eux|elles|nous|vous|les[ \t]+deux)(?![\w]))")
#: Claiming or denying before a cue: what follows is alleged ("X accuse Y d'avoir reçu des armes de Z").
_CLAIMED = re.compile(r"(?<![\w])(?:accus\w*|pretend\w*|affirm\w*|dement\w*|nie|nient|soupconn\w*|qu'|que)(?![\w])")
#: Arms refused, stopped, or only sought or threatened, right before the giving verb.
_NOT_GIVEN = re.compile(r"(?<![\w])(?:refus\w*|cesse\w*|arret\w*|suspend\w*|interdi\w*|menac\w*|envisag\w*|propos\w*|"
                        r"demand\w*|pas|plus|jamais|ni|sans|pourrait|pourraient|veut|veulent|souhait\w*)(?![\w])[^.]*$")
#: "A fournit des armes / une aide militaire à B", "A livre des munitions à B": A supports B.
_GIVES_ARMS = re.compile(r"(?<![\w])(?:fourni|fournit|fournir|fournissent|fournissait|fournira|fourniront|livre|livrent|livrer|"
                         r"livrait|livrera|apporte|apportent|apportait|apportera|offre|offrent|offrir|offrait|offert)[ \t]+(?:des|de[ \t]+l'|une|un|du|d')[ \t]*"
                         r"(?:armes|munitions|aide[ \t]+militaire|soutien[ \t]+militaire|equipements[ \t]+militaires|"
                         r"materiel[ \t]+militaire|drones|chars|missiles|troupes)(?:[ \t]+\w+)?[ \t]+(?:a|au|aux)[ \t]+")


class DealsMixin:
    """Funding, support and partnership patterns of :class:`~innograph.loaders.relations.Extractor`."""

    def funding(self, sent: Sentence) -> None:
        f = self.folded
        if PAID_FOR.search(sent.text.lower()):
            return  # "a versé 20 M€ à Y pour le transfert": a price paid, no funding
        raised = received = self.cue(_RAISE_RE, sent)
        if raised and not (find_amounts(sent.text) or re.match(r"lev|rais", self.folded[raised.start():raised.end()].split()[-1])):
            raised = None  # "a obtenu un diplôme", "bénéficie de l'appui de": no money named, no funding
        if raised:  # the subject receives: "X a levé 40 M€ auprès de Y et de Z", "X a obtenu 300 000 € de Y"
            item = self.subject_of(sent, before=raised.start(), kinds=("organization", "project"))
            funders = []
            for source in re.finditer(r"(?<![\w])(?:aupres[ \t]+d[eu]s?|de[ \t]+la[ \t]+part[ \t]+d[eu]s?|from|by|with|de|d'|du|des)[ \t]*", f[raised.end():sent.end]):
                funders = self._coordinated(raised.end() + source.end(), sent, "organization", skip_asides=True)
                if funders:
                    break
            if item and funders:
                amounts = find_amounts(sent.text)
                attrs = {"amount": amounts[0].value, "currency": amounts[0].currency} if len(amounts) == 1 else {}
                for m in funders:
                    if m.entity is not item.entity:
                        self.add("funds", m.entity, item.entity, sent, **attrs)
            return
        weak = self.cue(_WEAK_FUNDING_RE, sent)
        if weak and find_amounts(sent.text):  # "X apportera 800 000 euros sur trois ans au Y"
            funder = self.subject_of(sent, before=weak.start())
            to = re.search(r"(?<![\w])(?:a|au|aux|to|for|pour)[ \t]+(?:(?:la[ \t]+creation|l'installation|la[ \t]+construction|le[ \t]+developpement|the[ \t]+creation|the[ \t]+development)[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l'|du[ \t]+|de[ \t]+|d'|of[ \t]+)?)?", f[weak.end():sent.end])
            item = self.ents.starting_at(weak.end() + to.end(), "organization", "project") if to else None
            if funder and item and funder.entity is not item.entity:
                amount = find_amounts(sent.text)[0]
                self.add("funds", funder.entity, item.entity, sent, amount=amount.value, currency=amount.currency)
                self._earlier_recipients(sent, funder, weak.start())
                return
        cue = self.cue(_FUNDING_RE, sent)
        if not cue or _FINANCE_NOUN.search(self.folded, max(sent.start, cue.start() - 8), cue.end()):
            return  # "la finance mondiale", "the funds": the field, not a funding
        if f[cue.start():cue.end()].strip() in _GIVING and not find_amounts(sent.text) \
                and not _MONEY_NOUN.search(f, max(sent.start, cue.start() - 40), cue.start()):
            return  # "une interview accordée à X": something given, no money
        funder = None
        for passive in re.finditer(r"(?<![\w])(?:par|aupres[ \t]+de|aupres[ \t]+du|aupres[ \t]+des|by|from)[ \t]+", f[cue.end():min(sent.end, cue.end() + 80)]):
            funder = self.ents.starting_at(cue.end() + passive.end(), "organization")
            if funder is not None:
                break
        if funder is not None:
            to = re.match(r"[ \t]*(?:a|au|aux|to)[ \t]+", f[cue.end():sent.end])  # "accordé à X par Y"
            item = self.ents.starting_at(cue.end() + to.end(), "organization", "project") if to else None
            item = item or self.subject_of(sent, before=cue.start(), kinds=("organization", "project"))
            items = [item] if item and item.entity is not funder.entity else []
        else:
            funder = self.subject_of(sent, before=cue.start())
            if funder is not None and _SAID.search(f, funder.end, cue.start()):
                return  # "X a déclaré que son enquête portait sur le financement de ...": X reports, funds nothing
            if funder is not None and received is not None and funder.end <= received.start() < cue.start():
                return  # "X a reçu une subvention de Y": X receives (the parse's reader reads the giver)
            after = next((m for m in self.ents.mentions if m.start >= cue.end()), None)
            if after is not None and after.entity.kind == "person" and after.start < sent.end:
                return  # "un prêt accordé à <person>"
            clause = re.search(r"(?:,[ \t]*(?:et|and|while|tandis que|alors que|mais|but)[ \t]|;)", f[cue.end():sent.end])
            clause_end = cue.end() + clause.start() if clause else sent.end
            items = [m for m in self.mentions(sent, "organization", "project") if cue.start() <= m.start < clause_end]
        if funder is None:
            return
        amounts = find_amounts(sent.text)
        seen = set()
        for i, item in enumerate(items):
            if item.entity is funder.entity or id(item.entity) in seen or self._in_parentheses(item) \
                    or _ACCORDING_TO.search(f, max(sent.start, item.start - 12), item.start):
                continue
            seen.add(id(item.entity))
            nxt = next((o.start for o in items[i + 1:] if o.entity is not item.entity), sent.end)
            amount = next((a for a in amounts if item.end <= sent.start + a.start < nxt), None)
            if amount is None and len(items) == 1 and len(amounts) == 1:
                amount = amounts[0]
            attrs = {"amount": amount.value, "currency": amount.currency} if amount else {}
            self.add("funds", funder.entity, item.entity, sent, **attrs)
        self._earlier_recipients(sent, funder, cue.start())

    def _earlier_recipients(self, sent: Sentence, funder: Mention, cue_start: int) -> None:
        """'Après A (...) et B (...), la Métropole a apporté son soutien à C': A and B were funded too."""
        after = re.match(r"[ \t]*(?:apres|after)[ \t]+", self.folded[sent.start:cue_start])
        if not after:
            return
        for m in self._coordinated(sent.start + after.end(), sent, "organization", "project", skip_asides=True):
            if m.entity is not funder.entity and m.end < funder.start:
                self.add("funds", funder.entity, m.entity, sent)

    def _subject_is_a_person(self, sent: Sentence, before: int) -> bool:
        """The parse's subject of the sentence, before `before`, is a person's name."""
        m = self.ents.at(sent.subject_pos) if sent.subject_pos is not None and sent.subject_pos < before else None
        return m is not None and m.entity.kind == "person"

    def _in_parentheses(self, m: Mention) -> bool:
        before = self.text[max(0, m.start - 2):m.start]
        return before.endswith("(")

    def support(self, sent: Sentence) -> None:
        for verb in _SUPPORT_VERB_RE.finditer(self.folded, sent.start, sent.end):
            if find_amounts(sent.text) or _INVERTED.search(self.text, sent.start, verb.start()) \
                    or _NOT_SUPPORTING.search(self.folded, max(sent.start, verb.start() - 4), verb.start()):
                continue  # '"...", soutient la Commission': who argues; "ne soutient pas", "s'appuie sur"
            self._supports_named(sent, verb)
        self._help_received(sent)
        self._arms_given(sent)
        cue = _SUPPORT_RE.search(self.folded, sent.start, sent.end)
        if not cue:
            return
        supported = self.subject_of(sent, before=cue.start(), kinds=("organization", "project", "event", "place"))
        if supported is None or self._actor(supported) is None:
            return
        if _PARTICIPLE.match(cue.group(0)) and not _NEXT_TO.fullmatch(self.folded[supported.end:cue.start()]):
            return  # 'soutenu par' goes on the noun before it: 'un acteur soutenu par l'État', not the clause's subject
        if supported.entity.kind == "place" and not _PARTICIPLE.match(cue.group(0)) and not self._is_subject(sent, supported):
            return  # a country is supported only as the clause's subject or right before 'soutenu par'
        persons = [p for p in self.mentions(sent, "person") if p.start < cue.start()]
        if any(supported.end <= p.start or (p.end <= supported.start and
                                            self.text[p.end:supported.start].lstrip().startswith(",")) for p in persons):
            return  # "A, ancien vice-président de Y, soutenu par Z": Z supports the person A, not Y
        # the supporters are the names listed right after the cue, not every later name of the sentence
        self._supported_by(self._actor(supported), self._listed(cue.end(), sent), sent)

    def _supports_named(self, sent: Sentence, verb) -> None:
        """'La CCI apporte son appui aux Rencontres', 'X soutient / a soutenu / appuie Y': the clause's
        acting subject supports the organization or country named right after the verb."""
        supporter = self._acting_subject(sent, verb.start(), persons=False)
        to = re.match(r"[ \t]*(?:(?:egalement|aussi|also|depuis[ \t]+\w+|logistique|financier|technique|activement|"
                      r"ouvertement|militairement|politiquement|deja|toujours|fortement|pleinement|financierement)[ \t]+)*(?:a|au|aux|to)?[ \t]*", self.folded[verb.end():sent.end])
        at = verb.end() + (to.end() if to else 0)
        item = self.ents.starting_at(at, "organization", "project", "event", "place")
        item = self._actor(item) if item is not None else None
        if supporter is not None and item is not None and supporter is not item:  # ("soutient financièrement Y": funds)
            self.add("funds" if "financierement" in self.folded[verb.end():at] else "supports", supporter, item, sent)

    def _supported_by(self, supported: Entity, supporters: list[Mention], sent: Sentence) -> None:
        """`supported` is supported by the organizations, countries and persons of `supporters`."""
        for m in supporters:
            supporter = self._actor(m)
            if supporter is not None and supporter is not supported and supporter.label != supported.label:
                self.add("supports", supporter, supported, sent)

    def _listed(self, pos: int, sent: Sentence) -> list[Mention]:
        """The organizations, countries and persons listed from `pos` (the shared list reader), past a
        first item that names none of them ('de l'État, de la Région X et de l'Université Y')."""
        kinds = ("organization", "place", "person")
        out = self._coordinated(pos, sent, *kinds, skip_asides=True, skip_unnamed=True)
        gap = _FIRST_UNNAMED.match(self.folded, pos, sent.end) if not out else None
        return self._coordinated(gap.end(), sent, *kinds, skip_asides=True, skip_unnamed=True) if gap else out

    def _actor(self, m: Mention) -> Entity | None:
        """The organization, country (taken as an organization: it acts) or person a mention names."""
        e = m.entity
        if e.kind == "place":
            return self.ents.acting(e.label) if country_key(e.label) in lx.COUNTRIES else None
        return e if e.kind in ("organization", "project", "event", "person") else None

    def _is_subject(self, sent: Sentence, m: Mention) -> bool:
        return m.source == "pronoun" or (sent.subject_pos is not None and self.ents.at(sent.subject_pos) is m)

    def _acting_subject(self, sent: Sentence, before: int, *, persons: bool, pronoun: bool = True) -> Entity | None:
        """Who acts in the clause before `before`: an organization (the nearest, as subject_of reads
        it), or a country or person only as the clause's parsed subject, not reported ('X a dit que');
        with `pronoun` False, not a pronoun's antecedent ('Ils', read as the last organization)."""
        kinds = ("organization", "place", "person") if persons else ("organization", "place")
        m = self.subject_of(sent, before=before, kinds=kinds)
        if m is None or _SAID.search(self.folded, m.end, before) or _CLAIMED.search(self.folded, m.end, before) \
                or (m.source == "pronoun" and not pronoun):
            return None
        if m.entity.kind != "organization" and not self._is_subject(sent, m):
            return None
        return self._actor(m)

    def _help_received(self, sent: Sentence) -> None:
        """'Y a reçu des armes / une aide militaire de A et de B', 'Y bénéficie de l'appui de A', 'avec le
        soutien (officiel) de A, Y ...' (the subject after the list when the cue opens the sentence):
        A supports Y. Not when money is named (that funds: the funding readers)."""
        if find_amounts(sent.text):
            return
        for cue in _HELP_FROM.finditer(self.folded, sent.start, sent.end):
            if self.ents.at(cue.start()) is not None:
                continue
            helpers = self._listed(cue.end(), sent)
            if not helpers:
                continue
            if not self.folded[sent.start:cue.start()].strip(" \t\"«“"):  # "Avec l'appui de A, (la société) Y a ..."
                joined = [i for i in range(1, len(helpers)) if re.search(r"(?<![\w])(?:et|and)(?![\w])",
                                                                         self.folded[helpers[i - 1].end:helpers[i].start])]
                helpers = helpers[:joined[-1] + 1] if joined else helpers[:1]  # the list ends at its 'et' item
                comma = re.match(r"[ \t]*,[ \t]*", self.folded[helpers[-1].end:sent.end])
                subject = self.ents.starting_at(helpers[-1].end + comma.end(), "organization", "place", "person") \
                    if comma else None
                helped = self._actor(subject) if subject is not None else None
            else:
                helped = self._acting_subject(sent, cue.start(), persons=True)
            if helped is not None:
                self._supported_by(helped, helpers, sent)

    def _arms_given(self, sent: Sentence) -> None:
        """'A fournit des armes / une aide militaire / des troupes à B': A (an organization or a country,
        the clause's subject) supports B; not refused, stopped or only threatened."""
        for cue in _GIVES_ARMS.finditer(self.folded, sent.start, sent.end):
            if _NOT_GIVEN.search(self.folded, max(sent.start, cue.start() - 40), cue.start()):
                continue
            to = self.ents.starting_at(cue.end(), "organization", "place", "person")
            helped = self._actor(to) if to is not None else None
            giver = self._acting_subject(sent, cue.start(), persons=False, pronoun=False)
            if helped is not None and giver is not None and giver is not helped:
                self.add("supports", giver, helped, sent)

    def _between(self, sent: Sentence, cue) -> bool:
        """'un accord (a été signé) entre A, B, C et D': every two of the organizations and countries
        listed right after 'entre' shortly after the agreement noun are partners (not an agreement
        undone or only sought)."""
        f = self.folded
        between = _BETWEEN.search(f, cue.end(), min(sent.end, cue.end() + 60))
        if between is None or _UNDONE.search(f, max(sent.start, cue.start() - 30), cue.start()):
            return False
        listed = self._coordinated(between.end(), sent, "organization", "place")
        parties = []
        for m in listed:
            actor = self._actor(m)
            if actor is not None and actor.kind == "organization" and all(actor.label != p.label for p in parties):
                parties.append(actor)
        if len(parties) < 2:
            return False
        label = re.match(r"[\w\-]+(?:[ \t][\w\-]+)?", self.text[cue.start():sent.end])
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                self.add("partner_of", a, b, sent, date=self._date(sent), label=label.group(0) if label else None)
        return True

    def partnership(self, sent: Sentence) -> None:
        f = self.folded
        cue = _PARTNER_RE.search(f, sent.start, sent.end)
        if not cue:
            return
        if self._between(sent, cue):
            return
        sign = _SIGN_RE.search(f, sent.start, sent.end)
        pivot = sign.start() if sign and sign.start() < cue.start() else cue.start()
        orgs = self.mentions(sent, "organization")
        before = []
        for m in orgs:  # "l'Université X (UX)": the acronym is the same party
            if m.end <= pivot and not (before and before[-1].entity is m.entity):
                before.append(m)
        parties: list[Entity] = []
        if len(before) >= 2 and re.fullmatch(r"[ \t]*(?:,|et|and|&)[ \t]*(?:l'|le[ \t]+|la[ \t]+|les[ \t]+|the[ \t]+)?", f[before[-2].end:before[-1].start]):
            parties = [before[-2].entity, before[-1].entity]
        else:
            link = re.search(r"(?<![\w])(?:avec|with|entre|between)(?![\w])", f[cue.start():sent.end])
            first = self.subject_of(sent, before=pivot)
            if _OWN.search(f, max(sent.start, cue.start() - 8), cue.start()) or _UNDONE.search(f, max(sent.start, cue.start() - 30), cue.start()) \
                    or (first is not None and _SAID.search(f, first.end, cue.start())) \
                    or self._subject_is_a_person(sent, pivot):
                first = None  # "son contrat avec X" (a player's), "Le président de A a dit que l'accord avec B",
                # "l'accord avec X" said by a person, "X a annulé l'accord avec Y"
            if link and first:
                at = cue.start() + link.end()
                # the party is the name right after "avec"/"with", not any later one
                others = [m for m in self._coordinated(at, sent, "organization") if m.entity is not first.entity]
                if others:
                    parties = [first.entity, others[0].entity]
                    if "entre" in link.group(0) or "between" in link.group(0):
                        parties = [o.entity for o in others[:2]] if len(others) >= 2 else parties
        if len(parties) == 2 and parties[0] is not parties[1]:
            label = re.match(r"[\w\-]+(?:[ \t][\w\-]+)?", self.text[cue.start():sent.end])
            self.add("partner_of", parties[0], parties[1], sent, date=self._date(sent),
                     label=label.group(0) if label and sign else None)
