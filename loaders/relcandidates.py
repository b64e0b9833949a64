"""The candidates of the relation model (:mod:`.relmodel`): every ordered pair of names in one
sentence whose kinds a relation takes, described by the sparse features of :mod:`.relfeatures`
(and, in French, the cross-sentence pairs of :mod:`.sidepairs`); and what the rules already
related, which the candidates read as features.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from innograph.graph.normalize import fold_same_length
from innograph.loaders.nlp import text_length
from innograph.loaders.relfeatures import ARTICLE_LANGUAGES, article_context, article_features, context_features, pair_features
from innograph.loaders.sportwords import SPORT_WORDS

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
#: Longest sentence (characters) and most names per sentence the model looks at.
MAX_SENTENCE = 600
MAX_MENTIONS = 12
#: A chief executive's post is only proposed when the sentence names one (folded words).
CEO_WORDS = re.compile(r"\b(?:ceo|chief executive officer|chief executive|managing director|pdg|president[ -]directeur general|"
                       r"directeur general|directrice generale|administrateur delegue|administratrice deleguee)\b")

#: A founder is only proposed when the sentence has a founding word (folded word starts; every
#: founder of KnowledgeNet folds 1–2 has one, and a chief executive's sentence then is no founding).
FOUNDING_WORDS = re.compile(r"\b(?:co-?found|found|establish|set up|sets up|creat|start|launch|form|incorporat|"
                            r"cofond|co-fond|fond|cree|crea|lanc|mis sur pied|mise sur pied)")


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
        from innograph.loaders.cues import cue_pattern
    except ImportError:
        return None
    return cue_pattern(lx.TITLES)


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
    return fold_same_length(token.head.head.text) in lx.BASED_WORDS


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
    related, _ = related_pairs(rules)
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


def related_pairs(relations) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """The pairs the rules related (both directions), and those they gave a chief executive's post."""
    pairs, ceo = set(), set()
    for r in relations:
        if r.object is not None:
            pairs.add((id(r.subject), id(r.object)))
            pairs.add((id(r.object), id(r.subject)))
            if r.kind == "holds_post" and CEO_WORDS.search(fold_same_length(r.attrs.get("title") or "")):
                ceo.add((id(r.subject), id(r.object)))
    return pairs, ceo


def posted_persons(relations) -> frozenset:
    """The ids of the persons the rules gave a post."""
    return frozenset(id(r.subject) for r in relations if r.kind == "holds_post" and r.object is not None)


posted = posted_persons  # (the name the callers of session 11 use)
