"""Names a cue word introduces or ends: 'CHU de Nantes', 'Université de Lyon', 'Westshire Training
Center', bare 'le CHU' for the one named before; and the helpers that find where such a name starts
(capitalized words before the cue) and ends (a connector to another organization's name ends it).
"""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.institutions import INSTITUTION_NOUNS
from innograph.loaders.mentions import ACRONYM_DEF, NAME_SEQ, ArticleEntities, introduced, alternation as _alternation, country_key, name_key

_WB = r"(?<![\w])"
_NAME_CUE_RE = re.compile(rf"{_WB}(?P<cue>{_alternation(lx.NAME_CUES)})(?![\w])")
_LEAD_NAME = re.compile(r"(?<![\w&\-])[A-ZÀ-Ý][\w’'&\-]*[ \t]+(?:(?:[A-ZÀ-Ý][\w’'&\-]*|&)[ \t]+){0,4}$")
# (may follow an elided article: l'Imperial College; "&" between words: "Kraus & Associates LLC")
_CONNECTOR_START = re.compile(r"^(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|de|du|des|d['’]|of[ \t]+the|of|for)[ \t]*|[ \t]+)")


def name_after(text: str, pos: int) -> tuple[int, int] | None:
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
#: A lower-case adjective after a capitalized cue ("Institut international", "Agence nationale", "Office
#: fédéral"): the name goes on.
_NAME_ADJECTIVE = re.compile(r"[ \t]+[a-zà-ÿ]{2,}(?:al|ale|ales|aux|ien|ienne|iens|ais|aise|ain|aine|ique|ieur|ieure|if|ive)(?![\w'’])")
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


# What a cue word's name may say in lower case before the proper noun that ends it: adjectives
# by their ending ("universitaire", "catholique", "supérieure"), then "de / pour / sur" complements
# ("d'économie et de commerce", "pour l'environnement", "des sciences sociales").
_ADJECTIVE = (r"[a-zà-ÿ]{2,}(?:aire|al|ale|aux|ique|ien|ienne|ais|aise|ois|oise|ain|aine|if|ive|el|elle|ier|ière"
              r"|ieur|ieure)s?")
_NOT_A_FIELD = frozenset("le la les un une des ce cet cette ces son sa ses leur leurs notre nos votre vos tout tous toute "
                         "toutes plusieurs nombreux nombreuses certains certaines chaque autres autre".split())
_FIELD = rf"(?!(?:{'|'.join(sorted(_NOT_A_FIELD))})(?![\w'’]))[a-zà-ÿ][a-zà-ÿ\-]+(?:[ \t]+{_ADJECTIVE})?"
_DESCRIBED = re.compile(
    rf"(?:[ \t]+{_ADJECTIVE}){{0,2}}"
    rf"(?:[ \t]+(?:et[ \t]+)?(?:de|du|des|d['’]|pour|sur)[ \t]*(?:la[ \t]+|les[ \t]+|le[ \t]+|l['’][ \t]*)?{_FIELD}){{0,3}}"
    r"(?P<last>[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|de|du|des|d['’])[ \t]*)(?=[A-ZÀ-Ý])")

#: Heads that are only a name's when described ("le bureau du maire de X", "la faculté de droit de X").
_DESCRIBED_ONLY = frozenset("faculte bureau ambassade tribunal cour archives".split())
#: Heads a place's name alone makes a name of ("l'ambassade du Portugal", "le tribunal de Tarvik").
_OF_A_PLACE = frozenset("ambassade tribunal cour archives".split())
#: Cue words whose described forms are places ("la ville portuaire de X") or programmes ("le journal
#: télévisé de X"), not one organization.
_PLACES_OR_MEDIA = frozenset(("ville region departement etat metropole agglomeration prefecture county communaute "
                              "journal magazine radio tv").split()) | {"communaute de communes", "communaute d agglomeration"}

#: The nouns a described name may start with: the cue words, the institutions French writes in lower
#: case (not those a company or a university also has), and the heads above.
_DESCRIBED_HEADS = frozenset(lx.NAME_CUES) | (frozenset(INSTITUTION_NOUNS) - {"service", "departement"}) | _DESCRIBED_ONLY
_DESCRIBED_HEAD_RE = re.compile(rf"{_WB}(?P<cue>{_alternation(_DESCRIBED_HEADS)})(?![\w])")


def _described_end(text: str, pos: int, bare: bool = False) -> int | None:
    """Where a cue word's name ends when lower-case words describe it before the proper noun that
    ends it: "université d'agronomie et de commerce de Varna", "hôpital militaire de Tamarin"
    (not "à Corvel" after it, nor a second organization's name after a connector; a country ends it
    before its "de": the body is the country's, located in it). `bare`: the
    proper noun may follow the head at once ("l'ambassade du Portugal")."""
    tail = _DESCRIBED.match(text, pos)
    words = set(re.findall(r"[a-zà-ÿ\-]{2,}", fold_same_length(text[pos:tail.end()]))) if tail else set()
    if tail is None or (not bare and not words - {"de", "du", "des", "la", "les", "le"}) or words & _DESCRIBED_HEADS:
        return None  # only connectors (name_after reads those), or a second institution's noun
    name = NAME_SEQ.match(text, tail.end())
    if name is None:
        return None
    end = _second_name_cut(text, name.start(), _trim_connector(text, name.start(), name.end()))
    if not bare and country_key(text[name.start():end]) in lx.COUNTRIES:
        return tail.start("last")  # "l'Agence nationale des routes du Kenya": a country's body, in it
    return end


_EMBASSY_HOST = re.compile(r"[ \t]+(?:au|aux|en)[ \t]+")


def described_names(ents: ArticleEntities) -> None:
    """'l'université d'agronomie et de commerce de Varna', 'l'hôpital militaire de Tamarin': a
    cue word described in lower case up to the proper noun that ends its name. Run after the
    tagger: the span replaces the place inside it ("Varna") or the same name cut short, and yields
    to a name that goes further or to a second organization inside it."""
    text = ents.text
    for m in _DESCRIBED_HEAD_RE.finditer(ents.folded):
        cue = re.sub(r"[\s'\-]+", " ", m["cue"])
        if cue in _PLACES_OR_MEDIA or ACRONYM_DEF.match(text, m.end()):
            continue
        start, end = m.start(), _described_end(text, m.end(), bare=cue in _OF_A_PLACE)
        if end is None:
            continue
        host = _EMBASSY_HOST.match(text, end) if cue == "ambassade" else None
        if host and any(o.start == host.end() and o.entity.kind == "place" for o in ents.mentions):
            end = next(o.end for o in ents.mentions if o.start == host.end())  # "l'ambassade de X au Mali"
        inside = [o for o in ents.mentions if o.start < end and start < o.end]
        if cue not in lx.NAME_CUES and not any(o.end == end and o.entity.kind == "place" for o in inside):
            continue  # "le conseil d'administration de X": only a place's institution is named so
        if any(o.start < start or o.end > end or o.entity.kind == "person" or (
                o.entity.kind == "organization" and o.start > start) for o in inside):
            continue  # a name going further, a person, or a second organization ("de l'université de X")
        for o in inside:
            ents.mentions.remove(o)
        kind = lx.NAME_CUES.get(cue) or lx.kind_of(text[start:end])
        entity = ents.entity("organization", text[start:end], org_kind=kind, cue=name_key(cue))
        ents.mention(start, end, entity, "cue")


def capitalized(text: str) -> bool:
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
        if not capitalized(surface) and cue in lx.DESCRIPTORS:
            short = _short(ents, name_key(cue), kind, start)
            named = introduced(ents, end)
            if named is not None and short is not named:
                short = None  # "l'hôpital Saint-Amand": that hospital, not the one named before
            if short is not None and ents.free(start, end):
                ents.mention(start, end, short, "short")
            continue  # "le cluster X": a descriptor, see descriptors()
        acr = ACRONYM_DEF.match(text, end)
        after = name_after(text, acr.end() if acr else end)
        if after and capitalized(text[after[0]:after[1]]):
            end = _second_name_cut(text, after[0], after[1])
            end = _and_more(ents, start, end)
        elif after is None and _DESCRIPTIVE_OF.match(text, end):
            continue  # "l'école de médecine de ...": a description, not the short form of a name
        if capitalized(surface) and surface[0].isupper():
            lead = lead_name(text, start)
            if lead:
                start = start - len(lead)
        if (start, end) == (m.start(), m.end()):
            # A bare cue: the short form of a name seen before, or a well-known acronym on its own.
            if capitalized(surface) and _NAME_ADJECTIVE.match(text, end):
                continue  # "l'Institut international d'études ...": the start of another name, no short form
            short = _short(ents, name_key(cue), kind, start)
            if short is not None:
                ents.mention(start, end, short, "short")
                continue
            if cue not in lx.PROPER_CUES and (not (surface.isupper() and len(surface) >= 3) or cue in lx.GENERIC_ACRONYMS):
                continue
        label = text[start:end]
        if not capitalized(surface) and after and after[0] == m.end() + 1 and start == m.start():
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
        lead = lead_name(text, m.start())
        if not lead:
            continue
        start, end = m.start() - len(lead), m.end()
        if not ents.free(start, end):
            continue
        kind = lx.NAME_ENDINGS[re.sub(r"[\s'\-]+", " ", m["end"])]
        tail = name_after(text, end)  # "British Association for Sustainable Sport": the name goes on
        if tail and tail[0] > end and re.fullmatch(r"[ \t]+(?:for|of|of the|on)[ \t]+", text[end:tail[0]]) \
                and ents.free(end, tail[1]):
            end = _and_more(ents, start, tail[1])
        ents.mention(start, end, ents.entity("organization", text[start:end], org_kind=kind), "cue")


def lead_name(text: str, pos: int) -> str | None:
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

