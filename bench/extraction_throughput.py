"""Throughput of the document loader, as ``innograph load DIR`` runs it: files read, spaCy, the
rules and the relation model, the store written (a folder loaded into an on-disk store by the
code the command line runs), models loaded once beforehand and not timed — against bare spaCy
``nlp.pipe`` over the same texts (in one process, and in two with spaCy's own ``n_process``).

The issue's goal: at least 10 articles/s of ~600 words on a 2-core machine. By default the
articles are real press, 100 French and 100 English (``shared/corpus/press-fr`` and
``press-en``), the ones whose cleaned text is nearest to 600 words (see
:func:`default_throughput_paths`); the report gives their word counts (min, median, mean, max).
Wall-clock time depends on what else the machine runs: the report also gives the CPU seconds
(this process and its worker processes) and the load average before and after.

Part of the extraction benchmark (``bench/extraction.py`` is the entry point and re-exports all).
"""

from __future__ import annotations

import math
import os
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from extraction_corpora import SHARED, require_loader
from extraction_match import *  # noqa: F403

#: Where the default articles come from, and how many of each language.
PRESS = {"fr": SHARED / "corpus" / "press-fr", "en": SHARED / "corpus" / "press-en"}
PER_LANGUAGE = 100
TARGET_WORDS = 600


def _text_api():
    try:
        from innograph.loaders.nlp import pipeline
        from innograph.loaders.text import read_articles
    except ImportError as exc:
        raise BenchError(
            f"the document loader's API is not available yet ({exc}); throughput needs "
            "innograph.loaders.nlp.pipeline and innograph.loaders.text.read_articles", 2) from None
    return pipeline, read_articles


def default_throughput_paths(per_language: int = PER_LANGUAGE, words: int = TARGET_WORDS) -> list[Path]:
    """Real press files of one article each, `per_language` French and as many English, those
    whose cleaned text (what the loader reads) is nearest to `words` words (ties by path)."""
    _, read_articles = _text_api()
    chosen: list[Path] = []
    for lang, folder in PRESS.items():
        if not folder.is_dir():
            raise BenchError(f"{folder}: no such directory (pass --throughput PATH...)", 2)
        sized = []
        for path in sorted(folder.rglob("*.txt")):
            articles = read_articles(path)
            if len(articles) == 1 and articles[0].language == lang:
                sized.append((abs(len(articles[0].text.split()) - words), str(path), path))
        chosen += [path for *_, path in sorted(sized)[:per_language]]
    return chosen


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


def _cpu() -> dict[str, float]:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"self": own.ru_utime + own.ru_stime, "children": children.ru_utime + children.ru_stime}


def _timed(run) -> dict:
    """Wall and CPU seconds of `run()`; CPU of this process and of its finished children."""
    before, t0 = _cpu(), time.perf_counter()
    run()
    wall = time.perf_counter() - t0
    after = _cpu()
    return {"seconds": wall, "cpu_self": after["self"] - before["self"],
            "cpu_children": after["children"] - before["children"]}


def throughput(paths: Sequence[str | os.PathLike[str]] | None = None, *, articles: int = 200, repeat: int = 1,
               in_memory: bool = False, progress=None) -> dict:
    """Articles/s of our loader end to end, and of bare ``nlp.pipe`` over the same texts.

    The documents under `paths` (default :func:`default_throughput_paths`) are repeated (as
    distinct files) until there are at least `articles` articles, then the folder is loaded
    into one store as ``innograph load DIR`` does (the session's ``load``): on disk, or in memory
    with `in_memory`. Models are loaded (and a file of each language read once) before timing.
    """
    say = progress or (lambda *_: None)
    pipeline, read_articles = _text_api()
    require_loader(LOADER)
    files = collect_documents(paths or default_throughput_paths())
    per_file = [(path, read_articles(path)) for path in files]
    per_set = sum(len(arts) for _, arts in per_file)
    if per_set == 0:
        raise BenchError("the documents hold no article", 3)
    copies = max(1, math.ceil(articles / per_set))
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
        batch = _copies(files, copies, work / "docs")
        _warm_up(work, per_file, nlps)
        runs = [_one_run(work, run, batch, texts, nlps, copies, repeat, in_memory, say) for run in range(repeat)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _result(files, per_set, copies, texts, words, model_seconds, runs, in_memory)


def _copies(files: list[Path], copies: int, folder: Path) -> list[Path]:
    """The files copied `copies` times under `folder`, each copy a distinct file (distinct names:
    two corpus folders may hold files of the same name)."""
    batch: list[Path] = []
    for i in range(copies):
        for n, path in enumerate(files):
            target = folder / f"{i:04d}" / f"{n:05d}-{path.name}"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            batch.append(target)
    return batch


def _warm_up(work: Path, per_file, nlps) -> None:
    """Not timed: one file of each language through our loader and bare spaCy."""
    from innograph.graph.store import KnowledgeGraph
    from innograph.load import ingest

    firsts = {}
    for path, arts in per_file:
        for art in arts:
            firsts.setdefault(art.language, (path, art.text))
    with KnowledgeGraph(work / "warm") as kg:
        for path, _ in firsts.values():
            ingest(kg, path, kind=LOADER, force=True)
    for lang, (_, text) in firsts.items():
        list(nlps[lang].pipe([text]))


def _one_run(work, run, batch, texts, nlps, copies, repeat, in_memory, say) -> dict:
    from innograph.api import Session
    from innograph.graph.store import KnowledgeGraph
    from innograph.loaders import nlp as nlp_module

    total = len(batch)
    say(f"run {run + 1}/{repeat}: our loader, {total} articles ...")
    load_before = os.getloadavg()[0]
    with KnowledgeGraph(None if in_memory else work / f"store-{run}") as kg, _Breakdown(kg) as split:
        def ours():  # what `innograph load DIR` runs: the session's load of the folder
            results = Session(kg, read_only=False).load([work / "docs"])
            if len(results) != total or any(r.status != "loaded" for r in results):
                raise BenchError(f"{sum(r.status == 'loaded' for r in results)} of {total} files loaded", 3)
            getattr(nlp_module, "shutdown", lambda: None)()  # the workers' CPU time is counted when they end
        measured = {"ours": _timed(ours)}
    measured["ours"]["of_which"] = dict(split.seconds)
    for processes in (1, 2):
        say(f"run {run + 1}/{repeat}: bare nlp.pipe, {processes} process{'es' if processes > 1 else ''} ...")

        def bare():
            for lang, ts in texts.items():
                for _ in nlps[lang].pipe(ts * copies, n_process=processes):
                    pass
        measured[f"bare{processes}"] = _timed(bare)
    measured["load_average"] = (load_before, os.getloadavg()[0])
    return measured


def _rates(m: dict, total: int, words: int) -> dict:
    cpu = m["cpu_self"] + m["cpu_children"]
    return {"seconds": round(m["seconds"], 3), "articles_per_s": round(total / m["seconds"], 2),
            "words_per_s": round(words / m["seconds"]), "cpu_seconds": round(cpu, 2),
            "cpu_ms_per_article": round(1000 * cpu / total, 1)}


def _result(files, per_set, copies, texts, words, model_seconds, runs, in_memory) -> dict:
    total = per_set * copies
    all_words = sum(words) * copies
    best = min(range(len(runs)), key=lambda i: runs[i]["ours"]["seconds"])
    run = runs[best]
    ours = _rates(run["ours"], total, all_words) | {
        "runs": [round(r["ours"]["seconds"], 3) for r in runs],
        "of_which": {k: round(v, 3) for k, v in run["ours"]["of_which"].items()}}
    bare = {n: _rates(min((r[f"bare{n}"] for r in runs), key=lambda m: m["seconds"]), total, all_words) for n in (1, 2)}
    ratio = ours["articles_per_s"] / bare[1]["articles_per_s"]
    result = {
        "files": [str(p) for p in files],
        "articles_per_set": per_set,
        "copies": copies,
        "articles": total,
        "languages": {lang: len(ts) for lang, ts in texts.items()},
        "words_per_article": round(sum(words) / len(words), 1),
        "words": {"min": min(words), "median": statistics.median(words), "max": max(words)},
        "model_load_seconds": round(model_seconds, 3),
        "ours": ours,
        "bare_nlp_pipe": bare[1],
        "bare_nlp_pipe_2_processes": bare[2],
        "ratio": round(ratio, 3),
        "ratio_2_processes": round(ours["articles_per_s"] / bare[2]["articles_per_s"], 3),
        "load_average": [round(x, 2) for x in run["load_average"]],
        "cpus": os.cpu_count(),
        "store": "memory" if in_memory else "disk",
    }
    result["goals"] = [
        {"goal": "articles_per_s", "value": ours["articles_per_s"], "target": THROUGHPUT_GOALS["articles_per_s"],
         "passed": ours["articles_per_s"] >= THROUGHPUT_GOALS["articles_per_s"]},
        {"goal": "ratio", "value": result["ratio"], "target": THROUGHPUT_GOALS["ratio"], "passed": ratio >= THROUGHPUT_GOALS["ratio"]},
    ]
    return result


class _Breakdown:
    """Times parts of ``ingest`` in this process while it runs: the gazetteer, the store write.

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
        from innograph import load as ingest_module

        self._wrap(ingest_module, "loader_gazetteer", "gazetteer")
        self._wrap(self.kg, "replace", "store write")
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, original, own in reversed(self._undo):
            if own:
                setattr(owner, name, original)
            else:
                delattr(owner, name)


def format_throughput(r: dict) -> str:
    w = r["words"]
    lines = [
        f"{r['articles']} articles ({r['articles_per_set']} in {len(r['files'])} files × {r['copies']}), "
        f"languages {r['languages']}, words/article: mean {r['words_per_article']:.0f}, min {w['min']}, "
        f"median {w['median']:.0f}, max {w['max']}",
        f"{r['cpus']} CPUs, load average {r['load_average'][0]} before, {r['load_average'][1]} after; "
        f"store on {r['store']}; models loaded once in {r['model_load_seconds']:.2f} s (not timed)",
        f"{'':<30}{'seconds':>9}{'articles/s':>12}{'words/s':>9}{'CPU s':>8}{'CPU ms/art.':>13}",
    ]
    for label, key in (("ours (innograph load path)", "ours"), ("bare nlp.pipe, 1 process", "bare_nlp_pipe"),
                       ("bare nlp.pipe, 2 processes", "bare_nlp_pipe_2_processes")):
        m = r[key]
        lines.append(f"{label:<30}{m['seconds']:>9.2f}{m['articles_per_s']:>12.1f}{m['words_per_s']:>9}"
                     f"{m['cpu_seconds']:>8.1f}{m['cpu_ms_per_article']:>13.1f}")
    split = r["ours"].get("of_which") or {}
    if split:
        lines.insert(4, "  ours, of which in the loading process: " + ", ".join(f"{k} {v:.2f} s" for k, v in split.items()))
    lines.append(f"ratio ours / bare nlp.pipe: {r['ratio']:.2f}× (1 process), {r['ratio_2_processes']:.2f}× (2 processes)")
    lines.append("goals: " + "; ".join(
        f"{g['goal']} {g['value']} >= {g['target']} {'PASS' if g['passed'] else 'FAIL'}" for g in r["goals"]))
    if r["words_per_article"] < 400:
        lines.append(f"note: the goal is stated for ~600-word articles; these average {r['words_per_article']:.0f}")
    return "\n".join(lines)


# -- helpers ---------------------------------------------------------------------------------------
