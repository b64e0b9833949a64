"""Who holds a title noun, read from the dependency parse: the name apposed to it or listed after
it, the subject of its copula or of "became / a été nommé / serves as", the holder of "le poste de
T", the name right after the title when the parser hung it elsewhere. The title's organizations
are read in :mod:`.syntaxposts`, whose mixin this one is the base of."""

from __future__ import annotations

import re

from innograph.loaders import lexicon as lx
from innograph.loaders.cues import PLURAL_DETERMINERS, case_word, fold_word, unique_items, subjects_of, unreal

_AS = frozenset(("as", "comme", "en tant que"))
_OF_WORDS = frozenset("de du des d' d’ la le l' l’".split())
#: Verbs whose object title is their subject's ("X est devenu directeur", "X named CEO"), unlike
#: "X a accusé le dirigeant Y de...".
_BECOMING = frozenset("devenir devient devenu devenue rester reste demeurer nommer nomme nommee elire elu elue designer "
                      "designe designee become became becomes remain remained name named appoint appointed elect "
                      "elected serve served serves occuper occupe assurer assure exercer exerce".split())
#: The helm: "X prend la tête de Y", "X takes the helm of Y" heads Y.
#: The helm and the nouns of heading ("X a pris la direction de Y", "X assure la présidence de Y"), with
#: the title each gives.
HELM_NOUNS = {"tete": "head", "helm": "head", "direction": "directeur", "presidence": "président"}
#: Verbs (folded stems) of holding, taking, being named to or leaving a post ("occupe", "exercer",
#: "nommé", "a démissionné de son poste": one held it).
_HOLDING = re.compile(r"(?:occup|exer[cç]|assum|assur|conserv|gard|commenc|entam|poursui|reprend|repris|prend|pris|nomm|elu|elue|design|"
                      r"install|confirm|accede|demission|quitt|abandonn)")
#: Possessives a role noun's holder is named by ("son poste", "ses fonctions").
_POSSESSIVES = frozenset("son sa ses his her".split())
#: Words that end a second title's own words before a name (a complement, a list, a clause).
_NOT_TITLE_WORDS = frozenset("de du des d' d’ et ou ni qui que a au aux en dans pour".split())
_DETERMINERS = frozenset("le la les l' l’ un une des son sa ses leur leurs".split())
#: Dependencies of a clause's words: a name found through them is no apposition of a title.
_CLAUSE_DEPS = frozenset("acl acl:relcl relcl advcl ccomp xcomp obj dobj nsubj nsubj:pass nsubjpass cop aux aux:pass "
                         "aux:tense mark obl obl:arg obl:mod obl:agent".split())


#: Words a title opening a sentence may come after ("Ancien directeur de Y, X ...").
_FRONT_MODIFIERS = frozenset("ancien ancienne nouveau nouvel nouvelle actuel actuelle ex former new current longtime".split())


def _apposed_list_opening(t) -> bool:
    """A plural title that may have its holders set off after it by a comma alone: determined ("les",
    "ses", "ces", a number...), behind no preposition ("Pour les dirigeants de Y, A est ..."
    says what they think)."""
    return not case_word(t) and any(c.dep_ in ("det", "nummod") and (fold_word(c) in PLURAL_DETERMINERS or c.like_num)
                                     for c in t.children)


def _verb_word(w) -> bool:
    """A clause's verb or its auxiliary (the parse has no part-of-speech tags here)."""
    return w.dep_ in ("ROOT", "aux", "aux:tense", "aux:pass", "cop") or any(c.dep_.startswith("nsubj") for c in w.children)


class HoldersMixin:
    """The people a title noun names (:meth:`title_people`), for :class:`.syntaxposts.PostsMixin`."""

    def title_people(self, t) -> list:
        if fold_word(t) in HELM_NOUNS and (held := self.role_holder(t)):
            return held  # "X a pris / assure / a quitté la direction de Y"
        listed = self.listed_after(t)
        if listed:
            return listed
        head = t
        while head.dep_ == "conj" and (fold_word(head.head) in lx.TITLE_HEADS or fold_word(head.head) in lx.MEMBER_NOUNS):
            head = head.head  # "président de X et fondateur de Y" share the person of the first
        if head.dep_ == "nmod" and case_word(head) in ("des", "de", "d'", "d’") and fold_word(head.head) in ("un", "une") \
                and head.head.i < head.i:
            head = head.head  # "X, l'un des dirigeants de Y": the one stands where the title would
        for c in t.children:  # "le directeur de Y, X" / "ses co-fondateurs A et B" / "CEO Jane Doe"
            if c.i > t.i and self.mention(c, "person") and (c.dep_ in ("appos", "flat:name") or (
                    c.dep_ == "nmod" and t.doc.lang_ == "fr" and not case_word(c))):
                more = [p for d in t.children if d.dep_ == "conj" and d.i > c.i and fold_word(t).endswith("s")
                        and self.mention(d, "person") for p in self.people(d)] + self.names_listed_on(t, c)
                return unique_items(self.people(c) + more)  # "les anciens présidents A et B": the parser hangs B on the title
        if head.dep_ == "conj" and self.named_person(head.head) and _apposed_titles(head.head, before=head.i):
            return self.people(head.head)  # "X, cofondateur et directeur de Y": the parser made the second a conjunct of X
        if head.dep_ == "conj" and head.head.dep_ == "appos" and self.named_person(head.head.head):
            return self.people(head.head.head)  # "X, héritier et dirigeant de Y": a title coordinated to an apposition
        if (head.dep_ in ("appos", "dep") or (head.dep_ == "nmod" and not case_word(head))) and self.named_person(head.head):
            # "X, directeur de Y" ("Selon X, le président de Y, Z, a ...": Z's, apposed after)
            later = [c for c in head.head.children if c.dep_ == "appos" and c.i > head.i and self.named_person(c)]
            holder = head.head
            while fold_word(t).endswith(("s", "x")) and holder.dep_ == "conj" and self.named_person(holder.head):
                holder = holder.head  # "A et B, cofondateurs de Y": a plural title apposed to the list's last name
            return self.people(later[0] if later and case_word(head.head) == "selon" else holder)
        if head.dep_ == "compound" and self.named_person(head.head):
            return self.people(head.head)
        if head.dep_ in ("nmod", "compound") and not case_word(head) and head.head.i < head.i \
                and fold_word(head.head) in lx.TITLE_HEADS and self.mention(head.head) is None:
            return self.title_people(head.head)  # "X, ancien ministre et président-directeur de Y": one title split in two
        for sib in head.head.children:  # "Le président de X, Y, a dit": the parser made Y a second subject
            if sib.i > head.i and sib.dep_ == head.dep_ and head.dep_ != "ROOT" and self.named_person(sib) \
                    and sib.left_edge.i > 0 and sib.doc[sib.left_edge.i - 1].text == ",":
                return self.people(sib)
        left = head.left_edge.i + (head.left_edge.text == "," and head.left_edge.i < head.i)  # (its own comma)
        if left >= 2 and t.doc[left - 1].text == "," and self.mention(t.doc[left - 2], "person") \
                and (head.dep_ != "conj" or not any(c.dep_ == "cc" for c in head.children)) \
                and fold_word(t.doc[left]) not in ("et", "ou", "ni"):  # (not "X, et le gouverneur de Y": a list)
            # "X, un épidémiologiste de Y," the parser did not attach (or made a conjunct of X, with no "et")
            after = self.name_after_title(t) if t.doc.lang_ == "fr" else []
            if after:
                return after  # "A, le dirigeant de Y B": the name right after the title holds it
            own = [w.i for c in head.children if c.dep_ not in ("conj", "cc") for w in c.subtree]
            end = max([head.i, *own]) + 1  # (a conjunct title hung on it is the list's next item)
            if end < len(t.doc) and fold_word(t.doc[end]) in ("et", "ou", "ni"):
                return []  # "le procureur A, le président de Y et le procureur B": a list of people
            name = t.doc[left - 2]
            while name.dep_ in ("flat:name", "flat") and name.head.i < name.i:
                name = name.head
            if name.dep_ == "appos" and fold_word(name.head) in lx.TITLE_HEADS and name.head.i < name.i \
                    and t.doc[name.i - 1].text != "," and fold_word(t.doc[left]) in ("le", "la", "l'", "l’"):
                return []  # "le président de A X, le dirigeant de B ...": a list of titled people
                # (not "l'ambassadeur X, envoyé de B": a bare title describes X)
            cases = {case_word(name), case_word(name.head if name.head.i == name.i - 1 else name)}
            if "selon" in cases and head.dep_.startswith("nsubj") and end < len(t.doc) and t.doc[end].text not in (",", ")", "("):
                return []  # "Selon X, une analyste de Y a démissionné": the title runs on as the clause's subject
            if cases <= {"", "selon"} or (cases <= {"", "de", "d'", "d’"} and not head.dep_.startswith("nsubj")):
                # (not "adressée à M. X, le président de Y"; "Selon X, T de Y" is X's; "les idées de X, T de Y"
                # too, unless the title goes on as a clause's subject: "au sujet de X, le président de Y a dit")
                return self.people(name)
        if head.dep_ == "nmod" and case_word(head) in ("de", "d'", "d’") and fold_word(head.head) in lx.ROLE_NOUNS:
            return self.role_holder(head.head)  # "X a occupé le poste de trésorier", "exercer ses fonctions de T"
        subjects = subjects_of(head)
        if not subjects and head.dep_ == "conj" and any(c.dep_ == "cop" for c in head.head.children):
            # "X est un avocat et maire de Y": the title shares the copula's subject
            subjects = subjects_of(head.head)
        if not subjects and head.dep_ == "conj" and head.head.dep_ in ("attr", "oprd"):
            # "X is a British businessman and the founder of Y": the English copula's complement
            subjects = subjects_of(head.head.head)
        if not subjects and head.dep_ == "appos" and head.head.dep_ in ("attr", "oprd") and head.head.i < head.i:
            # "X was a psychologist, Professor of Psychology at Y": apposed to the copula's complement
            subjects = subjects_of(head.head.head)
        if subjects:  # "X est directeur de Y": a title noun with a subject is its predicate
            return [] if unreal(head) else self.people(subjects[0])
        verb = None
        if head.dep_ in ("attr", "xcomp", "oprd", "acomp") or (head.dep_ in ("obj", "dobj") and (
                fold_word(head.head) in _BECOMING or head.head.lemma_.lower() in _BECOMING)):
            verb = head.head  # "X became CEO of Y", "X a été nommé directeur de Y"
        elif head.dep_ in ("pobj", "obl", "obl:mod", "nmod") and (fold_word(head.head) in _AS or case_word(head) in _AS):
            verb = head.head.head if head.dep_ == "pobj" else head.head  # "X serves as CEO of Y"
            if head.dep_ == "nmod" and verb.dep_ in ("obj", "dobj"):
                verb = verb.head  # "X a vécu une saison pénible en tant qu'entraîneur de Y"
        first = verb
        while first is not None and not subjects_of(first) and first.dep_ == "conj" and first.head.i < first.i:
            first = first.head  # "X founded and is now CEO of Y": the first verb's subject, when it is a name
        if first is not verb and any(self.mention(c, "person") for c in subjects_of(first)):
            verb = first
        if verb is not None:
            for c in subjects_of(verb):
                found = self.people(c)
                if found:
                    return found
            if verb.dep_ in ("relcl", "acl:relcl", "acl") and self.named_person(verb.head):
                return self.people(verb.head)  # "X, who became CEO of Y"
        if verb is not None:
            return []
        return (self.name_after_title(t) if t.doc.lang_ == "fr" else []) or self.fronted(t)

    def fronted(self, t) -> list:
        """'Directeur de Y depuis 2010, X a ...', 'Former CEO of Y, X said': a title opening its sentence
        (after 'ancien', 'former' at most) describes the person named right after its comma, however the
        parser split the sentence (a date after the title often makes it a sentence of its own)."""
        doc, start = t.doc, t.sent.start
        if any(fold_word(w) not in _FRONT_MODIFIERS and not (w.head.i == t.i and w.dep_ in ("amod", "compound"))
               for w in doc[start:t.i]):  # (the title's own words: "Chief executive of Y, X said")
            return []
        for k in range(t.i + 1, min(len(doc), t.i + 16)):
            w = doc[k]
            if w.text == "," and k + 1 < len(doc):
                named = self.mention(doc[k + 1], "person")  # (a name that starts right after the comma)
                return self.people(doc[k + 1]) if named is not None and self.pos(doc[k + 1]) == named.start else []
            if w.dep_.startswith("nsubj") or w.text in (":", ";", "«", "»", '"', "(") or self.mention(w, "person") is not None:
                return []
        return []

    def listed_after(self, t) -> list:
        """'des managers de Y comme A, B et C', 'les entraîneurs de Y, notamment A', 'les cofondateurs
        de Y, A et B, ont signé': the people a plural title lists right after its own words (French;
        a list set off by a comma alone after a title that opens its phrase, closed by a comma or the
        verb)."""
        doc, k = t.doc, t.i + 1
        if doc.lang_ != "fr" or not fold_word(t).endswith(("s", "x")):
            return []
        while k < min(len(doc), t.i + 12) and (fold_word(doc[k]) in _OF_WORDS or self.mention(doc[k], "organization", "place")
                                               or (doc[k].is_alpha and doc[k].is_lower and doc[k].dep_ in ("nmod", "amod"))):
            k += 1  # the title's own complement: "de Y", "de la société Y", "adjoints de Y"
        comma = k < len(doc) and doc[k].text == ","
        k += comma
        apposed = False
        if k + 1 < len(doc) and fold_word(doc[k]) in ("comme", "notamment"):
            k += 1
        elif comma and self.mention(doc[k], "person") and _apposed_list_opening(t):
            apposed = True
        else:
            return []
        out, j = [], k
        while j < len(doc):  # "A, B, Sir C et D": the names in a row, however the parser hung them
            m = self.mention(doc[j], "person")
            if m is not None:
                out.append(m.entity)
                while j < len(doc) and self.mention(doc[j]) is m:
                    j += 1
            elif doc[j].text in (",", "et") or fold_word(doc[j]).rstrip(".") in lx.HONORIFICS:
                j += 1
            else:
                break
        if apposed and not (j >= len(doc) or doc[j].text in (",", ")", ".") or _verb_word(doc[j])):
            return []  # ("Les dirigeants de Y, A et B, ont signé": the list closes; not "..., A les a vus")
        return unique_items(out)

    def names_listed_on(self, t, first) -> list:
        """'les anciens présidents A (1990-1995) et B (1995-2000)': the names a plural title's
        first apposed name goes on to, each maybe followed by a bracket, however the parser hung
        them (French)."""
        doc = t.doc
        if doc.lang_ != "fr" or not fold_word(t).endswith(("s", "x")):
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
        """Who holds the post a role noun names: the subject of the verb of holding, taking,
        being named to or leaving it ("X a occupé le poste de T", "X gardera ses fonctions de
        T", "X a été nommé au poste de T", "X a quitté son poste de T"), through one infinitive
        ("continuera d'exercer"); else the person a possessive names ("grâce à son rôle de T")."""
        verb = role.head if role.dep_ in ("obj", "dobj", "obl", "obl:arg", "obl:mod") else None
        if verb is None or not _HOLDING.match(fold_word(verb)):
            return self.possessor(role)
        for _ in range(2):
            subjects = subjects_of(verb)
            if subjects:
                return self.people(subjects[0])
            if verb.dep_ != "xcomp":
                return []
            verb = verb.head
        return []

    def possessor(self, role) -> list:
        """The person a role noun's possessive stands for ("son rôle", "ses fonctions"): the
        salient person before it, never an organization."""
        poss = next((c for c in role.children if c.dep_ in ("det", "poss") and fold_word(c) in _POSSESSIVES), None)
        holder = self.antecedent(poss, "person") if poss is not None else None
        return [holder] if holder is not None else []

    def name_after_title(self, t) -> list:
        """'Le président kenyan X a demandé', 'du patron de Y, X.': the name right after the
        title's own words (then at most a comma, an article and an honorific), when the parser hung
        it elsewhere. Not a name coordinated to the title, nor one that goes on as a new clause's
        subject after a comma ("Après le départ du directeur de Y, X a dit")."""
        doc, j = t.doc, t.i + 1
        while j < len(doc) and j - t.i <= 20 and t.is_ancestor(doc[j]) and self.mention(doc[j], "person") is None \
                and (doc[j].text != "," or self.listed_complement(t, j + 1)):  # ("de A, B et C, X": one complement)
            if doc[j].dep_ in _CLAUSE_DEPS:
                return []  # "le directeur qui a nommé X"
            if fold_word(doc[j]) in ("et", "ou", "ni") and j + 1 < len(doc) and fold_word(doc[j + 1]) in _DETERMINERS \
                    and doc[j + 1].dep_ != "case":  # ("ministre des Mines et des Transports, X": "des" is "de les")
                return []  # "le président de Y et le procureur de Z, X": a list ("de A et B X" goes on)
            j += 1
        comma = j < len(doc) and doc[j].text == ","
        if not comma and j - 1 > t.i and fold_word(doc[j - 1]) in lx.TITLE_HEADS and case_word(doc[j - 1]):
            return []  # "le roi de Y, cousin de la reine X": X is the nearer title's
        j += comma
        for _ in range(3):  # ", le professeur X", ", M. X" (not "Sir" when the name starts there)
            if j < len(doc) and self.mention(doc[j], "person") is None and (
                    fold_word(doc[j]) in ("le", "la", "l'", "l’") or fold_word(doc[j]).rstrip(".") in lx.HONORIFICS):
                j += 1
        if comma:  # ", l'ancien président nigérian X": a second title of the one named, lower-case words only
            words = list(doc[j:j + 4])
            k = next((i for i, w in enumerate(words) if not (w.text.replace("-", "").isalpha() and w.text.islower())
                      or fold_word(w) in _NOT_TITLE_WORDS), len(words))
            if 0 < k < len(words) and any(fold_word(w) in lx.TITLE_HEADS for w in words[:k]):
                j += k
        m = self.mention(doc[j], "person") if j < len(doc) else None
        if m is None or m.start != self.pos(doc[j]) or case_word(doc[j]) or fold_word(doc[j - 1]) in ("et", "ou", "ni") \
                or (doc[j].dep_ == "conj" and doc[j].head.i == t.i and not comma) or (t.is_ancestor(doc[j]) and doc[j].dep_ in _CLAUSE_DEPS):
            return []
        if comma:
            end = next((k for k in range(j, min(len(doc), j + 8)) if self.mention(doc[k]) is not m), None)
            if end is not None and doc[end].text not in (",", ".", ";", ":", ")", "(", "»", "-", "–"):
                return []  # the name opens a clause: "..., X a déclaré"
        return [m.entity]

    def listed_complement(self, t, k) -> bool:
        """'le défenseur de A, B et C': the token at `k` starts an organization's name that the
        parser coordinated within the title's own words (one more item of its complement)."""
        doc = t.doc
        m = self.mention(doc[k], "organization") if k < len(doc) else None
        return m is not None and m.start == self.pos(doc[k]) and doc[k].dep_ == "conj" and t.is_ancestor(doc[k])


def _apposed_titles(name, before: int) -> list:
    """The title nouns apposed to a name before token `before` ("X, cofondateur et directeur de Y")."""
    return [c for c in name.children if c.dep_ == "appos" and c.i < before and fold_word(c) in lx.TITLE_HEADS]
