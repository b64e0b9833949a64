"""Candidates across sentences for the relation model (:mod:`.relmodel`): a person and the side or
body the article is about, when no organization stands in the person's own sentences.

A match report names a player's side once, in the headline or its first sentence ("Le Sénégal
bat ..."), and its players later, each in a sentence of their own ("X a ouvert le score"); a
political or business report names its country or company up front and "le président X" or "le
directeur général X" further on. The same-sentence pairs of :func:`.relcandidates.candidates` never
join them. Here each person of the article is paired with the article's sides:

- ``sidepost`` (a sports report): the organizations and places (a national side is its country, a
  club often its town) named in the headline, the first sentence, or most often;
- ``titlepost`` (any other report): for a person whose sentence gives a title that wants an
  organization ("le président", "le ministre de la Santé", "le directeur général"), the countries
  and organizations named in the headline, the first sentence, or most often.

Features say where the side is named (headline, first sentence, how often, its rank), how many
sides there are, the person's sentence words (goal / pass / save verbs, role nouns, title,
demonym of the side's country), whether the rules placed a teammate of that sentence in the side
or elsewhere, and the distance in sentences. The model scores them like the other candidates, and
only relations that earn the bar on training rounds held out in turn are shipped.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.demonyms import COUNTRY_OF, GOVERNMENT_TITLES
from innograph.loaders.mentions import country_key
from innograph.loaders.sportwords import SPORT_WORDS

#: How many sides an article offers at most (the best placed ones).
MAX_SIDES = 4
#: Words of a player's action in a match (folded word starts).
_PLAY_WORDS = re.compile(r"\b(?:marqu|inscri|ouvert le score|egalis|double|tripl|but|buts|passe|centre|frappe|tir|"
                         r"arret|sauv|penalty|expuls|remplac|titulaire|capitaine|blesse|signe|selectionn|convoqu)")
#: Role nouns of a team (folded words).
_ROLE_WORDS = re.compile(r"\b(?:attaquant|attaquante|milieu|defenseur|defenseuse|gardien|gardienne|ailier|ailiere|"
                         r"capitaine|entraineur|entraineuse|selectionneur|selectionneuse|coach|joueur|joueuse|"
                         r"buteur|buteuse|international|internationale|meneur|arriere|lateral|president|presidente)\b")


def _bucket(n: int, cuts: tuple[int, ...]) -> int:
    return next((i for i, c in enumerate(cuts) if n <= c), len(cuts))


class _Article:
    """What the side pairs read of the whole article, once."""

    def __init__(self, ents, sentences, folded_lower: str, headline_end: int, rules):
        self.ents, self.folded = ents, folded_lower
        self.starts = [s.start for s in sentences]
        self.sentences = sentences
        self.headline_end = headline_end
        body = [i for i, s in enumerate(sentences) if s.start >= headline_end]
        self.first = body[0] if body else -1
        self.by_entity: dict[int, list] = {}
        for m in ents.mentions:
            self.by_entity.setdefault(id(m.entity), []).append(m)
        self.posts: dict[int, set] = {}  # person id → ids of the organizations the rules gave a post
        self.post_names: dict[int, set] = {}  # person id → the names of those (a country and its side
        for r in rules or ():                  # or government are two entities of one name)
            if r.kind == "holds_post" and r.object is not None:
                self.posts.setdefault(id(r.subject), set()).add(id(r.object))
                self.post_names.setdefault(id(r.subject), set()).update(_keys(r.object))

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def sentence_mentions(self, i: int) -> list:
        s = self.sentences[i]
        return [m for m in self.ents.within(s.start, s.end) if m.entity.kind in ("person", "organization", "place")]


def _sides(art: _Article, kinds, keep) -> list[tuple[object, dict]]:
    """The article's sides: entities of `kinds` (passing `keep`) named in the headline, the first
    sentence, or most often; each with where it is named."""
    counts = Counter()
    for eid, ms in art.by_entity.items():
        e = ms[0].entity
        if e.kind in kinds and keep(e):
            counts[eid] = len(ms)
    if not counts:
        return []
    top = max(counts.values())
    ranked = sorted(counts, key=lambda eid: -counts[eid])
    out = []
    for eid in ranked:
        ms = art.by_entity[eid]
        where = {"hl": any(m.start < art.headline_end for m in ms),
                 "first": any(art.index(m.start) == art.first for m in ms),
                 "most": counts[eid] == top and counts[eid] >= 2,
                 "count": counts[eid], "rank": ranked.index(eid)}
        if where["hl"] or where["first"] or where["most"]:
            out.append((ms[0].entity, where))
    out.sort(key=lambda x: (-(x[1]["hl"] + x[1]["first"] + x[1]["most"]), -x[1]["count"]))
    return out[:MAX_SIDES]


def _keys(entity) -> set:
    """The country keys of the entity's names (a country and its side or government share one)."""
    return {country_key(n) for n in entity.names()}


def _is_country(entity) -> bool:
    return not _keys(entity).isdisjoint(lx.COUNTRIES)


def _person_sentences(art: _Article, person) -> list[int]:
    return sorted({art.index(m.start) for m in art.by_entity[id(person)] if art.index(m.start) >= 0})


def _words(art: _Article, idx: list[int], side) -> list[str]:
    """Features of the person's sentences: play and role words, a demonym of the side's country
    or of another, the names standing there."""
    side_keys = _keys(side)
    f: set[str] = set()
    for i in idx:
        s = art.sentences[i]
        lowered = art.folded[s.start:s.end]
        f.update(f"play:{m.group(0)}" for m in _PLAY_WORDS.finditer(lowered))
        f.update(f"role:{m.group(0)}" for m in _ROLE_WORDS.finditer(lowered))
        for w in re.findall(r"[a-z\-]+", lowered):
            countries = COUNTRY_OF.get(w)
            if countries:
                f.add("demonym_side" if countries & side_keys else "demonym_other")
        kinds = {m.entity.kind for m in art.sentence_mentions(i) if m.entity is not side}
        f.update(f"sent_has_{k[:3]}" for k in kinds - {"person"})
        if len(SPORT_WORDS.findall(lowered)) >= 1:
            f.add("sent_sport")
    return sorted(f)


def _mates(art: _Article, person, idx: list[int], side, sides) -> list[str]:
    """Whether the rules placed another person of the person's sentences in this side, or in
    another of the article's sides."""
    f = set()
    other = {id(e) for e, _ in sides if e is not side}
    for i in idx:
        for m in art.sentence_mentions(i):
            if m.entity.kind != "person" or m.entity is person:
                continue
            posts = art.posts.get(id(m.entity), set())
            if id(side) in posts:
                f.add("mate_here")
            elif posts & other:
                f.add("mate_other")
    return sorted(f)


def _pair_features(art: _Article, person, side, where: dict, sides, idx: list[int], ctx) -> list[str]:
    side_idx = sorted({art.index(m.start) for m in art.by_entity[id(side)]})
    distance = min(abs(a - b) for a in idx for b in side_idx) if idx and side_idx else 99
    posts = art.posts.get(id(person), set())
    f = [f"o_hl={int(where['hl'])}", f"o_first={int(where['first'])}", f"o_most={int(where['most'])}",
         f"o_count={_bucket(where['count'], (1, 2, 4, 8))}", f"o_rank={min(where['rank'], 3)}",
         f"n_sides={min(len(sides), 3)}", f"o_kind={side.kind}", f"o_country={int(_is_country(side))}",
         f"o_ruleposts={_bucket(ctx.post_objects.get(id(side), 0) if ctx else 0, (0, 1, 3))}",
         f"s_count={_bucket(len(art.by_entity[id(person)]), (1, 2, 4))}",
         f"s_hl={int(any(m.start < art.headline_end for m in art.by_entity[id(person)]))}",
         f"s_posted={int(bool(posts))}", f"s_posted_side={int(bool(posts & {id(e) for e, _ in sides}))}",
         f"dist={_bucket(distance, (1, 2, 5, 10))}",
         f"o_before={int(min(side_idx, default=99) <= min(idx, default=99))}",
         f"art_sport={_bucket(ctx.sport if ctx else 0, (2, 9, 20))}"]
    f += _words(art, idx, side) + _mates(art, person, idx, side, sides) + _nearest(art, person, side, sides)
    return f


def _nearest(art: _Article, person, side, sides) -> list[str]:
    """Whether this side is the one named last before the person's first mention of the body, or
    first after it (a match report names a side, then its players)."""
    ms = [m for m in art.by_entity[id(person)] if m.start >= art.headline_end] or art.by_entity[id(person)]
    at = ms[0].start
    named = sorted((m.start, id(e)) for e, _ in sides for m in art.by_entity[id(e)] if m.start >= art.headline_end)
    before = [eid for pos, eid in named if pos < at]
    after = [eid for pos, eid in named if pos > at]
    return [f"last_before={int(bool(before) and before[-1] == id(side))}",
            f"next_after={int(bool(after) and after[0] == id(side))}"]


def _title(art: _Article, person, idx: list[int], title_near) -> tuple[str | None, int | None]:
    """The first title written next to one of the person's mentions (60 characters before, 40
    after, within its sentence), and that sentence's index."""
    for m in art.by_entity[id(person)]:
        i = art.index(m.start)
        if i < 0:
            continue
        s = art.sentences[i]
        names = [o for o in art.sentence_mentions(i) if o.entity is not person]
        start = max([s.start, m.start - 60] + [o.end for o in names if o.end <= m.start])  # (not another's title)
        end = min([s.end, m.end + 40] + [o.start for o in names if o.start >= m.end])
        title = title_near(start, m.start) or title_near(m.end, end)
        if title:
            return title, i
    return None, None


#: Sports-report words an article needs to be read as a match report (its players paired with its sides).
SPORT_REPORT = 10


def side_candidates(ents, sentences, folded: str, headline_end: int, rules, ctx, wanted, title_near) -> list:
    """The ``titlepost`` and ``sidepost`` candidates of an article (those of `wanted`): each person
    with each of the article's sides it never shares a sentence with — ``titlepost`` for a person
    with a title written next to a name of theirs (sides: countries and organizations),
    ``sidepost`` for the others in a match report (sides: organizations and places). `folded`: the
    folded text (same length); `ctx`: the article's :class:`.relfeatures.ArticleContext`;
    `title_near(start, end)`: the title word written there, if any. Each candidate is (subject
    mention, object mention, relation, features, sentence, title)."""
    sport = ctx is not None and ctx.sport >= SPORT_REPORT
    if not sentences or not ({"titlepost", "sidepost"} & set(wanted)):
        return []
    art = _Article(ents, sentences, folded.lower(), headline_end, rules)
    sides = {"titlepost": _sides(art, ("organization", "place"), lambda e: e.kind == "organization" or _is_country(e)),
             "sidepost": _sides(art, ("organization", "place"), lambda e: True) if sport else []}
    out = []
    persons = [ms[0].entity for ms in art.by_entity.values() if ms[0].entity.kind == "person"]
    titles = {id(p): _title(art, p, _person_sentences(art, p), title_near) for p in persons}
    governed = sum(1 for t, _ in titles.values() if t and _government(t))  # heads and ministers named
    for person in persons:
        idx = _person_sentences(art, person)
        if not idx:
            continue
        title, title_idx = titles[id(person)]
        relation = "titlepost" if title else "sidepost"
        if relation not in wanted or not sides[relation]:
            continue
        where_i = title_idx if title_idx is not None else next((i for i in idx if i >= art.first), idx[0])
        subject = next(m for m in art.by_entity[id(person)] if art.index(m.start) == where_i)
        placed = {eid for eid in art.posts.get(id(person), ()) if eid in art.by_entity
                  and not _is_country(art.by_entity[eid][0].entity)}
        for side, where in sides[relation]:
            side_idx = {art.index(m.start) for m in art.by_entity[id(side)]}
            if side_idx & set(idx) or _placed(art, person, side, placed, relation):
                continue  # a pair of one sentence: the same-sentence candidates read it
            feats = _pair_features(art, person, side, where, sides[relation], idx, ctx)
            if title:
                feats += _title_features(title, side) + [f"n_governed={min(governed, 3)}"]
            feats += _elsewhere(art, person, side)
            feats.append(f"sport={int(sport)}")
            obj = art.by_entity[id(side)][0]
            out.append((subject, obj, relation, [f"fr|{relation}|{x}" for x in feats] + [f"{relation}|bias"],
                        sentences[where_i], title))
    return out


def _placed(art: _Article, person, side, placed: set, relation: str) -> bool:
    """The rules placed the person already: in an organization (the title is held there; out of
    round, titlepost 0.60 23/25 right without these pairs, 16/20 with them), in this side under
    another entity of its name (a country and its government), or, for a title, in a country."""
    # Not relscore.stated (this pair related by any rule, asked at scoring): a person posted elsewhere makes no candidate at all.
    if placed - {id(side)} or _keys(side) & art.post_names.get(id(person), set()):
        return True
    return relation == "titlepost" and _is_country(side) and any(
        _is_country(art.by_entity[eid][0].entity) for eid in art.posts.get(id(person), ()) if eid in art.by_entity)


def _government(title: str) -> bool:
    """A title held in a country's name ("le président", "le ministre")."""
    words = fold_same_length(title).lower().split()
    return bool(words) and words[0] in GOVERNMENT_TITLES


def _elsewhere(art: _Article, person, side) -> list[str]:
    """Whether the rules gave the person a post in another country, or in another organization."""
    others = [art.by_entity[eid][0].entity for eid in art.posts.get(id(person), ()) if eid != id(side) and eid in art.by_entity]
    return [f"posted_country={int(any(_is_country(e) for e in others))}",
            f"posted_org={int(any(not _is_country(e) for e in others))}"]


def _title_features(title: str, side) -> list[str]:
    """The title, and whether it is held in a country's name and the side is a country."""
    government = _government(title)
    country = _is_country(side)
    return [f"title:{title.lower()}", "has_title", f"gov_title={int(government)}|country={int(country)}",
            f"title:{title.lower()}|{side.kind}|country={int(country)}"]
