"""Column mapping: which column of a member table holds what, with zero configuration.

Common French and English headers are recognized as they are (accents, case and punctuation
do not matter): ``Nom``/``Name``, ``Raison sociale``, ``Type``, ``Secteur``, ``Ville``/``City``,
``Code postal``, ``Pays``, ``SIREN``/``SIRET``, ``TVA``/``VAT``, ``Site web``, ``Adhérent
depuis``/``Member since``, ``Rôle``, ``Contact`` with ``Fonction``... For everything else a small
YAML mapping file says which header holds which field, and what a row is::

    row: members                 # members | participants | grants | posts | organizations
    of: Seine Robotique         # the cluster (members), project (participants), funder (grants)
    header_row: 3                # 1-based; default: the first line with two filled cells
    columns:                     # field: header, or a list of headers joined with a space
      name: Raison sociale du membre
      since: Entrée dans le réseau
      contact: [Prénom, Nom du référent]
    values: {country: FR}        # constants for fields the file lacks
    kinds: {Grand compte: Company}   # extra values of the type column

>>> guess_columns(["Raison sociale", "Code postal", "N° SIREN", "Adhérent depuis"])
{'name': 'Raison sociale', 'postal_code': 'Code postal', 'siren': 'N° SIREN', 'since': 'Adhérent depuis'}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from innograph.errors import InputError
from innograph.graph.normalize import fold

#: Field → folded headers that mean it (first match wins; order matters for "nom").
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("nom", "name", "raison sociale", "denomination", "denomination sociale", "organisation",
             "organization", "organisme", "entreprise", "societe", "company", "structure", "etablissement",
             "membre", "member", "adherent", "nom de l entreprise", "nom de la structure", "nom structure",
             "nom entreprise", "legal name", "organisation name", "organization name", "nom de l organisme"),
    "acronym": ("sigle", "acronyme", "acronym", "short name", "shortname", "nom court", "abreviation"),
    "kind": ("type", "type de structure", "type d organisation", "type de membre", "categorie", "category",
             "kind", "nature", "organization type", "organisation type", "activity type", "activitytype"),
    "sector": ("secteur", "secteur d activite", "sector", "activite", "activity", "filiere", "domaine",
               "industry", "naf", "code naf", "ape", "code ape", "naf ape", "activite principale"),
    "street": ("adresse", "address", "rue", "street", "adresse postale", "street address"),
    "postal_code": ("code postal", "cp", "postcode", "post code", "postal code", "zip", "zip code", "code"),
    "city": ("ville", "city", "commune", "localite", "town", "locality"),
    "country": ("pays", "country", "country code", "code pays"),
    "siren": ("siren", "n siren", "no siren", "numero siren", "siren number", "num siren"),
    "siret": ("siret", "n siret", "no siret", "numero siret", "siret number", "num siret"),
    "vat": ("tva", "vat", "n tva", "no tva", "numero de tva", "numero tva", "tva intracommunautaire",
            "n tva intracommunautaire", "numero de tva intracommunautaire", "vat number", "vatnumber"),
    "cordis_id": ("cordis id", "organisation id", "organisationid", "organization id", "pic"),
    "url": ("site web", "site internet", "site", "website", "web site", "web", "url", "organizationurl"),
    "since": ("adherent depuis", "membre depuis", "member since", "date d adhesion", "adhesion",
              "date adhesion", "annee d adhesion", "since", "joined", "date d entree", "entree"),
    "role": ("role", "qualite", "statut du membre", "college"),
    "contact": ("contact", "contact person", "personne contact", "personne a contacter", "interlocuteur",
                "representant", "nom du contact", "referent", "person", "personne", "dirigeant"),
    "title": ("fonction", "function", "poste", "job title", "title", "titre", "position", "fonction du contact"),
    "amount": ("montant", "amount", "subvention", "budget", "financement", "montant eur", "amount eur",
               "ec contribution", "eccontribution"),
    "funder": ("financeur", "funder", "financeurs", "funded by"),
    "project": ("projet", "project", "project name", "nom du projet", "acronym du projet"),
    "organization": ("employeur", "employer"),
}

FIELDS = tuple(SYNONYMS)
ROW_KINDS = ("members", "participants", "grants", "posts", "organizations")

_LOOKUP = {}
for _field, _names in SYNONYMS.items():
    for _name in _names:
        _LOOKUP.setdefault(_name, _field)


def guess_columns(headers: list[str]) -> dict[str, str]:
    """Field → header for every header recognized (the first header for each field wins)."""
    found: dict[str, str] = {}
    for header in headers:
        key = fold(header.rsplit(".", 1)[-1])  # nested JSON/YAML: "contact.fonction"
        name = _LOOKUP.get(key) or _LOOKUP.get(key.removesuffix(" s")) or _fuzzy_field(key)
        if name and name not in found:
            found[name] = header
    return found


def _fuzzy_field(key: str) -> str | None:
    """Headers with an extra word ("SIREN de l'entreprise", "Ville du siège")."""
    words = key.split()
    if {"mail", "email", "e", "tel", "telephone", "phone", "fax", "mobile", "portable"} & set(words):
        return None  # "E-mail du contact" is not the contact's name
    for size in (3, 2, 1):
        for i in range(0, max(0, len(words) - size) + 1):
            part = " ".join(words[i:i + size])
            if part in _LOOKUP and part not in ("nom", "code", "site", "type", "entree", "name", "title"):
                return _LOOKUP[part]
    return None


@dataclass
class Mapping:
    """What a table's rows are and where each field is (from a YAML file, or guessed)."""

    row: str = "members"
    of: str | None = None
    of_kind: str | None = None
    columns: dict[str, list[str]] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    header_row: int | None = None
    sheet: str | None = None
    delimiter: str | None = None
    encoding: str | None = None
    source: str | None = None

    @classmethod
    def load(cls, path: str | Path) -> Mapping:
        """Read a mapping YAML file; a bad key or value names the file and the key."""
        import yaml

        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except OSError as exc:
            raise InputError(f"cannot read the mapping file: {exc.strerror or exc}", path=path) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise InputError(f"not valid YAML: {getattr(exc, 'problem', exc)}", path=path,
                             line=mark.line + 1 if mark else None) from None
        if not isinstance(data, dict):
            raise InputError("a mapping file is a YAML mapping (row:, of:, columns:...)", path=path)
        known = {"row", "of", "of_kind", "columns", "values", "kinds", "header_row", "sheet", "delimiter", "encoding"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(f"unknown key {unknown[0]!r}", path=path, hint=f"use: {', '.join(sorted(known))}")
        row = data.get("row", "members")
        if row not in ROW_KINDS:
            raise InputError(f"row: {row!r} is not a kind of row", path=path, hint=f"use one of: {', '.join(ROW_KINDS)}")
        columns: dict[str, list[str]] = {}
        for name, headers in (data.get("columns") or {}).items():
            if name not in FIELDS:
                raise InputError(f"columns: unknown field {name!r}", path=path, hint=f"use: {', '.join(FIELDS)}")
            columns[name] = [str(h) for h in (headers if isinstance(headers, list) else [headers])]
        delimiter = data.get("delimiter")
        if delimiter in ("tab", "\\t"):
            delimiter = "\t"
        return cls(row=row, of=data.get("of"), of_kind=data.get("of_kind"), columns=columns,
                   values={k: str(v) for k, v in (data.get("values") or {}).items()},
                   kinds={fold(str(k)): str(v) for k, v in (data.get("kinds") or {}).items()},
                   header_row=data.get("header_row"), sheet=data.get("sheet"), delimiter=delimiter,
                   encoding=data.get("encoding"), source=path.read_text(encoding="utf-8"))

    def resolve(self, headers: list[str], path: Path) -> dict[str, list[str]]:
        """Field → headers for this table: the mapping's columns over the guessed ones."""
        found = {name: [header] for name, header in guess_columns(headers).items()}
        for name, wanted in self.columns.items():
            missing = [h for h in wanted if h not in headers]
            if missing:
                raise InputError(f"the mapping names a column the table does not have: {missing[0]!r}",
                                 path=path, hint=f"columns: {', '.join(headers)}")
            found[name] = wanted
        # A header claimed by the mapping is not also guessed for another field.
        claimed = {h for name in self.columns for h in self.columns[name]}
        return {name: hs for name, hs in found.items() if name in self.columns or not set(hs) & claimed}
