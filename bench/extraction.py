#!/usr/bin/env python3
"""Extraction benchmark: score the document loader against a gold file, and measure its speed.

**Scoring.** Reads a gold file in the format of ``shared/corpus/seeds.gold.yaml`` (documents,
entities with label/type/aliases, facts with kind/subject/object/date/role/current/amount/
currency/quote/core), loads the gold's documents into a fresh temporary store with the
``documents`` loader (or reads a store that already holds facts, ``--store DIR``), lists the
extracted facts (``innograph.queries.facts.list_facts``) and prints precision, recall and F1
per fact kind and overall (micro), the recall of the ``core: true`` facts, every miss (with the
gold quote) and every false positive (with its evidence and source), attribute accuracy
(dates, post titles, amounts) and entity-level scores.

**Throughput** (``--throughput``): our loader end to end (read, extract, write the store; a
library call, no CLI start-up; spaCy models loaded once beforehand, reported apart) against a
bare ``nlp.pipe`` over the same cleaned texts with the same pipelines, in articles/s.

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
import datetime as _dt
import difflib
import json
import math
import os
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO_ROOT.parent / "shared" / "corpus" / "seeds.gold.yaml"
DEFAULT_TEST_DOCUMENTS = REPO_ROOT / "tests" / "data" / "documents"
DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm")
LOADER = "documents"

#: Acceptance goals (issue: "every core fact; >= 80 % of all gold facts; precision >= 0.9").
GOALS = {"core_recall": 1.0, "recall": 0.8, "precision": 0.9}
#: Throughput goals: articles/s of ~600 words on a 2-core machine, and ours / bare nlp.pipe.
THROUGHPUT_GOALS = {"articles_per_s": 15.0, "ratio": 0.8}

#: A quotation matches when this share of the gold quotation's words is found (see RULES).
QUOTE_OVERLAP = 0.6
#: Shortest run of words counted when comparing quotations (shorter gold quotes: all words).
QUOTE_MIN_RUN = 3

RULES = """\
matching rules:
  names      are folded before any comparison: Unicode NFKD, combining marks dropped, œ→oe, æ→ae,
             ß→ss, lower case, every run of non-alphanumerics → one space, trimmed
             ("CCI de Rouen-Métropole" = "cci de rouen metropole"); entity names also drop one
             leading article (le, la, les, l', the: "la Métropole" = "Métropole").
  entities   a gold subject/object string is first resolved to a gold entity (by label, then by
             alias); its names are the label and every alias. An extracted entity's names are its
             rdfs:label, skos:altLabel, foaf:name (schema:headline for articles). They match when
             one folded name is equal on both sides. A gold string that names no gold entity is
             its own only name.
  facts      same kind (founded_by = created_by), subject matches, object matches (if the gold
             has one). partner_of is symmetric. author_of / mentioned: the object (the article)
             also matches when one folded headline contains the other (>= 3 words).
             quoted: same speaker, and the extracted text holds >= 60 % of the gold quotation's
             words in runs of >= 3 words (each piece of an elided gold quote "a (...) b" is found
             separately), so the extracted quote may be the whole quotation or a large part of it.
  counting   extracted facts are first merged when they say the same thing (same kind, subject and
             object IRIs; for quoted also the same folded text) - the same fact read from two
             articles is one prediction. A gold fact is found when some prediction matches it;
             a prediction is correct when it matches some gold fact (duplicates are not false
             positives). Precision = correct predictions / predictions, recall = found gold facts /
             gold facts, per kind and micro-averaged over the kinds the gold has. Predictions of
             kinds absent from the gold are listed apart and not counted; so are extracted
             quotations whose text matches no gold quotation of anyone (the gold lists some
             quotations, not all; --strict-quotes counts them as false positives).
  attributes do not decide a match; they are scored apart on matched facts. dates: a gold date
             matches an extracted date when one is a prefix of the other at a date-part boundary
             (gold 2016-07 = 2016-07 or 2016-07-12; 2016-07 != 2016-08); role (post title): folded
             equality or one containing the other as whole words (not right after vice-, sous-,
             co-, deputy, assistant); current: gold default true;
             amount: numerically equal; currency: equal. A missing extracted attribute is "missing",
             a different one a "mismatch"; both are listed.
  entities   (secondary table) a gold entity is found when an extracted organization, person,
             project, event or place matches it by name; "typed" when that entity also has the gold
             type (Hospital = ig:Hospital, Person = foaf:Person, Event = schema:Event...)."""


class BenchError(Exception):
    """A benchmark that cannot run as asked; ``exit_code`` says how main() ends."""

    def __init__(self, message: str, exit_code: int = 3) -> None:
        super().__init__(message)
        self.exit_code = exit_code


# -- folding and comparing ------------------------------------------------------------------------

_SPECIAL = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o",
                          "ł": "l", "Ł": "l", "đ": "d", "Đ": "d"})
_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def fold(text: object) -> str:
    """Text for comparison: no accents, lower case, punctuation runs as one space.

    >>> fold("  CCI de Rouen-Métropole ")
    'cci de rouen metropole'
    >>> fold("L’Œuvre « 4.0 »")
    'l oeuvre 4 0'
    """
    if text is None:
        return ""
    text = unicodedata.normalize("NFKD", str(text).translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _NON_ALNUM.sub(" ", text).strip()


_DETERMINERS = ("le", "la", "les", "l", "the")


def name_key(text: object) -> str:
    """A folded name without a leading article: "l'Université X" = "Université X" = "The université x".

    >>> name_key("La Métropole"), name_key("The Western Engineer"), name_key("Le")
    ('metropole', 'western engineer', 'le')
    """
    key = fold(text)
    first, _, rest = key.partition(" ")
    return rest if first in _DETERMINERS and rest else key


def names_match(gold_names: Iterable[str], extracted_names: Iterable[str]) -> bool:
    """True when one name (folded, leading article dropped) is on both sides."""
    left = {name_key(n) for n in gold_names} - {""}
    return bool(left & {name_key(n) for n in extracted_names})


def headline_match(gold: str, extracted_names: Iterable[str]) -> bool:
    """Folded equality, or one headline containing the other (at least 3 words)."""
    g = fold(gold)
    for name in extracted_names:
        e = fold(name)
        if not g or not e:
            continue
        if g == e:
            return True
        short, long_ = sorted((g, e), key=len)
        if len(short.split()) >= 3 and f" {short} " in f" {long_} ":
            return True
    return False


def iso_date(value: object) -> str | None:
    """A gold or extracted date as ISO text (dates, datetimes, 'YYYY-MM', 'YYYY')."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}T", text) else text


def dates_agree(gold: object, extracted: object) -> bool:
    """One date is the other, or a coarser form of it ('2016-07' and '2016-07-12').

    >>> dates_agree("2016-07", "2016-07-12"), dates_agree("2016-07", "2016-08"), dates_agree("2016", "2016-07")
    (True, False, True)
    """
    g, e = iso_date(gold), iso_date(extracted)
    if g is None or e is None:
        return False
    short, long_ = sorted((g, e), key=len)
    return long_ == short or (long_.startswith(short) and long_[len(short)] == "-")


_LESSER = ("vice", "sous", "co", "deputy", "assistant")


def role_agrees(gold: str, extracted: str | None) -> bool:
    """Folded equality, or one title containing the other as whole words (not after "vice"...).

    >>> role_agrees("directeur", "directeur de l'usine"), role_agrees("président", "vice-président")
    (True, False)
    """
    g, e = fold(gold), fold(extracted)
    if not g or not e:
        return False
    if g == e:
        return True
    short, long_ = sorted((g, e), key=len)
    padded = f" {long_} "
    at = padded.find(f" {short} ")
    while at >= 0:
        before = padded[:at].split()
        if not before or before[-1] not in _LESSER:
            return True
        at = padded.find(f" {short} ", at + 1)
    return False


def quote_overlap(gold: str, extracted: str) -> float:
    """Share of the gold quotation's words found in the extracted text, in runs of >= 3 words.

    >>> quote_overlap("C'est un grand jour", "« C’est un grand jour », dit-il")
    1.0
    >>> round(quote_overlap("nous sommes le premier employeur régional", "nous sommes le premier"), 2)
    0.67
    """
    g, e = fold(gold).split(), fold(extracted).split()
    if not g or not e:
        return 0.0
    least = min(QUOTE_MIN_RUN, len(g))
    blocks = difflib.SequenceMatcher(None, g, e, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks if b.size >= least) / len(g)


def quotes_match(gold: str, extracted: str | None) -> bool:
    return bool(extracted) and quote_overlap(gold, extracted) >= QUOTE_OVERLAP


# -- the gold file ---------------------------------------------------------------------------------

@dataclass
class GoldEntity:
    label: str
    type: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass
class GoldFact:
    kind: str
    subject: str | None
    object: str | None = None
    date: str | None = None
    role: str | None = None
    current: bool | None = None
    amount: Decimal | None = None
    currency: str | None = None
    quote: str | None = None
    core: bool = False
    index: int = 0

    def describe(self) -> str:
        bits = [f"{self.kind}: {self.subject}"]
        if self.object:
            bits.append(f"→ {self.object}")
        extra = [x for x in (self.role, "(former)" if self.current is False else None,
                             f"{_amount_text(self.amount)} {self.currency or ''}".strip() if self.amount is not None else None,
                             self.date) if x]
        if extra:
            bits.append("(" + ", ".join(extra) + ")")
        return " ".join(bits)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["amount"] = _amount_json(self.amount)
        return out


@dataclass
class Gold:
    path: Path
    documents: list[dict]
    entities: list[GoldEntity]
    facts: list[GoldFact]

    def entity(self, name: str | None) -> GoldEntity | None:
        """The gold entity `name` names: by label first, then by alias."""
        key = name_key(name)
        if not key:
            return None
        for entity in self.entities:
            if name_key(entity.label) == key:
                return entity
        for entity in self.entities:
            if any(name_key(a) == key for a in entity.aliases):
                return entity
        return None

    def names(self, name: str | None) -> tuple[str, ...]:
        entity = self.entity(name)
        return entity.names if entity else ((name,) if name else ())

    @property
    def files(self) -> list[str]:
        return [d["file"] for d in self.documents if isinstance(d, dict) and d.get("file")]


def load_gold(path: str | os.PathLike[str]) -> Gold:
    """Read a gold YAML file (the format of ``seeds.gold.yaml``)."""
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise BenchError(f"{path}: cannot read the gold file: {exc.strerror or exc}", 2) from None
    except yaml.YAMLError as exc:
        raise BenchError(f"{path}: not valid YAML: {exc}", 3) from None
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        raise BenchError(f"{path}: a gold file needs a 'facts' list (see seeds.gold.yaml)", 3)
    from innograph.queries.facts import FACT_KINDS, KIND_ALIASES

    entities = [
        GoldEntity(str(e["label"]), e.get("type"), tuple(str(a) for a in (e.get("aliases") or ())))
        for e in data.get("entities") or [] if isinstance(e, dict) and e.get("label")
    ]
    facts: list[GoldFact] = []
    for i, raw in enumerate(data["facts"]):
        if not isinstance(raw, dict) or "kind" not in raw:
            raise BenchError(f"{path}: fact #{i + 1} has no kind: {raw!r}", 3)
        kind = KIND_ALIASES.get(raw["kind"], raw["kind"])
        if kind not in FACT_KINDS:
            raise BenchError(f"{path}: fact #{i + 1}: unknown kind {raw['kind']!r}; use one of: "
                             + ", ".join(FACT_KINDS), 3)
        facts.append(GoldFact(
            kind=kind,
            subject=_str(raw.get("subject")),
            object=_str(raw.get("object")),
            date=iso_date(raw.get("date")),
            role=_str(raw.get("role")),
            current=raw.get("current") if isinstance(raw.get("current"), bool) else None,
            amount=_decimal(raw.get("amount")),
            currency=_str(raw.get("currency")),
            quote=_str(raw.get("quote")),
            core=bool(raw.get("core")),
            index=i,
        ))
    return Gold(path, list(data.get("documents") or []), entities, facts)


# -- predictions -----------------------------------------------------------------------------------

@dataclass
class Prediction:
    """Extracted facts that say the same thing (the same fact read in several articles)."""

    facts: list

    @property
    def fact(self):
        return self.facts[0]

    @property
    def kind(self) -> str:
        return self.fact.kind

    def describe(self) -> str:
        f = self.fact
        text = f"{f.kind}: {f.subject.display if f.subject else '?'}"
        if f.object is not None and f.kind != "quoted":
            text += f" → {f.object.display}"
        if f.detail:
            text += f" ({f.detail})"
        return text

    def to_dict(self) -> dict:
        return {"fact": self.fact.to_dict(), "also_in": [f.source_label or f.source for f in self.facts[1:]]}


def merge(facts: Sequence) -> list[Prediction]:
    """Group extracted facts that say the same thing (kind, subject, object; quoted: text)."""
    groups: dict[tuple, Prediction] = {}
    for f in facts:
        s = f.subject.iri if f.subject else ""
        o = f.object.iri if f.object else ""
        if f.kind == "partner_of":
            s, o = sorted((s, o))
        if f.kind == "quoted":
            o = fold(f.quote)
        key = (f.kind, s, o)
        if key in groups:
            groups[key].facts.append(f)
        else:
            groups[key] = Prediction([f])
    return list(groups.values())


def _entity_names(entity) -> tuple[str, ...]:
    return tuple(entity.names) if entity is not None else ()


def fact_matches(gold: Gold, g: GoldFact, p) -> bool:
    """Does extracted fact `p` (a queries.facts.Fact) say gold fact `g`? (RULES)"""
    if g.kind != p.kind:
        return False
    subject, obj = gold.names(g.subject), gold.names(g.object)
    ps, po = _entity_names(p.subject), _entity_names(p.object)
    if g.kind == "partner_of":
        return (names_match(subject, ps) and names_match(obj, po)) or (names_match(subject, po) and names_match(obj, ps))
    if not names_match(subject, ps):
        return False
    if g.kind == "quoted":
        return quotes_match(g.quote or "", p.quote)
    if g.object is None:
        return True
    if g.kind in ("author_of", "mentioned"):
        return names_match(obj, po) or headline_match(g.object, po)
    return names_match(obj, po)


# -- the report ------------------------------------------------------------------------------------

@dataclass
class Score:
    """Counts and rates for one kind (or overall)."""

    kind: str
    gold: int = 0
    predicted: int = 0
    found: int = 0  # gold facts matched by some prediction
    correct: int = 0  # predictions matching some gold fact

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"kind": self.kind, "gold": self.gold, "predicted": self.predicted, "found": self.found,
                "correct": self.correct, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class AttributeScore:
    name: str
    compared: int = 0
    correct: int = 0
    missing: list = field(default_factory=list)
    mismatches: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"attribute": self.name, "compared": self.compared, "correct": self.correct,
                "missing": self.missing, "mismatches": self.mismatches}


@dataclass
class EntityScore:
    gold: int = 0
    found: int = 0
    typed: int = 0
    extracted: int = 0
    matching: int = 0
    missed: list = field(default_factory=list)
    wrong_type: list = field(default_factory=list)
    extra: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matching / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    def to_dict(self) -> dict:
        return {"gold": self.gold, "found": self.found, "typed": self.typed, "extracted": self.extracted,
                "matching": self.matching, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "missed": self.missed, "wrong_type": self.wrong_type,
                "extra": self.extra}


@dataclass
class Report:
    gold_path: str
    kinds: dict[str, Score]
    overall: Score
    core_total: int
    core_found: int
    misses: list[GoldFact]
    false_positives: list[Prediction]
    uncounted_kinds: dict[str, int]
    unannotated_quotes: list[Prediction]
    attributes: dict[str, AttributeScore]
    entities: EntityScore | None = None
    matches: list[tuple[GoldFact, list[Prediction]]] = field(default_factory=list)
    loaded: dict = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    @property
    def core_recall(self) -> float:
        return self.core_found / self.core_total if self.core_total else 1.0

    def goals(self) -> list[tuple[str, float, float, bool]]:
        """(name, value, goal, passed) for each acceptance goal."""
        values = {"core_recall": self.core_recall, "recall": self.recall, "precision": self.precision}
        return [(name, values[name], goal, values[name] >= goal - 1e-12) for name, goal in GOALS.items()]

    @property
    def passed(self) -> bool:
        return all(ok for *_, ok in self.goals())

    def to_dict(self) -> dict:
        return {
            "gold": self.gold_path,
            "loaded": self.loaded,
            "overall": self.overall.to_dict(),
            "kinds": [s.to_dict() for s in self.kinds.values()],
            "core": {"total": self.core_total, "found": self.core_found, "recall": round(self.core_recall, 4)},
            "goals": [{"goal": n, "value": round(v, 4), "target": t, "passed": ok} for n, v, t, ok in self.goals()],
            "misses": [{**g.to_dict(), "description": g.describe()} for g in self.misses],
            "false_positives": [{**p.to_dict(), "description": p.describe()} for p in self.false_positives],
            "not_counted": {
                "kinds_absent_from_gold": self.uncounted_kinds,
                "quotations_not_in_gold": [{**p.to_dict(), "description": p.describe()}
                                           for p in self.unannotated_quotes],
            },
            "attributes": [a.to_dict() for a in self.attributes.values()],
            "entities": self.entities.to_dict() if self.entities else None,
        }

    def format(self, *, width: int = 100, lists: bool = True) -> str:
        """The report as text for a terminal (`lists`: every miss and false positive too)."""
        lines: list[str] = []
        add = lines.append
        loaded = self.loaded
        if loaded:
            add(f"{loaded.get('what', '')}")
        add(f"gold: {self.gold_path}")
        add("")
        add(f"{'kind':<16}{'gold':>6}{'pred':>6}{'found':>7}{'right':>7}{'P':>8}{'R':>8}{'F1':>8}")
        for s in [*self.kinds.values(), self.overall]:
            if s is self.overall:
                add("-" * 66)
            add(f"{s.kind:<16}{s.gold:>6}{s.predicted:>6}{s.found:>7}{s.correct:>7}"
                f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
        add("")
        add(f"core facts found: {self.core_found}/{self.core_total}")
        attrs = [f"{a.name} {a.correct}/{a.compared}" + (f" ({len(a.missing)} missing)" if a.missing else "")
                 for a in self.attributes.values() if a.compared or a.missing]
        if attrs:
            add("attributes of matched facts: " + ", ".join(attrs))
        if self.uncounted_kinds:
            add("not counted (kinds absent from the gold): "
                + ", ".join(f"{k} {n}" for k, n in self.uncounted_kinds.items()))
        if self.unannotated_quotes:
            add(f"not counted: {len(self.unannotated_quotes)} extracted quotation(s) match no gold quotation "
                "(--strict-quotes counts them)")
        add("goals: " + "; ".join(f"{n} {v:.3f} >= {t:.2f} {'PASS' if ok else 'FAIL'}"
                                  for n, v, t, ok in self.goals()))
        if self.entities:
            e = self.entities
            add(f"entities: {e.found}/{e.gold} gold entities found ({e.typed} with the right type); "
                f"{e.matching}/{e.extracted} extracted entities match the gold "
                f"(P {e.precision:.3f}, R {e.recall:.3f})")
        if not lists:
            return "\n".join(lines)
        if self.misses:
            add("")
            add(f"MISSES ({len(self.misses)} gold facts not found):")
            for g in self.misses:
                add(f"  {'[core] ' if g.core else ''}{g.describe()}")
                if g.quote:
                    add(f"      gold quote: {_clip(g.quote, width - 18)}")
        if self.false_positives:
            add("")
            add(f"FALSE POSITIVES ({len(self.false_positives)}):")
            for p in self.false_positives:
                add(f"  {p.describe()}")
                add(f"      evidence: {_clip(p.fact.evidence or '(none)', width - 16)}")
                add(f"      source: {_source(p.fact)}")
        mismatched = [(a.name, m) for a in self.attributes.values() for m in a.mismatches + a.missing]
        if mismatched:
            add("")
            add(f"ATTRIBUTE MISMATCHES ({len(mismatched)}):")
            for name, m in mismatched:
                add(f"  {name}: {m['fact']}: gold {m['gold']!r}, extracted {m['extracted']!r}")
        if self.unannotated_quotes:
            add("")
            add("QUOTATIONS NOT IN THE GOLD (not counted):")
            for p in self.unannotated_quotes:
                add(f"  {p.fact.subject.display if p.fact.subject else '?'}: « {_clip(p.fact.quote or '', width - 30)} »")
        if self.entities and (self.entities.missed or self.entities.wrong_type):
            add("")
            if self.entities.missed:
                add("entities missed: " + ", ".join(self.entities.missed))
            if self.entities.wrong_type:
                add("entities with another type: " + ", ".join(self.entities.wrong_type))
        if self.entities and self.entities.extra:
            add("entities not in the gold: " + ", ".join(self.entities.extra))
        return "\n".join(lines)


def score_facts(gold: Gold, facts: Sequence, entities: Sequence | None = None, *,
                strict_quotes: bool = False) -> Report:
    """Score extracted `facts` (``queries.facts.Fact``) and `entities` against `gold`."""
    from innograph.queries.facts import FACT_KINDS

    present = {g.kind for g in gold.facts}
    covered = [k for k in FACT_KINDS if k in present]
    predictions = merge(facts)
    kinds = {k: Score(k) for k in covered}
    uncounted: dict[str, int] = {}
    counted: list[Prediction] = []
    unannotated: list[Prediction] = []
    gold_quotes = [g.quote for g in gold.facts if g.kind == "quoted" and g.quote]
    for p in predictions:
        if p.kind not in kinds:
            uncounted[p.kind] = uncounted.get(p.kind, 0) + 1
        elif (p.kind == "quoted" and not strict_quotes
              and not any(_quotes_overlap(q, p.fact.quote or "") for q in gold_quotes)):
            unannotated.append(p)
        else:
            counted.append(p)
    matched_predictions: set[int] = set()
    matches: list[tuple[GoldFact, list[Prediction]]] = []
    misses: list[GoldFact] = []
    for g in gold.facts:
        kinds[g.kind].gold += 1
        found = [i for i, p in enumerate(counted) if any(fact_matches(gold, g, f) for f in p.facts)]
        if found:
            kinds[g.kind].found += 1
            matched_predictions.update(found)
            matches.append((g, [counted[i] for i in found]))
        else:
            misses.append(g)
    false_positives = []
    for i, p in enumerate(counted):
        kinds[p.kind].predicted += 1
        if i in matched_predictions:
            kinds[p.kind].correct += 1
        else:
            false_positives.append(p)
    overall = Score("overall")
    for s in kinds.values():
        overall.gold += s.gold
        overall.predicted += s.predicted
        overall.found += s.found
        overall.correct += s.correct
    core = [g for g in gold.facts if g.core]
    missed_ids = {id(g) for g in misses}
    return Report(
        gold_path=str(gold.path),
        kinds=kinds,
        overall=overall,
        core_total=len(core),
        core_found=sum(1 for g in core if id(g) not in missed_ids),
        misses=misses,
        false_positives=false_positives,
        uncounted_kinds=dict(sorted(uncounted.items())),
        unannotated_quotes=unannotated,
        attributes=_attributes(gold, matches),
        entities=score_entities(gold, entities) if entities is not None else None,
        matches=matches,
    )


def _quotes_overlap(a: str, b: str) -> bool:
    return bool(a and b) and max(quote_overlap(a, b), quote_overlap(b, a)) >= QUOTE_OVERLAP


def _attributes(gold: Gold, matches) -> dict[str, AttributeScore]:
    scores = {n: AttributeScore(n) for n in ("date", "role", "current", "amount", "currency")}
    for g, predictions in matches:
        variants = [f for p in predictions for f in p.facts if fact_matches(gold, g, f)]
        checks = {
            "date": (g.date, [f.date for f in variants], dates_agree),
            "role": (g.role, [f.role for f in variants], role_agrees),
            "current": ((True if g.current is None else g.current) if g.kind == "holds_post" else None,
                        [True if f.current is None else f.current for f in variants], lambda a, b: a == b),
            "amount": (g.amount, [f.amount for f in variants], lambda a, b: b is not None and Decimal(a) == Decimal(b)),
            "currency": (g.currency, [f.currency for f in variants], lambda a, b: (b or "").upper() == a.upper()),
        }
        for name, (expected, got, agree) in checks.items():
            if expected is None:
                continue
            score = scores[name]
            present = [v for v in got if v is not None]
            entry = {"fact": g.describe(), "gold": _plain(expected),
                     "extracted": [_plain(v) for v in dict.fromkeys(present)] or None}
            if not present:
                score.missing.append(entry)
                continue
            score.compared += 1
            if any(agree(expected, v) for v in present):
                score.correct += 1
            else:
                score.mismatches.append(entry)
    return scores


def score_entities(gold: Gold, entities: Sequence) -> EntityScore:
    """Gold entities found among the extracted ones (by name), with the right type or not."""
    result = EntityScore(gold=len(gold.entities), extracted=len(entities))
    matching: set[str] = set()
    for g in gold.entities:
        hits = [e for e in entities if names_match(g.names, e.names)]
        matching.update(e.iri for e in hits)
        if not hits:
            result.missed.append(f"{g.label} ({g.type})")
            continue
        result.found += 1
        if g.type is None or any(g.type in e.type_names for e in hits):
            result.typed += 1
        else:
            got = sorted({t for e in hits for t in e.type_names})
            result.wrong_type.append(f"{g.label} ({g.type}, extracted as {'/'.join(got) or 'untyped'})")
    result.matching = len(matching)
    result.extra = [e.display for e in entities if e.iri not in matching]
    return result


# -- scoring a loader run ----------------------------------------------------------------------------

def documents_dir(gold_path: Path) -> Path:
    """``<gold dir>/<gold name without .yaml and .gold>/``: seeds.gold.yaml → seeds/."""
    name = gold_path.name
    for suffix in (".yaml", ".yml"):
        name = name.removesuffix(suffix)
    name = name.removesuffix(".gold")
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


def require_loader() -> None:
    """Fail clearly while the document loader is not there yet."""
    from innograph import loaders
    from innograph.errors import UsageError

    try:
        loaders.get(LOADER)
    except UsageError:
        raise BenchError(
            f"the document loader ({LOADER!r}) is not available yet (loaders: {', '.join(loaders.names())}); "
            "score a store that already holds facts with --store DIR", 2) from None
    except ImportError as exc:
        raise BenchError(f"the document loader ({LOADER!r}) cannot be imported: {exc}", 2) from None


def load_documents(kg, paths: Sequence[Path]) -> dict:
    """Load `paths` with the document loader into `kg`; what was loaded, and how long it took."""
    from innograph.errors import InnographError
    from innograph.load import ingest

    require_loader()
    started = time.perf_counter()
    sources = 0
    for path in paths:
        try:
            sources += len(ingest(kg, path, kind=LOADER, force=True).sources)
        except InnographError as exc:
            raise BenchError(f"loading failed: {exc}", 3) from None
    seconds = time.perf_counter() - started
    return {"files": len(paths), "sources": sources, "seconds": round(seconds, 3),
            "what": f"loaded {len(paths)} file(s) → {sources} source(s) with the {LOADER!r} loader in {seconds:.2f} s"
                    " (models included)"}


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
        with KnowledgeGraph() as kg:
            loaded = load_documents(kg, paths)
            facts, entities = list_facts(kg), list_entities(kg)
    report = score_facts(gold, facts, entities, strict_quotes=strict_quotes)
    report.loaded = loaded
    return report


# -- throughput ------------------------------------------------------------------------------------

def _text_api():
    try:
        from innograph.loaders.nlp import pipeline
        from innograph.loaders.text import read_articles
    except ImportError as exc:
        raise BenchError(
            f"the document loader's API is not available yet ({exc}); throughput needs "
            "innograph.loaders.nlp.pipeline and innograph.loaders.text.read_articles", 2) from None
    return pipeline, read_articles


def collect_documents(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Document files under `paths` (files as given, directories walked), sorted."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*")
                            if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.startswith("."))
        elif path.is_file():
            found.append(path)
        else:
            raise BenchError(f"{path}: no such file or directory", 2)
    if not found:
        raise BenchError("no document to measure (.txt, .md, .html)", 2)
    return found


def throughput(paths: Sequence[str | os.PathLike[str]], *, articles: int = 200, repeat: int = 1,
               in_memory: bool = False, progress=None) -> dict:
    """Articles/s of our loader end to end, and of bare ``nlp.pipe`` over the same texts.

    The documents under `paths` are repeated (as distinct files) until there are at least
    `articles` articles, then loaded one file at a time with ``ingest`` into one store, as
    ``innograph load DIR`` does: on disk, or in memory with `in_memory`. Models are loaded
    (and every file warmed up once) before timing; the model load time is reported apart.
    """
    from innograph.load import ingest, ingest_many
    from innograph.graph.store import KnowledgeGraph

    say = progress or (lambda *_: None)
    pipeline, read_articles = _text_api()
    require_loader()
    files = collect_documents(paths)
    per_file = [(path, read_articles(path)) for path in files]
    per_set = sum(len(arts) for _, arts in per_file)
    if per_set == 0:
        raise BenchError("the documents hold no article", 3)
    copies = max(1, math.ceil(articles / per_set))
    total = per_set * copies
    texts: dict[str, list[str]] = {}
    for _, arts in per_file:
        for art in arts:
            texts.setdefault(art.language, []).append(art.text)
    words = [len(t.split()) for ts in texts.values() for t in ts]

    started = time.perf_counter()
    nlps = {lang: pipeline(lang) for lang in texts}
    model_seconds = time.perf_counter() - started
    names = ", ".join(f"{lang}: {nlp.meta.get('lang', lang)}_{nlp.meta.get('name', '?')}" for lang, nlp in nlps.items())
    say(f"models loaded in {model_seconds:.2f} s ({names})")

    work = Path(tempfile.mkdtemp(prefix="innograph-bench-extraction-"))
    try:
        batch: list[Path] = []
        for i in range(copies):
            for path in files:
                target = work / "docs" / f"{i:04d}" / path.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
                batch.append(target)
        # Warm-up (not timed): every file once through both paths.
        with KnowledgeGraph(work / "warm") as kg:
            for path in files:
                ingest(kg, path, kind=LOADER, force=True)
        for lang, ts in texts.items():
            for _ in nlps[lang].pipe(ts):
                pass
        ours, bare, parts = [], [], []
        for run in range(repeat):
            say(f"run {run + 1}/{repeat}: our loader, {total} articles ...")
            with KnowledgeGraph(None if in_memory else work / f"store-{run}") as kg, _Breakdown(kg) as split:
                t0 = time.perf_counter()
                # as `innograph load DIR` does: files read in batches, each stored as its own source
                for _ in ingest_many(kg, batch, kind=LOADER, force=True):
                    pass
                ours.append(time.perf_counter() - t0)
            parts.append(split.seconds)
            say(f"run {run + 1}/{repeat}: bare nlp.pipe, {total} articles ...")
            t0 = time.perf_counter()
            for lang, ts in texts.items():
                for _ in nlps[lang].pipe(ts * copies):
                    pass
            bare.append(time.perf_counter() - t0)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    best = ours.index(min(ours))
    ours_s, bare_s = ours[best], min(bare)
    ours_rate, bare_rate = total / ours_s, total / bare_s
    ratio = ours_rate / bare_rate
    result = {
        "files": [str(p) for p in files],
        "articles_per_set": per_set,
        "copies": copies,
        "articles": total,
        "languages": {lang: len(ts) for lang, ts in texts.items()},
        "words_per_article": round(sum(words) / len(words), 1),
        "model_load_seconds": round(model_seconds, 3),
        "ours": {"seconds": round(ours_s, 3), "articles_per_s": round(ours_rate, 2), "runs": [round(t, 3) for t in ours],
                 "of_which": {k: round(v, 3) for k, v in parts[best].items()}},
        "bare_nlp_pipe": {"seconds": round(bare_s, 3), "articles_per_s": round(bare_rate, 2),
                          "runs": [round(t, 3) for t in bare]},
        "ratio": round(ratio, 3),
        "cpus": os.cpu_count(),
        "store": "memory" if in_memory else "disk",
    }
    result["goals"] = [
        {"goal": "articles_per_s", "value": result["ours"]["articles_per_s"],
         "target": THROUGHPUT_GOALS["articles_per_s"], "passed": ours_rate >= THROUGHPUT_GOALS["articles_per_s"]},
        {"goal": "ratio", "value": result["ratio"], "target": THROUGHPUT_GOALS["ratio"],
         "passed": ratio >= THROUGHPUT_GOALS["ratio"]},
    ]
    return result


class _Breakdown:
    """Times the parts of ``ingest`` while it runs: the loader's gazetteer, its read, the store write.

    It wraps the functions ``ingest`` calls (by attribute, restored on exit); what it cannot find
    (an older ``ingest`` without a gazetteer) is simply not reported.
    """

    def __init__(self, kg) -> None:
        self.kg = kg
        self.seconds: dict[str, float] = {}
        self._undo: list = []

    def _wrap(self, owner, name: str, part: str) -> None:
        original = getattr(owner, name, None)
        if original is None:
            return
        seconds = self.seconds
        seconds.setdefault(part, 0.0)

        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                seconds[part] += time.perf_counter() - t0

        own = name in vars(owner)  # a module's function, not a method found on the class
        setattr(owner, name, timed)
        self._undo.append((owner, name, original, own))

    def __enter__(self):
        from innograph import loaders
        from innograph import load as ingest_module

        self._wrap(ingest_module, "loader_gazetteer", "gazetteer")
        self._wrap(loaders.get(LOADER), "read", "extraction (loader.read)")
        self._wrap(self.kg, "replace", "store write")
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, original, own in reversed(self._undo):
            if own:
                setattr(owner, name, original)
            else:
                delattr(owner, name)


def format_throughput(r: dict) -> str:
    lines = [
        f"{r['articles']} articles ({r['articles_per_set']} in {len(r['files'])} files × {r['copies']}), "
        f"{r['words_per_article']:.0f} words/article on average, languages {r['languages']}, {r['cpus']} CPUs, "
        f"store on {r['store']}",
        f"models loaded once in {r['model_load_seconds']:.2f} s (not timed below)",
        f"{'':<26}{'seconds':>10}{'articles/s':>12}",
        f"{'ours (loader, end to end)':<26}{r['ours']['seconds']:>10.2f}{r['ours']['articles_per_s']:>12.1f}",
        f"{'bare nlp.pipe':<26}{r['bare_nlp_pipe']['seconds']:>10.2f}{r['bare_nlp_pipe']['articles_per_s']:>12.1f}",
        f"ratio ours / bare: {r['ratio']:.2f}×",
    ]
    split = r["ours"].get("of_which") or {}
    if split:
        lines.insert(4, "  of which: " + ", ".join(f"{k} {v:.2f} s" for k, v in split.items())
                     + f", other {max(r['ours']['seconds'] - sum(split.values()), 0):.2f} s")
    lines.append("goals: " + "; ".join(
        f"{g['goal']} {g['value']} >= {g['target']} {'PASS' if g['passed'] else 'FAIL'}" for g in r["goals"]))
    if r["words_per_article"] < 400:
        lines.append(f"note: the goal is stated for ~600-word articles; these average {r['words_per_article']:.0f}")
    return "\n".join(lines)


# -- helpers ---------------------------------------------------------------------------------------

def _str(value) -> str | None:
    return None if value is None else str(value)


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value).replace(" ", "").replace("\u202f", "").replace("\xa0", ""))
    except InvalidOperation:
        return None


def _amount_text(amount: Decimal) -> str:
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,}"


def _amount_json(amount: Decimal | None):
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _plain(value):
    return _amount_json(value) if isinstance(value, Decimal) else value


def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: max(width, 20) - 1] + "…"


def _source(fact) -> str:
    label = fact.source_label or fact.source or "?"
    return f"{label} / {_clip(fact.headline, 60)}" if fact.headline else label


# -- command line ----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
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
  python bench/extraction.py --throughput --articles 200      # seeds + tests/data/documents
  python bench/extraction.py --throughput my/articles/ --articles 500 --repeat 3

goals: core recall = 1.0, recall >= 0.8, precision >= 0.9; throughput >= 15 articles/s
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
    t = ap.add_argument_group("throughput")
    t.add_argument("--throughput", nargs="*", type=Path, metavar="PATH",
                   help="measure throughput on these documents or directories (none given: the gold's "
                        "documents and tests/data/documents/)")
    t.add_argument("--articles", type=int, default=200, metavar="N",
                   help="repeat the documents to reach at least N articles (default 200)")
    t.add_argument("--repeat", type=int, default=1, metavar="N", help="best of N timed runs (default 1)")
    t.add_argument("--in-memory", action="store_true",
                   help="load into an in-memory store (default: on disk, like `innograph load`)")
    args = ap.parse_args(argv)
    if args.articles < 1 or args.repeat < 1:
        ap.error("--articles and --repeat must be at least 1")
    err = lambda *a: print(*a, file=sys.stderr, flush=True)
    try:
        if args.throughput is not None:
            paths = args.throughput or [documents_dir(args.gold), DEFAULT_TEST_DOCUMENTS]
            paths = [p for p in paths if p.exists()] or paths
            result = throughput(paths, articles=args.articles, repeat=args.repeat, in_memory=args.in_memory,
                                progress=err)
            print(format_throughput(result))
            _write_json(args.json, result)
            return 0 if all(g["passed"] for g in result["goals"]) else 1
        report = score(args.gold, args.docs, store=args.store, strict_quotes=args.strict_quotes)
    except BenchError as exc:
        err(f"error: {exc}")
        return exc.exit_code
    print(report.format(lists=not args.quiet))
    _write_json(args.json, report.to_dict())
    return 0 if report.passed else 1


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
