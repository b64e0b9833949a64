"""Throughput of the document loader: ours end to end (``ingest_many`` into a store, models loaded
once beforehand) against a bare spaCy ``nlp.pipe`` over the same texts, in articles/s.

Part of the extraction benchmark (``bench/extraction.py`` is the entry point and re-exports all).
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from extraction_corpora import require_loader
from extraction_match import *  # noqa: F403



def _text_api():
    try:
        from innograph.loaders.nlp import pipeline
        from innograph.loaders.text import read_articles
    except ImportError as exc:
        raise BenchError(
            f"the document loader's API is not available yet ({exc}); throughput needs "
            "innograph.loaders.nlp.pipeline and innograph.loaders.text.read_articles", 2) from None
    return pipeline, read_articles


def collect_documents(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Document files under `paths` (files as given, directories walked), sorted."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*")
                            if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.startswith("."))
        elif path.is_file():
            found.append(path)
        else:
            raise BenchError(f"{path}: no such file or directory", 2)
    if not found:
        raise BenchError("no document to measure (.txt, .md, .html)", 2)
    return found


def throughput(paths: Sequence[str | os.PathLike[str]], *, articles: int = 200, repeat: int = 1,
               in_memory: bool = False, progress=None) -> dict:
    """Articles/s of our loader end to end, and of bare ``nlp.pipe`` over the same texts.

    The documents under `paths` are repeated (as distinct files) until there are at least
    `articles` articles, then loaded one file at a time with ``ingest`` into one store, as
    ``innograph load DIR`` does: on disk, or in memory with `in_memory`. Models are loaded
    (and every file warmed up once) before timing; the model load time is reported apart.
    """
    from innograph.load import ingest, ingest_many
    from innograph.graph.store import KnowledgeGraph

    say = progress or (lambda *_: None)
    pipeline, read_articles = _text_api()
    require_loader(LOADER)
    files = collect_documents(paths)
    per_file = [(path, read_articles(path)) for path in files]
    per_set = sum(len(arts) for _, arts in per_file)
    if per_set == 0:
        raise BenchError("the documents hold no article", 3)
    copies = max(1, math.ceil(articles / per_set))
    total = per_set * copies
    texts: dict[str, list[str]] = {}
    for _, arts in per_file:
        for art in arts:
            texts.setdefault(art.language, []).append(art.text)
    words = [len(t.split()) for ts in texts.values() for t in ts]

    started = time.perf_counter()
    nlps = {lang: pipeline(lang) for lang in texts}
    model_seconds = time.perf_counter() - started
    names = ", ".join(f"{lang}: {nlp.meta.get('lang', lang)}_{nlp.meta.get('name', '?')}" for lang, nlp in nlps.items())
    say(f"models loaded in {model_seconds:.2f} s ({names})")

    work = Path(tempfile.mkdtemp(prefix="innograph-bench-extraction-"))
    try:
        batch: list[Path] = []
        for i in range(copies):
            for path in files:
                target = work / "docs" / f"{i:04d}" / path.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
                batch.append(target)
        # Warm-up (not timed): every file once through both paths.
        with KnowledgeGraph(work / "warm") as kg:
            for path in files:
                ingest(kg, path, kind=LOADER, force=True)
        for lang, ts in texts.items():
            for _ in nlps[lang].pipe(ts):
                pass
        ours, bare, parts = [], [], []
        for run in range(repeat):
            say(f"run {run + 1}/{repeat}: our loader, {total} articles ...")
            with KnowledgeGraph(None if in_memory else work / f"store-{run}") as kg, _Breakdown(kg) as split:
                t0 = time.perf_counter()
                # as `innograph load DIR` does: files read in batches, each stored as its own source
                for _ in ingest_many(kg, batch, kind=LOADER, force=True):
                    pass
                ours.append(time.perf_counter() - t0)
            parts.append(split.seconds)
            say(f"run {run + 1}/{repeat}: bare nlp.pipe, {total} articles ...")
            t0 = time.perf_counter()
            for lang, ts in texts.items():
                for _ in nlps[lang].pipe(ts * copies):
                    pass
            bare.append(time.perf_counter() - t0)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    best = ours.index(min(ours))
    ours_s, bare_s = ours[best], min(bare)
    ours_rate, bare_rate = total / ours_s, total / bare_s
    ratio = ours_rate / bare_rate
    result = {
        "files": [str(p) for p in files],
        "articles_per_set": per_set,
        "copies": copies,
        "articles": total,
        "languages": {lang: len(ts) for lang, ts in texts.items()},
        "words_per_article": round(sum(words) / len(words), 1),
        "model_load_seconds": round(model_seconds, 3),
        "ours": {"seconds": round(ours_s, 3), "articles_per_s": round(ours_rate, 2), "runs": [round(t, 3) for t in ours],
                 "of_which": {k: round(v, 3) for k, v in parts[best].items()}},
        "bare_nlp_pipe": {"seconds": round(bare_s, 3), "articles_per_s": round(bare_rate, 2),
                          "runs": [round(t, 3) for t in bare]},
        "ratio": round(ratio, 3),
        "cpus": os.cpu_count(),
        "store": "memory" if in_memory else "disk",
    }
    result["goals"] = [
        {"goal": "articles_per_s", "value": result["ours"]["articles_per_s"],
         "target": THROUGHPUT_GOALS["articles_per_s"], "passed": ours_rate >= THROUGHPUT_GOALS["articles_per_s"]},
        {"goal": "ratio", "value": result["ratio"], "target": THROUGHPUT_GOALS["ratio"],
         "passed": ratio >= THROUGHPUT_GOALS["ratio"]},
    ]
    return result


class _Breakdown:
    """Times the parts of ``ingest`` while it runs: the loader's gazetteer, its read, the store write.

    It wraps the functions ``ingest`` calls (by attribute, restored on exit); what it cannot find
    (an older ``ingest`` without a gazetteer) is simply not reported.
    """

    def __init__(self, kg) -> None:
        self.kg = kg
        self.seconds: dict[str, float] = {}
        self._undo: list = []

    def _wrap(self, owner, name: str, part: str) -> None:
        original = getattr(owner, name, None)
        if original is None:
            return
        seconds = self.seconds
        seconds.setdefault(part, 0.0)

        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                seconds[part] += time.perf_counter() - t0

        own = name in vars(owner)  # a module's function, not a method found on the class
        setattr(owner, name, timed)
        self._undo.append((owner, name, original, own))

    def __enter__(self):
        from innograph import loaders
        from innograph import load as ingest_module

        self._wrap(ingest_module, "loader_gazetteer", "gazetteer")
        self._wrap(loaders.get(LOADER), "read", "extraction (loader.read)")
        self._wrap(self.kg, "replace", "store write")
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, original, own in reversed(self._undo):
            if own:
                setattr(owner, name, original)
            else:
                delattr(owner, name)


def format_throughput(r: dict) -> str:
    lines = [
        f"{r['articles']} articles ({r['articles_per_set']} in {len(r['files'])} files × {r['copies']}), "
        f"{r['words_per_article']:.0f} words/article on average, languages {r['languages']}, {r['cpus']} CPUs, "
        f"store on {r['store']}",
        f"models loaded once in {r['model_load_seconds']:.2f} s (not timed below)",
        f"{'':<26}{'seconds':>10}{'articles/s':>12}",
        f"{'ours (loader, end to end)':<26}{r['ours']['seconds']:>10.2f}{r['ours']['articles_per_s']:>12.1f}",
        f"{'bare nlp.pipe':<26}{r['bare_nlp_pipe']['seconds']:>10.2f}{r['bare_nlp_pipe']['articles_per_s']:>12.1f}",
        f"ratio ours / bare: {r['ratio']:.2f}×",
    ]
    split = r["ours"].get("of_which") or {}
    if split:
        lines.insert(4, "  of which: " + ", ".join(f"{k} {v:.2f} s" for k, v in split.items())
                     + f", other {max(r['ours']['seconds'] - sum(split.values()), 0):.2f} s")
    lines.append("goals: " + "; ".join(
        f"{g['goal']} {g['value']} >= {g['target']} {'PASS' if g['passed'] else 'FAIL'}" for g in r["goals"]))
    if r["words_per_article"] < 400:
        lines.append(f"note: the goal is stated for ~600-word articles; these average {r['words_per_article']:.0f}")
    return "\n".join(lines)


# -- helpers ---------------------------------------------------------------------------------------
