"""The tagger's named entities read into mentions: spaCy's entities where no precise pattern
matched, cut where the tagger ran on (a sentence end, a title after a person's name, a
preposition or an article before it), and typed again where the words say another kind.

The other name passes: :mod:`.namepatterns` (names the tagger missed, where only a person's or a
place's fits), :mod:`.knownnames` (the gazetteer); :mod:`.nameshapes` holds what a name's shape
tells of a span the tagger typed a place.
"""

from __future__ import annotations

import re

from innograph.graph.normalize import unaccented
from innograph.loaders import lexicon as lx
from innograph.loaders.demonyms import nationality
from innograph.loaders.mentions import ArticleEntities, alternation, clean_name, country_or_continent, name_key, words_key
from innograph.loaders.nameends import english_end
from innograph.loaders.nameshapes import (FRENCH_PARTICLES, body_after_article, club_named, country_prefix, is_time_word,
                                          person_named_apart)


_NER_KINDS = {
    "PER": "person", "PERSON": "person",
    "ORG": "organization",
    "LOC": "place", "GPE": "place", "FAC": "place",
    "EVENT": "event",
}
#: An honorific on the raw text, case-blind (lexicon.HONORIFICS): "M" and "MM" only with their dot, since
#: without it a capital "M" before a name is as often an initial.
_HONORIFIC = rf"(?:m\.|mm\.|{alternation(lx.HONORIFICS - {'m', 'mm'})})"
_TITLE_START = re.compile(rf"^{_HONORIFIC}\.?\s+", re.I)


def named_entities(ents: ArticleEntities, docs) -> None:
    """spaCy's entities where no precise pattern matched. A span the tagger ran over a sentence
    end or a closing bracket ("[au VFC]. Marc Dubreuil") is read as its pieces; a name cut inside
    a hyphenated word ("Lee Sang-" of "Lee Sang-hoon") goes on to the word's end."""
    apart = {span.text for _, doc in docs for span in doc.ents if _NER_KINDS.get(span.label_) == "person"}
    for offset, doc in docs:
        for span in doc.ents:
            kind = _NER_KINDS.get(span.label_)
            start, end = offset + span.start_char, offset + span.end_char
            honorific = _TITLE_START.match(span.text)
            if kind is None and span.label_ == "MISC" and honorific:
                kind, start = "person", start + honorific.end()  # "le Dr X Y" the tagger called MISC
            elif kind is None and span.label_ == "MISC" and ents.lang == "fr" \
                    and club_named(ents, span, span.text, end):
                kind = "organization"  # "l'ancien manager de X", "une victoire contre X": a club it did not know
            if kind is None:
                continue
            for a, b in _pieces(ents.text, start, end):
                cut = person_named_apart(ents.text, a, b, apart)
                if cut is not None:  # "l'attaquant de Valmont Amina Oyelaran", the article naming her apart
                    stop = a + len(ents.text[a:cut].rstrip())
                    form = _CLUB_FORM_BEFORE.search(ents.text, max(0, a - 6), a)
                    club = next((m for m in ents.mentions if form and m.start == form.start() and m.end <= a), None)
                    if club is not None:  # "du FC" + "Valmont Amina Oyelaran": the tagger cut the club's name
                        ents.rename(club, club.start, stop)
                    else:
                        _named_entity(ents, span, "organization" if kind == "person" else kind, a, stop)
                    _named_entity(ents, span, "person", cut, _word_end(ents.text, b))
                    continue
                _named_entity(ents, span, kind, _word_start(ents.text, a), _word_end(ents.text, b))


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


def _word_start(text: str, start: int) -> int:
    """Where the word the name starts in starts: before "Karim", the "Abdoul-" of "Abdoul-Karim" that
    the tagger left out, when it is capitalized (not "anti-" or "pro-": "les anti-X" name X)."""
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        before = re.search(r"[\w]+(?:-[\w]+)*-$", text[max(0, start - 40):start])
        if before and before.group(0)[:1].isupper():
            return start - len(before.group(0))
    return start


_CLUB_FORM_BEFORE = re.compile(rf"(?<![\w])(?:{'|'.join(sorted(lx.CLUB_FORMS))})[ \t]+$")
_CLITICS = frozenset("je tu il elle on nous vous ils elles le la les lui leur moi toi y en t ci la là ce".split())


def _person_after(words: list[str]) -> bool:
    """Whether a French nationality noun and the words after it read as a person's ("le Ghanéen Kofi
    Mensah"): the noun in its French form (an accent or a French ending: not "l'American X Society"),
    then two or three capitalised words, none an organization's word, a nationality or an acronym."""
    rest = words[1:]
    french = re.search(r"[éèêë]|(?:ien|ais|ois|ain|in|ite|ote)$", words[0].lower())
    return bool(french) and 2 <= len(rest) <= 3 and all(w[:1].isupper() and not w.isupper() for w in rest) \
        and lx.kind_of(" ".join(rest)) is None and not any(nationality(w) for w in rest)


#: A preposition the tagger took into a name at a sentence's start ("Avec X", "In London").
_LEAD_PREPOSITION = re.compile(r"(?i:in|at|on|from|to|with|after|before|since|under|à|a|en|au|aux|dans|avec|outre|sans|malgré"
                               r"|contre|chez|entre|parmi|durant|pendant|sous|vers|selon|pour|après|avant|depuis)\s+(?=[A-ZÀ-Ý])")


def _named_entity(ents: ArticleEntities, span, kind: str, start: int, end: int) -> None:
    """One named entity of the tagger's (or one piece of it), from `start` to `end` in the article."""
    text = ents.text[start:end]
    lead = _LEAD_PREPOSITION.match(text)
    if lead and len(text.split()) > 1 and text[0].isupper():
        start += lead.end()  # "In London", "Avec X": the preposition is not part of the name
    elided = re.match(r"[LlDd]['’](?=[A-ZÀ-Ý])", ents.text[start:end])
    if elided:
        start += elided.end()  # "L'Afrique du Sud compte": the article is not part of the name
    trail = _TRAILING_CONNECTOR.search(ents.text[start:end])
    if trail and trail.start() > 0:
        end = start + trail.start()  # "Affaires étrangères de la" (Côte d'Ivoire): the name ends before "de la"
    territory = _FOR_TERRITORY.search(ents.text[start:end]) if kind == "organization" else None
    if territory and territory.start() > 0 and country_or_continent(territory["where"]) \
            and not re.search(r"\s(?:de|des|du|d['’])\s*", ents.text[start:start + territory.start()]):
        # "(l'envoyé des) Nations unies pour la Libye": the title's territory (not a body's remit, "la
        # Commission économique des Nations unies pour l'Afrique")
        end = start + territory.start()
    label = clean_name(_TITLE_START.sub("", ents.text[start:end]))
    if not label or not ents.free(start, end):
        return
    words = label.split()
    if len(words) > 1 and kind in ("person", "organization") and nationality(words[0]) \
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
        _place(ents, span, start, end, label, words)
    elif kind == "organization":
        _organization(ents, span, start, end, label)
    elif kind == "event":
        ents.mention(start, end, ents.entity("event", label), "ner")


def _place(ents: ArticleEntities, span, start: int, end: int, label: str, words: list[str]) -> None:
    """A place of the tagger's: not a month nor "États" alone, nor an organization the article named, nor a country a
    headline ran on (cut), nor a body or club after an article (an organization)."""
    if is_time_word(label) or label in ("États", "Etats"):
        return  # (a month; "les États membres": a common noun)
    known = next((e for e in ents.entities if e.key == name_key(label) and (
        e.kind in ("event", "project") or (e.kind == "organization" and e.org_kind))), None)
    if known is not None:  # the model's "place" is an organization named earlier
        ents.mention(start, end, known, "ner")
        return
    if label.endswith("-based"):
        end -= len("-based")
        label = label[: -len("-based")]
    cut = country_prefix(ents.text[start:end])
    if cut is not None:  # "Côte d'Ivoire Vendanges": a country, then a headline run on
        end = start + cut
        label = clean_name(ents.text[start:end])
        words = label.split()
    before = ents.folded[max(0, start - 5):start]
    country = words_key(label) in lx.COUNTRIES  # "le Ghana", "au Mali": a country takes an article
    if re.search(r"(?:^|\s)(?:l'|le |la |du |au |aux |des )$", before) and not country \
            and body_after_article(ents, span, start, end, label):
        return
    if (re.search(r"(?:^|\s)(?:l'|le |la |du |au |aux |des )$", before) and not country) or len(label) < 3 \
            or lx.kind_of(label):
        return
    if len(words) > 3 or not all(w[0].isupper() or w.lower() in lx.STOPWORDS or (i and re.match(r"[dl]['’][A-ZÀ-Ý]", w))
                                 for i, w in enumerate(words)):  # "Côte d'Ivoire"
        return
    ents.mention(start, end, ents.entity("place", label), "ner")


def _organization(ents: ArticleEntities, span, start: int, end: int, label: str) -> None:
    """An organization of the tagger's, after the title it may start with ("PDG d'Optronis")."""
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
    if label.lower() in lx.NOT_NAMES or label.lower() in lx.NETWORK_WORDS or len(label) < 2 \
            or (label.islower() and name_key(label) in lx.TITLE_HEADS) \
            or (" " not in label and unaccented(label).lower() in lx.ORG_NOUNS):
        return  # ("ministre" alone, lower-case: a title, no name; "la Start-up", "la Société": a common noun)
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
    longer = english_end(ents.text, end) if ents.lang == "fr" else end
    if longer > end and ents.free(end, longer):  # "Harlan Museum" + " of Maritime History"
        end, label = longer, clean_name(ents.text[start:longer])
    ents.mention(start, end, ents.entity("organization", label, org_kind=lx.kind_of(label)), "ner")


def _country_title(words: str) -> bool:
    """'ministre tchadien', 'Ministre russe': a title and a lower-case nationality."""
    words = words.split()
    return len(words) == 2 and name_key(words[0]) in lx.TITLES and words[1].islower() \
        and nationality(words[1])


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
    while len(words) > 2 and words[-1].rstrip(".") in _POST_NOMINALS:  # "Marie Holt QC": the name ends before
        end = start + len(ents.text[start:end].rstrip()[:-len(words[-1])].rstrip())
        words = words[:-1]
        label = " ".join(words)
    cut = _other_name_after_particle(ents, words)
    if cut is not None:  # "le roi Albert II de Belgique", "Ahmad de la Confédération X": the person ends before
        at, rest = cut
        tail = ents.text.rfind(words[at], start, end)
        if words_key(rest) in lx.COUNTRIES:
            _country_mention(ents, ents.text.find(rest.split()[0], tail), end)
        end = start + len(ents.text[start:tail].rstrip())
        words = words[:at]
        label = " ".join(words)
    elided = next((i for i, w in enumerate(words) if i >= 2 and w[:2].lower() in ("d'", "d’") and w[2:3].isupper()), None)
    if elided is not None:  # "Paul Ravel d'Ostrande": a full name, then where the person is from or works
        end = start + len(ents.text[start:ents.text.rfind(words[elided], start, end)].rstrip())
        words = words[:elided]
        label = " ".join(words)
    if not words[0][0].isupper() or not (words[-1][0].isupper() or _PARTICLE_WORD.match(words[-1])) \
            or not all(w[0].isupper() or w in _PARTICLES or _PARTICLE_WORD.match(w) for w in words[1:]) \
            or lx.kind_of(label) or any(name_key(w) in lx.TITLES for w in words) \
            or not _particles_fit(ents, span, words):
        return
    if len(words) < 2 and not _lone_name(ents, span, start, label):
        return
    ents.mention(start, end, ents.entity("person", label), "ner")


#: Letters after a name that say an honour, a rank or a degree, not the name ("X QC", "Y OBE").
_POST_NOMINALS = frozenset("QC KC MP MEP OBE CBE MBE KBE DBE PhD MD".split())


def _other_name_after_particle(ents: ArticleEntities, words: list[str]) -> tuple[int, str] | None:
    """Where a lower-case "de / du / de la / d'" inside a person's name the tagger ran on starts
    another name: a country ("Albert II de Belgique"), a name the article gives an organization or a
    place, or one the store knows as no person's ("le président Ahmad de la Confédération"); the
    particle's index and that other name, or None."""
    at = next((i for i, w in enumerate(words) if w in FRENCH_PARTICLES or w.startswith(("d'", "d’"))), None)
    if not at:
        return None
    first = words[at][2:] if words[at].startswith(("d'", "d’")) else ""
    rest = " ".join([first] * bool(first) + [w for w in words[at + 1:] if w not in _PARTICLES])
    key = name_key(rest)
    other = words_key(rest) in lx.COUNTRIES or any(e.key == key and e.kind in ("organization", "place") for e in ents.entities) \
        or (ents.gazetteer.entries.get(key) or ("person",))[0] != "person"
    return (at, rest) if rest and other else None


def _country_mention(ents: ArticleEntities, start: int, end: int) -> None:
    if start >= 0 and ents.free(start, end):
        ents.mention(start, end, ents.entity("place", ents.text[start:end]), "ner")


def _particles_fit(ents: ArticleEntities, span, words: list[str]) -> bool:
    """A lower-case "de / du / le" inside a person's name ("Amandine de Valrose") when the name
    does not open a sentence (a capitalized common noun may: "Obsèques de X"); one that starts
    another name has cut the name before it (:func:`_other_name_after_particle`)."""
    return not any(w in FRENCH_PARTICLES for w in words) or not span[0].is_sent_start


_OF_STATE = re.compile(r"(?<![\w'’])[a-z]+s?[ \t]+d['’][ \t]*$")
_POSSESSIVE_NAME = re.compile(r"['’]s(?:[ \t]+[A-ZÀ-Ý][\w&\-]*){0,3}(?![\w'’])")
_FOR_TERRITORY = re.compile(r"[ \t]+pour[ \t]+(?:la|le|les|l['’])[ \t]*(?P<where>[^,;()]+)$")
_TRAILING_CONNECTOR = re.compile(r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’]|of[ \t]+the|of|and|et|au|aux|à|en|in|at))+[ \t]*$")


def _lone_name(ents: ArticleEntities, span, start: int, label: str) -> bool:
    """A one-word person name is kept after an honorific ('Mr. Sisson', 'Mme Diallo') or as the
    subject of a verb ('Garth was appointed'), when it is not a name word that opens sentences."""
    if len(label) < 3 or label.lower() in lx.NOT_NAMES or label.isupper():
        return False
    if _TITLE_START.search(ents.text[max(0, start - 12):start] + " "):
        return True
    honorific = re.search(rf"(?i:(?<![\w]){_HONORIFIC})\.?\s+$", ents.text[max(0, start - 12):start])
    return bool(honorific) or span.root.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")

