"""Entity types from syntactic context and cue words, where the tagger's guess is contradicted.

spaCy's small models type an unknown company name as a place or a person about as often as an
organization ("chez Veltrane", "the CEO of Corvantis"). The context often says what the name is:

- a descriptor noun it is apposed to: "la société X", "sa société, X", "X, une start-up",
  "the research firm X", "X, a software company";
- a legal form after it: "X Inc.", "X Ltd", "X SA", "X GmbH";
- the object of a title noun's "de / of / at / chez": "directeur général de X", "an analyst at X"
  (a country or a place held by a government title stays a place: "maire de Lyon");
- "chez X" (a person's name there takes an honorific: "chez M. X");
- the subject of "headquartered", the passive subject of "founded / fondée".

:func:`context_kind` reads one name in its parse (it serves the rules' detection pass
:func:`retype` and the relation model alike); :func:`retype` applies it to an article's mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy as np

from innograph.graph.normalize import HONORIFICS
from innograph.loaders import lexicon as lx
from innograph.loaders.cues import case_word, fold_word
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.mentions import country_or_continent, words_key
from innograph.loaders.nlp import text_length
from innograph.loaders.sportwords import sports_text
from innograph.loaders.teams import PLAYER_TITLES, club_context, sports_club

#: Nouns that say the name next to them is an organization's.
ORG_WORDS = frozenset(lx.ORG_NOUNS) | frozenset(k for k in lx.DESCRIPTORS if " " not in k) | frozenset(
    "start-up startups start-ups entreprises societes groupes firmes companies firms agencies banks "
    "editeur operator operateur labo laboratory laboratoire chain chaine retailer distributeur "
    "constructeur fabricant manufacturer maker provider fournisseur developer developpeur "
    "insurer assureur broker courtier charity ong ngo nonprofit non-profit".split())
#: Of those, the nouns that also describe a person ("l'investisseur X", "the developer X"): they
#: do not make a name typed person an organization.
PERSON_NOUNS = frozenset("investisseur investor editeur industriel constructeur fabricant maker developer developpeur "
                         "broker courtier fournisseur provider supplier distributeur operateur operator".split())
#: Verbs whose subject is an organization ("X is headquartered in"), and whose passive subject is.
ORG_SUBJECT_WORDS = frozenset("headquarter headquartered".split())
ORG_PASSIVE_WORDS = frozenset("found founded cofounded co-founded establish established incorporate incorporated "
                              "headquarter headquartered fonde fondee fondes fondees cofonde cofondee".split())
#: Titles held in a company, a club or an association (a team's players too), whose "de / of / at"
#: complement is the employer: a name there is an organization (a city after "chercheur de", "procureur de",
#: "président de" is where the person is from or what they govern, and stays a place).
CORPORATE_TITLES = frozenset(
    "pdg directeur directrice directeurs directrices dirigeant dirigeante dirigeants dirigeantes patron patronne "
    "patrons fondateur fondatrice fondateurs fondatrices cofondateur cofondatrice cofondateurs co-fondateur "
    "co-fondatrice manager managers entraineur entraineuse entraineurs coach employe employee employes employees "
    "salarie salariee salaries salariees actionnaire actionnaires proprietaire proprietaires administrateur "
    "administratrice gerant gerante "
    "ceo ceos cfo cto coo officer officers chairman chairwoman chairperson founder founders cofounder co-founder director directors "
    "executive executives employee employees owner owners boss".split()) | frozenset(PLAYER_TITLES)
#: Title nouns only a person holds (an organization can be a leader, an owner, a member, a founder).
PERSON_TITLES = frozenset(lx.TITLE_HEADS) - frozenset(
    "leader leaders owner owners member members partner partners founder founders cofounder cofounders co-founder "
    "fondateur fondatrice fondateurs membre membres chef chefs head heads sponsor sponsors provider providers "
    "supplier suppliers operateur operator operators editeur publisher leader proprietaire proprietaires "
    "actionnaire actionnaires shareholder shareholders investor investors investisseur investisseurs".split())
_CLUB_NOUNS = frozenset("club clubs equipe equipes".split())
_OF_CASES = frozenset("de du des d' d’ chez of at".split())
_DETERMINERS = frozenset("sa son leur notre votre la le l' l’ une un cette ce its their our the a an this".split())
_PLACE_CASES = frozenset("a au aux en dans in near pres vers from".split())


def context_kind(kind: str, label: str, span, sports: bool = False) -> str:
    """The kind the parse gives a name the tagger typed `kind` ("person", "place"...): "organization"
    where its context says so (and "person" for an organization that is said to hold a person's
    title, or to be born), else `kind` unchanged. `span` is the name's spaCy span (or None); `sports`
    says the article is about sport, where a place may also be a side (:func:`.teams.sports_club`)."""
    if span is None or country_or_continent(label):
        return kind
    if kind == "organization":  # "X (born 1947) is a mathematician", "X was the professor of ...": a person
        named = lx.kind_of(label) is None and not label.isupper() and not _legal_form(span)
        return "person" if named and (_honorific(span) or _person_predicate(span)) else kind
    if kind not in ("person", "place"):
        return kind
    if _legal_form(span) or _described(span, kind) or _org_subject(span):
        return "organization"
    if kind == "place" and (club_context(span) or (sports and sports_club(span))):
        return "organization"  # "une victoire contre X", "du club kényan X", "il a passé deux saisons à X"
    root = span.root
    case_token = next((c for c in root.children if c.dep_ == "case"), None)
    if case_token is not None and case_token.text[:1].isupper() and case_token.i > 0:
        return kind  # "le président De Klerk": the particle is part of the name
    case = case_word(root) or (fold_word(root.head) if root.dep_ == "pobj" else "")
    if case == "chez" and not _honorific(span) and not _plural(root):
        return "organization"  # (not "chez les Asiatiques")
    if kind == "place" and root.dep_ == "conj" and root.head.i < root.i and case in ("", "de", "d'", "du"):
        if fold_word(root.head) in CORPORATE_TITLES and any(c.dep_ == "nmod" and c.i < root.i and case_word(c) in _OF_CASES
                                                     for c in root.head.children):
            return "organization"  # "l'ancien défenseur de A, B et C" (B and C hung on the title, not on A)
        root = root.head  # "l'ancien manager de Tottenham et (de) Southampton": the first one's title
        case = case_word(root) or (fold_word(root.head) if root.dep_ == "pobj" else "")
    title = root.head.head if root.dep_ == "pobj" else root.head
    if root.dep_ in ("nmod", "pobj", "obl", "obl:mod") and case in _OF_CASES and fold_word(title) in _CLUB_NOUNS \
            and kind == "place":  # "le club de X", "son ancienne équipe d'X" (not "l'équipe de M. X")
        return "organization"
    if root.dep_ in ("nmod", "pobj", "obl", "obl:mod") and case in _OF_CASES and fold_word(title) in CORPORATE_TITLES:
        if kind == "person" and (len(label.split()) > 1 or person_evidence(span)):
            return kind  # "le directeur de Jean X", "the manager of M. X": a person may be meant
        return "organization"
    return kind


def _person_predicate(span) -> bool:
    """A person's title said of the name ("X is a mathematician", "X est professeur", "X, a
    professor at Y"), or its birth ("X (born 1947)")."""
    root = span.root
    if any(c.dep_ == "acl" and fold_word(c) in ("born", "ne", "nee") for c in root.children):
        return True
    if root.dep_ != "nsubj":
        return False  # (an apposition after an object may be another name's: "the Mint (President and CEO)")
    head = root.head
    predicates = [c for c in root.children if c.dep_ == "appos" and c.left_edge.i == span.end + 1]
    copula = head.pos_ in ("NOUN", "PROPN") or any(c.dep_ == "cop" for c in head.children)  # (the French parse: no tags)
    predicates += [head] if copula else [c for c in head.children if c.dep_ == "attr"]
    return any(fold_word(p) in PERSON_TITLES or (p.pos_ == "PROPN" and any(  # "the Professor Emeritus"
        c.dep_ == "compound" and fold_word(c) in PERSON_TITLES for c in p.children)) for p in predicates)


def _org_predicate(subject) -> str | None:
    """The organization noun a copula says its subject is ("X is a software company", "X est une
    société de conseil"), folded, or None (not one a person also is: "X is an investor")."""
    head = subject.head
    copula = any(c.dep_ == "cop" for c in head.children)
    predicates = [head] if copula else [c for c in head.children if c.dep_ == "attr"]
    for p in predicates:
        word = fold_word(p).lower()
        if word in ORG_WORDS and word not in PERSON_NOUNS and not any(c.dep_ == "poss" for c in p.children):
            return word
    return None


def _plural(token) -> bool:
    return any(fold_word(c) in ("les", "des", "the") for c in token.children if c.dep_ == "det") or fold_word(token) in COUNTRY_OF


def place_evidence(span) -> bool:
    """The name is a place where it stands: "à X", "in X", "near X"."""
    root = span.root
    case = case_word(root) or (fold_word(root.head) if root.dep_ == "pobj" else "")
    return case in _PLACE_CASES


def _legal_form(span) -> bool:
    """'X Inc.', 'X, Ltd', 'X SA' (the tokens after the name; Doc.text is rebuilt at each call)."""
    doc = span.doc
    after = [t.text for t in doc[span.end:span.end + 2]]
    if after[:1] == [","]:
        after = after[1:]
    if span[-1].text.rstrip(".").lower() in _LEGAL_WORDS:
        return True
    return bool(after) and after[0].rstrip(".") in _LEGAL_FORMS


_LEGAL_FORMS = frozenset("Inc Ltd LLC PLC plc Corp GmbH AG SA SAS SARL NV BV SpA Pty Limited Incorporated".split())
_LEGAL_WORDS = frozenset("inc ltd llc plc corp gmbh sarl sas spa srl bv nv pty ag kg oy ab asa limited corporation".split())


def _honorific(span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text == "." and span.start > 1:
        before = doc[span.start - 2]
    return before is not None and fold_word(before).rstrip(".") in HONORIFICS


def person_evidence(span) -> bool:
    """The name reads as a person's where it stands: an honorific before it, a title apposed to it
    ("X, directeur de Y", "le directeur, X"), the subject of a verb of saying ("X a déclaré")."""
    root = span.root
    if _honorific(span):
        return True
    if any(c.dep_ == "appos" and fold_word(c) in lx.TITLE_HEADS for c in root.children):
        return True
    if root.dep_ in ("appos", "flat:name") and fold_word(root.head) in lx.TITLE_HEADS:
        return True
    return root.dep_ == "nsubj" and fold_word(root.head) in lx.QUOTE_VERBS


def _described(span, kind: str) -> bool:
    """'la société X', 'sa société, X', 'the research firm X' (the name apposed to an organization
    noun), 'X, une start-up', 'X, a software company' (the noun apposed to the name)."""
    words = ORG_WORDS - PERSON_NOUNS if kind == "person" else ORG_WORDS
    root = span.root
    head = root.head
    if head.i not in range(span.start, span.end) and root.dep_ in ("appos", "nmod", "flat:name", "compound") \
            and fold_word(head) in words and not case_word(root) and head.i < span.start:
        return True
    for c in root.children:
        if c.i >= span.end and c.dep_ == "appos" and fold_word(c) in words and c.left_edge.i == span.end + 1 \
                and any(fold_word(d) in ("un", "une", "a", "an", "la", "le", "l'", "the", "cette", "this") for d in c.children):
            return True
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and fold_word(before) in words and before.head.i in range(span.start, span.end) \
            and before.dep_ in ("compound", "nmod", "appos"):
        return True  # "the company Veltrane", "la start-up Veltrane": the noun right before the name heads it
    # "sa société, Biocad, ..." the parser did not attach: a determined noun, a comma, the name
    noun = doc[span.start - 2] if span.start >= 3 else None
    return kind != "person" and noun is not None and doc[span.start - 1].text == "," and fold_word(noun) in words \
        and fold_word(doc[span.start - 3]) in _DETERMINERS and not case_word(root) \
        and (root.dep_ != "conj" or (root.head.i == noun.i and not any(c.dep_ == "cc" for c in root.children))) \
        and not (noun.dep_ in ("nmod", "pobj") and fold_word(noun.head.head if noun.dep_ == "pobj" else noun.head) in lx.TITLE_HEADS)
    # (not "le chef de son parti, X": X is the title's)


def _org_subject(span) -> bool:
    root = span.root
    word = fold_word(root.head)
    lemma = root.head.lemma_.lower()
    if root.dep_ == "nsubj" and (word in ORG_SUBJECT_WORDS or lemma in ORG_SUBJECT_WORDS):
        return True
    return root.dep_ in ("nsubjpass", "nsubj:pass") and (word in ORG_PASSIVE_WORDS or lemma in ORG_PASSIVE_WORDS)


def retype(ents, docs) -> None:
    """Give the article's names the kind their context says (see :func:`context_kind`). A name
    typed person becomes an organization everywhere in the article unless some mention of it
    reads as a person's (an honorific before it); a place becomes one where its context says so,
    and everywhere when no mention of it reads as a place ("à X"), or fewer than its contexts say
    it is an organization; a project named by a proper name becomes one everywhere."""
    votes: dict[int, list] = {}
    names = sorted((m for m in ents.mentions if (m.source in ("ner", "gazetteer", "short") and (
        m.entity.kind in ("person", "place") or (m.entity.kind == "organization" and m.entity.org_kind is None)))
        or _named_project(m)), key=lambda m: m.start)
    starts = [m.start for m in names]
    sports = ents.lang == "fr" and sports_text(ents.folded)
    for offset, doc in docs:
        end = offset + text_length(doc)
        for m in names[bisect_left(starts, offset):bisect_left(starts, end)]:
            if m.end > end:
                continue
            span = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            v = votes.setdefault(id(m.entity), [m.entity, [], 0])
            was = "place" if m.entity.kind == "project" else m.entity.kind  # (a project reads as a place would)
            kind = context_kind(was, m.entity.label, span, sports)
            if kind != was:
                v[1].append(m)
            elif (m.entity.kind == "place" and place_evidence(span)) or (m.entity.kind == "person" and person_evidence(span)):
                v[2] += 1
    for entity, org_mentions, against in votes.values():
        if not org_mentions and not (entity.kind == "place" and not country_or_continent(entity.label) and not entity.label.isupper()
                                     and any(e.kind == "organization" and e.key == entity.key for e in ents.entities)):
            # (the same name the article also gives a club, "signé au X", is that club)
            continue
        if entity.kind == "person" and against:
            continue  # "M. X" elsewhere: a person, whatever one context says
        if entity.kind == "organization":  # a person everywhere the article names them
            ents.merge(ents.entity("person", entity.label), entity)
            continue
        if entity.kind == "project":  # "le VFC (Vestrand Football Club)", then "l'entraîneur du VFC": a club
            entity.kind, entity.org_kind = "organization", lx.kind_of(entity.label)
            continue
        org = ents.entity("organization", entity.label, org_kind=lx.kind_of(entity.label))
        for name in entity.names():
            ents.add_alias(org, name)
        # a place the context calls an organization more often than a place ("PDG de X", "chez X",
        # "actionnaire de X" against one "nui à X") is the organization everywhere
        said = len(org_mentions) + sum(1 for m in ents.mentions if m.entity is org)  # (and those found as one)
        everywhere = not against or (said >= 2 and said > against)
        moved = [m for m in ents.mentions if m.entity is entity] if everywhere else org_mentions
        for m in moved:
            m.entity = org


def untagged_names(ents, docs) -> None:
    """A capitalized name the tagger left out that a person's title is said of: the subject of a
    copula whose predicate is a title only a person holds ("Milnor is a professor at Y", "Kaboré est
    directeur de Y") or of "was born" (see :func:`_person_predicate`): a person; the subject of a
    copula whose predicate is an organization's noun ("X is a software company"): an organization
    (a word the language writes in lower case, a country or a name that is another mention's is
    neither)."""
    for offset, doc in docs:
        subjects = {doc.vocab.strings[label] for label in ("nsubj", "nsubj:pass")}
        for i in np.flatnonzero(np.isin(doc.to_array("DEP"), list(subjects))):  # (a Token per word costs)
            t = doc[int(i)]
            if not t.is_alpha or not t.text[:1].isupper() or t.is_stop \
                    or t.text.isupper() or t.ent_type_ not in ("", "PERSON", "PER", "MISC") \
                    or any(c.dep_ in ("det", "nummod") for c in t.children):
                continue  # (not "les Trois Grands", "the Board")
            words = [t] + [c for c in t.children if c.dep_ in ("flat:name", "flat", "compound") and c.text[:1].isupper()]
            first, last = min(w.i for w in words), max(w.i for w in words)
            if last - first + 1 != len(words):
                first = last = t.i  # ('Samuel D. "Sam" X': the surname; namepatterns.nicknamed_people reads the whole name)
            start, end = offset + doc[first].idx, offset + doc[last].idx + len(doc[last].text)
            label = ents.text[start:end]
            if not ents.free(start, end) or country_or_continent(label) or lx.kind_of(label) is not None \
                    or any(words_key(e.label) == words_key(label) for e in ents.entities if e.kind != "person"):
                continue
            if _person_predicate(doc[first:last + 1]):
                ents.mention(start, end, ents.entity("person", label), "context")
            elif (noun := _org_predicate(t)) is not None:  # "Kijenge is an agro-processing company based in P"
                ents.mention(start, end, ents.entity("organization", label, org_kind=lx.DESCRIPTORS.get(noun)), "context")


def _named_project(m) -> bool:
    """A project named by a proper name or an acronym, with no project word in it ("le VFC (Vestrand
    Football Club)"), which a title's complement may show to be an organization."""
    return m.entity.kind == "project" and m.source in ("ner", "gazetteer", "short", "acronym") \
        and m.entity.label[:1].isupper() and not set(words_key(m.entity.label).split()) & _PROJECT_WORDS


_PROJECT_WORDS = frozenset(lx.PROJECT_CUES) | frozenset(c + "s" for c in lx.PROJECT_CUES)


_SITE_WORDS = frozenset("usine usines site sites plant plants factory factories filiale subsidiary campus antenne".split())
_PLACE_TAIL = re.compile(r"[ \t]+(?:de|du|d['’])[ \t]*(?P<place>[A-ZÀ-Ý][\w\-]*(?:[ \t]+[A-ZÀ-Ý][\w\-]*)?)$")


def descriptor_place_tails(ents) -> None:
    """'l'hôpital Brennmoor de Manchester': after a lower-case descriptor, the proper name ends
    before "de <a place>" when that place is a country, a well-known city, or a place the article
    names alone; the place gets its own mention (a capitalized cue word keeps its complement:
    "Université de Lyon", and so does a body named in lower-case words only: "l'association des
    boulangers du Sénégal")."""
    places = {words_key(m.entity.label) for m in ents.mentions if m.entity.kind == "place"}
    places |= set(lx.COUNTRIES) | {words_key(p) for p in lx.DEMONYMS.values()}
    for m in [m for m in ents.mentions if m.source == "descriptor" and m.entity.kind == "organization"]:
        tail = _PLACE_TAIL.search(m.text)
        if tail is None or tail.start() == 0 or words_key(tail["place"]) not in places:
            continue
        cue = next((a for a in m.entity.aliases if a.endswith(m.text) and len(a) > len(m.text)), None)
        if cue is not None and words_key(cue[:len(cue) - len(m.text)]).split()[-1:] and \
                words_key(cue[:len(cue) - len(m.text)]).split()[-1] in _SITE_WORDS:
            continue  # "l'usine Sanofi de Nantes": a site is named by its place
        name, place_start = m.text[:tail.start()], m.start + tail.start("place")
        if not any(w[:1].isupper() for w in name.split()):
            continue  # "l'association des boulangers du Sénégal": a body in lower case is named by its place
        alias = cue[:len(cue) - len(m.text)] + name if cue is not None else None
        entity = ents.rename(m, m.start, m.start + len(name), cue=m.entity.cue)  # (the long form: another name of it now)
        if alias is not None:
            ents.add_alias(entity, alias)
        ents.mention(place_start, place_start + len(tail["place"]), ents.entity("place", tail["place"]), "ner")
