"""Push the sources to any SPARQL 1.1 store, one named graph per source, incrementally.

Each source of the store is one named graph (its IRI) on the remote store too, written with the
Graph Store Protocol (``PUT`` replaces the graph whole) or with SPARQL Update (``DROP SILENT
GRAPH`` then ``INSERT DATA``, one request per source). The remote keeps its own bookkeeping in
the graph :data:`STATE_GRAPH`: ``<source> ig:contentHash "..."`` for every source pushed. A push
reads it (a ``SELECT`` on the query endpoint), skips the sources whose hash the remote already
has, replaces the others, drops the graphs of sources removed locally, and records the
bookkeeping last: a push killed half-way leaves the old bookkeeping, and the next push rewrites
what it had not confirmed. A local state file beside the store's cache keeps the same record.

The Oxigraph server, Fuseki, GraphDB, Virtuoso and QLever speak these protocols; only the
standard library's ``urllib`` is used (:mod:`innograph.graph.remote`).
"""

from __future__ import annotations

import json
import os
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from pyoxigraph import NamedNode, RdfFormat

from innograph.errors import RemoteError
from innograph.graph.boltpush import state_path
from innograph.graph.remote import check_url, send_request, push_graphs, sparql_select
from innograph.ontology.ns import IG

__all__ = ["STATE_GRAPH", "SparqlPushReport", "push_sparql", "query_url_for", "server_defaults"]

#: The remote graph holding which sources (and content hashes) were pushed.
STATE_GRAPH = "https://w3id.org/innograph/push/state"
_HASH = str(IG.contentHash)
#: Most N-Triples sent in one SPARQL Update request (Oxigraph's server refuses more than 128 MiB).
UPDATE_BYTES = 16 * 1024 * 1024


@dataclass
class SparqlPushReport:
    """Sources pushed (with their triples), skipped (the remote had them) and removed."""

    pushed: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def query_url_for(url: str) -> str:
    """The query endpoint beside an update or graph-store endpoint (``.../update`` or
    ``.../store`` -> ``.../query``: Oxigraph's and Fuseki's layout)."""
    head, _, _ = url.rstrip("/").rpartition("/")
    return f"{head}/query"


def push_sparql(kg, *, gsp: str | None = None, update: str | None = None, query: str | None = None,
                auth: tuple[str, str] | None = None, timeout: float = 600, params: dict | None = None,
                progress: Callable[[str, int, int], None] | None = None) -> SparqlPushReport:
    """Push every source of ``kg`` as its named graph, through ``gsp`` or ``update`` (one of
    them), reading the remote bookkeeping through ``query`` (default: see
    :func:`query_url_for`). See the module's doc.

    ``params`` go on every Graph Store ``PUT``: ``{"no_transaction": ""}`` makes the Oxigraph
    server load about three times faster, at the price of a graph half-written if the load fails,
    which is safe here: its source is not recorded, so the next push replaces that graph whole.
    When ``params`` is None and the Graph Store says it is an Oxigraph server (its ``Server``
    header), that is what is sent; pass ``params={}`` for transactional loads.
    """
    if (gsp is None) == (update is None):
        raise ValueError("give exactly one of gsp= (Graph Store Protocol) or update= (SPARQL Update)")
    endpoint = gsp or update
    check_url(endpoint, "gsp" if gsp else "update")
    query = query or query_url_for(endpoint)
    began = time.perf_counter()
    local = {s.iri: s.content_hash or f"{s.loaded_at}/{s.triples}" for s in kg.sources()}
    remote = remote_state(query, auth=auth, timeout=timeout)
    if params is None and gsp:
        params = server_defaults(gsp, auth=auth, timeout=timeout)
    report = SparqlPushReport()
    report.skipped = sorted(s for s, h in local.items() if remote.get(s) == h)
    todo = sorted(s for s, h in local.items() if remote.get(s) != h)
    report.removed = sorted(set(remote) - set(local))
    tick = progress or (lambda step, done, total: None)
    for i, source in enumerate(todo):
        tick("pushing sources", i, len(todo))
        if gsp:
            report.pushed.update(push_graphs(kg.store, gsp, graphs=[source], timeout=timeout, auth=auth,
                                             params=params))
        else:
            report.pushed[source] = _update_graph(kg, update, source, auth=auth, timeout=timeout)
    tick("pushing sources", len(todo), len(todo))
    for source in report.removed:
        _drop(gsp, update, source, auth=auth, timeout=timeout)
    if todo or report.removed:
        _record(gsp, update, local, auth=auth, timeout=timeout)
    report.triples = sum(report.pushed.values())
    report.seconds = time.perf_counter() - began
    _save_state(kg, endpoint, local)
    return report


def server_defaults(gsp: str, *, auth=None, timeout: float = 60) -> dict[str, str]:
    """The Graph Store parameters known to be safe and fast for the server at `gsp`: Oxigraph's
    ``no_transaction`` when its ``Server`` header names Oxigraph; none otherwise (or when the
    server does not answer a ``HEAD``)."""
    try:
        with send_request(urllib.request.Request(gsp, method="HEAD"), timeout=min(timeout, 30), auth=auth) as response:
            server = response.headers.get("Server", "")
    except (OSError, RemoteError):
        return {}
    return {"no_transaction": ""} if server.lower().startswith("oxigraph/") else {}


def remote_state(query: str, *, auth=None, timeout: float = 60) -> dict[str, str]:
    """The remote bookkeeping: source graph IRI -> content hash pushed."""
    rows = sparql_select(query, f"SELECT ?s ?h WHERE {{ GRAPH <{STATE_GRAPH}> {{ ?s <{_HASH}> ?h }} }}",
                         timeout=timeout, auth=auth)
    return {row["s"]: row["h"] for row in rows if "s" in row and "h" in row}


def _ntriples(kg, source: str) -> bytes:
    import io

    out = io.BytesIO()
    kg.store.dump(out, RdfFormat.N_TRIPLES, from_graph=NamedNode(source))
    return out.getvalue()


def _post_update(update: str, text: str, *, auth, timeout: float) -> None:
    request = urllib.request.Request(update, data=text.encode("utf-8"), method="POST")
    request.add_header("Content-Type", "application/sparql-update; charset=utf-8")
    send_request(request, timeout=timeout, auth=auth).close()


def _update_graph(kg, update: str, source: str, *, auth, timeout: float) -> int:
    """Replace one graph by SPARQL Update: DROP SILENT then INSERT DATA, in one request up to
    :data:`UPDATE_BYTES` of N-Triples, in several beyond (stores cap a request's size: Oxigraph
    at 128 MiB). A blank node is one node only within a request, so the triples naming blank
    nodes all go in the first. A push stopped between two requests leaves the source
    unrecorded: the next push replaces the graph whole."""
    body = _ntriples(kg, source).decode("utf-8")
    g = NamedNode(source)
    chunks = _chunks(body, UPDATE_BYTES)
    for i, chunk in enumerate(chunks):
        drop = f"DROP SILENT GRAPH {g} ;\n" if i == 0 else ""
        _post_update(update, f"{drop}INSERT DATA {{ GRAPH {g} {{\n{chunk}}} }}", auth=auth, timeout=timeout)
    return body.count("\n")


def _chunks(ntriples: str, size: int) -> list[str]:
    """N-Triples lines in pieces of about `size` characters, the lines with blank nodes first
    and together."""
    if len(ntriples) <= size:
        return [ntriples]
    lines = ntriples.splitlines(keepends=True)
    chunks = ["".join(line for line in lines if "_:" in line)]
    current: list[str] = []
    length = 0
    for line in lines:
        if "_:" in line:
            continue
        if current and length + len(line) > size:
            chunks.append("".join(current))
            current, length = [], 0
        current.append(line)
        length += len(line)
    chunks.append("".join(current))
    return [c for c in chunks if c]


def _drop(gsp: str | None, update: str | None, graph: str, *, auth, timeout: float) -> None:
    if update:
        _post_update(update, f"DROP SILENT GRAPH {NamedNode(graph)}", auth=auth, timeout=timeout)
        return
    url = f"{gsp}{'&' if '?' in gsp else '?'}{urllib.parse.urlencode({'graph': graph})}"
    try:
        send_request(urllib.request.Request(url, method="DELETE"), timeout=timeout, auth=auth).close()
    except Exception as exc:  # a graph already gone answers 404: that is what we wanted
        if "HTTP 404" not in str(exc):
            raise


def _record(gsp: str | None, update: str | None, local: dict[str, str], *, auth, timeout: float) -> None:
    """Write the bookkeeping graph whole (last: the push is complete)."""
    from pyoxigraph import Literal

    lines = "".join(f"{NamedNode(s)} <{_HASH}> {Literal(h)} .\n" for s, h in sorted(local.items()))
    g = NamedNode(STATE_GRAPH)
    if update:
        _post_update(update, f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{lines}}} }}",
                     auth=auth, timeout=timeout)
        return
    url = f"{gsp}{'&' if '?' in gsp else '?'}{urllib.parse.urlencode({'graph': STATE_GRAPH})}"
    request = urllib.request.Request(url, data=lines.encode("utf-8"), method="PUT")
    request.add_header("Content-Type", "application/n-triples")
    send_request(request, timeout=timeout, auth=auth).close()


def _save_state(kg, endpoint: str, local: dict[str, str]) -> None:
    path = state_path(kg, endpoint)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"target": endpoint, "sources": local,
                                   "pushed_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}, indent=1))
        os.replace(tmp, path)
    except OSError:
        pass
