#!/usr/bin/env python3
"""Thresholds of the English relation classifier chosen on facts, not on pairs.

The pair-level thresholds of ``train_relations.py`` ignore what happens after a pair is accepted:
names cut short, duplicates, names that are not the gold's. Here the two cross directions of
KnowledgeNet folds 1–2 are read as the loader reads them (spaCy, mentions, sentences, the rule
extractor): a model fitted on fold 1 scores every candidate of fold 2 the rules leave, a model fitted
on fold 2 those of fold 1. Each relation's threshold in turn (the others held) is the one with the
best overall fact-level F1 on both folds pooled (counted as ``bench/extraction.py`` counts them),
each grid point judged with its neighbours (the middle of a plateau). Fold 3 is never read. The
thresholds are written into the weights file (``en.t.<relation>``) of the model trained on folds 1–2.

    python bench/train_relations.py --cache /tmp/c && python bench/tune_relations.py --cache /tmp/c
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_relations as tr  # noqa: E402
from extraction_corpora import KN_PROPS, knowledgenet_passages, score_knowledgenet  # noqa: E402

from innograph.loaders import relcandidates, relmodel, relscore  # noqa: E402

GRID = tuple(round(x, 2) for x in np.arange(0.2, 0.96, 0.05))


def _entity(e) -> SimpleNamespace:
    types = ("Person",) if e.kind == "person" else ("Place",) if e.kind == "place" else ("Organization",)
    return SimpleNamespace(iri=str(id(e)), names=tuple(e.names()), type_names=types)


def _fact(kind, s, o, title=None) -> SimpleNamespace:
    return SimpleNamespace(kind=kind, subject=_entity(s), object=_entity(o), role=title)


def read_passages(passages, model):
    """Per passage: the rules' facts and the model's scored candidates (relation, score, fact)."""
    from innograph.loaders.detect import detect
    from innograph.loaders.documents import _sentences
    from innograph.loaders.mentions import ArticleEntities, Gazetteer
    from innograph.loaders.nlp import pipeline
    from innograph.loaders.relations import Extractor

    nlp = pipeline("en")
    out = {}
    for p in passages:
        docs = [(0, nlp(p.text))]
        ents = detect(ArticleEntities(p.text, Gazetteer()), docs)
        sentences = _sentences(p.text, docs)
        rules = Extractor(ents, sentences, docs=docs).run()
        related, ceo_related = relcandidates.related_pairs(rules)
        rule_facts = [_fact(r.kind, r.subject, r.object, r.attrs.get("title")) for r in rules if r.object is not None]
        scored = []
        for c in relcandidates.candidates(ents, docs, sentences, "en", rules=rules):
            s, o = c.subject.entity, c.object.entity
            if (id(s), id(o)) in (ceo_related if c.relation == "ceo" else related) or c.relation not in model.weights \
                    or relscore.generic(s) or relscore.generic(o):
                continue  # (as at run time: the rules' pairs and describing names are left alone)
            kind = relcandidates.RELATIONS[c.relation][2]
            title = relmodel._ceo_title(c, "en") if c.relation == "ceo" else c.title if kind == "holds_post" else None
            scored.append((c.relation, model.score(c.relation, c.features), _fact(kind, s, o, title)))
        out[p.key] = (rule_facts, scored)
    return out


def facts_at(read, thresholds):
    return {key: rules + [f for rel, p, f in scored if p >= thresholds[rel]] for key, (rules, scored) in read.items()}


def _pooled_f1(reads, thresholds) -> float:
    """Overall fact-level F1 of all `reads` [(passages, read)] at `thresholds`, counts summed."""
    gold = found = predicted = right = 0
    for passages, read in reads:
        c = score_knowledgenet(passages, facts_at(read, thresholds))["overall"]
        gold, found, predicted, right = gold + c.gold, found + c.found, predicted + c.predicted, right + c.right
    p, r = right / predicted if predicted else 0.0, found / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def tune(reads, start: dict) -> dict:
    """Each relation's threshold in turn, the others held, for the best pooled overall F1 (a
    plateau's middle, :func:`train_relations.plateau`)."""
    best = dict(start)
    for relation in start:
        scores = [_pooled_f1(reads, {**best, relation: t}) for t in GRID]
        i = tr.plateau(scores)
        print(f"  {relation}: threshold {start[relation]} -> {GRID[i]} (pooled fact-level F1 "
              f"{_pooled_f1(reads, best):.4f} -> {scores[i]:.4f})", flush=True)
        best[relation] = GRID[i]
    return best


def cross_reads(examples) -> list:
    """Fold 2 read with a model fitted on fold 1, and fold 1 with a model fitted on fold 2."""
    reads = []
    for fitted, scored in ((1, 2), (2, 1)):
        arrays = tr.train_language([e for e in examples if e[0] == fitted], "en", tune_part=scored)
        tmp = Path(tempfile.mkdtemp()) / f"fold{fitted}.npz"
        np.savez_compressed(tmp, **arrays)
        relscore.load_model.cache_clear()
        model = relscore.load_model("en", str(tmp))
        relscore.load_model.cache_clear()
        tmp.unlink()
        tmp.parent.rmdir()
        passages = knowledgenet_passages((scored,), props=KN_PROPS)
        reads.append((passages, read_passages(passages, model)))
    return reads


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", type=Path, default=relscore.WEIGHTS)
    ap.add_argument("--cache", type=Path, default=None, help="the English candidates cached by train_relations.py")
    ap.add_argument("--dry-run", action="store_true", help="print the thresholds, do not write them")
    args = ap.parse_args(argv)
    import pickle

    cached = args.cache / "en.pickle" if args.cache else None
    examples = pickle.loads(cached.read_bytes()) if cached and cached.is_file() else tr.kn_examples((1, 2))
    with np.load(args.weights, allow_pickle=False) as old:
        final = {k: old[k] for k in old.files}
    start = {k.split(".", 2)[2]: float(v) for k, v in final.items() if k.startswith("en.t.")}
    chosen = tune(cross_reads(examples), start)
    if args.dry_run:
        print(f"chosen (not written): {chosen}")
        return 0
    for relation, t in chosen.items():
        final[f"en.t.{relation}"] = np.array(t)
    np.savez_compressed(args.weights, **final)
    print(f"wrote the fact-level thresholds into {args.weights}: {chosen}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
