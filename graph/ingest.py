"""Loading sources into the knowledge graph: expand paths, pick a loader, replace atomically.

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
    **options,
) -> IngestResult:
    """Load one file into `kg` as a replacement of what was loaded from it before.

    `kind` names the loader (default: chosen by file type). Options go to the loader
    (``format``, ``name``, ``base_iri``...). Unless `force`, a file whose bytes did not change
    since it was loaded is left as it is.
    """
    path = Path(path)
    loader = loaders.get(kind) if kind else loaders.for_path(path)
    if loader is None:
        if str(path) == STDIN:
            raise UsageError("reading standard input needs --kind (and --format for RDF)")
        valid = ", ".join(loaders.names())
        raise InputError(
            "no loader reads files of this type", path=path, hint=f"pass --kind ({valid})"
        )
    origin = origin_of(path, name=options.get("name"))
    if not force and str(path) != STDIN and path.is_file():
        # Same bytes as last time: skip before any parsing (an article costs spaCy time).
        before = kg.sources_from(origin)
        if before and all(s.loader == loader.name for s in before):
            from innograph.loaders.rdf import file_digest

            digest = file_digest(path)
            if all(s.content_hash == digest for s in before):
                return IngestResult(str(path), "unchanged", loader.name, before)
    if getattr(loader, "uses_gazetteer", False) and "gazetteer" not in options:
        options["gazetteer"] = loader_gazetteer(kg, loader)
    payloads = loader.read(path, origin=origin, options=options)
    if not force and str(path) != STDIN:
        before = kg.sources_from(origin)
        if before and _same(before, payloads, loader.name):
            return IngestResult(str(path), "unchanged", loader.name, before)
    stored = kg.replace(origin, payloads)
    problems = [problem for payload in payloads for problem in payload.problems]
    return IngestResult(str(path), "loaded", loader.name, stored, problems)


def loader_gazetteer(kg, loader):
    """The loader's gazetteer of known names: built from the store once per graph, then kept up to
    date by the loader itself as it reads (rebuilding it before every file made a directory load
    quadratic)."""
    state = id(kg)
    cached = getattr(loader, "_gazetteer_cache", None)
    if cached is None or cached[0] != state:
        from innograph.loaders.documents import build_gazetteer

        cached = (state, build_gazetteer(kg))
        loader._gazetteer_cache = cached
    return cached[1]


def _same(before: list[SourceInfo], payloads, loader_name: str) -> bool:
    old = {(s.iri, s.content_hash, s.loader) for s in before}
    new = {(p.iri, p.content_hash, loader_name) for p in payloads}
    return old == new and all(p.content_hash for p in payloads)
