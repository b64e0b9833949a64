"""The relation model's weights and scores (:mod:`.relmodel`): one logistic regression per
relation over the candidates' features (:mod:`.relcandidates`), its threshold, and which pairs it
never scores (those the rules state, and names made only of describing words).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from innograph.graph.normalize import fold_same_length
from innograph.loaders.relcandidates import CROSS_RELATIONS, Candidate, candidates, related_pairs

WEIGHTS = Path(__file__).with_name("relmodel.npz")

_WORD = re.compile(r"\w+(?:['’]\w+)?", re.UNICODE)


@dataclass
class Model:
    vocab: dict[str, int]
    weights: dict[str, object]  # relation → numpy vector (len(vocab) + 1, the last is the bias)
    thresholds: dict[str, float]
    dense: dict[str, object] = field(default_factory=dict)  # relation → weights of the word-vector columns
    blocks: tuple = ()  # the feature groups read as vectors (:mod:`.relvectors`)
    scale: float = 1.0  # their scale

    def score(self, relation: str, features: list[str], vocab=None) -> float:
        """The probability of `relation` for a candidate with these sparse `features`; with a
        relation that reads word vectors, `vocab` (the pipeline's ``Vocab``) gives them."""
        import math

        w = self.weights.get(relation)
        if w is None:
            return 0.0
        idx = [self.vocab[f] for f in set(features) if f in self.vocab]
        z = float(w[idx].sum()) + float(w[-1]) if idx else float(w[-1])
        d = self.dense.get(relation)
        if d is not None and vocab is not None:
            from innograph.loaders.relvectors import dense

            z += float(d @ dense(features, vocab, self.blocks, self.scale))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@lru_cache(maxsize=4)
def load_model(lang: str, path: str | None = None) -> Model | None:
    """The weights for `lang` (None when the package ships none for it), from `path`, else the file
    ``INNOGRAPH_RELMODEL`` names (to score weights trained without a part), else the shipped file."""
    import numpy as np

    from innograph.loaders.relvectors import decode_blocks

    path = Path(path or os.environ.get("INNOGRAPH_RELMODEL") or WEIGHTS)
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        if f"{lang}.vocab" not in data.files:
            return None
        vocab = {f: i for i, f in enumerate(str(data[f"{lang}.vocab"]).split("\n"))}

        def arrays(tag):
            return {k.split(".", 2)[2]: data[k] for k in data.files if k.startswith(f"{lang}.{tag}.")}

        weights = {k: v.astype("float32") for k, v in arrays("w").items()}
        thresholds = {k: float(v) for k, v in arrays("t").items()}
        dense = {k: v.astype("float32") for k, v in arrays("d").items()}
        blocks = decode_blocks(str(data[f"{lang}.blocks"])) if f"{lang}.blocks" in data.files else ()
        scale = float(data[f"{lang}.scale"]) if f"{lang}.scale" in data.files else 1.0
    return Model(vocab, weights, thresholds, dense, blocks, scale)


def _named_pairs(relations) -> set[tuple[int, str]]:
    """(subject id, name key of the object) of every pair the rules related: a country and its
    government or side are often two entities of one name, and a post the rules gave one of them
    is not the model's to add again with the other."""
    from innograph.loaders.mentions import country_key

    return {(id(r.subject), country_key(n)) for r in relations if r.object is not None for n in r.object.names()}


def stated(c: Candidate, related, ceo_related, named, lang: str) -> bool:
    """Whether the rules already state the candidate's pair (by entity; in French also by the
    object's name, see :func:`_named_pairs`): the model never scores it."""
    # Not sidepairs._placed (no side pair, trained or scored, for a person posted elsewhere): this pair, by any relation.
    if (id(c.subject.entity), id(c.object.entity)) in (ceo_related if c.relation == "ceo" else related):
        return True
    if lang != "fr":
        return False
    from innograph.loaders.mentions import country_key

    return any((id(c.subject.entity), country_key(n)) in named for n in c.object.entity.names())


@lru_cache(maxsize=1)
def _generic_words() -> frozenset:
    """Words that describe rather than name: titles, organization nouns, cue words, stopwords."""
    from innograph.loaders import lexicon as lx

    words = set(lx.STOPWORDS) | set(lx.ORG_NOUNS) | set(lx.ORG_DESCRIPTIONS) | set(lx.TITLE_HEADS)
    words |= set(lx.FOUNDER_HEADS) | set(lx.MEMBER_NOUNS) | set(lx.SEAT_NOUNS)
    for phrase in (*lx.TITLES, *lx.NAME_CUES):
        words.update(phrase.split())
    words |= {"board", "boards", "directors", "holdings", "corporation", "council", "committee"}
    return frozenset(words)


def generic(entity) -> bool:
    """A name made only of describing words ("Executive", "Board of Directors", "Holdings"), or
    ending with a title word in the singular ("Data Quality Specialist", "Project Executive"; not
    a firm's plural "Pellow Consultants"): the entity step cut a name, or took a title for one;
    the model states nothing about it."""
    generic_words = _generic_words()
    heads = _title_heads()
    for name in entity.names():
        words = _WORD.findall(fold_same_length(name))
        if not words or (any(w not in generic_words for w in words) and words[-1] not in heads):
            return False
    return True


@lru_cache(maxsize=1)
def _title_heads() -> frozenset:
    """Singular title words ("specialist", "executive"): a name ending with one is a title."""
    from innograph.loaders import lexicon as lx

    return frozenset(h for h in lx.TITLE_HEADS if not h.endswith("s"))


def scored(ents, docs, sentences, relations, model, lang: str) -> dict:
    """The model's best candidate per (subject, object, relation) above its threshold, for the
    pairs the rules left (a chief executive's post also where the rules read another post)."""
    related, ceo_related = related_pairs(relations)
    named = _named_pairs(relations)
    vocab = docs[0][1].vocab if docs and model.dense else None  # (the word vectors, when the model reads them)
    best: dict[tuple[int, int, str], tuple[float, Candidate]] = {}
    for c in candidates(ents, docs, sentences, lang, model.weights, rules=relations):  # (only the relations shipped)
        pair = (id(c.subject.entity), id(c.object.entity))
        if stated(c, related, ceo_related, named, lang):
            continue
        p = model.score(c.relation, c.features, vocab)
        if p < model.thresholds.get(c.relation, 0.5) or generic(c.subject.entity) or generic(c.object.entity):
            continue
        key = (*pair, c.relation)
        if key not in best or p > best[key][0]:
            best[key] = (p, c)
    top: dict[tuple[int, str], float] = {}  # a person's best side across sentences: one post per person
    for (s, _, relation), (p, _) in best.items():
        if relation in CROSS_RELATIONS:
            top[(s, relation)] = max(p, top.get((s, relation), 0.0))
    return {k: v for k, v in best.items() if k[2] not in CROSS_RELATIONS or v[0] >= top[(k[0], k[2])]}
