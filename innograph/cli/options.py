"""Options shared by several commands: output formats, kinds (any case), dates, output files."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager

import click

from innograph.api import canonical_kinds
from innograph.errors import OutputError
from innograph.render import FORMATS, LISTING_FORMATS


def format_option(choices=LISTING_FORMATS, default: str = "table", help: str | None = None):
    """``--format`` with `choices` (any case; a wrong one is a usage error, exit 2)."""
    text = help or ("text reads as sentences; table for people; " if "text" in choices else "table for people; ")
    if help is None:
        text += "json, csv or tsv for programs and spreadsheets."
    return click.option("--format", "fmt", type=click.Choice(choices, case_sensitive=False), default=default,
                        show_default=True, help=text)


text_format = format_option(FORMATS, "text")
listing_format = format_option(LISTING_FORMATS, "table")

as_of_option = click.option("--as-of", "as_of", metavar="DATE",
                            help="Only facts valid then (memberships, posts, grants...): YYYY-MM-DD, YYYY-MM or YYYY.")


def hub_options(function):
    """``--exclude NAME|KIND`` (repeatable) and ``--include-hubs`` for the network questions."""
    function = click.option(
        "--include-hubs", is_flag=True,
        help="Let funders of a whole programme (context, not a tie) connect the organizations they fund.")(function)
    return click.option(
        "--exclude", "exclude", multiple=True, metavar="NAME|KIND", callback=kinds_callback,
        help="Leave out an organization (name or IRI) or a kind (node or fact kind). Repeat for several.")(function)


def hub_arguments(exclude, include_hubs) -> dict:
    """The keyword arguments of the hub options, only those given (so the defaults stay the query's)."""
    return {**({"exclude": tuple(exclude)} if exclude else {}), **({"include_hubs": True} if include_hubs else {})}


def kinds_callback(ctx, param, values):
    return canonical_kinds(values)


@contextmanager
def output_stream(output: str, binary: bool = True):
    """Standard output for ``-``, else the file `output`, written whole or not at all: a file
    that cannot be written is a clear error (exit 3), and a failed export leaves no file."""
    if output == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        (sys.stdout.buffer if binary else sys.stdout).flush()
        return
    partial = f"{output}.part{os.getpid()}"
    try:
        stream = open(partial, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"}))
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
    try:
        with stream:
            yield stream
        os.replace(partial, output)
    except OSError as exc:
        _remove(partial)
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
    except BaseException:
        _remove(partial)
        raise


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


__all__ = ["hub_options", "hub_arguments", "format_option", "text_format", "listing_format", "as_of_option", "canonical_kinds",
           "kinds_callback", "output_stream", "plural"]
