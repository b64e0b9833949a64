"""Small helpers shared by the relation patterns."""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx


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


def field_not_org(title, org) -> bool:
    """A minister's or commissioner's field taken for the organization ("ministre de la Santé")."""
    words = fold_same_length(title or "").replace("-", " ").split()
    return bool(org is not None and org.label and fold_same_length(org.label.split()[0]) in lx.PORTFOLIOS
                and any(w.rstrip("s") in ("ministre", "minister", "commissaire", "commissioner") for w in words))


def _founder_only(title: str) -> bool:
    """'co-founder', 'fondatrice': a role in the organization's creation, not a post held."""
    words = re.sub(r"[\s\-]+", " ", title).strip()
    return any(words == t or words == t.replace(" ", "") for t in lx.FOUNDER_TITLES)


def _clean_title(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip(" ,").rstrip(",")
