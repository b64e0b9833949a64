"""What a loader hands to the graph (a payload) and what the graph says of a source (info)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox


@dataclass
class SourcePayload:
    """One source as a loader produced it: where its data is, and how to describe it.

    Data comes either as a file to bulk-load (`file` + `format`, the fast path for RDF) or as
    `triples` (pyoxigraph triples or quads; their graph is replaced by the source's graph), or
    both. `description` adds (predicate, object) pairs about the source itself — headline, date,
    publisher — stored with the source.
    """

    iri: str
    label: str
    loader: str
    types: tuple[str, ...] = ()
    file: Path | None = None
    format: ox.RdfFormat | None = None
    base_iri: str | None = None
    triples: Iterable[ox.Triple | ox.Quad] | None = None
    content_hash: str | None = None
    description: list[tuple[ox.NamedNode, ox.Term]] = field(default_factory=list)
    #: Problems found while reading (bad rows skipped, as InputErrors naming file, line, column and
    #: value); a list the loader may still fill while the store consumes `triples`.
    problems: list = field(default_factory=list)


@dataclass(frozen=True)
class SourceInfo:
    """A source as stored: its named graph IRI, label, origin path and size."""

    iri: str
    label: str | None
    path: str | None
    loader: str | None
    triples: int
    loaded_at: str | None
    content_hash: str | None
    types: tuple[str, ...] = ()

    @classmethod
    def from_solution(cls, row) -> SourceInfo:
        def value(name: str) -> str | None:
            term = row[name]
            return None if term is None else str(term.value)

        count = value("count")
        return cls(
            iri=value("g") or "",
            label=value("label"),
            path=value("path"),
            loader=value("loader"),
            triples=int(count) if count is not None else 0,
            loaded_at=value("at"),
            content_hash=value("hash"),
            types=tuple(sorted(set((value("types") or "").split()))),
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "iri": self.iri,
            "label": self.label,
            "path": self.path,
            "loader": self.loader,
            "triples": self.triples,
            "loaded_at": self.loaded_at,
            "content_hash": self.content_hash,
            "types": list(self.types),
        }
