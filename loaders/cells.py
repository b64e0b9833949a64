"""A table cell's value: whether it is missing, its text, and the numbers, dates and yes/no values
French and English exports write. :mod:`.rows` re-exports these for the table loaders.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal, InvalidOperation

#: Values that mean "nothing here" in exports (R's NA, Excel's #N/A...).
MISSING = frozenset({"", "na", "n/a", "#n/a", "null", "none", "nan", "-"})


def is_missing(value: object) -> bool:
    """True for empty cells and the usual "no value" markers (NA, #N/A, null...)."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip().lower() in MISSING
    return False


def text_of(value: object) -> str | None:
    """A cell as trimmed text (numbers without a useless ``.0``), None when missing."""
    if is_missing(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    return " ".join(str(value).split())


_NUMBER = re.compile(r"^[+-]?[0-9]+(?:\.[0-9]+)?$")


def parse_decimal(value: object) -> Decimal:
    """A number written the French or the English way: "771225,1", "1 234,56", "1,234.5", 12.

    >>> [str(parse_decimal(v)) for v in ("771225,1", "1 234,56 €", "1.234,5", "1,234.5", 7)]
    ['771225.1', '1234.56', '1234.5', '1234.5', '7']
    """
    if isinstance(value, bool):
        raise ValueError("not a number")
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = re.sub(r"[\s\u00a0\u202f€$£]|EUR", "", str(value))
    if "," in text and "." in text:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal_sep == "," else ",", "")
    elif text.count(",") > 1:
        text = text.replace(",", "")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    text = text.replace(",", ".")
    if not _NUMBER.match(text):
        raise ValueError("not a number")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError("not a number") from None


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%d/%m/%y", "%Y-%m-%d %H:%M:%S",
                 "%Y-%m-%dT%H:%M:%S")


def parse_date(value: object) -> str:
    """An ISO date, year-month or year from a cell: dates, 16/01/2020, 2020-01-16, 01/2020, 2020.

    >>> [parse_date(v) for v in ("16/01/2020", "2020-01-16 00:00:00", "01/2020", 2019, "2018-03")]
    ['2020-01-16', '2020-01-16', '2020-01', '2019', '2018-03']
    """
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if re.fullmatch(r"(19|20)[0-9]{2}", text):
        return text
    if m := re.fullmatch(r"((?:19|20)[0-9]{2})-(0[1-9]|1[0-2])", text):
        return f"{m.group(1)}-{m.group(2)}"
    if m := re.fullmatch(r"(0?[1-9]|1[0-2])/((?:19|20)[0-9]{2})", text):
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    for fmt in _DATE_FORMATS:
        try:
            return _dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError("not a date (use 2020-01-16, 16/01/2020, 01/2020 or 2020)")


def parse_bool(value: object) -> bool:
    """True/False from the usual spellings (true, vrai, oui, yes, 1, x)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "vrai", "oui", "yes", "y", "o", "1", "x"):
        return True
    if text in ("false", "faux", "non", "no", "n", "0"):
        return False
    raise ValueError("not a yes/no value")
