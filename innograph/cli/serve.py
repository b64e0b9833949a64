"""Commands for SPARQL clients and named queries: serve, query."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import click

from innograph.cli.app import App, cli
from innograph.cli.query import SPARQL_FORMATS
from innograph.cli.query import write_result
from innograph.errors import MissingExtraError, UsageError
from innograph.render import render


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only; 0.0.0.0 exposes it to the network).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Web server processes (each with its own query workers).")
@click.option("--query-workers", "pool", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Query worker processes per web server process: queries run there, side by side.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Seconds a query (or API call) may run; past it the work is stopped and the answer is 503.")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(1),
              help="Rows (or triples) one result may hold; a larger one is answered 413.")
@click.option("--max-body", default=1_000_000, show_default=True, type=click.IntRange(1024),
              help="Bytes a request body (or query string) may hold; a larger one is answered 413.")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update (POST with a bearer token); the endpoint is read-only without it.")
@click.option("--token", envvar="INNOGRAPH_SERVER_TOKEN", metavar="TOKEN",
              help="The bearer token updates need (default: $INNOGRAPH_SERVER_TOKEN, else a random one, printed).")
@click.option("--queries", "named_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="A folder of extra named queries (*.rq); may be repeated.")
@click.pass_obj
def serve(app: App, host: str, port: int, workers: int, pool: int, timeout: float, max_rows: int,
          max_body: int, allow_update: bool, token: str | None, named_dirs: tuple[str, ...]) -> None:
    """Serve the graph over HTTP: a SPARQL 1.1 endpoint, named queries, a JSON API and a web page.

    \b
    Routes (all on http://HOST:PORT):
      /                  the web page: SPARQL editor and explorer (search, neighbourhood, paths)
      /sparql            SPARQL 1.1 Protocol: GET ?query=, POST form or application/sparql-query;
                         results as JSON, XML, CSV, TSV (SELECT/ASK) or Turtle, N-Triples,
                         JSON-LD, RDF/XML (CONSTRUCT/DESCRIBE) by Accept or ?format=;
                         GET without a query gives the service description
      /queries           the named queries and their parameters (JSON); /queries/NAME?param=...
      /api/search?q=  /api/entity?iri=  /api/path?from=&to=&k=  /api/suggest?org=

    The endpoint is read-only unless --allow-update is given; SERVICE and LOAD never reach out.
    Queries run in worker processes on read-only opens of the store, so `innograph load` can run
    meanwhile in another process (the workers see a load once it has finished). Stop with Ctrl-C.
    """
    try:
        import uvicorn  # noqa: F401
        import starlette  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("server", exc.name) from None
    from innograph.graph.store import default_store_path
    from innograph.server.app import CONFIG_ENV, ServerConfig

    store = str(app.store_path or default_store_path())
    if not Path(store).is_dir():
        raise UsageError(f"no store at {store}; load something first (`innograph --store {store} load FILES`)")
    if allow_update and not token:
        token = secrets.token_urlsafe(24)
        app.err.print(f"update token (send as 'Authorization: Bearer ...'): {token}")
    config = ServerConfig(store=os.path.abspath(store), timeout=timeout, max_rows=max_rows,
                          max_body=max_body, allow_update=allow_update, token=token, pool_size=pool,
                          named_dirs=[os.path.abspath(d) for d in named_dirs])
    os.environ[CONFIG_ENV] = config.to_env()
    app.err.print(f"innograph serves {store} on http://{host}:{port}/ (SPARQL at /sparql); Ctrl-C stops it")
    import uvicorn

    uvicorn.run("innograph.server.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning" if app.quiet else "info", access_log=app.verbose > 0,
                timeout_graceful_shutdown=5)


@cli.command("query")
@click.argument("name", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query (repeatable); see --list for each query's parameters.")
@click.option("--queries", "named_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="A folder of extra named queries (*.rq); may be repeated.")
@click.option("--list", "listing", is_flag=True, help="List the named queries and their parameters.")
@click.option("--format", "fmt", type=click.Choice(SPARQL_FORMATS, case_sensitive=False), default="table",
              show_default=True, help="As for `innograph sparql`: table, json, csv, tsv, xml (ttl, nt, jsonld for graphs).")
@click.pass_obj
def query(app: App, name: str | None, params: tuple[str, ...], named_dirs: tuple[str, ...], listing: bool,
          fmt: str) -> None:
    """Run a named query: a SPARQL file shipped in queries/sparql/ (or yours, --queries DIR) with
    typed parameters, bound as RDF terms (never pasted into the text).

    \b
    Examples:
      innograph query --list
      innograph query members --param org="Cluster Vallée Santé"
      innograph query funding -p funder="Région Nord" --format csv > grants.csv
      innograph query organizations-by-kind -p kind=hospital

    An organization parameter takes a name (looked up as `innograph show` does) or an IRI. The
    same queries answer over HTTP at /queries/NAME?param=... (`innograph serve`).
    """
    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param takes NAME=VALUE, not {item!r}")
        values[key.strip()] = value
    with app.session() as session:
        if listing or not name:
            rows = [{"name": q["name"], "title": q["title"],
                     "parameters": ", ".join(f"{p['name']} ({p['type']}{', optional' if p['optional'] else ''})"
                                             for p in q["params"])}
                    for q in session.named_queries(folders=named_dirs)]
            render(rows, "table" if fmt.lower() not in ("json", "csv", "tsv") else fmt.lower(), console=app.out)
            return
        with app.busy(f"running the query {name}"):
            result = session.named(name, values, folders=named_dirs)
            write_result(app, result, fmt.lower())
    if result.kind == "ask" and not result.boolean:
        raise click.exceptions.Exit(1)


@cli.command()
@click.pass_obj
def optimize(app: App) -> None:
    """Compact the store's files for faster reading (after large loads, before serving).

    Loads write many small files; compaction merges them, which makes SPARQL queries on a large
    store up to twice as fast. It takes a few seconds per 100,000 triples and changes no data;
    readers (the server's workers) see the compacted store once it is done.
    """
    with app.session(write=True) as session, app.busy("compacting the store"):
        session.kg.optimize()
    if not app.quiet:
        app.err.print("the store is compacted")


__all__ = ["serve", "query", "optimize"]
