"""Small helpers shared by the relation patterns."""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.dates import MONTHS
from innograph.loaders.mentions import alternation, country_key


def cue_pattern(words) -> re.Pattern:
    return re.compile(rf"(?<![\w])(?:{alternation(words)})(?![\w])")


def inside_quote(before: str) -> bool:
    """True when a quotation opened in `before` is not closed yet."""
    return before.count('"') % 2 == 1 or before.count("«") > before.count("»") or before.count("“") > before.count("”")


def fold_word(token) -> str:
    return _FOLDED.get(token.text) or _FOLDED.setdefault(token.text, fold_same_length(token.text))


_FOLDED: dict[str, str] = {}


#: The case words of a "de" / "of" complement ("du", "d'" included).
OF_WORDS = frozenset("de du des d' d’ of".split())
#: Determiners of a plural noun ("des fournisseurs qui ...", "les dirigeants de Y, A et B").
PLURAL_DETERMINERS = frozenset("des les ces leurs ses nos vos plusieurs certains certaines quelques".split())


def subjects_of(token) -> list:
    """The token's subjects, active or passive, in either language's labels; also "il" / "elle" the
    French parser labelled an expletive ("Il est directeur de Y", "il est parti rejoindre Y" read like
    the impersonal "il est temps de", which no reader of posts reaches)."""
    return [c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")
            or (c.dep_ == "expl:subj" and (fold_word(c) in ("il", "elle") or bool(c.ent_type_)))]


#: Words of time that open an English gerund phrase ("Before joining X, P was ...", "after leaving
#: X", "while working for X", "prior to joining X").
_GERUND_OPENERS = frozenset("before after upon on since while when prior following".split())


def gerund_subjects(verb) -> list:
    """The subjects of the clause an English gerund phrase of time hangs on, which are the gerund's
    own: "Before joining X, P was ...", "P founded Y after leaving X", "While working for X, P ...".
    French: the gerund "En travaillant pour X, P ..." (an infinitive's subject is
    :meth:`MovesMixin.movers`' to find). [] for any other word."""
    if verb.doc.lang_ == "fr":
        gerund = verb.dep_ == "advcl" and fold_word(verb).endswith("ant") and verb.head is not verb \
            and any(c.dep_ == "mark" and fold_word(c) == "en" for c in verb.children)
        return subjects_of(verb.head) if gerund else []
    if verb.doc.lang_ != "en" or not verb.text.lower().endswith("ing") or verb.dep_ not in ("pcomp", "advcl"):
        return []
    opened = any(c.dep_ == "mark" and fold_word(c) in _GERUND_OPENERS for c in verb.children)
    t = verb
    for _ in range(3):  # joining -> (to ->) before / prior -> the clause
        if t.head is t:
            return []
        opened = opened or fold_word(t.head) in _GERUND_OPENERS
        t = t.head
        subjects = subjects_of(t)
        if subjects:
            return subjects if opened else []
    return []


#: A predicate's words that make it no fact: a condition ("s'il était président de Y") or a negation
#: ("elle n'était pas membre de Y"; "n'est plus" is a former post, not a negation).
_UNREAL = frozenset("si s' s’ if pas jamais not never".split())


def unreal(predicate) -> bool:
    """Whether a predicate is said under a condition or negated."""
    return any((c.dep_ in ("mark", "advmod", "neg") and fold_word(c) in _UNREAL) or _elided_if(c) for c in _clause_words(predicate))


def no_longer(predicate) -> bool:
    """'X n'est plus directeur de Y': a post held before."""
    words = {fold_word(c) for c in _clause_words(predicate) if c.dep_ == "advmod"}
    return "plus" in words and bool(words & {"ne", "n'", "n’"})


def _clause_words(predicate) -> list:
    """A predicate's own words and its copula's or auxiliary's (the parser hangs "pas" on either)."""
    return [*predicate.children, *(g for c in predicate.children if c.dep_ in ("cop", "aux", "aux:tense") for g in c.children)]


def _elided_if(token) -> bool:
    """"s'" before "il" / "ils": "si" elided, whatever the parser labelled it (the reflexive "s'"
    comes before a verb)."""
    doc = token.doc
    return fold_word(token) in ("s'", "s’") and token.i + 1 < len(doc) and fold_word(doc[token.i + 1]) in ("il", "ils")


def anaphoric_org(noun) -> bool:
    """'la société', 'the company' alone (a definite article, nothing else that describes it), as a
    subject or behind its preposition ('le directeur de la société'): an organization named before."""
    if fold_word(noun) not in lx.ORG_NOUNS:
        return False
    children = [c for c in noun.children if c.dep_ != "punct"]
    described = [c for c in children if c.dep_ != "case"]
    if not described:  # "du club", "au parti": the article is in the preposition
        return len(children) == 1 and fold_word(children[0]) in _DEFINITE_CASES
    return len(described) == 1 and fold_word(described[0]) in ("the", "this", "la", "le", "l'", "l’", "cette", "ce")


#: Prepositions that hold a definite article ("du" = "de le").
_DEFINITE_CASES = frozenset(("du", "au"))


#: Nouns that say when ("le président de l'époque").
_TIME_NOUNS = frozenset("epoque temps moment".split())


def says_when(token) -> bool:
    """A complement that says when, not whose or what: "de l'époque", "en mai", "en 2016" (behind
    its preposition: "Paris 8" is a name)."""
    return (fold_word(token) in _TIME_NOUNS or fold_word(token) in MONTHS or token.like_num) and case_word(token) != ""


def case_word(token) -> str:
    """The preposition of a French nominal modifier ('de', 'à', 'chez'…), folded; "en tant que"
    (the parser's "en" with the fixed words "tant que") whole, as it means "as"."""
    for c in token.children:
        if c.dep_ == "case":
            if fold_word(c) == "en" and any(f.dep_ == "fixed" and fold_word(f) == "tant" for f in c.children):
                return "en tant que"
            return fold_word(c)
    return ""


#: "un officier du X", "un ingénieur du groupe X": a noun the name completes (a cue word such as
#: "groupe" may stand between the preposition and the name).
_COMPLEMENT = re.compile(r"\b[a-zéèêàç-]+\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*(?:[a-zéèêàç-]+\s+)?$")


def completes_a_noun(before: str) -> bool:
    """Whether the name after `before` completes a noun ('un ingénieur du groupe X'): then a
    participle right after the name without a comma ('X basé à Y') goes with that noun, not with X."""
    return _COMPLEMENT.search(before) is not None


def unique_items(items) -> list:
    out = []
    for x in items:
        if all(x is not y for y in out):
            out.append(x)
    return out


#: Titles of expertise: "analyste de la Russie" names the field studied, not an employer.
_EXPERTS = frozenset("analyste spécialiste specialiste expert experte correspondant correspondante historien "
                     "historienne analyst specialist expert".split())


#: A league players play in ("Ligue 1", "Premier League", "la Liga"): no untitled post is held there.
_PLAYED_LEAGUE = re.compile(r"(?<![\w])(?:(?:ligue|league)[ \t]+\d|premier[ \t]+league|super[ \t]+league|super[ \t]+lig|serie[ \t]+a|"
                            + "|".join(sorted(lx.LEAGUE_NAMES)) + r")(?![\w])")


def field_not_org(title, org) -> bool:
    """A minister's or commissioner's field taken for the organization ("ministre de la Santé"), an
    academic discipline ("Professor of Psychology"), "État"
    alone ("secrétaire d'État"), the country an expert studies ("analyste de la Russie", "spécialiste
    de la Chine"), a competition ("la Coupe d'Afrique"), or, for a post with no title, a league players play in."""
    words = fold_same_length(title or "").replace("-", " ").split()
    if org is None or not org.label:
        return False
    if words and words[0].rstrip("s") in _EXPERTS and country_key(org.label) in lx.COUNTRIES:
        return True
    if re.fullmatch(r"(?:l'|the )?(?:etat|state)", fold_same_length(org.label).lower().strip()):
        return True  # "secrétaire d'État", "ministre d'État": a rank; "the State" names no organization
    if re.sub(r"^(?:the|la|le|l') ", "", fold_same_length(org.label).lower().replace("-", " ").strip()) in lx.DISCIPLINES:
        return True  # "Professor of Psychology": a field
    if fold_same_length(org.label.split()[0]) in lx.COMPETITION_WORDS:
        return True  # "le sélectionneur X pour la Coupe d'Afrique": a competition, no one's employer
    if not words and _PLAYED_LEAGUE.search(fold_same_length(org.label).lower()):
        return True  # "X a rejoint le club de la Ligue 1 Y": an untitled post is the club's, not the league's
    return bool(fold_same_length(org.label.split()[0]) in lx.PORTFOLIOS
                and any(w.rstrip("s") in ("ministre", "minister", "commissaire", "commissioner") for w in words))


def founder_only(title: str) -> bool:
    """'co-founder', 'fondatrice': a role in the organization's creation, not a post held."""
    words = re.sub(r"[\s\-]+", " ", title).strip()
    return any(words == t or words == t.replace(" ", "") for t in lx.FOUNDER_TITLES)


def clean_title(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip(" ,").rstrip(",")


def _title_words(title: str | None) -> frozenset:
    return frozenset(re.findall(r"\w+", fold_same_length(title or "").lower())) - {"et", "and"}


def _joined_title(old, new) -> str | None:
    """The title of one post said twice in one sentence: the fuller one, or both joined when each
    says something of its own ("chairman", "CEO": "chairman, CEO"); None when the new one adds nothing."""
    a, b = old.attrs.get("title"), new.attrs.get("title")
    wa, wb = _title_words(a), _title_words(b)
    if not wb or wb <= wa:
        return None
    return b if wa <= wb else f"{a}, {b}"


def dedupe_relations(found: list) -> list:
    """One relation per (kind, subject, object, quote), the titles of one post said together joined
    ("chairman, CEO"); funding makes 'support' of the same pair redundant."""
    funded = {(id(r.subject), id(r.object)) for r in found if r.kind == "funds"}
    funded |= {pair for r in found if r.kind == "partner_of"
               for pair in ((id(r.subject), id(r.object)), (id(r.object), id(r.subject)))}
    keep: dict[tuple, object] = {}
    for r in found:
        if r.kind == "supports" and (id(r.subject), id(r.object)) in funded:
            continue
        pair = (id(r.subject), id(r.object))
        if r.kind == "partner_of":
            pair = tuple(sorted(pair))
        key = (r.kind, pair, r.attrs.get("text") if r.kind == "quoted" else None)
        old = keep.get(key)
        if old is not None and r.kind == "holds_post" and old.start == r.start and old.attrs.get("title"):
            title = _joined_title(old, r)  # "chairman and CEO of Y"
            if title:
                old.attrs = {**old.attrs, "title": title}
        elif old is None or sum(v is not None for v in r.attrs.values()) > sum(v is not None for v in old.attrs.values()):
            keep[key] = r
    return list(keep.values())
