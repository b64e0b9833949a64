"""Parsing in worker processes (loaders/nlp.py ``parse``): the same docs and the same facts as
parsing in the loading process, in the same order; a worker that dies fails the load instead of
hanging it, and the next load gets new workers."""

from __future__ import annotations

import os
import signal
from concurrent.futures.process import BrokenProcessPool

import pytest

from innograph.loaders import nlp
from innograph.loaders.documents import analyse
from innograph.loaders.text import Article

# Our own sentences, French and English interleaved (a chunk holds both languages).
TEXTS = [
    ("fr", "Claire Dubois est la directrice générale de la société Atelier Brissac depuis 2019."),
    ("en", "Northfield Robotics, a company based in Leeds, was founded by Amir Patel and Jo Kent."),
    ("fr", "La start-up Vélonova, installée à Rennes, a rejoint le pôle Mobilités de l'Ouest."),
    ("en", "Maria Lopez became chief executive of Harbour Grain Ltd in March."),
    ("fr", "Le Fonds régional d'innovation finance le projet Hélios à hauteur de deux millions d'euros."),
    ("en", "The Kestrel Institute signed a partnership with Orwell University last week."),
]


def signature(doc):
    return ([(t.text, t.idx, t.whitespace_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_, bool(t.is_sent_start))
             for t in doc], [(e.start, e.end, e.label_) for e in doc.ents])


def test_workers_parse_what_this_process_parses_in_order():
    jobs = TEXTS * 4  # more than one chunk per worker
    here = [signature(d) for d in nlp.parse(jobs, processes=1)]
    there = [signature(d) for d in nlp.parse(jobs, processes=2)]
    assert there == here
    assert [d.text for d in nlp.parse(jobs, processes=2)] == [text for _, text in jobs]


def test_the_facts_do_not_depend_on_where_the_parse_ran():
    articles = [Article(text=text, language=lang, index=i) for i, (lang, text) in enumerate(TEXTS * 3)]

    def facts(n_process):
        out = []
        for ents, relations in analyse(articles, n_process=n_process):
            out.append(sorted((e.kind, e.label) for e in ents.entities))
            out.append(sorted((r.kind, r.subject.label, r.object.label if r.object else None) for r in relations))
        return out

    assert facts(2) == facts(1)


def test_a_worker_that_dies_fails_the_parse_and_the_next_parse_works():
    jobs = TEXTS * 20
    docs = nlp.parse(jobs, processes=2)
    next(docs)
    pool = nlp._POOL["pool"]
    os.kill(next(iter(pool._processes)), signal.SIGKILL)
    with pytest.raises(BrokenProcessPool):
        for _ in docs:
            pass
    assert "pool" not in nlp._POOL
    assert len(list(nlp.parse(TEXTS * 3, processes=2))) == len(TEXTS) * 3


def test_the_workers_run_below_the_loading_process():
    list(nlp.parse(TEXTS * 3, processes=2))
    workers = list(nlp._POOL["pool"]._processes)
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    assert workers and all(os.getpriority(os.PRIO_PROCESS, pid) == min(19, mine + nlp.WORKER_NICE)
                           for pid in workers)
    assert os.getpriority(os.PRIO_PROCESS, 0) == mine  # this process keeps its own
    nlp.shutdown()


def test_a_caller_that_stops_early_leaves_no_work_queued():
    docs = nlp.parse(TEXTS * 20, processes=2)
    next(docs)
    docs.close()
    assert "pool" not in nlp._POOL
    assert len(list(nlp.parse(TEXTS * 3, processes=2))) == len(TEXTS) * 3
    nlp.shutdown()


def test_texts_can_come_from_a_generator_and_a_language_met_late_is_loaded_by_the_workers():
    jobs = sorted(TEXTS * 4, key=lambda job: job[0] == "en")  # every French text first
    here = [signature(d) for d in nlp.parse(jobs, processes=1)]
    english = nlp._PIPELINES.pop("en")
    nlp.shutdown()  # the next pool is forked with French only
    try:
        there = [signature(d) for d in nlp.parse(iter(jobs), processes=2)]
    finally:
        nlp.shutdown()
        nlp._PIPELINES["en"] = english
    assert there == here


def test_a_folder_read_while_the_workers_parse_stops_at_its_bad_file(tmp_path, monkeypatch):
    from innograph.errors import InputError
    from innograph.graph.store import KnowledgeGraph
    from innograph.load import ingest_many
    from innograph.loaders import documents

    paths = []
    for n, (_, text) in enumerate(TEXTS * 2):
        paths.append(tmp_path / f"{n:02d}.txt")
        paths[-1].write_text(text + "\n", encoding="utf-8")
    paths[7].write_bytes(b"")  # empty: an input error
    in_process = KnowledgeGraph()
    stored_here = [r.path for r in ingest_many(in_process, paths[:7], kind="documents")]
    monkeypatch.setattr(documents, "PARALLEL_CHARS", 200)  # these short files go to the workers
    kg = KnowledgeGraph()
    stored = []
    with pytest.raises(InputError, match="empty") as caught:
        for result in ingest_many(kg, paths, kind="documents"):
            stored.append(result.path)
    assert "07.txt" in str(caught.value)
    assert stored == stored_here == [str(p) for p in paths[:7]]
    assert _facts(kg) == _facts(in_process)
    nlp.shutdown()


def _facts(kg) -> list[str]:
    return sorted(str(q) for q in kg.store if not q.predicate.value.endswith("#loadedAt"))
