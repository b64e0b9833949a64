"""CSV, TSV: a text table's encoding (:mod:`.encoding`), delimiter and title lines sniffed, then its
rows read one by one with the line each starts on (:func:`.rows.open_table` opens it).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from innograph.errors import InputError
from innograph.loaders.encoding import sniff_encoding
from innograph.loaders.rowtypes import Row, Table, clean_headers

csv.field_size_limit(1 << 27)

_DELIMITERS = (",", ";", "\t", "|")
_SNIFF_BYTES = 1 << 20


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


def open_csv(path: Path, *, encoding=None, delimiter=None, header_row=None, sniff_only=False) -> Table:
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
        return Table(path, "csv", clean_headers(next(reader, [])), iter(()), encoding, delimiter)
    stream = open(path, encoding=encoding, errors="replace" if encoding == "cp1252" else "strict", newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        for _ in range(skip):
            next(reader)
        headers = clean_headers(next(reader))
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
