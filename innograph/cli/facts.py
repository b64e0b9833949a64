"""The ``facts`` command: what was extracted, with its evidence, for a person to review."""

from __future__ import annotations

import sys

import click

from innograph.cli.app import App, cli
from innograph.cli.options import listing_format, plural
from innograph.render import render, write_delimited

TABLE_COLUMNS = ["kind", "subject", "detail", "object", "evidence", "source"]
CSV_COLUMNS = [
    "kind", "subject_label", "object_label", "item_label", "role", "current", "date", "amount", "currency", "quote",
    "label", "evidence", "start", "end", "source_label", "headline", "subject", "object", "item", "node", "source",
]
EVIDENCE_WIDTH = 90


@cli.command()
@click.option("--source", help="Only the facts of one source (name or IRI; see `innograph sources`), or of "
                                "every article read from one file (its path or file name).")
@click.option("--kind", "kinds", multiple=True, metavar="KIND", callback=lambda c, p, v: tuple(k.lower() for k in v),
              help="Only facts of this kind (repeatable): member_of, holds_post, funds, supports, partner_of, "
                   "participates_in, organizes, event_location, located_in, attends, created_by, quoted, "
                   "author_of, mentioned.")
@listing_format
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
    from innograph.queries.facts import kind_names

    fmt = fmt.lower()
    wanted = kind_names(kinds or None)  # checked before opening the store
    with app.session() as session, app.busy("reading the facts"):
        found = session.facts(source=source, kind=wanted)
    if fmt in ("json", "csv", "tsv"):
        dicts = found.to_dict() if fmt == "json" else found.to_dicts()  # to_dicts: exact amounts
        if fmt == "json":
            render(dicts, "json")
        else:  # the same columns, in the same order, whatever the kinds listed
            write_delimited(dicts, sys.stdout, delimiter="," if fmt == "csv" else "\t", columns=CSV_COLUMNS)
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
    render(rows, "table", console=app.out, columns=TABLE_COLUMNS)
    app.err.print(plural(len(found), "fact"), style="dim", highlight=False)


def _source_cell(fact) -> str:
    """The source's label, and the article's headline under it when it has one."""
    label = fact.source_label or fact.source or ""
    if fact.headline and fact.headline != label:
        return f"{label}\n{_truncate(fact.headline, 48)}"
    return label


def _truncate(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
