#!/usr/bin/env python3
"""Which reader made each fact, and how often each reader is right.

Loads the French training parts' articles with the ``documents`` loader (as ``bench/extraction.py``
does, one fresh store per part), records for every relation the Extractor makes the reader that
made it, and joins the store's facts with the gold the way ``bench/extraction.py`` matches them
(:func:`extraction_report.score_facts`: same merging of predictions, same name matching).

**Reader.** ``Extractor.add`` is wrapped here (no product change): the reader is the outermost
function of ``innograph.loaders`` between the pattern pass (``Extractor.run``, ``SyntaxReader.run``)
and ``add`` ("surfaceposts.posts", "syntax.title"); the branch is the function that called ``add`` and
its line ("surfaceposts._post_at:150"). A post that :mod:`innograph.loaders.parties` turns into a
membership keeps its reader, marked "(party)"; a relation the trained model adds is
"relmodel.propose". A prediction made by several readers counts for each; "alone" counts the
predictions only that reader made (what removing it would remove).

**Groups.** write = ``press-fr.train``, ``train2-*``, ``train3-*`` (rules are written from these);
check = ``train4-*`` (counts only: no fact, evidence or article of it is printed or stored).
``--fires`` adds how many relations each reader made in all the training and dev articles together
(counts only, no gold read, nothing of dev shown apart).

usage::

    python bench/provenance.py --json /tmp/prov.json            # run, print the table, keep the records
    python bench/provenance.py --from /tmp/prov.json --branches # the table again, per branch
    python bench/provenance.py --from /tmp/prov.json --fps surfaceposts.membership   # its wrong facts on write
    INNOGRAPH_RELATIONS=rules python bench/provenance.py ...     # the rules alone
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ is not a package

import extraction_corpora as corpora  # noqa: E402
from extraction_match import LOADER, BenchError, load_gold  # noqa: E402
from extraction_report import score_facts  # noqa: E402

#: Functions that run the readers: the reader is the frame just below one of them.
_RUNNERS = {("relations", "run"), ("syntax", "run")}
_PACKAGE = "innograph.loaders."


def group_of(part: str) -> str:
    """'check' for the train4 parts (summaries only), 'write' for the other training parts."""
    return "check" if part.startswith("train4") else "write"


def part_name(gold_path: Path) -> str:
    return gold_path.name.removeprefix("press-fr.").removesuffix(".yaml")


# -- recording ------------------------------------------------------------------------------------

def reader_of(frame) -> tuple[str, str]:
    """(reader, branch) of a call to ``Extractor.add`` whose caller is `frame` (see the module doc)."""
    while frame.f_code.co_name == "add" and frame.f_back is not None:  # the syntax reader's own add
        frame = frame.f_back
    caller, top = frame, frame
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        short = module.removeprefix(_PACKAGE)
        if (short, frame.f_code.co_name) in _RUNNERS or not module.startswith(_PACKAGE):
            break
        top = frame
        frame = frame.f_back
    name = lambda f: f"{f.f_globals.get('__name__', '').removeprefix(_PACKAGE)}.{f.f_code.co_name}"
    return name(top), f"{name(caller)}:{caller.f_lineno}"


def _kind(kind: str) -> str:
    """The store reads a place of an event as event_location, whichever kind the reader said."""
    return "located_in" if kind == "event_location" else kind


def _pair(kind: str, subject, obj) -> tuple:
    ids = (id(subject), id(obj) if obj is not None else None)
    return (kind, tuple(sorted(ids, key=str)) if kind == "partner_of" else ids)


class Recorder:
    """Patches the document loader so each written relation carries its readers.

    ``stored[(source, kind, subject IRI, object IRI)]`` = {(reader, branch)} for every relation
    written; ``fired[source]`` = Counter of (reader, kind) over the relations written, and
    ``fired_branches[source]`` of (branch, kind)."""

    def __init__(self) -> None:
        self.adds: list[tuple[tuple, tuple[str, str]]] = []
        self.final: dict[int, tuple[object, set]] = {}
        self.stored: dict[tuple, set] = defaultdict(set)
        self.by_subject: dict[tuple, set] = defaultdict(set)  # (a quotation's object is no relation's)
        self.fired: dict[str, Counter] = defaultdict(Counter)
        self.fired_branches: dict[str, Counter] = defaultdict(Counter)

    @contextmanager
    def installed(self):
        from innograph.loaders import documents, relations

        saved = relations.Extractor.add, relations.Extractor.run, documents.propose, documents.write_article
        relations.Extractor.add = self._wrap_add(saved[0])
        relations.Extractor.run = self._wrap_run(saved[1])
        documents.propose = self._wrap_propose(saved[2])
        documents.write_article = self._wrap_write(saved[3])
        try:
            yield self
        finally:
            relations.Extractor.add, relations.Extractor.run, documents.propose, documents.write_article = saved

    def _wrap_add(self, add):
        def wrapped(extractor, kind, subject, obj, sent, **attrs):
            before = len(extractor.found)
            add(extractor, kind, subject, obj, sent, **attrs)
            if len(extractor.found) > before:
                self.adds.append((_pair(kind, subject, obj), reader_of(sys._getframe(1))))
        return wrapped

    def _wrap_run(self, run):
        def wrapped(extractor):
            self.adds = []
            out = run(extractor)
            made: dict[tuple, set] = defaultdict(set)
            for key, reader in self.adds:
                made[key].add(reader)
            for r in out:
                readers = made.get(_pair(r.kind, r.subject, r.object))
                if not readers and r.kind == "member_of":  # a party post read as a membership
                    readers = {(f"{a} (party)", b) for a, b in made.get(_pair("holds_post", r.subject, r.object), ())}
                self.final[id(r)] = (r, readers or {("(unknown)", "(unknown)")})
            return out
        return wrapped

    def _wrap_propose(self, propose):
        def wrapped(ents, docs, sentences, relations, **kw):
            out = propose(ents, docs, sentences, relations, **kw)
            for r in out:
                if id(r) not in self.final:
                    self.final[id(r)] = (r, {("relmodel.propose", "relmodel.propose")})
            return out
        return wrapped

    def _wrap_write(self, write):
        from innograph.loaders.documents import entity_iri

        def wrapped(writer, article, ents, relations):
            write(writer, article, ents, relations)
            source = writer.source.value
            for r in relations:
                _, readers = self.final.pop(id(r), (r, {("(unknown)", "(unknown)")}))
                kind = _kind(r.kind)
                iris = (entity_iri(r.subject), entity_iri(r.object) if r.object is not None else None)
                self.stored[(source, kind, *sorted(iris, key=str))].update(readers)
                self.by_subject[(source, kind, iris[0])].update(readers)
                for reader, branch in readers:
                    self.fired[source][(reader, kind)] += 1
                    self.fired_branches[source][(branch, kind)] += 1
        return wrapped

    def readers(self, fact) -> set:
        """The readers of a stored fact (``queries.facts.Fact``)."""
        subject = fact.subject.iri if fact.subject else None
        iris = sorted((subject, fact.object.iri if fact.object else None), key=str)
        if fact.kind == "author_of":
            return {("documents.write_article", "documents.write_article (byline)")}
        kind = _kind(fact.kind)
        return self.stored.get((fact.source, kind, *iris)) or self.by_subject.get((fact.source, kind, subject)) \
            or {("(unknown)", "(unknown)")}


# -- running --------------------------------------------------------------------------------------

def _load(gold, docs_dir: Path | None = None) -> tuple[Recorder, list]:
    """The part's articles loaded into a fresh store with a recorder: the recorder and the store's facts."""
    from innograph.graph.store import KnowledgeGraph
    from innograph.queries.facts import list_facts

    recorder = Recorder()
    paths = corpora.document_files(gold, docs_dir or corpora.documents_dir(gold.path))
    with recorder.installed(), KnowledgeGraph() as kg:
        corpora.load_documents(kg, paths, LOADER)
        return recorder, list_facts(kg)


def score_part(gold_path: Path, docs_dir: Path | None = None) -> tuple[list[dict], dict]:
    """One record per counted prediction of the part: kind, readers, right, articles (and, on the
    write group only, what it says and its evidence, to read the wrong ones); and the part's fires."""
    gold = load_gold(gold_path)
    part = part_name(gold_path)
    group = group_of(part)
    recorder, facts = _load(gold, docs_dir)
    report = score_facts(gold, facts)
    right = {id(p): p for _, preds in report.matches for p in preds}
    records = []
    for p in [*right.values(), *report.false_positives]:
        readers = set().union(*(recorder.readers(f) for f in p.facts))
        rec = {"part": part, "group": group, "kind": p.kind, "right": id(p) in right,
               "readers": sorted({a for a, _ in readers}), "branches": sorted({b for _, b in readers}),
               "articles": sorted({_article_id(f.source, group) for f in p.facts})}
        if group == "write":
            rec["says"] = p.describe()
            rec["evidence"] = p.fact.evidence
            rec["source"] = p.fact.source_label or p.fact.source
        records.append(rec)
    return records, _fires(recorder)


def _article_id(source: str, group: str) -> str:
    """The check group's articles are counted, never named."""
    return source if group == "write" else hashlib.sha1(source.encode()).hexdigest()[:12]


def _fires(recorder: Recorder) -> dict:
    """The fire rows of the articles a recorder saw, per reader and per branch."""
    return {"readers": _fire_rows(recorder), "branches": _fire_rows(recorder, branches=True)}


def _fire_rows(recorder: Recorder, *, branches: bool = False) -> dict:
    """reader (or branch) → kind → [relations, articles] over the articles loaded."""
    out: dict = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for counts in (recorder.fired_branches if branches else recorder.fired).values():
        for (reader, kind), n in counts.items():
            out[reader][kind][0] += n
            out[reader][kind][1] += 1
    return {r: dict(k) for r, k in out.items()}


def _add_fires(total: dict, fires: dict) -> None:
    for by, rows in fires.items():
        for reader, kinds in rows.items():
            for kind, (n, arts) in kinds.items():
                cell = total.setdefault(by, {}).setdefault(reader, {}).setdefault(kind, [0, 0])
                cell[0] += n
                cell[1] += arts


def run(parts: list[Path], *, with_dev: bool = False, progress=print) -> dict:
    """Records of every training part, and fire counts (training, plus dev when `with_dev`)."""
    records, fires = [], {}
    for gold_path in parts:
        progress(f"... {part_name(gold_path)}")
        part_records, part_fires = score_part(gold_path)
        records += part_records
        _add_fires(fires, part_fires)
    if with_dev:
        for gold_path in corpora.NEVER_TUNED:  # counts only: the gold's file list, no fact of it
            progress("... (fire counts of a part never tuned on)")
            recorder, _ = _load(load_gold(gold_path))
            _add_fires(fires, _fires(recorder))
    return {"records": records, "fires": fires, "fires_cover": "training + dev" if with_dev else "training"}


# -- the table ------------------------------------------------------------------------------------

def table(records: list[dict], fires: dict, *, by: str = "readers", top: int | None = None) -> list[dict]:
    """Rows per (reader or branch, kind): predictions, right, wrong, alone right/wrong, articles, per
    group; sorted by wrong (both groups) then predictions."""
    rows: dict[tuple, dict] = {}
    for rec in records:
        names = rec[by]
        for name in names:
            row = rows.setdefault((name, rec["kind"]), {"reader": name, "kind": rec["kind"],
                                                       **{g: {"pred": 0, "right": 0, "wrong": 0, "alone_right": 0,
                                                              "alone_wrong": 0, "articles": set()}
                                                          for g in ("write", "check")}})
            cell = row[rec["group"]]
            cell["pred"] += 1
            cell["right" if rec["right"] else "wrong"] += 1
            if len(names) == 1:
                cell["alone_right" if rec["right"] else "alone_wrong"] += 1
            cell["articles"].update(rec["articles"])
    out = []
    for (name, kind), row in rows.items():
        for g in ("write", "check"):
            row[g]["articles"] = len(row[g]["articles"])
        row["fires"] = fires.get(by, {}).get(name, {}).get(_kind(kind)) or [0, 0]
        out.append(row)
    out.sort(key=lambda r: (-(r["write"]["wrong"] + r["check"]["wrong"]), -(r["write"]["pred"] + r["check"]["pred"]),
                            r["reader"], r["kind"]))
    return out[:top] if top else out


def format_table(rows: list[dict]) -> str:
    head = (f"{'reader':<34}{'kind':<12}| {'write pred right wrong alone(r/w) arts':<40}"
            f"| {'check pred right wrong alone(r/w) arts':<40}| {'P both':>6} | fired rel/arts")
    lines = [head, "-" * len(head)]
    for r in rows:
        w, c = r["write"], r["check"]
        pred, right = w["pred"] + c["pred"], w["right"] + c["right"]
        cells = [f"{x['pred']:>10}{x['right']:>6}{x['wrong']:>6}{x['alone_right']:>7}/{x['alone_wrong']:<4}{x['articles']:>6}"
                 for x in (w, c)]
        fired = f"{r['fires'][0]}/{r['fires'][1]}" if r.get("fires") else ""
        lines.append(f"{r['reader'][:33]:<34}{r['kind'][:11]:<12}| {cells[0]:<40}| {cells[1]:<40}"
                     f"| {right / pred if pred else 0:>6.3f} | {fired}")
    return "\n".join(lines)


def format_once(fires: dict, cover: str, by: str = "readers") -> str:
    """The readers or branches (and kinds) that fired in one article only of `cover`."""
    lines = [f"{by} that fired in one article only ({cover}):"]
    for reader, kinds in sorted(fires.get(by, {}).items()):
        for kind, (n, arts) in sorted(kinds.items()):
            if arts == 1:
                lines.append(f"  {reader} {kind}: {n} relation(s)")
    return "\n".join(lines)


def false_positives(records: list[dict], name: str, *, by: str = "readers") -> str:
    """The wrong predictions of a reader (or branch) on the write group; the check group is never shown."""
    lines = []
    for rec in records:
        if rec["group"] == "write" and not rec["right"] and any(n == name or n.startswith(name + ":") for n in rec[by]):
            lines.append(f"  [{rec['part']}] {rec['says']}   via {', '.join(rec['branches'])}\n"
                         f"      evidence: {(rec.get('evidence') or '')[:300]}\n      source: {rec.get('source')}")
    return f"wrong on write, {name}: {len(lines)}\n" + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench/provenance.py", description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("parts", nargs="*", type=Path, help="gold files (default: every French training part)")
    ap.add_argument("--json", type=Path, metavar="FILE", help="keep the records in FILE")
    ap.add_argument("--from", dest="from_", type=Path, metavar="FILE", help="read records kept by --json; no run")
    ap.add_argument("--fires", action="store_true", help="also count fires in the dev articles (counts only)")
    ap.add_argument("--branches", action="store_true", help="one row per branch (the line that called add)")
    ap.add_argument("--top", type=int, metavar="N", help="the N rows with most wrong predictions")
    ap.add_argument("--fps", metavar="READER", help="list the wrong predictions of READER (or branch) on write")
    args = ap.parse_args(argv)
    try:
        if args.from_:
            data = json.loads(args.from_.read_text(encoding="utf-8"))
        else:
            parts = args.parts or corpora.french_train_parts()
            data = run(parts, with_dev=args.fires, progress=lambda m: print(m, file=sys.stderr, flush=True))
            if args.json:
                args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except (BenchError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.fps:
        print(false_positives(data["records"], args.fps, by="branches" if ":" in args.fps else "readers"))
        return 0
    rows = table(data["records"], data["fires"], by="branches" if args.branches else "readers", top=args.top)
    print(format_table(rows))
    print()
    print(format_once(data["fires"], data.get("fires_cover", "training"), "branches" if args.branches else "readers"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
