"""Where an organization's name ends in French text: the tagger cuts "Institut australien de
politique stratégique" after "Institut australien", or "le Centre pour l'étude des océans" after
"Centre". The parse (and, for a purpose, the words) say how it goes on: lower-case adjectives, "de"
complements, its purpose, "pour la <noun> ..." (:func:`purpose`), and a town an institution's name
ends with. An English name goes on with "of" and capitalized words (:func:`english_end`) and ends
before a French "de <Town>" (:func:`english_town_tails`). A university of a state or region goes on
with the town of its campus ("l'université de X à <Town>", :func:`campus_tails`), as another name.
A name starts with the ordinal number before it ("le 12e Régiment X", :func:`ordinal_heads`), and
goes on through a capitalized adjective coordinated to its own or a capitalized "en" complement
("Centre d'Études Stratégiques et Internationales", "École des Hautes Études en Sciences Sociales",
:func:`linked_tails`).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.cues import case_word, says_when
from innograph.loaders.mentions import country_or_continent
from innograph.loaders.nlp import text_length
from innograph.loaders.seatnames import INSTITUTION_WORDS


def french_name_end(token):
    """The last word of a French name that starts with `token` and goes on with lower-case
    adjectives and "de" complements ("Agence nationale de sécurité routière", "Institut
    australien de politique stratégique"): its right subtree through amod and nmod-with-de only."""
    last, todo = token, [token]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.i <= t.i or c.i - last.i > 4:
                continue
            if c.dep_ in ("amod", "flat:name") or (c.dep_ == "nmod" and case_word(c) in ("de", "du", "des", "d'", "d’")
                                                   and not (c.ent_iob_ == "B" and c.ent_type_ in ("ORG", "PER"))):
                # (not into another name: "Newshour de la BBC")
                todo.append(c)
                last = max(last, _subtree_end(c) if c.dep_ == "nmod" else c, key=lambda x: x.i)
    span = token.doc[token.i:last.i + 1]
    if any(t.is_punct and t.text not in "-'’" for t in span) or len(span) > 14:
        return token
    while last.i > token.i and (last.dep_ in ("case", "det") or last.is_punct):
        last = token.doc[last.i - 1]
    return last


def _subtree_end(token):
    """The last word of a complement's subtree, but for what says when ("l'université de X en mai")."""
    return max([token] + [_subtree_end(c) for c in token.children if c.i > token.i and not says_when(c)], key=lambda x: x.i)


_PURPOSE = re.compile(r"[ \t]+pour[ \t]+(?:la[ \t]+|le[ \t]+|les[ \t]+|l['’][ \t]*)(?P<words>[^,.;:()\n]{2,90}?)[ \t]*"
                      r"(?=[,.;:)\n]|\((?P<acr>[A-ZÀ-Ý][\w&\-]{1,9})\)|$)")
#: Words no purpose of a name holds (a verb, a pronoun, a clause's start).
_NOT_IN_NAME = frozenset("a ont est sont etait etaient sera qui que qu dont mais car selon depuis lors avait avaient "
                         "il elle ils elles on se ne y".split())


def purpose(text: str, end: int):
    """The purpose a name that stops at `end` goes on with: "pour" and a definite article, then at
    most ten words up to the next punctuation, none a verb or a pronoun ("Institut X" + " pour la
    recherche sur le cœur", "Centre" + " pour l'étude des océans de Brême"); its match (`words`,
    and `acr`, a short form in brackets after it) or None. Whether it is the name's is the caller's
    to say: a title the name completes, an acronym that fits it."""
    tail = _PURPOSE.match(text, end)
    if tail is None or len(tail["words"].split()) > 10 or \
            set(fold_same_length(tail["words"]).lower().replace("'", " ").replace("’", " ").split()) & _NOT_IN_NAME \
            or country_or_continent(tail["words"]):
        return None  # (not "l'envoyé des Nations unies pour la Libye": a territory, the title's)
    return tail


#: How an English name's tail starts ("of", "for" or "on", maybe "the", a capital) and goes on.
_ENGLISH_START = re.compile(r"[ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?[A-Z]")
_ENGLISH_TAIL = re.compile(r"(?:[ \t]+(?:of|for|on|and|&|the|[A-Z][\w'’\-]*))*")


def english_end(text: str, end: int) -> int:
    """Where an English name that stops at `end` in a French text ends: "Harlan Museum" goes on
    with " of Maritime History" ("of", "for" or "on", then capitalized words, with "and", "&",
    "the" between them; never ending on one of those). `end` itself when it does not go on."""
    if _ENGLISH_START.match(text, end) is None:
        return end
    words = list(re.finditer(r"\S+", _ENGLISH_TAIL.match(text, end).group(0)))
    while words and not words[-1].group(0)[:1].isupper():
        words.pop()
    return end + words[-1].end() if words else end


def french_name_ends(ents, docs) -> None:
    """A French organization name the tagger cut after its cue word's adjective ("Institut
    australien") goes on through the lower-case adjectives and "de" complements the parse hangs
    on the cue word ("Institut canadien de politique énergétique"), never into another name but
    for the town an institution's name ends with ("l'Université des arts Y de <Town>": one name)."""
    if ents.lang != "fr":
        return
    orgs = sorted((m for m in ents.mentions if m.entity.kind == "organization" and m.source == "ner"
                   and m.text[:1].isupper() and fold_same_length(m.text.split()[0]) in lx.NAME_CUES), key=lambda m: m.start)
    starts = [m.start for m in orgs]
    for offset, doc in docs if orgs else ():
        end = offset + text_length(doc)
        for m in orgs[bisect_left(starts, offset):bisect_left(starts, end)]:
            span = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
            if span is None or m.end > end:
                continue
            last = french_name_end(span[0])
            stop = offset + last.idx + len(last.text)
            town = _institution_town(ents, m)
            stop = town.end if town is not None and stop <= town.end else stop
            if stop <= m.end:
                continue
            town = _town_tail(ents, m.end, stop)
            if not ents.free(m.end, stop) and town is None:
                continue
            label = ents.text[m.start:stop]
            entity = ents.entity("organization", label, org_kind=m.entity.org_kind or lx.kind_of(label))
            if town is not None:  # "l'Université des sciences appliquées de X": the town is in its name
                ents.mentions.remove(town)
                if m.entity is not entity:
                    ents.merge(entity, m.entity)
            m.end, m.text, m.entity = stop, label, entity


def _institution_town(ents, m):
    """The town named right after an institution's name of two words or more ("l'Institut X",
    "l'Université des sciences Y", then "de <Town>"), whatever the parse hangs it on, or None."""
    words = m.text.split()
    if len(words) < 2 or fold_same_length(words[0]).lower() not in INSTITUTION_WORDS:
        return None
    after = re.match(r"[ \t]+(?:de|d['’])[ \t]*", ents.text[m.end:m.end + 6])
    town = ents.at(m.end + after.end()) if after else None
    return town if town is not None and town.start == m.end + after.end() else None


def _town_tail(ents, start: int, stop: int):
    """The mention of a town (a place, no country) that ends a name right after "de" ("... de X"),
    the only mention between `start` and `stop`, or None."""
    inside = [o for o in ents.mentions if o.start < stop and start < o.end]
    if len(inside) != 1 or inside[0].end != stop or inside[0].entity.kind != "place" or country_or_continent(inside[0].entity.label):
        return None
    return inside[0] if re.fullmatch(r"[ \t]+(?:de|d['’])[ \t]*", ents.text[start:inside[0].start]) else None


#: An English name, then a French "de <Town>" the tagger ran it on with ("Morgan State University de
#: Baltimore", "Harlan Academy of Arts de Brême"): capitalized words and English links only.
_ENGLISH_THEN_TOWN = re.compile(r"(?P<name>[A-Z][\w&'’\-]*(?:[ \t]+(?:of|the|and|for|on|&|[A-Z][\w&'’\-]*))+)"
                                r"[ \t]+(?:de|d['’]|du)[ \t]*(?P<town>[A-ZÀ-Ý][\w\-]+(?:[ \t]+[A-ZÀ-Ý][\w\-]+)?)")
_ENGLISH_WORDS = frozenset("of the and for on".split())


def english_town_tails(ents) -> None:
    """An English organization name a French text places with "de <Town>" ends before it: the
    town is where it is, not a word of its name (a French name keeps its town: "université X de P")."""
    if ents.lang != "fr":
        return
    for m in [m for m in ents.mentions if m.entity.kind == "organization"]:
        cut = _ENGLISH_THEN_TOWN.fullmatch(m.text)
        if cut is None or not (set(cut["name"].split()) & _ENGLISH_WORDS or cut["name"].split()[-1].lower() in lx.NAME_ENDINGS):
            continue  # ("Banque Africaine de Lomé": no English word says the name is English)
        name, town_start = cut["name"], m.start + cut.start("town")
        ents.rename(m, m.start, m.start + len(name), org_kind=lx.kind_of(name))
        if ents.free(town_start, town_start + len(cut["town"])):
            ents.mention(town_start, town_start + len(cut["town"]), ents.entity("place", cut["town"]), "ner")


#: "université de X" / "university of X", then " à " and the town of a campus.
_UNIVERSITY_OF = re.compile(r"(?i:universit[ée]|university)[ \t]+(?:de|du|d['’]|of)[ \t]*[A-ZÀ-Ý][\w\-]*(?:[ \t]+[A-ZÀ-Ý][\w\-]*)?")
_AT = re.compile(r"[ \t]+à[ \t]+")


def campus_tails(ents) -> None:
    """'l'université de X à <Town>': a university named after a state or region is also named with
    the town of its campus (an alias: the town stays a place of its own, where it is). A town, not
    a country, and nothing capitalized after it: not "a dit X de l'université de Y à <Newspaper>"."""
    if ents.lang != "fr":
        return
    for m in [m for m in ents.mentions if m.entity.kind == "organization" and _UNIVERSITY_OF.fullmatch(m.text)]:
        at = _AT.match(ents.text, m.end)
        town = ents.at(at.end()) if at else None
        if town is None or town.start != at.end() or town.entity.kind != "place" or country_or_continent(town.entity.label) \
                or re.match(r"[ \t]*[A-ZÀ-Ý]", ents.text[town.end:town.end + 3]):
            continue
        ents.add_alias(m.entity, ents.text[m.start:town.end])


#: An ordinal number right before a name: "12e", "1er", "3ème", "21st".
_ORDINAL_BEFORE = re.compile(r"(?<![\w.,])(?P<n>\d{1,3}(?:e|ème|eme|er|ère|re|th|st|nd|rd))[ \t]+$")


def ordinal_start(text: str, start: int) -> int:
    """Where a name that starts at `start` starts with the ordinal number before it ("12e ", "1er ",
    "82nd "), or `start` itself."""
    before = _ORDINAL_BEFORE.search(text, max(0, start - 8), start)
    return start if before is None else before.start()


def ordinal_heads(ents) -> None:
    """'le 12e Régiment X', 'la 2e Division blindée', 'the 82nd Airborne Division': the ordinal
    number before an organization's or an event's name is its first word."""
    for m in [m for m in ents.mentions if m.entity.kind in ("organization", "event")]:
        start = ordinal_start(ents.text, m.start)
        if start != m.start and ents.free(start, m.start):
            ents.rename(m, start, m.end)


#: "et" or "en" after a name, then capitalized words.
_LINKED = re.compile(r"[ \t]+(?P<link>et|en)[ \t]+(?P<words>[A-ZÀ-Ý][\w\-]*(?:[ \t]+[A-ZÀ-Ý][\w\-]*)*)")


def linked_tails(ents, docs) -> None:
    """A capitalized organization name the tagger ended before "et" or "en" goes on through the
    capitalized words after them when the parse hangs those on the name's own words: an adjective
    coordinated to one of its adjectives ("Études Stratégiques et Internationales") or a complement
    with "en" ("Hautes Études en Sciences Sociales"). Never through a person's name, a country's or
    a name the parse holds apart ("la BBC et Reuters")."""
    if ents.lang != "fr":
        return
    for offset, doc in docs:
        end = offset + text_length(doc)
        for m in [m for m in ents.mentions if offset <= m.start and m.end <= end and m.entity.kind == "organization"
                  and m.text[:1].isupper() and len(m.text.split()) > 1]:
            tail = _LINKED.match(ents.text, m.end)
            if tail is None:
                continue
            name = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
            words = doc.char_span(tail.start("words") - offset, tail.end("words") - offset, alignment_mode="expand")
            if name is None or words is None:
                continue
            first = words[0]
            inside = first.head.i in range(name.start, name.end)
            if not inside or not (first.dep_ == "conj" and first.head.dep_ == "amod" and tail["link"] == "et"
                                  or first.dep_ == "nmod" and tail["link"] == "en"):
                continue
            last = max((t for t in words if t.i == first.i or t.head.i in range(first.i, t.i)), key=lambda t: t.i)
            stop = offset + last.idx + len(last.text)
            within = [o for o in ents.mentions if o.start < stop and o.end > m.end]
            if any(o.entity.kind == "person" or o.end > stop or country_or_continent(o.entity.label) for o in within):
                continue
            for o in within:
                ents.mentions.remove(o)
            ents.rename(m, m.start, stop, org_kind=lx.kind_of(ents.text[m.start:stop]))
