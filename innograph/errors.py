"""One error hierarchy for innograph.

Every error carries the exit code the command line uses for it (see the README):

* 1 — a negative answer (no path, data does not conform);
* 2 — a usage error (unknown option value, ambiguous name);
* 3 — bad input data (a file that cannot be read or parsed).

Messages are one line that says what went wrong and how to fix it.

>>> err = InputError("bad IRI", path="x.ttl", line=3, value="<a b>")
>>> str(err)
"x.ttl:3: bad IRI (value: '<a b>')"
>>> err.exit_code
3
"""

from __future__ import annotations

from os import PathLike


class InnographError(Exception):
    """Base class of every error innograph raises on purpose."""

    exit_code = 3


class UsageError(InnographError):
    """The caller asked for something that cannot be done as asked."""

    exit_code = 2


class NegativeAnswer(InnographError):
    """The question was fine but the answer is "no" (no path, not conforming)."""

    exit_code = 1


class NotFoundError(UsageError):
    """A named thing (source, entity, loader) does not exist."""


class InputError(InnographError):
    """Bad input data: names the file, line (and column) and the offending value."""

    exit_code = 3

    def __init__(
        self,
        message: str,
        *,
        path: str | PathLike[str] | None = None,
        line: int | None = None,
        column: int | None = None,
        value: object = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.value = value
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        text = where + self.message
        if self.value is not None:
            shown = repr(self.value)
            if len(shown) > 120:
                shown = shown[:117] + "..."
            text += f" (value: {shown})"
        if self.hint:
            text += f"; {self.hint}"
        return text


class StoreError(InnographError):
    """The store cannot be opened or written (locked, wrong directory, disk full)."""

    exit_code = 3


class OutputError(InnographError):
    """An output (a file named with -o) cannot be written: missing folder, no permission, full disk."""

    exit_code = 3


class RemoteError(InnographError):
    """A remote server (SPARQL store, Neo4j) refused or failed a request."""

    exit_code = 3


class MissingExtraError(InnographError):
    """An optional part is not installed; says which extra to install."""

    exit_code = 2

    def __init__(self, extra: str, module: str | None = None) -> None:
        self.extra = extra
        what = f"the {module!r} package" if module else f"the [{extra}] extra"
        super().__init__(
            f"this needs {what}: install it with `pip install 'innograph[{extra}]'`"
        )
