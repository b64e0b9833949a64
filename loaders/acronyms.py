"""Acronyms defined in the text: "Name (ACR)" gives the name an alias, "ACR (Long Name)" makes
the acronym a name with its long form as an alias (a detection pass of :mod:`detect`)."""

from __future__ import annotations

import re

from innograph.loaders import lexicon as lx
from innograph.graph.normalize import fold_same_length
from innograph.loaders.institutions import INSTITUTION_NOUNS
from innograph.loaders.mentions import ACRONYM_DEF, LONG_DEF, ArticleEntities, country_key, initials


def acronyms(ents: ArticleEntities) -> None:
    """'Name (ACR)' gives the mention an alias; 'ACR (Long Name)' makes ACR a name with an alias."""
    text = ents.text
    for m in list(ents.mentions):
        acr = ACRONYM_DEF.match(text, m.end)
        if acr and m.entity.kind in ("organization", "project", "event"):
            ents.add_alias(m.entity, acr["acr"])
            ents.mention(acr.start("acr"), acr.end("acr"), m.entity, "acronym")
    # "l'Institut supérieur des microtechniques de Franche-Comté (ISMFC)": a long name with
    # lower-case words, opened by a cue word and closed by its acronym.
    for acr in re.finditer(r"\((?P<acr>[A-ZÀ-Ý][A-ZÀ-Ý0-9&\-]{1,9})\)", text):
        if not ents.free(acr.start("acr"), acr.end("acr")):
            continue
        window = text[max(0, acr.start() - 120):acr.start()].rstrip()
        words = re.findall(r"[\wÀ-ÿ\-]+", window)
        for n in range(2, min(12, len(words)) + 1):
            phrase_words = words[-n:]
            phrase = window[window.rfind(phrase_words[0], 0, len(window) - sum(len(w) for w in phrase_words[1:])):]
            start = text.rfind(phrase, 0, acr.start())
            if not phrase_words[0][0].isupper():
                if _lower_long_form(phrase, acr["acr"]) and _defines(ents, phrase, start, acr, lx.kind_of(phrase)):
                    break
                continue
            initials = "".join(w[0].lower() for w in phrase_words if w[0].isupper() or len(w) > 3)
            if lx.kind_of(phrase_words[0]) is None or "," in phrase or "." in phrase:
                continue
            key = acr["acr"].lower().replace("-", "").replace("&", "")
            if key[:2] == initials[:2] or set(key) <= set(initials):
                _defines(ents, phrase, start, acr, lx.kind_of(phrase_words[0]))
                break
    for m in re.finditer(r"(?<![\w])(?P<acr>[A-ZÀ-Ý][A-ZÀ-Ý0-9]{1,9})(?=\s*\()", text):
        long = LONG_DEF.match(text, m.end())
        if not long:
            continue
        if not ents.free(m.start(), m.end()):
            # "INSA (Institut National ...)": the acronym is already a name; the long form is its alias
            named, inside = ents.at(m.start()), ents.at(long.start("long"))
            if named and named.entity.kind == "organization":
                ents.add_alias(named.entity, long["long"])
                if inside and inside.entity is not named.entity:
                    ents.merge(named.entity, inside.entity)
            continue
        words = [w for w in re.findall(r"[\wÀ-ÿ]+", long["long"]) if w[0].isupper()]
        if _described_device(long["long"]):  # "X (Dispositif portable de ...)": a thing made, no body
            entity = ents.entity("project", m["acr"])
            ents.add_alias(entity, long["long"])
            ents.mention(m.start(), m.end(), entity, "acronym")
            continue
        if len(words) < 2:
            continue
        kind = lx.kind_of(m["acr"]) or lx.kind_of(long["long"])
        if _folded(long["long"]).split()[0] in lx.EVENT_CUES or _folded(long["long"]).startswith("rendez vous"):
            entity = ents.entity("event", long["long"])
        else:
            entity = ents.entity("organization" if kind else "project", long["long"], org_kind=kind)
        entity.org_kind = kind or entity.org_kind
        ents.add_alias(entity, m["acr"])
        ents.mention(m.start(), m.end(), entity, "acronym")


#: Nouns that open a body's name written in lower case before its acronym ("le mouvement ivoirien
#: des droits de l'homme (MIDH)").
_BODY_NOUNS = frozenset(INSTITUTION_NOUNS) | lx.NAME_HEAD_NOUNS | lx.MEMBERSHIP_BODIES | lx.OUTLET_NOUNS


def _lower_long_form(phrase: str, acronym: str) -> bool:
    """'le président du mouvement ivoirien des droits de l'homme (MIDH)': a name in lower case, opened
    by a body's noun, whose words' initials spell the acronym exactly (the small words left out), is
    the acronym's long form."""
    first = fold_same_length(phrase.split()[0]).lower()
    return first in _BODY_NOUNS and "," not in phrase and "." not in phrase \
        and initials(phrase) == fold_same_length(acronym).lower()


def _defines(ents: ArticleEntities, phrase: str, start: int, acr, org_kind) -> bool:
    """The long name `phrase` at `start` and the acronym `acr` (its match, "(ACR)") after it: one
    organization, when the name is free. Returns whether it was made."""
    if start < 0 or not ents.free(start, start + len(phrase)):
        return False
    entity = ents.entity("organization", phrase, org_kind=org_kind)
    ents.add_alias(entity, acr["acr"])
    ents.mention(start, start + len(phrase), entity, "acronym")
    ents.mention(acr.start("acr"), acr.end("acr"), entity, "acronym")
    return True


#: First words of a bracketed description that names a thing made, not a body ("X (Dispositif portable
#: de ...)", "Y (Logiciel libre d'alerte ...)").
_DEVICE_WORDS = frozenset("systeme systemes dispositif dispositifs appareil appareils logiciel logiciels outil outils "
                          "prototype prototypes".split())


def _described_device(long: str) -> bool:
    """Whether an acronym's bracketed long form describes a device (a device word, then no other
    capitalised word: no proper name), so that the acronym names a project, not a body."""
    words = re.findall(r"[\wÀ-ÿ]+", long)
    return len(words) > 1 and _folded(words[0]) in _DEVICE_WORDS and not any(w[0].isupper() for w in words[1:])


def _folded(name: str) -> str:
    from innograph.graph.normalize import fold_same_length

    return re.sub(r"[\s'\-]+", " ", fold_same_length(name)).strip()


def regional_names(ents: ArticleEntities) -> None:
    """'BBC Afrique', 'HCR Cameroun': an organization's acronym the tagger cut from the country or
    continent right after it (its regional service or office) is one organization with it."""
    for a in [m for m in ents.mentions if m.entity.kind == "organization" and re.fullmatch(r"[A-Z]{2,6}", m.text)]:
        word = _NEXT_NAME.match(ents.text, a.end)
        if word is None or not _country_or_continent(word["name"]) or a not in ents.mentions:
            continue
        name = ents.text[a.start:word.end()]
        if country_key(name) in lx.COUNTRIES:
            continue  # (not "RD Congo")
        for b in [b for b in ents.mentions if b.start < word.end() and b.end > word.start("name")]:
            if b.end > word.end():
                break
            ents.mentions.remove(b)
        else:
            a.end, a.text, a.entity = word.end(), name, ents.entity("organization", name, org_kind=a.entity.org_kind)


_NEXT_NAME = re.compile(r" (?P<name>[A-ZÀ-Ý][\w\-]+)(?![\w\-'’])")


def _country_or_continent(name: str) -> bool:
    key = country_key(name)
    return key in lx.COUNTRIES or key in lx.CONTINENTS
