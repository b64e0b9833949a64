"""Features of a candidate pair for the relation model (:mod:`.relmodel`): what lies between the
two names and around them, the dependency path joining them (labels and words on it), the title
word near, and for English the pair's neighbourhood (lemmas on the path, spaCy's entity labels,
nearest rivals, first names of their kind, names per kind, conj/appos/... flags).

Each feature is a string; the model keeps a weight per string (binary features).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from innograph.loaders.sportwords import SPORT_WORDS

_WORD = re.compile(r"\w+(?:['’]\w+)?", re.UNICODE)


def _lower(token) -> str:
    text = token.text.lower()
    return "#" if text.isdigit() else text


def _lemma(token) -> str:
    """The lemma when the pipeline has a lemmatizer, else the lower-case word."""
    return (token.lemma_ or token.text).lower()


def dep_path(a, b) -> tuple[list[str], list[str]]:
    """Labels and words on the dependency path from token `a` up to the common head and down to `b`."""
    up = [a, *a.ancestors]
    down = [b, *b.ancestors]
    common = next((t for t in up if t in set(down)), None)
    if common is None:
        return ["^none"], []
    left = up[:up.index(common)]
    right = down[:down.index(common)]
    labels = [f"{t.dep_}^" for t in left] + [f"v{t.dep_}" for t in reversed(right)]
    words = [_lower(t) for t in left[1:]] + ([_lower(common)] if common not in (a, b) else []) + \
        [_lower(t) for t in reversed(right[1:])]
    return labels, words


def pair_features(lang: str, text: str, first, second, between_names: int, span1, span2, title: str | None,
                  kinds: tuple[str, str] | None = None) -> list[str]:
    """Sparse features of an ordered pair of mentions (first precedes second in the sentence)."""
    k1, k2 = kinds or (first.entity.kind, second.entity.kind)
    gap = text[first.end:second.start]
    words = [w.lower() for w in _WORD.findall(gap)]
    before = [w.lower() for w in _WORD.findall(text[max(0, first.start - 40):first.start])][-3:]
    after = [w.lower() for w in _WORD.findall(text[second.end:second.end + 40])][:3]
    f = [f"kinds={k1}>{k2}", f"gap={min(len(words), 10) // 2}", f"names_between={min(between_names, 3)}",
         f"kinds={k1}>{k2}|gap={min(len(words), 10) // 2}"]
    f += [f"w:{w}" for w in words[:10]]
    if len(words) <= 4:
        f.append("ws:" + "_".join(words))
    f += [f"b:{w}" for w in before] + [f"a:{w}" for w in after]
    if before:
        f.append(f"b1:{before[-1]}")
    if after:
        f.append(f"a1:{after[0]}")
    if title:
        f += [f"title:{title.lower()}", "has_title", f"has_title|{k1}>{k2}"]
    if span1 is not None and span2 is not None and span1.doc is span2.doc:
        labels, path_words = dep_path(span1.root, span2.root)
        f.append("p:" + " ".join(labels))
        f.append(f"plen={min(len(labels), 8)}")
        f += [f"pl:{label}" for label in labels]
        f += [f"pw:{w}" for w in path_words[:6]]
        if len(path_words) <= 3:
            f.append("pws:" + "_".join(path_words) + "|" + " ".join(labels))
        f.append(f"r1:{span1.root.dep_}|r2:{span2.root.dep_}")
    else:
        f.append("p:cross")
    return [f"{lang}|{x}" for x in f] + [x for x in f if x.startswith(("kinds=", "names_between", "has_title|"))]


#: Feature groups of :func:`context_features` (all on; a name off leaves its features out).
_GROUPS = frozenset(("lemma", "ner", "rank", "first", "counts", "flags"))
#: The languages whose model reads them. French since its training text doubled (session 12):
#: with them and :func:`article_features`, the French post model fitted without one training part
#: added 11 facts (9 right) to the rules on that part at score 0.8, against 2 (1 right) without.
CONTEXT_LANGUAGES = frozenset(("en", "fr"))


def context_features(lang: str, first, second, mentions, span1, span2, first_of_kind) -> list[str]:
    """What the pair's neighbourhood says: the lemmas on the path and its head, spaCy's entity
    labels, whether each name is the other's nearest of its kind, whether a name is the
    article's first of its kind, how many names of each kind the sentence holds."""
    f: list[str] = []
    if lang not in CONTEXT_LANGUAGES:
        return f
    if "rank" in _GROUPS:
        for a, b, tag in ((first, second, "r2"), (second, first, "r1")):
            rivals = [m for m in mentions if m.entity.kind == b.entity.kind and m.entity is not b.entity
                      and m.entity is not a.entity and abs(m.start - a.start) < abs(b.start - a.start)]
            f.append(f"{tag}={min(len(rivals), 2)}")
    if "first" in _GROUPS:
        f += [f"first1={first_of_kind.get(id(first.entity), 0)}", f"first2={first_of_kind.get(id(second.entity), 0)}"]
    if "counts" in _GROUPS:
        for kind in ("person", "organization", "place"):
            n = len({id(m.entity) for m in mentions if m.entity.kind == kind})
            f.append(f"n{kind[:3]}={min(n, 3)}")
    if span1 is None or span2 is None or span1.doc is not span2.doc:
        return [f"{lang}|{x}" for x in f]
    if "ner" in _GROUPS:
        e1, e2 = span1.root.ent_type_ or "-", span2.root.ent_type_ or "-"
        f += [f"e1:{e1}", f"e2:{e2}", f"e12:{e1}>{e2}"]
    if "lemma" in _GROUPS or "flags" in _GROUPS:
        a, b = span1.root, span2.root
        up, down = [a, *a.ancestors], [b, *b.ancestors]
        common = next((t for t in up if t in set(down)), None)
        if common is not None:
            inner = up[1:up.index(common)] + down[1:down.index(common)] + ([common] if common not in (a, b) else [])
            if "lemma" in _GROUPS:
                f += [f"pm:{_lemma(t)}" for t in inner[:6]]
                f.append(f"ph:{_lemma(common)}|{common.pos_}")
                verbs = [_lemma(t) for t in inner if t.pos_ in ("VERB", "AUX")]
                if verbs:
                    f.append(f"pv:{verbs[-1]}")
            if "flags" in _GROUPS:
                deps = {t.dep_ for t in up[:up.index(common)] + down[:down.index(common)]}
                f += [f"flag:{d}" for d in ("conj", "appos", "poss", "compound", "relcl", "acl", "agent", "pobj") if d in deps]
    return [f"{lang}|{x}" for x in f]


#: The languages whose model reads :func:`article_features` (English is judged on KnowledgeNet
#: passages, not articles).
ARTICLE_LANGUAGES = frozenset(("fr",))


@dataclass
class ArticleContext:
    """What the whole article says of its names, read once per article for :func:`article_features`."""

    sport: int = 0  # words of a sports report in the article
    mentions: dict = field(default_factory=dict)  # entity id → mentions in the article
    headline: frozenset = frozenset()  # ids of the entities named in the headline (first line)
    post_objects: dict = field(default_factory=dict)  # entity id → posts the rules gave in it
    related: frozenset = frozenset()  # (id, id) of the pairs the rules related, both directions
    pairs: dict = field(default_factory=dict)  # frozenset of two ids → sentences naming both


def article_context(folded_lower: str, mentions, relations, related, headline_end: int) -> ArticleContext:
    """The article-level facts :func:`article_features` reads (`folded_lower`: the folded text)."""
    ctx = ArticleContext(sport=len(SPORT_WORDS.findall(folded_lower)), related=frozenset(related))
    for m in mentions:
        ctx.mentions[id(m.entity)] = ctx.mentions.get(id(m.entity), 0) + 1
    ctx.headline = frozenset(id(m.entity) for m in mentions if m.start < headline_end)
    for r in relations:
        if r.kind == "holds_post" and r.object is not None:
            ctx.post_objects[id(r.object)] = ctx.post_objects.get(id(r.object), 0) + 1
    return ctx


def article_features(lang: str, ctx: ArticleContext | None, subject, obj, sentence_mentions,
                     sentence_sport: int) -> list[str]:
    """The pair in its article: a sports report, how often each name and the pair come back, the
    headline's names, the posts the rules gave in the object, and whether the rules related
    another name of the sentence to the object (a teammate listed with a player they placed)."""
    if ctx is None or lang not in ARTICLE_LANGUAGES:
        return []
    s, o = id(subject.entity), id(obj.entity)
    f = [f"art_sport={0 if ctx.sport < 3 else 1 if ctx.sport < 10 else 2}", f"sent_sport={min(sentence_sport, 2)}",
         f"cooc={min(ctx.pairs.get(frozenset((s, o)), 0), 3)}", f"o_hl={int(o in ctx.headline)}",
         f"s_hl={int(s in ctx.headline)}", f"o_count={min(ctx.mentions.get(o, 0), 4)}",
         f"s_count={min(ctx.mentions.get(s, 0), 4)}", f"o_ruleposts={min(ctx.post_objects.get(o, 0), 2)}"]
    if any(id(m.entity) not in (s, o) and m.entity.kind == subject.entity.kind and (id(m.entity), o) in ctx.related
           for m in sentence_mentions):
        f.append("sib_ruled")
    return [f"{lang}|{x}" for x in f]
