"""The web application: SPARQL 1.1 endpoint, named queries, JSON API and the page for people.

``create_app(config)`` builds a Starlette application; ``innograph serve`` runs it under uvicorn
with several processes. Every route hands its work to the worker pool (see ``pool.py``): the
routes only read requests and write responses, the workers call the same API as the CLI.
"""

from __future__ import annotations

import hmac
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from innograph.server import formats
from innograph.server.description import service_description
from innograph.server.pool import Busy, QueryTimeout, WorkerPool
from innograph.server.protocol import ProtocolError, read_operation
from innograph.server.worker import WorkerConfig

STATIC = Path(__file__).resolve().parent / "static"
CONFIG_ENV = "INNOGRAPH_SERVER_CONFIG"


@dataclass
class ServerConfig:
    """How the server runs (``innograph serve --help`` documents each option)."""

    store: str | None
    timeout: float = 30.0                  # seconds per request
    max_rows: int = 100_000                # rows (or triples) in one result
    max_body: int = 1_000_000              # bytes in one request body or query string
    allow_update: bool = False
    token: str | None = None               # bearer token that updates need
    pool_size: int = 2                     # query workers per server process
    named_dirs: list[str] = field(default_factory=list)

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> ServerConfig:
        return cls(**json.loads(os.environ[CONFIG_ENV]))


class Endpoint:
    """The routes' shared state: the configuration and the worker pools."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        base = dict(store=config.store, max_rows=config.max_rows, named_dirs=config.named_dirs)
        self.readers = WorkerPool(WorkerConfig(**base), size=config.pool_size)
        self.writer = WorkerPool(WorkerConfig(**base, writable=True), size=1) if config.allow_update else None

    async def start(self) -> None:
        await self.readers.start()
        if self.writer is not None:
            await self.writer.start()

    async def stop(self) -> None:
        await self.readers.close()
        if self.writer is not None:
            await self.writer.close()

    async def call(self, request: dict, *, pool: WorkerPool | None = None) -> Response:
        try:
            status, ctype, body = await (pool or self.readers).run(request, self.config.timeout)
        except QueryTimeout:
            return _text(503, f"the request ran past the server's time limit ({self.config.timeout:g} s) "
                              "and was stopped", {"Retry-After": "5"})
        except Busy:
            return _text(503, f"every query worker stayed busy for {self.config.timeout:g} s; try again",
                         {"Retry-After": "5"})
        except (EOFError, OSError) as exc:
            return _text(500, f"the query worker failed ({type(exc).__name__}); it was restarted")
        if status == 204:
            return Response(status_code=204)
        return Response(body, status_code=status, media_type=ctype)

    # -- the SPARQL endpoint ----------------------------------------------------------------
    async def sparql(self, request: Request) -> Response:
        try:
            body = await _body(request, self.config.max_body)
            if len(request.url.query) > self.config.max_body:
                raise ProtocolError(413, f"the query string is over {self.config.max_body:,} bytes")
            url_params = _multi(request.query_params)
            op = read_operation(request.method, url_params, request.headers.get("content-type"), body)
        except ProtocolError as exc:
            return _text(exc.status, exc.message)
        asked = request.query_params.getlist("format")
        accept = request.headers.get("accept")
        if op.kind == "description":
            fmt = formats.negotiate(accept, formats.GRAPHS, asked)
            if fmt is None:
                fmt = formats.GRAPHS[0]
            url = str(request.url.replace(query=""))
            body = service_description(url, fmt, update=self.config.allow_update)
            return Response(body, media_type=formats.content_type(fmt))
        if op.kind == "update":
            denied = self._check_update(request)
            if denied is not None:
                return denied
            return await self.call({"op": "update", "update": op.text}, pool=self.writer)
        return await self.call({"op": "sparql", "query": op.text, "default": op.default_graphs,
                                "named": op.named_graphs, "accept": accept, "format": asked})

    def _check_update(self, request: Request) -> Response | None:
        if self.writer is None:
            return _text(403, "this endpoint is read-only: SPARQL Update needs `innograph serve --allow-update`")
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not given:
            return _text(401, "SPARQL Update needs a bearer token (Authorization: Bearer ...)",
                         {"WWW-Authenticate": 'Bearer realm="innograph"'})
        if not self.config.token or not hmac.compare_digest(given.strip().encode(), self.config.token.encode()):
            return _text(403, "the bearer token is not the one this server was started with")
        return None

    # -- named queries ------------------------------------------------------------------------
    async def named_list(self, request: Request) -> Response:
        from innograph.queries.named import catalog

        return JSONResponse([q.describe() for q in catalog(self.config.named_dirs).values()])

    async def named_run(self, request: Request) -> Response:
        params = {k: v for k, v in request.query_params.items() if k not in ("format", "output", "results")}
        return await self.call({"op": "named", "name": request.path_params["name"], "params": params,
                                "accept": request.headers.get("accept"),
                                "format": request.query_params.getlist("format")})

    # -- the JSON API -------------------------------------------------------------------------
    async def api(self, request: Request) -> Response:
        name = request.path_params["name"]
        spec = API.get(name)
        if spec is None:
            return _json_error(404, f"no API call {name!r}; use one of {', '.join(sorted(API))}")
        method, params = spec
        args = {}
        for param, (target, convert, required) in params.items():
            value = request.query_params.get(param)
            if value is None or value == "":
                if required:
                    return _json_error(400, f"the {name} call needs the parameter {param!r}")
                continue
            try:
                args[target] = convert(value)
            except ValueError:
                return _json_error(400, f"{param}={value!r} is not a valid value")
        response = await self.call({"op": "api", "method": method, "params": args})
        if response.status_code >= 400 and response.media_type != "application/json":
            return _json_error(response.status_code, response.body.decode("utf-8", "replace"))
        return response


def _int(value: str) -> int:
    number = int(value)
    if not 1 <= number <= 100:
        raise ValueError(value)
    return number


#: JSON API calls: name -> (Session method, {query parameter: (argument, converter, required)}).
API = {
    "search": ("search", {"q": ("text", str, True), "kind": ("kind", str, False), "limit": ("limit", _int, False)}),
    "entity": ("show", {"iri": ("name", str, True), "as_of": ("as_of", str, False)}),
    "path": ("paths", {"from": ("source", str, True), "to": ("target", str, True), "k": ("k", _int, False),
                       "as_of": ("as_of", str, False)}),
    "suggest": ("suggest", {"org": ("name", str, True), "n": ("n", _int, False)}),
}


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise ProtocolError(413, f"the request body is over {limit:,} bytes")
        except ValueError:
            raise ProtocolError(400, "Content-Length is not a number") from None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ProtocolError(413, f"the request body is over {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _multi(params) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in params.multi_items():
        out.setdefault(key, []).append(value)
    return out


def _text(status: int, message: str, headers: dict | None = None) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def _json_error(status: int, message: str) -> Response:
    return JSONResponse({"error": message.strip()}, status_code=status)


def create_app(config: ServerConfig) -> Starlette:
    """The application for `config` (workers start with the application's lifespan)."""
    endpoint = Endpoint(config)

    async def lifespan(app):
        await endpoint.start()
        try:
            yield
        finally:
            await endpoint.stop()

    async def index(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "workers": endpoint.readers.pids,
                             "restarts": endpoint.readers.restarts})

    methods = ["GET", "POST", "HEAD", "PUT", "DELETE", "PATCH"]
    routes = [
        Route("/", index, methods=["GET", "HEAD"]),
        Route("/sparql", endpoint.sparql, methods=methods),
        Route("/queries", endpoint.named_list, methods=["GET"]),
        Route("/queries/{name}", endpoint.named_run, methods=["GET"]),
        Route("/api/{name}", endpoint.api, methods=["GET"]),
        Route("/healthz", health, methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [
        Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                   allow_headers=["Accept", "Authorization", "Content-Type"], max_age=3600),
        Middleware(GZipMiddleware, minimum_size=1024),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.endpoint = endpoint
    return app


def app_from_env() -> Starlette:
    """Factory for uvicorn's worker processes: the configuration comes in $INNOGRAPH_SERVER_CONFIG."""
    return create_app(ServerConfig.from_env())


__all__ = ["ServerConfig", "create_app", "app_from_env", "API"]
