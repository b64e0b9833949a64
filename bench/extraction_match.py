"""The extraction scorer's ground: folding and comparing names, dates, roles and quotations, and
reading a gold file (the format of ``shared/corpus/seeds.gold.yaml``).

Part of the extraction benchmark (``bench/extraction.py`` is the entry point and re-exports all).
"""

from __future__ import annotations

import datetime as _dt
import difflib
import os
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
#: The example corpus's gold, shipped beside it (a copy of shared/corpus/seeds.gold.yaml, kept equal by a test).
DEFAULT_GOLD = REPO_ROOT / "innograph" / "examples" / "seeds.gold.yaml"
DEFAULT_TEST_DOCUMENTS = REPO_ROOT / "tests" / "data" / "documents"
DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm")
LOADER = "documents"

#: Acceptance goals (issue: "every core fact; >= 80 % of all gold facts; precision >= 0.9").
GOALS = {"core_recall": 1.0, "recall": 0.8, "precision": 0.9}
#: Throughput goals (issue 10): articles/s of ~600 words on a 2-core machine, and ours / bare nlp.pipe.
THROUGHPUT_GOALS = {"articles_per_s": 10.0, "ratio": 0.8}

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


@lru_cache(maxsize=65536)
def _name_key(text: str) -> str:
    key = fold(text)
    first, _, rest = key.partition(" ")
    return rest if first in _DETERMINERS and rest else key


def name_key(text: object) -> str:
    """A folded name without a leading article: "l'Université X" = "Université X" = "The université x".

    >>> name_key("La Métropole"), name_key("The Western Engineer"), name_key("Le")
    ('metropole', 'western engineer', 'le')
    """
    return _name_key(text) if isinstance(text, str) else _name_key(str(text) if text is not None else "")


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
        return self._index().get(key) if key else None

    def _index(self) -> dict[str, GoldEntity]:
        """Folded name → entity, labels winning over aliases (the first entity wins a tie)."""
        if getattr(self, "_by_key", None) is None:
            index: dict[str, GoldEntity] = {}
            for entity in reversed(self.entities):
                for alias in entity.aliases:
                    index[name_key(alias)] = entity
            for entity in reversed(self.entities):
                index[name_key(entity.label)] = entity
            self._by_key = index
        return self._by_key

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
