"""Commands that ask: sparql, stats, validate."""

from __future__ import annotations

import sys

import click

from innograph.cli import App, cli
from innograph.cli.output import emit, format_option
from innograph.errors import InputError

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
    return text


@cli.command()
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(SPARQL_FORMATS), default="table", show_default=True,
              help="SELECT/ASK: table, json (W3C results JSON), csv, tsv, xml. CONSTRUCT/DESCRIBE: ttl (default), nt, jsonld, xml.")
@click.option("--no-union", is_flag=True, help="Query the store's default graph only, not the union of all sources.")
@click.pass_obj
def sparql(app: App, query: str, fmt: str, no_union: bool) -> None:
    """Run a SPARQL 1.1 query: QUERY text, @file.rq, or - to read it from standard input.

    The default graph is the union of every source; GRAPH ?g reaches a source's own graph.
    Prefixes ig: org: foaf: schema: prov: dcterms: skos: time: rdf: rdfs: xsd: owl: are
    predeclared. An ASK answered "no" exits with 1, so shell scripts can test it.

    \b
    Examples:
      innograph sparql 'SELECT ?person ?org WHERE { ?person schema:worksFor ?org }'
      innograph sparql @queries/members.rq --format csv > members.csv
      innograph sparql 'CONSTRUCT WHERE { ?s org:memberOf ?o }' --format nt
    """
    from innograph.queries.sparql import run, write

    with app.graph() as kg:
        result = run(kg, read_query(query), union=not no_union)
        write(result, fmt, sys.stdout.buffer, console=app.out, err=app.err)
        sys.stdout.flush()
    if result.kind == "ask" and not result.boolean:
        raise click.exceptions.Exit(1)  # the answer, already printed, is "no"


@cli.command()
@format_option
@click.pass_obj
def stats(app: App, fmt: str) -> None:
    """Counts by class and by fact kind (memberships, posts, grants, ...)."""
    import json

    from innograph.queries.stats import summary

    with app.graph() as kg:
        result = summary(kg)
    if fmt == "json":
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if fmt == "csv":
        rows = [{"group": "class", "name": c["class"], "count": c["instances"]} for c in result["classes"]]
        rows += [{"group": "fact", "name": f["kind"], "count": f["nodes"] if f["nodes"] is not None else f["edges"]}
                 for f in result["facts"]]
        emit(app, rows, ["group", "name", "count"], "csv")
        return
    plural = "s" if result["sources"] != 1 else ""
    app.out.print(f"{result['triples']:,} triples in {result['sources']} source{plural} (with their descriptions)")
    emit(app, result["classes"], ["class", "instances"], "table", title="Things by class")
    emit(app, result["facts"], ["kind", "edges", "nodes", "stored as"], "table", title="Facts by kind")


@cli.command()
@click.option("--source", help="Validate one source (name, path or IRI) instead of the whole graph.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "turtle"]), default="table",
              show_default=True, help="turtle prints pySHACL's full report text.")
@click.pass_obj
def validate(app: App, source: str | None, fmt: str) -> None:
    """Check the graph against the ontology's SHACL shapes; exit 1 if it does not conform.

    Violations (an org:Post without org:heldBy, an organization with two labels, an amount
    that is not a decimal...) make the data non-conforming; warnings are listed too.
    """
    from innograph.ontology.shacl import validate as run_validation

    with app.graph() as kg:
        graph = kg.source(source).iri if source else None
        report = run_validation(kg, graph=graph)
    if fmt == "turtle":
        click.echo(report.text)
    elif report.findings or fmt != "table":
        columns = ["severity", "focus", "path", "message", "value"]
        emit(app, [f.as_dict() for f in report.findings], columns, fmt)
    warnings = len(report.findings) - len(report.violations)
    summary = f"{len(report.violations)} violation(s), {warnings} warning(s)"
    if not report.conforms:
        app.err.print(f"does not conform: {summary}")
        raise click.exceptions.Exit(1)
    app.err.print(f"conforms ({summary})")
