"""Posts and membership read from verbs in the dependency parse: joining ("X a rejoint Y", "X joined
Y as T"), working ("X a travaillé chez Y"), leading ("X dirige Y"), the affiliation set off after a
name ("le Dr X, de l'hôpital Y") and a description of the person, whatever its noun, set off after the name
or as a copula's predicate ("X, glaciologue à l'université Y", "X est bénévole pour l'association Z").
Mixed into :class:`innograph.loaders.syntax.SyntaxReader`."""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.cues import OF_WORDS, case_word, fold_word, gerund_subjects, no_longer, unique_items, subjects_of, unreal
from innograph.loaders.demonyms import nationality
from innograph.loaders.institutions import organ_of
from innograph.loaders.mentions import country_key
from innograph.loaders.syntaxholders import _AS
from innograph.loaders.syntaxposts import ORG_OF_CASES, says_organization, title_text

#: Where a unit one leads stands: "à l'université Y", "au sein de Y", "chez Y", "at Y".
_AT_WORDS = frozenset("a au aux chez at within".split())
_OF_ARTICLE = {"le": "du", "les": "des", "la": "de la", "l'": "de l'", "l’": "de l’", "the": "of the"}


def _of_phrase(noun) -> str:
    """'le groupe de recherche sur les sols' as a title's complement: 'du groupe de recherche sur les sols'."""
    words = [t for t in noun.subtree if not (t.dep_.startswith("obl") or t.is_punct and t.i == noun.right_edge.i)]
    text = noun.doc[words[0].i:words[-1].i + 1].text
    first = fold_word(words[0])
    if first in _OF_ARTICLE and words[0].dep_ == "det":
        return _OF_ARTICLE[first] + ("" if first.endswith(("'", "’")) else " ") + text[len(words[0].text):].lstrip()
    return text


#: Capitalized words, English links between, then the end of an apposition (a comma, a bracket, a stop).
_CAPITALIZED_RUN = re.compile(r"[A-ZÀ-Ý][\w&'’.-]*(?:[ \t]+(?:(?:and|of|for|the|&)[ \t]+)*[A-ZÀ-Ý][\w&'’.-]*)*(?=[ \t]*[,;:)]|\.(?:\s|$))")
#: "X, de l'" / "X, du" / "X, chez" right after a person's name: the organization they speak for follows.
_SET_OFF_OF = re.compile(r",[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l['’]|du[ \t]+|des[ \t]+|d['’]|de[ \t]+|chez[ \t]+)")


#: Styles of a peer, whose "of <Place>" is the peerage's territory ("Baroness X of Kettlebrook").
_PEERAGES = frozenset("lord lady baron baroness viscount viscountess earl countess duke duchess marquess".split())
#: "X est candidat au poste de directeur de Y": running for a post, not holding one.
_CANDIDATES = frozenset("candidat candidate candidats candidates".split())
#: What a candidate runs for, when it is a post ("à la présidence de Y", "au poste de"), not a degree.
_RUNNING_FOR = re.compile(r"(?:à|a) (?:la (?:présidence|direction|tête|succession)|l'élection|l’élection)|au poste")
#: Nouns set off after a name that say no post: kin, company, authors, natives, the people an
#: organization serves (patients, pupils, inhabitants: lexicon.CLIENTELE_NOUNS).
_NO_POST_NOUNS = frozenset("""fils fille filles pere mere frere freres soeur soeurs epoux epouse mari femme veuve veuf oncle tante
neveu niece cousin cousine ami amie amis amies compagnon compagne petit-fils petite-fille grand-pere grand-mere beau-frere
belle-soeur auteur autrice proche originaire natif native age agee""".split()) | lx.CLIENTELE_NOUNS
#: Verbs (folded stems) of wishing, fearing, asking or refusing: a joining under them is not done.
_WISHING = re.compile(r"(?:veu|voul|souhait|esper|demand|refus|redout|craign|craint|oppos|bloqu|want|hop|seek|sought|ask|refus|"
                      r"oppos|block|fear)")
#: "X va / allait / doit rejoindre Y": the verbs of a joining to come, whose subject joins.
_GOING = frozenset("va vont allait allaient ira iront devait doit doivent devrait devraient vient venait".split())
_FORMER_WORDS = frozenset("ancien ancienne ex".split())
#: Past forms of sitting on a board: a seat held before.
_SAT = frozenset("sat siegeait siegeaient".split())
_TITLE_WORDS = frozenset(t.split()[0] for t in lx.TITLES) | lx.TITLE_HEADS  # (first words: "charge de mission")
#: Dependencies of a word right after "X," that open a clause or a list, not a description of X.
_NOT_DESCRIBING = frozenset("ROOT det case cc mark advmod aux aux:tense aux:pass cop nsubj nsubj:pass expl:subj parataxis "
                            "punct nummod".split())
#: Participles ("X, interrogé par Y", "X, préservant Z") set off after a name: a clause, not a description.
_PARTICIPLE_ENDS = ("é", "és", "ée", "ées", "ant")


def _descriptor_before(doc, j: int, first: int) -> int:
    """The word before the name at `j`, or before the descriptor noun that opens its description and
    the at most three lower-case words of its own ("pour la société de sécurité informatique Y", "chez le
    groupe pharmaceutique Y"): where its article and case word are looked for."""
    for back in range(j - 1, max(first, j - 5), -1):
        if fold_word(doc[back]) in lx.NAME_HEAD_NOUNS:
            return back - 1
        if not (doc[back].is_alpha and doc[back].is_lower):
            break
    return j - 1


def _describes(word, *, predicate: bool = False, name=None) -> bool:
    """A word right after "X," that opens a description of X (or, with `predicate`, a copula's
    predicate noun): a lower-case noun that is no verb (no subject of its own, no participle unless a
    title's first word: "chargé de projet"), not kin, pupil, patient, founder or member (those say no
    post, or another relation read elsewhere). A noun the parse made a second subject of the verb
    whose subject is the name X (`name`, the name's root) is set off all the same: "X, un analyste
    de Y, a déclaré"."""
    key = fold_word(word)
    if not (word.is_alpha and word.is_lower) or key in _NO_POST_NOUNS or key in lx.FOUNDER_HEADS or key in lx.MEMBER_NOUNS:
        return False
    beside = name is not None and word.dep_ == name.dep_ == "nsubj" and word.head.i == name.head.i
    if not predicate and not beside and (word.dep_ in _NOT_DESCRIBING or any(c.dep_.startswith("nsubj") for c in word.children)):
        return False
    return key in _TITLE_WORDS or not word.text.endswith(_PARTICIPLE_ENDS)


class VerbPostsMixin:
    # -- membership ----------------------------------------------------------------------------
    @staticmethod
    def wished(v) -> bool:
        """'ne veut pas que X rejoigne Y', 'X souhaite rejoindre Y', 'X wants to leave Y': wished, not done."""
        return v.dep_ in ("ccomp", "xcomp") and bool(_WISHING.match(fold_word(v.head)))

    @staticmethod
    def body(org) -> bool:
        """An organization one joins as a member, not to take a post: a party, an academy, a cluster."""
        return fold_same_length(org.label.split()[0]) in lx.MEMBERSHIP_BODIES or org.org_kind == "Cluster"

    def joining(self, v) -> None:
        if self.wished(v):
            return
        subjects = [c for c in v.children if c.dep_ in ("nsubj",)] or gerund_subjects(v)  # ("Before joining Y, X was")
        if not subjects and v.dep_ == "xcomp" and fold_word(v.head) in _GOING:
            subjects = [c for c in v.head.children if c.dep_ == "nsubj"]  # "X va rejoindre Y"
        targets = [c for c in v.children if c.dep_ in ("dobj", "obj")]
        targets += [c for c in v.children if c.dep_.startswith("obl") and case_word(c) in ("a", "au", "aux")]
        if not targets:
            return
        people = self.people(subjects[0]) if subjects else self.movers(v)  # ("a quitté A pour rejoindre B")
        members = [] if people or not subjects else self.orgs(subjects[0], actors=True)
        self.provenance(v, people)
        title = next((title_text(p) for c in v.children if c.dep_ == "prep" and fold_word(c) in _AS
                      for p in c.children if p.dep_ == "pobj"), None) \
            or next((title_text(c) for c in v.children if c.dep_.startswith("obl") and case_word(c) in _AS), None)
        for org in self.orgs(targets[0], retype=True) or self.within_org(targets[0]):
            for person in people:  # a person joining a company takes a post there, a body a seat
                if country_key(org.label) in lx.COUNTRIES:
                    continue  # "X a rejoint le Royaume-Uni": a journey
                if self.body(org):
                    self.add("member_of", person, org, v)
                else:
                    self.add("holds_post", person, org, v, title=title, current=True)
            for member in members:
                if country_key(org.label) not in lx.COUNTRIES:  # "X rejoint le Y en quarts": a round, not a body
                    self.add("member_of", member, org, v)

    def sitting(self, v) -> None:
        """'X siège au conseil de la Fifa', 'X sits on the board of Y': a seat on a body is a
        membership of it; one on an organization's board (:data:`.institutions.ORGANS`) a post at
        the organization, one in its political bureau a membership."""
        subjects = subjects_of(v)
        if not subjects or any(c.dep_ == "det" for c in v.children) or unreal(v):
            return  # ("le siège de Y": the noun)
        people = self.people(subjects[0])
        seats = [c for c in v.children if c.dep_.startswith("obl") and case_word(c) in ("a", "au", "aux", "dans")]
        seats += [p for c in v.children if c.dep_ == "prep" and fold_word(c) == "on" for p in c.children if p.dep_ == "pobj"]
        for seat in seats[:1]:
            organ = organ_of(seat) or (fold_word(seat) == "board" and "board")
            orgs = (self.deeper_orgs(seat) or [o for c in seat.children if c.dep_ == "prep" and fold_word(c) == "of"
                                               for p in c.children if p.dep_ == "pobj" for o in self.orgs(p, retype=True)]
                    ) if organ else self.orgs(seat)
            for person in people:
                for org in orgs:
                    if organ == "board":
                        self.add("holds_post", person, org, v, title="membre du conseil d'administration"
                                 if v.doc.lang_ == "fr" else "board member", current=fold_word(v) not in _SAT)
                    else:
                        self.add("member_of", person, org, v)

    def working(self, v) -> None:
        """'X worked at Y', 'X a travaillé chez Y', 'X was employed by Y', 'X served as T at Y'."""
        orgs, title = [], None
        for c in v.children:
            if c.dep_ in ("prep", "agent") and fold_word(c) in ("at", "for", "with", "by", "in"):
                orgs += [o for p in c.children if p.dep_ == "pobj" for o in self.orgs(p, retype=fold_word(c) != "in")]
                title = title or next((title_text(p) for p in c.children if p.dep_ == "pobj" and fold_word(p) in lx.TITLE_HEADS), None)
            elif c.dep_.startswith("obl") and case_word(c) in ("chez", "pour", "a", "au", "aux", "aupres", "dans", "par"):
                orgs += self.orgs(c, retype=case_word(c) in ("chez", "pour")) or self.within_org(c)
            elif c.dep_ == "prep" and fold_word(c) in _AS:
                title = next((title_text(p) for p in c.children if p.dep_ == "pobj"), None)
        if not orgs:
            return
        subjects = subjects_of(v) or gerund_subjects(v)  # ("While working for Y, X ...")
        if not subjects and v.dep_ == "conj":  # "X a étudié à A et a ensuite travaillé chez B"
            subjects = subjects_of(v.head)
        people = self.people(subjects[0]) if subjects else []
        for person in people:
            for org in unique_items(orgs):
                self.add("holds_post", person, org, v, title=title, current=True)

    def within_org(self, c) -> list:
        """The organization a common noun stands inside ('le conseil d'administration de Y', 'au
        service des archives du ministère Y', 'le géant minier public Y'): the name its lower-case
        words lead to, through at most two nominal modifiers, or apposed right after them."""
        if self.mention(c) is not None or not (c.is_alpha and c.is_lower):
            return []
        return self.apposed_name(c) or self.deeper_orgs(c)

    def apposed_name(self, c) -> list:
        """'le géant minier public Y': an organization's name right after a noun and its lower-case
        adjectives, hung on the noun without a preposition."""
        for w in c.doc[c.i + 1:c.i + 5]:
            m = self.mention(w)
            if m is not None:
                ok = m.entity.kind == "organization" and m.start == self.pos(w) and w.head.i == c.i and not case_word(w)
                return [m.entity] if ok else []
            if not (w.is_alpha and w.is_lower) or w.head.i != c.i or w.dep_ != "amod":
                return []
        return []

    def affiliation(self, doc, m) -> None:
        """'le Dr X, de l'hôpital Y', 'X de l'Institut Z': a person set off with the organization
        they speak for (French, a nominal modifier of the name or of the honorific before it, or,
        when the parse lost it, an organization named right after "X, de l'")."""
        span = doc.char_span(m.start - self.offset, m.end - self.offset, alignment_mode="expand")
        if span is not None and doc.lang_ == "en":
            self.affiliation_of(m, span)
        if span is None or doc.lang_ != "fr":
            return
        heads = list(span)
        if span.root.head.i == span.start - 1 and span.root.dep_ in ("flat:name", "appos", "nmod"):
            heads.append(span.root.head)  # "le Dr X, de Y": Y hangs from "Dr"
        found = False
        for h in heads:
            for c in h.children:
                if c.dep_ == "nmod" and c.i >= span.end and case_word(c) in ("de", "du", "des", "d'", "d’", "chez"):
                    for org in self.orgs(c) or (self.new_organization(c) if case_word(c) == "chez" else []):
                        self.add("holds_post", m.entity, org, c, title=None, current=True)
                        found = True
        after = _SET_OFF_OF.match(self.ents.text, m.end, min(len(self.ents.text), m.end + 12))
        if not found and after:
            org = self._at.get(after.end())
            token = next((t for t in doc if self.offset + t.idx >= after.end()), None)
            if org is not None and org.start == after.end() and org.entity.kind == "organization":
                if token is not None:
                    self.add("holds_post", m.entity, org.entity, token, title=None, current=True)
            elif org is None and token is not None:  # "X, de la société de conseil Y": through its descriptor
                for o in self.described_org(token) or self._set_off_name(token):
                    self.add("holds_post", m.entity, o, token, title=None, current=True)
        if not found and not after:
            self.set_off_occupation(doc, m, span)
        self.predicate_occupation(doc, m, span)

    def affiliation_of(self, m, span) -> None:
        """'Martin Chalfie of Columbia University', 'John Smith, of Acme Corp, said', 'X at Corvel
        University': an organization named right after a person's name (or its comma) behind "of" (or
        "at", when its name says it is one) is the one X works for (English; a place is no employer:
        "Smith of London")."""
        doc = span.doc
        k = span.start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        before = fold_word(doc[k]) if k >= 0 else ""
        if before == "the":
            return  # "the Morley of Bancroft Institute": a name the tagger cut, no person
        peer = before in _PEERAGES or fold_word(span[0]) in _PEERAGES
        for c in span.root.children:
            at = c.i == span.end or (c.i == span.end + 1 and doc[span.end].text == ",")
            if c.dep_ != "prep" or fold_word(c) not in ("of", "at") or not at:
                continue
            if peer and not (c.i + 1 < len(doc) and fold_word(doc[c.i + 1]) == "the"):
                continue  # "Baroness X of Kettlebrook": a peerage's place ("Lord X of the Y Office" is a post)
            for p in c.children:
                named = self.mention(p, "organization") if p.dep_ == "pobj" else None
                if named is None:
                    continue
                if fold_word(c) == "at" and not says_organization(named.entity.label):
                    continue  # "X at Corvel University": a place of work only where the name says so (not "X at NATO")
                first = min(t.i for t in p.subtree if self.mention(t) is named)
                if all(t.dep_ == "det" for t in doc[c.i + 1:first]):  # ("of the BBC")
                    self.add("holds_post", m.entity, named.entity, p, title=None, current=True)

    def _set_off_name(self, token) -> list:
        """'X, du Harbour Credit Trust, a dit', 'X, de Quorvex Agri-Systems, ...': a run of capitalized words
        (English links between: "and", "of", "&") the tagger missed, set off alone after a person's name
        and closed by the apposition's end: the organization X speaks for."""
        run = _CAPITALIZED_RUN.match(token.doc.text, token.idx)
        if run is None or len(run.group(0)) > 60 or nationality(token.text) \
                or any(self.mention(t) is not None for t in token.doc[token.i:token.i + 3] if t.idx < run.end()):
            return []
        return self.organization_at(token.idx, run.end())

    def set_off_occupation(self, doc, m, span) -> None:
        """'X, glaciologue à l'université Y', 'X, bénévole pour l'association Z': a description
        in lower-case words set off after a person's name and ending in an organization after a case
        word says what X does there, whatever the noun (kin, pupils, patients, founders and members
        are no post; a verb, a determiner or a conjunction after the comma opens no description)."""
        k = span.end
        if k + 1 >= len(doc) or doc[k].text != ",":
            return
        k += 1 + (fold_word(doc[k + 1]) in ("un", "une"))
        former = k < len(doc) and fold_word(doc[k]) in _FORMER_WORDS  # "X, ancien pilote et formateur à Y"
        k += former
        if k < len(doc) and fold_word(doc[k]) in _CANDIDATES and _RUNNING_FOR.match(doc[k + 1:k + 4].text.lower()):
            return  # "X, candidate à la présidence de Y": running for it
        if k < len(doc) and _describes(doc[k], name=span.root):
            self.employer(m, doc, k, former)

    def predicate_occupation(self, doc, m, span) -> None:
        """'X est traqueur de tempêtes pour l'agence Y', 'X, qui est glaciologue à Y': the same
        description as the predicate of a copula whose subject is X (a candidate runs for what
        follows and holds nothing yet)."""
        root = span.root
        if root.dep_ in ("appos", "flat:name") and root.head.i == span.start - 1:
            root = root.head  # "Le Dr X est ...": the honorific is the subject
        nouns = [c for c in root.children if c.dep_ in ("acl:relcl", "relcl") and c.i > root.i
                 and any(fold_word(d) == "qui" and d.dep_ == "nsubj" for d in c.children)]  # "X, qui est T à Y"
        nouns += [root.head] if root.dep_ == "nsubj" and root.head.i > root.i else []
        noun = next((n for n in nouns if any(c.dep_ == "cop" for c in n.children)), None)
        if noun is None or fold_word(noun) in _CANDIDATES or fold_word(noun) in lx.NAME_HEAD_NOUNS:
            return  # (nor "X est un groupe de ... ": X is no person)
        if _describes(noun, predicate=True) and not unreal(noun):  # (not "X n'est pas T à Y")
            former = any(fold_word(c) in _FORMER_WORDS for c in noun.children if c.dep_ == "amod") or no_longer(noun)
            self.employer(m, doc, noun.i, former)

    def employer(self, m, doc, k: int, former: bool) -> None:
        """X's post at the organization the lower-case words from `k` end with, after a case word (and
        maybe a descriptor noun and its words): 'glaciologue à l'université Y'."""
        for j in range(k + 1, min(len(doc), k + 10)):
            w = doc[j]
            hit = self.mention(w)
            if hit is not None:
                back = _descriptor_before(doc, j, k)  # ("pour l'association Y", "de la société de conseil Y")
                back -= fold_word(doc[back]) in ("la", "l'", "l’", "le", "les")
                served = back - 1 > k and fold_word(doc[back]) in OF_WORDS and fold_word(doc[back - 1]) in lx.CLIENTELE_NOUNS \
                    and all(fold_word(x) in OF_WORDS or fold_word(x) in ("la", "le", "les", "l'", "l’") for x in doc[k + 1:back - 1])
                if hit.entity.kind == "organization" and hit.start == self.pos(w) and fold_word(doc[back]) in ORG_OF_CASES \
                        and fold_same_length(hit.entity.label.split()[0]) not in lx.PLACE_NOUNS and not served:
                    # (not "guide de la ville de Y"; not "avocate des victimes de Y": the victims' organization)
                    title = doc[k:back].text.strip()
                    self.add("holds_post", m.entity, hit.entity, w, title=title or None, current=not former)
                return
            if not (w.is_alpha and w.is_lower) and not w.text.endswith(("'", "’")):
                return

    def leading(self, v) -> None:
        """'X dirige Y', 'X heads Y', 'X préside Y': a post, titled by the verb (the subject of the
        clause it is coordinated to: "X est biologiste et dirige Y")."""
        subjects = [c for c in v.children if c.dep_ == "nsubj"]
        if not subjects and v.dep_ == "conj":
            subjects = [c for c in v.head.children if c.dep_ == "nsubj" and c.i < v.i]
        objects = [c for c in v.children if c.dep_ in ("obj", "dobj", "xcomp") or (c.dep_ == "obl:arg" and not case_word(c))]
        # (the small French parse may hang the name beside the object or under the verb: "dirige
        # la société X", "dirige Renault" read as a name of the verb's)
        if all(fold_word(o) in lx.NAME_HEAD_NOUNS for o in objects):  # none, or only "la société"
            objects += [c for c in v.children if c.i > v.i and c.dep_ in ("flat:name", "obl:mod", "nmod")
                        and not case_word(c) and self.mention(c) is not None]
        if not subjects:
            return
        orgs = next((found for o in sorted(objects, key=lambda c: c.i)
                     if (found := self.orgs(o, retype=True) or self.within_org(o))), [])
        title = lx.LEADING_VERBS[fold_word(v)]
        unit = next((o for o in objects if fold_word(o) in lx.LED_UNITS), None)
        if not orgs and unit is not None:  # "dirige le groupe de recherche X à l'université Y" (however hung)
            orgs = next((found for c in v.subtree if c.i > unit.i and case_word(c) in _AT_WORDS
                         and (found := self.orgs(c))), [])[:1]
            title = f"{title} {_of_phrase(unit)}"
        for person in self.people(subjects[0]):
            for org in orgs:
                self.add("holds_post", person, org, v, title=title, current=True)
