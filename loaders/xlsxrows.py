"""Spreadsheets (.xlsx, .xlsm) read with openpyxl, row by row, after checking the file is a workbook
and no zip bomb (:func:`.rows.open_table` opens it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from innograph.errors import InputError
from innograph.loaders.rowtypes import Row, Table, clean_headers


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


def open_xlsx(path: Path, *, sheet: str | None = None, header_row: int | None = None) -> Table:
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
                headers = clean_headers([c if c is not None else "" for c in cells])
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
