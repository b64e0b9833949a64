"""A real `innograph serve` on 127.0.0.1, started as a user would, for the server tests.

The store holds the hand-made example (two sources) loaded through the CLI. The server is a
subprocess on a free port; the fixture waits until /healthz answers and stops it by PID.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from innograph.cli import cli
from innograph.examples import handmade_example


@dataclass
class Server:
    url: str
    store: Path
    process: subprocess.Popen
    token: str | None = None

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_store(path: Path, *files: Path) -> Path:
    result = CliRunner().invoke(cli, ["-q", "--store", str(path), "load", *map(str, files)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


def start(store: Path, *options: str, env: dict | None = None, wait: float = 60) -> Server:
    port = free_port()
    command = [sys.executable, "-m", "innograph", "--store", str(store), "serve", "--port", str(port), *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env={**os.environ, **(env or {})}, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + wait
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200 and b'"workers":[' in response.read() and _ready(url):
                    break
        except OSError:
            pass
        if process.poll() is not None:
            out = process.stdout.read().decode(errors="replace")
            raise RuntimeError(f"innograph serve exited with {process.returncode}:\n{out}")
        if time.monotonic() > deadline:
            stop(process)
            raise RuntimeError("innograph serve did not answer in time")
        time.sleep(0.2)
    return Server(url, store, process, (env or {}).get("INNOGRAPH_SERVER_TOKEN"))


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/sparql?query=ASK%7B%7D", timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    if process.stdout:
        process.stdout.close()


def http_request(method: str, url: str, *, data: bytes | None = None, headers: dict | None = None):
    """(status, headers, body) of one request, errors included."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


@pytest.fixture(scope="session")
def http():
    return http_request


@pytest.fixture(scope="session")
def served_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("served") / "store"
    return make_store(store, handmade_example())


@pytest.fixture(scope="session")
def server(served_store):
    srv = start(served_store, "--timeout", "3", "--max-rows", "500", "--max-body", "20000")
    yield srv
    stop(srv.process)


@pytest.fixture(scope="session")
def writable_server(tmp_path_factory):
    """A server started with --allow-update on its own store (token: s3cret-token)."""
    store = make_store(tmp_path_factory.mktemp("writable") / "store", handmade_example())
    srv = start(store, "--allow-update", "--timeout", "10", env={"INNOGRAPH_SERVER_TOKEN": "s3cret-token"})
    yield srv
    stop(srv.process)
