"""Organization names for matching (kept for its importers; the tables live in
:mod:`innograph.graph.normalize`).

>>> match_key("Université de Lyon") == match_key("Univ. Lyon")
True
>>> match_key("ACME S.A.S."), match_key("Renault SAS")
('acme', 'renault')
>>> initials("Westshire Training Center"), initials("ACME")
('wtc', None)
"""

from __future__ import annotations

from innograph.graph.normalize import GENERIC_KEYS as GENERIC
from innograph.graph.normalize import STOPWORDS, WORD_FORMS, initials, is_generic, match_key

__all__ = ["GENERIC", "STOPWORDS", "WORD_FORMS", "initials", "is_generic", "match_key"]
