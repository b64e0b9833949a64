"""Passes that find names by their context and by look-up: spaCy's named entities, names only
a person or a place fits ("fondée par X", "à Lyon"), and the gazetteer of names already known.
"""

from __future__ import annotations

import re
import unicodedata

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.mentions import ArticleEntities, clean_name, country_key, name_key, short_acronym, words_key


_NER_KINDS = {
    "PER": "person", "PERSON": "person",
    "ORG": "organization",
    "LOC": "place", "GPE": "place", "FAC": "place",
    "EVENT": "event",
}
_HONORIFIC = r"(?:m\.|mm\.|mme|mlle|mr|mrs|ms|dr|pr|prof|professor|professeur|professeure|docteur|docteure|me|cllr|councillor|sir|dame|lord)"
_TITLE_START = re.compile(rf"^{_HONORIFIC}\.?\s+", re.I)


def named_entities(ents: ArticleEntities, docs) -> None:
    """spaCy's entities where no precise pattern matched. A span the tagger ran over a sentence
    end or a closing bracket ("[au VFC]. Marc Dubreuil") is read as its pieces; a name cut inside
    a hyphenated word ("Lee Sang-" of "Lee Sang-hoon") goes on to the word's end."""
    for offset, doc in docs:
        for span in doc.ents:
            kind = _NER_KINDS.get(span.label_)
            start, end = offset + span.start_char, offset + span.end_char
            honorific = _TITLE_START.match(span.text)
            if kind is None and span.label_ == "MISC" and honorific:
                kind, start = "person", start + honorific.end()  # "le Dr X Y" the tagger called MISC
            elif kind is None and span.label_ == "MISC" and ents.lang == "fr" and _club_shaped(span.text) \
                    and _employer(span) and not _demonym_next(ents, end):
                kind = "organization"  # "l'ancien manager de X", "une victoire contre X": a club it did not know
            if kind is None:
                continue
            for a, b in _pieces(ents.text, start, end):
                _named_entity(ents, span, kind, a, _word_end(ents.text, b))


#: A sentence end or a closing bracket inside a name, before a capital: "[au VFC]. Marc Dubreuil"
#: (not the period of an initial or an honorific: "F.W. de Klerk", "M. Diallo").
_BREAK = re.compile(r"(?:[\])][.!?:;]?|(?<=[a-zà-ÿ]{2})[.!?:;][\])]?)(?=[ \t\n]+[A-ZÀ-Ý])")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, at = [], start
    for b in _BREAK.finditer(text, start, end):
        pieces.append((at, b.start()))
        at = b.end()
    pieces.append((at, end))
    out = []
    for a, b in pieces:
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            out.append((a, b))
    return out


def _word_end(text: str, end: int) -> int:
    """Where the word the name ends in ends: after "Sang-" or "Osei", the "hoon" / "-Bonsu" that the
    tagger left out (never over a space)."""
    if end < len(text) and (text[end - 1] == "-" and text[end:end + 1].isalnum()
                            or text[end] == "-" and text[end + 1:end + 2].isalpha()):
        rest = re.match(r"-?[\w]+(?:-[\w]+)*", text[end:end + 40])
        if rest.group(0).lstrip("-").split("-")[0].lower() not in _CLITICS:  # not "Sommes-nous"
            return end + rest.end()
    return end


_CLITICS = frozenset("je tu il elle on nous vous ils elles le la les lui leur moi toi y en t ci la là ce".split())


def _person_after(words: list[str]) -> bool:
    """Whether a French nationality noun and the words after it read as a person's ("le Ghanéen Kofi
    Mensah"): the noun in its French form (an accent or a French ending: not "l'American X Society"),
    then two or three capitalised words, none an organization's word, a nationality or an acronym."""
    rest = words[1:]
    french = re.search(r"[éèêë]|(?:ien|ais|ois|ain|in|ite|ote)$", words[0].lower())
    return bool(french) and 2 <= len(rest) <= 3 and all(w[:1].isupper() and not w.isupper() for w in rest) \
        and lx.kind_of(" ".join(rest)) is None and not any(unaccented(w).lower() in COUNTRY_OF for w in rest)


def _named_entity(ents: ArticleEntities, span, kind: str, start: int, end: int) -> None:
    """One named entity of the tagger's (or one piece of it), from `start` to `end` in the article."""
    text = ents.text[start:end]
    lead = re.match(r"(?:in|at|on|à|a|en|au|aux|dans|from|to)\s+(?=[A-ZÀ-Ý])", text, re.I)
    if lead and len(text.split()) > 1 and text[0].isupper():
        start += lead.end()  # "In London": the preposition is not part of the name
    elided = re.match(r"[LlDd]['’](?=[A-ZÀ-Ý])", ents.text[start:end])
    if elided:
        start += elided.end()  # "L'Afrique du Sud compte": the article is not part of the name
    trail = _TRAILING_CONNECTOR.search(ents.text[start:end])
    if trail and trail.start() > 0:
        end = start + trail.start()  # "Affaires étrangères de la" (Côte d'Ivoire): the name ends before "de la"
    label = clean_name(_TITLE_START.sub("", ents.text[start:end]))
    if not label or not ents.free(start, end):
        return
    words = label.split()
    if len(words) > 1 and kind in ("person", "organization") and unaccented(words[0]).lower() in COUNTRY_OF \
            and words[0][0].isupper() and re.search(r"(?:^|[\s'’])(?:la |une )$" if kind == "organization" and not _person_after(words)
                                                    else r"(?:^|[\s'’])(?:le|la|l['’]|un|une)[ \t]*$", ents.folded[max(0, start - 6):start]):
        # "l'Ivoirien X", "la Japonaise X Y" the tagger called an organization (not "l'American X Society"):
        # a nationality, then the person
        rest = ents.text.index(words[1], start)
        _person(ents, span, rest, end, clean_name(ents.text[rest:end]))
        return
    if kind == "person":
        _person(ents, span, start, end, label)
    elif kind == "place":
        if _is_time_word(label):
            return
        known = next((e for e in ents.entities if e.key == name_key(label) and (
            e.kind in ("event", "project") or (e.kind == "organization" and e.org_kind))), None)
        if known is not None:  # the model's "place" is an organization named earlier
            ents.mention(start, end, known, "ner")
            return
        if label.endswith("-based"):
            end -= len("-based")
            label = label[: -len("-based")]
        cut = _country_prefix(ents.text[start:end])
        if cut is not None:  # "Côte d'Ivoire Vendanges": a country, then a headline run on
            end = start + cut
            label = clean_name(ents.text[start:end])
            words = label.split()
        before = ents.folded[max(0, start - 5):start]
        country = words_key(label) in lx.COUNTRIES  # "le Ghana", "au Mali": a country takes an article
        if re.search(r"(?:^|\s)(?:l'|le |la |du |au |aux |des )$", before) and not country \
                and _body_after_article(ents, span, start, end, label):
            return
        if (re.search(r"(?:^|\s)(?:l'|le |la |du |au |aux |des )$", before) and not country) or len(label) < 3 \
                or lx.kind_of(label):
            return
        if len(words) > 3 or not all(w[0].isupper() or w.lower() in lx.STOPWORDS or (i and re.match(r"[dl]['’][A-ZÀ-Ý]", w))
                                     for i, w in enumerate(words)):  # "Côte d'Ivoire"
            return
        ents.mention(start, end, ents.entity("place", label), "ner")
    elif kind == "organization":
        label = re.sub(r"^(?:R&D|la recherche|the research)\s+(?:de|d'|du|of)\s+", "", label)
        if _country_title(label):
            return  # "Ministre tchadien": a title and a nationality, no name
        lead = re.match(r"(?P<title>[\w\-]+(?:\s+[\w\-]+)?)\s+(?:de\s+l['’]|de\s+la\s+|des\s+|de\s+|d['’]|du\s+|of\s+)\s*", label)
        if lead and (name_key(lead["title"]) in lx.TITLES or _country_title(lead["title"])):
            # "PDG d'Optronis"; "ministre russe des Affaires étrangères": the field, as with "ministre de la Justice"
            start += label.index(lead.group(0)) + len(lead.group(0)) if label.startswith(lead.group(0)) else 0
            label = label[len(lead.group(0)):]
            if not ents.free(start, end) or not label:
                return
        if label.lower() in lx.NOT_NAMES or len(label) < 2:
            return
        if label.split()[0] in ("État", "Etat") and _OF_STATE.search(ents.folded[max(0, start - 30):start]):
            # "coup d'État", "secrétaire d'État (Paul X)": part of a common noun or a title
            rest = label[len(label.split()[0]):].strip()
            if len(rest.split()) > 1 and all(w[:1].isupper() for w in rest.split()):
                _person(ents, span, end - len(rest), end, rest)
            return
        at = end - 1 if ents.text[end - 1:end] in ("'", "’") else end  # (the tagger may keep the apostrophe)
        more = _POSSESSIVE_NAME.match(ents.text, at) if ents.lang == "fr" else None
        if more and ents.free(end, more.end()):  # "Harlow's Freight Analytics": no possessive in French
            end = more.end()
            label = clean_name(ents.text[start:end])
        ents.mention(start, end, ents.entity("organization", label, org_kind=lx.kind_of(label)), "ner")
    elif kind == "event":
        ents.mention(start, end, ents.entity("event", label), "ner")


def _country_title(words: str) -> bool:
    """'ministre tchadien', 'Ministre russe': a title and a lower-case nationality."""
    words = words.split()
    return len(words) == 2 and name_key(words[0]) in lx.TITLES and words[1].islower() \
        and unaccented(words[1]) in COUNTRY_OF


_TITLE_COMPLEMENT = re.compile(r"[ \t]+(?:de|du|des|d['’]|à|au|aux|en|of|at)[ \t']")
_PARTICLES = frozenset("von van der den de del della di da du des la le dos das do y zu ter bin ben ibn bint".split())
_PARTICLE_WORD = re.compile(r"(?:el|al|ul|ad|ed|ben|bin|ibn)-[A-ZÀ-Ý]")
def _person(ents: ArticleEntities, span, start: int, end: int, label: str) -> None:
    """A person the tagger found: its name ends before a title that follows it ("Dr Ada Kessler
    Professeure de chimie"); lower-case particles may be inside ("Anna von der Brenk",
    "Karim el-Mansouri"), not titles, nor a name the article gives an organization."""
    label = re.sub(r"['’]s$", "", label)
    if any(e.kind == "organization" and e.key == name_key(label) for e in ents.entities):
        return
    words = label.split()
    title = next((i for i, w in enumerate(words) if name_key(w) in lx.TITLES or (
        i >= 2 and name_key(w) in lx.TITLE_HEADS
        and _TITLE_COMPLEMENT.match(ents.text, ents.text.find(w, start) + len(w)))), None)
    if title is not None and title >= 2:
        label = " ".join(words[:title])
        end = start + ents.text[start:end].index(words[title - 1]) + len(words[title - 1])
        words = words[:title]
    if not words[0][0].isupper() or not (words[-1][0].isupper() or _PARTICLE_WORD.match(words[-1])) \
            or not all(w[0].isupper() or w in _PARTICLES or _PARTICLE_WORD.match(w) for w in words[1:]) \
            or lx.kind_of(label) or any(name_key(w) in lx.TITLES for w in words) \
            or not _particles_fit(ents, span, words):
        return
    if len(words) < 2 and not _lone_name(ents, span, start, label):
        return
    ents.mention(start, end, ents.entity("person", label), "ner")


def _particles_fit(ents: ArticleEntities, span, words: list[str]) -> bool:
    """A lower-case "de / du / le" inside a person's name ("Amandine de Valrose") when the name
    does not open a sentence (a capitalized common noun may: "Obsèques de X") and what follows is not a country or a name the article gives an
    organization or a place ("le président Ahmad de la Confédération": the person ends before)."""
    at = next((i for i, w in enumerate(words) if w in _PARTICLES and w in _FRENCH_PARTICLES), None)
    if at is None:
        return True
    rest = " ".join(w for w in words[at:] if w not in _PARTICLES)
    key = name_key(rest)
    return words_key(rest) not in lx.COUNTRIES and not any(
        e.key == key and e.kind in ("organization", "place") for e in ents.entities) \
        and (ents.gazetteer.entries.get(key) or ("person",))[0] == "person" and not span[0].is_sent_start


_FRENCH_PARTICLES = frozenset("de du des la le".split())
_POSSESSIVE_NAME = re.compile(r"['’]s(?:[ \t]+[A-ZÀ-Ý][\w&\-]*){0,3}(?![\w'’])")


def _country_prefix(text: str) -> int | None:
    """Where a place name that starts with a whole country's name followed by another capitalized
    word should end (the longest such country; None when the name is no such run-on)."""
    words = list(re.finditer(r"\S+", text))
    if len(words) < 2 or words_key(text) in lx.COUNTRIES:
        return None
    for n in range(len(words) - 1, 0, -1):
        if words_key(text[:words[n - 1].end()]) in lx.COUNTRIES and words[n].group(0)[:1].isupper() \
                and words_key(words[n].group(0)) not in _PLACE_WORDS:  # (not "Benin City", "Mexico State")
            return words[n - 1].end()
    return None


def _body_after_article(ents: ArticleEntities, span, start: int, end: int, label: str) -> bool:
    """A place the tagger found after an article ("la X", "du X") that is no country: an
    organization when it is a noun and its adjective ("la Confédération africaine de football",
    with its country: "la Cour suprême du Kenya") or a club a title or a game names ("l'entraîneur
    du X": no city takes an article, a club does). Whether it was mentioned."""
    if _body_shaped(label.split()):
        of = _OF_COUNTRY.match(ents.text, end)
        if of and country_key(of["country"]) in lx.COUNTRIES and ents.free(end, of.end()):
            end, label = of.end(), clean_name(ents.text[start:of.end()])
    elif not (_club_shaped(label) and _employer(span)) or _demonym_next(ents, end):
        return False
    ents.mention(start, end, ents.entity("organization", label, org_kind=lx.kind_of(label)), "ner")
    return True


def _club_shaped(text: str) -> bool:
    """A name a club may have: capitalised words (and "de"), no figure, no demonym, no
    competition's word ("Coupe", "Ligue", "Trophée", "Championnat")."""
    words = text.split()
    if not words or any(not (w[:1].isupper() or w in ("de", "du", "d'")) for w in words) or re.search(r"\d", text):
        return False
    folded = [fold_same_length(w).lower() for w in words]
    return not any(w in COUNTRY_OF or w in _COMPETITION_WORDS for w in folded)


_COMPETITION_WORDS = frozenset("coupe cup ligue league liga championnat championship jeux games tournoi trophee trophy "
                               "copa mondial super premier premiere ballon victoire match serie".split())


def _employer(span) -> bool:
    """The parse context says the name is an organization's (a title's complement, a club's game)."""
    from innograph.loaders.retype import context_kind

    return context_kind("place", span.text, span) == "organization"


def _demonym_next(ents: ArticleEntities, end: int) -> bool:
    """A demonym right after the name ("du NHS britannique"): the name goes on, another pass reads it."""
    word = _DEMONYM_NEXT.match(ents.folded, end)
    return word is not None and ents.text[word.start("word")].islower() and word["word"] in COUNTRY_OF


_OF_STATE = re.compile(r"(?<![\w'’])[a-z]+s?[ \t]+d['’][ \t]*$")
_DEMONYM_NEXT = re.compile(r"[ \t]+(?P<word>[a-z\-]+)")
_OF_COUNTRY = re.compile(r"[ \t]+(?:du|de la|de l['’]|des|de|d['’])[ \t]*(?P<country>[A-ZÀ-Ý][\w\-]*(?:[ \t]+[A-ZÀ-Ý][\w\-]*)?)")


def _body_shaped(words: list[str]) -> bool:
    """'Confédération africaine (de football)', 'Banque mondiale': a capitalised noun, then a
    lower-case adjective (no participle: "Cisjordanie occupée"), the noun no country's or continent's
    ("Afrique australe") and no place word's ("Corne", "Golfe")."""
    if len(words) < 2 or not words[0][:1].isupper() or not words[1][:1].islower():
        return False
    noun, adjective = fold_same_length(words[0]).lower(), fold_same_length(words[1]).lower()
    if any(fold_same_length(w).lower() in lx.TITLE_HEADS for w in words):
        return False  # "le Premier ministre X"
    if adjective in _FRENCH_PARTICLES or words[1].endswith(("é", "ée", "és", "ées")):
        return False
    return noun not in lx.COUNTRIES and noun not in _REGION_NOUNS and country_key(words[0]) not in lx.COUNTRIES


_REGION_NOUNS = frozenset("afrique africa europe asie amerique oceanie corne golfe mer ocean lac mont monts ile iles "
                          "peninsule plateau vallee desert region province cote republique royaume etats stade palais "
                          "place pont aeroport gare port parc ballon".split())


_PLACE_WORDS = frozenset("city town ville state etat province county district island islands ile iles bay baie "
                         "river riviere fleuve lake lac valley vallee mountains monts coast cote region square".split())


_TRAILING_CONNECTOR = re.compile(r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’]|of[ \t]+the|of|and|et))+[ \t]*$")


def _lone_name(ents: ArticleEntities, span, start: int, label: str) -> bool:
    """A one-word person name is kept after an honorific ('Mr. Sisson', 'Mme Diallo') or as the
    subject of a verb ('Garth was appointed'), when it is not a name word that opens sentences."""
    if len(label) < 3 or label.lower() in lx.NOT_NAMES or label.isupper():
        return False
    if _TITLE_START.search(ents.text[max(0, start - 12):start] + " "):
        return True
    honorific = re.search(rf"(?i:(?<![\w]){_HONORIFIC})\.?\s+$", ents.text[max(0, start - 12):start])
    return bool(honorific) or span.root.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")


_PERSON_NAME = r"(?!(?i:m|mme|mlle|mr|mrs|ms|dr|pr|prof|professor|professeur|professeure|docteur|docteure|me|cllr|councillor|sir|dame|lord)\b)[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?:[ \t]+(?:de[ \t]+|van[ \t]+|von[ \t]+|le[ \t]+|da[ \t]+)?[A-ZÀ-Ý][A-Za-zà-ÿ'’\-]+){1,2}"
# Matched against the text without accents but with its case: context words are case-blind
# ((?i:...)), names must be capitalized.
_PERSON_CONTEXT = re.compile(
    r"(?i:(?<![\w])(?:par|by|selon|according to|said|says|told|explique|souligne|assure|precise|ajoute|estime|"
    r"declare|indique|confie|raconte|detaille|complete|poursuit|added|explained|noted)[ \t]+"
    r"(?:(?:professor|prof|professeur|professeure|dr|docteur|m|mme|mr|mrs|ms|pr)\.?[ \t]+)?)(?P<name>X)".replace("X", _PERSON_NAME)
)
_PERSON_SUBJECT = re.compile(
    r"(?:^|[.!?][ \t]+|\n)(?P<name>X)(?=(?i:[ \t]*,[ \t]*(?:an?|the|une?|l'|le|la|ancien|ancienne|former)?[ \t]*[a-z\-]+|[ \t]+(?:said|says|ne|n'|a[ \t]+|est[ \t]+|was[ \t]+|is[ \t]+)))".replace("X", _PERSON_NAME)
)
_PERSON_NATIONALITY = re.compile(  # "la Brésilienne X Y" (feminine: "l'Espagnol X" may be a club)
    r"(?<![\w])(?i:la|une)[ \t]+(?P<nationality>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+(?P<name>X)".replace("X", _PERSON_NAME)
)
#: A surname after an honorific: "M. Xolani", "Mme Berrada" (one to three capitalised words).
_HONORED_NAME = re.compile(rf"(?<![\w.]){lx.SURNAME_HONORIFICS}[ \t]+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
                           r"(?:[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){0,2})(?![\w'’\-])")
#: A surname alone after a determined title, maybe with a nationality: "le général Varga",
#: "la ministre ghanéenne Mensah" (not followed by another capitalised word).
_TITLED_NAME = re.compile(r"(?<![\w])(?i:le|la|l['’]|du|au)[ \t]*(?P<title>[a-z\-]+)(?:[ \t]+(?P<adj>[a-z\-]+))?"
                          r"[ \t]+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’\-]|[ \t]+[A-Z])")

_NEXT_WORD = re.compile(r"[ \t]+([a-z\-]+)")


def _titled(m) -> bool:
    """A title of a person's, a nationality or nothing after it, and a name that is no country,
    nationality or continent ("le directeur Afrique")."""
    name = m["name"]
    after = _NEXT_WORD.match(m.string, m.end())
    if after and (after[1] in lx.TITLE_HEADS or after[1] in ("adjoint", "adjointe")):
        return False  # "le représentant Résident adjoint": a capitalised title word, no name
    return (m["title"] in lx.TITLE_HEADS or m["title"] in _RANKS) and (m["adj"] is None or m["adj"] in COUNTRY_OF) \
        and country_key(name) not in lx.COUNTRIES and name.lower() not in COUNTRY_OF and name.lower() not in lx.CONTINENTS


#: Ranks and styles a person's surname may follow, which are no job titles ("le général X", "l'émir X").
_RANKS = frozenset("general generale colonel lieutenant-colonel marechal amiral sergent caporal roi reine prince "
                   "princesse pape emir cheikh sultan imam ayatollah".split())
_PLACE_CONTEXT = re.compile(r"(?i:(?<![\w])(?:a|in|at|near|pres de|dans la ville de)[ \t]+)(?=[A-Z])")


_UNACCENTED: dict[str, str] = {}


def _is_time_word(label: str) -> bool:
    """Months and weekdays are not places ("in March 2023")."""
    from innograph.loaders.dates import MONTHS

    first = label.split()[0].lower().rstrip(".")
    return first in MONTHS or first in _WEEKDAYS


_WEEKDAYS = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday "
                      "friday saturday sunday".split())


def unaccented(text: str) -> str:
    """The text without accents, case kept, one character for one."""
    table = _UNACCENTED
    for ch in set(text) - table.keys():
        table[ch] = unicodedata.normalize("NFKD", ch)[0]
    return "".join(map(table.__getitem__, text))


def person_patterns(ents: ArticleEntities) -> None:
    """Names the statistical model missed, in places only a person's name fits: after 'par',
    'by', a speech verb or 'selon'; or opening a sentence before an apposition ("X, ancien ...")."""
    text = ents.text
    plain = unaccented(text)
    for pattern in (_PERSON_CONTEXT, _PERSON_SUBJECT, _PERSON_NATIONALITY, _HONORED_NAME, _TITLED_NAME):
        for m in pattern.finditer(plain):
            if "nationality" in m.re.groupindex and m["nationality"].lower() not in COUNTRY_OF:
                continue
            if "title" in m.re.groupindex and not _titled(m):
                continue
            if m.re in (_HONORED_NAME, _TITLED_NAME) and any(e.key == name_key(m["name"]) and e.kind != "person" for e in ents.entities):
                continue  # a name the tagger gave another kind: linking.titled_place reads the title
            start, end = m.start("name"), m.end("name")
            name = text[start:end]
            words = name.split()
            if not ents.free(start, end) or any(w.lower() in lx.NOT_NAMES for w in words) or lx.kind_of(name) \
                    or any(name_key(w) in lx.TITLES or name_key(w) in lx.DESCRIPTORS for w in words):
                continue
            if not all(w[0].isupper() for w in text[start:end].split() if w.lower() not in ("de", "van", "von", "le", "da")):
                continue
            if any(e.kind == "organization" and e.key == name_key(name) for e in ents.entities):
                continue
            ents.mention(start, end, ents.entity("person", name), "pattern")


def place_patterns(ents: ArticleEntities) -> None:
    """'à Lyon', 'in Manchester': a one- or two-word capitalized name after a place preposition,
    when nothing else claimed it and it is not an organization's name."""
    text = ents.text
    for m in _PLACE_CONTEXT.finditer(unaccented(text)):
        name = re.match(r"[A-ZÀ-Ý][\wà-ÿ\-]+(?:-[A-ZÀ-Ý][\wà-ÿ\-]+)*(?:[ \t]+[A-ZÀ-Ý][\wà-ÿ\-]+)?", text[m.end():m.end() + 40])
        if not name:
            continue
        start, end = m.end(), m.end() + len(name.group(0))
        label = re.sub(r"-based$", "", name.group(0))
        end = start + len(label)
        if not ents.free(start, end) or lx.kind_of(label) or label.split()[0].lower() in lx.NOT_NAMES \
                or _is_time_word(label):
            continue
        if any(e.kind != "place" and e.key == name_key(label) for e in ents.entities):
            continue
        if re.match(r"[ \t]+(?:de|du|des|d'|of)[ \t]", text[end:end + 5]):
            continue  # "à Lyon Biotech Valley" cut short, or a longer name
        ents.mention(start, end, ents.entity("place", label), "pattern")


_WORD = re.compile(r"[a-z0-9]+")
MAX_NAME_WORDS = 8


def gazetteer(ents: ArticleEntities) -> None:
    """Every other occurrence of a name already known (article entities and the store's).

    Names are looked up as word n-grams in dictionaries, only from words that start some name,
    so a gazetteer of thousands of names costs about the same per article as one of ten.
    """
    local: dict[str, object] = {}
    for entity in ents.entities:
        for name in entity.names():
            if len(name) >= 3 and (len(name.split()) > 1 or name.isupper() or name[0].isupper()):
                local.setdefault(words_key(name), entity)
    local.pop("", None)
    known = ents.gazetteer
    if not local and not known.by_words:
        return
    firsts = {k.split(" ", 1)[0] for k in local} | known.first_words
    longest = max([len(k.split()) for k in local] + [known.longest], default=1)
    words = [(w.group(0), w.start(), w.end()) for w in _WORD.finditer(ents.folded)]
    i = 0
    while i < len(words):
        if words[i][0] not in firsts:
            i += 1
            continue
        for n in range(min(longest, MAX_NAME_WORDS, len(words) - i), 0, -1):
            start, end = words[i][1], words[i + n - 1][2]
            key = " ".join(w[0] for w in words[i:i + n])
            target = local.get(key) or known.by_words.get(key)
            if target is None or not ents.free(start, end):
                continue
            if n == 1 and not ents.text[start].isupper():
                continue  # one lower-case word is too weak to be a name
            if isinstance(target, tuple):
                kind, label, org_kind, _ = target
                if short_acronym(ents.text[start:end]) and name_key(label) != name_key(ents.text[start:end]):
                    continue  # an acronym alone does not name what another source knows by it
                target = ents.entity(kind, label, org_kind=org_kind)
            ents.mention(start, end, target, "gazetteer")
            i += n - 1
            break
        i += 1
