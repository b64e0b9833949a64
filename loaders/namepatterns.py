"""Names the tagger missed, where only a person's or a place's name fits: after "par", "selon" or a
speech verb, opening a sentence before an apposition, after an honorific ("M. X") or a determined
title ("le général X"), after a nationality ("la Brésilienne X Y"); a place after "à" or "in".
"""

from __future__ import annotations

import re

from innograph.graph.normalize import unaccented
from innograph.loaders import lexicon as lx
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.mentions import ArticleEntities, alternation, country_key, name_key
from innograph.loaders.nameshapes import is_time_word
from innograph.loaders.placewords import US_STATES


#: Lower-case particles a person's name found by a pattern may have inside ("Odile de Varenne").
_PARTICLES = ("de", "van", "von", "le", "da")
_PERSON_NAME = (rf"(?!(?i:{lx.HONORIFIC_WORDS})\b)" r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
                rf"(?:[ \t]+(?:(?:{'|'.join(_PARTICLES)})[ \t]+)?" r"[A-ZÀ-Ý][A-Za-zà-ÿ'’\-]+){1,2}")
# Matched against the text without accents but with its case: context words are case-blind
# ((?i:...)), names must be capitalized.
_PERSON_CONTEXT = re.compile(
    r"(?i:(?<![\w])(?:par|by|selon|according to|said|says|told|explique|souligne|assure|precise|ajoute|estime|"
    r"declare|indique|confie|raconte|detaille|complete|poursuit|added|explained|noted)[ \t]+"
    rf"(?:(?:{lx.HONORIFIC_WORDS})\.?[ \t]+)?)(?P<name>X)".replace("X", _PERSON_NAME)
)
_PERSON_SUBJECT = re.compile(
    r"(?:^|[.!?][ \t]+|\n)(?P<name>X)(?=(?i:[ \t]*,[ \t]*(?:an?|the|une?|l'|le|la|ancien|ancienne|former)?[ \t]*[a-z\-]+|[ \t]+(?:said|says|ne|n'|a[ \t]+|est[ \t]+|was[ \t]+|is[ \t]+)))".replace("X", _PERSON_NAME)
)
#: A name set off by commas inside a sentence, before a title ("Contacté par téléphone, X Y, trésorier
#: de Z, confirme"): the title word, not any lower-case word, says a person is meant.
_PERSON_SET_OFF = re.compile(
    r"(?<=[^\W\d])[ \t]*,[ \t]+(?P<name>X)(?=[ \t]*,[ \t]*(?i:(?:une?|l'|le|la|ancien|ancienne|former|an?|the)[ \t]+)?(?P<head>[a-z]+(?:-[a-z]+)*)\b)"
    .replace("X", _PERSON_NAME)
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


def person_patterns(ents: ArticleEntities) -> None:
    """Names the statistical model missed, in places only a person's name fits: after 'par',
    'by', a speech verb or 'selon'; opening a sentence before an apposition ("X, ancien ..."); or set
    off by commas before a title ("..., X, directeur de Y, ...")."""
    text = ents.text
    plain = unaccented(text)
    for pattern in (_PERSON_CONTEXT, _PERSON_SUBJECT, _PERSON_SET_OFF, _PERSON_NATIONALITY, _HONORED_NAME, _TITLED_NAME):
        for m in pattern.finditer(plain):
            if "head" in m.re.groupindex and m["head"] not in lx.TITLE_HEADS:
                continue
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
            if not all(w[0].isupper() for w in text[start:end].split() if w.lower() not in _PARTICLES):
                continue
            if any(e.kind == "organization" and e.key == name_key(name) for e in ents.entities):
                continue
            ents.mention(start, end, ents.entity("person", name), "pattern")


_CAP = r"[A-ZÀ-Ý][\w\-'’]*\.?"
#: 'Samuel D. "Sam" Waksal', 'Alessandro (Alex) Gadotti', 'Christopher “CJ” Fraleigh': a nickname
#: between a person's first names and surname.
_NICKNAMED = re.compile(rf"(?<![\w])(?P<first>{_CAP}(?:[ \t]+{_CAP}){{0,2}})[ \t]+"
                        rf"(?P<nick>\"[A-ZÀ-Ý][^\"\n]{{0,20}}\"|“[A-ZÀ-Ý][^”\n]{{0,20}}”|\([A-ZÀ-Ý][\w\-'’. ]{{0,20}}\))"
                        rf"[ \t]+(?P<last>[A-ZÀ-Ý][\w\-'’]+(?:[ \t]+[A-ZÀ-Ý][\w\-'’]+)?)")


def nicknamed_people(ents: ArticleEntities) -> None:
    """One person for a name with a nickname inside ('Samuel D. "Sam" Waksal'), where the tagger
    saw a person in it: named as written, also known without the nickname and by it."""
    text = ents.text
    for m in _NICKNAMED.finditer(text):
        start, end = m.start(), m.end()
        inside = [o for o in ents.mentions if o.start < end and start < o.end]
        if not any(o.entity.kind == "person" for o in inside) or any(o.start < start or o.end > end for o in inside) \
                or any(o.entity.kind != "person" and (o.entity.org_kind or " " in o.text) for o in inside):
            continue  # (a one-word name the tagger typed otherwise is the person's: "Edwin (Gary) Boring")
        for o in inside:
            ents.mentions.remove(o)
        nick = m["nick"].strip('"“”()')
        person = ents.entity("person", text[start:end])
        for alias in (f"{m['first']} {m['last']}", f"{nick} {m['last']}"):
            ents.add_alias(person, alias)
        ents.mention(start, end, person, "pattern")


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
                or is_time_word(label):
            continue
        if any(e.kind != "place" and e.key == name_key(label) for e in ents.entities):
            continue
        if re.match(r"[ \t]+(?:de|du|des|d'|of)[ \t]", text[end:end + 5]):
            continue  # "à Lyon Biotech Valley" cut short, or a longer name
        ents.mention(start, end, ents.entity("place", label), "pattern")


#: A US state's code or abbreviation after a town and a comma ("Haverhill, MA", "McLean, Va."), in English.
_STATE_AFTER_TOWN = re.compile(r",[ \t]+(?P<code>%s)(?![\w.])" % "|".join(
    re.escape(c) for c in sorted(US_STATES, key=len, reverse=True)))


def us_state_codes(ents: ArticleEntities) -> None:
    """'Haverhill, MA', 'McLean, Va.': a US state written by its code after a town the article names
    is a place, the state (its name the label, the code an alias)."""
    if ents.lang != "en":
        return
    for m in _STATE_AFTER_TOWN.finditer(ents.text):
        town = ents.at(m.start() - 1)
        start, end = m.start("code"), m.end("code")
        if town is None or town.entity.kind != "place" or town.end != m.start():
            continue
        found = ents.at(start)
        if found is not None:  # the tagger's own "Okla." place: its name too
            if found.entity.kind == "place" and found.start == start and found.end in (end, end - 1):
                ents.add_alias(found.entity, US_STATES[m["code"]])
            continue
        if not ents.free(start, end):
            continue
        state = ents.entity("place", US_STATES[m["code"]])
        ents.add_alias(state, m["code"])
        ents.mention(start, end, state, "pattern")


#: A state's official name: its form, adjectives, "de", then the country ("la Fédération de Russie",
#: "la République populaire de Chine", "l'État d'Israël"); folded text.
_OFFICIAL_NAME = re.compile(
    r"(?<![\w])(?:republique|federation|royaume|emirat|sultanat|principaute|confederation|etat|grand[ \-]duche)"
    r"(?:[ \t]+(?:populaire|islamique|federale|federative|arabe|socialiste|unie|cooperative|hachemite|bolivarienne"
    r"|unifiee|souveraine|plurinational|independant)){0,3}[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l'|du[ \t]+|des[ \t]+|de[ \t]+|d')")
_COUNTRY_WORDS = re.compile(r"[A-ZÀ-Ý][\w\-]*(?:[ \t'’\-]+(?:[A-ZÀ-Ý][\w\-]*|du|de|d|et|la))*")


def official_country_names(ents: ArticleEntities) -> None:
    """'la Fédération de Russie', 'la République populaire de Chine', 'le Royaume d'Arabie saoudite':
    a state's official name is that country (a place, as its short name is, with the long form as
    another name), unless the whole is a country of its own ('République démocratique du Congo')."""
    text, folded = ents.text, ents.folded
    for m in _OFFICIAL_NAME.finditer(folded):
        words = _COUNTRY_WORDS.match(text, m.end())
        if words is None or country_key(text[m.start():words.end()]) in lx.COUNTRIES:
            continue
        parts = words.group(0).split()
        country = next((" ".join(parts[:n]) for n in range(len(parts), 0, -1)
                        if country_key(" ".join(parts[:n])) in lx.COUNTRIES), None)
        if country is None:
            continue
        end = m.end() + len(country)
        if not ents.free(m.start(), end):
            continue
        entity = ents.entity("place", country)
        ents.add_alias(entity, text[m.start():end])
        ents.mention(m.start(), end, entity, "gazetteer")  # (a name of the list of countries, as the gazetteer's)


#: Every country of the list as the folded text writes it (words apart by spaces, hyphens or
#: apostrophes), longest first; read on the folded text, case-blind.
_COUNTRY_NAME = re.compile(rf"(?<![\w\-])(?:{alternation(lx.COUNTRIES)})(?![\w\-])", re.I)
#: A capitalized word right before a country's name (with "de", "d'" between): the country is a
#: word of another name ("Banque d'Algérie", "Radio Congo").
_NAME_BEFORE = re.compile(r"[A-ZÀ-Ý][\w\-]*[ \t]+(?:(?:de|du|d['’])[ \t]*)?$|[A-ZÀ-Ý][\w\-]*[ \t]*d['’]$")
#: A capitalized word right after it, with "du", "de" between maybe ("Irlande du Nord", "Maroc Télécom").
_NAME_AFTER = re.compile(r"[ \t]+(?:(?:du|de|des|de la|d['’])[ \t]*)?[A-ZÀ-Ý]")


def country_names(ents: ArticleEntities) -> None:
    """A country's name the tagger missed ("le sélectionneur de l'Algérie, X", "président de la
    Tunisie" run into a person): a place, when it is capitalized and no word of a longer name
    (no capitalized word right before or after it, "de" between or not); a place the tagger cut
    short inside it ("Guinée" of "Guinée équatoriale") grows into it. French only."""
    if ents.lang != "fr":
        return
    text = ents.text
    for m in _COUNTRY_NAME.finditer(ents.folded):
        start, end = m.start(), m.end()
        inside = [o for o in ents.mentions if o.start < end and start < o.end]
        if not text[start].isupper() or any(o.entity.kind != "place" or o.start < start or o.end > end or (o.start, o.end) == (start, end)
                                            for o in inside) \
                or _NAME_BEFORE.search(text, max(0, start - 30), start) or _NAME_AFTER.match(text, end):
            continue
        ents.mention(start, end, ents.entity("place", text[start:end]), "gazetteer")
