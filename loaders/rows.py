"""Reading tables row by row: CSV/TSV (sniffed), .xlsx, JSON, JSON Lines, YAML.

Every table becomes a header and rows of ``{header: raw value}`` with the line each row starts
on, whatever the file format, so that loaders map columns the same way and every error can name
file, line, column and value. CSV files are sniffed: encoding (UTF-8 with or without BOM,
UTF-16 with BOM, else Windows-1252 as French Excel writes it), delimiter (``,`` ``;`` tab ``|``),
quoting, and title lines above the header.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "m.csv"
>>> _ = path.write_bytes("Nom;Ville\\nCHU de Nantes;Nantes\\n".encode("cp1252"))
>>> table = open_table(path)
>>> table.headers, table.delimiter, [(r.line, r.values["Ville"]) for r in table.rows()]
(['Nom', 'Ville'], ';', [(2, 'Nantes')])
"""

from __future__ import annotations

import csv
import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from innograph.errors import InputError
from innograph.loaders.encoding import sniff_encoding
from innograph.loaders.records import flatten, open_jsonl, peek_json_keys, read_document, records_of

csv.field_size_limit(1 << 27)

#: File extensions read as tables, by family.
CSV_SUFFIXES = (".csv", ".tsv", ".tab")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
YAML_SUFFIXES = (".yaml", ".yml")
TABLE_SUFFIXES = CSV_SUFFIXES + XLSX_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + YAML_SUFFIXES

_DELIMITERS = (",", ";", "\t", "|")
_SNIFF_BYTES = 1 << 20
#: Values that mean "nothing here" in exports (R's NA, Excel's #N/A...).
MISSING = frozenset({"", "na", "n/a", "#n/a", "null", "none", "nan", "-"})


@dataclass
class Row:
    """One row: the line (or record number) it starts on and its values by header."""

    line: int
    values: dict[str, object]


@dataclass
class Table:
    """A table opened for reading: its headers, how it was read, and its rows (an iterator)."""

    path: Path
    format: str
    headers: list[str]
    _rows: Iterator[Row] = field(repr=False)
    encoding: str | None = None
    delimiter: str | None = None
    #: "line" for text tables, "row" for spreadsheets, "record" for JSON/YAML lists.
    unit: str = "line"

    def rows(self) -> Iterator[Row]:
        return self._rows

    def column_number(self, header: str) -> int:
        """1-based position of `header` (0 when the table has no such column)."""
        try:
            return self.headers.index(header) + 1
        except ValueError:
            return 0


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
            return _open_xlsx(path, sheet=sheet, header_row=header_row)
        if fmt in ("json", "jsonl", "yaml"):
            return _open_records(path, fmt)
        return _open_csv(path, encoding=encoding, delimiter=delimiter, header_row=header_row)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=path) from None


def peek_headers(path: Path, *, strict: bool = False) -> list[str]:
    """The header of a table, read cheaply (for ``accepts``); [] when it is not a table. With
    `strict`, a YAML file that cannot be read (syntax, aliases, nesting) raises its InputError."""
    fmt = table_format(path)
    unreadable = None
    try:
        if fmt == "csv":
            return _open_csv(path, sniff_only=True).headers
        if fmt in ("json", "jsonl"):
            return peek_json_keys(path, fmt)
        if fmt == "xlsx":
            return _open_xlsx(path).headers
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


# -- CSV -------------------------------------------------------------------------------------

def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the most, equally many, fields."""
    best, best_score = ",", (0, 0)
    for candidate in _DELIMITERS:
        counts = [len(r) for r in csv.reader(lines, delimiter=candidate) if any(c.strip() for c in r)]
        if not counts:
            continue
        header = max(counts[:5])
        consistent = sum(1 for c in counts if c == header)
        score = (consistent if header > 1 else 0, header)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _open_csv(path: Path, *, encoding=None, delimiter=None, header_row=None, sniff_only=False) -> Table:
    with open(path, "rb") as raw:
        sample = raw.read(_SNIFF_BYTES)
    encoding = encoding or sniff_encoding(sample)
    text = sample.decode(encoding, errors="ignore")
    lines = text.splitlines(keepends=True)[:50]
    if len(sample) == _SNIFF_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last one may be cut
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else sniff_delimiter(lines)
    skip = (header_row - 1) if header_row else _title_lines(lines, delimiter)
    if sniff_only:
        reader = csv.reader(lines[skip:], delimiter=delimiter)
        return Table(path, "csv", _clean_headers(next(reader, [])), iter(()), encoding, delimiter)
    stream = open(path, encoding=encoding, errors="replace" if encoding == "cp1252" else "strict", newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        for _ in range(skip):
            next(reader)
        headers = _clean_headers(next(reader))
    except StopIteration:
        stream.close()
        raise InputError("the table is empty: no header line", path=path) from None
    except UnicodeDecodeError as exc:
        stream.close()
        raise InputError(f"not {encoding} text ({exc.reason})", path=path, hint="pass the encoding in a --mapping file") from None
    return Table(path, "csv", headers, _csv_rows(path, stream, reader, headers, encoding), encoding, delimiter)


def _title_lines(lines: list[str], delimiter: str) -> int:
    """How many title lines (fewer than two filled cells) stand above the header."""
    for index, record in enumerate(csv.reader(lines, delimiter=delimiter)):
        if sum(1 for cell in record if cell.strip()) >= 2:
            return index
        if index >= 20:
            break
    return 0


def _clean_headers(cells: list[str]) -> list[str]:
    headers, seen = [], set()
    for number, cell in enumerate(cells, 1):
        name = " ".join(str(cell or "").replace("\ufeff", "").split()) or f"column {number}"
        while name in seen:
            name += "'"
        seen.add(name)
        headers.append(name)
    return headers


def _csv_rows(path: Path, stream, reader, headers: list[str], encoding: str) -> Iterator[Row]:
    width = len(headers)
    with stream:
        start = reader.line_num + 1
        try:
            for record in reader:
                line, start = start, reader.line_num + 1
                if not any(cell.strip() for cell in record):
                    continue
                if len(record) > width and any(cell.strip() for cell in record[width:]):
                    extra = [c for c in record[width:] if c.strip()]
                    raise InputError(f"{len(record)} fields where the header has {width}",
                                     path=path, line=line, column=width + 1, value=extra[0])
                yield Row(line, dict(zip(headers, record)))
        except UnicodeDecodeError as exc:
            raise InputError(f"not {encoding} text ({exc.reason})", path=path, line=start) from None
        except csv.Error as exc:
            raise InputError(f"not valid CSV: {exc}", path=path, line=start) from None


# -- spreadsheets ----------------------------------------------------------------------------

#: Largest total size of the XML parts of a workbook once unzipped, and the largest ratio to the
#: file's size: above either, the file is a zip bomb, not a spreadsheet.
MAX_XLSX_UNZIPPED = 2 << 30
MAX_XLSX_RATIO = 200


def _check_workbook(path: Path) -> None:
    """Refuse what is not an unzippable workbook before openpyxl reads anything."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise InputError(f"not a readable .xlsx workbook (not a zip archive: {exc})", path=path) from None
    unzipped = sum(i.file_size for i in infos)
    if unzipped > MAX_XLSX_UNZIPPED or unzipped > MAX_XLSX_RATIO * max(path.stat().st_size, 1 << 16):
        raise InputError(f"not a readable .xlsx workbook: its parts unzip to {unzipped / 1e6:,.0f} MB "
                         f"(a zip bomb?)", path=path)


def _xlsx_error(path: Path, exc: BaseException, line: int | None = None) -> InputError:
    """openpyxl and its XML parser raise many kinds (zipfile, KeyError, IndexError, ParseError)."""
    what = str(exc) or type(exc).__name__
    if "entity" in what or "amplification" in what:
        what = f"its XML is refused ({what}): external or expanding entities are not read"
    elif isinstance(exc, (KeyError, IndexError)):
        what = f"a part of the workbook is missing ({type(exc).__name__}: {what})"
    return InputError(f"not a readable .xlsx workbook: {what}", path=path, line=line)


def _open_xlsx(path: Path, *, sheet: str | None = None, header_row: int | None = None) -> Table:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency
        from innograph.errors import MissingExtraError

        raise MissingExtraError("all", "openpyxl") from None
    _check_workbook(path)
    book = None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        if sheet is not None and sheet not in book.sheetnames:
            raise InputError(f"no sheet {sheet!r}; sheets: {', '.join(book.sheetnames)}", path=path)
        if not book.worksheets:
            raise InputError("the workbook has no sheet", path=path)
        ws = book[sheet] if sheet else book.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        number, headers = 0, None
        for number, cells in enumerate(rows, 1):
            filled = sum(1 for c in cells if c not in (None, ""))
            if (header_row and number == header_row) or (not header_row and filled >= 2):
                headers = _clean_headers([c if c is not None else "" for c in cells])
                break
    except InputError:
        if book is not None:
            book.close()
        raise
    except Exception as exc:  # noqa: BLE001 - every openpyxl failure is bad input here
        if book is not None:
            book.close()
        raise _xlsx_error(path, exc) from None
    if headers is None:
        book.close()
        raise InputError("the sheet is empty: no header row", path=path)

    def generate(first: int) -> Iterator[Row]:
        line = first
        try:
            for line, cells in enumerate(rows, first + 1):
                if all(c in (None, "") for c in cells):
                    continue
                yield Row(line, dict(zip(headers, cells)))
        except Exception as exc:  # noqa: BLE001
            raise _xlsx_error(path, exc, line + 1) from None
        finally:
            book.close()

    return Table(path, "xlsx", headers, generate(number), unit="row")


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


# -- values ----------------------------------------------------------------------------------

def is_missing(value: object) -> bool:
    """True for empty cells and the usual "no value" markers (NA, #N/A, null...)."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip().lower() in MISSING
    return False


def text_of(value: object) -> str | None:
    """A cell as trimmed text (numbers without a useless ``.0``), None when missing."""
    if is_missing(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    return " ".join(str(value).split())


_NUMBER = re.compile(r"^[+-]?[0-9]+(?:\.[0-9]+)?$")


def parse_decimal(value: object) -> Decimal:
    """A number written the French or the English way: "771225,1", "1 234,56", "1,234.5", 12.

    >>> [str(parse_decimal(v)) for v in ("771225,1", "1 234,56 €", "1.234,5", "1,234.5", 7)]
    ['771225.1', '1234.56', '1234.5', '1234.5', '7']
    """
    if isinstance(value, bool):
        raise ValueError("not a number")
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = re.sub(r"[\s\u00a0\u202f€$£]|EUR", "", str(value))
    if "," in text and "." in text:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal_sep == "," else ",", "")
    elif text.count(",") > 1:
        text = text.replace(",", "")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    text = text.replace(",", ".")
    if not _NUMBER.match(text):
        raise ValueError("not a number")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError("not a number") from None


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%d/%m/%y", "%Y-%m-%d %H:%M:%S",
                 "%Y-%m-%dT%H:%M:%S")


def parse_date(value: object) -> str:
    """An ISO date, year-month or year from a cell: dates, 16/01/2020, 2020-01-16, 01/2020, 2020.

    >>> [parse_date(v) for v in ("16/01/2020", "2020-01-16 00:00:00", "01/2020", 2019, "2018-03")]
    ['2020-01-16', '2020-01-16', '2020-01', '2019', '2018-03']
    """
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if re.fullmatch(r"(19|20)[0-9]{2}", text):
        return text
    if m := re.fullmatch(r"((?:19|20)[0-9]{2})-(0[1-9]|1[0-2])", text):
        return f"{m.group(1)}-{m.group(2)}"
    if m := re.fullmatch(r"(0?[1-9]|1[0-2])/((?:19|20)[0-9]{2})", text):
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    for fmt in _DATE_FORMATS:
        try:
            return _dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError("not a date (use 2020-01-16, 16/01/2020, 01/2020 or 2020)")


def parse_bool(value: object) -> bool:
    """True/False from the usual spellings (true, vrai, oui, yes, 1, x)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "vrai", "oui", "yes", "y", "o", "1", "x"):
        return True
    if text in ("false", "faux", "non", "no", "n", "0"):
        return False
    raise ValueError("not a yes/no value")


def read_text_sample(path: Path, size: int = 4096) -> str:
    """The first `size` bytes of a file as text (sniffed encoding), for cheap checks."""
    with open(path, "rb") as raw:
        sample = raw.read(size)
    return sample.decode(sniff_encoding(sample), errors="ignore")


__all__ = ["Row", "Table", "open_table", "peek_headers", "table_format", "parse_decimal", "parse_date",
           "parse_bool", "text_of", "is_missing", "sniff_encoding", "sniff_delimiter"]
