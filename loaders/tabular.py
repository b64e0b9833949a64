"""What every table loader shares: a streamed payload, the bad-rows report, strict mode.

A table loader turns each row into facts with a :class:`~innograph.graph.facts.FactWriter`. Rows
are parsed and checked first, then written, so a bad row never half-loads: it is skipped and
reported (an :class:`~innograph.errors.InputError` naming file, line, column and value), or, in
strict mode, it stops the whole source. Triples stream into the store in chunks while rows are
read; since the store writes a source all-or-nothing (``KnowledgeGraph.replace``), an error or a
Ctrl-C half-way leaves the store exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from innograph.errors import InputError, UsageError
from innograph.graph.facts import Evidence, FactWriter
from innograph.graph.iri import source_iri
from innograph.graph.sources import SourcePayload
from innograph.loaders.rows import Row
from innograph.ontology.ns import SDO

#: Triples handed to the store at a time.
CHUNK = 50_000
#: Rows between two progress calls.
PROGRESS_EVERY = 20_000


class RowProblem(ValueError):
    """A bad value in a row: which column (header) and value, and what is wrong."""

    def __init__(self, message: str, *, column: str | None = None, value: object = None) -> None:
        super().__init__(message)
        self.message, self.column, self.value = message, column, value


class Report:
    """Problems found in one source; in strict mode the first one is raised instead."""

    def __init__(self, path: Path, *, strict: bool, headers: list[str] | None = None, label: str | None = None) -> None:
        self.path, self.strict, self.headers = path, strict, headers or []
        self.label = label or path.name
        self.problems: list[InputError] = []
        self.rows = 0
        self.skipped = 0

    def bad_row(self, row: Row, problem: RowProblem) -> None:
        column = self.headers.index(problem.column) + 1 if problem.column in self.headers else None
        what = f"column {problem.column!r}: {problem.message}" if problem.column else problem.message
        error = InputError(what, path=self.label, line=row.line, column=column, value=problem.value)
        if self.strict:
            error.hint = "--strict: nothing of this source was written; fix the row or load without --strict"
            raise error
        self.skipped += 1
        self.problems.append(error)


def parse_cell(value, column: str | None, parse, *, missing: str | None = None):
    """`parse(value)`, with any failure turned into a :class:`RowProblem` naming the column and
    the value. An empty cell gives None, or a problem "no <missing>" when `missing` is given."""
    from innograph.loaders.rows import is_missing

    if is_missing(value):
        if missing:
            raise RowProblem(f"no {missing}", column=column, value="")
        return None
    try:
        return parse(value)
    except RowProblem as problem:
        problem.column, problem.value = column, value
        raise
    except ValueError as exc:
        raise RowProblem(str(exc), column=column, value=value) from None


def content_hash(path: Path, loader: str, settings: dict) -> str:
    """sha256 of the file's bytes and of the settings that change what it gives."""
    digest = hashlib.sha256()
    digest.update(json.dumps({"loader": loader, **settings}, sort_keys=True, default=str).encode())
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def evidence(label: str, row: Row, unit: str = "line") -> Evidence:
    """The evidence of a fact read from a table row: ``file:line`` (or ``file:record N``)."""
    return Evidence(f"{label}:{row.line}" if unit != "record" else f"{label}:record {row.line}")


def stream(writer: FactWriter, rows: Iterable[Row], handle: Callable[[Row], None], report: Report,
           progress: Callable[[int], None] | None = None, finish: Callable[[], None] | None = None) -> Iterator:
    """Triples of every row that `handle` accepts, in chunks; bad rows go to `report`."""
    for row in rows:
        report.rows += 1
        try:
            handle(row)
        except RowProblem as problem:
            report.bad_row(row, problem)
        if len(writer.triples) >= CHUNK:
            yield from writer.drain()
        if progress is not None and report.rows % PROGRESS_EVERY == 0:
            progress(report.rows)
    if finish is not None:
        finish()
    yield from writer.drain()
    if progress is not None:
        progress(report.rows)


def payload(path: Path, origin: str, options: dict, *, loader: str, triples: Iterable, report: Report,
            digest: str) -> SourcePayload:
    """The source of one table: a ``schema:Dataset`` whose triples stream from its rows."""
    return SourcePayload(
        iri=source_iri(origin),
        label=options.get("name") or Path(origin).name,
        loader=loader,
        types=(str(SDO.Dataset),),
        triples=triples,
        content_hash=digest,
        problems=report.problems,
    )


def real_path(path: Path) -> Path:
    """Tables are read from files (they are sniffed and read twice); stdin is not supported."""
    if str(path) == "-":
        raise UsageError("tables cannot be read from standard input; save them to a file first")
    if not path.is_file():
        raise InputError("no such file", path=path)
    return path
