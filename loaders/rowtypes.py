"""What every table reader returns (:mod:`.rows` opens tables): a :class:`Table` of :class:`Row`
values by header, and the header names made of a table's first row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Row:
    """One row: the line (or record number) it starts on and its values by header."""

    line: int
    values: dict[str, object]


@dataclass
class Table:
    """A table opened for reading: its headers, how it was read, and its rows (an iterator)."""

    path: Path
    format: str
    headers: list[str]
    _rows: Iterator[Row] = field(repr=False)
    encoding: str | None = None
    delimiter: str | None = None
    #: "line" for text tables, "row" for spreadsheets, "record" for JSON/YAML lists.
    unit: str = "line"

    def rows(self) -> Iterator[Row]:
        return self._rows

    def column_number(self, header: str) -> int:
        """1-based position of `header` (0 when the table has no such column)."""
        try:
            return self.headers.index(header) + 1
        except ValueError:
            return 0


def clean_headers(cells: list[str]) -> list[str]:
    """The header cells as names: spaces folded, a blank one "column N", a repeated one primed."""
    headers, seen = [], set()
    for number, cell in enumerate(cells, 1):
        name = " ".join(str(cell or "").replace("\ufeff", "").split()) or f"column {number}"
        while name in seen:
            name += "'"
        seen.add(name)
        headers.append(name)
    return headers
