"""Commands that explore the graph: path, suggest, brokers, communities, show, search, export-graph.

They only read: the store is opened read-only.
"""

from __future__ import annotations

import click

from innograph.cli.app import App, cli
from innograph.cli.options import (
    as_of_option, canonical_kinds, hub_arguments, hub_options, kinds_callback, listing_format, output_stream, plural,
    text_format,
)
from innograph.cli.push import backend_options, search_backend
from innograph.render import entity_text, paths_text, render, suggestions_text

PATH_COLUMNS = ["rank", "hop", "from", "text", "to", "date", "source", "evidence"]
#: The header of an empty CSV answer: the columns of a path's rows (queries.paths.Path.rows).
PATH_ROW_COLUMNS = ["rank", "hop", "score", "from", "relation", "to", "text", "date", "source", "evidence",
                    "from_iri", "to_iri"]


def _projection(app: App, session):
    """The session's projection, with a spinner if building or reading it takes a while."""
    with app.busy("reading the graph's projection (built once per change of the store)") as busy:
        p = session.projection
    if app.verbose:
        app.err.print(f"projection: {p.n_nodes:,} nodes, {p.n_edges:,} edges ({busy.seconds:.1f} s)")
    return p


@cli.command()
@click.argument("source")
@click.argument("target")
@click.option("-k", "k", type=click.IntRange(1, 100), default=5, show_default=True, help="How many paths.")
@click.option("--max-hops", type=click.IntRange(1, 8), default=4, show_default=True)
@click.option("--via", multiple=True, metavar="KIND", callback=kinds_callback,
              help="Only through these node kinds (Project, Cluster, Person, Company...) or fact kinds "
                   "(participates_in, member_of...). Repeat for several.")
@click.option("--avoid-hubs", is_flag=True, help="Penalize hubs (a region that funds everyone) much more.")
@hub_options
@as_of_option
@backend_options
@text_format
@click.pass_obj
def path(app: App, source, target, k, max_hops, via, avoid_hubs, exclude, include_hubs, as_of, fmt,
         **backend) -> None:
    """The K strongest paths from SOURCE to TARGET, every hop explained with its evidence.

    SOURCE and TARGET are names (fuzzy, accent-insensitive) or IRIs. A path's score is the
    product of its hops' strengths: fact kind, recency, and a penalty for passing through
    hubs. Exit 1 when there is no path (the organizations each end reaches are listed on
    standard error; JSON prints an empty list).

    \b
    Examples:
      innograph path "CHU de Nantes" Biolumen
      innograph path "CHU de Nantes" "Sanofi Nantes" -k 3 --avoid-hubs --format json
      innograph path ACME "CHU de Nantes" --via Project --as-of 2019-12-31 --format csv
    """
    from innograph.queries.paths import NoPath

    with app.session() as session:
        _projection(app, session)
        try:
            with app.busy("searching paths"), search_backend(session, **backend) as search:
                found = session.paths(source, target, k=k, max_hops=max_hops, via=via, avoid_hubs=avoid_hubs,
                                      as_of=as_of, search=search, **hub_arguments(exclude, include_hubs))
        except NoPath as exc:
            _no_path(app, exc, source, target, fmt)
    render(found, fmt, console=app.out, columns=PATH_COLUMNS, text=paths_text)
    app.err.print(plural(len(found), "path"))


def _no_path(app: App, exc, source: str, target: str, fmt: str):
    if fmt in ("json", "csv", "tsv"):  # an empty answer in the format asked for, then exit 1
        render([], fmt, columns=PATH_ROW_COLUMNS)
    app.err.print(f"{exc}", markup=False)
    for side, near in ((source, exc.nearest_from), (target, exc.nearest_to)):
        if near:
            listed = ", ".join(f"{n.label} ({n.kind}, {plural(n.hops, 'hop')})" for n in near)
            app.err.print(f"nearest organizations reachable from {side}: {listed}", markup=False)
        else:
            app.err.print(f"{side} reaches no organization within the hop limit", markup=False)
    raise click.exceptions.Exit(1)


@cli.command()
@click.argument("name")
@click.option("--kind", "kinds", multiple=True, metavar="KIND", callback=kinds_callback,
              help="Only organizations of this kind (Company, Hospital...; any case). Repeat for several.")
@click.option("-n", "n", type=click.IntRange(1, 1000), default=10, show_default=True)
@hub_options
@as_of_option
@backend_options
@text_format
@click.pass_obj
def suggest(app: App, name, kinds, n, exclude, include_hubs, as_of, fmt, **backend) -> None:
    """Organizations NAME could work with, each with its reasons.

    Scores combine shared intermediaries (Adamic–Adar, resource allocation), meta-path
    similarity (PathSim over shared projects, clusters, events and people) and cross-sector
    complementarity (a hospital and a carmaker in one cluster rank above two hospitals).

    \b
    Examples:
      innograph suggest "CHU de Nantes"
      innograph suggest "CHU de Nantes" --kind company -n 5 --format json
      innograph suggest "CHU de Nantes" --backend neo4j --uri bolt://localhost:7687
    """
    with app.session() as session:
        _projection(app, session)
        with app.busy("scoring candidates"), search_backend(session, **backend, step="neighbours") as search:
            found = session.suggest(name, kinds=kinds or None, n=n, as_of=as_of, search=search,
                                    **hub_arguments(exclude, include_hubs))
    render(found, fmt, console=app.out, columns=["rank", "organization", "kind", "score", "reasons"],
           text=suggestions_text)
    app.err.print(plural(len(found), "suggestion"))


@cli.command()
@click.option("--between", nargs=2, metavar="KIND KIND", callback=lambda c, p, v: canonical_kinds(v) or None,
              help="Only paths between two organization kinds.")
@click.option("-n", "n", type=click.IntRange(1, 10000), default=20, show_default=True)
@click.option("--samples", type=click.IntRange(0), default=None,
              help="Betweenness from this many sampled sources; 0: exact. Default: exact up to 5,000 "
                   "organizations, 200 sampled sources beyond.")
@hub_options
@as_of_option
@listing_format
@click.pass_obj
def brokers(app: App, between, n, samples, exclude, include_hubs, as_of, fmt) -> None:
    """Organizations that broker between others: betweenness, Burt's constraint and effective
    size, and the Gould–Fernandez brokerage roles by organization kind.

    \b
    Examples:
      innograph brokers
      innograph brokers --between Hospital Company --format json
    """
    with app.session() as session:
        _projection(app, session)
        with app.busy("computing betweenness"):
            found = session.brokers(between=between, n=n, samples=samples, as_of=as_of,
                                    **hub_arguments(exclude, include_hubs))
    columns = None
    if fmt == "table" and found:
        columns = [c for c in found.to_dicts()[0] if c not in ("iri", "rank")]
    render(found, fmt, console=app.out, columns=columns)


@cli.command()
@click.option("--method", type=click.Choice(("leiden", "louvain"), case_sensitive=False), default="leiden",
              show_default=True)
@click.option("--resolution", type=float, default=1.0, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@hub_options
@as_of_option
@listing_format
@click.pass_obj
def communities(app: App, method, resolution, seed, exclude, include_hubs, as_of, fmt) -> None:
    """Communities of organizations, and the organizations that bridge them.

    The table shows each community's first members; csv and tsv list every member, one per
    line; json gives each community with its members and bridges.

    \b
    Examples:
      innograph communities
      innograph communities --method louvain --format csv > members.csv
    """
    with app.session() as session:
        _projection(app, session)
        with app.busy("finding communities"):
            found = session.communities(method=method.lower(), resolution=resolution, seed=seed, as_of=as_of,
                                        **hub_arguments(exclude, include_hubs))
    if fmt != "table":
        render(found, fmt)
        return
    rows = [{"community": c.id, "size": c.size, "kinds": c.kinds,
             "members": ", ".join(c.members[:5]) + (" …" if len(c.members) > 5 else ""),
             "bridges": [b.label for b in c.bridges[:3]]} for c in found]
    render(rows, "table", console=app.out)


@cli.command()
@click.argument("name")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many facts.")
@as_of_option
@backend_options
@text_format
@click.pass_obj
def show(app: App, name, limit, as_of, fmt, **backend) -> None:
    """Every fact about NAME (fuzzy, accent-insensitive, or an IRI), with its evidence.

    \b
    Examples:
      innograph show "CHU de Nantes"
      innograph show biolumen --format json
      innograph show "CHU de Nantes" --format csv > facts.csv
      innograph show "CHU de Nantes" --backend neo4j --uri bolt://localhost:7687
    """
    with app.session() as session:
        _projection(app, session)
        with app.busy("reading the facts"), search_backend(session, **backend, step="neighbours") as search:
            entity = session.show(name, as_of=as_of, limit=limit, search=search)
    render(entity, fmt, console=app.out, columns=["relation", "text", "other", "date", "source", "evidence"],
           title=f"{entity.label} ({entity.kind})", text=entity_text)
    app.err.print(plural(len(entity.facts), "fact"))


@cli.command()
@click.argument("text")
@click.option("--kind", "kinds", multiple=True, metavar="KIND", callback=kinds_callback,
              help="Only entities of this kind (Hospital, Person, Project...; any case). Repeat for several.")
@click.option("-n", "n", type=click.IntRange(1, 1000), default=20, show_default=True)
@listing_format
@click.pass_obj
def search(app: App, text, kinds, n, fmt) -> None:
    """Entities whose name or alias matches TEXT (fuzzy, accent-insensitive); exit 1 if none.

    \b
    Examples:
      innograph search rouen
      innograph search "chu" --kind hospital --format csv
    """
    with app.session() as session:
        _projection(app, session)
        hits = session.search(text, limit=n, kinds=set(kinds) or None)
    render(hits, fmt, console=app.out, columns=["label", "kind", "degree", "score", "iri"])
    if not hits:
        app.err.print(f"nothing matches {text!r}", markup=False)
        raise click.exceptions.Exit(1)


@cli.command("export-graph")
@click.option("--format", "fmt", type=click.Choice(("graphml", "gexf"), case_sensitive=False), default="graphml",
              show_default=True)
@click.option("-o", "--output", default="-", show_default=True, help="File to write, or - for standard output.")
@as_of_option
@click.pass_obj
def export_graph(app: App, fmt, output, as_of) -> None:
    """Write the projection (nodes with kinds, typed weighted edges) as GraphML or GEXF (Gephi).

    \b
    Examples:
      innograph export-graph --format gexf -o innovation.gexf
    """
    fmt = fmt.lower()
    with app.session() as session:
        _projection(app, session)
        with output_stream(output) as stream, app.busy("writing the graph"):
            nodes, edges = session.export_graph(stream, fmt, as_of=as_of)
    app.err.print(f"wrote {nodes:,} nodes and {edges:,} edges as {fmt} to {output}")
