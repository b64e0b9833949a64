"""A trained relation classifier for pairs of entities named in one sentence.

The rules (:mod:`.relations`) read what they were written for; this model reads the pairs they
leave: a person and an organization in one sentence with no post read between them, an
organization and a place with no seat read, and so on. Each candidate (entity, entity, sentence)
is described by sparse features — the entity kinds and their order, the dependency path between
the two names (labels and words on it), the words between them and around them, title words,
how many other names stand between (:mod:`.relfeatures`), whether the rules already gave the
person a post, and for French the article around the pair (a sports report, the headline's names,
the posts the rules read, a teammate they placed) — and scored by one logistic regression per
relation, its weights shipped with the
package (``relmodel.npz``, trained by ``bench/train_relations.py`` on KnowledgeNet folds 1–2 for
English and on the annotated French press train part; numpy only at run time, nothing downloaded).

Relations and the facts they give (subject → object, as the loader writes them):

========  ======================  ==========================================
relation  pair                    fact
========  ======================  ==========================================
post      person → organization   holds_post (title read nearby when there)
govpost   person → place          holds_post of a country or city, only with a title word
                                  near ("le ministre ghanéen de la Santé, X"); the place
                                  is then an actor: a public authority of that name
placepost person → place          holds_post of a place named as a side, with or without a
                                  title ("X a marqué le but du Sénégal"; a club named after
                                  its town); the place is then an actor, as for govpost
ceo       person → organization   holds_post with a chief-executive title
founder   organization → person   created_by (founded_by)
seat      organization → place    located_in
member    organization → organization   member_of
========  ======================  ==========================================

The model only adds: a pair the rules already related (either direction, any kind) is left to
the rules. ``INNOGRAPH_RELATIONS=rules`` turns the model off, ``=model`` keeps only the model's
facts for the kinds above (to measure what each adds); the default is both.
``INNOGRAPH_RELMODEL`` names another weights file (one trained with a part held out, to score it).
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from innograph.loaders.nlp import text_length
from innograph.loaders.relfeatures import (  # noqa: F401
    ARTICLE_LANGUAGES, _lemma, article_context, article_features, context_features, dep_path,
    pair_features)
from innograph.loaders.sportwords import SPORT_WORDS

WEIGHTS = Path(__file__).with_name("relmodel.npz")

#: relation → (subject kind, object kind, fact kind)
RELATIONS: dict[str, tuple[str, str, str]] = {
    "post": ("person", "organization", "holds_post"),
    "govpost": ("person", "place", "holds_post"),
    "placepost": ("person", "place", "holds_post"),
    "ceo": ("person", "organization", "holds_post"),
    "founder": ("organization", "person", "created_by"),
    "seat": ("organization", "place", "located_in"),
    "member": ("organization", "organization", "member_of"),
    "sidepost": ("person", "organization", "holds_post"),
    "titlepost": ("person", "organization", "holds_post"),
}
#: Relations of a person and a side named in other sentences (:mod:`.sidepairs`, French only).
CROSS_RELATIONS = frozenset(("sidepost", "titlepost"))
#: Fact kinds the model can state (``INNOGRAPH_RELATIONS=model`` drops the rules' facts of these).
MODEL_KINDS = frozenset(k for *_, k in RELATIONS.values())
#: Longest sentence (characters) and most names per sentence the model looks at.
MAX_SENTENCE = 600
MAX_MENTIONS = 12
CEO_TITLE = {"en": "CEO", "fr": "directeur général"}
#: A chief executive's post is only proposed when the sentence names one (folded words).
CEO_WORDS = re.compile(r"\b(?:ceo|chief executive officer|chief executive|managing director|pdg|president[ -]directeur general|"
                       r"directeur general|directrice generale|administrateur delegue|administratrice deleguee)\b")

#: A founder is only proposed when the sentence has a founding word (folded word starts; every
#: founder of KnowledgeNet folds 1–2 has one, and a chief executive's sentence then is no founding).
FOUNDING_WORDS = re.compile(r"\b(?:co-?found|found|establish|set up|sets up|creat|start|launch|form|incorporat|"
                            r"cofond|co-fond|fond|cree|crea|lanc|mis sur pied|mise sur pied)")

_WORD = re.compile(r"\w+(?:['’]\w+)?", re.UNICODE)


def mode() -> str:
    value = os.environ.get("INNOGRAPH_RELATIONS", "both").strip().lower()
    return value if value in ("rules", "model", "both") else "both"


# -- features ---------------------------------------------------------------------------------------

def _bounds(docs) -> list[tuple[int, int, object]]:
    """(start, end, doc) of each parsed paragraph, in text order."""
    return [(offset, offset + text_length(doc), doc) for offset, doc in docs]


def _span(bounds, start: int, end: int):
    """The tokens of text[start:end] in its paragraph's parse (None outside every paragraph)."""
    i = bisect.bisect_right(bounds, start, key=lambda b: b[0]) - 1
    if i < 0 or start >= bounds[i][1]:
        return None
    offset, stop, doc = bounds[i]
    return doc.char_span(start - offset, min(end, stop) - offset, alignment_mode="expand")


# -- candidates ---------------------------------------------------------------------------------------

@dataclass
class Candidate:
    subject: object  # mentions.Mention
    object: object
    relation: str
    features: list[str]
    sentence: object  # relations.Sentence
    title: str | None


@lru_cache(maxsize=1)
def _title_re():
    try:
        from innograph.loaders import lexicon as lx
        from innograph.loaders.cues import _cues
    except ImportError:
        return None
    return _cues(lx.TITLES)


def _title_near(folded: str, text: str, start: int, end: int) -> str | None:
    """The longest title word found in text[start:end] (folded for the search, original returned)."""
    pattern = _title_re()
    if pattern is None or start >= end:
        return None
    found = [m for m in pattern.finditer(folded, start, end)]
    if not found:
        return None
    best = max(found, key=lambda m: m.end() - m.start())
    return text[best.start():best.end()]


def _joined(text: str, sentences, mentions) -> list:
    """The sentences, one joined to the next when a name runs across their boundary ("Yahoo!
    Inc." ends a sentence for the punctuation rule)."""
    from innograph.loaders.text import Sentence

    inside = {p: m.end for m in mentions for p in range(m.start + 1, m.end)}  # positions within a name
    out = []
    for sentence in sentences:
        last = out[-1] if out else None
        if last is not None and inside.get(last.end, sentence.end + 1) <= sentence.end:
            out[-1] = Sentence(last.start, sentence.end, text[last.start:sentence.end], last.subject_pos)
        else:
            out.append(sentence)
    return out


def _kind(mention, span) -> str:
    """The mention's kind for the model, where the parse contradicts the tagger: what
    :func:`.retype.context_kind` says of the name where it stands (the rules' detection reads names
    with the same function, and has already retyped a name article-wide where one mention said
    so; the model reads each mention apart). Names typed place keep their kind here: read with
    the same function, they cost seat precision on KnowledgeNet fold 1 (0.646 → 0.579). And a name
    typed organization where a seat's place stands is a place (:func:`_seat_place`). The fact
    written then retypes the entity."""
    kind = mention.entity.kind
    if span is None or kind == "place":
        return kind
    if kind == "organization" and _seat_place(span):
        return "place"
    from innograph.loaders.retype import context_kind

    return context_kind(kind, mention.entity.label, span)


#: English prepositions that put an organization at a place ("based in P", "located at P").
_SEAT_CASES = frozenset(("in", "at"))


def _seat_place(span) -> bool:
    """The name stands where a seat's place stands: the object of "based / headquartered /
    located in / at", or a name coordinated with or set in apposition to that object ("based in
    Tarnford, WX", "located in Tarnford and Dunmere"; the tagger often calls such a town an
    organization). On KnowledgeNet folds 1–2 (cross-read), HEADQUARTERS found 60 → 63 and 73 → 76."""
    from innograph.loaders import lexicon as lx

    token = span.root
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ not in _SEAT_CASES:
        return False
    return _fold(token.head.head.text) in lx.BASED_WORDS


def _views(ents, docs, joined) -> list:
    """(sentence, mentions, spans, kinds) of every sentence the model reads (`joined`: the sentences
    of :func:`_joined`; longer sentences are skipped), mentions of persons, organizations and places
    only, at most :data:`MAX_MENTIONS`."""
    bounds = _bounds(docs)
    out = []
    for sentence in joined:
        if sentence.end - sentence.start > MAX_SENTENCE:
            continue
        mentions = [m for m in ents.within(sentence.start, sentence.end)
                    if m.entity.kind in ("person", "organization", "place")][:MAX_MENTIONS]
        spans = {id(m): _span(bounds, m.start, m.end) for m in mentions}
        out.append((sentence, mentions, spans, {id(m): _kind(m, spans[id(m)]) for m in mentions}))
    return out


def _article(ents, views, folded: str, lang: str, rules):
    """The article-level context of :func:`.relfeatures.article_features` (None without the rules'
    relations or for a language whose model does not read it)."""
    if rules is None or lang not in ARTICLE_LANGUAGES:
        return None
    related, _ = _related(rules)
    text = ents.text
    headline_end = text.find("\n") if "\n" in text else len(text)
    ctx = article_context(folded.lower(), ents.mentions, rules, related, headline_end)
    for _, mentions, _, _ in views:
        ids = {id(m.entity) for m in mentions}
        for a in ids:
            for b in ids:
                if a < b:
                    ctx.pairs[frozenset((a, b))] = ctx.pairs.get(frozenset((a, b)), 0) + 1
    return ctx


def candidates(ents, docs, sentences, lang: str, relations=None, posted=frozenset(), rules=None) -> list[Candidate]:
    """Every ordered (subject, object) pair of mentions in one sentence whose kinds a relation takes
    (of `relations`, default all of :data:`RELATIONS`). `posted`: the ids of the persons the
    rules gave a post (a feature of their post and chief-executive candidates); `rules`: the
    rules' relations (then `posted` is read from them, and the article's context is a feature)."""
    wanted = {r: RELATIONS[r] for r in (RELATIONS if relations is None else relations) if r in RELATIONS}
    if not wanted:
        return []
    from innograph.graph.normalize import fold_same_length

    text = ents.text
    folded = getattr(ents, "folded", None) or fold_same_length(text)
    posted = posted_persons(rules) if rules is not None else posted
    out: list[Candidate] = []
    first_of_kind: dict[int, int] = {}
    seen_kinds: set[str] = set()
    for m in sorted(ents.mentions, key=lambda m: m.start):
        if m.entity.kind not in seen_kinds:
            seen_kinds.add(m.entity.kind)
            first_of_kind[id(m.entity)] = 1
    joined = _joined(text, sentences, ents.mentions)
    views = _views(ents, docs, joined)
    article = _article(ents, views, folded, lang, rules)
    for sentence, mentions, spans, kinds in views:
        lowered = folded[sentence.start:sentence.end].lower()
        cues = {"ceo": CEO_WORDS.search(lowered), "founder": FOUNDING_WORDS.search(lowered)}
        sport = len(SPORT_WORDS.findall(lowered)) if article is not None else 0
        for i, first in enumerate(mentions):
            for second in mentions[i + 1:]:
                k1, k2 = kinds[id(first)], kinds[id(second)]
                if first.entity is second.entity or not any({ks, ko} == {k1, k2} for ks, ko, _ in wanted.values()):
                    continue
                between = sum(1 for m in mentions if first.end <= m.start and m.end <= second.start)
                window_start = max(sentence.start, first.start - 60)
                title = _title_near(folded, text, first.end, second.start) or \
                    _title_near(folded, text, window_start, first.start)
                feats = None
                for relation, (ks, ko, _) in wanted.items():
                    if relation in CROSS_RELATIONS:
                        continue
                    for s, o in ((first, second), (second, first)):
                        if kinds[id(s)] != ks or kinds[id(o)] != ko or not cues.get(relation, True) or \
                                (relation == "govpost" and not title):
                            continue
                        if feats is None:  # (once per pair, and only for a pair some relation takes)
                            feats = pair_features(lang, text, first, second, between, spans[id(first)],
                                                  spans[id(second)], title,
                                                  (kinds[id(first)], kinds[id(second)])) + \
                                context_features(lang, first, second, mentions, spans[id(first)],
                                                 spans[id(second)], first_of_kind)
                        order = "so" if s is first else "os"
                        rel_feats = [f"{x}|{order}" for x in feats] + [f"order={order}"]
                        if ks == "person" and id(s.entity) in posted:
                            rel_feats.append(f"{lang}|posted")  # a second post for a person the rules placed
                        rel_feats += article_features(lang, article, s, o, mentions, sport)
                        out.append(Candidate(s, o, relation, rel_feats, sentence, title))
    if article is not None and CROSS_RELATIONS & set(wanted):
        from innograph.loaders.sidepairs import side_candidates

        headline_end = text.find("\n") if "\n" in text else len(text)
        out += [Candidate(*c) for c in side_candidates(ents, joined, folded, headline_end, rules, article, set(wanted),
                                                       lambda start, end: _title_near(folded, text, start, end))]
    return out


# -- the model ----------------------------------------------------------------------------------------

@dataclass
class Model:
    vocab: dict[str, int]
    weights: dict[str, object]  # relation → numpy vector (len(vocab) + 1, the last is the bias)
    thresholds: dict[str, float]

    def score(self, relation: str, features: list[str]) -> float:
        import math

        w = self.weights.get(relation)
        if w is None:
            return 0.0
        idx = [self.vocab[f] for f in set(features) if f in self.vocab]
        z = float(w[idx].sum()) + float(w[-1]) if idx else float(w[-1])
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@lru_cache(maxsize=4)
def load_model(lang: str, path: str | None = None) -> Model | None:
    """The weights for `lang` (None when the package ships none for it), from `path`, else the file
    ``INNOGRAPH_RELMODEL`` names (to score weights trained without a part), else the shipped file."""
    import numpy as np

    path = Path(path or os.environ.get("INNOGRAPH_RELMODEL") or WEIGHTS)
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        if f"{lang}.vocab" not in data.files:
            return None
        vocab = {f: i for i, f in enumerate(str(data[f"{lang}.vocab"]).split("\n"))}
        weights = {k.split(".", 2)[2]: data[k].astype("float32") for k in data.files if k.startswith(f"{lang}.w.")}
        thresholds = {k.split(".", 2)[2]: float(data[k]) for k in data.files if k.startswith(f"{lang}.t.")}
    return Model(vocab, weights, thresholds)


def _related(relations) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """The pairs the rules related (both directions), and those they gave a chief executive's post."""
    pairs, ceo = set(), set()
    for r in relations:
        if r.object is not None:
            pairs.add((id(r.subject), id(r.object)))
            pairs.add((id(r.object), id(r.subject)))
            if r.kind == "holds_post" and CEO_WORDS.search(_fold(r.attrs.get("title") or "")):
                ceo.add((id(r.subject), id(r.object)))
    return pairs, ceo


def _named_pairs(relations) -> set[tuple[int, str]]:
    """(subject id, name key of the object) of every pair the rules related: a country and its
    government or side are often two entities of one name, and a post the rules gave one of them
    is not the model's to add again with the other."""
    from innograph.loaders.mentions import country_key

    return {(id(r.subject), country_key(n)) for r in relations if r.object is not None for n in r.object.names()}


def stated(c: Candidate, related, ceo_related, named, lang: str) -> bool:
    """Whether the rules already state the candidate's pair (by entity; in French also by the
    object's name, see :func:`_named_pairs`): the model never scores it."""
    if (id(c.subject.entity), id(c.object.entity)) in (ceo_related if c.relation == "ceo" else related):
        return True
    if lang != "fr":
        return False
    from innograph.loaders.mentions import country_key

    return any((id(c.subject.entity), country_key(n)) in named for n in c.object.entity.names())


def posted_persons(relations) -> frozenset:
    """The ids of the persons the rules gave a post."""
    return frozenset(id(r.subject) for r in relations if r.kind == "holds_post" and r.object is not None)


posted = posted_persons  # (the name the callers of session 11 use)


def _fold(text: str) -> str:
    from innograph.graph.normalize import fold_same_length

    return fold_same_length(text).lower()


def _ceo_title(c: Candidate, lang: str) -> str:
    """The chief executive's title as the sentence writes it ("Chief Executive Officer")."""
    found = CEO_WORDS.search(_fold(c.sentence.text))
    if found is None:
        return CEO_TITLE.get(lang, "CEO")
    return c.sentence.text[found.start():found.end()]


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
        words = _WORD.findall(_fold(name))
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
    related, ceo_related = _related(relations)
    named = _named_pairs(relations)
    best: dict[tuple[int, int, str], tuple[float, Candidate]] = {}
    for c in candidates(ents, docs, sentences, lang, model.weights, rules=relations):  # (only the relations shipped)
        pair = (id(c.subject.entity), id(c.object.entity))
        if stated(c, related, ceo_related, named, lang):
            continue
        p = model.score(c.relation, c.features)
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


#: Relations whose place object is written as an actor (the place is not retyped before).
_PLACE_POSTS = frozenset(("govpost", "placepost", *CROSS_RELATIONS))


def propose(ents, docs, sentences, relations, *, lang: str) -> list:
    """The rules' relations plus the model's (see the module doc for ``INNOGRAPH_RELATIONS``)."""
    which = mode()
    if which == "rules":
        return relations
    model = load_model(lang)
    if model is None:
        return relations
    from innograph.loaders.relations import Relation

    kept = [r for r in relations if not (which == "model" and r.kind in MODEL_KINDS)]
    best = scored(ents, docs, sentences, kept, model, lang)
    out = list(kept)
    in_rules = {id(e) for r in kept for e in (r.subject, r.object)}
    for (s, o, relation), (p, c) in best.items():
        kind = RELATIONS[relation][2]
        retyped = [(m.entity, k) for m, k in zip((c.subject, c.object), RELATIONS[relation][:2])
                   if m.entity.kind != k and relation not in _PLACE_POSTS]
        if any(id(e) in in_rules for e, _ in retyped):
            continue  # the rules read it as it was typed
        for entity, k in retyped:
            entity.kind = k
            if k != "organization":
                entity.org_kind = None
        attrs: dict = {"score": round(p, 3)}
        if relation == "ceo":
            attrs["title"] = _ceo_title(c, lang)
        elif kind == "holds_post":
            if relation == "post" and (s, o, "ceo") in best and CEO_WORDS.search(_fold(c.title or "")):
                continue  # the same post as the chief executive's
            attrs["title"] = c.title
        if relation == "govpost":  # the country or city acts: it is written as a public authority
            c.object.entity.kind, c.object.entity.org_kind = "organization", "PublicAuthority"
        elif relation == "placepost":  # a side or club named by its place: an organization
            if (s, o, "govpost") in best:
                continue  # the same post, read with its title
            c.object.entity.kind = "organization"
        elif relation in CROSS_RELATIONS and c.object.entity.kind == "place":  # a side named by its place
            c.object.entity.kind = "organization"
        out.append(Relation(kind, c.subject.entity, c.object.entity, c.sentence.start, c.sentence.end,
                            c.sentence.text, attrs))
    return out
