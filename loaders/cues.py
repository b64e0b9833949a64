"""Small helpers shared by the relation patterns."""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length


def _cues(words) -> re.Pattern:
    alternation = "|".join(re.escape(w).replace(r"\ ", r"[\s'\-]+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")


def _inside_quote(before: str) -> bool:
    """True when a quotation opened in `before` is not closed yet."""
    return before.count('"') % 2 == 1 or before.count("«") > before.count("»") or before.count("“") > before.count("”")


def _f(token) -> str:
    return _FOLDED.get(token.text) or _FOLDED.setdefault(token.text, fold_same_length(token.text))


_FOLDED: dict[str, str] = {}


def _case(token) -> str:
    """The preposition of a French nominal modifier ('de', 'à', 'chez'…), folded."""
    for c in token.children:
        if c.dep_ == "case":
            return _f(c)
    return ""


def _unique(items) -> list:
    out = []
    for x in items:
        if all(x is not y for y in out):
            out.append(x)
    return out
