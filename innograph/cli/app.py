"""The ``innograph`` command group, its shared state (:class:`App`) and its error handling.

The command line is a thin layer over the session API (``innograph.api``).

Data goes to standard output (through ``innograph.render``), diagnostics and progress to
standard error. Exit codes: 0 success, 1 a negative answer (ASK false, no path, data not
conforming), 2 usage error, 3 bad input or an output that cannot be written.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import click

from innograph import __version__
from innograph.errors import InnographError

STORE_HELP = "Store directory (default: $INNOGRAPH_STORE, else ./.innograph); created if missing."

#: Options of the group that may also be written after the command (`innograph path A B -q`).
_GLOBAL_FLAGS = ("-q", "--quiet", "--verbose")
_GLOBAL_VALUED = ("--store",)


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
    def session(self, *, write: bool = False):
        """A session on the store for the duration of a command: read-only unless `write`."""
        from innograph.api import DEFAULT, Session

        with self.busy("opening the store"):
            session = Session(self.store_path or DEFAULT, read_only=not write)
        with session:
            yield session

    def busy(self, what: str):
        """A spinner on standard error while `what` runs, shown once it has taken two seconds."""
        from innograph.cli.progress import Busy

        return Busy(self.err, what, enabled=not self.quiet)


class Group(click.Group):
    """A click group that turns innograph errors into one line and their exit code, and accepts
    the global options after the command too."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:
            args = hoist_global_options(args, set(self.commands))
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InnographError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted: nothing half-written was kept", err=True)
            ctx.exit(130)


def hoist_global_options(args: list[str], commands: set[str]) -> list[str]:
    """Move ``-q``, ``-v``, ``--verbose``, ``--quiet`` and ``--store DIR`` written after the
    command name to before it (nothing after a ``--`` moves).

    >>> hoist_global_options(["path", "A", "B", "-q", "--store", "s"], {"path"})
    ['-q', '--store', 's', 'path', 'A', 'B']
    """
    head, i = [], 0
    while i < len(args) and args[i] not in commands:
        head.append(args[i])
        if args[i] in _GLOBAL_VALUED and i + 1 < len(args):
            head.append(args[i + 1])
            i += 1
        i += 1
    moved, rest = [], []
    tail = args[i:]
    j = 0
    while j < len(tail):
        token = tail[j]
        if token == "--":
            rest.extend(tail[j:])
            break
        if token in _GLOBAL_FLAGS or (token.startswith("-v") and set(token[1:]) == {"v"}):
            moved.append(token)
        elif token in _GLOBAL_VALUED and j + 1 < len(tail):
            moved.extend(tail[j:j + 2])
            j += 1
        elif any(token.startswith(name + "=") for name in _GLOBAL_VALUED):
            moved.append(token)
        else:
            rest.append(token)
        j += 1
    return head + moved + rest


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

    Load sources — RDF files, press articles (.txt, .md, .html), member lists and other tables
    (CSV, XLSX, JSON), CORDIS and SIRENE exports — then ask: explained paths between two
    organizations, partner suggestions, brokers, communities, every fact about a name, SPARQL,
    statistics, validation against the ontology's SHACL shapes. -q, -v and --store may also
    follow the command.

    \b
    Quick start:
      innograph load data/                   # each file becomes one source (a named graph)
      innograph sources                      # what is loaded, with triple counts
      innograph resolve                      # one node per organization across sources
      innograph path "Hôpital Nord" "Cluster Vallée Santé"
      innograph sparql 'SELECT ?o WHERE { ?o a org:Organization } LIMIT 5' --format csv

    Lists print as a table (or text) for people; --format json, csv or tsv for programs.
    """
    ctx.obj = App(store_path=store_path, verbose=verbose, quiet=quiet)


def main() -> None:
    """Console-script entry point."""
    cli.main(prog_name="innograph")


__all__ = ["cli", "main", "App", "Group", "hoist_global_options"]
