#!/usr/bin/env python3
"""Thresholds of the relation classifier chosen on facts, not on pairs.

The pair-level thresholds of ``train_relations.py`` ignore what happens after a pair is accepted:
names cut short, duplicates, pairs the rules already read. Here a model fitted on KnowledgeNet
fold 1 runs with the rules over fold 2 (the loader's own steps: spaCy, mentions, sentences, the
rule extractor), every candidate's score is kept, and for each relation the threshold that gives
the best fact-level F1 on fold 2's four properties (counted as ``bench/extraction.py`` counts
them) is chosen. Fold 3 is never read. The chosen thresholds are written into the weights file
(``<lang>.t.<relation>``) of the model trained on folds 1–2.

    python bench/tune_relations.py            # tune loaders/relmodel.npz in place
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_relations as tr  # noqa: E402
from extraction_corpora import KN_PROPS, knowledgenet_passages, score_knowledgenet  # noqa: E402

from innograph.loaders import relmodel  # noqa: E402

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
        try:
            rules = Extractor(ents, sentences, docs=docs).run()
        except TypeError:  # an extractor without the parse
            rules = Extractor(ents, sentences).run()
        related, ceo_related = relmodel._related(rules)
        rule_facts = [_fact(r.kind, r.subject, r.object, r.attrs.get("title")) for r in rules if r.object is not None]
        scored = []
        for c in relmodel.candidates(ents, docs, sentences, "en"):
            s, o = c.subject.entity, c.object.entity
            if (id(s), id(o)) in (ceo_related if c.relation == "ceo" else related) or c.relation not in model.weights:
                continue
            kind = relmodel.RELATIONS[c.relation][2]
            title = relmodel._ceo_title(c, "en") if c.relation == "ceo" else c.title if kind == "holds_post" else None
            scored.append((c.relation, model.score(c.relation, c.features), _fact(kind, s, o, title)))
        out[p.key] = (rule_facts, scored)
    return out


def facts_at(read, thresholds):
    return {key: rules + [f for rel, p, f in scored if p >= thresholds[rel]] for key, (rules, scored) in read.items()}


def tune(passages, read, start: dict) -> dict:
    """Each relation's threshold in turn, the others held, for the best overall F1."""
    best = dict(start)
    for relation in start:
        results = []
        for t in GRID:
            trial = {**best, relation: t}
            counts = score_knowledgenet(passages, facts_at(read, trial))
            results.append((round(counts["overall"].f1, 4), -abs(t - start[relation]), t))
        f1, _, t = max(results)
        best[relation] = t
        print(f"  {relation}: threshold {start[relation]} -> {t} (fact-level F1 on fold 2: {f1})", flush=True)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", type=Path, default=relmodel.WEIGHTS)
    ap.add_argument("--cache", type=Path, default=None, help="the English candidates cached by train_relations.py")
    ap.add_argument("--dry-run", action="store_true", help="print the thresholds, do not write them")
    args = ap.parse_args(argv)
    import pickle

    cached = args.cache / "en.pickle" if args.cache else None
    examples = pickle.loads(cached.read_bytes()) if cached and cached.is_file() else tr.kn_examples((1, 2))
    fold1 = [e for e in examples if e[0] == 1]
    arrays = tr.train_language(fold1, "en", tune_part=2)  # fold-1 weights; tune_part=2 only picks start thresholds
    tmp = args.weights.with_suffix(".fold1.npz")
    np.savez_compressed(tmp, **arrays)
    try:
        relmodel.load_model.cache_clear()
        model = relmodel.load_model("en", str(tmp))
    finally:
        tmp.unlink(missing_ok=True)
    passages = knowledgenet_passages((2,), props=KN_PROPS)
    read = read_passages(passages, model)
    chosen = tune(passages, read, dict(model.thresholds))
    if args.dry_run:
        print(f"chosen (not written): {chosen}")
        return 0
    with np.load(args.weights, allow_pickle=False) as old:
        final = {k: old[k] for k in old.files}
    for relation, t in chosen.items():
        final[f"en.t.{relation}"] = np.array(t)
    np.savez_compressed(args.weights, **final)
    print(f"wrote the fact-level thresholds into {args.weights}: {chosen}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
