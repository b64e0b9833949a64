"""Compact columns for the projection: few Python objects, so the cache loads in milliseconds.

A million small strings unpickle slowly; one string and an offset array do not.

>>> col = StringColumn(["CHU de Nantes", "Biolumen"])
>>> col[1], len(col), list(col)
('Biolumen', 2, ['CHU de Nantes', 'Biolumen'])
>>> kinds = CodeColumn(["Hospital", "Company", "Hospital"])
>>> kinds[2], kinds.codes.tolist()
('Hospital', [0, 1, 0])
>>> names = NameIndex({"chu de nantes": [0], "chu": [0, 3], "biolumen": [1]})
>>> names.get("chu"), names.get("nothing"), [n for n, _ in names.containing("nantes")]
([0, 3], (), ['chu de nantes'])
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator

_SEP = "\n"


class StringColumn:
    """A read-only list of strings stored as one string and offsets."""

    __slots__ = ("text", "offsets")

    def __init__(self, items: Iterable[str]) -> None:
        items = [s.replace(_SEP, " ") for s in items]
        self.text = _SEP.join(items)
        self.offsets = array("q", [0])
        position = 0
        for s in items:
            position += len(s) + 1
            self.offsets.append(position)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> str:
        if i < 0:
            i += len(self)
        return self.text[self.offsets[i]:self.offsets[i + 1] - 1]

    def __iter__(self) -> Iterator[str]:
        return iter(self.text.split(_SEP)) if len(self) else iter(())

    def __getstate__(self):
        return self.text, self.offsets

    def __setstate__(self, state) -> None:
        self.text, self.offsets = state

    def line_of(self, position: int) -> int:
        """The item holding character `position` of ``text``."""
        return bisect_right(self.offsets, position) - 1


class CodeColumn:
    """A read-only list of a few distinct strings, stored as byte codes."""

    __slots__ = ("names", "codes")

    def __init__(self, items: Iterable[str]) -> None:
        self.names: list[str] = []
        index: dict[str, int] = {}
        self.codes = array("b")
        for s in items:
            if s not in index:
                index[s] = len(self.names)
                self.names.append(s)
            self.codes.append(index[s])

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, i: int) -> str:
        return self.names[self.codes[i]]

    def __iter__(self) -> Iterator[str]:
        names = self.names
        return (names[c] for c in self.codes)

    def __getstate__(self):
        return self.names, self.codes

    def __setstate__(self, state) -> None:
        self.names, self.codes = state


class NameIndex:
    """Folded name -> node ids, sorted by name: exact look-ups by bisection, substring scans."""

    __slots__ = ("names", "start", "ids")

    def __init__(self, mapping: dict[str, list[int]]) -> None:
        keys = sorted(mapping)
        self.names = StringColumn(keys)
        self.start = array("i", [0])
        self.ids = array("i")
        for k in keys:
            self.ids.extend(mapping[k])
            self.start.append(len(self.ids))

    def __getstate__(self):
        return self.names, self.start, self.ids

    def __setstate__(self, state) -> None:
        self.names, self.start, self.ids = state

    def __len__(self) -> int:
        return len(self.names)

    def _ids(self, i: int) -> list[int]:
        return self.ids[self.start[i]:self.start[i + 1]].tolist()

    def _find(self, name: str) -> int:
        lo, hi = 0, len(self.names)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.names[mid] < name:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def get(self, name: str, default=()):
        i = self._find(name)
        if i < len(self.names) and self.names[i] == name:
            return self._ids(i)
        return default

    def __getitem__(self, name: str) -> list[int]:
        found = self.get(name, None)
        if found is None:
            raise KeyError(name)
        return found

    def keys(self) -> Iterator[str]:
        return iter(self.names)

    __iter__ = keys

    def items(self) -> Iterator[tuple[str, list[int]]]:
        for i, name in enumerate(self.names):
            yield name, self._ids(i)

    def containing(self, text: str) -> Iterator[tuple[str, list[int]]]:
        """(name, ids) of every name that contains `text`, in name order."""
        if not text or _SEP in text:
            return
        blob, seen, position = self.names.text, -1, 0
        while True:
            position = blob.find(text, position)
            if position < 0:
                return
            i = self.names.line_of(position)
            if i != seen:
                seen = i
                yield self.names[i], self._ids(i)
            position += 1


__all__ = ["StringColumn", "CodeColumn", "NameIndex"]
