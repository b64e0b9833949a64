#!/usr/bin/env python3
"""Extraction benchmark: score the document loader against a gold file, and measure its speed.

**Scoring.** Reads a gold file in the format of ``innograph/examples/seeds.gold.yaml`` (documents,
entities with label/type/aliases, facts with kind/subject/object/date/role/current/amount/
currency/quote/core), loads the gold's documents into a fresh temporary store with the
``documents`` loader (or reads a store that already holds facts, ``--store DIR``), lists the
extracted facts (``innograph.queries.facts.list_facts``) and prints precision, recall and F1
per fact kind and overall (micro), the recall of the ``core: true`` facts, every miss (with the
gold quote) and every false positive (with its evidence and source), attribute accuracy
(dates, post titles, amounts) and entity-level scores.

**Throughput** (``--throughput``): our loader end to end (a folder of files loaded by the code
``innograph load DIR`` runs: read, parse, extract, write the store; no CLI start-up; spaCy models
loaded once beforehand, reported apart) against a bare ``nlp.pipe`` over the same cleaned texts
with the same pipelines, in articles/s, words/s and CPU seconds (:mod:`extraction_throughput`).

**Suite** (``--suite``): the seeds, the French press dev annotations (``bench/gold/press-fr.dev.yaml``),
the second and third French parts never tuned on (``press-fr.dev2.yaml``: politics, sports, business,
health; ``press-fr.dev3.yaml``: sports and politics), each scored apart and then all together (counts
summed: the parts share no article), and KnowledgeNet
fold 3 (``--kn-folds``), per-kind P/R/F1 for each; ``--sample-fr`` / ``--judged`` estimate French
precision from facts judged by reading (``bench/extraction_sample.py``).

The code is split: :mod:`extraction_match` (folding, gold files), :mod:`extraction_report`
(matching and the report), :mod:`extraction_corpora` (documents, KnowledgeNet),
:mod:`extraction_throughput`, :mod:`extraction_sample`; this module re-exports them and holds the
command line.

Matching rules (also printed by ``--help``), see :data:`RULES`.

Importable (``bench/`` is not a package; load it by path)::

    >>> import importlib.util, sys                                    # doctest: +SKIP
    >>> spec = importlib.util.spec_from_file_location("extraction", "bench/extraction.py")
    >>> bench = sys.modules["extraction"] = importlib.util.module_from_spec(spec)
    >>> spec.loader.exec_module(bench)
    >>> report = bench.score("shared/corpus/seeds.gold.yaml", store=".innograph")
    >>> report.overall.f1
"""


from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ is not a package

import extraction_corpora as corpora  # noqa: E402
import extraction_sample as sampling  # noqa: E402
from extraction_corpora import documents_dir, document_files  # noqa: E402,F401
from extraction_match import *  # noqa: E402,F403
from extraction_match import LOADER, BenchError, load_gold  # noqa: E402,F401
from extraction_report import *  # noqa: E402,F403
from extraction_report import Report, combined, format_scores, score_facts  # noqa: E402,F401
from extraction_throughput import *  # noqa: E402,F403
from extraction_throughput import _Breakdown  # noqa: E402,F401


def require_loader() -> None:
    """Fail clearly while the document loader (``LOADER``, patchable here) is not there."""
    corpora.require_loader(LOADER)


def load_documents(kg, paths: Sequence[Path]) -> dict:
    """Load `paths` with the document loader into `kg`; what was loaded, and how long it took."""
    return corpora.load_documents(kg, paths, LOADER)


def score(gold_path, docs_dir=None, *, store=None, strict_quotes: bool = False) -> Report:
    """Score extraction against the gold file at `gold_path`.

    Without `store`, the gold's documents (from `docs_dir`, default :func:`documents_dir`) are
    loaded into a fresh in-memory store with the ``documents`` loader. With `store` (a
    ``KnowledgeGraph`` or a store directory), that store's facts are scored as they are.
    """
    from innograph.graph.store import KnowledgeGraph
    from innograph.queries.facts import list_entities, list_facts

    gold = load_gold(gold_path)
    if store is not None:
        if isinstance(store, (str, os.PathLike)):
            if not Path(store).is_dir():
                raise BenchError(f"{store}: no such store directory", 2)
            with KnowledgeGraph(store) as kg:
                facts, entities = list_facts(kg), list_entities(kg)
        else:
            facts, entities = list_facts(store), list_entities(store)
        loaded = {"what": f"scored the facts already in the store {getattr(store, 'path', None) or store}"}
    else:
        paths = document_files(gold, Path(docs_dir) if docs_dir else documents_dir(gold.path))
        require_loader()
        with KnowledgeGraph() as kg:
            loaded = load_documents(kg, paths)
            facts, entities = list_facts(kg), list_entities(kg)
    report = score_facts(gold, facts, entities, strict_quotes=strict_quotes)
    report.loaded = loaded
    return report


# -- command line ----------------------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="bench/extraction.py",
        description="Score the document loader against a gold file (precision, recall, F1 per fact "
                    "kind; every miss and false positive), or measure its throughput against bare "
                    "spaCy nlp.pipe (--throughput).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"""{RULES}

examples:
  python bench/extraction.py                                  # the seeds: {DEFAULT_GOLD.name}
  python bench/extraction.py tests/data/documents.gold.yaml   # documents from tests/data/documents/
  python bench/extraction.py gold.yaml --docs articles/ --json score.json
  innograph --store /tmp/s load innograph/examples/seeds-handmade.ttl
  python bench/extraction.py --store /tmp/s                   # score a store as it is (no loading)
  python bench/extraction.py --throughput                     # 200 press articles of ~600 words
  python bench/extraction.py --throughput my/articles/ --articles 500 --repeat 3
  python bench/extraction.py --suite -q                       # seeds + French dev, dev2, dev3 + KnowledgeNet fold 3
  python bench/extraction.py --knowledgenet --kn-folds 3      # KnowledgeNet only
  python bench/extraction.py bench/gold/press-fr.dev.yaml -q  # the French press dev annotations
  python bench/extraction.py --sample-fr sample.yaml          # facts from unannotated French articles, to judge
  python bench/extraction.py --judged sample.yaml             # French precision from the judged sample

goals: core recall = 1.0, recall >= 0.8, precision >= 0.9; throughput >= 10 articles/s
  (~600 words) and >= 0.8x bare nlp.pipe.
exit status: 0 goals pass; 1 a goal fails; 2 usage error (or the loader is not there yet);
  3 a document failed to load.""")
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD,
                    help="gold YAML file (default: %(default)s)")
    ap.add_argument("--docs", type=Path, metavar="DIR",
                    help="where the gold's documents are (default: <gold dir>/<gold name without .gold.yaml>/)")
    ap.add_argument("--store", type=Path, metavar="DIR",
                    help="score the facts already in this store instead of loading the documents")
    ap.add_argument("--strict-quotes", action="store_true",
                    help="count extracted quotations that match no gold quotation as false positives")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON ('-': stdout)")
    ap.add_argument("-q", "--quiet", action="store_true", help="the tables and summary only, not the lists of misses and false positives")
    c = ap.add_argument_group("corpora")
    c.add_argument("--suite", action="store_true",
                   help="score the seeds, the French press parts never tuned on (dev, dev2, dev3: apart, then summed) and "
                        "KnowledgeNet (per-kind tables)")
    c.add_argument("--knowledgenet", action="store_true", help="score KnowledgeNet passages only")
    c.add_argument("--kn-folds", default="3", metavar="N,M", help="KnowledgeNet folds to score (default 3)")
    c.add_argument("--kn-limit", type=int, metavar="N", help="only the first N KnowledgeNet passages")
    c.add_argument("--sample-fr", type=Path, metavar="FILE",
                   help="draw extracted facts from unannotated French press articles into FILE, to judge by reading")
    c.add_argument("--sample-size", type=int, default=60, metavar="N", help="facts to draw (default 60)")
    c.add_argument("--sample-seed", type=int, default=7, metavar="N", help="random seed of the draw (default 7)")
    c.add_argument("--judged", type=Path, metavar="FILE",
                   help="French precision estimated from a judged sample (default with --suite: "
                        "the newest judged bench/gold/press-fr.precision-sample-N.yaml)")
    t = ap.add_argument_group("throughput")
    t.add_argument("--throughput", nargs="*", type=Path, metavar="PATH",
                   help="measure throughput on these documents or directories (none given: 100 French "
                        "and 100 English press articles of ~600 words from shared/corpus)")
    t.add_argument("--articles", type=int, default=200, metavar="N",
                   help="repeat the documents to reach at least N articles (default 200)")
    t.add_argument("--repeat", type=int, default=1, metavar="N", help="best of N timed runs (default 1)")
    t.add_argument("--in-memory", action="store_true",
                   help="load into an in-memory store (default: on disk, like `innograph load`)")
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = _parser()
    args = ap.parse_args(argv)
    if args.articles < 1 or args.repeat < 1:
        ap.error("--articles and --repeat must be at least 1")
    err = lambda *a: print(*a, file=sys.stderr, flush=True)
    try:
        if args.throughput is not None:
            paths = args.throughput or default_throughput_paths()
            paths = [p for p in paths if p.exists()] or paths
            result = throughput(paths, articles=args.articles, repeat=args.repeat, in_memory=args.in_memory,
                                progress=err)
            print(format_throughput(result))
            _write_json(args.json, result)
            return 0 if all(g["passed"] for g in result["goals"]) else 1
        if args.sample_fr:
            print(sampling.sample(args.sample_fr, facts=args.sample_size, seed=args.sample_seed, loader=LOADER))
            return 0
        if args.judged and not args.suite:
            print(sampling.format_estimate(sampling.estimate(args.judged), args.judged.name))
            return 0
        if args.suite or args.knowledgenet:
            return suite(args, kn_only=args.knowledgenet)
        report = score(args.gold, args.docs, store=args.store, strict_quotes=args.strict_quotes)
    except BenchError as exc:
        err(f"error: {exc}")
        return exc.exit_code
    print(report.format(lists=not args.quiet))
    _write_json(args.json, report.to_dict())
    return 0 if report.passed else 1


def suite(args, *, kn_only: bool = False) -> int:
    """The seeds, the French press dev part and KnowledgeNet: per-kind tables, one after the other."""
    out: dict = {}
    golds = [] if kn_only else [DEFAULT_GOLD, *corpora.NEVER_TUNED]
    french = []
    for gold in golds:
        if not Path(gold).is_file():
            print(f"== {gold}: not there, skipped\n")
            continue
        report = score(gold, strict_quotes=args.strict_quotes)
        print(f"== {gold}\n{report.format(lists=not args.quiet)}\n", flush=True)
        out[str(gold)] = report.to_dict()
        if gold in corpora.NEVER_TUNED:
            french.append(report)
    if len(french) > 1:
        total = combined(french)
        print(f"== French {' + '.join(Path(r.gold_path).stem.split('.')[-1] for r in french)} (counts summed)\n"
              f"{format_scores(total)}\n", flush=True)
        out["french_never_tuned"] = {k: s.to_dict() for k, s in total.items()}
    judged = args.judged or sampling.latest_sample(corpora.GOLD_DIR)
    if not kn_only and judged is not None and judged.is_file():
        estimate = sampling.estimate(judged)
        print(sampling.format_estimate(estimate, judged.name) + "\n", flush=True)
        out["french_precision_sample"] = estimate
    folds = tuple(int(x) for x in str(args.kn_folds).split(",") if x.strip())
    result = corpora.run_knowledgenet(folds, LOADER, limit=args.kn_limit)
    print("== KnowledgeNet\n" + corpora.format_knowledgenet(result))
    out["knowledgenet"] = corpora.knowledgenet_json(result)
    _write_json(args.json, out)
    return 0


def _write_json(path: Path | None, data: dict) -> None:
    if path is None:
        return
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    if str(path) == "-":
        print(text)
    else:
        path.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
