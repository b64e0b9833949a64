"""Small helpers shared by the relation patterns."""

from __future__ import annotations

import re


def _cues(words) -> re.Pattern:
    alternation = "|".join(re.escape(w).replace(r"\ ", r"[\s'\-]+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")


def _inside_quote(before: str) -> bool:
    """True when a quotation opened in `before` is not closed yet."""
    return before.count('"') % 2 == 1 or before.count("«") > before.count("»") or before.count("“") > before.count("”")
