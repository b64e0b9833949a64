"""Commands that explore the graph: path, suggest, brokers, communities, show, search, export-graph."""

from __future__ import annotations

import json
import sys

import click

from innograph.cli import App, cli
from innograph.cli.output import emit

FORMATS = ("text", "table", "json")

format_choice = click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
                             help="text reads as sentences; table for people; json for jq.")
as_of_option = click.option("--as-of", "as_of", metavar="DATE",
                            help="Only facts valid then (memberships, posts, grants...): YYYY-MM-DD, YYYY-MM or YYYY.")


def _json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _projection(app: App, kg):
    from innograph.graph.projection import cache_path, fingerprint, projection

    path = cache_path(kg)
    fresh = path is not None and path.exists()
    result = projection(kg)
    if app.verbose:
        app.err.print(f"projection: {result.n_nodes:,} nodes, {result.n_edges:,} edges"
                      f" ({'cached' if fresh else 'built'}; {fingerprint(kg)[:8]})")
    return result


@cli.command()
@click.argument("source")
@click.argument("target")
@click.option("-k", "k", type=click.IntRange(1, 100), default=5, show_default=True, help="How many paths.")
@click.option("--max-hops", type=click.IntRange(1, 8), default=4, show_default=True)
@click.option("--via", multiple=True, metavar="KIND",
              help="Only through these node kinds (Project, Cluster, Person, Company...) or fact kinds "
                   "(participates_in, member_of...). Repeat for several.")
@click.option("--avoid-hubs", is_flag=True, help="Penalize hubs (a region that funds everyone) much more.")
@as_of_option
@format_choice
@click.pass_obj
def path(app: App, source, target, k, max_hops, via, avoid_hubs, as_of, fmt) -> None:
    """The K strongest paths from SOURCE to TARGET, every hop explained with its evidence.

    SOURCE and TARGET are names (fuzzy, accent-insensitive) or IRIs. A path's score is the
    product of its hops' strengths: fact kind, recency, and a penalty for passing through
    hubs. Exit 1 when there is no path (the organizations each end reaches are listed).

    \b
    Examples:
      innograph path "CHU de Nantes" Biolumen
      innograph path "CHU de Nantes" "Sanofi Nantes" -k 3 --avoid-hubs --format json
      innograph path ACME "CHU de Nantes" --via Project --as-of 2019-12-31
    """
    from innograph.queries.paths import NoPath, paths

    with app.graph() as kg:
        p = _projection(app, kg)
        try:
            found = paths(kg, source, target, k=k, max_hops=max_hops, via=via, avoid_hubs=avoid_hubs,
                          as_of=as_of, projection=p)
        except NoPath as exc:
            if fmt == "json":
                _json([])
            app.err.print(f"{exc}")
            for side, near in ((source, exc.nearest_from), (target, exc.nearest_to)):
                if near:
                    listed = ", ".join(f"{n.label} ({n.kind}, {n.hops} hop{'s' if n.hops != 1 else ''})" for n in near)
                    app.err.print(f"nearest organizations reachable from {side}: {listed}")
                else:
                    app.err.print(f"{side} reaches no organization within the hop limit")
            raise click.exceptions.Exit(1) from None
    if fmt == "json":
        _json(found.to_dicts())
    elif fmt == "table":
        records = [{"path": i, **row} for i, item in enumerate(found, 1) for row in item.rows()]
        emit(app, records, ["path", "hop", "from", "text", "to", "date", "source", "evidence"], "table")
    else:
        for i, item in enumerate(found, 1):
            click.echo(f"Path {i} (score {item.score:.3f}): {' → '.join(item.nodes)}")
            click.echo(item.text())
    app.err.print(f"{len(found)} path{'s' if len(found) != 1 else ''}")


@cli.command()
@click.argument("name")
@click.option("--kind", "kinds", multiple=True, metavar="KIND", help="Only organizations of this kind (Company...).")
@click.option("-n", "n", type=click.IntRange(1, 1000), default=10, show_default=True)
@as_of_option
@format_choice
@click.pass_obj
def suggest(app: App, name, kinds, n, as_of, fmt) -> None:
    """Organizations NAME is not linked to yet but could work with, each with its reasons.

    Scores combine shared intermediaries (Adamic–Adar, resource allocation), meta-path
    similarity (PathSim over shared projects, clusters, events and people) and cross-sector
    complementarity (a hospital and a carmaker in one cluster rank above two hospitals).

    \b
    Examples:
      innograph suggest "CHU de Nantes"
      innograph suggest "CHU de Nantes" --kind Company -n 5 --format json
    """
    from innograph.queries.suggest import suggest as run

    with app.graph() as kg:
        p = _projection(app, kg)
        found = run(kg, name, kinds=kinds or None, n=n, as_of=as_of, projection=p)
    if fmt == "json":
        _json(found.to_dicts())
    elif fmt == "table":
        emit(app, [s.summary() for s in found], ["organization", "kind", "score", "reasons"], "table")
    else:
        for i, s in enumerate(found, 1):
            click.echo(f"{i}. {s.label} ({s.kind}) — score {s.score:.3f}")
            for reason in s.reasons[:4]:
                click.echo(f"     {reason.text}")
    app.err.print(f"{len(found)} suggestion{'s' if len(found) != 1 else ''}")


@cli.command()
@click.option("--between", nargs=2, metavar="KIND KIND", help="Only paths between two organization kinds.")
@click.option("-n", "n", type=click.IntRange(1, 10000), default=20, show_default=True)
@click.option("--samples", type=click.IntRange(0), default=None,
              help="Betweenness from this many sampled sources; 0: exact. Default: exact up to 5,000 "
                   "organizations, 200 sampled sources beyond.")
@as_of_option
@click.option("--format", "fmt", type=click.Choice(("table", "json", "csv")), default="table", show_default=True)
@click.pass_obj
def brokers(app: App, between, n, samples, as_of, fmt) -> None:
    """Organizations that broker between others: betweenness, Burt's constraint and effective
    size, and the Gould–Fernandez brokerage roles by organization kind.

    \b
    Examples:
      innograph brokers
      innograph brokers --between Hospital Company --format json
    """
    from innograph.queries.brokers import COLUMNS, brokers as run

    with app.graph() as kg:
        p = _projection(app, kg)
        found = run(kg, between=between, n=n, samples=samples, as_of=as_of, projection=p)
    if fmt == "json":
        _json(found.to_dicts())
    else:
        emit(app, [b.rows()[0] for b in found], COLUMNS, fmt)


@cli.command()
@click.option("--method", type=click.Choice(("leiden", "louvain")), default="leiden", show_default=True)
@click.option("--resolution", type=float, default=1.0, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@as_of_option
@click.option("--format", "fmt", type=click.Choice(("table", "json", "csv")), default="table", show_default=True)
@click.pass_obj
def communities(app: App, method, resolution, seed, as_of, fmt) -> None:
    """Communities of organizations, and the organizations that bridge them.

    \b
    Examples:
      innograph communities
      innograph communities --method louvain --format json
    """
    from innograph.queries.communities import communities as run

    with app.graph() as kg:
        p = _projection(app, kg)
        found = run(kg, method=method, resolution=resolution, seed=seed, as_of=as_of, projection=p)
    if fmt == "json":
        _json(found.to_dicts())
        return
    records = [c.summary() for c in found]
    emit(app, records, ["community", "size", "kinds", "members", "bridges"], fmt)


@cli.command()
@click.argument("name")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many facts.")
@as_of_option
@format_choice
@click.pass_obj
def show(app: App, name, limit, as_of, fmt) -> None:
    """Every fact about NAME (fuzzy, accent-insensitive), with its evidence.

    \b
    Examples:
      innograph show "CHU de Nantes"
      innograph show biolumen --format json
    """
    from innograph.queries.lookup import show as run

    with app.graph() as kg:
        p = _projection(app, kg)
        entity = run(kg, name, as_of=as_of, limit=limit, projection=p)
    if fmt == "json":
        _json(entity.to_dict())
    elif fmt == "table":
        emit(app, entity.rows(), ["relation", "text", "other", "date", "source", "evidence"], "table",
             title=f"{entity.label} ({entity.kind})")
    else:
        click.echo(f"{entity.label} ({entity.kind}) <{entity.iri}>")
        if entity.aliases:
            click.echo(f"  also called: {', '.join(entity.aliases)}")
        from innograph.queries.paths import Hop

        for fact in entity.facts:
            hop = Hop(entity.label, fact.other, fact.relation, fact.text, fact.date, 0.0, entity.kind,
                      fact.other_kind, entity.iri, fact.other_iri, fact.evidence)
            click.echo(f"  - {hop.sentence()}")
    app.err.print(f"{len(entity.facts)} fact{'s' if len(entity.facts) != 1 else ''}")


@cli.command()
@click.argument("text")
@click.option("--kind", "kinds", multiple=True, metavar="KIND", help="Only entities of this kind.")
@click.option("-n", "n", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(("table", "json", "csv")), default="table", show_default=True)
@click.pass_obj
def search(app: App, text, kinds, n, fmt) -> None:
    """Entities whose name or alias matches TEXT (fuzzy, accent-insensitive)."""
    from innograph.queries.lookup import search as run

    with app.graph() as kg:
        p = _projection(app, kg)
        hits = run(kg, text, limit=n, kinds=set(kinds) or None, projection=p)
    emit(app, hits.to_dicts(), ["label", "kind", "degree", "score", "iri"], fmt)
    if not hits:
        app.err.print(f"nothing matches {text!r}")
        raise click.exceptions.Exit(1)


@cli.command("export-graph")
@click.option("--format", "fmt", type=click.Choice(("graphml", "gexf")), default="graphml", show_default=True)
@click.option("-o", "--output", default="-", show_default=True, help="File to write, or - for standard output.")
@as_of_option
@click.pass_obj
def export_graph(app: App, fmt, output, as_of) -> None:
    """Write the projection (nodes with kinds, typed weighted edges) as GraphML or GEXF (Gephi).

    \b
    Examples:
      innograph export-graph --format gexf -o innovation.gexf
    """
    from innograph.graph.export_graph import write_graph

    with app.graph() as kg:
        p = _projection(app, kg)
        if output == "-":
            nodes, edges = write_graph(p, sys.stdout.buffer, fmt, as_of=as_of)
            sys.stdout.flush()
        else:
            with open(output, "wb") as stream:
                nodes, edges = write_graph(p, stream, fmt, as_of=as_of)
    app.err.print(f"wrote {nodes:,} nodes and {edges:,} edges as {fmt} to {output}")
