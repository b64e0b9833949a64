"""A person's place in a political party read as a post is a membership: "député du parti X",
"candidat du parti X", "X, militant du Parti Y", "a rejoint le parti X", "se présente pour le parti
X" say that the person is a member of the party (member_of), as the ontology's ``org:Membership``
and the annotated press read it; the party's officers ("chef", "président", "secrétaire général du
parti X") keep their post. A deputy of a parliament or of a state keeps the post too: only a party
is turned into a membership.

The readers of posts (:mod:`.syntaxposts`, :mod:`.relations`) state the post; :func:`party_memberships`
runs once on an article's relations, after them."""

from __future__ import annotations

import re
from dataclasses import replace

from innograph.graph.normalize import fold_same_length
from innograph.loaders.mentions import words_key

#: Titles that say what a person is in a party, not what they run (folded words).
_MEMBER_TITLES = frozenset(
    "depute deputee deputes deputees senateur senatrice senateurs candidat candidate candidats candidates militant militante "
    "militants militantes membre membres adherent adherente adherents elu elue elus elues cadre cadres partisan partisane "
    "partisans figure figures representant representante mp member members candidate activist lawmaker congressman "
    "congresswoman".split())
#: A party's name says it: "Parti du progrès", "Labour Party".
_PARTY_NAME = re.compile(r"^(?:parti|partido|partito|party)\b|\b(?:party|partei)$")
#: "le parti (politique / d'opposition / au pouvoir) X", "l'un des partis politiques, X" right before the name,
#: or "X, un parti" after it.
_PARTY_BEFORE = r"(?<![\w])(?:parti|partis|party|parties)(?:[ \t]+(?:politiques?|political|d'opposition|de[ \t]+l'opposition|au[ \t]+pouvoir))?[ \t]*,?[ \t]+"
_PARTY_AFTER = re.compile(r"^[ \t]*(?:\([^)]{1,12}\)[ \t]*)?,?[ \t]*(?:est[ \t]+)?(?:un|le|l'un[ \t]+des|a|the)[ \t]+"
                          r"(?:[\w\-]+[ \t]+)?(?:parti|partis|party|parties)(?![\w])")


def party_memberships(relations: list, text: str) -> list:
    """`relations` with a member's post in a party (see the module doc) turned into member_of."""
    folded = fold_same_length(text).lower()
    parties: dict[int, bool] = {}
    out = []
    for r in relations:
        if r.kind == "holds_post" and r.object is not None and r.subject.kind == "person" \
                and _member_title(r.attrs.get("title")):
            if id(r.object) not in parties:
                parties[id(r.object)] = is_party(r.object, folded)
            if parties[id(r.object)]:
                r = replace(r, kind="member_of", attrs={})
        out.append(r)
    return out


def _member_title(title) -> bool:
    """No title (the person joined or stands for the party) or a title of a member."""
    if not title:
        return True
    words = words_key(title).split()
    return bool(words) and words[0] in _MEMBER_TITLES


def is_party(org, folded_text: str) -> bool:
    """Whether the organization is a political party: its name says so, or the article calls it one
    ('le parti d'opposition X', 'X, un parti de gauche')."""
    for name in org.names():
        key = words_key(name)
        if not key:
            continue
        if _PARTY_NAME.search(key):
            return True
        spelled = re.escape(fold_same_length(name).lower())
        if re.search(_PARTY_BEFORE + spelled + r"(?![\w])", folded_text):
            return True
        for m in re.finditer(r"(?<![\w])" + spelled + r"(?![\w])", folded_text):
            if _PARTY_AFTER.match(folded_text, m.end()):
                return True
    return False
