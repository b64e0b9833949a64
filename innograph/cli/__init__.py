"""The ``innograph`` command line: a thin layer over the session API (``innograph.api``).

Data goes to standard output (through ``innograph.render``), diagnostics and progress to
standard error. Exit codes: 0 success, 1 a negative answer (ASK false, no path, data not
conforming), 2 usage error, 3 bad input or an output that cannot be written.
"""

from __future__ import annotations

from innograph.cli.app import App, cli, main

# The command modules register themselves on `cli`.
from innograph.cli import data as _data  # noqa: E402,F401
from innograph.cli import query as _query  # noqa: E402,F401
from innograph.cli import resolve as _resolve  # noqa: E402,F401
from innograph.cli import explore as _explore  # noqa: E402,F401
from innograph.cli import facts as _facts  # noqa: E402,F401
from innograph.cli import serve as _serve  # noqa: E402,F401
from innograph.cli import push as _push  # noqa: E402,F401

__all__ = ["cli", "main", "App"]
