"""Plain result objects of the graph queries, convertible to dicts and pandas DataFrames.

Each query returns a list subclass (:class:`Results`) of dataclasses (:class:`Record`). Two
forms, the same for every result, are what the output layer (``innograph.render``) writes:

* ``to_dict()``: nested, every field (JSON);
* ``to_dicts()``: flat rows for tables and CSV (a record's ``rows()`` says what a row is: a
  path gives one row per hop, numbered by ``rank``).

``results.to_frame()`` is a pandas DataFrame of the flat rows. pandas is optional: without it,
``to_frame()`` raises :class:`~innograph.errors.MissingExtraError`.

>>> from dataclasses import dataclass
>>> @dataclass
... class Item(Record):
...     name: str
...     score: float
>>> found = Results([Item("a", 1.0)])
>>> found.to_dict()
[{'name': 'a', 'score': 1.0}]
>>> found.to_dicts()
[{'rank': 1, 'name': 'a', 'score': 1.0}]
"""

from __future__ import annotations

import dataclasses
from typing import Any

from innograph.errors import MissingExtraError


def require_pandas():
    """The pandas module, or a MissingExtraError naming the extra to install."""
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("pandas", "pandas") from None
    return pandas


class Record:
    """Mixin for result dataclasses: ``to_dict()`` and the rows it gives in a DataFrame."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    def rows(self) -> list[dict[str, Any]]:
        """Flat rows (one per record unless a record says otherwise)."""
        return [{k: v for k, v in self.to_dict().items() if not isinstance(v, (list, dict))}]

    def to_dicts(self) -> list[dict[str, Any]]:
        """The flat rows of this record (tables, CSV)."""
        return self.rows()

    def to_frame(self):
        return require_pandas().DataFrame(self.rows())


class Results(list):
    """A list of records with ``to_dict()`` (nested), ``to_dicts()`` (flat) and ``to_frame()``."""

    def to_dict(self) -> list[dict[str, Any]]:
        """Every record, nested (JSON)."""
        return [item.to_dict() if hasattr(item, "to_dict") else _plain(item) for item in self]

    def to_dicts(self) -> list[dict[str, Any]]:
        """Flat rows: each record's ``rows()``, with the record's ``rank`` (from 1) first."""
        rows = []
        for rank, item in enumerate(self, 1):
            for row in item.rows() if hasattr(item, "rows") else [_plain(item)]:
                rows.append(row if "rank" in row else {"rank": rank, **row})
        return rows

    def to_frame(self):
        return require_pandas().DataFrame(self.to_dicts())


def _plain(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            if f.name.startswith("_"):
                continue
            key = f.metadata.get("key", f.name)
            out[key] = _plain(getattr(value, f.name))
        return out
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, float):
        return round(value, 6)
    return value


__all__ = ["Record", "Results", "require_pandas"]
