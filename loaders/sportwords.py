"""Words of a sports report, said once (folded, lower case): the team readers (:mod:`.teams`), the
seat reader's match sentences (:mod:`.syntaxseats`) and the relation model's article features
(:mod:`.relfeatures`, :mod:`.sidepairs`) all ask whether a text is about a match with this list; :func:`sports_text` says whether a whole
article is about sport."""

from __future__ import annotations

import functools
import re

#: A match, its result and its competition; the people of a team; the game's own words. Read on
#: folded lower-case text (accents dropped, "défaite" is "defaite").
SPORT_WORDS = re.compile(
    r"(?<![\w])(?:match|matchs|matches|victoire|victoires|defaite|battu|battue|bat|nul|face a|groupe|poule|"
    r"buts?|score|penalty|maillot|stade|coupe|finale|finales|quarts?|demi-finales?|tournoi|ligue|championnat|"
    r"champions?|premier league|liga|can|qualifi\w*|elimine|eliminee|remporte|affronte|affrontera|football|"
    r"sportif|sportive|club|clubs|equipe|equipes|selection|selectionneur|entraineur|joueurs?|joueuses?|"
    r"capitaine|coequipiers?|attaquant|milieu|defenseur|gardien|marque|saison|transfert)(?![\w])")


@functools.lru_cache(maxsize=4)
def sports_text(folded_article: str) -> bool:
    """An article about sport: four different words of a match report or more (asked for each
    sentence of the article by several readers: read once)."""
    return len({m.group(0) for m in SPORT_WORDS.finditer(folded_article)}) >= 4
