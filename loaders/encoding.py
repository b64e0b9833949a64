"""One decoding path for every text-like input: tables (CSV, JSON, JSON Lines, YAML) and documents.

The encoding is read from the bytes: a BOM first (UTF-8, UTF-16, UTF-32), then UTF-8 when the
bytes decode as UTF-8, then Windows-1252 (what French Excel and old CMSs write) when they carry
no UTF-8 multi-byte character at all. A file that is UTF-8 almost everywhere but has a broken
byte is *not* silently read as Windows-1252: the error names the byte, its line and column.

>>> decode_bytes("Société".encode("utf-8"), path="a.json")
('Société', 'utf-8')
>>> decode_bytes("Société".encode("cp1252"), path="a.json")
('Société', 'cp1252')
>>> decode_bytes("Sociét\\u00e9\\nMairie de Sète".encode("utf-8").replace(b"S\\xc3\\xa8", b"S\\xff\\xa8"), path="a.json")
Traceback (most recent call last):
...
innograph.errors.InputError: a.json:2:12: byte 0xff is not UTF-8 text (the rest of the file is UTF-8); fix or re-save the file as UTF-8
"""

from __future__ import annotations

import codecs
import re
from os import PathLike

from innograph.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
#: A well-formed UTF-8 multi-byte character (2 to 4 bytes).
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def sniff_encoding(sample: bytes) -> str:
    """The encoding of a text sample: BOMs first, then UTF-8 if it decodes (or if it holds UTF-8
    characters next to a broken byte: a damaged UTF-8 file), else Windows-1252."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        cut = exc.end == len(sample) and exc.reason == "unexpected end of data"
        if not cut and not _UTF8_MULTI.search(sample):
            return "cp1252"  # not just a character cut at the end of the sample, and no UTF-8 at all
    return "utf-8"


def where(data: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, column) of byte `offset` in `data`."""
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def decode_bytes(data: bytes, *, path: str | PathLike[str] | None, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding) of a whole file's bytes; an :class:`InputError` at the first bad byte."""
    encoding = encoding or sniff_encoding(data[: 1 << 20])
    if encoding == "utf-8" and len(data) > (1 << 20):
        encoding = sniff_encoding(data)  # the first MiB was plain ASCII: judge the whole file
    try:
        return data.decode(encoding, errors="replace" if encoding == "cp1252" else "strict"), encoding
    except UnicodeDecodeError as exc:
        raise decode_error(data, exc, path=path, encoding=encoding) from None


def decode_error(data: bytes, exc: UnicodeDecodeError, *, path, encoding: str, line_offset: int = 0) -> InputError:
    """An InputError naming the bad byte of `data`, with its line and column."""
    line, column = where(data, exc.start)
    bad = data[exc.start:exc.start + 1].hex()
    name = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}.get(encoding, encoding)
    rest = " (the rest of the file is UTF-8)" if name == "UTF-8" and _UTF8_MULTI.search(data) else ""
    return InputError(f"byte 0x{bad} is not {name} text{rest}", path=path, line=line + line_offset, column=column,
                      hint="fix or re-save the file as UTF-8")


__all__ = ["sniff_encoding", "decode_bytes", "decode_error", "where"]
