"""A precision estimate for French press from a sample of extracted facts judged by reading.

Recall needs a gold set; precision can also be estimated on articles nobody annotated: load them,
draw facts at random, and have a person judge each one by reading its evidence sentence (and the
article when the sentence is not enough). ``sample`` writes the draw as YAML with an empty
``verdict`` per fact; the reader fills ``verdict: yes`` (the text states this fact, with these
two entities named as the extractor names them — a cut or overlong name is ``no``) or ``no``,
optionally a ``note``; ``estimate`` reads the judged file back and gives precision per kind and
overall with a 95 % Wilson interval. The articles drawn from are French press files of every
category that are in no gold file (dev, dev2, train, extra, any ``press-fr.*.yaml``) and in no
earlier sample, so the estimate is on unseen text.

Part of the extraction benchmark (``bench/extraction.py`` is the entry point and re-exports all).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from pathlib import Path

from extraction_corpora import FRENCH_DEV, GOLD_DIR, PRESS_FR, load_documents
from extraction_match import BenchError, load_gold

FRENCH_EXTRA = Path(FRENCH_DEV).with_name("press-fr.extra.yaml")

#: The kinds judged (quotations and mentions are left out: the issue's relations only).
JUDGED_KINDS = ("holds_post", "member_of", "funds", "supports", "partner_of", "located_in", "created_by")
#: The press categories drawn from (every one: business, health, technology ran out after 4 samples).
CATEGORIES = ("business", "health", "politics", "sports", "technology")


def previous_samples(gold_dir: Path | None = None) -> list[Path]:
    """The precision samples already drawn (``press-fr.precision-sample[-N].yaml``), oldest first."""
    gold_dir = Path(gold_dir or Path(FRENCH_DEV).parent)

    def number(p: Path) -> int:
        tail = p.stem.rsplit("-", 1)[-1]
        return int(tail) if tail.isdigit() else 1

    return sorted(gold_dir.glob("press-fr.precision-sample*.yaml"), key=number)


def latest_sample(gold_dir: Path | None = None) -> Path | None:
    """The newest precision sample that has a judged fact (None when there is none)."""
    for path in reversed(previous_samples(gold_dir)):
        if _judged_rows(path):
            return path
    return None


def _rows(path: Path) -> list[dict]:
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise BenchError(f"{path}: not a YAML sample ({exc})", 2) from exc
    rows = data.get("facts") if isinstance(data, dict) else None
    return [r for r in rows or [] if isinstance(r, dict)]


def _judged_rows(path: Path) -> list[dict]:
    return [r for r in _rows(path) if r.get("verdict") is not None]


def gold_files(gold_dir: Path | None = None) -> list[Path]:
    """Every French annotation file (``press-fr.<part>.yaml``: dev, dev2, train, extra, and any
    part added later), precision samples apart."""
    gold_dir = Path(gold_dir or GOLD_DIR)
    return sorted(p for p in gold_dir.glob("press-fr.*.yaml") if not p.name.startswith("press-fr.precision-sample"))


def taken_files(golds=None, samples=None, *, skip: Path | None = None) -> set:
    """The press files ("category/name.txt") already used: annotated in a gold file (`golds`,
    default :func:`gold_files`), or drawn into an earlier precision sample (`skip`: the file about
    to be written, not counted)."""
    taken = set()
    for gold in gold_files() if golds is None else golds:
        if Path(gold).is_file():
            taken |= set(load_gold(gold).files)
    for path in previous_samples() if samples is None else samples:
        if skip is not None and Path(path).resolve() == Path(skip).resolve():
            continue
        taken |= {r["file"] for r in _rows(path) if r.get("file")}
    return taken


def unannotated_articles(seed: int, count: int, taken: set | None = None) -> list[Path]:
    """`count` French press files (of :data:`CATEGORIES`) never annotated nor drawn into an earlier
    sample (`taken`, default :func:`taken_files`), drawn with `seed`."""
    taken = taken_files() if taken is None else taken
    pool = sorted(p for c in CATEGORIES for p in (PRESS_FR / c).glob("*.txt") if f"{c}/{p.name}" not in taken)
    if not pool:
        raise BenchError(f"{PRESS_FR}: no unannotated article", 2)
    return random.Random(seed).sample(pool, min(count, len(pool)))


def sample(out: Path, *, facts: int = 60, articles: int = 60, seed: int = 7, loader: str = "documents") -> dict:
    """Load unannotated articles, draw `facts` extracted facts and write them to `out` for judging."""
    import yaml

    from innograph.graph.store import KnowledgeGraph
    from innograph.queries.facts import list_facts

    out = Path(out)
    if out.is_file() and _judged_rows(out):
        raise BenchError(f"{out}: already holds judged facts; draw into a new file", 2)
    paths = unannotated_articles(seed, articles, taken_files(skip=out))
    with KnowledgeGraph() as kg:
        loaded = load_documents(kg, paths, loader)
        owner = {iri: path for path, iris in zip(paths, loaded["per_file"]) for iri in iris}
        found = [f for f in list_facts(kg) if f.kind in JUDGED_KINDS and f.source in owner]
    by_rules = _rules_facts(paths, loader)
    seen, unique = set(), []
    for f in found:
        key = (f.kind, f.subject.iri if f.subject else "", f.object.iri if f.object else "")
        if key not in seen:
            seen.add(key)
            unique.append(f)
    drawn = random.Random(seed).sample(unique, min(facts, len(unique)))
    rows = [{
        "n": n + 1, "kind": f.kind, "subject": f.subject.display if f.subject else None,
        "object": f.object.display if f.object else None, "role": f.role,
        "evidence": " ".join((f.evidence or "").split()),
        "file": f"{owner[f.source].parent.name}/{owner[f.source].name}",
        "by": "rules" if _key(f) in by_rules else "model", "verdict": None,
    } for n, f in enumerate(drawn)]
    header = (f"# Facts drawn (seed {seed}) from {len(unique)} facts extracted from {len(paths)} unannotated French "
              f"press articles{_drawn_on()}.\n# Judge each by reading: verdict yes = the text states it with these names; no "
              "otherwise.\n")
    out.write_text(header + yaml.safe_dump({"facts": rows}, allow_unicode=True, sort_keys=False, width=120),
                   encoding="utf-8")
    return {"articles": len(paths), "facts": len(unique), "drawn": len(rows), "out": str(out)}


def _drawn_on() -> str:
    """The " at <UTC time> on <commit>" of the sample header (no commit outside a git tree)."""
    import subprocess
    import time

    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=Path(__file__).parent, text=True,
                              capture_output=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        head = ""
    return f" at {when}" + (f" on {head}" if head else "")


def _key(f) -> tuple:
    return (f.kind, f.subject.display if f.subject else "", f.object.display if f.object else "", f.source)


def _rules_facts(paths, loader: str) -> set:
    """The facts the rules alone read from `paths` (``INNOGRAPH_RELATIONS=rules``), to mark a drawn
    fact as the rules' or the relation model's."""
    import os

    from innograph.graph.store import KnowledgeGraph
    from innograph.queries.facts import list_facts

    before = os.environ.get("INNOGRAPH_RELATIONS")
    os.environ["INNOGRAPH_RELATIONS"] = "rules"
    try:
        with KnowledgeGraph() as kg:
            load_documents(kg, paths, loader)
            return {_key(f) for f in list_facts(kg)}
    finally:
        if before is None:
            os.environ.pop("INNOGRAPH_RELATIONS", None)
        else:
            os.environ["INNOGRAPH_RELATIONS"] = before


def wilson(right: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion."""
    if total == 0:
        return (0.0, 1.0)
    p = right / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return (max(0.0, centre - half), min(1.0, centre + half))


def estimate(judged: Path) -> dict:
    """Precision per kind and overall from a judged sample (rows without a verdict are skipped)."""
    rows = _rows(judged)
    verdicts = [(r["kind"], str(r.get("verdict")).lower() in ("yes", "true", "y", "1")) for r in rows
                if r.get("verdict") is not None]
    if not verdicts:
        raise BenchError(f"{judged}: no judged fact (fill `verdict: yes|no`)", 2)
    total, right = Counter(k for k, _ in verdicts), Counter(k for k, ok in verdicts if ok)
    out = {"judged": len(verdicts), "unjudged": len(rows) - len(verdicts), "kinds": {}}
    for kind in sorted(total):
        out["kinds"][kind] = {"judged": total[kind], "right": right[kind], "precision": right[kind] / total[kind],
                              "interval": wilson(right[kind], total[kind])}
    n, r = sum(total.values()), sum(right.values())
    out["overall"] = {"judged": n, "right": r, "precision": r / n, "interval": wilson(r, n)}
    by = Counter(row["by"] for row in rows if row.get("verdict") is not None and row.get("by"))
    by_right = Counter(row["by"] for row in rows if row.get("by") and
                       str(row.get("verdict")).lower() in ("yes", "true", "y", "1"))
    out["by"] = {k: {"judged": by[k], "right": by_right[k], "precision": by_right[k] / by[k],
                     "interval": wilson(by_right[k], by[k])} for k in sorted(by)}
    return out


def format_estimate(result: dict, name: str = "") -> str:
    lines = [f"French precision estimated by reading{(' (' + name + ')') if name else ''}: "
             f"{result['judged']} facts judged ({result['unjudged']} left unjudged)",
             f"{'kind':<14}{'judged':>8}{'right':>7}{'P':>8}   95% interval"]
    for kind, s in [*result["kinds"].items(), ("overall", result["overall"])]:
        lo, hi = s["interval"]
        lines.append(f"{kind:<14}{s['judged']:>8}{s['right']:>7}{s['precision']:>8.3f}   [{lo:.2f}, {hi:.2f}]")
    for origin, s in result.get("by", {}).items():
        lo, hi = s["interval"]
        lines.append(f"{'by ' + origin:<14}{s['judged']:>8}{s['right']:>7}{s['precision']:>8.3f}   [{lo:.2f}, {hi:.2f}]")
    return "\n".join(lines)
