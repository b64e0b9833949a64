"""Loading sources into the knowledge graph: expand paths, pick a loader, replace atomically.

This orchestration sits above the store (``innograph.graph``) and the loaders
(``innograph.loaders``): the store knows nothing of file types, the loaders nothing of stores.
The gazetteer of names already known (for the document loader) is built once per call of
:func:`ingest_many`, or kept by the caller in the `gazetteers` dict it passes (a
:class:`~innograph.api.Session` keeps one for its store).

>>> import tempfile, pathlib
>>> from innograph.graph.store import KnowledgeGraph
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.ttl").write_text('<https://example.org/a> <https://example.org/p> "x" .')
>>> kg = KnowledgeGraph()
>>> [r.status for r in (ingest(kg, folder / "a.ttl"), ingest(kg, folder / "a.ttl"))]
['loaded', 'unchanged']
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from innograph import loaders
from innograph.errors import InputError, UsageError
from innograph.graph.sources import SourceInfo

STDIN = "-"


@dataclass
class IngestResult:
    """What loading one path did: 'loaded' (new or replaced) or 'unchanged' (same bytes)."""

    path: str
    status: str
    loader: str
    sources: list[SourceInfo] = field(default_factory=list)
    #: Bad rows (or other problems) the loader skipped, as InputErrors naming file, line, column, value.
    problems: list = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(s.triples for s in self.sources)


def expand(paths: Iterable[str | os.PathLike[str]], *, kind: str | None = None) -> list[Path]:
    """Files named by `paths`: files as given, directories walked, glob patterns expanded.

    A directory contributes the files some loader (or `kind`'s loader) accepts, in sorted order;
    a path that does not exist is an input error naming it. ``-`` stands for standard input.
    """
    chosen = loaders.get(kind) if kind else None
    found: list[Path] = []
    for raw in paths:
        text = os.fspath(raw)
        if text == STDIN:
            found.append(Path(STDIN))
            continue
        path = Path(text).expanduser()
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
                if (chosen or loaders.for_path(child)) and (chosen is None or chosen.accepts(child)):
                    found.append(child)
        elif path.is_file():
            found.append(path)
        elif glob.has_magic(text):
            matches = sorted(Path(m) for m in glob.glob(text, recursive=True) if Path(m).is_file())
            if not matches:
                raise InputError("no file matches this pattern", path=text)
            found.extend(matches)
        else:
            raise InputError("no such file or directory", path=text)
    return found


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def origin_of(path: Path, *, name: str | None = None) -> str:
    """The stable key of a source: its absolute path, or ``stdin:NAME`` for standard input."""
    if str(path) == STDIN:
        return f"stdin:{name or 'stdin'}"
    return str(path.resolve())


def ingest(
    kg,
    path: str | os.PathLike[str],
    *,
    kind: str | None = None,
    force: bool = False,
    gazetteers: dict | None = None,
    **options,
) -> IngestResult:
    """Load one file into `kg` as a replacement of what was loaded from it before.

    `kind` names the loader (default: chosen by file type). Options go to the loader
    (``format``, ``name``, ``base_iri``...). Unless `force`, a file whose bytes did not change
    since it was loaded is left as it is.
    """
    path = Path(path)
    loader = loader_for(path, kind)
    origin = origin_of(path, name=options.get("name"))
    unchanged = None if force else _unchanged(path, loader, _stored(kg, path, origin))
    if unchanged is not None:
        return unchanged
    if getattr(loader, "uses_gazetteer", False) and "gazetteer" not in options:
        options["gazetteer"] = loader_gazetteer(kg, loader, gazetteers)
    payloads = loader.read(path, origin=origin, options=options)
    return _store(kg, path, origin, loader, payloads, force=force)


def ingest_many(kg, paths, *, kind: str | None = None, force: bool = False, batch: int = 256,
                progress_for=None, gazetteers: dict | None = None, **options):
    """Load several files, yielding one :class:`IngestResult` per file, in order.

    Files whose loader reads several at once (``read_many``: press articles, so spaCy sees one
    big batch and can use every core) are read in groups of `batch`; each file is still stored
    as its own all-or-nothing replacement. The first file that fails raises, after the files
    before it are stored.
    """
    gazetteers = {} if gazetteers is None else gazetteers
    pending: list[tuple[Path, str]] = []
    #: Per pending file: its origin had no source when queued and comes once in this call, so it
    #: cannot have become unchanged since (the store is not asked again before writing).
    fresh: list[bool] = []
    queued: set[str] = set()
    empty = not force and not kg.source_graphs()  # nothing stored yet: no file is asked about
    group_loader = None

    def flush():
        if not pending:
            return
        if getattr(group_loader, "uses_gazetteer", False) and "gazetteer" not in options:
            options["gazetteer"] = loader_gazetteer(kg, group_loader, gazetteers)
        outcomes = group_loader.read_many(list(pending), options=options)
        for (path, origin), new, outcome in zip(pending, fresh, outcomes):
            if isinstance(outcome, BaseException):
                raise outcome
            yield _store(kg, path, origin, group_loader, outcome, force=force or new)
        pending.clear()
        fresh.clear()

    for raw in paths:
        path = Path(raw)
        loader = loader_for(path, kind)
        origin = origin_of(path, name=options.get("name"))
        before = [] if force or (empty and origin not in queued) else _stored(kg, path, origin)
        unchanged = None if force else _unchanged(path, loader, before)
        new = before == [] and origin not in queued
        queued.add(origin)
        batchable = hasattr(loader, "read_many") and str(path) != STDIN
        if pending and (loader is not group_loader or not batchable or len(pending) >= batch):
            yield from flush()
        if unchanged is not None:
            yield unchanged
        elif batchable:
            group_loader = loader
            pending.append((path, origin))
            fresh.append(new)
        else:
            extra = {"progress": progress_for(path)} if progress_for else {}
            yield ingest(kg, path, kind=kind, force=force, gazetteers=gazetteers, **options, **extra)
    yield from flush()


def loader_for(path: Path, kind: str | None):
    """The loader named `kind`, else the one for the file's type; a clear error if none."""
    loader = loaders.get(kind) if kind else loaders.for_path(path)
    if loader is None:
        if str(path) == STDIN:
            raise UsageError("reading standard input needs --kind (and --format for RDF)")
        valid = ", ".join(loaders.names())
        raise InputError(
            "no loader reads files of this type", path=path, hint=f"pass --kind ({valid})"
        )
    return loader


def _stored(kg, path: Path, origin: str) -> list[SourceInfo] | None:
    """The sources read from `origin` before, or None when `path` is not a file to compare."""
    if str(path) == STDIN or not path.is_file():
        return None
    return kg.sources_from(origin)


def _unchanged(path: Path, loader, before: list[SourceInfo] | None) -> IngestResult | None:
    """The stored result when `path` has the same bytes as when it was loaded (checked before any
    parsing: an article costs spaCy time); `before` is what :func:`_stored` found."""
    if before and all(s.loader == loader.name for s in before):
        from innograph.loaders.rdf import file_digest

        digest = file_digest(path)
        if all(s.content_hash == digest for s in before):
            return IngestResult(str(path), "unchanged", loader.name, before)
    return None


def _store(kg, path: Path, origin: str, loader, payloads, *, force: bool) -> IngestResult:
    if not force and str(path) != STDIN:
        before = kg.sources_from(origin)
        if before and _same(before, payloads, loader.name):
            return IngestResult(str(path), "unchanged", loader.name, before)
    stored = kg.replace(origin, payloads)
    problems = [problem for payload in payloads for problem in payload.problems]
    return IngestResult(str(path), "loaded", loader.name, stored, problems)


def loader_gazetteer(kg, loader, cache: dict | None = None):
    """The gazetteer of names `kg` already knows, for `loader`: built from the store once and kept
    in `cache` (by loader name), then updated by the loader as it reads (rebuilding it before
    every file made a directory load quadratic)."""
    cache = {} if cache is None else cache
    if loader.name not in cache:
        from innograph.loaders.documents import build_gazetteer

        cache[loader.name] = build_gazetteer(kg)
    return cache[loader.name]


def _same(before: list[SourceInfo], payloads, loader_name: str) -> bool:
    old = {(s.iri, s.content_hash, s.loader) for s in before}
    new = {(p.iri, p.content_hash, loader_name) for p in payloads}
    return old == new and all(p.content_hash for p in payloads)
