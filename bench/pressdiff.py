#!/usr/bin/env python3
"""What a change to the readers does on the whole French press, to judge by reading.

The gold parts say whether a fact is right only where an annotator wrote it down; a reader may
fire in articles no part scores, or in ways the gold names otherwise. This reads every article of
``shared/corpus/press-fr`` with the document loader's own steps (each article alone: no names
carried from one article to the next), before and after a change, and prints the facts the change
adds and removes, with their sentence, to be judged by reading, and how many articles they fall in.

The articles of the parts never tuned on (dev, dev2, dev3) are left out unless ``--never-tuned`` is
given: a fact read there and judged by reading would tune on them as surely as their gold would.

    python bench/pressdiff.py facts /tmp/before.json      # on the old code (git stash, another worktree)
    python bench/pressdiff.py facts /tmp/after.json       # on the new code
    python bench/pressdiff.py diff /tmp/before.json /tmp/after.json
    INNOGRAPH_RELATIONS=rules python bench/pressdiff.py facts ...   # the rules alone
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ is not a package

from extraction_corpora import NEVER_TUNED, PRESS_FR  # noqa: E402
from extraction_match import BenchError, load_gold  # noqa: E402

#: Kinds that are no relation between two names of the text (every name is "mentioned").
_NOT_READ = frozenset(("mentioned", "quoted"))


def press_articles(root: Path = PRESS_FR, *, never_tuned: bool = False) -> list[Path]:
    """The press articles, sorted; without those of the parts never tuned on unless asked."""
    if not root.is_dir():
        raise BenchError(f"{root}: the French press corpus is not there", 2)
    paths = sorted(root.glob("*/*.txt"))
    if never_tuned:
        return paths
    held = {file for gold in NEVER_TUNED for file in load_gold(gold).files}
    return [p for p in paths if p.relative_to(root).as_posix() not in held]


def read_facts(paths, root: Path = PRESS_FR) -> list[list[str]]:
    """[article, kind, subject, object, sentence] of every relation the loader reads in each article."""
    from innograph.loaders.documents import analyse
    from innograph.loaders.text import Article, detect_language

    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        [(ents, relations)] = analyse([Article(text=text, language=detect_language(text))])  # (English press: English)
        for r in relations:
            if r.kind in _NOT_READ or r.object is None:
                continue
            sentence = " ".join(ents.text[r.start:r.end].split())
            out.append([path.relative_to(root).as_posix(), r.kind, r.subject.label, r.object.label, sentence])
    return out


def diff(before: list[list[str]], after: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    """The facts `after` has more of than `before` (each with a sentence that states it), and those it
    has fewer of; a fact is (article, kind, subject, object)."""
    counts_before = Counter(tuple(f[:4]) for f in before)
    counts_after = Counter(tuple(f[:4]) for f in after)
    said = {tuple(f[:4]): f[4] for f in before}
    said.update({tuple(f[:4]): f[4] for f in after})
    added = [[*key, said[key]] for key in sorted((counts_after - counts_before).elements())]
    removed = [[*key, said[key]] for key in sorted((counts_before - counts_after).elements())]
    return added, removed


def _print(title: str, facts: list[list[str]]) -> None:
    articles = len({f[0] for f in facts})
    print(f"{title}: {len(facts)} fact(s) in {articles} article(s)")
    for article, kind, subject, obj, sentence in facts:
        print(f"  {kind}: {subject} → {obj}   [{article}]")
        print(f"      {sentence[:240]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    facts = sub.add_parser("facts", help="read every article and keep its facts in FILE")
    facts.add_argument("out", type=Path)
    facts.add_argument("--never-tuned", action="store_true", help="also the articles of dev, dev2 and dev3")
    facts.add_argument("--press", type=Path, default=PRESS_FR, help="the press folder (default: %(default)s)")
    changed = sub.add_parser("diff", help="the facts added and removed from BEFORE to AFTER")
    changed.add_argument("before", type=Path)
    changed.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    try:
        if args.command == "facts":
            paths = press_articles(args.press, never_tuned=args.never_tuned)
            found = read_facts(paths, args.press)
            args.out.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
            print(f"{len(found)} fact(s) from {len(paths)} article(s) → {args.out}")
            return 0
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in (args.before, args.after))
    except BenchError as e:
        print(f"error: {e}", file=sys.stderr)
        return e.exit_code
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    added, removed = diff(before, after)
    _print("added", added)
    _print("removed", removed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
