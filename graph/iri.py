"""Stable IRIs for the things innograph stores.

The same thing loaded twice must get the same IRI, whatever the source. An IRI is minted
from the strongest identifier known — SIREN (from a SIRET or a French VAT number too),
VAT number, CORDIS organisation id — and otherwise from the type and the normalized name.

>>> organization_iri(name="CHU de Nantes")
'https://w3id.org/innograph/id/organization/chu-nantes'
>>> organization_iri(name="Société Générale S.A.") == organization_iri(name="SOCIETE GENERALE SA")
True
>>> organization_iri(name="x", siren="056800659") == organization_iri(vat="FR45056800659")
True
>>> mint("person", "Marie DUPONT")
'https://w3id.org/innograph/id/person/marie-dupont'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

BASE = "https://w3id.org/innograph/"
ID_BASE = BASE + "id/"
SOURCE_BASE = BASE + "source/"

#: Legal-form words dropped from organization names before minting (they vary between sources).
LEGAL_FORMS = frozenset(
    "sa sas sasu sarl eurl sci sca scop snc gie eirl ei "
    "gmbh ag kg ug ltd limited plc llc inc corp co bv nv spa srl sl ab oy as asa".split()
)

#: Words that do not distinguish one organization name from another ("CHU de Nantes" = "CHU Nantes").
NAME_STOPWORDS = frozenset("de du des d la le les l et en au aux of the and for".split())

#: Long forms and the acronym they stand for, so that "Chambre de commerce et d'industrie de
#: Nantes" and "CCI de Nantes" get one IRI.
LONG_FORMS = {
    "chambre de commerce et d industrie": "cci",
    "chambre regionale de commerce et d industrie": "ccir",
    "centre hospitalier regional universitaire": "chru",
    "centre hospitalier universitaire": "chu",
    "centre hospitalier regional": "chr",
    "centre national de la recherche scientifique": "cnrs",
    "universite": "universite",
    "univ": "universite",
}

_NON_WORD = re.compile(r"[^0-9a-z]+")
_SIREN = re.compile(r"^[0-9]{9}$")


def fold(text: str) -> str:
    """Lower-case, strip accents and ligatures, keep letters and digits as space-separated words.

    >>> fold("  L'Œuvre — Élan  S.A. ")
    'l oeuvre elan s a'
    """
    text = unicodedata.normalize("NFKD", text)
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(_NON_WORD.split(text)).strip()


def slug(text: str) -> str:
    """A readable, IRI-safe key: folded words joined by hyphens.

    >>> slug("Westshire Training Center (WTC)")
    'westshire-training-center-wtc'
    """
    key = "-".join(fold(text).split())
    if not key:
        # Nothing left of the name (only punctuation or a script we do not fold): hash it.
        key = "h" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return key[:120]


def normalize_org_name(name: str) -> str:
    """The organization name used for minting and matching: folded, legal forms dropped.

    Dotted legal forms ("S.A.") are joined before they are dropped.

    >>> normalize_org_name("ACME S.A.S.")
    'acme'
    >>> normalize_org_name("Renault SAS")
    'renault'
    >>> normalize_org_name("Chambre de commerce et d'industrie (CCI) de Nantes-Saint-Nazaire")
    'cci nantes saint nazaire'
    >>> normalize_org_name("Univ. de Nantes") == normalize_org_name("Université de Nantes")
    True
    """
    text = re.sub(r"\b((?:[A-Za-z]\.){2,})", lambda m: m.group(1).replace(".", ""), name)
    folded = f" {fold(text)} "
    for long, short in LONG_FORMS.items():
        if f" {long} " in folded:
            folded = folded.replace(f" {long} ", f" {short} ")
            # "chambre de commerce et d'industrie (CCI) de Nantes": the acronym repeats the long form
            folded = folded.replace(f" {short} {short} ", f" {short} ")
    words = folded.split()
    kept = [w for w in words if w not in LEGAL_FORMS and w not in NAME_STOPWORDS]
    return " ".join(kept or words)


def siren_from(*, siren: str | None = None, siret: str | None = None, vat: str | None = None) -> str | None:
    """The 9-digit SIREN from a SIREN (restoring lost leading zeros), a SIRET or a French VAT number.

    >>> siren_from(siren="56800659")
    '056800659'
    >>> siren_from(siret="552 081 317 00014")
    '552081317'
    >>> siren_from(vat="FR 40 303265045")
    '303265045'
    >>> siren_from(vat="DE123456789") is None
    True
    """
    if siren:
        digits = re.sub(r"\D", "", str(siren))
        if 1 <= len(digits) <= 9:
            return digits.zfill(9)
    if siret:
        digits = re.sub(r"\D", "", str(siret))
        if len(digits) == 14:
            return digits[:9]
        if len(digits) == 13:  # a SIRET that lost its leading zero
            return digits.zfill(14)[:9]
    if vat:
        compact = re.sub(r"[\s.\-]", "", str(vat)).upper()
        m = re.fullmatch(r"FR[0-9A-Z]{2}([0-9]{9})", compact)
        if m:
            return m.group(1)
    return None


def mint(kind: str, name: str) -> str:
    """IRI of a thing of `kind` (organization, person, project, event, place...) named `name`."""
    return f"{ID_BASE}{kind}/{slug(name)}"


def organization_iri(
    *,
    name: str | None = None,
    siren: str | None = None,
    siret: str | None = None,
    vat: str | None = None,
    cordis_id: str | None = None,
) -> str:
    """IRI of an organization, from its strongest identifier, else its normalized name."""
    found = siren_from(siren=siren, siret=siret, vat=vat)
    if found:
        return f"{ID_BASE}organization/siren/{found}"
    if vat:
        return f"{ID_BASE}organization/vat/{quote(re.sub(r'[^0-9A-Za-z]', '', vat).upper())}"
    if cordis_id:
        return f"{ID_BASE}organization/cordis/{quote(str(cordis_id).strip())}"
    if not name or not name.strip():
        raise ValueError("an organization needs a name or an identifier")
    return f"{ID_BASE}organization/{slug(normalize_org_name(name))}"


def source_iri(key: str) -> str:
    """IRI of a source's named graph, from a stable key (a path, a URL, a name).

    >>> source_iri("/data/members.csv").startswith(SOURCE_BASE + "members-csv-")
    True
    """
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    tail = key.rstrip("/").rsplit("/", 1)[-1]
    return f"{SOURCE_BASE}{slug(tail)[:60]}-{digest}"


def is_valid_siren(value: str) -> bool:
    """True for a 9-digit string (the register's check digit is not enforced: real data breaks it)."""
    return bool(_SIREN.match(value))
