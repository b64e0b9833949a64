"""Where a French organization's name ends: the tagger cuts "Institut australien de politique
stratégique" after "Institut australien", or "le Centre pour l'étude des océans" after "Centre". The
parse (and, for a purpose, the words) say how it goes on: lower-case adjectives, "de" complements,
"pour la <noun> ..." (:func:`french_name_end`), and a town an institution's name ends with.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.cues import _case, _f, says_when
from innograph.loaders.nlp import text_length
from innograph.loaders.mentions import country_or_continent


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
            if c.dep_ in ("amod", "flat:name") or (c.dep_ == "nmod" and _case(c) in ("de", "du", "des", "d'", "d’")
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


#: The words a purpose goes on with, besides lower-case nouns and adjectives: "(pour) la recherche
#: sur le cœur et les poumons", "la prévention de la cruauté envers les animaux".
_PURPOSE_LINKS = frozenset("le la l' l’ les de du des d' d’ sur envers et".split())
#: What a word of a purpose never is: a verb, or what hangs on one.
_VERB_DEPS = frozenset("ROOT acl acl:relcl advcl xcomp ccomp csubj aux aux:tense aux:pass cop mark nsubj obj".split())


def purpose_end(last):
    """A name whose last word is `last` goes on with its purpose: "pour" and a definite article,
    then lower-case nouns and adjectives with their "de / sur / envers / et" ("Centre" + "pour
    l'étude des océans", "Institut X pour la recherche sur le cœur et les poumons"), up to a comma,
    a verb or a capitalized word (a town after "de" ends the name: "... de <Town>"), whatever the
    parse hangs it on. `last` itself when there is none."""
    doc, i = last.doc, last.i + 1
    if i + 2 >= len(doc) or _f(doc[i]) != "pour" or _f(doc[i + 1]) not in ("le", "la", "l'", "l’", "les"):
        return last
    end = last
    for t in doc[i + 1:i + 14]:
        if _f(t) in _PURPOSE_LINKS:
            continue
        if t.ent_type_ == "LOC" and t.ent_iob_ == "B" and _f(doc[t.i - 1]) in ("de", "d'", "d’") and end is not last:
            return doc[t.i:].ents[0][-1] if doc[t.i:].ents else t  # "... pour l'étude des océans de <Town>": its town ends it
        if t.text[:1].isupper() or _f(t) in lx.NAME_HEAD_NOUNS:
            return last  # "a quitté X pour la société Y": another organization, no purpose
        if not (t.is_alpha and t.is_lower) or t.dep_ in _VERB_DEPS or any(c.dep_ in _VERB_DEPS for c in t.children):
            break
        end = t
    return end


_ENGLISH_TAIL = re.compile(r"(?:[ \t]+(?:of|for|on|and|&|the|[A-Z][\w'’\-]*))*")


def english_end(text: str, end: int) -> int:
    """Where an English name that stops at `end` in a French text ends: "Harlan Museum" goes on
    with " of Maritime History" ("of", "for" or "on", then capitalized words, with "and", "&",
    "the" between them; never ending on one of those). `end` itself when it does not go on."""
    tail = re.match(r"[ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?[A-Z]", text[end:end + 4 + 5])
    if tail is None:
        return end
    words = list(re.finditer(r"\S+", _ENGLISH_TAIL.match(text, end).group(0)))
    while words and not words[-1].group(0)[:1].isupper():
        words.pop()
    return end + words[-1].end() if words else end


def french_name_ends(ents, docs) -> None:
    """A French organization name the tagger cut after its cue word's adjective ("Institut
    australien") goes on through the lower-case adjectives and "de" complements the parse hangs
    on the cue word ("Institut canadien de politique énergétique") and its purpose ("pour la ..."),
    never into another name but for the town an institution's name ends with ("l'Université des arts
    Y de <Town>": one name)."""
    if ents.lang != "fr":
        return
    orgs = sorted((m for m in ents.mentions if m.entity.kind == "organization" and m.source in ("ner", "cue")
                   and m.text[:1].isupper() and fold_same_length(m.text.split()[0]) in lx.NAME_CUES), key=lambda m: m.start)
    starts = [m.start for m in orgs]
    for offset, doc in docs if orgs else ():
        end = offset + text_length(doc)
        for m in orgs[bisect_left(starts, offset):bisect_left(starts, end)]:
            span = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
            if span is None or m.end > end:
                continue
            # (a cue word's name was read whole but for its purpose: "Institut X" + "pour la ...")
            last = purpose_end(span[-1] if m.source == "cue" else max(french_name_end(span[0]), span[-1], key=lambda t: t.i))
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
    from innograph.loaders.syntaxseats import _INSTITUTION_WORDS

    words = m.text.split()
    if len(words) < 2 or fold_same_length(words[0]).lower() not in _INSTITUTION_WORDS:
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
