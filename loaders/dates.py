"""Dates as press articles write them, in French and English.

>>> parse_date("Vendredi 24 février 2017")
datetime.date(2017, 2, 24)
>>> parse_date("Publié le 22/01/20 - 11h25")
datetime.date(2020, 1, 22)
>>> parse_date("March 3, 2022")
datetime.date(2022, 3, 3)
>>> find_dates("organisée le 16 janvier dernier", today=datetime.date(2020, 1, 22))[0].value
'2020-01-16'
>>> [d.value for d in find_dates("les 1er et 2 juillet 2020")]
['2020-07-01', '2020-07-02']
>>> find_dates("signé en juillet 2016")[0].value
'2016-07'
>>> find_dates("a rejoint le cluster en 2021")[0].value
'2021'
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MONTHS = {
    # French
    "janvier": 1, "janv": 1, "fevrier": 2, "février": 2, "fevr": 2, "févr": 2, "mars": 3, "avril": 4,
    "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "août": 8, "septembre": 9,
    "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "décembre": 12,
    "dec": 12, "déc": 12,
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "october": 10, "november": 11, "december": 12,
}
#: Weekdays, French then English.
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?:(?P<d1>[0-3]?\d)(?:er|re|st|nd|rd|th)?(?:\s*(?:et|-|–|au|and|to)\s*(?P<d2>[0-3]?\d)(?:er|re|st|nd|rd|th)?)?)"

_NUMERIC = re.compile(r"\b(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>\d{4}|\d{2})\b")
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+(?P<month>{_MONTH})\.?(?:\s+(?P<y>(?:19|20)\d{{2}}))?(?P<rel>\s+dernier)?\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?,?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I)
_YEAR = re.compile(r"(?<![\w])(?:en|in|depuis|since|dès|des)[ \t]+(?P<y>(?:19|20)\d{2})(?![\d])", re.I)
_MONTH_YEAR = re.compile(rf"\b(?:en\s+|in\s+|d'|de\s+)?(?P<month>{_MONTH})\.?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I)


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: ISO value (YYYY-MM-DD or YYYY-MM) and its character span."""

    value: str
    start: int
    end: int

    @property
    def date(self) -> datetime.date | None:
        try:
            return datetime.date.fromisoformat(self.value)
        except ValueError:
            return None


def _year(text: str | None, today: datetime.date | None) -> int | None:
    if text:
        year = int(text)
        return year + 2000 if year < 100 else year
    return today.year if today else None


def _safe(y: int | None, m: int, d: int | None) -> str | None:
    if y is None:
        return None
    try:
        return datetime.date(y, m, d).isoformat() if d else f"{y:04d}-{m:02d}"
    except ValueError:
        return None


def find_dates(text: str, *, today: datetime.date | None = None) -> list[FoundDate]:
    """Every date in `text`, in order. `today` (the article's date) anchors "le 16 janvier dernier"."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for m in _ISO.finditer(text):
        value = _safe(int(m["y"]), int(m["m"]), int(m["d"]))
        if value:
            found.append(FoundDate(value, m.start(), m.end()))
            taken.append(m.span())
    for m in _NUMERIC.finditer(text):
        if not free(*m.span()):
            continue
        value = _safe(_year(m["y"], today), int(m["m"]), int(m["d"])) if 1 <= int(m["m"]) <= 12 else None
        if value:
            found.append(FoundDate(value, m.start(), m.end()))
            taken.append(m.span())
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        for m in pattern.finditer(text):
            if not free(*m.span()):
                continue
            month = MONTHS[m["month"].lower()]
            year = _year(m["y"], today)
            if year is not None and not m["y"] and today is not None:
                # "le 16 janvier dernier": the latest such date not after the article's date; a date
                # without year otherwise: the nearest such date (an announcement is often ahead).
                later = (month, int(m["d1"])) > (today.month, today.day)
                if m["rel"]:
                    year -= 1 if later else 0
                elif later and (month - today.month) % 12 > 6:
                    year -= 1
                elif not later and (today.month - month) % 12 > 6:
                    year += 1
            for key in ("d1", "d2"):
                if m[key]:
                    value = _safe(year, month, int(m[key]))
                    if value:
                        found.append(FoundDate(value, m.start(), m.end()))
            taken.append(m.span())
    for m in _MONTH_YEAR.finditer(text):
        if not free(*m.span()):
            continue
        value = _safe(int(m["y"]), MONTHS[m["month"].lower()], None)
        if value:
            found.append(FoundDate(value, m.start(), m.end()))
            taken.append(m.span())
    for m in _YEAR.finditer(text):
        if free(*m.span()):
            found.append(FoundDate(m["y"], m.start(), m.end()))
            taken.append(m.span())
    found.sort(key=lambda f: (f.start, f.value))
    return found


def parse_date(text: str, *, today: datetime.date | None = None) -> datetime.date | None:
    """The first full date (day, month and year) in `text`, or None."""
    for found in find_dates(text, today=today):
        if found.date:
            return found.date
    return None
