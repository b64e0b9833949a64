"""Institutions a French article names in lower case, where a title says they are someone's
employer: "le responsable du service des forêts togolais", "la présidente de l'association des
brasseurs du Bénin", "un capitaine de la marine gabonaise", "porte-parole de la police fédérale suisse".

The name is the institution noun with the adjectives and "de" complements the parse hangs on it
(:func:`~innograph.loaders.nameends.french_name_end`), never into another organization's or a
person's name. Only a named institution counts: one with a demonym ("togolais") or a proper noun
("du Sénégal") after its noun, or a ministry with its field ("de l'énergie").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.cues import fold_word
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.mentions import initials_fit, country_key
from innograph.loaders.nameends import french_name_end, purpose
from innograph.loaders.nlp import text_length

#: Nouns of public bodies and associations that French writes in lower case before what names them.
INSTITUTION_NOUNS = (
    "ministere armee parlement parquet service commission comite departement commandement association "
    "federation syndicat assemblee senat agence hopital musee aquarium universite academie conseil "
    "fondation coalition police gendarmerie marine"
).split()
_AFTER_OF = re.compile(rf"(?<![\w])(?:du|de la|de l'|de l’|des|d'|d’|au|aux|à la|à l'|à l’|l'|l’|le|la|dans l'|dans l’|dans la)[ \t]*"
                       rf"(?P<noun>{'|'.join(INSTITUTION_NOUNS)})(?![\w])", re.I)
#: A state's bodies, named by its demonym or its name with or without a title before them.
_STATE_BODIES = frozenset("armee parlement police gendarmerie marine senat".split())


#: The governing organs of an organization, named by it ("le conseil d'administration de X"): a seat
#: on a board is a post at X, one in a party's political bureau a membership of the party.
ORGANS = {"conseil d administration": "board", "conseil de surveillance": "board", "comite de direction": "board",
          "comite directeur": "board", "directoire": "board", "bureau politique": "bureau", "bureau executif": "bureau"}


def organ_words(noun) -> str | None:
    """The organ (a key of :data:`ORGANS`) the noun and the words after it name, else None; it is
    as many tokens long as it has words."""
    words = " ".join(re.sub(r"['’]$", "", fold_word(t).lower()) for t in noun.doc[noun.i:noun.i + 3])
    return next((organ for organ in ORGANS if words == organ or words.startswith(organ + " ")), None)


def organ_of(noun) -> str | None:
    """'board' or 'bureau' when the noun and the words after it name an organization's governing organ."""
    return ORGANS.get(organ_words(noun))


_NAME_NEXT = re.compile(r"[ \t]+[A-ZÀ-Ý]")


def institutions(ents, docs) -> None:
    """Organization mentions for lower-case institutions after a title's "de" (French only)."""
    if ents.lang != "fr":
        return
    hits = [m for m in _AFTER_OF.finditer(ents.folded) if ents.text[m.start("noun")].islower()]
    if not hits:
        return
    starts = [m.start("noun") for m in hits]
    for offset, doc in docs:
        end = offset + text_length(doc)
        for m in hits[bisect_left(starts, offset):bisect_left(starts, end)]:
            span = doc.char_span(m.start("noun") - offset, m.end("noun") - offset)
            if span is None or len(span) != 1:
                continue
            noun = span[0]
            kind = fold_word(noun).lower()
            if not _title_of(noun) and kind not in _STATE_BODIES:
                continue
            last = french_name_end(noun)
            words = doc[noun.i + 1:last.i + 1]
            if organ_of(noun):
                continue  # "le conseil d'administration de X", "le bureau politique du parti": X's organs, X's posts
            if not _title_of(noun) and not any(_the_state_s(t) for t in words):
                continue  # "l'armée sénégalaise", "le parlement du Ghana": a state's, title or not
            if not any(_named_by(t, fields=kind in _FIELD_NAMED, proper=kind not in _DEMONYM_ONLY) for t in words):
                continue
            start, stop = offset + noun.idx, offset + last.idx + len(last.text)
            if _NAME_NEXT.match(ents.text, stop):
                continue  # "l'agence de renseignement britannique Vortex": the name follows
            if any(o.entity.kind == "person" or o.start < start or o.end > stop for o in ents.within(start, stop)
                   ) or not _covers(ents, start, stop):
                continue
            label = ents.text[start:stop]
            ents.mention(start, stop, ents.entity("organization", label, org_kind=lx.kind_of(label)), "descriptor")


def _title_of(noun) -> bool:
    """The noun completes a title: "directeur de l'association", "économiste en chef au département",
    "député au parlement", "membre du comité", "siège au conseil" (the title, member noun or verb of
    sitting, or the word it governs, is the noun's head, a few words before)."""
    if noun.dep_ not in ("nmod", "obl:mod", "obl:arg", "obl", "dep"):
        return False
    heads = [noun.head, noun.head.head] if noun.head.dep_ in ("nmod", "obj", "xcomp", "dep") else [noun.head]
    return any(h.i < noun.i and noun.i - h.i <= 6 and fold_word(h).lower() in _SEAT_HEADS for h in heads)


#: What an institution completes: a title, a member noun, a verb of sitting ("siège au conseil de Y").
_SEAT_HEADS = lx.TITLE_HEADS | lx.MEMBER_NOUNS | lx.SITTING_VERBS


#: Nouns a university or a company also has ("département de pathologie", "service Nuffield"):
#: only a demonym makes them a public body ("département américain de l'Agriculture").
_DEMONYM_ONLY = frozenset("departement service".split())
#: Institutions their field alone names ("le ministère de l'énergie", "la commission de l'énergie atomique").
_FIELD_NAMED = frozenset("ministere commission comite".split())


def _named_by(token, fields: bool, proper: bool) -> bool:
    """A word that makes an institution one in particular: a demonym, a proper noun, or for a
    ministry its field ("ministère de l'énergie"; not "département de pathologie", a university's)."""
    if token.text[:1].isupper():
        return proper
    word = fold_word(token).lower()
    return (token.dep_ == "amod" and word in COUNTRY_OF) or (fields and token.dep_ == "nmod" and token.is_alpha)


def _the_state_s(token) -> bool:
    """A demonym adjective or a country's name among an institution's words."""
    if token.text[:1].isupper():
        return country_key(token.text) in lx.COUNTRIES
    return token.dep_ == "amod" and fold_word(token).lower() in COUNTRY_OF


def _covers(ents, start: int, stop: int) -> bool:
    """No mention crosses the institution's ends (mentions wholly inside are its own words)."""
    return all(m.end <= start or m.start >= stop or (start <= m.start and m.end <= stop) for m in ents.mentions)


_OF_TITLE = re.compile(r"(?P<title>[\w\-]+)[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|a[ \t]+la|a[ \t]+l['’]|au|a)[ \t]*$")


#: ", de l'" / ", du" right before a name: a person's affiliation set off after the person ("X, de l'Institut Y").
_SET_OFF = re.compile(r"[ \t]*,[ \t]*(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])[ \t]*$")


def purpose_tails(ents) -> None:
    """'l'Institut X pour la recherche sur le sang', 'la Fondation Y pour la paix internationale':
    a cue word's name the tagger ended before its "pour" complement goes on to the next
    punctuation (:func:`~innograph.loaders.nameends.purpose`) when the name completes a title
    ("chercheur à l'Institut X pour …"), is a person's affiliation set off after the name ("X, de
    l'Institut Y pour …") or an acronym whose initials fit the whole name follows ("… pour la
    défense des droits (APDD)")."""
    if ents.lang != "fr":
        return
    cues = set(lx.NAME_CUES) | set(INSTITUTION_NOUNS)
    for m in [m for m in ents.mentions if m.entity.kind == "organization" and fold_same_length(m.text.split()[0]).lower() in cues]:
        tail = purpose(ents.text, m.end)
        if tail is None or (tail["words"][:1].isupper() and tail["acr"] is None and len(m.text.split()) > 1
                            and all(w[:1].isupper() for w in m.text.split()[1:])):
            continue  # "rédactrice en chef de Radio X pour l'Europe": a proper name, then the title's territory
        stop = tail.end("words")
        name = ents.text[m.start:stop]
        titled = _OF_TITLE.search(ents.folded[max(0, m.start - 40):m.start])
        fits = tail["acr"] is not None and initials_fit(tail["acr"], name)
        set_off = _SET_OFF.search(ents.text[max(0, m.start - 12):m.start])
        of_person = set_off is not None and any(o.entity.kind == "person" and o.end == m.start - len(set_off.group(0))
                                                for o in ents.mentions)
        if not fits and not of_person and not (titled and titled["title"] in lx.TITLE_HEADS):
            continue
        if any(o is not m and o.start < stop and o.end > m.end and (o.start < m.end or o.end > stop) for o in ents.mentions):
            continue  # a name crossing the tail's ends
        for o in [o for o in ents.mentions if o is not m and m.end <= o.start and o.end <= stop]:
            ents.mentions.remove(o)
        ents.rename(m, m.start, stop, org_kind=lx.kind_of(name))
