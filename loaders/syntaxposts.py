"""Posts and membership read from the dependency parse: title nouns and their organization,
whatever the preposition, with the person they name (apposition, copula, "became / a été nommé",
second subject, relative clause). The verbs of posts (joining, working, leading) are in
:mod:`.verbposts`. Mixed into :class:`innograph.loaders.syntax.SyntaxReader`."""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.cues import _case, _f, _unique, field_not_org, subjects_of
from innograph.loaders.demonyms import COUNTRY_OF, GOVERNMENT_TITLES
from innograph.loaders.mentions import words_key

_OWNER_POSSESSIVES = frozenset("its their leur leurs son sa ses".split())
_ORG_OF_CASES = frozenset("de du des d' d’ a au aux chez pour aupres of at for with within".split())
_AS = frozenset(("as", "comme", "en tant que"))
_OF_WORDS = frozenset("de du des d' d’ la le l' l’".split())
_HELM = frozenset("tete helm".split())  # "prend la tête de X", "takes the helm of X": heads X
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
_FOR_CASES = frozenset("pour for".split())
_AT_CASES = frozenset("a au aux".split())
#: Verbs whose object title is their subject's ("X est devenu directeur", "X named CEO"), unlike
#: "X a accusé le dirigeant Y de...".
_BECOMING = frozenset("devenir devient devenu devenue rester reste demeurer nommer nomme nommee elire elu elue designer "
                      "designe designee become became becomes remain remained name named appoint appointed elect "
                      "elected serve served serves occuper occupe assurer assure exercer exerce".split())
#: Nouns that stand for a post: "le poste de directeur", "ses fonctions de président", "son rôle d'ambassadeur".
_ROLE_NOUNS = frozenset("poste postes fonction fonctions role mandat carriere".split())
#: Verbs (folded stems) of holding, taking or being named to a post ("occupe", "exercer", "nommé").
_HOLDING = re.compile(r"(?:occup|exer[cç]|assum|conserv|gard|commenc|entam|poursui|reprend|repris|nomm|elu|elue|design|"
                      r"install|confirm|accede)")
_DETERMINERS = frozenset("le la les l' l’ un une des son sa ses leur leurs".split())
#: Dependencies of a clause's words: a name found through them is no apposition of a title.
_CLAUSE_DEPS = frozenset("acl acl:relcl relcl advcl ccomp xcomp obj dobj nsubj nsubj:pass nsubjpass cop aux aux:pass "
                         "aux:tense mark obl obl:arg obl:mod obl:agent".split())
_VERB_DEPS = frozenset("aux aux:tense aux:pass nsubj nsubj:pass obj dobj iobj expl:pv".split())
#: A title's complement that says when, not whose ("le président de l'époque").
_TIME_NOUNS = frozenset("epoque temps moment".split())
_PORTFOLIO_TITLES = frozenset("ministre ministres minister ministers commissaire commissaires commissioner".split())


class PostsMixin:
    # -- posts and membership ------------------------------------------------------------------
    def title(self, t) -> None:
        if self.mention(t) is not None:
            return  # a word of a name ("Project Executive Group")
        member = _f(t) in lx.MEMBER_NOUNS
        if t.dep_ == "compound" and not member:
            return  # "CEO Jane Doe": read from the name's side below
        if _f(t) in lx.VERB_LIKE_TITLES and any(c.dep_ in _VERB_DEPS for c in t.children):
            return  # "X a envoyé une lettre à Y": a verb
        qualifiers = lx.QUALIFIED_HEADS.get(_f(t))
        qualifier = next((c for c in t.children if _f(c) in qualifiers and c.i <= t.i + 2), None) if qualifiers else None
        if qualifiers and qualifier is None:
            return  # "au milieu de la salle" (not "le milieu de terrain")
        if any(_f(c) in ("annee", "year", "saison", "season") for c in t.children if c.dep_ in ("nmod", "prep")) \
                or [_f(w) for w in t.doc[t.i + 1:t.i + 4]] in (["de", "l'", "annee"], ["de", "l’", "annee"], ["of", "the", "year"]):
            return  # "manager de l'année de la X", "player of the year": an award, not a post (however parsed)
        state = self.state_head(t)  # "le chef de l'État (ivoirien) X"
        orgs, guessed = state if state is not None else (self.title_orgs(t), False)
        if state is None and not orgs and _f(t) in _HEAD_OF_STATE and t.doc.lang_ == "fr" and _bare_title(t):
            orgs = self.sentence_country(t)  # "le président X", "le Premier ministre Y": of the country
            guessed = True
        if member:
            orgs = self.member_groups(t, orgs)
        if not orgs:
            return
        persons = self.title_people(t) or ([] if guessed else self.chained(t))  # (no chain to a guessed country)
        if not persons:
            return
        title = "head" if _f(t) in _HELM else t.doc[t.i:qualifier.i + 1].text if qualifier is not None else _title_text(t)
        former = any(_f(c) in _FORMER for c in t.children) or _f(t).startswith("ex-")
        founder = _f(t) in lx.FOUNDER_HEADS or any(w in fold_same_length(title) for w in lx.FOUNDER_TITLES)
        for person in persons:
            for org in orgs:
                if words_key(org.label) == words_key(person.label):
                    continue  # the same name typed twice
                if member:
                    self.add("member_of", person, org, t)
                elif founder:
                    self.add("created_by", org, person, t)
                else:
                    self.add("holds_post", person, org, t, title=title, current=not former)
                    if guessed:
                        self.guessed.append((person, org, self.guess_rank(t, org)))
                    else:
                        self.stated.add((id(person), id(org)))

    def member_groups(self, t, orgs) -> list:
        """A member belongs to the body the noun's own complement names ('membre de l'Alliance X'),
        not to one a further complement names ('membre du comité d'éthique de X' is the committee's)."""
        direct = {words_key(o.label) for c in t.children if c.dep_ in ("nmod", "obl", "obl:mod", "obl:arg", "prep")
                  for o in self.orgs(c, retype=True, actors=True)
                  + [o for p in c.children if c.dep_ == "prep" and p.dep_ == "pobj" for o in self.orgs(p, retype=True)]}
        return [o for o in orgs if words_key(o.label) in direct]

    def title_orgs(self, t, *, shared=True, demonym=True) -> list:
        conj = [c.i for c in t.children if c.dep_ == "conj" and _f(c) in lx.TITLE_HEADS]
        # "rédactrice en chef de la BBC pour l'Europe": "pour" / "for" only when nothing else names one
        for c in sorted(t.children, key=lambda c: _case(c) in _FOR_CASES or _f(c) in _FOR_CASES):
            if conj and c.i > min(conj):
                continue  # "présidente de X et fondatrice de Y": Y is the second title's
            if c.dep_ in ("nmod", "obl", "obl:mod", "obl:arg") and _case(c) in _ORG_OF_CASES:
                if _f(c) in ("pays", "country") and all(x.dep_ in ("case", "det", "punct") for x in c.children):
                    found = self.sentence_country(t)  # "le président du pays": the country of the sentence or article
                elif _f(c) in ("gouvernement", "government") and t.doc.lang_ == "fr":
                    found = self.government_country(t, c)  # "le porte-parole du gouvernement (togolais)"
                elif _f(t) in _PORTFOLIO_TITLES:  # "ministre de la Santé (du Ghana)": a field, then maybe a country
                    found = self.orgs(c, retype=True)
                    fields = [o for o in found if fold_same_length(o.label.split()[0]) in lx.PORTFOLIOS]
                    found = [o for o in found if o not in fields] or self.deeper_orgs(c, actors=True)
                    found = found or [self.country(m.group(1)) for o in fields for m in [_FIELD_OF.match(o.label)]
                                      if m and fold_same_length(m.group(1)).replace("-", " ") in lx.COUNTRIES]
                elif _case(c) in _AT_CASES and (any(self.mention(w, "person") for w in t.doc[t.i + 1:c.i])
                                                or t.doc[c.left_edge.i - 1].text == ","):
                    continue  # "a déclaré le psychologue X à la radio Y", "indique X, T de Z, à la radio Y": Y heard X
                elif _case(c) in _FOR_CASES:  # "directrice pour l'Afrique": a territory stays one
                    found = self.orgs(c, retype="person") or self.deeper_orgs(c)
                elif _case(c) in _AT_CASES:  # "professeur à Bath" may name its university, "journaliste au Mali" not
                    found = [o for o in self.orgs(c, retype=True) if words_key(o.label) not in lx.COUNTRIES] \
                        or self.deeper_orgs(c) or self.described_org(c)
                else:
                    found = self.orgs(c, retype=True) or self.national_side(c) or self.described_org(c) \
                        or self.new_organization(c) or self.deeper_orgs(c)
                    found = found and found + self.coordinated_complements(c) + self.coordinated_complements(t, c.i)
                found = [o for o in found if not field_not_org(t.text, o)]  # (an expert's country: look on)
                if found:
                    return found
            if c.dep_ == "prep" and (_f(c) in _ORG_OF_CASES or (_f(c) == "in" and _f(t) not in ("leader", "leaders"))):
                for o in c.children:
                    if o.dep_ == "pobj":
                        found = self.orgs(o, retype=_f(c) != "in") or (self.new_organization(o) if _f(c) != "in" else [])
                        if found:
                            return found
            if c.dep_ in ("poss", "compound") and self.mention(c, "organization"):
                return [self.mention(c).entity]
            if c.dep_ in ("poss", "det") and _f(c) in _OWNER_POSSESSIVES and not any(
                    d.dep_ == "nmod" and d.i > t.i and _case(d) in _ORG_OF_CASES and self.orgs(d, retype=True) for d in t.children):
                owner = self.owner(t, _f(c))  # (not "son ancien coach de Y": Y's, read from the complement)
                if owner is not None:
                    return [owner]
        if t.dep_ == "conj" and _f(t.head) in lx.TITLE_HEADS:  # the modifier the parser gave the first title
            for c in t.head.children:
                if c.i > t.i and c.dep_ == "nmod" and _case(c) in _ORG_OF_CASES:
                    found = self.orgs(c, retype=True)
                    if found:
                        return found
        if shared:  # "president and chief executive officer of X": coordinated titles share it
            later = [c for c in t.head.children if c.dep_ == "conj" and c.i > t.i and _f(c) in lx.TITLE_HEADS] \
                if t.dep_ == "appos" and self.named_person(t.head) else []  # (see _apposed_titles)
            for other in [*t.conjuncts, *later]:
                if _f(other) in lx.TITLE_HEADS:
                    found = self.title_orgs(other, shared=False, demonym=False)  # (a demonym is its own title's)
                    if found:
                        return found
        head = t
        while head.dep_ == "conj":
            head = head.head
        if head.dep_ == "pobj" and _f(head.head) in _AS:  # "X joined Y as CEO"
            for c in head.head.head.children:
                if c.dep_ in ("dobj", "obj"):
                    return self.orgs(c)
        if head.dep_ in ("obl", "obl:mod") and _case(head) in _AS and _f(head.head) in lx.JOINING_VERBS:
            for c in head.head.children:  # "X a rejoint Y en tant que gardien"
                if c.dep_ in ("dobj", "obj"):
                    return self.orgs(c, retype=True)
        verb = head.head if head.dep_ in ("attr", "xcomp", "pobj") else head
        verb = verb.head if verb.dep_ == "prep" else verb
        if any(_f(c) in ("where", "ou") for c in verb.children) and verb.dep_ in ("relcl", "acl:relcl"):
            return self.orgs(verb.head) or self._apposed_org(verb.head)  # "X, where he was CEO"
        return (self.demonym_country(t) or self.coach_demonym(t) or self.org_right_after(t)) if demonym else []

    def org_right_after(self, t) -> list:
        """'X a été nommé entraîneur d'Y' when the parser hung 'd'Y' elsewhere: the organization
        whose name starts right after the title and its 'de / du / des' (French)."""
        doc, j = t.doc, t.i + 1
        if t.doc.lang_ != "fr" or j + 1 >= len(doc) or _f(doc[j]) not in ("de", "du", "des", "d'", "d’"):
            return []
        j += 1 + (_f(doc[j + 1]) in ("la", "l'", "l’") and j + 2 < len(doc))
        m = self.mention(doc[j])
        if m is None or m.start != self.pos(doc[j]) or doc[j].head.i == t.i:
            return []  # (a complement the parser gave the title was read above)
        return self.orgs(doc[j], retype=True)

    def demonym_country(self, t) -> list:
        """'le président ivoirien X', 'la ministre sud-africaine de la Santé X', 'the Kenyan
        president': the country the demonym names, acting, when the article names that country."""
        if _f(t) not in GOVERNMENT_TITLES:
            return []  # "un analyste français": a nationality, not a post
        for c in t.children:
            keys = COUNTRY_OF.get(_f(c)) if c.dep_ in ("amod", "compound", "nmod") and c.i in (t.i - 1, t.i + 1) else None
            if keys:
                named = self.named_country(keys)
                return [named] if named is not None else []
        for w in t.doc[t.i + 2:t.i + 5]:  # "le secrétaire d'État américain": after the title's own complement
            if w.is_punct or self.mention(w) is not None:
                break
            keys = COUNTRY_OF.get(_f(w)) if w.is_lower and w.dep_ == "amod" and w.head.i in range(t.i, w.i) \
                and (w.head.i == t.i or (w.head.head.i == t.i and not any(d.dep_ == "det" for d in w.head.children))) \
                else None  # (not "le chef de l'opposition russe": the opposition's)
            if keys:
                named = self.named_country(keys)
                return [named] if named is not None else []
        return []

    def coordinated_complements(self, c, after: int = -1) -> list:
        """'le joueur de A et de B': the organizations of the complement's conjuncts (or of the
        title's, after its first complement) that repeat their own "de" (French; not "de A et B",
        whose B the parser may hang anywhere)."""
        out = []
        for d in c.children:
            if d.dep_ == "conj" and d.i > max(c.i, after) and _case(d) in ("de", "du", "des", "d'", "d’") \
                    and _f(d) not in lx.TITLE_HEADS:
                out += self.orgs(d, retype=True) or self.national_side(d)
        return [o for o in out if o is not None]

    def described_org(self, c) -> list:
        """'de la banque publique russe X', 'de l'organisation caritative britannique Y': the name
        right after a descriptor noun and its lower-case words, however the parser hung it."""
        word = _f(c)
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
            if g.i > c.i and g.dep_ == "nmod" and _case(g) in _ORG_OF_CASES:
                found = self.orgs(g, actors=actors) or self.deeper_orgs(g, depth - 1, actors)
                if found:
                    return found
        return []

    def title_people(self, t) -> list:
        listed = self.listed_after(t)
        if listed:
            return listed
        head = t
        while head.dep_ == "conj" and (_f(head.head) in lx.TITLE_HEADS or _f(head.head) in lx.MEMBER_NOUNS):
            head = head.head  # "président de X et fondateur de Y" share the person of the first
        for c in t.children:  # "le directeur de Y, X" / "ses co-fondateurs A et B" / "CEO Jane Doe"
            if c.i > t.i and self.mention(c, "person") and (c.dep_ in ("appos", "flat:name") or (
                    c.dep_ == "nmod" and t.doc.lang_ == "fr" and not _case(c))):
                more = [p for d in t.children if d.dep_ == "conj" and d.i > c.i and _f(t).endswith("s")
                        and self.mention(d, "person") for p in self.people(d)] + self.names_listed_on(t, c)
                return _unique(self.people(c) + more)  # "les anciens présidents A et B": the parser hangs B on the title
        if head.dep_ == "conj" and self.named_person(head.head) and _apposed_titles(head.head, before=head.i):
            return self.people(head.head)  # "X, cofondateur et directeur de Y": the parser made the second a conjunct of X
        if head.dep_ == "conj" and head.head.dep_ == "appos" and self.named_person(head.head.head):
            return self.people(head.head.head)  # "X, héritier et dirigeant de Y": a title coordinated to an apposition
        if (head.dep_ in ("appos", "dep") or (head.dep_ == "nmod" and not _case(head))) and self.named_person(head.head):
            # "X, directeur de Y" ("Selon X, le président de Y, Z, a ...": Z's, apposed after)
            later = [c for c in head.head.children if c.dep_ == "appos" and c.i > head.i and self.named_person(c)]
            return self.people(later[0] if later and _case(head.head) == "selon" else head.head)
        if head.dep_ == "compound" and self.named_person(head.head):
            return self.people(head.head)
        for sib in head.head.children:  # "Le président de X, Y, a dit": the parser made Y a second subject
            if sib.i > head.i and sib.dep_ == head.dep_ and head.dep_ != "ROOT" and self.named_person(sib) \
                    and sib.left_edge.i > 0 and sib.doc[sib.left_edge.i - 1].text == ",":
                return self.people(sib)
        left = head.left_edge.i + (head.left_edge.text == "," and head.left_edge.i < head.i)  # (its own comma)
        if left >= 2 and t.doc[left - 1].text == "," and self.mention(t.doc[left - 2], "person") \
                and (head.dep_ != "conj" or not any(c.dep_ == "cc" for c in head.children)) \
                and _f(t.doc[left]) not in ("et", "ou", "ni"):  # (not "X, et le gouverneur de Y": a list)
            # "X, un épidémiologiste de Y," the parser did not attach (or made a conjunct of X, with no "et")
            after = self.name_after_title(t) if t.doc.lang_ == "fr" else []
            if after:
                return after  # "A, le dirigeant de Y B": the name right after the title holds it
            own = [w.i for c in head.children if c.dep_ not in ("conj", "cc") for w in c.subtree]
            end = max([head.i, *own]) + 1  # (a conjunct title hung on it is the list's next item)
            if end < len(t.doc) and _f(t.doc[end]) in ("et", "ou", "ni"):
                return []  # "le procureur A, le président de Y et le procureur B": a list of people
            name = t.doc[left - 2]
            while name.dep_ in ("flat:name", "flat") and name.head.i < name.i:
                name = name.head
            cases = {_case(name), _case(name.head if name.head.i == name.i - 1 else name)}
            if cases <= {"", "selon"} or (cases <= {"", "de", "d'", "d’"} and not head.dep_.startswith("nsubj")):
                # (not "adressée à M. X, le président de Y"; "Selon X, T de Y" is X's; "les idées de X, T de Y"
                # too, unless the title goes on as a clause's subject: "au sujet de X, le président de Y a dit")
                return self.people(name)
        if head.dep_ == "nmod" and _case(head) in ("de", "d'", "d’") and _f(head.head) in _ROLE_NOUNS:
            return self.role_holder(head.head)  # "X a occupé le poste de vice-président", "exercer ses fonctions de T"
        subjects = subjects_of(head)
        if not subjects and head.dep_ == "conj" and any(c.dep_ == "cop" for c in head.head.children):
            # "X est un avocat et maire de Y": the title shares the copula's subject
            subjects = subjects_of(head.head)
        if subjects:  # "X est directeur de Y": a title noun with a subject is its predicate
            return self.people(subjects[0])
        verb = None
        if head.dep_ in ("attr", "xcomp", "oprd", "acomp") or (head.dep_ in ("obj", "dobj") and (
                _f(head.head) in _BECOMING or head.head.lemma_.lower() in _BECOMING)):
            verb = head.head  # "X became CEO of Y", "X a été nommé directeur de Y"
        elif head.dep_ in ("pobj", "obl", "obl:mod", "nmod") and (_f(head.head) in _AS or _case(head) in _AS):
            verb = head.head.head if head.dep_ == "pobj" else head.head  # "X serves as CEO of Y"
            if head.dep_ == "nmod" and verb.dep_ in ("obj", "dobj"):
                verb = verb.head  # "X a vécu une saison pénible en tant qu'entraîneur de Y"
        if verb is not None:
            for c in subjects_of(verb):
                found = self.people(c)
                if found:
                    return found
            if verb.dep_ in ("relcl", "acl:relcl", "acl") and self.named_person(verb.head):
                return self.people(verb.head)  # "X, who became CEO of Y"
        return self.name_after_title(t) if t.doc.lang_ == "fr" and verb is None else []

    def listed_after(self, t) -> list:
        """'des managers de Y comme A, B et C', 'les entraîneurs de Y, notamment A': the people a
        plural title lists right after its own words (French)."""
        doc, k = t.doc, t.i + 1
        if doc.lang_ != "fr" or not _f(t).endswith(("s", "x")):
            return []
        while k < min(len(doc), t.i + 12) and (_f(doc[k]) in _OF_WORDS or self.mention(doc[k], "organization", "place")):
            k += 1  # the title's own complement: "de Y"
        k += k < len(doc) and doc[k].text == ","
        if k + 1 >= len(doc) or _f(doc[k]) not in ("comme", "notamment"):
            return []
        out, j = [], k + 1
        while j < len(doc):  # "A, B, Sir C et D": the names in a row, however the parser hung them
            m = self.mention(doc[j], "person")
            if m is not None:
                out.append(m.entity)
                while j < len(doc) and self.mention(doc[j]) is m:
                    j += 1
            elif doc[j].text in (",", "et") or _f(doc[j]).rstrip(".") in lx.HONORIFICS:
                j += 1
            else:
                break
        return _unique(out)

    def names_listed_on(self, t, first) -> list:
        """'les anciens présidents A (1990-1995) et B (1995-2000)': the names a plural title's
        first apposed name goes on to, each maybe followed by a bracket, however the parser hung
        them (French)."""
        doc = t.doc
        if doc.lang_ != "fr" or not _f(t).endswith(("s", "x")):
            return []
        out, j, m = [], first.i, self.mention(first, "person")
        while m is not None:
            while j < len(doc) and self.mention(doc[j]) is m:
                j += 1
            if j < len(doc) and doc[j].text == "(":
                j = next((k + 1 for k in range(j, min(len(doc), j + 8)) if doc[k].text == ")"), len(doc))
            if j + 1 >= len(doc) or doc[j].text not in (",", "et"):
                break
            m = self.mention(doc[j + 1], "person")
            if m is not None and m.start == self.pos(doc[j + 1]):
                out.append(m.entity)
                j += 1
            else:
                m = None
        return out

    def role_holder(self, role) -> list:
        """Who holds the post a role noun names: the subject of the verb of holding, taking or
        being named to it ("X a occupé le poste de T", "X gardera ses fonctions de
        T", "X a été nommé au poste de T"), through one infinitive ("continuera d'exercer")."""
        verb = role.head if role.dep_ in ("obj", "dobj", "obl", "obl:arg", "obl:mod") else None
        if verb is None or not _HOLDING.match(_f(verb)):
            return []
        for _ in range(2):
            subjects = subjects_of(verb)
            if subjects:
                return self.people(subjects[0])
            if verb.dep_ != "xcomp":
                return []
            verb = verb.head
        return []

    def name_after_title(self, t) -> list:
        """'Le président kenyan X a demandé', 'du patron de Y, X.': the name right after the
        title's own words (then at most a comma, an article and an honorific), when the parser hung
        it elsewhere. Not a name coordinated to the title, nor one that goes on as a new clause's
        subject after a comma ("Après le départ du directeur de Y, X a dit")."""
        doc, j = t.doc, t.i + 1
        while j < len(doc) and j - t.i <= 12 and t.is_ancestor(doc[j]) and doc[j].text != "," \
                and self.mention(doc[j], "person") is None:
            if doc[j].dep_ in _CLAUSE_DEPS:
                return []  # "le directeur qui a nommé X"
            if _f(doc[j]) in ("et", "ou", "ni") and j + 1 < len(doc) and _f(doc[j + 1]) in _DETERMINERS \
                    and doc[j + 1].dep_ != "case":  # ("ministre des Mines et des Transports, X": "des" is "de les")
                return []  # "le président de Y et le procureur de Z, X": a list ("de A et B X" goes on)
            j += 1
        comma = j < len(doc) and doc[j].text == ","
        j += comma
        for _ in range(3):  # ", le professeur X", ", M. X" (not "Sir" when the name starts there)
            if j < len(doc) and self.mention(doc[j], "person") is None and (
                    _f(doc[j]) in ("le", "la", "l'", "l’") or _f(doc[j]).rstrip(".") in lx.HONORIFICS):
                j += 1
        m = self.mention(doc[j], "person") if j < len(doc) else None
        if m is None or m.start != self.pos(doc[j]) or _case(doc[j]) or _f(doc[j - 1]) in ("et", "ou", "ni") \
                or (doc[j].dep_ == "conj" and doc[j].head.i == t.i and not comma) or (t.is_ancestor(doc[j]) and doc[j].dep_ in _CLAUSE_DEPS):
            return []
        if comma:
            end = next((k for k in range(j, min(len(doc), j + 8)) if self.mention(doc[k]) is not m), None)
            if end is not None and doc[end].text not in (",", ".", ";", ":", ")", "(", "»", "-", "–"):
                return []  # the name opens a clause: "..., X a déclaré"
        return [m.entity]


def _apposed_titles(name, before: int) -> list:
    """The title nouns apposed to a name before token `before` ("X, cofondateur et directeur de Y")."""
    return [c for c in name.children if c.dep_ == "appos" and c.i < before and _f(c) in lx.TITLE_HEADS]


def _bare_title(t) -> bool:
    """'le président', 'l'ancien Premier ministre', 'le ministre de la Santé': nothing says whose
    (no demonym or other adjective, no complement but a minister's field)."""
    after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if after is not None and _f(after) in COUNTRY_OF:
        return False  # "l'ancien président nigérian" however parsed
    name = min((c.i for c in t.children if c.i > t.i and _is_name(c)), default=len(t.doc))
    for c in t.children:
        if c.dep_ == "amod" and _f(c) not in _PLAIN_ADJECTIVES and c.i < name:
            return False  # "le premier ministre bavarois" (not "le président X, autocratique": X's)
        if c.dep_ in ("nmod", "obl", "obl:mod") and c.i > t.i and _case(c) and _f(c) not in _TIME_NOUNS and not (
                _f(t) in _PORTFOLIO_TITLES and _f(c) in lx.PORTFOLIOS):
            return False  # "le président de l'instance", but "le ministre de la Santé", "le président de l'époque"
    return True


def _title_text(t) -> str:
    """The title around its head word: modifiers before ('chief financial officer') and
    adjectives after ('directrice générale adjointe')."""
    left = t.i
    for c in sorted(t.children, key=lambda c: -c.i):
        if c.i == left - 1 and c.dep_ in ("amod", "compound", "nmod") and not _is_name(c):
            left = c.i
    right = t.i
    for c in sorted(t.children, key=lambda c: c.i):
        if c.i == right + 1 and c.dep_ in ("amod",) and not _is_name(c):
            right = c.i
    doc = t.doc
    return re.sub(r"\s+", " ", doc[left:right + 1].text).strip()


def _is_name(token) -> bool:
    return token.ent_type_ in ("PERSON", "PER", "ORG", "GPE", "LOC", "NORP", "FAC")
