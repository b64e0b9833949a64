"""Commands that put data in and take it out: load, sources, export.

``load`` and ``sources remove`` open the store for writing; ``sources`` and ``export`` read only.
"""

from __future__ import annotations

import time
from pathlib import Path

import click

from innograph.cli.app import App, cli
from innograph.cli.options import listing_format, output_stream, plural
from innograph.graph.formats import NAMES as RDF_FORMAT_NAMES
from innograph.ontology import shorten
from innograph.render import render


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--kind", help="Loader to use instead of guessing from the file type: rdf, documents, members, "
                             "cordis or sirene.")
@click.option("--format", "rdf_format", type=click.Choice(sorted(RDF_FORMAT_NAMES), case_sensitive=False),
              help="RDF format when the extension does not say (ttl, nt, nq, trig, jsonld, xml, n3).")
@click.option("--as", "name", help="Name of the source (default: the file name; for stdin: 'stdin').")
@click.option("--base-iri", help="Base IRI for relative IRIs (default: the file's file: URI).")
@click.option("--force", is_flag=True, help="Reload files even when their bytes did not change.")
@click.option("--max-size", type=click.FloatRange(min=0.001), metavar="MB",
              help="Largest article file read, in MB (default 20): a bigger one is refused, not half-read.")
@click.option("--of", "of", help="Tables: the cluster the listed organizations are members of (or the project, the funder).")
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False), help="Tables: a YAML file saying which column holds what.")
@click.option("--strict", is_flag=True, help="Tables: a bad row fails the whole file (default: skip and report it).")
@click.pass_obj
def load(app: App, paths, kind, rdf_format, name, base_iri, force, max_size, of, mapping, strict) -> None:
    """Load files into the store; each file becomes one source (a named graph).

    Reads RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML), press articles (.txt, .md,
    .html: organizations, people, posts, memberships, grants and events, each with the sentence
    it was read from), member lists and other tables (CSV, TSV, XLSX, JSON), CORDIS and SIRENE
    exports. PATHS are files, directories (walked; files no loader reads are passed over), glob
    patterns ('data/**/*.ttl'), or - for standard input. Loading a file again replaces what
    it gave before, in one transaction: its old facts vanish and the new ones appear, and a
    file that fails to load leaves the store exactly as it was.

    \b
    Examples:
      innograph load ontology.ttl members.nt
      innograph load data/                    # every RDF file below data/
      curl -s https://example.org/x.ttl | innograph load - --format ttl --as example
      innograph load members.csv --kind members --of "Seine Robotique"
      innograph load odd-layout.xlsx --mapping odd-layout.yaml --strict
      innograph load ../shared/data/cordis-h2020/     # CORDIS projects, participations, topics
    """
    from innograph.load import expand

    kind = kind.lower() if kind else None
    files = expand(paths, kind=kind)
    if not files:
        raise click.UsageError("no loadable file found in " + ", ".join(paths))
    options = {k: v for k, v in {"format": rdf_format.lower() if rdf_format else None, "name": name,
                                 "base_iri": base_iri, "of": of, "mapping": mapping, "strict": strict,
                                 "max_size": int(max_size * 1024 * 1024) if max_size else None}.items() if v}
    totals = {"loaded": 0, "unchanged": 0, "triples": 0}
    started = time.perf_counter()
    with app.session(write=True) as session, _progress(app, len(files)) as advance:
        t0 = [time.perf_counter()]

        def done(result) -> None:
            _report_problems(app, result)
            totals[result.status] += 1
            totals["triples"] += result.triples
            advance(Path(result.path), result, time.perf_counter() - t0[0])
            t0[0] = time.perf_counter()

        session.load(files, kind=kind, force=force, on_result=done,
                     progress_for=lambda p: _row_progress(app, p), **options)
    elapsed = time.perf_counter() - started
    app.err.print(
        f"{totals['loaded']} loaded, {totals['unchanged']} unchanged; "
        f"{totals['triples']:,} triples in {plural(len(files), 'file')} "
        f"({elapsed:.1f} s) into {app.store_path or 'the default store'}"
    )


def _row_progress(app: App, path: Path):
    """Rows read so far, on stderr, for long tables (every 20,000 rows; nothing when quiet)."""
    started = time.perf_counter()

    def report(rows: int) -> None:
        if app.quiet or rows < 100_000:
            return
        seconds = time.perf_counter() - started
        app.err.print(f"  {path.name}: {rows:,} rows ({rows / max(seconds, 1e-9):,.0f} rows/s)")

    return report


def _report_problems(app: App, result) -> None:
    """The bad rows a loader skipped: one line each (file:line:column, what, value)."""
    problems = getattr(result, "problems", None) or []
    if not problems:
        return
    shown = problems if app.verbose or len(problems) <= 50 else problems[:50]
    for problem in shown:
        app.err.print(f"skipped {problem}", markup=False, soft_wrap=True)
    more = f" ({len(problems) - len(shown)} more not shown; -v shows all)" if len(shown) < len(problems) else ""
    app.err.print(f"{result.path}: {len(problems)} bad row{'s' if len(problems) != 1 else ''} skipped{more}; "
                  "--strict refuses the whole file instead", markup=False, soft_wrap=True)


class _progress:
    """A progress bar on stderr (several files, or one that takes a while); a line per file otherwise."""

    def __init__(self, app: App, total: int) -> None:
        self.app, self.total, self.bar = app, total, None

    def __enter__(self):
        if self.app.err.is_terminal and not self.app.quiet:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                TextColumn("loading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=self.app.err, transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("load", total=self.total)
        return self.advance

    def advance(self, path: Path, result, seconds: float) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)
        if self.app.verbose or self.bar is None:
            what = f"{result.triples:,} triples" if result.status == "loaded" else "unchanged, skipped"
            self.app.err.print(f"{result.status:>9} {path}: {what} ({seconds:.2f} s)")

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


@cli.group(invoke_without_command=True)
@listing_format
@click.pass_context
def sources(ctx: click.Context, fmt: str) -> None:
    """List the loaded sources with their triple counts (or remove one: sources remove SOURCE)."""
    if ctx.invoked_subcommand is not None:
        return
    app: App = ctx.obj
    fmt = fmt.lower()
    with app.session() as session:
        found = session.sources()
    records = [
        {
            "source": s.label,
            "triples": s.triples,
            "loader": s.loader,
            "loaded": (s.loaded_at or "").replace("T", " ").removesuffix("+00:00"),
            "path": s.path,
            "iri": s.iri,
            "types": [shorten(t) for t in s.types],
        }
        for s in found
    ]
    columns = ["source", "triples", "loader", "loaded", "path"] + (["iri"] if app.verbose else [])
    render(records, fmt, console=app.out, columns=columns if fmt == "table" else [*columns, "iri", "types"])
    if fmt == "table":
        app.err.print(f"{plural(len(found), 'source')}, {sum(s.triples for s in found):,} triples")


@sources.command("remove")
@click.argument("source")
@click.pass_obj
def sources_remove(app: App, source: str) -> None:
    """Remove SOURCE (its name, path or IRI) and every triple it brought."""
    with app.session(write=True) as session:
        info = session.source(source)
        count = session.remove_source(info.iri)
    app.err.print(f"removed {info.label} ({count:,} triples)")


EXPORT_FORMATS = ("ttl", "trig", "nq", "nt", "jsonld")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS, case_sensitive=False), default="trig", show_default=True,
              help="trig/nq/jsonld keep one named graph per source; ttl/nt merge them.")
@click.option("--source", "source", help="Only this source (name, path or IRI).")
@click.option("-o", "--output", default="-", show_default=True, help="File to write, or - for standard output.")
@click.pass_obj
def export(app: App, fmt: str, source: str | None, output: str) -> None:
    """Write the graph (or one source) as RDF; a file that cannot be written exits with 3.

    \b
    Examples:
      innograph export --format ttl -o graph.ttl
      innograph export --format nq --source members.csv | gzip > members.nq.gz
    """
    fmt = fmt.lower()
    with app.session() as session:
        session.source(source) if source else None  # an unknown source fails before the file is made
        with output_stream(output) as stream, app.busy(f"writing {fmt}"):
            count = session.export(stream, fmt, source=source)
    app.err.print(f"wrote {count:,} {'triples' if fmt in ('ttl', 'nt') else 'quads'} as {fmt} to {output}")
