"""Names, the one way: accent folding, name keys, small words, legal forms, honorifics,
abbreviations, the kind a name tells, and a union-find.

Every module that compares or mints names uses these tables and functions, so that a minted IRI,
a resolution key and a document's mention key cannot disagree on what "the same name" means.

>>> fold("  L'Œuvre — Élan  S.A. ")
'l oeuvre elan s a'
>>> fold_same_length("École’s")
"ecole's"
>>> mint_key("Chambre de commerce et d'industrie (CCI) de Nantes-Saint-Nazaire")
'cci nantes saint nazaire'
>>> match_key("Université de Lyon") == match_key("Univ. Lyon")
True
>>> match_key("CHU de Nantes") == match_key("Centre hospitalier universitaire de Nantes")
True
>>> kind_from_name("CENTRE HOSPITALIER UNIVERSITAIRE DE CAEN"), kind_from_name("ACME")
('Hospital', None)
>>> strip_honorific("Dr. Jane Roe"), strip_honorific("Professeure Anne Dupont")
('Jane Roe', 'Anne Dupont')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# -- folding ------------------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^0-9a-z]+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case, strip accents and ligatures, keep letters and digits as space-separated words."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(_NON_WORD.split(text)).strip()


_SAME_LENGTH: dict[str, str] = {}
_UNACCENTED: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in base if not unicodedata.combining(c)) or ch
    base = base[0] if len(base) == 1 else ("o" if ch in "œŒ" else "a" if ch in "æÆ" else base[0])
    folded = "'" if base in "’`´" else base.lower()
    return folded if len(folded) == 1 else ch


def fold_same_length(text: str) -> str:
    """Lower case without accents, one character for one (offsets into `text` stay valid)."""
    table = _SAME_LENGTH
    for ch in set(text) - table.keys():
        table[ch] = _fold_char(ch)
    return "".join(map(table.__getitem__, text))


def unaccented(text: str) -> str:
    """The text without accents, case kept, one character for one."""
    table = _UNACCENTED
    for ch in set(text) - table.keys():
        table[ch] = unicodedata.normalize("NFKD", ch)[0]
    return "".join(map(table.__getitem__, text))


# -- word tables ----------------------------------------------------------------------------------

#: Legal-form words dropped from organization names (they vary between sources).
LEGAL_FORMS = frozenset(
    "sa sas sasu sarl eurl sci sca scop snc gie eirl ei "
    "gmbh ag kg ug ltd limited plc llc inc corp co bv nv spa srl sl ab oy as asa".split()
)

#: Small words dropped from names when minting an IRI (kept small: minted IRIs must stay stable).
MINT_STOPWORDS = frozenset("de du des d la le les l et en au aux of the and for".split())

#: Small words that carry no identity when matching names, in the languages of the sources.
STOPWORDS = MINT_STOPWORDS | frozenset("a und der die das fur von y el del di at in".split())

#: Honorifics and titles written before a person's name (folded, without the dot).
HONORIFICS = frozenset(
    "m mme mlle mm mr mrs ms dr pr prof professor professeur professeure docteur docteure me maitre "
    "sir dame lord cllr councillor".split()
)
#: HONORIFICS as a regular-expression alternation, longest first (no word is cut short by a shorter
#: one: "mme" before "m"); the loaders build their own honorific patterns from it.
HONORIFIC_WORDS = "|".join(sorted(HONORIFICS, key=lambda w: (-len(w), w)))

#: Acronyms and the long form they stand for (folded, small words kept). Minting writes the long
#: form as the acronym (:data:`MINT_ACRONYMS`); matching writes acronyms as long forms.
ACRONYMS = {
    "cci": "chambre de commerce et d industrie",
    "ccir": "chambre regionale de commerce et d industrie",
    "chru": "centre hospitalier regional universitaire",
    "chu": "centre hospitalier universitaire",
    "chr": "centre hospitalier regional",
    "ch": "centre hospitalier",
    "cnrs": "centre national de la recherche scientifique",
    "inserm": "institut national de la sante et de la recherche medicale",
    "aphp": "assistance publique hopitaux de paris",
}
#: The acronyms minting uses (long form → acronym), longest first; the others would change IRIs.
MINT_ACRONYMS = {ACRONYMS[a]: a for a in ("ccir", "cci", "chru", "chu", "chr", "cnrs")}

#: One spelling for the words that vary between languages and abbreviations (matching only).
WORD_FORMS = {
    "univ": "universite", "university": "universite", "universitat": "universite", "universita": "universite",
    "universidad": "universite", "universidade": "universite", "universiteit": "universite",
    "uniwersytet": "universite", "st": "saint", "ste": "sainte",
    "inst": "institut", "institute": "institut", "instituto": "institut", "istituto": "institut",
    "ctre": "centre", "center": "centre", "centro": "centre", "centrum": "centre", "hosp": "hopital",
    "hospital": "hopital", "natl": "national", "nat": "national", "intl": "international",
    "assoc": "association", "cie": "compagnie", "grp": "groupe", "group": "groupe",
}

#: Matching keys too generic to merge on by name alone (they go to review instead).
GENERIC_KEYS = frozenset({
    "centre hospitalier universitaire", "centre hospitalier regional universitaire", "centre hospitalier",
    "centre hospitalier regional", "universite", "chambre commerce industrie", "metropole", "region",
    "hopital", "institut", "centre", "ecole", "commune", "departement", "association", "groupe", "cluster",
    "ecosystem", "laboratoire", "entreprise", "societe", "fondation", "agence",
})


# -- name keys ------------------------------------------------------------------------------------

_DOTTED = re.compile(r"\b((?:[A-Za-z]\.){2,})")


@lru_cache(maxsize=65536)
def mint_key(name: str) -> str:
    """The organization name minted into an IRI: folded, acronyms for long forms, legal forms and
    small words dropped ("Univ." is "université"; dotted legal forms such as "S.A." too)."""
    text = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), name)
    folded = f" {fold(text)} "
    for long, short in MINT_ACRONYMS.items():
        if f" {long} " in folded:
            folded = folded.replace(f" {long} ", f" {short} ")
            # "chambre de commerce et d'industrie (CCI) de Nantes": the acronym repeats the long form
            folded = folded.replace(f" {short} {short} ", f" {short} ")
    words = ["universite" if w == "univ" else w for w in folded.split()]
    kept = [w for w in words if w not in LEGAL_FORMS and w not in MINT_STOPWORDS]
    return " ".join(kept or words)


_MATCH_ACRONYMS = {short: " ".join(w for w in long.split() if w not in STOPWORDS) for short, long in ACRONYMS.items()}


@lru_cache(maxsize=65536)
def match_key(name: str) -> str:
    """The key organization names are matched on: :func:`mint_key`, one spelling per word,
    small words of every language dropped, acronyms written out.

    >>> match_key("Université de Lyon") == match_key("Univ. Lyon")
    True
    >>> match_key("ACME S.A.S."), match_key("Renault SAS")
    ('acme', 'renault')
    """
    words = [WORD_FORMS.get(w, w) for w in mint_key(name).split()]
    text = " ".join(w for w in words if w not in STOPWORDS)
    padded = f" {text} "
    for short, long in _MATCH_ACRONYMS.items():
        if f" {short} " in padded:
            padded = padded.replace(f" {short} ", f" {long} ")
    return padded.strip()


@lru_cache(maxsize=65536)
def initials(name: str) -> str | None:
    """The acronym a name of two words or more would have ("mtc"), else None."""
    words = [w for w in mint_key(name).split() if w not in STOPWORDS]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def is_generic(key: str) -> bool:
    """True for matching keys that name a kind of organization rather than one organization."""
    return key in GENERIC_KEYS or len(key) < 3


_HONORIFIC_START = re.compile(rf"^(?:{HONORIFIC_WORDS})\.?\s+", re.I)


def strip_honorific(name: str) -> str:
    """The name without the honorific or title it starts with ("Dr. Jane Roe" → "Jane Roe")."""
    stripped = _HONORIFIC_START.sub("", name.strip(), count=1)
    return stripped if stripped else name.strip()


# -- the kind a name tells -------------------------------------------------------------------------

#: Name cues (folded words or phrases) by organization kind, in the order kinds are tried: a
#: university hospital is a hospital, a school's training centre a training centre...
#: ``strict`` cues are safe in any register; ``loose`` ones only where the cue heads a name found
#: in running text ("le pôle X", "la ville de Y": "Réseau ferré ..." is no cluster).
NAME_CUES: dict[str, tuple[str, str]] = {
    "Hospital": (
        "chu chru chr aphp hopital hopitaux hospital hospitals clinique klinik klinikum ziekenhuis "
        "ziekenhuizen ospedale hospices hospitalier hospitalario uniklinik|centre hospitalier universitaire|"
        "centre hospitalier|groupe hospitalier|institut de cancerologie|medical center|university hospital",
        "ch"),
    "ChamberOfCommerce": (
        "cci ccir cma|chambre de commerce|chambre de commerce et d industrie|chambre de metiers|"
        "chamber of commerce|industrie und handelskammer", ""),
    "Cluster": ("cluster technopole|pole de competitivite|french tech", "pole reseau grappe"),
    "University": (
        "universite university universitat universita universidad universidade universiteit univ uniwersytet "
        "ecole school hochschule insa iut polytechnique politecnico polytech college|institut polytechnique|"
        "business school|school of", ""),
    "ResearchCentre": (
        "cnrs inserm inria inrae cea fraunhofer recherche research forschung laboratoire laboratory|"
        "commissariat a l energie atomique|institut national|research centre|research center|centre de recherche",
        "institut institute lab"),
    "TrainingCentre": ("cfa|training center|training centre|centre de formation|campus des metiers", "academy"),
    "PublicAuthority": (
        "commune departement region metropole eurometropole prefecture ministere ministry mairie agence agency "
        "bpifrance ademe|communaute d agglomeration|communaute de communes|conseil regional|conseil departemental|"
        "pole emploi|caisse nationale|caisse des depots|commission europeenne|european commission|city of",
        "ville etat council county government agglomeration"),
    "MediaOutlet": ("", "journal magazine radio tv"),
}


def _cue_patterns(loose: bool) -> list[tuple[str, re.Pattern]]:
    out = []
    for kind, (strict, weak) in NAME_CUES.items():
        cues = []
        for part in (strict, weak) if loose else (strict,):
            chunks = part.split("|")
            cues += chunks[0].split() + [c for c in chunks[1:] if c]
        if cues:
            alternatives = "|".join(re.escape(c) for c in sorted(set(cues), key=len, reverse=True))
            out.append((kind, re.compile(rf"(?:^| )(?:{alternatives})(?= |$)")))
    return out


_PATTERNS = {False: _cue_patterns(False), True: _cue_patterns(True)}


@lru_cache(maxsize=65536)
def kind_from_name(name: str, *, loose: bool = False) -> str | None:
    """The organization kind (an ``ig:`` class name) a name tells plainly, else None.

    Kinds are tried in the order of :data:`NAME_CUES`; `loose` adds the cues that need the
    context of running text.
    """
    folded = fold(name)
    for kind, pattern in _PATTERNS[loose]:
        if pattern.search(folded):
            return kind
    return None


#: Organization kinds from the most specific to the most general: when sources disagree on a
#: merged organization's kind, the first wins (a hospital over the public body it legally is).
KIND_SPECIFICITY = ("Hospital", "University", "ResearchCentre", "TrainingCentre", "ChamberOfCommerce",
                    "Cluster", "MediaOutlet", "PublicAuthority", "Company")


def most_specific_kind(kinds) -> str | None:
    """The most specific of `kinds` (see :data:`KIND_SPECIFICITY`); unknown kinds come last.

    >>> most_specific_kind(["PublicAuthority", "Hospital"]), most_specific_kind([])
    ('Hospital', None)
    """
    ranked = sorted(set(k for k in kinds if k),
                    key=lambda k: (KIND_SPECIFICITY.index(k) if k in KIND_SPECIFICITY else len(KIND_SPECIFICITY), k))
    return ranked[0] if ranked else None


# -- union-find ------------------------------------------------------------------------------------

class UnionFind:
    """Disjoint sets of strings, with path compression; the root of a set is kept by `keep` rules.

    >>> uf = UnionFind()
    >>> uf.union("b", "a")
    'a'
    >>> _ = uf.union("c", "a", keep="c"); uf.find("b")
    'c'
    """

    def __init__(self, items=()) -> None:
        self.parent: dict[str, str] = {item: item for item in items}

    def find(self, x: str) -> str:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str, *, keep: str | None = None) -> str:
        """Join the sets of `a` and `b`; the root is `keep`'s root if given, else the smaller root."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        winner = self.find(keep) if keep is not None else min(ra, rb)
        loser = rb if winner == ra else ra
        self.parent[loser] = winner
        self.parent.setdefault(winner, winner)
        return winner

    def groups(self) -> dict[str, set[str]]:
        """Every set of more than one item: root → items."""
        out: dict[str, set[str]] = {}
        for item in list(self.parent):
            out.setdefault(self.find(item), set()).add(item)
        return {root: items for root, items in out.items() if len(items) > 1}
