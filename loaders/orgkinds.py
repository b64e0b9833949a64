"""Organization kinds from what tables and registers say: a type column, an activity code, a name.

>>> kind_of_type("PME")
('Company', ('SME',))
>>> kind_of_type("Centre hospitalier universitaire")
('Hospital', ())
>>> guess_kind("CENTRE HOSPITALIER UNIVERSITAIRE DE CAEN NORMANDIE")
'Hospital'
>>> guess_kind("UNIVERSITE DE LORRAINE"), guess_kind("ACME")
('University', None)
"""

from __future__ import annotations

import re

from innograph.graph.normalize import fold, kind_from_name
from innograph.ontology.kinds import ORG_KINDS

#: Folded values of a "type" column → (organization kind, classification concepts).
TYPE_VALUES: dict[str, tuple[str, tuple[str, ...]]] = {}


def _add(kind: str, classification: tuple[str, ...], *values: str) -> None:
    for value in values:
        TYPE_VALUES[value] = (kind, classification)


_add("Company", (), "entreprise", "societe", "company", "industriel", "industrie", "prive", "private",
     "prc", "private company", "business", "entreprise privee", "firm", "groupe")
_add("Company", ("SME",), "pme", "tpe", "pme tpe", "tpe pme", "sme", "pmi", "pme pmi", "micro entreprise")
_add("Company", ("StartUp",), "startup", "start up", "jeune pousse", "jei")
_add("Company", ("LargeBuyer",), "donneur d ordres", "donneur d ordre", "donneurs d ordres", "grand compte",
     "large buyer", "grand donneur d ordres")
_add("Company", ("IntermediateSizedCompany",), "eti", "entreprise de taille intermediaire")
_add("Company", ("LargeCompany",), "ge", "grande entreprise", "grand groupe", "large company", "large enterprise")
_add("Hospital", (), "hopital", "chu", "chru", "clinique", "hospital", "centre hospitalier",
     "centre hospitalier universitaire", "etablissement de sante", "sante", "health care", "clinic")
_add("University", (), "universite", "university", "ecole", "school", "ecole d ingenieurs", "grande ecole",
     "enseignement superieur", "hes", "higher education", "etablissement d enseignement superieur", "academic")
_add("ResearchCentre", (), "laboratoire", "labo", "centre de recherche", "recherche", "research",
     "research centre", "research center", "rec", "institut de recherche", "research organisation",
     "research organization", "rto", "centre technique")
_add("TrainingCentre", (), "organisme de formation", "formation", "training", "centre de formation",
     "training centre", "training center")
_add("PublicAuthority", (), "collectivite", "collectivite territoriale", "metropole", "region", "commune",
     "departement", "public", "pub", "public body", "public authority", "administration", "etat", "agence",
     "agence publique", "epci", "intercommunalite", "public sector", "secteur public")
_add("ChamberOfCommerce", (), "cci", "chambre de commerce", "chambre de commerce et d industrie", "chambre",
     "chamber of commerce", "cma", "chambre consulaire")
_add("MediaOutlet", (), "media", "presse", "journal", "media outlet", "press")
_add("Cluster", (), "cluster", "pole", "pole de competitivite", "reseau", "grappe", "competitiveness cluster")

#: Kind names accepted as they are in a type column or a mapping (case-insensitive).
_KIND_NAMES = {k.lower(): k for k in ORG_KINDS}


def kind_of_type(value: str, extra: dict[str, str] | None = None) -> tuple[str | None, tuple[str, ...]]:
    """(kind, classification) for a type column's value; (None, ()) when unknown."""
    key = fold(value)
    if extra and key in extra:
        named = extra[key]
        return _KIND_NAMES.get(named.lower(), None), ()
    if key.replace(" ", "") in _KIND_NAMES:
        return _KIND_NAMES[key.replace(" ", "")], ()
    if key in TYPE_VALUES:
        return TYPE_VALUES[key]
    for word in key.split():  # "PME industrielle", "Université publique"
        if word in TYPE_VALUES and len(word) > 2:
            return TYPE_VALUES[word]
    return None, ()


def guess_kind(name: str) -> str | None:
    """The kind a name tells plainly (hospitals, universities, public bodies...), else None:
    :func:`innograph.graph.normalize.kind_from_name` (strict cues only)."""
    return kind_from_name(name)


#: CORDIS activityType → kind.
CORDIS_ACTIVITY = {"PRC": "Company", "HES": "University", "REC": "ResearchCentre", "PUB": "PublicAuthority"}

COUNTRIES = {
    "france": "FR", "allemagne": "DE", "germany": "DE", "deutschland": "DE", "belgique": "BE",
    "belgium": "BE", "espagne": "ES", "spain": "ES", "italie": "IT", "italy": "IT", "royaume uni": "GB",
    "united kingdom": "GB", "uk": "GB", "suisse": "CH", "switzerland": "CH", "pays bas": "NL",
    "netherlands": "NL", "luxembourg": "LU", "etats unis": "US", "united states": "US", "usa": "US",
    "portugal": "PT", "irlande": "IE", "ireland": "IE", "autriche": "AT", "austria": "AT",
}


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 code for a country name or code; the text itself when unknown."""
    text = value.strip()
    if re.fullmatch(r"[A-Za-z]{2}", text):
        return text.upper()
    return COUNTRIES.get(fold(text), text)
