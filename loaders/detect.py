"""Detection passes that fill :class:`~innograph.loaders.mentions.ArticleEntities`.

Order matters: precise patterns first (cue words, descriptors, acronym definitions), then
spaCy's named entities where nothing precise was found, then the gazetteer of every name seen
so far, then short forms.
"""

from __future__ import annotations

import re

from innograph.loaders import lexicon as lx
from innograph.loaders.mentions import ACRONYM_DEF, LONG_DEF, NAME_SEQ, ArticleEntities, clean_name, name_key

_WB = r"(?<![\w])"


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[\s'\-]+") for w in sorted(words, key=len, reverse=True))


_NAME_CUE_RE = re.compile(rf"{_WB}(?P<cue>{_alternation(lx.NAME_CUES)})(?![\w])")
_DESCRIPTOR_RE = re.compile(rf"{_WB}(?P<cue>{_alternation(lx.DESCRIPTORS)})s?(?![\w])")
_EVENT_RE = re.compile(rf"{_WB}(?P<cue>{_alternation(lx.EVENT_CUES)})s?(?![\w])")
_NOT_IN_PROJECT = r"(?:ou|et|de|du|des|la|le|les|a|au|en|pour|par|qui|que|or|and|of|the|for|to|in)\b"
_PROJECT_RE = re.compile(rf"{_WB}(?P<cue>{_alternation(lx.PROJECT_CUES)})s?\s+(?:de\s+|d'|du\s+)(?P<what>(?!{_NOT_IN_PROJECT})[a-z][a-z\-]+(?:\s+(?!{_NOT_IN_PROJECT})[a-z][a-z\-]+)?)")
_LEAD_NAME = re.compile(r"(?<![\w’'&\-])(?:[A-ZÀ-Ý][\w’'&\-]*[ \t]+){1,3}$")
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


def _capitalized(text: str) -> bool:
    return bool(text) and text[0].isupper()


def cue_names(ents: ArticleEntities) -> None:
    """'CHU de Nantes', 'Université de Lyon', 'Westshire Training Center', bare 'le CHU'."""
    text, folded = ents.text, ents.folded
    for m in _NAME_CUE_RE.finditer(folded):
        cue = re.sub(r"[\s'\-]+", " ", m["cue"])
        kind = lx.NAME_CUES[cue]
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
            end = after[1]
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
            if adjective and adjective not in lx.DEMONYMS and not adjective.endswith(("ais", "aise", "ien", "ienne", "ois", "oise", "ain", "aine", "al", "ale", "ique", "e")):
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
        before = re.search(r"(?P<name>" + NAME_SEQ.pattern + r")[ \t]*,[ \t]*(?:une?[ \t]+|an?[ \t]+|la[ \t]+|le[ \t]+|l')?(?:[\w\-]+[ \t]+)?$", text[window:m.start()])
        if before:
            start, end = window + before.start("name"), window + before.end("name")
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


def acronyms(ents: ArticleEntities) -> None:
    """'Name (ACR)' gives the mention an alias; 'ACR (Long Name)' makes ACR a name with an alias."""
    text = ents.text
    for m in list(ents.mentions):
        acr = ACRONYM_DEF.match(text, m.end)
        if acr and m.entity.kind in ("organization", "project", "event"):
            ents.add_alias(m.entity, acr["acr"])
            ents.mention(acr.start("acr"), acr.end("acr"), m.entity, "acronym")
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
        if len(words) < 2:
            continue
        kind = _kind_of(m["acr"]) or _kind_of(long["long"])
        if _folded(long["long"]).split()[0] in lx.EVENT_CUES or _folded(long["long"]).startswith("rendez vous"):
            entity = ents.entity("event", long["long"])
        else:
            entity = ents.entity("organization" if kind else "project", long["long"], org_kind=kind)
        entity.org_kind = kind or entity.org_kind
        ents.add_alias(entity, m["acr"])
        ents.mention(m.start(), m.end(), entity, "acronym")


def _kind_of(name: str) -> str | None:
    from innograph.loaders.mentions import fold_same_length

    folded = " " + re.sub(r"[\s'\-]+", " ", fold_same_length(name)) + " "
    for cue in sorted(lx.NAME_CUES, key=len, reverse=True):
        if f" {cue} " in folded:
            return lx.NAME_CUES[cue]
    return None


def events_and_projects(ents: ArticleEntities) -> None:
    """'Forum Santé Numérique', 'le salon Biotech Ouest', 'la plateforme de génomique'."""
    text, folded = ents.text, ents.folded
    for m in _EVENT_RE.finditer(folded):
        surface = text[m.start():m.end()]
        after = _name_after(text, m.end())
        if _capitalized(surface) and (not after or not _capitalized(text[after[0]:after[1]])):
            # "the Westshire Innovation Forum": the cue ends the name
            lead = _lead_name(text, m.start())
            if lead and ents.free(m.start() - len(lead), m.end()):
                start = m.start() - len(lead)
                ents.mention(start, m.end(), ents.entity("event", text[start:m.end()]), "cue")
            continue
        if not after or not ents.free(*after):
            continue
        name = text[after[0]:after[1]]
        start = m.start() if _capitalized(surface) else after[0]
        label = text[start:after[1]]
        entity = ents.entity("event", _YEAR_SUFFIX.sub("", label))
        ents.add_alias(entity, label)
        if start != m.start():
            ents.add_alias(entity, text[m.start():after[1]])
        ents.mention(start, after[1], entity, "cue")
        del name
    for m in _PROJECT_RE.finditer(folded):
        end = m.end()
        if folded[m.start("cue"):m.end("cue") + 1].endswith("s"):
            continue  # "des projets d'innovation": a kind of thing, not a named project
        if not ents.free(m.start(), end):
            continue
        label = text[m.start():end]
        if label.split()[-1].lower() in lx.STOPWORDS:
            continue
        named = re.match(r"(?:[ \t]+(?!(?:ou|et|le|la|les|de|du|des|un|une|or|and|the|an?|of)\b)[\w\-]{1,12}){0,2}?[ \t]+(?=[A-ZÀ-Ý])", text[end:end + 30])
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


_NER_KINDS = {
    "PER": "person", "PERSON": "person",
    "ORG": "organization",
    "LOC": "place", "GPE": "place", "FAC": "place",
    "EVENT": "event",
}
_TITLE_START = re.compile(r"^(?:m\.|mme|mr|mrs|ms|dr|pr|me)\s+", re.I)


def named_entities(ents: ArticleEntities, docs) -> None:
    """spaCy's entities where no precise pattern matched."""
    for offset, doc in docs:
        for span in doc.ents:
            kind = _NER_KINDS.get(span.label_)
            if kind is None:
                continue
            start, end = offset + span.start_char, offset + span.end_char
            lead = re.match(r"(?:in|at|on|à|a|en|au|aux|dans|from|to)\s+(?=[A-ZÀ-Ý])", span.text, re.I)
            if lead and len(span.text.split()) > 1 and span.text[0].isupper():
                start += lead.end()  # "In London": the preposition is not part of the name
            label = clean_name(_TITLE_START.sub("", ents.text[start:end]))
            if not label or not ents.free(start, end):
                continue
            words = label.split()
            if kind == "person":
                label = re.sub(r"['’]s$", "", label)
                if any(e.kind == "organization" and e.key == name_key(label) for e in ents.entities):
                    continue
                if len(words) < 2 or not all(w[0].isupper() for w in words) or _kind_of(label) \
                        or any(name_key(w) in lx.TITLES for w in words):
                    continue
                ents.mention(start, end, ents.entity("person", label), "ner")
            elif kind == "place":
                before = ents.folded[max(0, start - 5):start]
                if re.search(r"(?:^|\s)(?:l'|le |la |du |au |aux |des )$", before) or len(label) < 3 or _kind_of(label):
                    continue
                if len(words) > 3 or not all(w[0].isupper() or w.lower() in lx.STOPWORDS for w in words):
                    continue
                ents.mention(start, end, ents.entity("place", label), "ner")
            elif kind == "organization":
                label = re.sub(r"^(?:R&D|la recherche|the research)\s+(?:de|d'|du|of)\s+", "", label)
                if label.lower() in lx.NOT_NAMES or len(label) < 2:
                    continue
                ents.mention(start, end, ents.entity("organization", label, org_kind=_kind_of(label)), "ner")
            elif kind == "event":
                ents.mention(start, end, ents.entity("event", label), "ner")


_PERSON_NAME = r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?:[ \t]+(?:de[ \t]+|van[ \t]+|von[ \t]+|le[ \t]+|da[ \t]+)?[A-ZÀ-Ý][A-Za-zà-ÿ'’\-]+){1,2}"
_PERSON_CONTEXT = re.compile(
    r"(?:(?<![\w])(?:par|by|selon|according to|said|says|told|explique|souligne|assure|precise|ajoute|estime|"
    r"declare|indique|confie|raconte|detaille|complete|poursuit|added|explained|noted)[ \t]+"
    r"(?:(?:professor|prof|professeur|professeure|dr|docteur|m|mme|mr|mrs|ms|pr)\.?[ \t]+)?)(?P<name>X)".replace("X", _PERSON_NAME)
)
_PERSON_SUBJECT = re.compile(
    r"(?:^|[.!?][ \t]+|\n)(?P<name>X)(?=[ \t]*,[ \t]*(?:an?|the|une?|l'|le|la|ancien|ancienne|former)?[ \t]*[a-zà-ÿ\-]+|[ \t]+(?:said|says|ne|n'|a[ \t]+|est[ \t]+|was[ \t]+|is[ \t]+))".replace("X", _PERSON_NAME)
)
_PLACE_CONTEXT = re.compile(r"(?<![\w])(?:a|in|at|near|pres de|dans la ville de)[ \t]+(?=[A-ZÀ-Ý])")


def person_patterns(ents: ArticleEntities) -> None:
    """Names the statistical model missed, in places only a person's name fits: after 'par',
    'by', a speech verb or 'selon'; or opening a sentence before an apposition ("X, ancien ...")."""
    text = ents.text
    for pattern, source in ((_PERSON_CONTEXT, ents.folded), (_PERSON_SUBJECT, ents.folded)):
        for m in pattern.finditer(source):
            start, end = m.start("name"), m.end("name")
            name = text[start:end]
            words = name.split()
            if not ents.free(start, end) or any(w.lower() in lx.NOT_NAMES for w in words) or _kind_of(name) \
                    or any(name_key(w) in lx.TITLES or name_key(w) in lx.DESCRIPTORS for w in words):
                continue
            if not all(w[0].isupper() for w in text[start:end].split() if w.lower() not in ("de", "van", "von", "le", "da")):
                continue
            if any(e.kind == "organization" and e.key == name_key(name) for e in ents.entities):
                continue
            ents.mention(start, end, ents.entity("person", name), "pattern")


def place_patterns(ents: ArticleEntities) -> None:
    """'à Lyon', 'in Manchester': a one- or two-word capitalized name after a place preposition,
    when nothing else claimed it and it is not an organization's name."""
    text = ents.text
    for m in _PLACE_CONTEXT.finditer(ents.folded):
        name = re.match(r"[A-ZÀ-Ý][\wà-ÿ\-]+(?:-[A-ZÀ-Ý][\wà-ÿ\-]+)*(?:[ \t]+[A-ZÀ-Ý][\wà-ÿ\-]+)?", text[m.end():m.end() + 40])
        if not name:
            continue
        start, end = m.end(), m.end() + len(name.group(0))
        label = name.group(0)
        if not ents.free(start, end) or _kind_of(label) or label.split()[0].lower() in lx.NOT_NAMES:
            continue
        if any(e.kind != "place" and e.key == name_key(label) for e in ents.entities):
            continue
        if re.match(r"[ \t]+(?:de|du|des|d'|of)[ \t]", text[end:end + 5]):
            continue  # "à Lyon Biotech Valley" cut short, or a longer name
        ents.mention(start, end, ents.entity("place", label), "pattern")


def demonym_places(ents: ArticleEntities) -> list[tuple[int, int, str]]:
    """Demonyms in the text ('nantaise' → Nantes), as (start, end, place name)."""
    found = []
    for m in re.finditer(r"[a-z\-]+", ents.folded):
        place = lx.DEMONYMS.get(m.group(0))
        if place:
            found.append((m.start(), m.end(), place))
    return found


_WORD = re.compile(r"[a-z0-9]+")
MAX_NAME_WORDS = 8


def words_key(name: str) -> str:
    """A name as folded words ("Seine Robotique 4.0" -> "seine robotique 4 0")."""
    from innograph.loaders.mentions import fold_same_length

    return " ".join(_WORD.findall(fold_same_length(name)))


def gazetteer(ents: ArticleEntities) -> None:
    """Every other occurrence of a name already known (article entities and the store's).

    Names are looked up as word n-grams in a dictionary, so a gazetteer of thousands of
    names costs the same per article as one of ten.
    """
    names: dict[str, object] = {}
    for entity in ents.entities:
        for name in entity.names():
            if len(name) >= 3 and (len(name.split()) > 1 or name.isupper() or name[0].isupper()):
                names.setdefault(words_key(name), entity)
    for key, value in ents.gazetteer.by_words.items():
        names.setdefault(key, value)
    names.pop("", None)
    if not names:
        return
    words = list(_WORD.finditer(ents.folded))
    i = 0
    while i < len(words):
        for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            start, end = words[i].start(), words[i + n - 1].end()
            key = " ".join(w.group(0) for w in words[i:i + n])
            target = names.get(key)
            if target is None or not ents.free(start, end):
                continue
            if n == 1 and not ents.text[start].isupper():
                continue  # one lower-case word is too weak to be a name
            if isinstance(target, tuple):
                kind, label, org_kind, _ = target
                target = ents.entity(kind, label, org_kind=org_kind)
            ents.mention(start, end, target, "gazetteer")
            i += n - 1
            break
        i += 1


def short_forms(ents: ArticleEntities) -> None:
    """A person's surname alone; the first word of a multi-word organization name alone;
    'l'entreprise', 'la start-up' for the organization last introduced with that word."""
    text = ents.text
    for cues, kind in ((lx.EVENT_CUES, "event"), (lx.PROJECT_CUES, "project")):
        for m in re.finditer(rf"(?<![\w])(?:l'|le |la |the |this |ce |cette )(?P<cue>{_alternation(cues)})(?![\w])", ents.folded):
            if ents.free(m.start("cue"), m.end("cue")):
                before = [x for x in ents.mentions if x.end <= m.start() and x.entity.kind == kind]
                if before:
                    ents.mention(m.start("cue"), m.end("cue"), before[-1].entity, "short")
    for m in re.finditer(rf"(?<![\w])(?:l'|le |la |the )(?P<cue>{_alternation(lx.DESCRIPTORS)})(?![\w])", ents.folded):
        if not ents.free(m.start("cue"), m.end("cue")):
            continue
        cue = name_key(re.sub(r"[\s'\-]+", " ", m["cue"]))
        before = [x for x in ents.mentions if x.end <= m.start() and x.entity.kind == "organization" and (
            x.entity.cue == cue or (x.entity.org_kind == lx.DESCRIPTORS.get(cue) and x.entity.cue in lx.DESCRIPTORS))]
        if before:
            latest = max(before, key=lambda x: x.start)
            ents.mention(m.start("cue"), m.end("cue"), latest.entity, "short")
    persons = [e for e in ents.entities if e.kind == "person"]
    surnames: dict[str, list] = {}
    for p in persons:
        surnames.setdefault(p.label.split()[-1].lower(), []).append(p)
    firsts: dict[str, list] = {}
    for e in ents.entities:
        if e.kind == "organization" and len(e.label.split()) > 1:
            first = e.label.split()[0]
            if len(first) >= 4 and first.isupper():
                firsts.setdefault(first, []).append(e)
    for m in re.finditer(r"(?<![\w])[A-ZÀ-Ý][\wÀ-ÿ\-]{2,}", text):
        if not ents.free(m.start(), m.end()):
            continue
        word = m.group(0)
        if word.lower() in surnames and len(surnames[word.lower()]) == 1:
            ents.mention(m.start(), m.end(), surnames[word.lower()][0], "short")
        elif word in firsts and len(firsts[word]) == 1:
            entity = firsts[word][0]
            ents.add_alias(entity, word)
            ents.mention(m.start(), m.end(), entity, "short")


def detect(ents: ArticleEntities, docs) -> ArticleEntities:
    """Run every pass, in order, and return `ents` with its mentions sorted."""
    cue_names(ents)
    descriptors(ents)
    trailing_descriptors(ents)
    events_and_projects(ents)
    acronyms(ents)
    named_entities(ents, docs)
    person_patterns(ents)
    place_patterns(ents)
    gazetteer(ents)
    cue_names(ents)  # short forms whose full name appeared later in a pass above
    short_forms(ents)
    ents.finish()
    return ents


def _folded(name: str) -> str:
    from innograph.loaders.mentions import fold_same_length

    return re.sub(r"[\s'\-]+", " ", fold_same_length(name)).strip()
