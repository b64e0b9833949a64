"""The one output layer: the same result as json (nested), csv/tsv (flat), a table, text."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from innograph.errors import UsageError
from innograph.queries.results import Record, Results
from innograph.render import RICH_ROWS, check_format, render


@dataclass
class Hop(Record):
    name: str
    weight: float


@dataclass
class Item(Record):
    label: str
    amount: Decimal
    hops: list[Hop] = field(default_factory=list)

    def rows(self):
        return [{"label": self.label, "hop": h.name, "weight": h.weight} for h in self.hops]


def sample() -> Results:
    return Results([Item("A, the first", Decimal("12.50"), [Hop("x", 0.5), Hop("y", 1.0)]),
                    Item("B\tsecond", Decimal("3"), [Hop("z", 0.25)])])


def written(result, fmt: str, **options) -> str:
    out = io.StringIO()
    render(result, fmt, out=out, **options)
    return out.getvalue()


def test_json_is_nested_and_csv_flat_with_the_rank():
    data = json.loads(written(sample(), "json"))
    assert data[0]["hops"][1] == {"name": "y", "weight": 1.0} and data[0]["amount"] == 12.5
    rows = list(csv.DictReader(io.StringIO(written(sample(), "csv"))))
    assert [(r["rank"], r["label"], r["hop"]) for r in rows] == [
        ("1", "A, the first", "x"), ("1", "A, the first", "y"), ("2", "B\tsecond", "z")]


def test_tsv_escapes_tabs_and_newlines():
    lines = written([{"a": "x\ty", "b": "two\nlines"}], "tsv").splitlines()
    assert lines == ["a\tb", "x\\ty\ttwo\\nlines"]


def test_an_empty_list_still_has_its_header():
    assert written([], "csv", columns=["id", "name"]) == "id,name\n"


def test_table_cells_are_data_not_markup():
    text = written([{"name": "[bold]ACME[/bold]", "n": 1200}], "table")
    assert "[bold]ACME[/bold]" in text and "1,200" in text


def test_long_tables_are_plain_aligned_text():
    rows = [{"name": f"org {i}", "count": i} for i in range(RICH_ROWS + 1)]
    lines = written(rows, "table", title="Many").splitlines()
    assert lines[0] == "Many" and lines[1].split() == ["name", "count"]
    assert lines[-1].split() == ["org", str(RICH_ROWS), f"{RICH_ROWS:,}"]
    assert len(lines) == RICH_ROWS + 1 + 3


def test_text_uses_the_given_sentences_else_a_table():
    assert written(sample(), "text", text=lambda r: f"{len(r)} items") == "2 items\n"
    assert "label" in written(sample(), "text")


def test_unknown_formats_are_usage_errors():
    assert check_format("CSV") == "csv"
    with pytest.raises(UsageError, match="bogus"):
        render([], "bogus")


def test_progress_shows_only_for_work_that_takes_a_while():
    import time

    from rich.console import Console

    from innograph.cli.progress import Busy

    slow, quick = io.StringIO(), io.StringIO()
    with Busy(Console(file=slow, force_terminal=True), "thinking", delay=0.05):
        time.sleep(0.4)
    with Busy(Console(file=quick, force_terminal=True), "quick", delay=5):
        pass
    with Busy(Console(file=io.StringIO(), force_terminal=False), "piped", delay=0.0) as piped:
        time.sleep(0.1)
    assert "thinking…" in slow.getvalue() and quick.getvalue() == ""
    assert piped._status is None
