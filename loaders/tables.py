"""Member tables and other tables of organizations: CSV/TSV, .xlsx, JSON, JSON Lines, YAML.

Zero configuration for common French and English headers (see :mod:`~innograph.loaders.columns`);
a YAML mapping file (``--mapping``) for odd layouts. What a row is: an organization that is a
member of a cluster (``--of "Cluster"``, the default kind of row), a participant in a project, a
grant, a person with a post, or just an organization. Each row's facts carry the row as evidence
(``members.csv:12``). Bad rows are skipped and reported (file, line, column, value); with
``strict`` the whole table fails and nothing is written.
"""

from __future__ import annotations

import re
from pathlib import Path

from innograph.errors import InputError
from innograph.graph.facts import FactWriter
from innograph.graph.iri import source_iri
from innograph.loaders import tabular
from innograph.loaders.columns import Mapping
from innograph.loaders.identifiers import check_id, check_siren, check_siret, check_vat
from innograph.loaders.orgkinds import country_code, guess_kind, kind_of_type
from innograph.loaders.rows import (
    open_table, parse_date, parse_decimal, peek_headers, table_format, text_of,
)
from innograph.loaders.tabular import Report, RowProblem

_NAF = re.compile(r"^([0-9]{2})\.?([0-9]{2})([A-Za-z])$")


class MembersLoader:
    name = "members"
    description = ("member lists and other tables of organizations: .csv .tsv .xlsx .json .jsonl .yaml "
                   "(--of CLUSTER, --mapping FILE, --strict)")

    def accepts(self, path: Path) -> bool:
        fmt = table_format(path)
        if fmt is None:
            return False
        if fmt in ("csv", "xlsx"):
            return True
        try:
            return bool(peek_headers(path, strict=True))  # JSON/YAML: only lists of records, not mapping files
        except InputError:
            return True  # unreadable YAML: reading it says what is wrong (not "no loader reads this")

    def read(self, path: Path, *, origin: str, options: dict) -> list:
        path = tabular.real_path(path)
        mapping = Mapping.load(options["mapping"]) if options.get("mapping") else Mapping()
        of = options.get("of") or mapping.of
        row_kind = options.get("row") or mapping.row
        table = open_table(path, encoding=mapping.encoding, delimiter=mapping.delimiter,
                           header_row=mapping.header_row, sheet=mapping.sheet)
        fields = mapping.resolve(table.headers, path)
        needed = "contact" if row_kind == "posts" else "name"
        if needed not in fields and needed not in mapping.values:
            raise InputError(
                f"no column gives the {'person' if needed == 'contact' else 'organization'}'s name "
                f"(headers: {', '.join(table.headers)})", path=path,
                hint=f"name it in a --mapping file (columns: {needed}: HEADER)")
        if row_kind in ("participants", "grants") and not of and "project" not in fields and "funder" not in fields:
            raise InputError(f"a table of {row_kind} needs --of (the {'project' if row_kind == 'participants' else 'funder'})"
                             " or a column for it", path=path)
        writer = FactWriter(source_iri(origin))
        label = options.get("name") or path.name
        report = Report(path, strict=bool(options.get("strict")), headers=table.headers, label=label)
        rows = _RowWriter(writer, fields, mapping, of=of, row_kind=row_kind, label=label, unit=table.unit)
        digest = tabular.content_hash(path, self.name, {"of": of, "row": row_kind, "mapping": mapping.source,
                                                         "name": options.get("name")})
        triples = tabular.stream(writer, table.rows(), rows.handle, report, options.get("progress"))
        return [tabular.payload(path, origin, options, loader=self.name, triples=triples, report=report,
                                digest=digest)]


class _RowWriter:
    """Parses one row (all values checked first) and writes its facts."""

    def __init__(self, writer: FactWriter, fields: dict[str, list[str]], mapping: Mapping, *, of, row_kind,
                 label, unit) -> None:
        self.w, self.fields, self.mapping = writer, fields, mapping
        self.row_kind, self.label, self.unit = row_kind, label, unit
        self.of = of
        self.of_node = None
        if of and row_kind == "members":
            self.of_node = writer.organization(of, kind=mapping.of_kind or "Cluster")
        elif of and row_kind == "participants":
            self.of_node = writer.project(of)
        elif of and row_kind == "grants":
            self.of_node = writer.organization(of, kind=mapping.of_kind or guess_kind(of))

    # -- reading cells ----------------------------------------------------------------------
    def raw(self, values: dict, name: str) -> tuple[object, str | None]:
        headers = self.fields.get(name)
        if not headers:
            return self.mapping.values.get(name), None
        if len(headers) == 1:
            return values.get(headers[0]), headers[0]
        parts = [text_of(values.get(h)) for h in headers]
        return " ".join(p for p in parts if p) or None, headers[0]

    def text(self, values: dict, name: str) -> str | None:
        return text_of(self.raw(values, name)[0])

    def checked(self, values: dict, name: str, check):
        value, header = self.raw(values, name)
        return tabular.parse_cell(value, header, check)

    # -- one row ----------------------------------------------------------------------------
    def handle(self, row) -> None:
        v = row.values
        name = self.text(v, "name")
        if name is None and self.row_kind != "posts":
            raw, header = self.raw(v, "name")
            raise RowProblem("no organization name", column=header, value=raw if raw is not None else "")
        siren = self.checked(v, "siren", check_siren)
        siret = self.checked(v, "siret", check_siret)
        vat = self.checked(v, "vat", check_vat)
        cordis_id = self.checked(v, "cordis_id", check_id)
        since = self.checked(v, "since", parse_date)
        amount = self.checked(v, "amount", parse_decimal)
        url = self.text(v, "url")
        if url and (" " in url or "." not in url):
            raise RowProblem("not a web address", column=self.raw(v, "url")[1], value=url)
        kind, classes = (None, ())
        type_text = self.text(v, "kind")
        if type_text:
            kind, classes = kind_of_type(type_text, self.mapping.kinds)
        if name and kind is None:
            kind = guess_kind(name)
        person = self.text(v, "contact")
        if self.row_kind == "posts" and person is None:
            raw, header = self.raw(v, "contact")
            raise RowProblem("no person name", column=header, value=raw if raw is not None else "")
        siren = siren or (siret[:9] if siret else None)
        if self.row_kind == "grants" and amount is None and "amount" in self.fields:
            raise RowProblem("no amount", column=self.fields["amount"][0], value="")

        # Every value checked: write.
        w, ev = self.w, tabular.evidence(self.label, row, self.unit)
        org = None
        if name:
            acronym = self.text(v, "acronym")
            org = w.organization(name, kind=kind, siren=siren, vat=vat, cordis_id=cordis_id,
                                 aliases=[acronym] if acronym else (), classification=classes)
            country = self.text(v, "country")
            w.address(org, street=self.text(v, "street"), postal_code=self.text(v, "postal_code"),
                      locality=self.text(v, "city"), country=country_code(country) if country else None)
            if url:
                w.url(org, url)
            sector = self.text(v, "sector")
            if sector:
                m = _NAF.match(sector.replace(" ", ""))
                if m:
                    code = f"{m.group(1)}.{m.group(2)}{m.group(3).upper()}"
                    w.classify(org, w.concept("NAFActivity", code, notation=code))
                else:
                    w.classify(org, w.concept("Sector", sector))
            city = self.text(v, "city")
            if city:
                w.located_in(org, w.place(city), evidence=ev)
        if self.row_kind == "members" and self.of_node is not None:
            w.membership(org, self.of_node, since=since, role=self.text(v, "role"), evidence=ev)
        elif self.row_kind == "participants":
            project_name = self.text(v, "project")
            project = w.project(project_name) if project_name else self.of_node
            if project is not None:
                w.participation(org, project, role=self.text(v, "role") or "participant", evidence=ev)
                funder_name = self.text(v, "funder")
                if amount is not None and funder_name:
                    w.grant(w.organization(funder_name, kind=guess_kind(funder_name)), org, amount=amount,
                            evidence=ev)
        elif self.row_kind == "grants":
            funder_name = self.text(v, "funder")
            funder = w.organization(funder_name, kind=guess_kind(funder_name)) if funder_name else self.of_node
            project_name = self.text(v, "project")
            item = w.project(project_name) if project_name else org
            if funder is not None and item is not None:
                w.grant(funder, item, amount=amount, evidence=ev)
        if person:
            holder = w.person(person)
            employer = org
            if self.row_kind == "posts" and employer is None:
                employer_name = self.text(v, "organization") or self.of
                employer = w.organization(employer_name, kind=guess_kind(employer_name)) if employer_name else None
            if employer is not None:
                w.post(holder, employer, title=self.text(v, "title"), evidence=ev)
