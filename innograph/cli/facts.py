"""The ``facts`` command: what was extracted, with its evidence, for a person to review."""

from __future__ import annotations

import json
import sys

import click

from innograph.cli import App, cli
from innograph.cli.output import LISTING_FORMATS, emit

TABLE_COLUMNS = ["kind", "subject", "detail", "object", "evidence", "source"]
CSV_COLUMNS = [
    "kind", "subject_label", "object_label", "role", "current", "date", "amount", "currency", "quote",
    "label", "evidence", "start", "end", "source_label", "headline", "subject", "object", "node", "source",
]
EVIDENCE_WIDTH = 90


@cli.command()
@click.option("--source", help="Only the facts of one source (name or IRI; see `innograph sources`), or of "
                                "every article read from one file (its path or file name).")
@click.option("--kind", "kinds", multiple=True, metavar="KIND",
              help="Only facts of this kind (repeatable): member_of, holds_post, funds, supports, partner_of, "
                   "participates_in, organizes, event_location, located_in, attends, created_by, quoted, "
                   "author_of, mentioned.")
@click.option("--format", "fmt", type=click.Choice(LISTING_FORMATS), default="table", show_default=True,
              help="table for people (evidence truncated); json (every field) or csv for jq and spreadsheets.")
@click.pass_obj
def facts(app: App, source: str | None, kinds: tuple[str, ...], fmt: str) -> None:
    """List the facts in the graph with their evidence, for review.

    One row per fact: its kind, subject, detail (post title, date, amount, quotation), object,
    the sentence it was read from and its source. Facts written by hand (direct edges with no
    evidence) are listed too, with the evidence empty.

    \b
    Examples:
      innograph facts --kind holds_post --kind member_of
      innograph facts --source 000_165a3a16ab718192.txt --format json | jq '.[].evidence'
      innograph facts --kind funds --format csv > funding.csv
    """
    from innograph.queries.facts import kind_names, list_facts

    wanted = kind_names(kinds or None)  # checked before opening the store
    with app.graph() as kg:
        found = list_facts(kg, source=source, kind=wanted)
    if fmt == "json":
        json.dump([f.to_dict() for f in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if fmt == "csv":
        emit(app, [f.to_dict() for f in found], CSV_COLUMNS, "csv")
        return
    rows = [
        {
            "kind": f.kind,
            "subject": f.subject.display if f.subject else "",
            "detail": f.detail,
            "object": f.object.display if f.object else "",
            "evidence": _truncate(f.evidence or "", EVIDENCE_WIDTH),
            "source": _source_cell(f),
        }
        for f in found
    ]
    emit(app, rows, TABLE_COLUMNS, "table")
    app.err.print(f"{len(found)} fact{'s' if len(found) != 1 else ''}", style="dim", highlight=False)


def _source_cell(fact) -> str:
    """The source's label, and the article's headline under it when it has one."""
    label = fact.source_label or fact.source or ""
    if fact.headline and fact.headline != label:
        return f"{label}\n{_truncate(fact.headline, 48)}"
    return label


def _truncate(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
