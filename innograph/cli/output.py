"""Writing listings as a rich table, JSON or CSV (the same columns in each)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence

import click

LISTING_FORMATS = ("table", "json", "csv")

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(LISTING_FORMATS),
    default="table",
    show_default=True,
    help="table for people; json or csv for jq and spreadsheets.",
)


def emit(app, records: Sequence[dict], columns: Sequence[str], fmt: str, *, title: str | None = None) -> None:
    """Print `records` (dicts) with `columns` in `fmt` to standard output."""
    if fmt == "json":
        json.dump(list(records), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    else:
        from rich.table import Table

        table = Table(title=title, header_style="bold", title_justify="left")
        for column in columns:
            numeric = bool(records) and all(isinstance(r.get(column), int) for r in records)
            table.add_column(column, justify="right" if numeric else "left", overflow="fold")
        for record in records:
            table.add_row(*(_cell(record.get(c)) for c in columns))
        app.out.print(table)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)
