"""``innograph resolve``: one node per organization across sources; review near misses."""

from __future__ import annotations

import click

from innograph.cli.app import App, cli
from innograph.cli.options import listing_format
from innograph.render import render


@cli.command()
@click.option("--review", is_flag=True, help="List the near misses left apart, for a person to accept or reject.")
@click.option("--merges", "list_merges", is_flag=True, help="List the merges made (which names, rule, sources).")
@click.option("--accept", "accepts", multiple=True, metavar="ID", help="Merge this candidate (from --review).")
@click.option("--reject", "rejects", multiple=True, metavar="ID", help="Keep this candidate's two nodes apart.")
@click.option("--undo", "undos", multiple=True, metavar="MERGE", help="Take back a merge (from --merges): both nodes return.")
@listing_format
@click.pass_obj
def resolve(app: App, review: bool, list_merges: bool, accepts, rejects, undos, fmt: str) -> None:
    """Resolve organizations across every source: identifiers, names, aliases.

    Merges nodes that share a SIREN (also from SIRET or French VAT), a VAT number or a CORDIS id,
    or whose names are the same once accents, case, punctuation, legal forms and abbreviations
    ("Univ.", "CHU") are set aside, or that another source knows as an alias. Near misses are not
    merged: --review lists them, --accept/--reject decide (decisions persist and win on every
    later run), --undo takes a merge back. Run it again after loading new sources.

    \b
    Examples:
      innograph resolve                      # run; summary on stderr
      innograph resolve --review             # near misses, with their ids
      innograph resolve --accept c1a2b3c4d --reject c5e6f7a8b
      innograph resolve --merges --format csv
      innograph resolve --undo m0a1b2c3d
    """
    fmt = fmt.lower()
    with app.session(write=True) as session, app.busy("resolving organizations"):
        decided = [(key, "accepted") for key in accepts] + [(key, "rejected") for key in rejects]
        decided += [(key, "undone") for key in undos]
        if decided:
            found = session.resolve(write=False)
            for key, decision in decided:
                a, b = session.decide(key, decision, result=found)
                app.err.print(f"{decision} {key}: {a} ~ {b}", markup=False, soft_wrap=True)
        result = session.resolve()
    if review:
        columns = ["id", "score", "rule", "name", "other"]
        render([c.as_dict() for c in result.candidates], fmt, console=app.out,
               columns=columns if fmt == "table" else [*columns, "iri", "other_iri"])
    elif list_merges:
        render([m.as_dict() for m in result.merges], fmt, console=app.out,
               columns=["id", "rule", "names", "merged", "into"])
    rules = ", ".join(f"{rule} {count}" for rule, count in result.by_rule().items()) or "none"
    app.err.print(
        f"{result.organizations:,} organization nodes → {result.distinct:,} organizations; "
        f"{len(result.merges):,} merged ({rules}); {len(result.candidates):,} near misses for review "
        f"(innograph resolve --review); {result.relabelled:,} labels made alternative",
        markup=False, soft_wrap=True)
