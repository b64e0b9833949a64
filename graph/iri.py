"""Stable IRIs for the things innograph stores.

The same thing loaded twice must get the same IRI, whatever the source. An organization's IRI is
minted from an identifier — its CORDIS id (one per participant), else its SIREN (from a SIRET or
a French VAT number too), else its VAT number — and otherwise from the normalized name
(:func:`innograph.graph.normalize.mint_key`).

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
from urllib.parse import quote

from innograph.graph.normalize import fold, mint_key

BASE = "https://w3id.org/innograph/"
ID_BASE = BASE + "id/"
SOURCE_BASE = BASE + "source/"

#: The name an organization IRI is minted from (kept under its old name for the loaders).
normalize_org_name = mint_key


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
    """IRI of an organization, from its identifiers, else its normalized name.

    A CORDIS id names one participant and wins: two participants that share a VAT number (or
    the SIREN in it) keep a node each, and resolution proposes their merge for review. Then the
    SIREN (also from a SIRET or a French VAT number), then the VAT number.

    >>> organization_iri(vat="FR40303265045", cordis_id="999990001").endswith("/cordis/999990001")
    True
    """
    if cordis_id and str(cordis_id).strip():
        return f"{ID_BASE}organization/cordis/{quote(str(cordis_id).strip())}"
    found = siren_from(siren=siren, siret=siret, vat=vat)
    if found:
        return f"{ID_BASE}organization/siren/{found}"
    if vat:
        return f"{ID_BASE}organization/vat/{quote(re.sub(r'[^0-9A-Za-z]', '', vat).upper())}"
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

