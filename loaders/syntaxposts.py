"""Posts and membership read from the dependency parse: title nouns and their organization,
whatever the preposition, with the person they name (apposition, copula, "became / a été nommé",
second subject, relative clause: :mod:`.syntaxholders`). The verbs of posts (joining, working,
leading) are in :mod:`.verbposts`. Mixed into :class:`innograph.loaders.syntax.SyntaxReader`."""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.cues import case_word, fold_word, unique_items, anaphoric_org, field_not_org, no_longer, says_when
from innograph.loaders.demonyms import COUNTRY_OF, GOVERNMENT_TITLES, nationality
from innograph.loaders.institutions import organ_of, organ_words
from innograph.loaders.mentions import words_key
from innograph.loaders.syntaxholders import _AS, HELM_NOUNS, HoldersMixin

_OWNER_POSSESSIVES = frozenset("its their leur leurs son sa ses".split())
#: Case words that put a title's or a description's organization after it ("directeur de Y", "glaciologue à Y", "chercheur chez Y").
ORG_OF_CASES = frozenset("de du des d' d’ a au aux chez pour aupres of at for with within".split())
_FORMER = frozenset("former ancien ancienne anciens anciennes ex then previous".split())
#: Titles whose "de" complement is a portfolio, not an organization ("ministre de la Défense").
#: "Santé du Ghana", "Affaires étrangères de la France": a field named with its country.
_FIELD_OF = re.compile(r"^.+?\s(?:du|de la|de l['’]|des|de|d['’])\s?([A-ZÀ-Ý][\w\s\-'’]+)$")
#: Titles that, with no organization, are held in the name of a country ("le président X").
_HEAD_OF_STATE = frozenset("president presidente ministre ex-president ex-presidente vice-president vice-presidente "
                           "presidents presidentes ministres ex-presidents ex-presidentes".split())
_PLAIN_ADJECTIVES = frozenset("premier premiere ancien ancienne nouveau nouvelle actuel actuelle futur future sortant sortante "
                               "defunt defunte interimaire elu elue anciens anciennes nouveaux nouvelles actuels actuelles "
                               "defunts defuntes elus elues".split())
#: A title someone may hold one day, not holds ("l'éventuel chancelier"); "futur" stays (a press
#: "le futur président X" is often one who became it).
_UNSURE = frozenset("eventuel eventuelle eventuels eventuelles potentiel potentielle potentiels potentielles "
                    "possible possibles probable probables".split())
_FOR_CASES = frozenset("pour for".split())
#: The complements a title's adjective may carry for the title (not "disponible pour le voyage à Y").
_AMOD_CASES = frozenset("de du des d' d’ a au aux chez".split())
_AT_CASES = frozenset("a au aux".split())
_VERB_DEPS = frozenset("aux aux:tense aux:pass nsubj nsubj:pass obj dobj iobj expl:pv".split())
#: A title's complement that says when, not whose ("le président de l'époque").
_PORTFOLIO_TITLES = frozenset("ministre ministres minister ministers commissaire commissaires commissioner".split())


#: Verbs (folded stems) of leaving the helm: "X a quitté / cédé la direction de Y" held it before.
_LEAVING = re.compile(r"(?:quitt|demission|abandonn|ced|left|leav)")
#: What makes a member one of the founders ("founding member", "membre fondateur").
_FOUNDING = lx.FOUNDER_HEADS | {"founding"}


#: Titles whose "of" complement is most often a field ("Professor of Operations Research").
_ACADEMIC_TITLES = frozenset("professor professors emeritus emerita lecturer lecturers reader".split())
#: Words that say a name is an organization's: its cue words, descriptors and anaphoric nouns.
_ORG_WORDS = frozenset(lx.NAME_CUES) | frozenset(lx.NAME_ENDINGS) | lx.NAME_HEAD_NOUNS


def says_organization(label: str) -> bool:
    """An acronym, or a name with a word only organizations' names have ("University", "Institute")."""
    words = fold_same_length(label).lower().replace("-", " ").split()
    return label.isupper() or any(w in _ORG_WORDS for w in words)


class PostsMixin(HoldersMixin):
    # -- posts and membership ------------------------------------------------------------------
    def title(self, t) -> None:
        if self.mention(t) is not None:
            return  # a word of a name ("Project Executive Group")
        member = fold_word(t) in lx.MEMBER_NOUNS
        if t.dep_ == "compound" and not member and not self.org_before_title(t):
            return  # "CEO Jane Doe": read from the name's side below (but "Harvard mathematician Jane Doe")
        if fold_word(t) in lx.VERB_LIKE_TITLES and any(c.dep_ in _VERB_DEPS for c in t.children):
            return  # "X a envoyé une lettre à Y": a verb
        qualifiers = lx.QUALIFIED_HEADS.get(fold_word(t))
        qualifier = next((c for c in t.children if fold_word(c) in qualifiers and c.i <= t.i + 2), None) if qualifiers else None
        if qualifiers and qualifier is None:
            return  # "au milieu de la salle" (not "le milieu de terrain")
        if any(c.dep_ == "amod" and fold_word(c) in _UNSURE for c in t.children):
            return  # "l'éventuel futur président de Y": not held
        if any(fold_word(c) in ("annee", "year", "saison", "season") for c in t.children if c.dep_ in ("nmod", "prep")) \
                or [fold_word(w) for w in t.doc[t.i + 1:t.i + 4]] in (["de", "l'", "annee"], ["de", "l’", "annee"], ["of", "the", "year"]):
            return  # "manager de l'année de la X", "player of the year": an award, not a post (however parsed)
        state = self.state_head(t)  # "le chef de l'État (ivoirien) X"
        orgs, guessed = state if state is not None else (self.title_orgs(t), False)
        if state is None and not orgs and fold_word(t) in _HEAD_OF_STATE and t.doc.lang_ == "fr" and _bare_title(t):
            orgs = self.sentence_country(t)  # "le président X", "le Premier ministre Y": of the country
            guessed = True
        organ = next((c for c in t.children if c.dep_ in ("nmod", "obl", "obl:mod", "obl:arg")
                      and case_word(c) in ORG_OF_CASES and organ_of(c)), None)
        board = None
        if member and organ is not None and organ_of(organ) == "board":
            member = False  # "membre du conseil d'administration de Y": a post at Y, so named
            board = t.doc[t.i:organ.i + len(organ_words(organ).split())].text
        elif member and organ is None:
            orgs = self.member_groups(t, orgs)
        if not orgs:
            return
        # no chain to a guessed country, nor to "l'organisation" read back: two guesses in a row
        persons = self.title_people(t) or ([] if guessed or any(anaphoric_org(c) for c in t.children) else self.chained(t))
        persons = self.holders_beside(t, persons)
        if t.dep_ == "compound" and not fold_word(t).endswith("s"):  # "Y chief A, B and C": A's title, not B's
            persons = persons[:1]
        if not persons:
            return
        title = board or (HELM_NOUNS[fold_word(t)] if fold_word(t) in HELM_NOUNS else t.doc[t.i:qualifier.i + 1].text if qualifier is not None else title_text(t))
        former = any(fold_word(c) in _FORMER for c in t.children) or fold_word(t).startswith("ex-") or no_longer(t) \
            or (fold_word(t) in HELM_NOUNS and _LEAVING.match(fold_word(t.head)) is not None)  # "a quitté la direction de Y"
        founder = fold_word(t) in lx.FOUNDER_HEADS or any(w in fold_same_length(title) for w in lx.FOUNDER_TITLES) \
            or (member and any(fold_word(c) in _FOUNDING for c in t.children if c.dep_ in ("amod", "compound") or c.i == t.i + 1))
        for person in persons:
            for org in orgs:
                if words_key(org.label) == words_key(person.label):
                    continue  # the same name typed twice
                if member:
                    self.add("member_of", person, org, t)
                    if founder:  # "a founding member of Y", "membre fondateur de Y": one of its founders
                        self.add("created_by", org, person, t)
                elif founder:
                    self.add("created_by", org, person, t)
                else:
                    self.add("holds_post", person, org, t, title=title, current=not former)
                    if guessed:
                        self.guessed.append((person, org, self.guess_rank(t, org)))
                    else:
                        self.stated.add((id(person), id(org)))

    def org_before_title(self, t) -> bool:
        """'Harvard mathematician X', 'Beatles member X': an English title compounded to a person's
        name, with an organization's name compounded to the title right before it."""
        if t.doc.lang_ != "en" or t.i == 0 or not self.named_person(t.head):
            return False
        before = self.mention(t.doc[t.i - 1], "organization")
        if before is None or nationality(before.text) or set(fold_same_length(before.text).lower().split()) & lx.PORTFOLIOS \
                or (fold_word(t) == "secretary" and not any(fold_word(c) == "general" for c in t.children)):
            return False  # "Health Secretary X", "Welsh Secretary X": a government's field or nation, no organization
        return any(c.dep_ in ("compound", "nmod") and self.mention(c) is before for c in t.children)

    def holders_beside(self, t, persons) -> list:
        """The holders a title describes from where it stands: a title set off after a name is not
        that name's conjuncts' after it ("A, directeur de X, et B, ..."); a plural title set off with
        "les" / "ces" describes no one person ("A, les ingénieurs de Y et les syndicats")."""
        sent = self.sentence(t)
        if sent is None or not persons:
            return persons
        at = self.pos(t)
        named = self.ents.within(sent.start, sent.end, "person")
        where = {id(p): [m.start for m in named if m.entity is p] for p in persons}
        before = [p for p in persons if where[id(p)] and min(where[id(p)]) < at]
        after = [p for p in persons if where[id(p)] and min(where[id(p)]) > at]
        if before and after and len(before) + len(after) == len(persons):
            persons = before  # (named on both sides of the title: those before it are the ones it is set off after)
        if len(persons) == 1 and before and any(c.dep_ == "det" and fold_word(c) in ("les", "ces") for c in t.children) \
                and not any(c.dep_ == "cop" for c in t.children):
            return []
        return persons

    def member_groups(self, t, orgs) -> list:
        """A member belongs to the body the noun's own complement names ('membre de l'Alliance X'),
        not to one a further complement names ('membre du comité d'éthique de X' is the committee's)."""
        direct = {words_key(o.label) for c in t.children if c.dep_ in ("nmod", "obl", "obl:mod", "obl:arg", "prep")
                  for o in self.orgs(c, retype=True, actors=True)
                  + [o for p in c.children if c.dep_ == "prep" and p.dep_ == "pobj" for o in self.orgs(p, retype=True)]}
        return [o for o in orgs if words_key(o.label) in direct]

    def title_orgs(self, t, *, shared=True, demonym=True) -> list:
        conj = [c.i for c in t.children if c.dep_ == "conj" and fold_word(c) in lx.TITLE_HEADS]
        # "rédactrice en chef de la BBC pour l'Europe": "pour" / "for" only when nothing else names one
        own = [*t.children, *(g for a in t.children if a.dep_ == "amod" and a.i > t.i and fold_word(a) not in ORG_OF_CASES
                             for g in a.children if g.i > a.i and g.dep_.startswith(("nmod", "obl"))
                             and case_word(g) in _AMOD_CASES)]  # ("maire adjoint de Y", "chercheur invité à Y": Y hung on the adjective)
        # ("for" complements last, and a name before the title after its "of / de" complement: "the APAC CEO of Y" is Y's)
        for c in sorted(own, key=lambda c: (case_word(c) in _FOR_CASES or fold_word(c) in _FOR_CASES,
                                            c.dep_ in ("compound", "poss") and c.i < t.i)):
            if conj and c.i > min(conj) and any(d.i < min(conj) and d.dep_ in ("nmod", "prep", "obl") for d in t.children):
                continue  # "présidente de X et fondatrice de Y": Y is the second title's ("chairman and CEO of Y": both's)
            if case_word(c) == "aupres" and fold_word(t) in GOVERNMENT_TITLES:
                continue  # "l'ambassadeur kényan auprès de l'ONU": accredited there, the country's
            if fold_word(c) in lx.CLIENTELE_NOUNS or (c.left_edge.i > t.i + 1 and t.doc[c.left_edge.i - 1].head.i == t.i
                                                     and fold_word(t.doc[c.left_edge.i - 1]) in lx.CLIENTELE_NOUNS):
                continue  # "avocate des victimes de Y", "porte-parole des clients de la banque Y" however parsed: theirs
            if c.dep_ in ("nmod", "obl", "obl:mod", "obl:arg") and case_word(c) in ORG_OF_CASES:
                if fold_word(c) in ("pays", "country") and all(x.dep_ in ("case", "det", "punct") for x in c.children):
                    found = self.sentence_country(t)  # "le président du pays": the country of the sentence or article
                elif fold_word(c) in ("gouvernement", "government") and t.doc.lang_ == "fr":
                    found = self.government_country(t, c)  # "le porte-parole du gouvernement (togolais)"
                elif fold_word(c) == "republique" and t.doc.lang_ == "fr" and (found := self.republic_country(t, c)) is not None:
                    pass  # "le président de la République (togolaise)"; else read as any name
                elif fold_word(t) in _PORTFOLIO_TITLES:  # "ministre de la Santé (du Ghana)": a field, then maybe a country
                    found = self.orgs(c, retype=True)
                    fields = [o for o in found if fold_same_length(o.label.split()[0]) in lx.PORTFOLIOS]
                    found = [o for o in found if o not in fields] or self.deeper_orgs(c, actors=True)
                    found = found or [self.country(m.group(1)) for o in fields for m in [_FIELD_OF.match(o.label)]
                                      if m and fold_same_length(m.group(1)).replace("-", " ") in lx.COUNTRIES]
                elif case_word(c) in _AT_CASES and (any(self.mention(w, "person") for w in t.doc[t.i + 1:c.i])
                                                or t.doc[c.left_edge.i - 1].text == ","):
                    continue  # "a déclaré le psychologue X à la radio Y", "indique X, T de Z, à la radio Y": Y heard X
                elif case_word(c) in _FOR_CASES:  # "directrice pour l'Afrique": a territory stays one
                    found = self.orgs(c, retype="person") or self.deeper_orgs(c)
                elif case_word(c) in _AT_CASES:  # "professeur à Bath" may name its university, "journaliste au Mali" not
                    # (nor "l'ambassadeur américain à Vienne": a government's post, where it is held)
                    retype = "person" if fold_word(t) in GOVERNMENT_TITLES else True
                    found = [o for o in self.orgs(c, retype=retype) if words_key(o.label) not in lx.COUNTRIES] \
                        or self.deeper_orgs(c) or self.described_org(c)
                else:
                    found = self.orgs(c, retype=True) or self.national_side(c) or self.described_org(c) \
                        or self.new_organization(c) or self.deeper_orgs(c)
                    found = found and found + self.coordinated_complements(c) + self.coordinated_complements(t, c.i)
                found = [o for o in found if not field_not_org(t.text, o)]  # (an expert's country: look on)
                if found:
                    return found
            if c.dep_ == "prep" and (fold_word(c) in ORG_OF_CASES or (fold_word(c) == "in" and fold_word(t) not in ("leader", "leaders"))):
                for o in c.children:
                    if o.dep_ == "pobj":
                        found = self.orgs(o, retype=fold_word(c) != "in") or (self.new_organization(o) if fold_word(c) != "in" else [])
                        found = [x for x in found if not field_not_org(t.text, x)]  # ("Professor of Psychology at Y": Y)
                        if fold_word(c) == "of" and fold_word(t) in _ACADEMIC_TITLES:  # "Professor of Operations
                            found = [x for x in found if says_organization(x.label)]  # Research": a field, whatever its case
                        if found:
                            return unique_items(found + self.english_more(c, o))
            if c.dep_ in ("poss", "compound") and self.mention(c, "organization"):
                return [self.mention(c).entity]
            if c.dep_ in ("poss", "det") and fold_word(c) in _OWNER_POSSESSIVES and not any(
                    d.dep_ == "nmod" and d.i > t.i and case_word(d) in ORG_OF_CASES and self.orgs(d, retype=True) for d in t.children):
                owner = self.owner(t, fold_word(c))  # (not "son ancien coach de Y": Y's, read from the complement)
                if owner is not None:
                    return [owner]
        if t.dep_ == "nmod" and fold_word(t.head) in lx.ROLE_NOUNS and case_word(t) in ("de", "d'", "d’"):
            role = t.head  # "son siège de sénateur au Sénat de Y", "ses fonctions de T au sein de Y", and the
            # verb's complement "occupe le poste de T chez Y"
            verb = [role.head] if role.dep_ in ("obj", "dobj") else []
            for c in [*role.children, *(c for v in verb for c in v.children if c.dep_.startswith("obl"))]:
                if c.i > t.i and c.dep_ in ("nmod", "obl", "obl:mod", "obl:arg") and case_word(c) in ORG_OF_CASES:
                    found = self.orgs(c, retype=True if c.head is role else "person") or (  # (the verb's "à Paris": where)
                        self.new_organization(c) if case_word(c) == "chez" else [])
                    if found:
                        return found
        if t.dep_ == "conj" and fold_word(t.head) in lx.TITLE_HEADS:  # the modifier the parser gave the first title
            for c in t.head.children:
                if c.i > t.i and c.dep_ == "nmod" and case_word(c) in ORG_OF_CASES:
                    found = self.orgs(c, retype=True)
                    if found:
                        return found
        if shared:  # "president and chief executive officer of X": coordinated titles share it
            later = [c for c in t.head.children if c.dep_ == "conj" and c.i > t.i and fold_word(c) in lx.TITLE_HEADS] \
                if t.dep_ == "appos" and self.named_person(t.head) else []  # (see _apposed_titles)
            for other in [*t.conjuncts, *later]:
                if fold_word(other) in lx.TITLE_HEADS:
                    found = self.title_orgs(other, shared=False, demonym=False)  # (a demonym is its own title's)
                    if found:
                        return found
        head = t
        while head.dep_ == "conj":
            head = head.head
        if head.dep_ == "pobj" and fold_word(head.head) in _AS:  # "X joined Y as CEO"
            for c in head.head.head.children:
                if c.dep_ in ("dobj", "obj"):
                    return self.orgs(c)
        if head.dep_ in ("obl", "obl:mod") and case_word(head) in _AS and fold_word(head.head) in lx.JOINING_VERBS:
            for c in head.head.children:  # "X a rejoint Y en tant que gardien"
                if c.dep_ in ("dobj", "obj"):
                    return self.orgs(c, retype=True)
        if head.dep_ == "appos" and t.doc.lang_ == "en":  # "X is a businessman, chairman and CEO of Y": the
            for c in head.head.children:  # parser hung "of Y" on the noun the titles are apposed to, after them
                if c.dep_ == "prep" and fold_word(c) in ("of", "at") and c.i > t.i:
                    found = [o for p in c.children if p.dep_ == "pobj" for o in self.orgs(p, retype=True)]
                    if found:
                        return found
        verb = head.head if head.dep_ in ("attr", "xcomp", "pobj") else head
        verb = verb.head if verb.dep_ == "prep" else verb
        if any(fold_word(c) in ("where", "ou") for c in verb.children) and verb.dep_ in ("relcl", "acl:relcl"):
            return self.orgs(verb.head) or self._apposed_org(verb.head)  # "X, where he was CEO"
        return (self.demonym_country(t) or self.coach_demonym(t) or self.org_right_after(t)) if demonym else []

    def english_more(self, prep, pobj) -> list:
        """The organizations coordinated to a title's first one: "at A, B and C" (the parse may list
        them as conjuncts of the first or hang the last one apart), "at A and at B"."""
        more = [o for c in pobj.conjuncts if c.i > pobj.i for o in self.orgs(c)]
        preps = [c for c in prep.conjuncts if c.i > prep.i] + [c for c in prep.head.children if c.dep_ == "conj" and c.i > prep.i]
        more += [o for c in preps if fold_word(c) == fold_word(prep) for p in c.children if p.dep_ == "pobj" for o in self.orgs(p)]
        return [o for o in more if o.kind == "organization"]

    def org_right_after(self, t) -> list:
        """'X a été nommé entraîneur d'Y' when the parser hung 'd'Y' elsewhere: the organization
        whose name starts right after the title and its 'de / du / des' (French)."""
        doc, j = t.doc, t.i + 1
        if t.doc.lang_ != "fr" or j + 1 >= len(doc) or fold_word(doc[j]) not in ("de", "du", "des", "d'", "d’"):
            return []
        j += 1 + (fold_word(doc[j + 1]) in ("la", "l'", "l’") and j + 2 < len(doc))
        m = self.mention(doc[j])
        if m is None or m.start != self.pos(doc[j]) or doc[j].head.i == t.i:
            return []  # (a complement the parser gave the title was read above)
        return self.orgs(doc[j], retype=True)

    def demonym_country(self, t) -> list:
        """'le président ivoirien X', 'la ministre sud-africaine de la Santé X', 'the Kenyan
        president': the country the demonym names, acting, when the article names that country."""
        if fold_word(t) not in GOVERNMENT_TITLES:
            return []  # "un analyste français": a nationality, not a post
        for c in t.children:
            keys = COUNTRY_OF.get(fold_word(c)) if (c.dep_ in ("amod", "compound", "nmod") or c.dep_ == "appos" and c.is_lower) \
                and c.i in (t.i - 1, t.i + 1) else None  # (a lower-case demonym the parser set in apposition)
            if keys:
                named = self.named_country(keys)
                return [named] if named is not None else []
        for w in t.doc[t.i + 2:t.i + 5]:  # "le secrétaire d'État américain": after the title's own complement
            if w.is_punct or self.mention(w) is not None:
                break
            keys = COUNTRY_OF.get(fold_word(w)) if w.is_lower and w.dep_ == "amod" and w.head.i in range(t.i, w.i) \
                and (w.head.i == t.i or (w.head.head.i == t.i and not any(d.dep_ == "det" for d in w.head.children))) \
                else None  # (not "le chef de l'opposition russe": the opposition's)
            if keys:
                named = self.named_country(keys)
                return [named] if named is not None else []
        return []

    def coordinated_complements(self, c, after: int = -1) -> list:
        """'le joueur de A et de B': the organizations of the complement's conjuncts (or of the
        title's, after its first complement) that repeat their own "de"; 'le manager de A et B X',
        whose B the parser made the title's conjunct: a bare organization's name (no article, no
        preposition) shares the first one's "de" (French)."""
        out = []
        for d in c.children:
            if d.dep_ != "conj" or d.i <= max(c.i, after) or fold_word(d) in lx.TITLE_HEADS:
                continue
            if case_word(d) in ("de", "du", "des", "d'", "d’"):
                out += self.orgs(d, retype=True) or self.national_side(d)
            elif after >= 0 and not case_word(d) and self.mention(d, "organization") is not None \
                    and not any(x.dep_ == "det" for x in d.children):
                out += self.orgs(d)
        return [o for o in out if o is not None]

    def described_org(self, c) -> list:
        """'de la banque publique russe X', 'de l'organisation caritative britannique Y': the name
        right after a descriptor noun and its lower-case words, however the parser hung it."""
        word = fold_word(c)
        if word not in lx.ORG_NOUNS and word not in lx.DESCRIPTORS and word not in lx.OUTLET_NOUNS:
            return []
        doc = c.doc
        for w in doc[c.i + 1:c.i + 7]:
            if w.is_punct or w.is_digit or (not w.is_lower and self.mention(w) is None):
                return []
            m = self.mention(w)
            if m is not None:
                return self.orgs(w, retype="person") if m.start == self.pos(w) else []  # ("des assureurs du Sénégal")
        return []

    def deeper_orgs(self, c, depth: int = 2, actors: bool = False) -> list:
        """The organization a title's field leads to: "spécialiste de l'eau à l'Académie X",
        "épidémiologiste de haut niveau de l'université Y" (through at most two nominal modifiers
        that are not names themselves)."""
        if depth == 0 or self.mention(c) is not None:
            return []
        for g in c.children:
            if g.i > c.i and g.dep_ == "nmod" and case_word(g) in ORG_OF_CASES:
                found = self.orgs(g, actors=actors) or self.deeper_orgs(g, depth - 1, actors)
                if found:
                    return found
        return []

def _bare_title(t) -> bool:
    """'le président', 'l'ancien Premier ministre', 'le ministre de la Santé': nothing says whose
    (no demonym or other adjective, no complement but a minister's field)."""
    after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if after is not None and fold_word(after) in COUNTRY_OF:
        return False  # "l'ancien président nigérian" however parsed
    name = min((c.i for c in t.children if c.i > t.i and _is_name(c)), default=len(t.doc))
    for c in t.children:
        if c.dep_ == "amod" and fold_word(c) not in _PLAIN_ADJECTIVES and c.i < name:
            return False  # "le premier ministre bavarois" (not "le président X, autocratique": X's)
        if c.dep_ in ("nmod", "obl", "obl:mod") and c.i > t.i and case_word(c) and not says_when(c) and not (
                fold_word(t) in _PORTFOLIO_TITLES and fold_word(c) in lx.PORTFOLIOS):
            return False  # "le président de l'instance", but "le ministre de la Santé", "le président de l'époque"
    return True



def title_text(t) -> str:
    """The title around its head word: modifiers before ('chief financial officer') and
    adjectives after ('directrice générale adjointe'; not a preposition the parser took for one:
    'l'ambassadeur éthiopien auprès de Y')."""
    left = t.i
    for c in sorted(t.children, key=lambda c: -c.i):
        if c.i == left - 1 and c.dep_ in ("amod", "compound", "nmod") and not _is_name(c):
            left = c.i
    right = t.i
    for c in sorted(t.children, key=lambda c: c.i):
        if c.i == right + 1 and c.dep_ in ("amod",) and not _is_name(c) and fold_word(c) not in ORG_OF_CASES | {"aupres"}:
            right = c.i
    doc = t.doc
    return re.sub(r"\s+", " ", doc[left:right + 1].text).strip()


def _is_name(token) -> bool:
    return token.ent_type_ in ("PERSON", "PER", "ORG", "GPE", "LOC", "NORP", "FAC")
