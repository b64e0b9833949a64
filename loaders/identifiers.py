"""Checking identifiers as tables write them: SIREN, SIRET, VAT numbers, CORDIS ids.

Each check returns the cleaned identifier, None for an empty cell or a placeholder
("MISSING", "NOTAPPLICABLE"), or raises :class:`~innograph.loaders.tabular.RowProblem`.

>>> check_siren("56800659"), check_siren("552 081 317")
('056800659', '552081317')
>>> check_siren("3.56e+08")
Traceback (most recent call last):
...
innograph.loaders.tabular.RowProblem: not a SIREN number: a number in scientific notation has lost digits
>>> check_vat("FR 40 303265045"), check_vat("MISSING")
('FR40303265045', None)
"""

from __future__ import annotations

import re

from innograph.loaders.rows import is_missing
from innograph.loaders.tabular import RowProblem

#: What exports write where an identifier is unknown.
PLACEHOLDERS = frozenset({"MISSING", "NOTAPPLICABLE", "NOTAPPLICABLEVAT", "NA", "NONE", "NULL", "UNKNOWN", "0"})

_SCIENTIFIC = re.compile(r"^[0-9.,]+[eE][+-]?[0-9]+$")


def _digits(value: object, what: str) -> str | None:
    if is_missing(value):
        return None
    if isinstance(value, float):
        if not value.is_integer():
            raise RowProblem(f"not a {what} number: not a whole number")
        value = int(value)
    text = str(value).strip()
    if _SCIENTIFIC.match(text):
        raise RowProblem(f"not a {what} number: a number in scientific notation has lost digits")
    compact = re.sub(r"[\s.\-\u00a0]", "", text)
    if not compact.isdigit():
        raise RowProblem(f"not a {what} number: it must be digits only")
    return compact


def check_siren(value: object) -> str | None:
    """A 9-digit SIREN; 7 or 8 digits are a SIREN that lost its leading zeros (as spreadsheets do)."""
    digits = _digits(value, "SIREN")
    if digits is None:
        return None
    if not 7 <= len(digits) <= 9:
        raise RowProblem(f"not a SIREN number: {len(digits)} digits where 9 are expected")
    return digits.zfill(9)


def check_siret(value: object) -> str | None:
    """A 14-digit SIRET (13 digits: a lost leading zero)."""
    digits = _digits(value, "SIRET")
    if digits is None:
        return None
    if len(digits) not in (13, 14):
        raise RowProblem(f"not a SIRET number: {len(digits)} digits where 14 are expected")
    return digits.zfill(14)


def check_vat(value: object) -> str | None:
    """An EU VAT number, compacted and upper-cased (country prefix and 2 to 13 characters)."""
    if is_missing(value):
        return None
    compact = re.sub(r"[\s.\-\u00a0]", "", str(value)).upper()
    if compact in PLACEHOLDERS:
        return None
    if not re.fullmatch(r"[A-Z]{2}[0-9A-Z]{2,14}", compact):
        raise RowProblem("not a VAT number: a country prefix and 2 to 14 letters or digits are expected")
    return compact


def check_id(value: object) -> str | None:
    """A plain identifier (CORDIS organisation id, PIC): digits, as text."""
    if is_missing(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if not re.fullmatch(r"[0-9A-Za-z_\-]{1,40}", text):
        raise RowProblem("not an identifier: letters, digits, - or _ expected")
    return text
