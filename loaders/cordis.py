"""CORDIS: EU framework-programme projects, their participants and topics.

Reads the files as CORDIS distributes them, as CSV (``organizations.csv``, ``projects.csv``,
``topics.csv``) or as its JSON export of the same records (same field names; a JSON array, an
object holding one, or JSON Lines). The kind of file is told by its header, so the names do not
matter. Each file is one source (a named graph): loading a CORDIS directory loads its files side
by side, and they meet on stable IRIs (a project's IRI comes from its CORDIS id, an
organization's from its CORDIS id too: participants that share a VAT number keep a node each), so
a participation whose project record is missing still loads, and so does a project without participations.

- a participation (``organizations.*``) becomes an ``ig:Participation`` (also an
  ``org:Membership``) with ``org:role`` coordinator, participant, thirdParty..., the direct edge
  ``ig:participatesIn``, and, when the EC contributes, a ``schema:MonetaryGrant`` from the European
  Commission to the organization for the project, with the amount; the EC's contribution
  (``ig:ecContribution``, 0 included, absent when unknown) and ``ig:totalCost`` are on the participation;
  postal codes are text (leading zeros kept);
- the organization gets its kind from the activity type (PRC company, HES higher education, REC
  research, PUB public body; OTH from its name), ``ig:SME`` when flagged, identifiers, address, URL;
- a project (``projects.*``) gets its acronym as label, title, dates, status, funding scheme,
  objective (``schema:description``), total cost, topics, and the EC's maximum contribution
  (``ig:ecMaxContribution``: a ceiling, not a grant — the grants are the participants');
  a topic (``topics.*``) is a ``skos:Concept`` the project has as subject.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from innograph.errors import InputError
from innograph.graph.facts import FactWriter, project_iri
from innograph.graph.iri import source_iri
from innograph.loaders import tabular
from innograph.loaders.identifiers import check_id, check_vat
from innograph.loaders.orgkinds import CORDIS_ACTIVITY, country_code, guess_kind
from innograph.loaders.rows import (
    is_missing, open_table, parse_bool, parse_date, parse_decimal, peek_headers, text_of,
)
from innograph.loaders.tabular import Report, RowProblem, parse_cell
from innograph.ontology.ns import SDO

#: The funder of every CORDIS grant.
COMMISSION = "European Commission"

KINDS_OF_FILE = {
    "participations": {"projectid", "organisationid"},
    "projects": {"id", "acronym", "frameworkprogramme"},
    "topics": {"projectid", "topic", "title"},
}


def file_kind(headers: list[str]) -> str | None:
    """'participations', 'projects' or 'topics' from a header, else None."""
    keys = {h.strip().lower() for h in headers}
    for kind, needed in KINDS_OF_FILE.items():
        if needed <= keys and (kind != "topics" or "organisationid" not in keys and "acronym" not in keys):
            return kind
    return None


class CordisLoader:
    name = "cordis"
    description = "CORDIS projects, organizations (participations) and topics, as CSV or JSON exports"

    def accepts(self, path: Path) -> bool:
        if path.suffix.lower() not in (".csv", ".json", ".jsonl", ".ndjson"):
            return False
        return file_kind(peek_headers(path)) is not None

    def read(self, path: Path, *, origin: str, options: dict) -> list:
        path = tabular.real_path(path)
        table = open_table(path)
        kind = file_kind(table.headers)
        if kind is None:
            raise InputError("not a CORDIS file: the header has neither projectID and organisationID (participations),"
                             " id, acronym and frameworkProgramme (projects), nor projectID, topic, title (topics)",
                             path=path, hint="pass the right --kind")
        label = options.get("name") or path.name
        writer = FactWriter(source_iri(origin))
        report = Report(path, strict=bool(options.get("strict")), headers=table.headers, label=label)
        rows = _Rows(writer, table.headers, label, table.unit)
        handle = {"participations": rows.participation, "projects": rows.project, "topics": rows.topic}[kind]
        digest = tabular.content_hash(path, self.name, {"name": options.get("name")})
        triples = tabular.stream(writer, table.rows(), handle, report, options.get("progress"))
        return [tabular.payload(path, origin, options, loader=self.name, triples=triples, report=report, digest=digest)]


class _Rows:
    """Facts of one CORDIS row, by kind of file; values checked before anything is written."""

    def __init__(self, writer: FactWriter, headers: list[str], label: str, unit: str) -> None:
        self.w, self.label, self.unit = writer, label, unit
        # Field names as CORDIS spells them, whatever the case in this file.
        self.keys = {h.strip().lower(): h for h in headers}
        self._commission = None

    @property
    def commission(self):
        if self._commission is None:
            self._commission = self.w.organization(COMMISSION, kind="PublicAuthority", aliases=("EC",))
        return self._commission

    def get(self, values: dict, field: str):
        key = self.keys.get(field.lower())
        return (values.get(key) if key else None), (key or field)

    def text(self, values: dict, field: str) -> str | None:
        text = text_of(self.get(values, field)[0])
        return unquote_twice_quoted(text) if text else text

    def long_text(self, values: dict, field: str) -> str | None:
        """A text kept as written (paragraphs and all), trimmed; None when missing."""
        value = self.get(values, field)[0]
        return None if is_missing(value) else (str(value).strip() or None)

    def parsed(self, values: dict, field: str, parse, *, required: bool = False):
        value, column = self.get(values, field)
        return parse_cell(value, column, parse, missing=field if required else None)

    # -- organizations.csv: one participation per row -----------------------------------------
    def participation(self, row) -> None:
        v = row.values
        project_id = self.parsed(v, "projectID", check_id, required=True)
        org_id = self.parsed(v, "organisationID", check_id, required=True)
        name = self.text(v, "name")
        if name is None:
            raise RowProblem("no organisation name", column=self.get(v, "name")[1], value="")
        vat = self.parsed(v, "vatNumber", check_vat)
        sme = self.parsed(v, "SME", parse_bool)
        contribution = self.parsed(v, "ecContribution", parse_decimal)  # None: unknown; 0: none given
        total_cost = self.parsed(v, "totalCost", parse_decimal)
        role = self.text(v, "role") or "participant"
        activity = (self.text(v, "activityType") or "").upper()

        w, ev = self.w, tabular.evidence(self.label, row, self.unit)
        short = self.text(v, "shortName")
        org = w.organization(name, kind=CORDIS_ACTIVITY.get(activity) or guess_kind(name), vat=vat,
                             cordis_id=org_id, aliases=[short] if short else (),
                             classification=("SME",) if sme else ())
        country = country_code(self.text(v, "country") or "") or None
        w.address(org, street=self.text(v, "street"), postal_code=postal_code(self.get(v, "postCode")[0], country),
                  locality=self.text(v, "city"), country=country)
        url = self.text(v, "organizationURL")
        if url:
            w.url(org, url)
        project = w.project(self.text(v, "projectAcronym") or project_id, cordis_id=project_id)
        node = w.participation(org, project, role=role, evidence=ev, contribution=contribution, total_cost=total_cost)
        if contribution:  # a grant only for money given; a zero stays on the participation
            grant = w.grant(self.commission, org, amount=contribution, evidence=ev, iri=node.value + "-grant")
            w.add(grant, _SDO_FUNDED_ITEM, project)
            w.add(project, _SDO_FUNDER, self.commission)

    # -- projects.csv ---------------------------------------------------------------------------
    def project(self, row) -> None:
        v = row.values
        project_id = self.parsed(v, "id", check_id, required=True)
        start = self.parsed(v, "startDate", parse_date)
        end = self.parsed(v, "endDate", parse_date)
        maximum = self.parsed(v, "ecMaxContribution", parse_decimal)
        total_cost = self.parsed(v, "totalCost", parse_decimal)
        w = self.w
        project = w.project(self.text(v, "acronym") or project_id, cordis_id=project_id,
                            title=self.text(v, "title"), start=start, end=end, status=self.text(v, "status"),
                            scheme=self.text(v, "fundingScheme"), description=self.long_text(v, "objective"),
                            total_cost=total_cost, max_contribution=maximum)
        for code in (self.text(v, "topics") or "").replace(",", ";").split(";"):
            if code.strip():
                w.subject(project, w.concept("CordisTopic", code.strip(), notation=code.strip()))

    # -- topics.csv -----------------------------------------------------------------------------
    def topic(self, row) -> None:
        v = row.values
        project_id = self.parsed(v, "projectID", check_id, required=True)
        code = self.text(v, "topic")
        if code is None:
            raise RowProblem("no topic code", column=self.get(v, "topic")[1], value="")
        concept = self.w.concept("CordisTopic", self.text(v, "title") or code, notation=code)
        self.w.subject(ox.NamedNode(project_iri(project_id, cordis_id=project_id)), concept)


#: Countries whose postal codes are a fixed number of digits: a code that a JSON export or a
#: spreadsheet wrote as a number gets its leading zeros back.
POSTAL_DIGITS = {"FR": 5, "DE": 5, "IT": 5, "ES": 5, "FI": 5, "GR": 5, "HR": 5, "EE": 5, "US": 5, "MX": 5,
                 "BE": 4, "AT": 4, "CH": 4, "DK": 4, "NO": 4, "HU": 4, "SI": 4, "BG": 4, "CY": 4, "LU": 4}


_QUOTED_TWICE = re.compile(r'"((?:[^"]|"")*(?:""|[,;\n])(?:[^"]|"")*)"', re.S)


def unquote_twice_quoted(text: str) -> str:
    '''A value the CORDIS export quoted as CSV twice, with its second quoting undone; any other
    text as it is. The CSV reader undoes one quoting, and some CORDIS names keep another: a
    name with quotation marks comes out as ``"NAME ""NICKNAME"""`` (pandas reads the same).

    >>> unquote_twice_quoted('"CENTRE ""ALPHA"""'), unquote_twice_quoted('"Beta, Gamma"')
    ('CENTRE "ALPHA"', 'Beta, Gamma')
    >>> unquote_twice_quoted('"Delta"'), unquote_twice_quoted('The "Epsilon" lab')
    ('"Delta"', 'The "Epsilon" lab')
    '''
    found = _QUOTED_TWICE.fullmatch(text)
    return found.group(1).replace('""', '"') if found else text


def postal_code(value: object, country: str | None) -> str | None:
    """A postal code as text: as written when it is text ("01200", "164 90"); a number gets the
    leading zeros its country's codes have.

    >>> postal_code("01200", "FR"), postal_code(1200, "FR"), postal_code(1200.0, "BE"), postal_code("", "FR")
    ('01200', '01200', '1200', None)
    """
    if is_missing(value):
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        digits = str(int(value)) if float(value).is_integer() else str(value)
        return digits.zfill(POSTAL_DIGITS.get(country or "", 0))
    return " ".join(str(value).split()) or None


_SDO_FUNDED_ITEM = ox.NamedNode(str(SDO.fundedItem))
_SDO_FUNDER = ox.NamedNode(str(SDO.funder))
