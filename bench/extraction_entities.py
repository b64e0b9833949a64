"""Entity boundaries and types on an annotated press file: where the names of the gold facts
occur in each article's text, and what the detector made of each occurrence.

    .venv/bin/python bench/extraction_entities.py bench/gold/press-fr.train.yaml [--cache DIR] [-v [--context N]]

For each article, the gold entities its facts name (subjects and objects of the facts whose
`file` is that article) are looked up in the text by every name they have (label and aliases,
whole words, in their case but for the first letter). Each occurrence is then one of:

  exact     a mention covers exactly that span
  cut       a mention lies inside it, shorter ("Institut australien" for the whole name)
  run-on    a mention covers it and more ("Lyon Retrouvailles")
  overlap   a mention crosses one of its ends
  missed    no mention touches it

(a mention without the honorific or title the gold name starts with, "M. X" for "X", is exact; so is a mention that only adds an article, "la X")
and, for exact ones, "typed" when the mention's kind fits the gold type (Person = person,
Place = place, Project = project, Event = event, PublicAuthority = organization or place, since
a state acting is read as its country, every other type = organization). An occurrence
inside a longer occurrence of another gold name is not counted. With --cache the spaCy parses are
kept in DIR (a DocBin per article) so that a second run only re-runs detection.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT.parent) not in sys.path:
    sys.path.insert(0, str(ROOT.parent))

from innograph.loaders.detect import detect  # noqa: E402
from innograph.loaders.mentions import ArticleEntities, Gazetteer  # noqa: E402
from innograph.loaders.text import read_articles  # noqa: E402

PRESS_FR = ROOT.parent / "shared" / "corpus" / "press-fr"
KINDS = {"Person": ("person",), "Place": ("place",), "Project": ("project",), "Event": ("event",),
         "PublicAuthority": ("organization", "place")}


def gold_by_file(path: Path) -> tuple[dict[str, dict], dict[str, set[str]]]:
    """Gold entities by label, and per article file the labels its facts name."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entities = {str(e["label"]): e for e in data.get("entities") or [] if isinstance(e, dict) and e.get("label")}
    names: dict[str, set[str]] = {}
    for fact in data["facts"]:
        if fact.get("file"):
            names.setdefault(fact["file"], set()).update(
                str(fact[side]) for side in ("subject", "object") if fact.get(side))
    for doc in data.get("documents") or []:
        names.setdefault(doc["file"], set())
    return entities, names


def parsed(article, cache: Path | None, key: str):
    """(offset, Doc) of each piece of `article`, from `cache` when there."""
    from spacy.tokens import DocBin

    from innograph.loaders.nlp import parse, pipeline

    pieces = article.pieces()
    file = cache / (re.sub(r"\W+", "_", key) + ".spacy") if cache else None
    if file is not None and file.exists():
        docs = list(DocBin().from_bytes(file.read_bytes()).get_docs(pipeline(article.language).vocab))
    else:
        docs = list(parse([(article.language, piece) for _, piece in pieces]))
        if file is not None:
            file.write_bytes(DocBin(store_user_data=True, docs=docs).to_bytes())
    return [(offset, doc) for (offset, _), doc in zip(pieces, docs)]


def occurrences(text: str, names: dict[str, tuple[str, str]]) -> list[tuple[int, int, str, str]]:
    """(start, end, label, kind) of each whole-word occurrence of a gold name, the longest kept
    where two overlap."""
    found = []
    for name, (label, kind) in names.items():
        if len(name) < 2:
            continue
        first = re.escape(name[0])
        if name[0].isalpha():  # "ministère de la santé" opening a sentence; not "is" for "IS"
            first = f"[{re.escape(name[0].lower())}{re.escape(name[0].upper())}]"
        for m in re.finditer(rf"(?<![\w]){first}{re.escape(name[1:])}(?![\w])", text):
            found.append((m.start(), m.end(), label, kind))
    found.sort(key=lambda o: (-(o[1] - o[0]), o[0]))
    kept: list = []
    for o in found:
        if all(o[1] <= k[0] or o[0] >= k[1] for k in kept):
            kept.append(o)
    return sorted(kept)


_HONORIFICS = {"m", "mme", "mlle", "dr", "pr", "me", "sir", "dame", "lord", "professeur", "professeure"}


def _titles_only(prefix: str) -> bool:
    from innograph.loaders import lexicon as lx
    from innograph.loaders.mentions import name_key

    words = prefix.replace(".", " ").split()
    return bool(words) and all(name_key(w) in lx.TITLES or w.lower() in _HONORIFICS for w in words)


def classify(text: str, occurrence, mentions) -> tuple[str, object]:
    start, end = occurrence[0], occurrence[1]
    touching = [m for m in mentions if m.start < end and start < m.end]
    if not touching:
        return "missed", None
    for m in touching:
        if (m.start, m.end) == (start, end):
            return "exact", m
    if any(m.start <= start and m.end >= end for m in touching):
        m = next(m for m in touching if m.start <= start and m.end >= end)
        if m.end == end and re.fullmatch(r"(?:(?:[Dd]e |[Dd]u |[Dd]es |[Ll]a |[Ll]e |[Ll]es |[LlDd]['’]) *)+", text[m.start:start]):
            return "exact", m  # "la Chine" for "Chine": the article is not part of the label
        return "run-on", m
    if all(m.start >= start and m.end <= end for m in touching):
        m = max(touching, key=lambda m: m.end - m.start)
        if m.end == end and _titles_only(text[start:m.start]):
            return "exact", m  # the gold's "M. X" / "président X" for the detected "X"
        return "cut", m
    return "overlap", touching[0]


def run(gold_path: Path, cache: Path | None, verbose: bool, dump=None, context: int = 0) -> Counter:
    entities, by_file = gold_by_file(gold_path)
    counts: Counter = Counter()
    examples: dict[str, list[str]] = {}
    gazetteer = Gazetteer()
    for file, labels in by_file.items():
        for article in read_articles(PRESS_FR / file):
            docs = parsed(article, cache, f"{file}#{article.index}")
            ents = detect(ArticleEntities(article.text, gazetteer), docs)
            for entity in ents.entities:
                for name in entity.names():
                    gazetteer.add(name, entity.kind, entity.label, entity.org_kind, entity.iri)
            for m in ents.mentions if dump else ():
                print(f"{file}\t{m.start}\t{m.text}\t{m.entity.kind}\t{m.entity.label}", file=dump)
            names = {}
            for label in sorted(labels):  # (a name two gold entities share goes to the same one on every run)
                gold = entities.get(label) or {"label": label, "type": None}
                kind = KINDS.get(gold.get("type"), ("organization",))
                for name in [label, *(gold.get("aliases") or ())]:
                    names[str(name)] = (label, kind)
            for occ in occurrences(article.text, names):
                outcome, m = classify(article.text, occ, ents.mentions)
                counts[outcome] += 1
                where = article.text[occ[0]:occ[1]]
                if context:  # "... a signé à [[X]] pour ..."
                    where = " ".join((article.text[max(0, occ[0] - context):occ[0]] + f"[[{where}]]"
                                      + article.text[occ[1]:occ[1] + context]).split())
                if outcome == "exact":
                    typed = m.entity.kind in occ[3]
                    counts["typed" if typed else "wrong type"] += 1
                    if not typed:
                        examples.setdefault("wrong type", []).append(
                            f"{where} ({'/'.join(occ[3])}, detected {m.entity.kind} via {m.source}) [{file}]")
                elif m is not None:
                    examples.setdefault(outcome, []).append(f"{where} → {m.text!r} ({m.entity.kind}) [{file}]")
                else:
                    examples.setdefault(outcome, []).append(f"{where} ({'/'.join(occ[3])}) [{file}]")
    total = sum(counts[k] for k in ("exact", "cut", "run-on", "overlap", "missed"))
    print(f"gold-name occurrences: {total}; " + ", ".join(
        f"{k} {counts[k]}" for k in ("exact", "cut", "run-on", "overlap", "missed")))
    print(f"exact with the right kind: {counts['typed']}, with another kind: {counts['wrong type']}")
    if verbose:
        for outcome, lines in examples.items():
            print(f"\n{outcome.upper()} ({len(lines)}):")
            for line in lines:
                print("  " + line)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--cache", type=Path, help="directory to keep the spaCy parses in")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every occurrence not exact and typed")
    parser.add_argument("--context", type=int, default=0, metavar="N",
                        help="with -v, show each listed occurrence with N characters of text either side")
    parser.add_argument("--dump", type=Path, help="write every mention (file, start, text, kind, label) there, "
                        "to compare two versions of the detector on all names, not only the gold's")
    args = parser.parse_args(argv)
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as dump:
            run(args.gold, args.cache, args.verbose, dump, args.context)
    else:
        run(args.gold, args.cache, args.verbose, context=args.context)
    return 0


if __name__ == "__main__":
    sys.exit(main())
