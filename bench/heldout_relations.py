#!/usr/bin/env python3
"""What the French relation model adds on articles it never saw, beside what it adds on those it
was fitted on.

``train_relations.py`` reads its thresholds on the later annotation rounds held out in turn, the
first always fitted: a few facts each time, too few to read a curve from. Here every French
training part is held out: grouped k-fold, each article in one fold, the articles of each category
(the folder of its file: business, health, ...) shuffled and dealt in turn over the folds, one draw
per seed. For each fold, the model of ``train_relations.py`` (same candidates, features, word
vectors, learner and options) is refitted without it and scores the fold's pairs the rules left
(what the model adds at run time), each fact once at its best candidate. The curve is right /
predicted at each threshold, pooled over the folds; in-sample, the same model fitted on all of them
and scored on them. The gate is ``train_relations``' (the lowest threshold whose precision reaches
the French aim with at least 5 right), read on the held-out curve.

    python bench/heldout_relations.py --cache /tmp/c                # post; 5 folds, draws 0 and 1
    python bench/heldout_relations.py --cache /tmp/c --no-vectors --relations post,placepost --by-category
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_relations as tr  # noqa: E402

#: The thresholds the curve is read at.
GRID = tuple(round(float(t), 2) for t in np.arange(0.5, 0.96, 0.05))


def category(example) -> str:
    """The category of an example's article: the folder of its file (the part's round for
    examples without a file)."""
    return example[6].split("/")[0] if len(example) > 6 else f"round {example[0]}"


def article_folds(examples, k: int, seed: int) -> dict[int, int]:
    """article number (the first field of an example's key) → fold: the articles of each category
    shuffled with `seed`, then dealt in turn over the `k` folds, one category after the other."""
    articles: dict[str, set] = defaultdict(set)
    for e in examples:
        articles[category(e)].add(e[5][0])
    rnd, fold, i = random.Random(seed), {}, 0
    for name in sorted(articles):
        order = sorted(articles[name])
        rnd.shuffle(order)
        for article in order:
            fold[article] = i % k
            i += 1
    return fold


def facts(examples, probs) -> dict:
    """(relation, article, subject, object) → (best score, label): each fact once, at its best
    candidate (as the loader keeps the best candidate of a pair)."""
    best: dict = {}
    for e, p in zip(examples, probs):
        key = (e[1], *e[5])
        if key not in best or p > best[key][0]:
            best[key] = (float(p), e[3])
    return best


def curve(best: dict, grid=GRID) -> list[tuple[float, int, int]]:
    """(threshold, right, predicted) of the facts `best` at each threshold of `grid`."""
    out = []
    for t in grid:
        kept = [y for p, y in best.values() if p >= t]
        out.append((t, int(sum(kept)), len(kept)))
    return out


def gate(points, min_precision: float = tr.MIN_PRECISION["fr"]) -> tuple[float, int, int] | None:
    """The lowest threshold of a curve whose precision reaches `min_precision` with at least 5 right
    (``train_relations``' rule for French), None when none does."""
    return next(((t, r, n) for t, r, n in points if r >= 5 and r / n >= min_precision), None)


class Fitter:
    """The model of ``train_relations.py`` for one relation, fitted on any subset of its examples."""

    def __init__(self, examples, relation: str, vectors=None):
        self.examples = tr.chosen_examples(examples, relation)
        self.vocab = tr.vocabulary(examples)
        self.blocks, self.scale = tr.DENSE["fr"] if vectors is not None else ((), 1.0)
        self.vectors, self.columns = vectors, {}
        self.options = {"epochs": tr.EPOCHS.get("fr", 5)}

    def rows(self, sel):
        return tr.feature_rows(sel, self.vocab, self.vectors, self.blocks, self.scale, self.columns)

    def scores(self, fitted, scored) -> dict:
        """The facts of `scored` (only the pairs the rules left) under a model fitted on `fitted`."""
        scored = [e for e in scored if tr._acted(e)]
        w = tr.fit(self.rows(fitted), len(self.vocab), **self.options)
        return facts(scored, tr.predict(w, self.rows(scored), len(self.vocab)))

    def held_out(self, k: int, seed: int) -> dict:
        """Every fact scored by the model fitted without its fold."""
        fold, out = article_folds(self.examples, k, seed), {}
        for f in range(k):
            fitted = [e for e in self.examples if fold[e[5][0]] != f]
            held = [e for e in self.examples if fold[e[5][0]] == f]
            if fitted and held:
                out.update(self.scores(fitted, held))
        return out

    def in_sample(self) -> dict:
        return self.scores(self.examples, self.examples)


def by_category(examples, best: dict) -> dict[str, dict]:
    """The facts of `best` split by their article's category."""
    of = {e[5][0]: category(e) for e in examples}
    out: dict[str, dict] = defaultdict(dict)
    for key, value in best.items():
        out[of[key[1]]][key] = value
    return dict(sorted(out.items()))


def _line(points) -> str:
    found = gate(points)
    tail = f"gate {found[0]}: {found[1]}/{found[2]}" if found else "gate: none"
    return " ".join(f"{r}/{n}" for _, r, n in points) + f"   ({tail})"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="directory of train_relations' candidates (fr.pickle; made when missing)")
    ap.add_argument("--relations", default="post")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", default="0,1", help="one fold draw per seed")
    ap.add_argument("--no-vectors", action="store_true", help="sparse features only")
    ap.add_argument("--by-category", action="store_true", help="also the held-out curve of each category")
    args = ap.parse_args(argv)
    cached = args.cache / "fr.pickle" if args.cache else None
    if cached and cached.is_file():
        examples = pickle.loads(cached.read_bytes())
    else:
        examples = tr.fr_examples()
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(pickle.dumps(examples))
    vectors = None
    if not args.no_vectors:
        from innograph.loaders.nlp import pipeline

        vectors = pipeline("fr").vocab
    print("right/predicted at " + " ".join(f"{t:g}" for t in GRID), flush=True)
    for relation in args.relations.split(","):
        fitter = Fitter(examples, relation, vectors)
        print(f"{relation}: {len(fitter.examples)} candidates", flush=True)
        for seed in (int(s) for s in args.seeds.split(",")):
            held = fitter.held_out(args.folds, seed)
            print(f"  held out, draw {seed}: {_line(curve(held))}", flush=True)
            if args.by_category:
                for name, part in by_category(fitter.examples, held).items():
                    print(f"    {name:16} {_line(curve(part))}", flush=True)
        print(f"  in-sample:         {_line(curve(fitter.in_sample()))}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
