"""Moves between clubs and national sides read from the parse (French): the sports press gives
a player's or a coach's club through the move more often than through a title.

* joining through an infinitive: "X a quitté A pour rejoindre B", "X a accepté de rejoindre B"
  (the subject is the governing verb's), and "qui a rejoint B" (the relative's antecedent);
* leaving: "X a quitté A" is a former post at A, "en provenance de A" beside a move too;
* signing: "X a signé au / pour / avec B" (nothing signed, or a contract), "X prolonge son contrat
  avec B" is a post at B;
* loans: "X a été prêté par A / à B" is a post at both; goals: "X a marqué pour B", "X a inscrit
  les deux buts de B", "le but de B, inscrit par X" (B a club or, in an article about sport, a country);
* national sides: "l'entraîneur de la sélection du Cameroun", "le capitaine de l'équipe nationale
  algérienne", "le sélectionneur sénégalais X": the country, acting.

Mixed into :class:`innograph.loaders.syntax.SyntaxReader`.
"""

from __future__ import annotations

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.cues import case_word, fold_word, subjects_of
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.mentions import country_key
from innograph.loaders.sportwords import sports_text

_INFINITIVE_DEPS = frozenset("advcl xcomp".split())
_SIGNED_AT = frozenset("a au aux pour avec chez".split())
_FROM = frozenset("de du des d' d’ depuis".split())
_PARTY = frozenset("parti party".split())
#: Verbs of scoring a goal, or of a goal coming from its scorer (folded): "inscrit par X", "venu de X".
_SCORED = frozenset("inscrit inscrits inscrite inscrites inscrire inscrivent inscrira marque marques marquee marquees "
                    "marquer marquent marquera signe signes signee signees venu venus venue venues".split())
_CAME = frozenset("venu venus venue venues".split())
#: A win whose goal it is: "le but de la victoire de Y".
_WIN_NOUNS = frozenset("victoire succes qualification".split())


class MovesMixin:
    def movers(self, v) -> list:
        """Who moves: the verb's subject; through an infinitive ("pour rejoindre", "de rejoindre")
        the governing verb's; for "qui a rejoint" the name the relative hangs on, for a participle
        ("X, prêté par A") the name it qualifies."""
        for _ in range(3):
            subjects = subjects_of(v)
            if subjects:
                if fold_word(subjects[0]) == "qui":  # "X, qui a rejoint B" (not "des personnes qui tentent de rejoindre B")
                    return self.people(v.head) if v.dep_ in ("acl:relcl", "relcl") and self.named_person(v.head) else []
                if fold_word(subjects[0]) in ("il", "elle"):  # (the person it stands for: the one rule)
                    person = self.antecedent(subjects[0], "person")
                    return [person] if person is not None else []
                return self.people(subjects[0]) or \
                    (self.title_people(subjects[0]) if fold_word(subjects[0]) in lx.TITLE_HEADS else [])  # "l'attaquant de Y X a signé"
            if v.dep_ == "acl" and self.named_person(v.head):
                return self.people(v.head)  # "X, prêté l'été dernier par A"
            if v.dep_ not in _INFINITIVE_DEPS or v.doc.lang_ != "fr":
                return []
            v = v.head
        return []

    def moving(self, v) -> None:
        """A French verb of leaving, signing or loan with a person that moves."""
        if v.doc.lang_ != "fr":
            return
        word = fold_word(v)
        people = self.movers(v)
        if not people:
            return
        if word in lx.LEAVING_VERBS:
            joined = any(c.dep_ in _INFINITIVE_DEPS and fold_word(c) in lx.JOINING_VERBS for c in v.children)
            for c in v.children:  # "a quitté A (pour rejoindre B)": a club left, a former post
                if c.dep_ in ("obj", "dobj"):
                    self._moved(people, self.orgs(c, retype="place" if joined else False), v, current=False)
        elif word in lx.PLAYER_SIGNING_VERBS:
            if any(c.dep_ in ("obj", "dobj") and fold_word(c) not in lx.CONTRACT_NOUNS for c in v.children):
                return  # "a signé un accord avec Y": an agreement, not a post
            contracts = [c for c in v.children if c.dep_ in ("obj", "dobj")]
            for c in [*v.children, *(g for o in contracts for g in o.children if g.dep_ == "nmod")]:
                if (c.dep_.startswith("obl") or c.dep_ == "nmod") and case_word(c) in _SIGNED_AT:
                    self._moved(people, self.orgs(c, retype=True), v, current=True)  # ("son contrat avec Y")
        elif word in lx.LOAN_VERBS:
            for c in v.children:  # "prêté par A à B": the club that lends and the one that plays him
                if c.dep_.startswith("obl") and case_word(c) in ("par", "a", "au", "aux"):
                    self._moved(people, self.orgs(c, retype=True), v, current=True)

    def hiring(self, v) -> None:
        """'le club X a engagé / recruté / limogé le milieu de terrain Y', 'Y a été recruté par X':
        the club that hires holds the person's post (a former one when it fires)."""
        if v.doc.lang_ != "fr":
            return
        current = fold_word(v) not in lx.FIRING_VERBS
        passive = any(c.dep_ in ("nsubj:pass", "nsubjpass") for c in v.children)
        agents = [c for c in v.children if c.dep_ in ("obl:agent", "agent") or (  # (or "par Y" the parse labelled obl:mod)
            passive and c.dep_.startswith("obl") and case_word(c) == "par")]
        hired = [c for c in v.children if c.dep_ in ("nsubj:pass", "nsubjpass")] if agents else \
            [c for c in v.children if c.dep_ in ("obj", "dobj")]
        if not hired:
            return
        clubs = self.orgs(agents[0]) if agents else \
            [o for c in subjects_of(v) for o in self.orgs(c)] or self.org_just_before(v)
        people = self.people(hired[0]) or (self.title_people(hired[0]) if fold_word(hired[0]) in lx.TITLE_HEADS else [])
        self._moved(people, clubs, v, current=current)

    def org_just_before(self, v) -> list:
        """The organization named right before a verb and its auxiliaries, when the parser lost the
        subject ('Le club italien X a engagé ...' parsed as two sentences)."""
        i = v.i - 1
        while i >= 0 and v.doc[i].dep_.startswith("aux"):
            i -= 1
        m = self.mention(v.doc[i]) if i >= 0 and i < v.i - 1 else None
        if m is None:
            m = self._at.get(self.pos(v.doc[i]) + len(v.doc[i].text) - 1) if i >= 0 and i < v.i - 1 else None
        return [m.entity] if m is not None and m.entity.kind == "organization" else []

    def scoring(self, v) -> None:
        """'X a marqué (son 100e but) pour le club Y': a player scores for the club or side he plays for."""
        if v.doc.lang_ != "fr":
            return
        goals = [c for c in v.children if c.dep_ in ("obj", "dobj")]
        places = [c for c in v.children if c.dep_.startswith("obl") and case_word(c) == "pour"]
        places += [g for c in goals for g in c.children if g.dep_ == "nmod" and case_word(g) == "pour"]
        if places:
            people = self.movers(v)
            self._moved(people, [o for c in places for o in self.orgs(c, retype=True)], v, current=True)

    def losing(self, v) -> None:
        """'le FC Velmar devrait perdre A, B et C', 'l'Olympique de Lorvane sera privé de son gardien X', in an article
        about sport: a club that loses a player (to a tournament, an injury) is the club he plays for."""
        if v.doc.lang_ != "fr" or not sports_text(self.ents.folded):
            return
        governing = v.head if v.dep_ in ("xcomp", "conj") else v
        subjects = subjects_of(v) or subjects_of(governing)
        if [fold_word(c) for c in subjects] == ["qui"] and governing.dep_ in ("acl:relcl", "relcl"):
            subjects = [governing.head]  # "Y, qui devrait perdre X"
        clubs = [o for c in subjects for o in self.orgs(c, retype=True) or [  # ("le leader Olympique de Velmar")
            o for n in c.children if n.dep_ in ("flat:name", "appos") and n.i == c.i + 1 for o in self.orgs(n, retype=True)]]
        if fold_word(v).startswith("priv"):
            lost = [c for c in v.children if c.dep_.startswith(("obl", "nmod")) and case_word(c) in _FROM]
        else:
            lost = [c for c in v.children if c.dep_ in ("obj", "dobj")]
        if clubs and lost:
            self._moved([p for c in lost for p in self.people(c)], clubs, v, current=True)

    def goals_for(self, goal) -> None:
        """'Y s'est imposé / a battu Z grâce à un but (des buts) de X': X plays for the clause's subject;
        else a side's goals and who scored them (:meth:`side_goals`)."""
        if goal.doc.lang_ != "fr":
            return
        if case_word(goal) != "grace":
            self.side_goals(goal)
            return
        scorers = [p for c in goal.children if c.dep_ == "nmod" and case_word(c) in _FROM for p in self.people(c)]
        verb = goal.head
        while verb.dep_ in ("obj", "nmod", "obl", "obl:arg", "obl:mod") and verb.head.i != verb.i:
            verb = verb.head  # "a dominé Z grâce à des buts de X": the goals may hang on Z
        subjects = subjects_of(verb) or (subjects_of(verb.head) if verb.dep_ in ("advcl", "xcomp") else [])
        sides = [o for c in subjects for o in self.orgs(c, retype=True, actors=True)]  # ("a gagné après avoir battu Z grâce à")
        self._moved(scorers, sides, goal, current=True, countries=sports_text(self.ents.folded))

    def side_goals(self, goal) -> None:
        """A side's goal (its nominal modifier, or its win's: 'le but de la victoire de Y') and who
        scored it, in an article about sport: 'X a inscrit les deux buts de Y' (the verb's subject),
        'le deuxième but de Y, inscrit par X' (the participle's agent), 'le but de Y a été marqué par X
        / est venu de X' (the verb's agent or complement). X plays for Y, a club or a country."""
        owners = [c for c in goal.children if c.dep_ == "nmod" and case_word(c) in _FROM]
        owners += [d for c in owners if fold_word(c) in _WIN_NOUNS for d in c.children if d.dep_ == "nmod" and case_word(d) in _FROM]
        sides = [o for c in owners for o in self.orgs(c, retype="place", actors=True)]  # (not "le but de A": a person)
        if not sides or not sports_text(self.ents.folded):
            return
        verb, scorers = goal.head, []
        if goal.dep_ in ("obj", "dobj") and fold_word(verb) in _SCORED:
            scorers = self.movers(verb)
        by = [c for c in goal.children if c.dep_ == "acl" and fold_word(c) in _SCORED]  # "le but de Y, inscrit par X"
        if goal.dep_ in ("nsubj:pass", "nsubjpass", "nsubj") and fold_word(verb) in _SCORED:
            by.append(verb)  # "le but de Y a été marqué par X", "est venu de X"
        for v in by:
            for c in v.children:
                if c.dep_ in ("obl:agent", "agent") or (c.dep_.startswith("obl") and fold_word(v) in _CAME and case_word(c) in _FROM):
                    scorers += self.people(c)
        self._moved(scorers, sides, goal, current=True, countries=True)

    def provenance(self, v, people) -> None:
        """'X a rejoint B en provenance de A': a former post at A."""
        for c in v.children:
            if fold_word(c) == "provenance" and case_word(c) == "en":
                for o in c.children:
                    if o.dep_ in ("nmod", "obl") and case_word(o) in _FROM:
                        self._moved(people, self.orgs(o, retype=True), v, current=False)

    def _moved(self, people, orgs, v, *, current, countries=False) -> None:
        for org in orgs:
            words = fold_same_length(org.label).split()
            if words[0] in lx.MEMBERSHIP_BODIES or org.org_kind == "Cluster" or (lx.LEAGUE_WORDS | _PARTY).intersection(words) \
                    or (country_key(org.label) in lx.COUNTRIES and not countries):
                continue  # a party or an academy left, a league or a country joined is no club (a country's goals are its side's)
            for person in people:
                self.add("holds_post", person, org, v, title=None, current=current)

    def national_side(self, c) -> list:
        """'de la sélection (nationale) du Cameroun', 'de l'équipe nationale algérienne': the
        country whose side it is, acting (the article names it)."""
        if fold_word(c) not in lx.NATIONAL_SIDE_NOUNS:
            return []
        sport = [d for d in c.children if d.dep_ == "nmod" and case_word(d) in ("de", "d'", "d’") and fold_word(d) in lx.SPORT_NOUNS]
        for d in [*c.children, *(g for s in sport for g in s.children)]:  # "l'équipe nationale de football du X"
            if d.dep_ in ("nmod", "obl") and case_word(d) in _FROM:
                found = [o for o in self.orgs(d, actors=True) if country_key(o.label) in lx.COUNTRIES]
                if found:
                    return found
            keys = COUNTRY_OF.get(fold_word(d)) if d.dep_ == "amod" else None
            if keys:
                named = self.named_country(keys)
                return [named] if named is not None else []
        return []

    def coach_demonym(self, t) -> list:
        """'le sélectionneur algérien X': a national coach's demonym names the side's country."""
        if fold_word(t) not in lx.NATIONAL_COACHES:
            return []
        for c in t.children:
            keys = COUNTRY_OF.get(fold_word(c)) if c.dep_ == "amod" and c.i == t.i + 1 else None
            if keys:
                named = self.named_country(keys)
                return [named] if named is not None else []
        return []
