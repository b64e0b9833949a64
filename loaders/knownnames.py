"""The gazetteer pass: every other occurrence of a name already known, to the article or to the store."""

from __future__ import annotations

import re

from innograph.loaders.mentions import ArticleEntities, name_key, short_acronym, words_key


_WORD = re.compile(r"[a-z0-9]+")
MAX_NAME_WORDS = 8


def gazetteer(ents: ArticleEntities) -> None:
    """Every other occurrence of a name already known (article entities and the store's).

    Names are looked up as word n-grams in dictionaries, only from words that start some name,
    so a gazetteer of thousands of names costs about the same per article as one of ten.
    """
    local: dict[str, object] = {}
    for entity in ents.entities:
        for name in entity.names():
            if len(name) >= 3 and (len(name.split()) > 1 or name.isupper() or name[0].isupper()):
                local.setdefault(words_key(name), entity)
    local.pop("", None)
    known = ents.gazetteer
    if not local and not known.by_words:
        return
    firsts = {k.split(" ", 1)[0] for k in local} | known.first_words
    longest = max([len(k.split()) for k in local] + [known.longest], default=1)
    words = [(w.group(0), w.start(), w.end()) for w in _WORD.finditer(ents.folded)]
    i = 0
    while i < len(words):
        if words[i][0] not in firsts:
            i += 1
            continue
        for n in range(min(longest, MAX_NAME_WORDS, len(words) - i), 0, -1):
            start, end = words[i][1], words[i + n - 1][2]
            key = " ".join(w[0] for w in words[i:i + n])
            target = local.get(key) or known.by_words.get(key)
            if target is None or not ents.free(start, end):
                continue
            if n == 1 and not ents.text[start].isupper():
                continue  # one lower-case word is too weak to be a name
            if isinstance(target, tuple):
                kind, label, org_kind, _ = target
                if short_acronym(ents.text[start:end]) and name_key(label) != name_key(ents.text[start:end]):
                    continue  # an acronym alone does not name what another source knows by it
                target = ents.entity(kind, label, org_kind=org_kind)
            ents.mention(start, end, target, "gazetteer")
            i += n - 1
            break
        i += 1
