"""Institutions a French article names in lower case, where a title says they are someone's
employer: "le responsable du service des forêts togolais", "la présidente de l'association des
brasseurs du Bénin", "un capitaine de la marine gabonaise", "porte-parole de la police fédérale suisse".

The name is the institution noun with the adjectives and "de" complements the parse hangs on it
(:func:`~innograph.loaders.syntax._french_name_end`), never into another organization's or a
person's name. Only a named institution counts: one with a demonym ("togolais") or a proper noun
("du Sénégal") after its noun, or a ministry with its field ("de l'énergie").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from innograph.loaders import lexicon as lx
from innograph.loaders.cues import _f
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.nlp import text_length

#: Nouns of public bodies and associations that French writes in lower case before what names them.
INSTITUTION_NOUNS = (
    "ministere armee parlement parquet service commission comite departement commandement association "
    "federation syndicat assemblee senat agence hopital musee aquarium universite academie conseil "
    "fondation coalition police gendarmerie marine"
).split()
_AFTER_OF = re.compile(rf"(?<![\w])(?:du|de la|de l'|de l’|des|d'|d’|au|aux|à la|à l'|à l’)[ \t]*(?P<noun>{'|'.join(INSTITUTION_NOUNS)})(?![\w])")


_NAME_NEXT = re.compile(r"[ \t]+[A-ZÀ-Ý]")


def institutions(ents, docs) -> None:
    """Organization mentions for lower-case institutions after a title's "de" (French only)."""
    if ents.lang != "fr":
        return
    hits = [m for m in _AFTER_OF.finditer(ents.folded) if ents.text[m.start("noun")].islower()]
    if not hits:
        return
    from innograph.loaders.syntax import _french_name_end
    starts = [m.start("noun") for m in hits]
    for offset, doc in docs:
        end = offset + text_length(doc)
        for m in hits[bisect_left(starts, offset):bisect_left(starts, end)]:
            span = doc.char_span(m.start("noun") - offset, m.end("noun") - offset)
            if span is None or len(span) != 1:
                continue
            noun = span[0]
            if not _title_of(noun):
                continue
            last = _french_name_end(noun)
            words = doc[noun.i + 1:last.i + 1]
            kind = _f(noun).lower()
            if not any(_named_by(t, fields=kind == "ministere", proper=kind not in _DEMONYM_ONLY) for t in words):
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
    "député au parlement" (the title or the word it governs is the noun's head, a few words before)."""
    if noun.dep_ not in ("nmod", "obl:mod", "obl:arg", "obl", "dep"):
        return False
    heads = [noun.head, noun.head.head] if noun.head.dep_ in ("nmod", "obj", "xcomp", "dep") else [noun.head]
    return any(h.i < noun.i and noun.i - h.i <= 6 and _f(h).lower() in lx.TITLE_HEADS for h in heads)


#: Nouns a university or a company also has ("département de pathologie", "service Nuffield"):
#: only a demonym makes them a public body ("département américain de l'Agriculture").
_DEMONYM_ONLY = frozenset("departement service".split())


def _named_by(token, fields: bool, proper: bool) -> bool:
    """A word that makes an institution one in particular: a demonym, a proper noun, or for a
    ministry its field ("ministère de l'énergie"; not "département de pathologie", a university's)."""
    if token.text[:1].isupper():
        return proper
    word = _f(token).lower()
    return (token.dep_ == "amod" and word in COUNTRY_OF) or (fields and token.dep_ == "nmod" and token.is_alpha)


def _covers(ents, start: int, stop: int) -> bool:
    """No mention crosses the institution's ends (mentions wholly inside are its own words)."""
    return all(m.end <= start or m.start >= stop or (start <= m.start and m.end <= stop) for m in ents.mentions)
