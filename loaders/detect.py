"""Detection passes that fill :class:`~innograph.loaders.mentions.ArticleEntities`.

Order matters: precise patterns first (cue words, descriptors, acronym definitions), then
spaCy's named entities where nothing precise was found, then the gazetteer of every name seen
so far, then short forms.
"""

from __future__ import annotations

import re

from innograph.loaders import lexicon as lx
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.namefinder import gazetteer, named_entities, person_patterns, place_patterns, unaccented
from innograph.loaders.institutions import institutions, purpose_tails
from innograph.loaders.retype import descriptor_place_tails, french_name_ends, retype
from innograph.loaders.acronyms import acronyms, regional_names
from innograph.loaders.teams import city_clubs, club_acronyms, club_forms, nicknames
from innograph.loaders.shortforms import short_forms
from innograph.loaders.linking import finish
from innograph.loaders.mentions import ACRONYM_DEF, NAME_SEQ, ArticleEntities, alternation as _alternation, name_key, title_prefix

_WB = r"(?<![\w])"


_NAME_CUE_RE = re.compile(rf"{_WB}(?P<cue>{_alternation(lx.NAME_CUES)})(?![\w])")
_DESCRIPTOR_RE = re.compile(rf"{_WB}(?P<cue>{_alternation(lx.DESCRIPTORS)})s?(?![\w])")
_EVENT_RE = re.compile(rf"{_WB}(?P<cue>{_alternation(lx.EVENT_CUES)})s?(?![\w])")
_NOT_IN_PROJECT = r"(?:ou|et|de|du|des|la|le|les|a|au|en|pour|par|qui|que|or|and|of|the|for|to|in)\b"
_PROJECT_RE = re.compile(rf"{_WB}(?P<cue>{_alternation(lx.PROJECT_CUES)})s?\s+(?:de\s+|d'|du\s+)(?P<what>(?!{_NOT_IN_PROJECT})[a-z][a-z\-]+(?:\s+(?!{_NOT_IN_PROJECT})[a-z][a-z\-]+)?)")
_NAMED_PROJECT_RE = re.compile(rf"{_WB}(?:le |la |l'|the |un |une |a |an )(?:{_alternation(lx.PROJECT_CUES)})(?![\w])")
_LEAD_NAME = re.compile(r"(?<![\w&\-])(?:[A-ZÀ-Ý][\w’'&\-]*[ \t]+){1,5}$")  # may follow an elided article: l'Imperial College
_YEAR_SUFFIX = re.compile(r"\s+(?:19|20)\d{2}$")
_CONNECTOR_START = re.compile(r"^(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|de|du|des|d['’]|of[ \t]+the|of|for)[ \t]*|[ \t]+)")


def _name_after(text: str, pos: int) -> tuple[int, int] | None:
    """A capitalized name starting right after `pos` (after a connector or space)."""
    lead = _CONNECTOR_START.match(text[pos:pos + 12])
    if not lead:
        return None
    m = NAME_SEQ.match(text, pos + lead.end())
    if not m:
        return None
    return m.start(), _trim_connector(text, m.start(), m.end())


def _trim_connector(text: str, start: int, end: int) -> int:
    chunk = text[start:end]
    trimmed = re.sub(r"(?:\s+(?:de|du|des|d['’]|of|for|and|et|&|sur|en|on|la|l['’]))+\s*$", "", chunk)
    return start + len(trimmed)


_NOUN_OF = re.compile(r"(?<![\w'’])[a-z]+s?[ \t]+d['’][ \t]*$")
_DESCRIPTIVE_OF = re.compile(r"[ \t]+(?:de|du|des|d['’])[ \t]*[a-zà-ÿ]")
_NAME_CONNECTOR = re.compile(r"[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|de|du|des|d['’]|of[ \t]+the|of)[ \t]*")


def _second_name_cut(text: str, start: int, end: int) -> int:
    """Where a name after a cue word ends when a connector leads to another organization's name
    ("Institut Ragon du Vantor General Hospital" ends before "du"; "Université de Lyon" goes on)."""
    for c in _NAME_CONNECTOR.finditer(text, start, end):
        rest = text[c.end():end]
        if lx.kind_of(rest) is not None or any(w.lower() in lx.NAME_ENDINGS for w in rest.split()):
            return c.start()
    return end


_AND_NAME = re.compile(rf"[ \t]+and[ \t]+(?={NAME_SEQ.pattern})")


def _and_more(ents: ArticleEntities, start: int, end: int) -> int:
    """In a French article, an English name with "of" / "for" goes on after "and" ("London School of
    Hygiene and Tropical Medicine"): French lists say "et", not "and"."""
    text = ents.text
    if ents.lang != "fr" or not re.search(r"\s(?:of|for)\s", text[start:end]):
        return end
    more = _AND_NAME.match(text, end)
    if not more:
        return end
    rest = NAME_SEQ.match(text, more.end())
    return _trim_connector(text, start, rest.end()) if rest else end


def _capitalized(text: str) -> bool:
    return bool(text) and text[0].isupper()


def cue_names(ents: ArticleEntities) -> None:
    """'CHU de Nantes', 'Université de Lyon', 'Westshire Training Center', bare 'le CHU'."""
    text, folded = ents.text, ents.folded
    for m in _NAME_CUE_RE.finditer(folded):
        cue = re.sub(r"[\s'\-]+", " ", m["cue"])
        kind = lx.NAME_CUES[cue]
        if cue == "etat" and _NOUN_OF.search(folded, max(0, m.start() - 30), m.start()):
            continue  # "coup d'État", "le secrétaire d'État X": a common noun's or a title's, no name
        start, end = m.start(), m.end()
        surface = text[start:end]
        if not _capitalized(surface) and cue in lx.DESCRIPTORS:
            short = _short(ents, name_key(cue), kind, start)
            if short is not None and ents.free(start, end):
                ents.mention(start, end, short, "short")
            continue  # "le cluster X": a descriptor, see descriptors()
        acr = ACRONYM_DEF.match(text, end)
        after = _name_after(text, acr.end() if acr else end)
        if after and _capitalized(text[after[0]:after[1]]):
            end = _second_name_cut(text, after[0], after[1])
            end = _and_more(ents, start, end)
        elif after is None and _DESCRIPTIVE_OF.match(text, end):
            continue  # "l'école de médecine de ...": a description, not the short form of a name
        if _capitalized(surface) and surface[0].isupper():
            lead = _lead_name(text, start)
            if lead:
                start = start - len(lead)
        if (start, end) == (m.start(), m.end()):
            # A bare cue: the short form of a name seen before, or a well-known acronym on its own.
            short = _short(ents, name_key(cue), kind, start)
            if short is not None:
                ents.mention(start, end, short, "short")
                continue
            if cue not in lx.PROPER_CUES and (not (surface.isupper() and len(surface) >= 3) or cue in lx.GENERIC_ACRONYMS):
                continue
        label = text[start:end]
        if not _capitalized(surface) and after and after[0] == m.end() + 1 and start == m.start():
            label = text[after[0]:after[1]]  # "le pôle de compétitivité Atlanpole": a descriptor
            entity = ents.entity("organization", label, org_kind=kind, cue=name_key(cue))
            ents.add_alias(entity, text[start:end])
            ents.mention(after[0], after[1], entity, "descriptor")
            continue
        if acr and after:  # "chambre de commerce et d'industrie (CCI) de Nantes" -> "CCI de Nantes"
            label = acr["acr"] + text[acr.end():end]
        entity = ents.entity("organization", label, org_kind=kind, cue=name_key(cue))
        if label != text[start:end]:
            ents.add_alias(entity, text[start:end])
        if acr:
            ents.add_alias(entity, acr["acr"])
        ents.mention(start, end, entity, "cue")


_ENDING_RE = re.compile(rf"(?<![\w])(?P<end>{_alternation(lx.NAME_ENDINGS)})(?![\w])")


def name_endings(ents: ArticleEntities) -> None:
    """'Pennine Health Innovation Network', 'Arden Robotics': a capitalized last word that only
    organizations' names end with makes the capitalized words before it a name."""
    text = ents.text
    for m in _ENDING_RE.finditer(ents.folded):
        if not text[m.start()].isupper():
            continue
        lead = _lead_name(text, m.start())
        if not lead:
            continue
        start, end = m.start() - len(lead), m.end()
        if not ents.free(start, end):
            continue
        kind = lx.NAME_ENDINGS[re.sub(r"[\s'\-]+", " ", m["end"])]
        tail = _name_after(text, end)  # "British Association for Sustainable Sport": the name goes on
        if tail and tail[0] > end and re.fullmatch(r"[ \t]+(?:for|of|of the|on)[ \t]+", text[end:tail[0]]) \
                and ents.free(end, tail[1]):
            end = _and_more(ents, start, tail[1])
        ents.mention(start, end, ents.entity("organization", text[start:end], org_kind=kind), "cue")


def _lead_name(text: str, pos: int) -> str | None:
    """Capitalized words just before `pos` that belong to a name ("Westshire Innovation " Forum)."""
    lead = _LEAD_NAME.search(text[max(0, pos - 60):pos])
    if not lead or (lead.start() == 0 and pos - 60 > 0 and text[pos - 61].isalnum()):
        return None
    words = lead.group(0).split()
    while words and words[0].lower().strip("'’") in lx.NOT_NAMES:
        words.pop(0)
    if not words or any(w.lower().strip("'’") in lx.NOT_NAMES for w in words):
        return None
    kept = lead.group(0)[lead.group(0).index(words[0]):]
    return kept


def _short(ents: ArticleEntities, cue: str, kind: str, pos: int | None = None):
    """The organization a bare cue word ("le CHU", "le pôle") stands for: the one last mentioned
    (before `pos`) whose cue or first name word is that word, else the last of the same kind
    that was introduced by a cue word."""
    key = name_key(cue)
    seen = [m for m in ents.mentions if m.entity.kind == "organization" and (pos is None or m.end <= pos)]
    seen.sort(key=lambda m: m.start)
    others = list(ents.entities) if pos is None else []
    for test in (
        lambda e: e.cue == key or e.key.split()[:1] == [key] or (e.cue or "").startswith(key + " "),
        lambda e: e.org_kind == kind and e.cue is not None and e.cue in lx.NAME_CUES and kind != "PublicAuthority",
    ):
        for m in reversed(seen):
            if test(m.entity):
                return m.entity
        for entity in reversed(others):
            if entity.kind == "organization" and test(entity):
                return entity
    return None


def descriptors(ents: ArticleEntities) -> None:
    """'la start-up Robotik', 'usine Sanofi de Nantes', and 'Robotik, entreprise lyonnaise'."""
    text, folded = ents.text, ents.folded
    for m in _DESCRIPTOR_RE.finditer(folded):
        cue = re.sub(r"[\s'\-]+", " ", m["cue"])
        if _capitalized(text[m.start():m.end()]) and cue in lx.NAME_CUES:
            continue  # "Cluster Seine": the cue is part of the name, see cue_names
        direct = re.match(r"[ \t]+(?:[a-zà-ÿ\-]+[ \t]+)?", text[m.end():m.end() + 30])
        after = None
        if direct:
            adjective = direct.group(0).strip()
            if adjective and (len(adjective) < 4 or adjective in lx.STOPWORDS or (
                    adjective not in lx.DEMONYMS and not adjective.endswith(
                        ("ais", "aise", "ien", "ienne", "ois", "oise", "ain", "aine", "al", "ale", "ique", "e")))):
                direct = re.match(r"[ \t]+", text[m.end():m.end() + 3])
            after = _name_after(text, m.end() + len(direct.group(0)) - 1) if direct else None
            if after and after[0] != m.end() + direct.end():
                after = None  # "les entreprises de l'X" is not "l'entreprise X"
        kind = lx.DESCRIPTORS[cue]
        if after and ents.free(*after) and text[after[0]:after[1]].split()[0].lower() not in lx.NOT_NAMES:
            entity = ents.entity("organization", text[after[0]:after[1]], org_kind=kind, cue=name_key(cue))
            if cue in lx.CLASSIFICATION:
                entity.classification.add(lx.CLASSIFICATION[cue])
            ents.add_alias(entity, text[m.start():after[1]])
            ents.mention(after[0], after[1], entity, "descriptor")
            continue
        # apposition: "Robotik, entreprise lyonnaise" / "Robotik, a Lyon-based company"
        window = max(0, m.start() - 80)
        before = re.search(r"(?P<name>" + NAME_SEQ.pattern + r")[ \t]*,[ \t]*(?:(?:une?|an?|la|le|the)[ \t]+(?:[\w\-]+[ \t]+){0,3}|l'|(?:[\w\-]+[ \t]+)?)$", text[window:m.start()])
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
        if name.split()[0].lower() in lx.NOT_NAMES or name.lower().endswith("-based"):
            continue
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


_EVENT_STOP = r"(?:le|la|les|un|une|des|du|de|a|au|aux|en|et|ou|pour|par|qui|que|dont|sur|avec|sera|seront|est|sont|a|ont|organise|organisee|organises|organisees|se|the|of|and|in|at|on|will|is|was)"
# After a capitalized event cue: up to two lower-case words after "de"/"des"/"du"/"de l'" ("Journée des
# usagers", "Rencontres Iroise de l'innovation maritime") or one adjective ("de l'Arc jurassien").
_EVENT_TAIL = re.compile(
    rf"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|du|de|d['’])[ \t]*(?!{_EVENT_STOP}\b)[a-zà-ÿ][a-zà-ÿ\-]+(?:[ \t]+(?!{_EVENT_STOP}\b)[a-zà-ÿ][a-zà-ÿ\-]+)?"
    rf"|[ \t]+[a-zà-ÿ]+(?:ien|ienne|ais|aise|ois|oise|ique|al|ale|ain|aine|een|eenne|éen|éenne))(?![\w'])"
)


_APPOSED_EVENT = re.compile(
    rf"(?P<name>[A-ZÀ-Ý][\w'’\-]*(?:[ \t]+[\w'’\-]+){{0,5}}?[ \t]+[A-ZÀ-Ý0-9][\w'’\-]*|[A-ZÀ-Ý][\w'’\-]+)[ \t]*,[ \t]*"
    rf"(?i:the|an?|le|la|l'|un|une)[ \t]*(?:[\w\-]+[ \t]+){{0,2}}?(?i:{_alternation(lx.EVENT_CUES)})s?(?![\w])"
)


def apposed_events(ents: ArticleEntities) -> None:
    """'Made in the North Live, the trade show organised by ...': a name set off by a comma and
    described as an event."""
    text = ents.text
    for m in _APPOSED_EVENT.finditer(text):
        start, end = m.start("name"), m.end("name")
        name = m["name"]
        if name.split()[0].lower() in lx.NOT_NAMES or not ents.free(start, end):
            continue
        if ents.lang == "fr" and re.match(r"[ \t]*,[ \t]*an?[ \t]", text[end:]):
            continue  # "X, a remporté le prix": the French verb, no English article
        ents.mention(start, end, ents.entity("event", name), "cue")


# "le Congrès américain", "le Congrès national africain": a legislature or a party, no event. An
# adjective after "national" is taken by its ending ("démocratique", "indien"), so no verb runs on.
_LEGISLATURE = re.compile(
    r"(?<![\w])Congr[èe]s[ \t]+(?P<adj>national|nationale|[a-zà-ÿ\-]+)"
    r"(?:[ \t]+[a-zà-ÿ]+(?:ique|ain|aine|ien|ienne|ais|aise|ois|oise|aire|iste|al|ale)(?![\w'’]))?")
_BARE_LEGISLATURE = re.compile(r"(?<![\w])Congr[èe]s(?![\w'’])")


def legislatures(ents: ArticleEntities) -> None:
    """'Congrès' with a nationality or 'national' is an organization; the capitalized 'Congrès' alone
    is then that organization when it is the article's only one."""
    text, found = ents.text, []
    for m in _LEGISLATURE.finditer(text):
        national = m["adj"] in ("national", "nationale")
        end = m.end() if national else m.end("adj")
        if (national or unaccented(m["adj"]) in COUNTRY_OF) and ents.free(m.start(), end):
            entity = ents.entity("organization", text[m.start():end])
            ents.mention(m.start(), end, entity, "cue")
            found.append(entity)
    if len({id(e) for e in found}) == 1:
        for m in _BARE_LEGISLATURE.finditer(text):
            if m.start() and ents.free(m.start(), m.end()) and not _name_after(text, m.end()):
                ents.mention(m.start(), m.end(), found[0], "short")


_PROJECT_NAMED = re.compile(r"(?:[ \t]+(?!(?:ou|et|le|la|les|de|du|des|un|une|or|and|the|an?|of|en|à|a|au|aux|dans|pour|par|"
                            r"sur|avec|contre|chez|vers|in|at|on|for|by|with|from|to)\b)[\w\-]{1,12}){0,2}?[ \t]+(?=[A-ZÀ-Ý])")


def events_and_projects(ents: ArticleEntities) -> None:
    """'Forum Santé Numérique', 'le salon Biotech Ouest', 'la plateforme de génomique'."""
    text, folded = ents.text, ents.folded
    for m in _EVENT_RE.finditer(folded):
        surface = text[m.start():m.end()]
        after = _name_after(text, m.end())
        if _capitalized(surface) and (not after or not _capitalized(text[after[0]:after[1]])):
            lead = _lead_name(text, m.start())
            if lead and ents.free(m.start() - len(lead), m.end()):
                # "the Westshire Innovation Forum": the cue ends the name
                start = m.start() - len(lead)
                ents.mention(start, m.end(), ents.entity("event", text[start:m.end()]), "cue")
                continue
            tail = _EVENT_TAIL.match(text, m.end())
            if not tail or not ents.free(m.start(), tail.end()):
                continue
            after = (m.end(), tail.end())  # "Journée des usagers": a capitalized cue and a common noun
        if not after or not ents.free(*after):
            continue
        if not _capitalized(surface) and re.match(r"s?[ \t]+(?:de|du|des|d['’]|of)\b", text[m.end() - len(m.group(0)) + len(m["cue"]):after[0]]):
            continue  # "le parc des expositions de Béziers": a place, not an event named Béziers
        if _capitalized(surface):
            tail = _EVENT_TAIL.match(text, after[1])  # "Rencontres Iroise de l'innovation maritime"
            if tail and tail.end() > after[1] and ents.free(after[1], tail.end()):
                after = (after[0], tail.end())
        name = text[after[0]:after[1]]
        start = m.start() if _capitalized(surface) else after[0]
        if _capitalized(surface):
            lead = _lead_name(text, m.start())
            if lead and ents.free(m.start() - len(lead), m.start()):
                start = m.start() - len(lead)  # "HealthTech Expo Midlands"
        label = text[start:after[1]]
        entity = ents.entity("event", _YEAR_SUFFIX.sub("", label))
        ents.add_alias(entity, label)
        if start != m.start():
            ents.add_alias(entity, text[m.start():after[1]])
        ents.mention(start, after[1], entity, "cue")
        del name
    for m in _NAMED_PROJECT_RE.finditer(folded):  # "le projet TéléSuivi Armor", "the Apollo programme"
        after = _name_after(text, m.end())
        if after and after[0] == m.end() + 1 and ents.free(*after) and _capitalized(text[after[0]:after[1]]):
            entity = ents.entity("project", text[after[0]:after[1]])
            ents.add_alias(entity, text[m.start():after[1]])
            ents.mention(after[0], after[1], entity, "cue")
    for m in _PROJECT_RE.finditer(folded):
        end = m.end()
        if folded[m.start("cue"):m.end("cue") + 1].endswith("s"):
            continue  # "des projets d'innovation": a kind of thing, not a named project
        if not ents.free(m.start(), end):
            continue
        label = text[m.start():end]
        if label.split()[-1].lower() in lx.STOPWORDS:
            continue
        named = _PROJECT_NAMED.match(text[end:end + 30])  # (not "un essai de vaccin en Afrique": a place)
        if named:
            after = NAME_SEQ.match(text, end + named.end())
            if after and ents.free(after.start(), after.end()):
                entity = ents.entity("project", after.group(0))
                ents.add_alias(entity, text[m.start():after.end()])
                ents.mention(after.start(), after.end(), entity, "cue")
                continue
            if after and ents.at(after.start()):  # already known by its name: the cue only describes it
                ents.add_alias(ents.at(after.start()).entity, text[m.start():after.end()])
                continue
        ents.mention(m.start(), end, ents.entity("project", label), "cue")


def detect(ents: ArticleEntities, docs) -> ArticleEntities:
    """Run every pass, in order, and return `ents` with its mentions sorted."""
    ents.lang = docs[0][1].lang_ if docs else None
    cue_names(ents)
    name_endings(ents)
    descriptors(ents)
    trailing_descriptors(ents)
    legislatures(ents)  # 'le Congrès américain': no event
    events_and_projects(ents)
    apposed_events(ents)
    acronyms(ents)
    named_entities(ents, docs)
    french_name_ends(ents, docs)  # 'Institut canadien' + 'de politique énergétique'
    institutions(ents, docs)  # 'le responsable du service des forêts togolais'
    person_patterns(ents)
    place_patterns(ents)
    gazetteer(ents)
    cue_names(ents)  # short forms whose full name appeared later in a pass above
    short_forms(ents)
    descriptor_place_tails(ents)
    regional_names(ents)  # 'BBC Afrique'
    purpose_tails(ents)  # 'Institut X pour la recherche sur le sang'
    nicknames(ents)  # 'le capitaine des Grands Faucons'
    club_acronyms(ents)  # 'le FC Valmont', 'directeur du KSV Orvane'
    club_forms(ents)  # 'Valmont City FC', then 'Valmont'
    city_clubs(ents)  # 'l'Étoile de Valmont'
    retype(ents, docs)  # names the context says are organizations ('chez X', 'la société X')
    return finish(ents)
