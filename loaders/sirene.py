"""SIRENE: extracts of INSEE's register of French legal units (and the court registry's view).

Reads the stock file of legal units (``StockUniteLegale``: siren, denominationUniteLegale,
sigleUniteLegale, categorieEntreprise, trancheEffectifsUniteLegale, activitePrincipaleUniteLegale,
categorieJuridiqueUniteLegale...) and the lighter extracts people make of it (``siren,
denominationunitelegale, min``; ``Dénomination, Siren, ..., Effectif 1``), in any CSV dialect the
table reader sniffs. Header names are matched without regard to case or accents.

Each row is a registered organization: its IRI and ``ig:siren`` from the SIREN (leading zeros that
a spreadsheet dropped are restored; a SIREN in scientific notation, which has lost digits, is a bad
row), its legal name as label (the usual name and acronym as alternative labels), the INSEE size
category as ``org:classification`` (PME → ig:SME, ETI, GE), the employee band or headcount as
``schema:numberOfEmployees``, and the NAF activity as a ``skos:Concept`` of ``ig:NAFActivity``.
"""

from __future__ import annotations

import re
from pathlib import Path

from innograph.errors import InputError
from innograph.graph.facts import FactWriter
from innograph.graph.iri import source_iri
from innograph.graph.normalize import fold
from innograph.loaders import tabular
from innograph.loaders.identifiers import check_siren
from innograph.loaders.orgkinds import guess_kind
from innograph.loaders.rows import is_missing, open_table, peek_headers, text_of
from innograph.loaders.tabular import Report, RowProblem

_NAME_FIELDS = ("denominationunitelegale", "denomination", "denomination sociale", "raison sociale")
_FIELDS = {
    "siren": ("siren",),
    "name": _NAME_FIELDS,
    "usual": ("denominationusuelle1unitelegale", "denominationusuelleunitelegale", "enseigne"),
    "acronym": ("sigleunitelegale", "sigle"),
    "last_name": ("nomunitelegale", "nomusageunitelegale"),
    "first_name": ("prenom1unitelegale", "prenomusuelunitelegale"),
    "category": ("categorieentreprise", "categorieentrepriseunitelegale"),
    "band": ("trancheeffectifsunitelegale", "trancheeffectifs", "trancheeffectif"),
    "minimum": ("effectifmin", "min", "effectif min"),
    "headcount": ("effectif 1", "effectif", "effectifs"),
    "activity": ("activiteprincipaleunitelegale", "activiteprincipale", "ape", "naf"),
    "legal_form": ("categoriejuridiqueunitelegale", "categoriejuridique"),
}

#: INSEE employee bands (trancheEffectifs) → (minimum, maximum).
BANDS = {
    "00": (0, 0), "01": (1, 2), "02": (3, 5), "03": (6, 9), "11": (10, 19), "12": (20, 49), "21": (50, 99),
    "22": (100, 199), "31": (200, 249), "32": (250, 499), "41": (500, 999), "42": (1000, 1999),
    "51": (2000, 4999), "52": (5000, 9999), "53": (10000, None),
}
_REGISTER_COLUMNS = {"date immatriculation", "date radiation", "statut", "effectif 1", "etablissements",
                     "categorieentreprise", "trancheeffectifsunitelegale", "activiteprincipaleunitelegale", "min",
                     "effectifmin"}
CATEGORIES = {"PME": "SME", "ETI": "IntermediateSizedCompany", "GE": "LargeCompany"}
_NAF = re.compile(r"^([0-9]{2})\.?([0-9]{2})([A-Z])$")


def _columns(headers: list[str]) -> dict[str, str]:
    folded = {fold(h): h for h in headers}
    found = {}
    for name, options in _FIELDS.items():
        for option in options:
            if option in folded:
                found[name] = folded[option]
                break
    return found


class SireneLoader:
    name = "sirene"
    description = "SIRENE register extracts (siren, denominationUniteLegale...) and court-registry lists"

    def accepts(self, path: Path) -> bool:
        if path.suffix.lower() not in (".csv", ".tsv", ".json", ".jsonl", ".xlsx"):
            return False
        headers = {fold(h) for h in peek_headers(path)}
        if "siren" not in headers:
            return False
        if headers & {"denominationunitelegale", "denominationusuelle1unitelegale", "nomunitelegale"}:
            return True
        # The court registry's list and other extracts: "Dénomination" with register columns.
        return "denomination" in headers and bool(headers & _REGISTER_COLUMNS)

    def read(self, path: Path, *, origin: str, options: dict) -> list:
        path = tabular.real_path(path)
        table = open_table(path)
        columns = _columns(table.headers)
        if "siren" not in columns or "name" not in columns:
            raise InputError("not a SIRENE extract: it needs a siren and a denominationUniteLegale column",
                             path=path, hint="pass the right --kind (members reads other tables)")
        label = options.get("name") or path.name
        writer = FactWriter(source_iri(origin))
        report = Report(path, strict=bool(options.get("strict")), headers=table.headers, label=label)
        rows = _Rows(writer, columns)
        digest = tabular.content_hash(path, self.name, {"name": options.get("name")})
        triples = tabular.stream(writer, table.rows(), rows.handle, report, options.get("progress"))
        return [tabular.payload(path, origin, options, loader=self.name, triples=triples, report=report, digest=digest)]


class _Rows:
    def __init__(self, writer: FactWriter, columns: dict[str, str]) -> None:
        self.w, self.columns = writer, columns

    def text(self, values: dict, name: str) -> str | None:
        column = self.columns.get(name)
        return text_of(values.get(column)) if column else None

    def number(self, values: dict, name: str) -> int | None:
        column = self.columns.get(name)
        value = values.get(column) if column else None
        if is_missing(value):
            return None
        text = re.sub(r"[\s\u00a0]", "", str(value))
        if not re.fullmatch(r"[0-9]+(\.0+)?", text):
            raise RowProblem("not a number of employees", column=column, value=value)
        return int(float(text))

    def handle(self, row) -> None:
        v = row.values
        column = self.columns["siren"]
        try:
            siren = check_siren(v.get(column))
        except RowProblem as problem:
            problem.column, problem.value = column, v.get(column)
            raise
        if siren is None:
            raise RowProblem("no SIREN", column=column, value=v.get(column) or "")
        usual = self.text(v, "usual")
        person = " ".join(p for p in (self.text(v, "first_name"), self.text(v, "last_name")) if p)
        name = self.text(v, "name") or usual or person or None
        if name is None:
            raise RowProblem("no name (denomination, usual name or person's name)", column=self.columns["name"],
                             value=v.get(self.columns["name"]) or "")
        minimum = self.number(v, "minimum")
        headcount = self.number(v, "headcount")
        band = (self.text(v, "band") or "").zfill(2) if self.text(v, "band") else None
        if band and band != "NN" and band not in BANDS:
            raise RowProblem("not an INSEE employee band (00, 01, ... 53, NN)", column=self.columns["band"], value=band)
        activity = self.text(v, "activity")
        code = None
        if activity:
            m = _NAF.match(activity.replace(" ", "").upper())
            if not m:
                raise RowProblem("not a NAF code (like 86.10Z)", column=self.columns["activity"], value=activity)
            code = f"{m.group(1)}.{m.group(2)}{m.group(3)}"
        category = (self.text(v, "category") or "").upper()
        legal_form = self.text(v, "legal_form") or ""

        w = self.w
        kind = guess_kind(name) or ("PublicAuthority" if legal_form.startswith("7") else "Company")
        aliases = [a for a in (usual, self.text(v, "acronym")) if a and a != name]
        org = w.organization(name, kind=kind, siren=siren, aliases=aliases,
                             classification=(CATEGORIES[category],) if category in CATEGORIES else ())
        if band in BANDS:
            low, high = BANDS[band]
            w.employees(org, minimum=low, maximum=high)
        elif minimum is not None or headcount is not None:
            w.employees(org, minimum=minimum, exact=headcount)
        if code:
            w.classify(org, w.concept("NAFActivity", code, notation=code))
