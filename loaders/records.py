"""Tables written as records: JSON (a list of objects), JSON Lines, YAML — with limits.

The bytes go through the one decoding path (:mod:`.encoding`); parsing is bounded: nesting
deeper than :data:`MAX_DEPTH` levels is refused with a clear error (never a ``RecursionError``),
and YAML is read without aliases, so an alias bomb ("billion laughs") is refused before anything
expands. Nested objects become dotted columns (``address.city``).

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "bomb.yaml"
>>> _ = path.write_text("a: &a [x, x]\\nb: &b [*a, *a]\\nc: [*b, *b]\\n")
>>> read_document(path, "yaml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
innograph.errors.InputError: ...bomb.yaml:2:8: YAML aliases (*name) are not read: they can expand without bound; write the values out
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from innograph.errors import InputError
from innograph.loaders.encoding import decode_bytes, decode_error, sniff_encoding

#: Deepest nesting of lists and objects read from JSON or YAML.
MAX_DEPTH = 64
#: Largest JSON / YAML document read whole (JSON Lines are streamed and have no limit).
MAX_DOCUMENT_BYTES = 512 << 20


def _nesting_error(path, line=None) -> InputError:
    return InputError(f"nested more than {MAX_DEPTH} levels deep: not a table of records", path=path, line=line)


def flatten(record: dict, prefix: str = "", *, path=None, line=None, depth: int = 0) -> dict[str, object]:
    """Nested objects as dotted columns: {"a": {"b": 1}} → {"a.b": 1}."""
    if depth > MAX_DEPTH:
        raise _nesting_error(path, line)
    out: dict[str, object] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + ".", path=path, line=line, depth=depth + 1))
        else:
            out[name] = value
    return out


def records_of(data, path: Path) -> list:
    """The list of records in a parsed JSON/YAML document (a list, or a dict holding one)."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1:
            return lists[0]
    raise InputError("not a table: expected a list of records (objects)", path=path)


def read_document(path: Path, fmt: str):
    """The parsed JSON or YAML document of `path` (decoded, depth- and alias-checked)."""
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(f"too large to read whole ({size / 1e6:.0f} MB > {MAX_DOCUMENT_BYTES / 1e6:.0f} MB)",
                         path=path, hint="write it as JSON Lines (.jsonl), read one record at a time")
    text, _ = decode_bytes(path.read_bytes(), path=path)
    text = text.removeprefix("\ufeff")
    if fmt == "yaml":
        return load_yaml(text, path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", path=path, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise _nesting_error(path) from None


def _yaml_loader():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, path) -> object:
    """A YAML document without aliases and at most :data:`MAX_DEPTH` levels deep."""
    import yaml

    loader = _yaml_loader()
    try:
        depth = 0
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                raise InputError("YAML aliases (*name) are not read: they can expand without bound",
                                 path=path, line=mark.line + 1, column=mark.column + 1,
                                 hint="write the values out")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _nesting_error(path, event.start_mark.line + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"not valid YAML: {getattr(exc, 'problem', None) or exc}", path=path,
                         line=mark.line + 1 if mark else None) from None
    except RecursionError:
        raise _nesting_error(path) from None


def json_line(line: str, path: Path, number: int) -> dict:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", path=path, line=number, column=exc.colno) from None
    except RecursionError:
        raise _nesting_error(path, number) from None
    if not isinstance(value, dict):
        raise InputError("a line is not a JSON object", path=path, line=number, value=value)
    return value


def _jsonl_lines(path: Path, encoding: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of the non-blank lines of a JSON Lines file, decoded one by one."""
    with open(path, "rb") as stream:
        for number, raw in enumerate(stream, 1):
            if number == 1 and encoding == "utf-8-sig":
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                line = raw.decode("utf-8" if encoding == "utf-8-sig" else encoding,
                                  errors="replace" if encoding == "cp1252" else "strict")
            except UnicodeDecodeError as exc:
                raise decode_error(raw, exc, path=path, encoding=encoding, line_offset=number - 1) from None
            if line.strip():
                yield number, line


def open_jsonl(path: Path):
    """(headers, rows) of a JSON Lines file: records read one line at a time."""
    with open(path, "rb") as raw:
        encoding = sniff_encoding(raw.read(1 << 20))
    if encoding in ("utf-16", "utf-32"):
        text, _ = decode_bytes(path.read_bytes(), path=path, encoding=encoding)
        lines = ((n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip())
    else:
        lines = _jsonl_lines(path, encoding)
    first = next(lines, None)
    if first is None:
        raise InputError("the file is empty", path=path)
    record = flatten(json_line(first[1], path, first[0]), path=path, line=first[0])

    def generate():
        yield first[0], record
        for number, line in lines:
            yield number, flatten(json_line(line, path, number), path=path, line=number)

    return list(record), generate()


def peek_json_keys(path: Path, fmt: str) -> list[str]:
    """Keys of the first record of a JSON (Lines) file, from its first 64 KiB."""
    with open(path, "rb") as stream:
        head_bytes = stream.read(1 << 16)
    head = head_bytes.decode(sniff_encoding(head_bytes).replace("utf-8-sig", "utf-8"), errors="replace")
    head = head.removeprefix("\ufeff")
    try:
        if fmt == "jsonl":
            first = head.split("\n", 1)[0]
            return list(flatten(json.loads(first))) if first.strip().startswith("{") else []
        start = head.find("{", head.find("[") if head.lstrip().startswith("{") else 0)
        if start < 0:
            return []
        try:
            record, _ = json.JSONDecoder().raw_decode(head, start)
        except json.JSONDecodeError:
            return re.findall(r'"([^"\\]{1,60})"\s*:', head[start:start + 4096])
        return list(flatten(record)) if isinstance(record, dict) else []
    except (ValueError, RecursionError, InputError):
        return []


__all__ = ["MAX_DEPTH", "flatten", "records_of", "read_document", "load_yaml", "open_jsonl", "peek_json_keys"]
