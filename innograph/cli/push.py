"""Commands that hand the graph to other engines: ``push neo4j``, ``push sparql``; and the
``--backend`` options with which ``path``, ``suggest`` and ``show`` walk a Neo4j server."""

from __future__ import annotations

import json
from contextlib import contextmanager

import click

from innograph.cli.app import App, cli
from innograph.errors import RemoteError, UsageError


def _connection_options(function):
    """``--uri --user --password --database``, each also read from ``INNOGRAPH_NEO4J_*``."""
    for name, help_text in reversed((
        ("uri", "The server: bolt://HOST:7687, neo4j://HOST (a cluster), neo4j+s://ID.databases.neo4j.io (Aura)."),
        ("user", "User name."),
        ("password", "Password."),
        ("database", "Database (default: the server's)."),
    )):
        function = click.option(f"--{name}", f"neo4j_{name}", envvar=f"INNOGRAPH_NEO4J_{name.upper()}",
                                show_envvar=True, help=help_text)(function)
    return function


def backend_options(function):
    """``--backend embedded|neo4j`` and the Neo4j connection options (``path``, ``suggest``, ``show``)."""
    function = _connection_options(function)
    return click.option("--backend", default="embedded", show_default=True, metavar="NAME",
                        help="Where the graph is walked: embedded (this process) or neo4j (the server "
                             "given by --uri, after `innograph push neo4j`); explained locally either way.")(function)


@contextmanager
def search_backend(session, backend: str = "embedded", neo4j_uri=None, neo4j_user=None, neo4j_password=None,
                   neo4j_database=None, *, step: str = "path"):
    """The ``search=`` argument of ``session.paths`` (`step` "path") or of ``session.suggest`` and
    ``session.show`` (`step` "neighbours") for a ``--backend``: a name, or a search connected to
    its server (closed afterwards)."""
    if backend == "embedded":
        yield "embedded"
        return
    from innograph.queries.neighbours import neighbour_search
    from innograph.queries.pathsearch import path_search

    factory = path_search if step == "path" else neighbour_search
    options = {"uri": neo4j_uri, "user": neo4j_user, "password": neo4j_password, "database": neo4j_database}
    engine = factory(backend, session.kg, session.projection,
                     **({k: v for k, v in options.items() if v is not None} if backend == "neo4j" else {}))
    try:
        yield engine
    finally:
        close = getattr(engine, "close", None)
        if close:
            close()


@contextmanager
def _progress(app: App):
    """A rich progress bar on standard error; yields ``tick(step, done, total)``."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=app.err, transient=True, disable=app.quiet) as bar:
        tasks: dict[str, int] = {}

        def tick(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(step, total=total)
            bar.update(tasks[step], completed=done, total=total)

        yield tick


@cli.group()
def push() -> None:
    """Copy the graph to a Neo4j server or a SPARQL store (incremental: only what changed)."""


@push.command("neo4j")
@_connection_options
@click.option("--batch-size", type=click.IntRange(1), default=5000, show_default=True,
              help="Rows per transaction.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def push_neo4j_command(app: App, neo4j_uri, neo4j_user, neo4j_password, neo4j_database, batch_size, fmt) -> None:
    """Push the projection (merged nodes, relationships by fact kind) to a Neo4j server.

    Nodes are keyed by IRI (unique), labelled by class (:Organization:Hospital, :Person,
    :Project, :Event); relationships are typed by fact kind (MEMBER_OF, FUNDS...) with weight,
    dates, role and sources. Only what changed since the last push is written; nothing when no
    source changed; a source removed locally is removed there. Pushing again after a failure
    repairs the server.

    \b
    Examples:
      innograph push neo4j --uri bolt://localhost:7687 --user neo4j --password secret
      INNOGRAPH_NEO4J_URI=neo4j+s://ID.databases.neo4j.io INNOGRAPH_NEO4J_USER=neo4j \\
        INNOGRAPH_NEO4J_PASSWORD=... innograph push neo4j
    """
    if not neo4j_uri:
        raise UsageError("push neo4j needs --uri (or INNOGRAPH_NEO4J_URI)")
    from innograph.graph.bolt import neo4j_driver, neo4j_module
    from innograph.graph.boltpush import push_neo4j

    with app.session() as session:
        with app.busy("reading the graph's projection"):
            p = session.projection
        neo4j = neo4j_module()
        try:
            with neo4j_driver(neo4j_uri, neo4j_user, neo4j_password) as driver, _progress(app) as tick:
                report = push_neo4j(session.kg, driver, database=neo4j_database, batch_size=batch_size,
                                    projection=p, progress=tick, target=f"{neo4j_uri} {neo4j_database or ''}")
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
            raise RemoteError(f"{neo4j_uri}: {exc}") from exc
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=1))
        return
    click.echo(f"{report.nodes:,} nodes and {report.relationships:,} relationships in the projection; "
               f"written {report.nodes_written:,} nodes, {report.relationships_written:,} relationships; "
               f"deleted {report.nodes_deleted:,} nodes, {report.relationships_deleted:,} relationships; "
               f"{len(report.sources_changed)} sources changed, {len(report.sources_removed)} removed; "
               f"{report.writes:,} writes on the server ({report.seconds:.1f} s)")


@push.command("sparql")
@click.option("--graph-store", "gsp", metavar="URL", help="Graph Store Protocol endpoint (PUT replaces a graph).")
@click.option("--update", metavar="URL", help="SPARQL Update endpoint.")
@click.option("--query", metavar="URL", help="Query endpoint for the bookkeeping (default: .../query beside).")
@click.option("--user", envvar="INNOGRAPH_SPARQL_USER", show_envvar=True, help="HTTP Basic user.")
@click.option("--password", envvar="INNOGRAPH_SPARQL_PASSWORD", show_envvar=True, help="HTTP Basic password.")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A query parameter for every Graph Store PUT. Default: none, or no_transaction= when the "
                   "server says it is Oxigraph (~3x faster, safe: an unfinished source is pushed again whole).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def push_sparql_command(app: App, gsp, update, query, user, password, params, fmt) -> None:
    """Push every source as its own named graph to a SPARQL 1.1 store (Oxigraph, Fuseki, GraphDB...).

    Sources whose content the store already has are skipped; graphs of sources removed locally
    are dropped.

    \b
    Examples:
      innograph push sparql --graph-store http://localhost:7878/store
      innograph push sparql --update http://localhost:3030/ds/update --user admin --password pw
    """
    if (gsp is None) == (update is None):
        raise UsageError("push sparql needs one of --graph-store URL or --update URL")
    from innograph.graph.sparqlpush import push_sparql

    auth = (user, password or "") if user else None
    with app.session() as session, _progress(app) as tick:
        try:
            report = push_sparql(session.kg, gsp=gsp, update=update, query=query, auth=auth, progress=tick,
                                 params=dict(p.partition("=")[::2] for p in params) or None)
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=1))
        return
    click.echo(f"{len(report.pushed)} sources pushed ({report.triples:,} triples), {len(report.skipped)} "
               f"unchanged, {len(report.removed)} removed ({report.seconds:.1f} s)")
