"""Amounts of money in French and English number forms.

>>> [(a.value, a.currency) for a in find_amounts("financée à hauteur de 500 000 €")]
[(Decimal('500000'), 'EUR')]
>>> [str(a.value) for a in find_amounts("750 millions d'euros, 40 M€, €2.5m, $3 million, 1,2 milliard d'euros")]
['750000000', '40000000', '2500000', '3000000', '1200000000']
>>> find_amounts("£1.5bn")[0].currency
'GBP'
>>> find_amounts("plus de 10 000 collaborateurs")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_CURRENCY_WORDS = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "d'euros": "EUR", "d’euros": "EUR",
    "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "de dollars": "USD",
    "£": "GBP", "gbp": "GBP", "livres": "GBP", "pounds": "GBP", "chf": "CHF",
}
_SCALE = {
    "k": 10**3, "mille": 10**3, "thousand": 10**3,
    "m": 10**6, "mn": 10**6, "mio": 10**6, "million": 10**6, "millions": 10**6,
    "md": 10**9, "mds": 10**9, "mrd": 10**9, "milliard": 10**9, "milliards": 10**9,
    "bn": 10**9, "b": 10**9, "billion": 10**9, "billions": 10**9,
}
_NUM = r"\d{1,3}(?:[  \u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE_RE = r"mille|thousand|millions?|milliards?|billions?|mds?|mrd|mio|mn|bn|k|m|b"
_CUR_AFTER = r"€|eur(?:os?)?\b|euros?\b|d['’]euros\b|\$|usd\b|dollars?\b|de dollars\b|£|gbp\b|pounds\b|livres\b|chf\b"

_AFTER = re.compile(
    rf"(?P<num>{_NUM})\s?(?:(?P<scale>{_SCALE_RE})\b\.?\s?(?:de\s+|d['’]\s?)?)?(?P<cur>{_CUR_AFTER})",
    re.I,
)
_BEFORE = re.compile(rf"(?P<cur>[€$£])\s?(?P<num>{_NUM})\s?(?P<scale>{_SCALE_RE})?\b", re.I)


@dataclass(frozen=True)
class Amount:
    value: Decimal
    currency: str
    start: int
    end: int
    text: str


def _number(text: str) -> Decimal | None:
    compact = re.sub(r"[  \u202f]", "", text)
    if "," in compact and "." in compact:
        compact = compact.replace(",", "")  # 1,200.50
    elif "," in compact:
        head, _, tail = compact.rpartition(",")
        compact = f"{head}.{tail}" if len(tail) != 3 or "," in head else head + tail
    try:
        return Decimal(compact)
    except InvalidOperation:
        return None


def _currency(word: str) -> str:
    key = word.lower().replace("’", "'")
    key = key if key in _CURRENCY_WORDS else key.split()[-1]
    return _CURRENCY_WORDS.get(key, _CURRENCY_WORDS.get(key.rstrip("s"), "EUR"))


def find_amounts(text: str) -> list[Amount]:
    """Every amount of money in `text`, with its value in units and ISO 4217 currency."""
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_BEFORE, _AFTER):
        for m in pattern.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            value = _number(m["num"])
            if value is None:
                continue
            scale = (m["scale"] or "").lower().rstrip(".")
            if scale:
                value *= _SCALE.get(scale, 1)
            found.append(Amount(value.normalize() if value == value.to_integral() else value,
                                _currency(m["cur"]), m.start(), m.end(), m.group(0)))
            taken.append(m.span())
    found.sort(key=lambda a: a.start)
    return [Amount(Decimal(int(a.value)) if a.value == a.value.to_integral() else a.value, a.currency, a.start, a.end, a.text) for a in found]
