"""The query worker: a child process that opens the store and answers one request at a time.

The web process never touches the store: it hands each request to a worker over a pipe and
waits. A worker that runs past the time limit is killed (SIGKILL) and replaced, which is the only
way to stop a pyoxigraph query that is still running. Workers open the store read-only (several
of them, and a ``load`` in another process, can run at once), except the single update worker
that ``--allow-update`` starts.

Requests and replies are plain picklable values:

* request ``{"op": "sparql" | "update" | "named" | "api" | "ping", ...}``
* reply ``(status, content type, body bytes)``
"""

from __future__ import annotations

import json
import os
import signal
import traceback
from dataclasses import dataclass, field

import pyoxigraph as ox

from innograph.errors import InnographError, NegativeAnswer, NotFoundError
from innograph.server import formats

TEXT = "text/plain; charset=utf-8"
JSON = "application/json"


@dataclass
class WorkerConfig:
    """What a worker needs to know (picklable: it crosses the process boundary)."""

    store: str | None
    max_rows: int = 100_000
    writable: bool = False
    named_dirs: list[str] = field(default_factory=list)


class Worker:
    """The state of one worker process: the open session and the answers it can give."""

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config
        self._session = None
        self._seen: str | None = None

    # -- the store --------------------------------------------------------------------------
    @property
    def session(self):
        """The open session; a reader reopens it when a writer has published a newer state."""
        generation = self._generation()
        if self._session is not None and generation != self._seen:
            self.close()
        if self._session is None:
            from innograph.api import Session

            self._session = Session(self.config.store, read_only=not self.config.writable)
            self._seen = generation
        return self._session

    def _generation(self) -> str | None:
        """The newest state a writer published (a snapshot's name), looked up in a few µs."""
        if self.config.writable or self.config.store is None:
            return None
        from innograph.graph.snapshots import READERS_DIR

        try:
            return max((e for e in os.listdir(os.path.join(self.config.store, READERS_DIR)) if e.isdigit()),
                       default=None)
        except OSError:
            return None

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    # -- requests ---------------------------------------------------------------------------
    def handle(self, request: dict) -> tuple[int, str, bytes]:
        op = request.get("op")
        try:
            if op == "ping":
                return 200, TEXT, b"pong"
            if op == "sparql":
                return self.sparql(request)
            if op == "update":
                return self.update(request)
            if op == "named":
                return self.named(request)
            if op == "api":
                return self.api(request)
            return 400, TEXT, f"unknown operation {op!r}".encode()
        except (NotFoundError, NegativeAnswer) as exc:
            return 404, TEXT, str(exc).encode()
        except InnographError as exc:
            status = 400 if exc.exit_code in (1, 2) else 500
            return status, TEXT, str(exc).encode()
        except SyntaxError as exc:
            return 400, TEXT, f"SPARQL syntax error: {exc}".encode()
        except Exception as exc:  # noqa: BLE001 - a worker answers every request, never dies of one
            traceback.print_exc()
            return 500, TEXT, f"internal error: {type(exc).__name__}: {exc}".encode()

    def sparql(self, request: dict) -> tuple[int, str, bytes]:
        options = {}
        if request.get("default"):
            options["default_graph"] = [ox.NamedNode(u) for u in request["default"]]
            options["union"] = False
        if request.get("named"):
            options["named_graphs"] = [ox.NamedNode(u) for u in request["named"]]
        raw = self.session.kg.query(request["query"], **options)
        return self._answer(raw, request)

    def _answer(self, raw, request: dict) -> tuple[int, str, bytes]:
        limit = self.config.max_rows
        accept, asked = request.get("accept"), request.get("format")
        if isinstance(raw, ox.QueryBoolean):
            fmt = formats.negotiate(accept, formats.SOLUTIONS, asked)
            if fmt is None:
                return _not_acceptable(formats.SOLUTIONS)
            return 200, formats.content_type(fmt), formats.write_boolean(fmt, bool(raw))
        if isinstance(raw, ox.QuerySolutions):
            fmt = formats.negotiate(accept, formats.SOLUTIONS, asked)
            if fmt is None:
                return _not_acceptable(formats.SOLUTIONS)
            variables = [v.value for v in raw.variables]
            rows = []
            for solution in raw:
                if len(rows) == limit:
                    return _too_large(limit)
                rows.append([solution[v] for v in variables])
            return 200, formats.content_type(fmt), formats.write_solutions(fmt, variables, rows)
        fmt = formats.negotiate(accept, formats.GRAPHS, asked)
        if fmt is None:
            return _not_acceptable(formats.GRAPHS)
        triples = []
        for triple in raw:
            if len(triples) == limit:
                return _too_large(limit)
            triples.append(triple)
        from innograph.ontology import PREFIXES

        return 200, formats.content_type(fmt), formats.write_graph(fmt, triples, PREFIXES)

    def update(self, request: dict) -> tuple[int, str, bytes]:
        """A SPARQL Update on a writable open held for this request only: closing it publishes
        the new state to the readers, and a `load` can run between two updates."""
        if not self.config.writable:
            return 403, TEXT, b"this endpoint is read-only (start it with --allow-update)"
        from innograph.api import Session

        with Session(self.config.store, read_only=False) as session:
            session.kg.update(request["update"])
        return 204, TEXT, b""

    def named(self, request: dict) -> tuple[int, str, bytes]:
        result = self.session.named(request["name"], request.get("params") or {}, folders=self.config.named_dirs)
        return self._answer(result.raw, request)

    def api(self, request: dict) -> tuple[int, str, bytes]:
        method = request["method"]
        result = getattr(self.session, method)(**(request.get("params") or {}))
        payload = result.to_dict() if hasattr(result, "to_dict") else result
        return 200, JSON, json.dumps(payload, ensure_ascii=False, default=str).encode()


def _not_acceptable(choices) -> tuple[int, str, bytes]:
    offered = ", ".join(f.media_type for f in choices)
    return 406, TEXT, f"none of the accepted media types can be produced; this result is offered as {offered}".encode()


def _too_large(limit: int) -> tuple[int, str, bytes]:
    return 413, TEXT, (f"the result has more than {limit:,} rows (the server's --max-rows); "
                       "narrow the query or add LIMIT").encode()


def main(conn, config: WorkerConfig) -> None:
    """The worker process: answer requests from `conn` until it closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    worker = Worker(config)
    try:
        conn.send(("ready", os.getpid()))
        while True:
            try:
                request = conn.recv()
            except (EOFError, OSError):
                break
            conn.send(worker.handle(request))
    finally:
        worker.close()


if __name__ == "__main__":  # python -m innograph.server.worker FD CONFIG-JSON (started by pool.py)
    import sys
    from multiprocessing.connection import Connection

    main(Connection(int(sys.argv[1])), WorkerConfig(**json.loads(sys.argv[2])))


__all__ = ["WorkerConfig", "Worker", "main"]
