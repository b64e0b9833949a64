"""The corpora the extraction benchmark reads: gold files with their documents (the seeds, the
French press annotations under ``bench/gold/``), and KnowledgeNet passages (English, annotated
exhaustively per property).

KnowledgeNet is scored through the same path as everything else: each passage is written as one
file, the files are loaded with the ``documents`` loader into one in-memory store, and the facts
``list_facts`` reads back are mapped to KnowledgeNet properties (:data:`KN_KINDS`). Only the
properties a passage was annotated for are scored on it; a gold fact is one (subject entity,
object entity) pair, its mentions grouped by Wikidata URI (or by text). A gold fact whose subject
or object is only ever a pronoun or a lower-case phrase in the passage cannot be named by any
extractor that reads the passage alone: it is counted apart ("unnamed") and not in recall.

Part of the extraction benchmark (``bench/extraction.py`` is the entry point and re-exports all).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extraction_match import DOCUMENT_SUFFIXES, BenchError, Gold, fold, name_key

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
KNOWLEDGENET = SHARED / "corpus" / "knowledgenet" / "passages-folds1-3.jsonl"
PRESS_FR = SHARED / "corpus" / "press-fr"
GOLD_DIR = Path(__file__).resolve().parent / "gold"
FRENCH_DEV = GOLD_DIR / "press-fr.dev.yaml"
FRENCH_TRAIN = GOLD_DIR / "press-fr.train.yaml"
#: A second French part never tuned on (politics, sports, business, health), scored apart from dev.
FRENCH_DEV2 = GOLD_DIR / "press-fr.dev2.yaml"
#: A third French part never tuned on (sports and politics, the categories the first two have least of).
FRENCH_DEV3 = GOLD_DIR / "press-fr.dev3.yaml"
#: The French parts no training or tuning path may read (their summary scores only).
NEVER_TUNED = (FRENCH_DEV, FRENCH_DEV2, FRENCH_DEV3)


def french_train_parts(gold_dir: Path = GOLD_DIR) -> list[Path]:
    """The French training parts: ``press-fr.train.yaml`` and the later ``press-fr.train<N>-<topic>.yaml``
    ones (annotated the same way, kept apart so each can be scored on its own)."""
    return sorted(gold_dir.glob("press-fr.train*.yaml"))

#: The KnowledgeNet properties our fact kinds cover, and their direction (subject, object).
KN_PROPS = ("EMPLOYEE_OR_MEMBER_OF", "CEO", "FOUNDED_BY", "HEADQUARTERS")
#: Title words that make a post a chief executive's (KnowledgeNet CEO).
CEO_TITLES = ("ceo", "chief executive", "chief executive officer", "pdg", "president directeur general",
              "directeur general", "directrice generale", "managing director", "executive director")


def require_loader(loader: str) -> None:
    """Fail clearly while the document loader is not there."""
    from innograph import loaders
    from innograph.errors import UsageError

    try:
        loaders.get(loader)
    except UsageError:
        raise BenchError(
            f"the document loader ({loader!r}) is not available yet (loaders: {', '.join(loaders.names())}); "
            "score a store that already holds facts with --store DIR", 2) from None
    except ImportError as exc:
        raise BenchError(f"the document loader ({loader!r}) cannot be imported: {exc}", 2) from None


def documents_dir(gold_path: Path) -> Path:
    """``<gold dir>/<gold name without .yaml and .gold>/``: seeds.gold.yaml → seeds/; the French
    press annotations (``bench/gold/press-fr.*.yaml``) read ``shared/corpus/press-fr/``."""
    name = gold_path.name
    for suffix in (".yaml", ".yml"):
        name = name.removesuffix(suffix)
    name = name.removesuffix(".gold")
    if name.startswith("press-fr.") and not (gold_path.parent / name).is_dir():
        return PRESS_FR
    return gold_path.parent / name


def document_files(gold: Gold, docs_dir: Path) -> list[Path]:
    """The gold's documents in `docs_dir` (all documents there if the gold lists none)."""
    if not docs_dir.is_dir():
        raise BenchError(f"{docs_dir}: no such directory of documents; pass --docs DIR", 2)
    if gold.files:
        paths = [docs_dir / name for name in gold.files]
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise BenchError(f"the gold lists documents that are not there: {', '.join(missing)}", 2)
        return paths
    paths = sorted(p for p in docs_dir.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
    if not paths:
        raise BenchError(f"{docs_dir}: no {'/'.join(DOCUMENT_SUFFIXES)} document", 2)
    return paths


def load_documents(kg, paths: Sequence[Path], loader: str) -> dict:
    """Load `paths` with the document loader into `kg`; what was loaded, and how long it took."""
    from innograph.errors import InnographError

    try:
        from innograph.load import ingest_many
    except ImportError:  # before the load orchestration moved out of graph/
        from innograph.graph.ingest import ingest_many

    require_loader(loader)
    started = time.perf_counter()
    sources = []
    try:
        for result in ingest_many(kg, list(paths), kind=loader, force=True):
            sources.append([s.iri for s in result.sources])
    except InnographError as exc:
        raise BenchError(f"loading failed: {exc}", 3) from None
    seconds = time.perf_counter() - started
    count = sum(map(len, sources))
    return {"files": len(paths), "sources": count, "seconds": round(seconds, 3), "per_file": sources,
            "what": f"loaded {len(paths)} file(s) → {count} source(s) with the {loader!r} loader in {seconds:.2f} s"
                    " (models included)"}


# -- KnowledgeNet ----------------------------------------------------------------------------------

_NOT_NAMES = frozenset("he she it they him her his hers its their theirs them who whom which that this these those "
                       "i we you me us my our your".split())


@dataclass
class Passage:
    key: str
    text: str
    props: set[str] = field(default_factory=set)
    #: entity key → its names in the passage (mentions that are names, not pronouns)
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: (prop, subject key, object key)
    facts: set[tuple[str, str, str]] = field(default_factory=set)


def _mention_key(m: dict) -> str:
    return m.get("uri") or "text:" + name_key(m["text"])


def _is_name(text: str) -> bool:
    """A name, not a pronoun or a common phrase ("the company"): some capital letter or digit."""
    t = text.strip()
    return bool(t) and fold(t) not in _NOT_NAMES and any(c.isupper() or c.isdigit() for c in t)


def knowledgenet_passages(folds: Sequence[int], path: Path = KNOWLEDGENET, props: Sequence[str] = KN_PROPS) -> list[Passage]:
    """The passages of `folds` annotated for one of `props`, with their gold facts."""
    if not path.is_file():
        raise BenchError(f"{path}: KnowledgeNet passages not found", 2)
    passages: dict[str, Passage] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["fold"] not in folds or row["prop"] not in props:
                continue
            key = f"kn{row['fold']}-{row['doc']}-{row['pstart']}"
            p = passages.setdefault(key, Passage(key, row["text"]))
            p.props.add(row["prop"])
            if not row.get("has_fact"):
                continue
            s, o = row["subject"], row["object"]
            for m in (s, o):
                p.names[_mention_key(m)]  # noqa: B018 - the entity exists even with no name
                if _is_name(m["text"]):
                    p.names[_mention_key(m)].add(m["text"])
            p.facts.add((row["prop"], _mention_key(s), _mention_key(o)))
    return sorted(passages.values(), key=lambda p: p.key)


def kn_predictions(fact) -> list[tuple[str, object, object]]:
    """The KnowledgeNet (property, subject, object) a fact read by the loader states."""
    kind, s, o = fact.kind, fact.subject, fact.object
    if s is None or o is None:
        return []
    types = set(getattr(s, "type_names", ()) or ())
    out = []
    if kind in ("holds_post", "member_of") and "Person" in types:
        out.append(("EMPLOYEE_OR_MEMBER_OF", s, o))
        role = fold(fact.role or "")
        if kind == "holds_post" and role and any(f" {t} " in f" {role} " for t in CEO_TITLES):
            out.append(("CEO", o, s))
    elif kind in ("founded_by", "created_by"):
        out.append(("FOUNDED_BY", s, o))
    elif kind == "located_in" and "Person" not in types:
        out.append(("HEADQUARTERS", s, o))
    return out


_LEGAL = re.compile(r"\s+(?:inc|incorporated|plc|ltd|llc|llp|corp|corporation|co|company|limited|sa|ag|gmbh|lp)$")


_POSSESSIVE = re.compile(r"['’]s?$")


def _kn_key(name: str) -> str:
    """A name key without a trailing legal form ("Europe Arab Bank plc" = "Europe Arab Bank") nor
    possessive (a gold mention "Acme's" is the entity Acme; applied to both sides alike)."""
    key = name_key(_POSSESSIVE.sub("", name.strip()))
    return _LEGAL.sub("", key) or key


def _kn_names_match(gold_names: set[str], names: Sequence[str]) -> bool:
    left = {_kn_key(n) for n in gold_names}
    left |= {_kn_key(n.split(",")[0]) for n in gold_names}  # "Cambridge, Massachusetts" = "Cambridge"
    return bool(left & {_kn_key(n) for n in names})


@dataclass
class KnCount:
    gold: int = 0
    unnamed: int = 0
    found: int = 0
    predicted: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_knowledgenet(passages: Sequence[Passage], facts_by_passage: dict[str, list]) -> dict[str, KnCount]:
    """Per-property counts; `facts_by_passage` maps a passage key to the facts read from it."""
    counts = {prop: KnCount() for prop in (*KN_PROPS, "overall")}
    for p in passages:
        preds: dict[tuple, tuple] = {}
        for fact in facts_by_passage.get(p.key, ()):
            for prop, s, o in kn_predictions(fact):
                if prop in p.props:
                    preds.setdefault((prop, s.iri, o.iri), (prop, tuple(s.names), tuple(o.names)))
        found = set()
        for prop, s_names, o_names in preds.values():
            hits = {g for g in p.facts if g[0] == prop and _kn_names_match(p.names[g[1]], s_names)
                    and _kn_names_match(p.names[g[2]], o_names)}
            for c in (counts[prop], counts["overall"]):
                c.predicted += 1
                c.right += bool(hits)
            found |= hits
        for g in p.facts:
            named = bool(p.names[g[1]]) and bool(p.names[g[2]])
            for c in (counts[g[0]], counts["overall"]):
                if named:
                    c.gold += 1
                    c.found += g in found
                else:
                    c.unnamed += 1
    return counts


def run_knowledgenet(folds: Sequence[int] = (3,), loader: str = "documents", limit: int | None = None) -> dict:
    """Load every passage of `folds` with the document loader and score it (see the module doc)."""
    from innograph.graph.store import KnowledgeGraph
    from innograph.queries.facts import list_facts

    passages = knowledgenet_passages(folds)[:limit]
    with tempfile.TemporaryDirectory(prefix="innograph-kn-") as tmp:
        paths = []
        for p in passages:
            path = Path(tmp) / f"{p.key}.txt"
            path.write_text(p.text + "\n", encoding="utf-8")
            paths.append(path)
        with KnowledgeGraph() as kg:
            loaded = load_documents(kg, paths, loader)
            owner = {iri: p.key for p, iris in zip(passages, loaded["per_file"]) for iri in iris}
            facts_by_passage: dict[str, list] = defaultdict(list)
            for fact in list_facts(kg):
                if fact.source in owner:
                    facts_by_passage[owner[fact.source]].append(fact)
    counts = score_knowledgenet(passages, facts_by_passage)
    return {"folds": list(folds), "passages": len(passages), "seconds": loaded["seconds"], "counts": counts}


def format_knowledgenet(result: dict) -> str:
    lines = [f"KnowledgeNet fold(s) {','.join(map(str, result['folds']))}: {result['passages']} passages "
             f"loaded in {result['seconds']:.1f} s",
             f"{'property':<24}{'gold':>6}{'pred':>6}{'found':>7}{'right':>7}{'P':>8}{'R':>8}{'F1':>8}{'unnamed':>9}"]
    for prop, c in result["counts"].items():
        if prop == "overall":
            lines.append("-" * len(lines[1]))
        lines.append(f"{prop:<24}{c.gold:>6}{c.predicted:>6}{c.found:>7}{c.right:>7}"
                     f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}{c.unnamed:>9}")
    lines.append("unnamed: gold facts whose subject or object the passage only names by a pronoun or a "
                 "lower-case phrase (not counted in recall)")
    return "\n".join(lines)


def knowledgenet_json(result: dict) -> dict:
    return {**{k: v for k, v in result.items() if k != "counts"},
            "counts": {k: {**vars(c), "precision": round(c.precision, 4), "recall": round(c.recall, 4),
                           "f1": round(c.f1, 4)} for k, c in result["counts"].items()}}


def env_folds(default: Sequence[int] = (3,)) -> tuple[int, ...]:
    raw = os.environ.get("INNOGRAPH_KN_FOLDS")
    return tuple(int(x) for x in raw.split(",")) if raw else tuple(default)
