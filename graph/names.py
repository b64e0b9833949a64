"""Organization names for matching: one key per way of writing the same name.

The key folds accents, case and punctuation, drops legal forms (SA, SAS, GmbH, Ltd...) and small
words, expands the usual abbreviations (Univ. → université, CHU → centre hospitalier
universitaire, St → saint) and writes "university", "universität", "università"... the same way,
so "Université de Lyon" and "Univ. Lyon" meet.

>>> match_key("Université de Lyon") == match_key("Univ. Lyon")
True
>>> match_key("CHU de Nantes") == match_key("Centre hospitalier universitaire de Nantes")
True
>>> match_key("ACME S.A.S."), match_key("Renault SAS")
('acme', 'renault')
>>> initials("Westshire Training Center"), initials("ACME")
('wtc', None)
"""

from __future__ import annotations

from innograph.graph.iri import normalize_org_name

#: Small words that carry no identity ("Université de Lyon" = "Université Lyon").
STOPWORDS = frozenset("de du des d la le les l et en a au aux of the and for und der die das fur von y el del di".split())

#: Abbreviations and spellings → one form (applied word by word, then to word sequences).
WORDS = {
    "univ": "universite", "university": "universite", "universitat": "universite", "universita": "universite",
    "universidad": "universite", "universidade": "universite", "universiteit": "universite",
    "uniwersytet": "universite", "universitaire": "universitaire", "st": "saint", "ste": "sainte",
    "inst": "institut", "institute": "institut", "instituto": "institut", "istituto": "institut",
    "ctre": "centre", "center": "centre", "centro": "centre", "centrum": "centre", "hosp": "hopital",
    "hospital": "hopital", "natl": "national", "nat": "national", "intl": "international",
    "assoc": "association", "ste": "sainte", "cie": "compagnie", "grp": "groupe", "group": "groupe",
}
PHRASES = {
    "chu": "centre hospitalier universitaire",
    "chru": "centre hospitalier regional universitaire",
    "chr": "centre hospitalier regional",
    "ch": "centre hospitalier",
    "cci": "chambre commerce industrie",
    "cnrs": "centre national recherche scientifique",
    "ctre nat recherche scientifique": "centre national recherche scientifique",
    "inserm": "institut national sante recherche medicale",
    "aphp": "assistance publique hopitaux paris",
}

#: Keys too generic to merge on by name alone (they go to review instead).
GENERIC = frozenset({
    "centre hospitalier universitaire", "centre hospitalier regional universitaire", "centre hospitalier",
    "centre hospitalier regional", "universite", "chambre commerce industrie", "metropole", "region",
    "hopital", "institut", "centre", "ecole", "commune", "departement", "association", "groupe", "cluster",
    "ecosystem", "laboratoire", "entreprise", "societe", "fondation", "agence",
})


def match_key(name: str) -> str:
    """The matching key of an organization name (see the module's docstring)."""
    words = [WORDS.get(w, w) for w in normalize_org_name(name).split()]
    text = " ".join(w for w in words if w not in STOPWORDS)
    for short, long in PHRASES.items():
        if text == short or text.startswith(short + " ") or f" {short} " in f" {text} ":
            text = f" {text} ".replace(f" {short} ", f" {long} ").strip()
    return text


def initials(name: str) -> str | None:
    """The acronym a name of two words or more would have ("mtc"), else None."""
    words = [w for w in normalize_org_name(name).split() if w not in STOPWORDS]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def is_generic(key: str) -> bool:
    """True for keys that name a kind of organization rather than one organization."""
    return key in GENERIC or len(key) < 3
