"""Commands that ask: sparql, stats, validate. They only read: the store is opened read-only."""

from __future__ import annotations

import sys

import click

from innograph.cli.app import App, cli
from innograph.cli.options import listing_format, plural
from innograph.errors import InputError
from innograph.render import check_format, render

SPARQL_FORMATS = ("table", "json", "csv", "tsv", "xml", "ttl", "nt", "jsonld")


def read_query(text: str) -> str:
    """QUERY as given, @file.rq for a file's content, or - for standard input."""
    if text == "-":
        return sys.stdin.read()
    if text.startswith("@"):
        path = text[1:]
        try:
            with open(path, encoding="utf-8") as stream:
                return stream.read()
        except OSError as exc:
            raise InputError(f"cannot read the query file: {exc.strerror or exc}", path=path) from None
        except UnicodeDecodeError as exc:
            raise InputError(f"the query file is not UTF-8 text ({exc.reason})", path=path) from None
    return text


@cli.command()
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(SPARQL_FORMATS, case_sensitive=False), default="table",
              show_default=True,
              help="SELECT/ASK: table, json (W3C results JSON), csv, tsv, xml. CONSTRUCT/DESCRIBE: ttl (also "
                   "what table prints), nt, jsonld, xml, or csv/tsv (one row per triple).")
@click.option("--no-union", is_flag=True, help="Query the store's default graph only, not the union of all sources.")
@click.option("--no-service", is_flag=True,
              help="Refuse SERVICE clauses (requests to other SPARQL endpoints), as the library and the server do.")
@click.pass_obj
def sparql(app: App, query: str, fmt: str, no_union: bool, no_service: bool) -> None:
    """Run a SPARQL 1.1 query: QUERY text, @file.rq, or - to read it from standard input.

    The default graph is the union of every source; GRAPH ?g reaches a source's own graph.
    Prefixes ig: org: foaf: schema: prov: dcterms: skos: time: rdf: rdfs: xsd: owl: are
    predeclared. An ASK answered "no" exits with 1, so shell scripts can test it.

    At your own shell a query may use SERVICE <http://...> to ask another endpoint (the
    request leaves this machine); --no-service refuses it. The Python API and the server
    refuse SERVICE unless told otherwise. The store is opened read-only: updates are refused.

    \b
    Examples:
      innograph sparql 'SELECT ?person ?org WHERE { ?person schema:worksFor ?org }'
      innograph sparql @queries/members.rq --format csv > members.csv
      innograph sparql 'CONSTRUCT WHERE { ?s org:memberOf ?o }' --format nt
    """
    fmt = fmt.lower()
    text = read_query(query)
    with app.session() as session, app.busy("running the query"):
        result = session.sparql(text, union=not no_union, service=not no_service)
        write_result(app, result, fmt)
    if result.kind == "ask" and not result.boolean:
        raise click.exceptions.Exit(1)  # the answer, already printed, is "no"


def write_result(app: App, result, fmt: str) -> None:
    """A SPARQL result in `fmt`: W3C formats as the store writes them, tables through render."""
    if fmt == "table" and result.kind == "ask":
        click.echo("yes" if result.boolean else "no")
    elif fmt == "table" and result.kind == "graph":
        result.serialize(sys.stdout.buffer, "ttl")
    elif fmt == "table" or (fmt in ("csv", "tsv") and result.kind == "graph"):
        rows = result.to_dicts()
        render(rows, fmt, console=app.out, columns=result.columns)
        app.err.print(plural(len(rows), "row"), style="dim")
    elif result.kind == "graph" and fmt not in ("ttl", "nt", "jsonld", "xml"):
        raise click.UsageError(f"a CONSTRUCT/DESCRIBE result prints as ttl, nt, jsonld, xml, csv or tsv, not {fmt}")
    elif result.kind != "graph" and fmt in ("ttl", "nt", "jsonld"):
        raise click.UsageError(f"a SELECT/ASK result prints as table, json, csv, tsv or xml, not {fmt}")
    else:
        result.serialize(sys.stdout.buffer, fmt)
    sys.stdout.flush()


def stats_rows(result: dict) -> list[dict]:
    """The flat rows of the statistics: one per class and one per fact kind."""
    rows = [{"group": "class", "name": c["class"], "count": c["instances"]} for c in result.get("classes", [])]
    for f in result.get("facts", []):
        count = f.get("nodes") if f.get("nodes") is not None else f.get("edges")
        rows.append({"group": "fact", "name": f["kind"], "count": count})
    return rows


@cli.command()
@listing_format
@click.pass_obj
def stats(app: App, fmt: str) -> None:
    """Counts by class and by fact kind (memberships, posts, grants, ...).

    csv and tsv give one line per class and per fact kind (group, name, count); json gives
    every figure.
    """
    fmt = fmt.lower()
    with app.session() as session, app.busy("counting"):
        result = session.stats()
    data = result.to_dict() if hasattr(result, "to_dict") else result
    if fmt == "json":
        render(data, "json")
    elif fmt in ("csv", "tsv"):
        render(result.to_dicts() if hasattr(result, "to_dicts") else stats_rows(data), fmt)
    else:
        sources = data["sources"]
        app.out.print(f"{data['triples']:,} triples in {plural(sources, 'source')} (with their descriptions)")
        render(data["classes"], "table", console=app.out, title="Things by class")
        render(data["facts"], "table", console=app.out, title="Facts by kind")


@cli.command()
@click.option("--source", help="Validate one source (name, path or IRI) instead of the whole graph.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "turtle"], case_sensitive=False),
              default="table", show_default=True, help="turtle prints pySHACL's full report text.")
@click.pass_obj
def validate(app: App, source: str | None, fmt: str) -> None:
    """Check the graph against the ontology's SHACL shapes; exit 1 if it does not conform.

    Violations (an org:Post without org:heldBy, an organization with two labels, an amount
    that is not a decimal...) make the data non-conforming; warnings are listed too.
    """
    fmt = fmt.lower()
    with app.session() as session, app.busy("validating against the SHACL shapes"):
        report = session.validate(source=source)
    if fmt == "turtle":
        click.echo(report.text)
    elif report.findings or fmt != "table":
        check_format(fmt)
        render([f.as_dict() for f in report.findings], fmt, console=app.out,
               columns=["severity", "focus", "path", "message", "value"])
    warnings = len(report.findings) - len(report.violations)
    summary = f"{len(report.violations)} violation(s), {warnings} warning(s)"
    if not report.conforms:
        app.err.print(f"does not conform: {summary}")
        raise click.exceptions.Exit(1)
    app.err.print(f"conforms ({summary})")
