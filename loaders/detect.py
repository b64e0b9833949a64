"""Detection passes that fill :class:`~innograph.loaders.mentions.ArticleEntities`.

Order matters: precise patterns first (cue words, descriptors, acronym definitions), then
spaCy's named entities where nothing precise was found, then the gazetteer of every name seen
so far, then short forms. The passes live with the shapes they read: cue words in cuenames.py,
events and projects in eventnames.py, descriptors ("la start-up X", "X, entreprise lyonnaise") here.
"""

from __future__ import annotations

import re

from innograph.loaders import lexicon as lx
from innograph.loaders.demonyms import nationality as is_nationality
from innograph.loaders.knownnames import gazetteer
from innograph.loaders.namefinder import named_entities
from innograph.loaders.namepatterns import (country_names, nicknamed_people, official_country_names, person_patterns,
                                             place_patterns, us_state_codes)
from innograph.loaders.institutions import institutions, purpose_tails
from innograph.loaders.nameends import campus_tails, english_town_tails, french_name_ends, linked_tails, ordinal_heads
from innograph.loaders.retype import descriptor_place_tails, retype, untagged_names
from innograph.loaders.acronyms import acronyms, regional_names
from innograph.loaders.teams import city_clubs, club_acronyms, club_forms, nicknames
from innograph.loaders.shortforms import short_forms
from innograph.loaders.linking import finish
from innograph.loaders.cuenames import capitalized, cue_names, described_names, name_after, name_endings
from innograph.loaders.eventnames import apposed_events, events_and_projects, legislatures
from innograph.loaders.mentions import NAME_SEQ, ArticleEntities, alternation as _alternation, name_key, title_prefix

_WB = r"(?<![\w])"
_DESCRIPTOR_RE = re.compile(rf"{_WB}(?P<cue>{_alternation(lx.DESCRIPTORS)})s?(?![\w])")


def descriptors(ents: ArticleEntities) -> None:
    """'la start-up Robotik', 'usine Sanofi de Nantes', and 'Robotik, entreprise lyonnaise'."""
    text, folded = ents.text, ents.folded
    for m in _DESCRIPTOR_RE.finditer(folded):
        cue = re.sub(r"[\s'\-]+", " ", m["cue"])
        if capitalized(text[m.start():m.end()]) and cue in lx.NAME_CUES:
            continue  # "Cluster Seine": the cue is part of the name, see cue_names
        direct = re.match(r"[ \t]+(?:[a-zà-ÿ\-]+[ \t]+)?", text[m.end():m.end() + 30])
        nationality = re.match(r"[ \t]+([A-ZÀ-Ý][a-zà-ÿ\-]+)[ \t]+(?=[A-ZÀ-Ý0-9])", text[m.end():m.end() + 40])
        if nationality and is_nationality(nationality[1]):
            direct = nationality  # "la start-up Burkinabè X": a nationality written with a capital, then the name
        after = None
        if direct:
            adjective = direct.group(0).strip()
            if adjective and direct is not nationality and (len(adjective) < 4 or adjective in lx.STOPWORDS or (
                    adjective not in lx.DEMONYMS and not adjective.endswith(
                        ("ais", "aise", "ien", "ienne", "ois", "oise", "ain", "aine", "al", "ale", "ique", "e")))):
                direct = re.match(r"[ \t]+", text[m.end():m.end() + 3])
            after = name_after(text, m.end() + len(direct.group(0)) - 1) if direct else None
            if after and after[0] != m.end() + direct.end():
                after = None  # "les entreprises de l'X" is not "l'entreprise X"
            field = None if after else _FIELD.match(text, m.end())
            if field:  # "la société de cybersécurité X", "le groupe de réflexion Y": its field, then its name
                after = name_after(text, field.end() - 1)
                after = after if after and after[0] == field.end() else None
                if after and re.match(r"[ \t]+(?:and|&)[ \t]+[A-Z]", text[after[1]:after[1] + 8]):
                    after = None  # "... Center for Maritime and Coastal Studies": the tagger's whole name
        kind = lx.DESCRIPTORS[cue]
        if after and text[after[0]:after[1]].lower() in lx.NETWORK_WORDS:
            continue  # "son site Web", "le site Internet": a website, no site named
        if after and ents.free(*after) and text[after[0]:after[1]].split()[0].lower() not in lx.NOT_NAMES:
            entity = ents.entity("organization", text[after[0]:after[1]], org_kind=kind, cue=name_key(cue))
            if cue in lx.CLASSIFICATION:
                entity.classification.add(lx.CLASSIFICATION[cue])
            ents.add_alias(entity, text[m.start():after[1]])
            ents.mention(after[0], after[1], entity, "descriptor")
            continue
        # apposition: "Robotik, entreprise lyonnaise" / "Robotik, a Lyon-based company"
        window = max(0, m.start() - 80)
        article = r"(?:une?|la|le)" if ents.lang == "fr" else r"(?:an?|the)"  # (French "a" is a verb: "X, a levé des fonds")
        before = re.search(r"(?P<name>" + NAME_SEQ.pattern + r")[ \t]*,[ \t]*(?:" + article + r"[ \t]+(?:[\w\-]+[ \t]+){0,3}|l'|(?:[\w\-]+[ \t]+)?)$",
                           text[window:m.start()])
        if before and _related_to_cue(ents.folded[window + before.end("name"):m.start()]):
            before = None  # "X, le fondateur du groupe Y", "X, du groupe de réflexion Y": X is no group
        if before:
            start, end = window + before.start("name"), window + before.end("name")
            start += title_prefix(text[start:end])  # "le PDG d'Optronis, une PME" names Optronis
            name = text[start:end]
            if name.split()[0].lower() in lx.NOT_NAMES:
                continue
            existing = ents.at(start)
            entity = existing.entity if existing else ents.entity("organization", name, org_kind=kind)
            if entity.kind in ("place", "event"):
                entity.kind = "organization"
            if existing is None:
                ents.mention(start, end, entity, "descriptor")
            entity.org_kind = entity.org_kind or kind
            if cue in lx.CLASSIFICATION:
                entity.classification.add(lx.CLASSIFICATION[cue])


#: A descriptor's field: "de" and one or two lower-case words (no article, no pronoun), before its name.
_FIELD = re.compile(r"[ \t]+(?:de|d['’])[ \t]*(?:(?!(?:la|le|les|l|un|une|des|du|ce|cet|cette|ces|son|sa|ses|leur|leurs|"
                    r"nos|notre|plus|moins|tout|toute|tous|toutes)\b)[a-zà-ÿ][a-zà-ÿ\-]{2,}[ \t]+){1,2}")


_ORG_TITLES = frozenset("leader specialiste proprietaire actionnaire".split())  # (an organization may be one)


def _related_to_cue(between: str) -> bool:
    """What stands between a name's comma and a descriptor (folded) relates the name to the
    descriptor's organization instead of describing it: a title ("X, le fondateur du groupe") or
    "du / de la" alone ("X, du groupe de réflexion Y")."""
    words = re.findall(r"[a-z\-]+", between)
    return any(w in lx.TITLE_HEADS and w.rstrip("s") not in _ORG_TITLES for w in words) or re.fullmatch(r"[ \t]*,[ \t]*(?:du|de[ \t]+la|de[ \t]+l')[ \t]*", between) is not None


_TRAILING_DESCRIPTORS = ("cluster", "network", "consortium", "association", "group", "company", "start up", "startup")
_TRAILING_RE = re.compile(rf"(?P<name>{NAME_SEQ.pattern})[ \t]+(?P<cue>{_alternation(_TRAILING_DESCRIPTORS)})(?![\w])")


def trailing_descriptors(ents: ArticleEntities) -> None:
    """English order: 'the MedTech Valley cluster', 'the Acme group'."""
    text = ents.text
    for m in _TRAILING_RE.finditer(text):
        if ents.folded[m.start("cue"):m.end("cue")] != m["cue"]:
            continue  # capitalized: part of a name, not a descriptor
        name = m["name"]
        if name.split()[0].lower() in lx.NOT_NAMES or name.lower().endswith("-based") or all(is_nationality(w) for w in name.split()):
            continue  # ("a Chinese company", "an Anglo-French group": a nationality, no name)
        cue = re.sub(r"[\s'\-]+", " ", m["cue"])
        kind = lx.DESCRIPTORS.get(cue, "Company")
        start, end = m.start("name"), m.end("name")
        existing = ents.at(start)
        if existing and existing.start == start and existing.end == end:
            existing.entity.kind, existing.entity.org_kind = "organization", existing.entity.org_kind or kind
            continue
        if ents.free(start, end):
            entity = ents.entity("organization", name, org_kind=kind, cue=name_key(cue))
            ents.mention(start, end, entity, "descriptor")


# The buildings that stand for a government in the press ("le Kremlin a démenti", "le porte-parole de
# la Maison Blanche"): organizations, where the tagger sees a place or nothing. After an article only,
# so a surname ("Jean Matignon") stays a person.
_SEATS_OF_POWER = re.compile(
    r"(?<![\w])(?:[Ll]e|[Ll]a|[Ll]['’]|[Dd]u|[Dd]e[ \t]+la|[Aa]u|[Àà][ \t]+la)[ \t]*"
    r"(?P<name>Kremlin|Maison[ \t\-]Blanche|[ÉE]lys[ée]e|Pentagone|Matignon|Quai[ \t]+d['’]Orsay)(?![\w\-])")


def seats_of_power(ents: ArticleEntities) -> None:
    """'le Kremlin', 'la Maison Blanche', 'l'Élysée': the government its seat stands for."""
    for m in _SEATS_OF_POWER.finditer(ents.text):
        start, end = m.start("name"), m.end("name")
        for o in [o for o in ents.mentions if (o.start, o.end) == (start, end) and o.entity.kind == "place"]:
            ents.mentions.remove(o)
        if ents.free(start, end):
            ents.mention(start, end, ents.entity("organization", m["name"], org_kind="PublicAuthority"), "cue")


def detect(ents: ArticleEntities, docs) -> ArticleEntities:
    """Run every pass, in order, and return `ents` with its mentions sorted."""
    ents.lang = docs[0][1].lang_ if docs else None
    official_country_names(ents)  # 'la Fédération de Russie' is Russia
    cue_names(ents)
    seats_of_power(ents)  # 'le Kremlin', 'la Maison Blanche'
    name_endings(ents)
    descriptors(ents)
    trailing_descriptors(ents)
    legislatures(ents)  # 'le Congrès américain': no event
    events_and_projects(ents)
    apposed_events(ents)
    acronyms(ents)
    named_entities(ents, docs)
    french_name_ends(ents, docs)  # 'Institut canadien' + 'de politique énergétique'
    linked_tails(ents, docs)  # 'Centre d'Études Stratégiques' + ' et Internationales'
    institutions(ents, docs)  # 'le responsable du service des forêts togolais'
    described_names(ents)  # 'l'université d'agronomie et de commerce de Varna'
    person_patterns(ents)
    place_patterns(ents)
    us_state_codes(ents)  # 'Haverhill, MA'
    gazetteer(ents)
    country_names(ents)  # 'le sélectionneur de l'Algérie' the tagger missed
    cue_names(ents)  # short forms whose full name appeared later in a pass above
    short_forms(ents)
    descriptor_place_tails(ents)
    english_town_tails(ents)  # 'Morgan State University' + ' de Baltimore'
    campus_tails(ents)  # 'université de Californie' + ' à Irvine'
    ordinal_heads(ents)  # '12e ' + 'Régiment X'
    regional_names(ents)  # 'BBC Afrique'
    purpose_tails(ents)  # 'Institut X pour la recherche sur le sang'
    nicknames(ents)  # 'le capitaine des Grands Faucons'
    club_acronyms(ents)  # 'le FC Valmont', 'directeur du KSV Orvane'
    club_forms(ents)  # 'Valmont City FC', then 'Valmont'
    city_clubs(ents)  # 'l'Étoile de Valmont'
    retype(ents, docs)  # names the context says are organizations ('chez X', 'la société X')
    untagged_names(ents, docs)  # 'Milnor is a professor at Y': a name the tagger left out
    nicknamed_people(ents)  # 'Samuel D. "Sam" Waksal'
    return finish(ents)
