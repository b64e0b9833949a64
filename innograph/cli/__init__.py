"""The ``innograph`` command line: a thin layer over the library.

Data goes to standard output, diagnostics and progress to standard error. Exit codes:
0 success, 1 a negative answer (ASK false, data not conforming), 2 usage error, 3 bad input.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import click

from innograph import __version__
from innograph.errors import InnographError

STORE_HELP = "Store directory (default: $INNOGRAPH_STORE, else ./.innograph)."


@dataclass
class App:
    """State shared by the commands (on ``ctx.obj``)."""

    store_path: Path | None
    verbose: int = 0
    quiet: bool = False
    _err: object = field(default=None, repr=False)
    _out: object = field(default=None, repr=False)

    @property
    def err(self):
        """A rich console on standard error, for diagnostics and progress."""
        if self._err is None:
            from rich.console import Console

            self._err = Console(stderr=True, highlight=False, quiet=self.quiet,
                                width=None if sys.stderr.isatty() else 200)
        return self._err

    @property
    def out(self):
        """A rich console on standard output, for tables."""
        if self._out is None:
            from rich.console import Console

            # Tables are for people: when stdout is a pipe, do not squeeze them into 80 columns
            # (use --format csv or json for machines).
            self._out = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 200)
        return self._out

    @contextmanager
    def graph(self):
        """Open the store for the duration of a command."""
        from innograph.graph.store import KnowledgeGraph, default_store_path

        with KnowledgeGraph(self.store_path or default_store_path()) as kg:
            yield kg


class Group(click.Group):
    """A click group that turns innograph errors into one line and their exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InnographError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted: nothing half-written was kept", err=True)
            ctx.exit(130)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="INNOGRAPH_STORE",
    help=STORE_HELP,
)
@click.option("-v", "--verbose", count=True, help="More detail on standard error.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or summaries on standard error.")
@click.version_option(__version__, prog_name="innograph")
@click.pass_context
def cli(ctx: click.Context, store_path: Path | None, verbose: int, quiet: bool) -> None:
    """innograph: a knowledge graph of innovation relationships.

    Load sources (RDF files today; press articles and tables as their loaders land), then ask:
    SPARQL, statistics, validation against the ontology's SHACL shapes.

    \b
    Quick start:
      innograph load data/*.ttl          # each file becomes one source (a named graph)
      innograph sources                  # what is loaded, with triple counts
      innograph stats                    # counts by class and by fact kind
      innograph sparql 'SELECT ?o WHERE { ?o a org:Organization } LIMIT 5'
      innograph validate                 # SHACL report; exit 1 if not conforming
    """
    ctx.obj = App(store_path=store_path, verbose=verbose, quiet=quiet)


def main() -> None:
    """Console-script entry point."""
    cli.main(prog_name="innograph")


# The command modules register themselves on `cli` (imported last: they import `cli`).
from innograph.cli import data as _data  # noqa: E402,F401
from innograph.cli import query as _query  # noqa: E402,F401
from innograph.cli import resolve as _resolve  # noqa: E402,F401
from innograph.cli import explore as _explore  # noqa: E402,F401
from innograph.cli import facts as _facts  # noqa: E402,F401

__all__ = ["cli", "main", "App"]
