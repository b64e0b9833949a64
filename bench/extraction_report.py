"""The extraction scorer's arithmetic: merging extracted facts, matching them to gold facts, and the
report (per-kind precision/recall/F1, misses, false positives, attributes, entities).

Part of the extraction benchmark (``bench/extraction.py`` is the entry point and re-exports all).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from extraction_match import *  # noqa: F403
from extraction_match import _plain  # noqa: F401


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
        add(format_scores({**self.kinds, "overall": self.overall}))
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


def combined(reports: Sequence[Report]) -> dict[str, Score]:
    """Per-kind scores of reports on disjoint article sets, counts summed ("overall" last)."""
    total: dict[str, Score] = {}
    for report in reports:
        for s in [*report.kinds.values(), report.overall]:
            t = total.setdefault(s.kind, Score(s.kind))
            t.gold, t.predicted, t.found, t.correct = (t.gold + s.gold, t.predicted + s.predicted,
                                                       t.found + s.found, t.correct + s.correct)
    total["overall"] = total.pop("overall", Score("overall"))
    return total


def format_scores(scores: dict[str, Score]) -> str:
    """The per-kind table of a report: `scores` by kind, "overall" last (below a rule)."""
    lines = [f"{'kind':<16}{'gold':>6}{'pred':>6}{'found':>7}{'right':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for s in scores.values():
        if s.kind == "overall":
            lines.append("-" * 66)
        lines.append(f"{s.kind:<16}{s.gold:>6}{s.predicted:>6}{s.found:>7}{s.correct:>7}"
                     f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
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

def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: max(width, 20) - 1] + "…"


def _source(fact) -> str:
    label = fact.source_label or fact.source or "?"
    return f"{label} / {_clip(fact.headline, 60)}" if fact.headline else label


# -- command line ----------------------------------------------------------------------------------
