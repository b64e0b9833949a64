"""One output layer: result objects as text, a table, JSON, CSV or TSV.

Every command of the command line (and the server) writes its results through :func:`render`.
A result is anything with ``to_dicts()`` (flat rows: one per table or CSV line) and, for JSON,
``to_dict()`` (nested); plain lists of dicts and dicts work too.

* ``json``: the nested form (``to_dict()``), UTF-8, indented;
* ``csv`` / ``tsv``: the flat rows, every column (lists joined with "; ");
* ``table``: the flat rows as a rich table for people (the columns a command chooses);
* ``text``: sentences, for the results that read as such (paths, suggestions, an entity's facts);
  other results fall back to the table.

>>> import io
>>> out = io.StringIO()
>>> render([{"name": "CHU de Rouen", "kind": "Hospital", "aliases": ["CHU", "CHUR"]}], "csv", out=out)
>>> print(out.getvalue(), end="")
name,kind,aliases
CHU de Rouen,Hospital,CHU; CHUR
"""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import IO, Any

from innograph.errors import UsageError

FORMATS = ("text", "table", "json", "csv", "tsv")
LISTING_FORMATS = ("table", "json", "csv", "tsv")


def check_format(fmt: str, allowed: Sequence[str] = FORMATS) -> str:
    """`fmt` in lower case if it is one of `allowed`, else a usage error listing them."""
    value = (fmt or "").lower()
    if value not in allowed:
        raise UsageError(f"unknown format {fmt!r}; use one of: {', '.join(allowed)}")
    return value


# -- turning results into data -----------------------------------------------------------------

def nested(result: Any) -> Any:
    """The nested (JSON) form of `result`."""
    if hasattr(result, "to_dict") and not isinstance(result, dict):
        return result.to_dict()
    if isinstance(result, (list, tuple)):
        return [nested(item) for item in result]
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return {f.name: nested(getattr(result, f.name)) for f in dataclasses.fields(result)
                if not f.name.startswith("_")}
    if isinstance(result, dict):
        return {key: nested(value) for key, value in result.items()}
    return result


def flat(result: Any) -> list[dict[str, Any]]:
    """The flat rows of `result` (``to_dicts()``, a list of dicts, or one dict as one row)."""
    if hasattr(result, "to_dicts"):
        return list(result.to_dicts())
    if isinstance(result, dict):
        return [result]
    rows: list[dict[str, Any]] = []
    for item in result:
        if hasattr(item, "to_dicts"):
            rows.extend(item.to_dicts())
        elif isinstance(item, dict):
            rows.append(item)
        else:
            rows.append(nested(item))
    return rows


def columns_of(rows: Sequence[dict]) -> list[str]:
    """Every key of `rows`, in the order they first appear."""
    return list(dict.fromkeys(key for row in rows for key in row))


def cell(value: Any) -> str:
    """One value as text for CSV, TSV and tables."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6g}" if abs(value) < 1e15 else repr(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (list, tuple, set)):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {cell(v)}" for k, v in value.items())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return cell(nested(value))
    return str(value)


# -- writing ------------------------------------------------------------------------------------

def render(result: Any, fmt: str, *, out: IO[str] | None = None, console=None,
           columns: Sequence[str] | None = None, title: str | None = None,
           text: Callable[[Any], str] | None = None) -> None:
    """Write `result` in `fmt` (see FORMATS) to `out` (default: standard output).

    `columns` chooses the table's columns (CSV and TSV always give every column); `text` turns
    the result into sentences for the ``text`` format (without it, text is a table); `console`
    is the rich console tables print to.
    """
    fmt = check_format(fmt)
    out = out if out is not None else sys.stdout
    if fmt == "json":
        json.dump(nested(result), out, ensure_ascii=False, indent=2, default=_json_default)
        out.write("\n")
    elif fmt in ("csv", "tsv"):
        rows = flat(result)
        write_delimited(rows, out, delimiter="," if fmt == "csv" else "\t",
                        columns=None if rows else list(columns or ()))
    elif fmt == "text" and text is not None:
        written = text(result)
        if written:
            out.write(written if written.endswith("\n") else written + "\n")
    else:
        print_table(flat(result), columns=columns, title=title, console=console, out=out)


def write_delimited(rows: Sequence[dict], out: IO[str], *, delimiter: str = ",",
                    columns: Sequence[str] | None = None) -> None:
    """CSV (RFC 4180) or TSV with a header line; every column unless `columns` says."""
    names = list(columns) if columns is not None else columns_of(rows)
    if delimiter == "\t":
        out.write("\t".join(names) + "\n")
        for row in rows:
            out.write("\t".join(_tsv(cell(row.get(n))) for n in names) + "\n")
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([cell(row.get(n)) for n in names])


#: Above this many rows a table is written as plain aligned text: rich measures every cell and
#: needs tens of seconds for ten thousand rows; plain text takes a fraction of a second.
RICH_ROWS = 1000
PLAIN_WIDTH = 60


def print_table(rows: Sequence[dict], *, columns: Sequence[str] | None = None, title: str | None = None,
                console=None, out: IO[str] | None = None) -> None:
    """A table of `rows` for people (numbers right-aligned, with thousands separators)."""
    from rich.console import Console

    if console is None:
        console = Console(file=out or sys.stdout, highlight=False, soft_wrap=False,
                          width=None if (out or sys.stdout).isatty() else 200)
    names = list(columns) if columns is not None else columns_of(rows)
    numeric = {name: bool(rows) and all(_number(r.get(name)) for r in rows if r.get(name) is not None)
               for name in names}
    if len(rows) > RICH_ROWS:
        _plain_table(rows, names, numeric, title, console.file)
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, header_style="bold", title_justify="left")
    for name in names:
        table.add_column(name, justify="right" if numeric[name] else "left", overflow="fold")
    for row in rows:  # Text, not str: a value like "[b]" is data, not rich markup
        table.add_row(*(Text(_table_cell(row.get(n))) for n in names))
    console.print(table)


def _plain_table(rows: Sequence[dict], names: list[str], numeric: dict, title: str | None, out) -> None:
    cells = [[" / ".join(_table_cell(row.get(n)).splitlines()) for n in names] for row in rows]
    widths = [min(PLAIN_WIDTH, max([len(name), *(len(line[i]) for line in cells)])) for i, name in enumerate(names)]

    def line(values) -> str:
        parts = []
        for i, value in enumerate(values):
            value = value if len(value) <= widths[i] else value[: widths[i] - 1] + "…"
            parts.append(value.rjust(widths[i]) if numeric[names[i]] else value.ljust(widths[i]))
        return "  ".join(parts).rstrip()

    if title:
        out.write(title + "\n")
    out.write(line(names) + "\n" + "  ".join("-" * w for w in widths) + "\n")
    out.write("".join(line(values) + "\n" for values in cells))


# -- sentences for the results that read as such ----------------------------------------------

def paths_text(found) -> str:
    """Each path: its score and nodes, then one sentence per hop with its evidence."""
    return "\n".join(f"Path {i} (score {item.score:.3f}): {' → '.join(item.nodes)}\n{item.text()}"
                     for i, item in enumerate(found, 1))


def suggestions_text(found, reasons: int = 4) -> str:
    """Each suggestion: rank, name, kind, score, then its first reasons."""
    lines = []
    for i, s in enumerate(found, 1):
        lines.append(f"{i}. {s.label} ({s.kind}) — score {s.score:.3f}")
        lines.extend(f"     {reason.text}" for reason in s.reasons[:reasons])
    return "\n".join(lines)


def entity_text(entity) -> str:
    """An entity's name, kind, IRI and aliases, then each fact as a sentence."""
    from innograph.queries.paths import Hop

    lines = [f"{entity.label} ({entity.kind}) <{entity.iri}>"]
    if entity.aliases:
        lines.append(f"  also called: {', '.join(entity.aliases)}")
    for fact in entity.facts:
        hop = Hop(entity.label, fact.other, fact.relation, fact.text, fact.date, 0.0, entity.kind,
                  fact.other_kind, entity.iri, fact.other_iri, fact.evidence)
        lines.append(f"  - {hop.sentence()}")
    return "\n".join(lines)


def _number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _table_cell(value) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) >= 1 or value == 0 else f"{value:.3g}"
    return cell(value)


def _tsv(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _json_default(value):
    if isinstance(value, Decimal):
        return float(value) if value == value.to_integral_value() or abs(value) < 1e15 else str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return nested(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return str(value)


__all__ = ["FORMATS", "LISTING_FORMATS", "render", "nested", "flat", "cell", "check_format",
           "write_delimited", "print_table", "columns_of", "paths_text", "suggestions_text", "entity_text"]
