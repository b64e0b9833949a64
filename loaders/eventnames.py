"""Events and projects: 'Forum Santé Numérique', 'le salon Biotech Ouest', 'Made in the North Live,
the trade show ...', 'le projet TéléSuivi Armor', 'la plateforme de génomique'; and 'le Congrès
américain', a legislature that an event cue would otherwise take.
"""

from __future__ import annotations

import re

from innograph.graph.normalize import unaccented
from innograph.loaders import lexicon as lx
from innograph.loaders.cuenames import capitalized, lead_name, name_after
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.mentions import NAME_SEQ, ArticleEntities, alternation as _alternation

_WB = r"(?<![\w])"
_EVENT_RE = re.compile(rf"{_WB}(?P<cue>{_alternation(lx.EVENT_CUES)})s?(?![\w])")
_NOT_IN_PROJECT = r"(?:ou|et|de|du|des|la|le|les|a|au|en|pour|par|qui|que|or|and|of|the|for|to|in)\b"
_PROJECT_RE = re.compile(rf"{_WB}(?P<cue>{_alternation(lx.PROJECT_CUES)})s?\s+(?:de\s+|d'|du\s+)(?P<what>(?!{_NOT_IN_PROJECT})[a-z][a-z\-]+(?:\s+(?!{_NOT_IN_PROJECT})[a-z][a-z\-]+)?)")
_NAMED_PROJECT_RE = re.compile(rf"{_WB}(?:le |la |l'|the |un |une |a |an )(?:{_alternation(lx.PROJECT_CUES)})(?![\w])")
#: A title's head right before a project cue ("chef de projet", "directrice de programme").
_TITLE_BEFORE = re.compile(r"(?<![\w\-])(?P<head>[a-z]+(?:-[a-z]+)?)[ \t]+(?:de[ \t]+|d')$")
_YEAR_SUFFIX = re.compile(r"\s+(?:19|20)\d{2}$")


_EVENT_STOP = r"(?:le|la|les|un|une|des|du|de|a|au|aux|en|et|ou|pour|par|qui|que|dont|sur|avec|sera|seront|est|sont|a|ont|organise|organisee|organises|organisees|se|the|of|and|in|at|on|will|is|was)"
# After a capitalized event cue: up to two lower-case words after "de"/"des"/"du"/"de l'" ("Journée des
# usagers", "Rencontres Iroise de l'innovation maritime") or one adjective ("de l'Arc jurassien").
_EVENT_TAIL = re.compile(
    rf"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|du|de|d['’])[ \t]*(?!{_EVENT_STOP}\b)[a-zà-ÿ][a-zà-ÿ\-]+(?:[ \t]+(?!{_EVENT_STOP}\b)[a-zà-ÿ][a-zà-ÿ\-]+)?"
    rf"|[ \t]+[a-zà-ÿ]+(?:ien|ienne|ais|aise|ois|oise|ique|al|ale|ain|aine|een|eenne|éen|éenne))(?![\w'])"
)


_APPOSED_EVENT = re.compile(
    rf"(?P<name>[A-ZÀ-Ý][\w'’\-]*(?:[ \t]+[\w'’\-]+){{0,5}}?[ \t]+[A-ZÀ-Ý0-9][\w'’\-]*|[A-ZÀ-Ý][\w'’\-]+)[ \t]*,[ \t]*"
    rf"(?i:(?:the|an?|le|la|un|une)[ \t]+|l['’])(?:[\w\-]+[ \t]+){{0,2}}?(?i:{_alternation(lx.EVENT_CUES)})s?(?![\w])"
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
            if m.start() and ents.free(m.start(), m.end()) and not name_after(text, m.end()):
                ents.mention(m.start(), m.end(), found[0], "short")


_PROJECT_NAMED = re.compile(r"(?:[ \t]+(?!(?:ou|et|le|la|les|de|du|des|un|une|or|and|the|an?|of|en|à|a|au|aux|dans|pour|par|"
                            r"sur|avec|contre|chez|vers|in|at|on|for|by|with|from|to)\b)[\w\-]{1,12}){0,2}?[ \t]+(?=[A-ZÀ-Ý])")


def events_and_projects(ents: ArticleEntities) -> None:
    """'Forum Santé Numérique', 'le salon Biotech Ouest', 'la plateforme de génomique'."""
    text, folded = ents.text, ents.folded
    for m in _EVENT_RE.finditer(folded):
        surface = text[m.start():m.end()]
        if surface.rstrip("s")[-1:] in ("é", "É"):
            continue  # "nous avons rencontré X", "exposés": a verb's participle folds to the cue, no event
        after = name_after(text, m.end())
        if capitalized(surface) and (not after or not capitalized(text[after[0]:after[1]])):
            lead = lead_name(text, m.start())
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
        if not capitalized(surface) and re.match(r"s?[ \t]+(?:de|du|des|d['’]|of)\b", text[m.end() - len(m.group(0)) + len(m["cue"]):after[0]]):
            continue  # "le parc des expositions de Béziers": a place, not an event named Béziers
        if capitalized(surface):
            tail = _EVENT_TAIL.match(text, after[1])  # "Rencontres Iroise de l'innovation maritime"
            if tail and tail.end() > after[1] and ents.free(after[1], tail.end()):
                after = (after[0], tail.end())
        name = text[after[0]:after[1]]
        start = m.start() if capitalized(surface) else after[0]
        if capitalized(surface):
            lead = lead_name(text, m.start())
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
        after = name_after(text, m.end())
        if after and after[0] == m.end() + 1 and ents.free(*after) and capitalized(text[after[0]:after[1]]):
            entity = ents.entity("project", text[after[0]:after[1]])
            ents.add_alias(entity, text[m.start():after[1]])
            ents.mention(after[0], after[1], entity, "cue")
    for m in _PROJECT_RE.finditer(folded):
        end = m.end()
        if folded[m.start("cue"):m.end("cue") + 1].endswith("s"):
            continue  # "des projets d'innovation": a kind of thing, not a named project
        held = _TITLE_BEFORE.search(folded, max(0, m.start() - 40), m.start())
        if held and held["head"] in lx.TITLE_HEADS:
            continue  # "chef de projet de Y", "directrice de programme": a title's words, no project
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

