"""Short forms of names already found in the article: a person's surname alone, the first word of
a multi-word organization name alone, and 'l'entreprise', 'le festival' for the organization,
event or project last introduced with that word."""

from __future__ import annotations

import re

from innograph.loaders import lexicon as lx
from innograph.loaders.mentions import ArticleEntities, alternation as _alternation, introduced, name_key


def short_forms(ents: ArticleEntities) -> None:
    """A person's surname alone; the first word of a multi-word organization name alone;
    'l'entreprise', 'la start-up' for the organization last introduced with that word."""
    text = ents.text
    for cues, kind in ((lx.EVENT_CUES, "event"), (lx.PROJECT_CUES, "project")):
        for m in re.finditer(rf"(?<![\w])(?:l'|le |la |the |this |ce |cette )(?:[a-z\-]+ )?(?P<cue>{_alternation(cues)})(?![\w])", ents.folded):
            if ents.free(m.start("cue"), m.end("cue")):
                before = [x for x in ents.mentions if x.end <= m.start() and x.entity.kind == kind]
                if before:
                    ents.mention(m.start("cue"), m.end("cue"), before[-1].entity, "short")
    for m in re.finditer(rf"(?<![\w])(?:l'|le |la |the )(?P<cue>{_alternation(lx.DESCRIPTORS)})(?![\w])", ents.folded):
        if not ents.free(m.start("cue"), m.end("cue")):
            continue
        named = introduced(ents, m.end("cue"))
        cue = name_key(re.sub(r"[\s'\-]+", " ", m["cue"]))
        before = [x for x in ents.mentions if x.end <= m.start() and x.entity.kind == "organization" and (
            x.entity.cue == cue or (x.entity.org_kind == lx.DESCRIPTORS.get(cue)
                                    and (x.entity.cue is None or x.entity.cue in lx.DESCRIPTORS)))]
        if before:
            latest = max(before, key=lambda x: x.start)
            if named is not None and latest.entity is not named:
                continue  # "l'hôpital Saint-Amand": that hospital, not the one named before
            ents.mention(m.start("cue"), m.end("cue"), latest.entity, "short")
    persons = [e for e in ents.entities if e.kind == "person"]
    surnames: dict[str, list] = {}
    for p in persons:
        surnames.setdefault(p.label.split()[-1].lower(), []).append(p)
    firsts: dict[str, list] = {}
    for e in ents.entities:
        if e.kind == "organization" and len(e.label.split()) > 1:
            first = e.label.split()[0]
            if len(first) >= 4 and (first.isupper() or (first[0].isupper() and first.lower() not in lx.NOT_NAMES
                                                           and lx.kind_of(first) is None
                                                           and first.lower() not in lx.NAME_ENDINGS)):
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
