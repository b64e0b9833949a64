"""What a name's shape and its context tell of a span the tagger typed a place or left untyped
(:mod:`.namefinder` asks): a country a headline ran on ("Côte d'Ivoire Vendanges"), a body or a
club after an article ("la Banque mondiale", "l'entraîneur du X"), a month or a weekday.
"""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.mentions import ArticleEntities, clean_name, country_key, words_key

#: Lower-case particles of a French name ("Amandine de Valrose"), which are no adjective of a body.
FRENCH_PARTICLES = frozenset("de du des la le".split())


def country_prefix(text: str) -> int | None:
    """Where a place name that starts with a whole country's name followed by another capitalized
    word should end (the longest such country; None when the name is no such run-on)."""
    words = list(re.finditer(r"\S+", text))
    if len(words) < 2 or words_key(text) in lx.COUNTRIES:
        return None
    for n in range(len(words) - 1, 0, -1):
        if words_key(text[:words[n - 1].end()]) in lx.COUNTRIES and words[n].group(0)[:1].isupper() \
                and words_key(words[n].group(0)) not in lx.PLACE_NOUNS:  # (not "X City", "Y State")
            return words[n - 1].end()
    return None


#: "de", "du", "des", "d'", "de la", "de l'" right before a name, a club's form ("FC") between.
_OF_BEFORE = re.compile(rf"(?<![\w])(?:de|du|des|d['’]|de la|de l['’])[ \t]*(?:(?:{'|'.join(sorted(lx.CLUB_FORMS))})[ \t]+)?$")


#: Words a surname starts with, capitalized as often as not ("Le Pen", "Ben X", "Van der Y", "Al-Z"):
#: a tail opening with one is a person's own surname, not another person.
_SURNAME_PARTICLES = frozenset("le la de du des van von der den del della di da dos das ben bin ibn al el abu abou ould ag "
                               "mac mc saint st".split())


def person_named_apart(text: str, start: int, end: int, people) -> int | None:
    """Where a person's name starts inside a run of capitalised words the tagger read as one name
    behind "de" (a title's organization, then its holder), when the article names that person on
    their own elsewhere: "l'attaquante de Valmont Amina Oyelaran" with "Amina Oyelaran" tagged a
    person in another sentence (`people`: the texts the tagger tagged persons). The longest such
    tail, of two words or more, after one word or more; None when there is none (not "Oussama Ben
    X" with "Ben X" apart: no "de" before, a person's own surname)."""
    if not _OF_BEFORE.search(text, max(0, start - 12), start):
        return None
    words = list(re.finditer(r"\S+", text[start:end]))
    if text.count(text[start:end]) > 1:
        return None  # a whole name the article names again is one ("de Marine Le Pen", then "Marine Le Pen")
    for n in range(1, len(words) - 1):
        tail = text[start + words[n].start():end]
        if tail in people and all(w.group(0)[:1].isupper() for w in words[n - 1:]) \
                and words[n].group(0).lower() not in _SURNAME_PARTICLES \
                and any(m.start() != start + words[n].start() for m in re.finditer(re.escape(tail), text)):
            return start + words[n].start()
    return None


def body_after_article(ents: ArticleEntities, span, start: int, end: int, label: str) -> bool:
    """A place the tagger found after an article ("la X", "du X") that is no country: an
    organization when it is a noun and its adjective ("la Confédération africaine de football",
    with its country: "la Cour suprême du Kenya") or a club a title or a game names ("l'entraîneur
    du X": no city takes an article, a club does). Whether it was mentioned."""
    if _body_shaped(label.split()):
        of = _OF_COUNTRY.match(ents.text, end)
        if of and country_key(of["country"]) in lx.COUNTRIES and ents.free(end, of.end()):
            end, label = of.end(), clean_name(ents.text[start:of.end()])
    elif not club_named(ents, span, label, end):
        return False
    ents.mention(start, end, ents.entity("organization", label, org_kind=lx.kind_of(label)), "ner")
    return True


def club_named(ents: ArticleEntities, span, label: str, end: int) -> bool:
    """A club's name (`label`, of the tagger's `span` that ends at `end`) the parse context says an
    organization's, no demonym after it."""
    return club_shaped(label) and _employer(span) and not _demonym_next(ents, end)


def club_shaped(text: str) -> bool:
    """A name a club may have: capitalised words (and "de"), no figure, no demonym, no
    competition's word ("Coupe", "Ligue", "Trophée", "Championnat")."""
    words = text.split()
    if not words or any(not (w[:1].isupper() or w in ("de", "du", "d'")) for w in words) or re.search(r"\d", text):
        return False
    folded = [fold_same_length(w).lower() for w in words]
    return not any(w in COUNTRY_OF or w in lx.NO_CLUB_WORDS for w in folded)


def _employer(span) -> bool:
    """The parse context says the name is an organization's (a title's complement, a club's game)."""
    from innograph.loaders.retype import context_kind

    return context_kind("place", span.text, span) == "organization"


def _demonym_next(ents: ArticleEntities, end: int) -> bool:
    """A demonym right after the name ("du NHS britannique"): the name goes on, another pass reads it."""
    word = _DEMONYM_NEXT.match(ents.folded, end)
    return word is not None and ents.text[word.start("word")].islower() and word["word"] in COUNTRY_OF


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
    if adjective in FRENCH_PARTICLES or words[1].endswith(("é", "ée", "és", "ées")):
        return False
    return noun not in lx.COUNTRIES and noun not in lx.CONTINENTS and noun not in _NO_BODY_NOUNS \
        and country_key(words[0]) not in lx.COUNTRIES


#: The nouns a body's name does not start with: a place's (but "État", "State": with an adjective, a
#: body may be named so) and a trophy's ("le Ballon de X").
_NO_BODY_NOUNS = (lx.PLACE_NOUNS - {"etat", "state"}) | {"ballon"}


def is_time_word(label: str) -> bool:
    """Months and weekdays are not places ("in March 2023")."""
    from innograph.loaders.dates import MONTHS, WEEKDAYS

    first = label.split()[0].lower().rstrip(".")
    return first in MONTHS or first in WEEKDAYS
