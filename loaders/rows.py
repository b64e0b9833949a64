"""Reading tables row by row: CSV/TSV (sniffed), .xlsx, JSON, JSON Lines, YAML.

Every table becomes a header and rows of ``{header: raw value}`` with the line each row starts
on, whatever the file format, so that loaders map columns the same way and every error can name
file, line, column and value. CSV files are sniffed: encoding (UTF-8 with or without BOM,
UTF-16 with BOM, else Windows-1252 as French Excel writes it), delimiter (``,`` ``;`` tab ``|``),
quoting, and title lines above the header. The readers by format are :mod:`.csvrows`,
:mod:`.xlsxrows` and, for JSON and YAML, :mod:`.records`; what they return is in :mod:`.rowtypes`;
a cell's value is read by :mod:`.cells` (re-exported here with Row and Table).

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "m.csv"
>>> _ = path.write_bytes("Nom;Ville\\nCHU de Nantes;Nantes\\n".encode("cp1252"))
>>> table = open_table(path)
>>> table.headers, table.delimiter, [(r.line, r.values["Ville"]) for r in table.rows()]
(['Nom', 'Ville'], ';', [(2, 'Nantes')])
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from innograph.errors import InputError
from innograph.loaders.cells import MISSING, is_missing, parse_bool, parse_date, parse_decimal, text_of  # noqa: F401
from innograph.loaders.csvrows import open_csv
from innograph.loaders.encoding import sniff_encoding
from innograph.loaders.records import flatten, open_jsonl, peek_json_keys, read_document, records_of
from innograph.loaders.rowtypes import Row, Table
from innograph.loaders.xlsxrows import open_xlsx

#: File extensions read as tables, by family.
CSV_SUFFIXES = (".csv", ".tsv", ".tab")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
YAML_SUFFIXES = (".yaml", ".yml")
TABLE_SUFFIXES = CSV_SUFFIXES + XLSX_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + YAML_SUFFIXES


def table_format(path: Path) -> str | None:
    """'csv', 'xlsx', 'json', 'jsonl' or 'yaml' from the file name, or None."""
    suffix = path.suffix.lower()
    for fmt, suffixes in (("csv", CSV_SUFFIXES), ("xlsx", XLSX_SUFFIXES), ("json", JSON_SUFFIXES),
                          ("jsonl", JSONL_SUFFIXES), ("yaml", YAML_SUFFIXES)):
        if suffix in suffixes:
            return fmt
    return None


def open_table(path: Path, *, encoding: str | None = None, delimiter: str | None = None,
               header_row: int | None = None, sheet: str | None = None) -> Table:
    """Open `path` as a table; options override what sniffing finds (``header_row`` is 1-based)."""
    fmt = table_format(path)
    try:
        if fmt == "xlsx":
            return open_xlsx(path, sheet=sheet, header_row=header_row)
        if fmt in ("json", "jsonl", "yaml"):
            return _open_records(path, fmt)
        return open_csv(path, encoding=encoding, delimiter=delimiter, header_row=header_row)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=path) from None


def peek_headers(path: Path, *, strict: bool = False) -> list[str]:
    """The header of a table, read cheaply (for ``accepts``); [] when it is not a table. With
    `strict`, a YAML file that cannot be read (syntax, aliases, nesting) raises its InputError."""
    fmt = table_format(path)
    unreadable = None
    try:
        if fmt == "csv":
            return open_csv(path, sniff_only=True).headers
        if fmt in ("json", "jsonl"):
            return peek_json_keys(path, fmt)
        if fmt == "xlsx":
            return open_xlsx(path).headers
        if fmt == "yaml":
            if path.stat().st_size >= (8 << 20):
                return []
            try:
                read_document(path, fmt)
            except InputError as error:
                unreadable = error
            else:
                return _open_records(path, fmt).headers
    except (OSError, InputError, ValueError, UnicodeError, KeyError):
        return []
    if unreadable is not None and strict:
        raise unreadable
    return []


# -- JSON, JSON Lines, YAML (parsed by .records, with depth limits and no YAML aliases) --------

def _open_records(path: Path, fmt: str) -> Table:
    if fmt == "jsonl":
        headers, records = open_jsonl(path)
        return Table(path, "jsonl", headers, (Row(number, values) for number, values in records))
    records = records_of(read_document(path, fmt), path)
    headers: list[str] = []
    for number, record in enumerate(records[:200], 1):
        if isinstance(record, dict):
            headers += [k for k in flatten(record, path=path, line=number) if k not in headers]

    def generate() -> Iterator[Row]:
        for number, record in enumerate(records, 1):
            if not isinstance(record, dict):
                raise InputError("a record is not an object", path=path, line=number, value=record)
            yield Row(number, flatten(record, path=path, line=number))

    return Table(path, fmt, headers, generate(), unit="record")


def read_text_sample(path: Path, size: int = 4096) -> str:
    """The first `size` bytes of a file as text (sniffed encoding), for cheap checks."""
    with open(path, "rb") as raw:
        sample = raw.read(size)
    return sample.decode(sniff_encoding(sample), errors="ignore")


__all__ = ["Row", "Table", "open_table", "peek_headers", "table_format", "parse_decimal", "parse_date",
           "parse_bool", "text_of", "is_missing", "sniff_encoding"]
