"""A pool of killable worker processes, driven from the web server's event loop.

Each request takes an idle worker, sends it the request over a pipe and waits for the reply
without blocking the loop (the pipe's file descriptor is watched with ``loop.add_reader``). When
the time limit passes first, the worker is killed and a fresh one started in its place: the
query really stops, and the other workers go on answering.
"""

from __future__ import annotations

import asyncio
import json
import os
import pickle
import socket
import subprocess
import sys
import time
from dataclasses import asdict
from multiprocessing.connection import Connection

from innograph.server.worker import WorkerConfig


class QueryTimeout(Exception):
    """The request did not finish within the time limit."""


class Busy(Exception):
    """No worker became free within the time limit."""


class _Process:
    """A worker started as ``python -m innograph.server.worker FD CONFIG``, talking over a socket pair.

    A fresh interpreter (not a fork of the web server, not multiprocessing's spawn, which would
    re-import the caller's main module) that imports only what a worker needs.
    """

    def __init__(self, config: WorkerConfig) -> None:
        parent, child = socket.socketpair()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "innograph.server.worker", str(child.fileno()), json.dumps(asdict(config))],
                pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL, close_fds=True)
        finally:
            child.close()
        parent.setblocking(True)
        self.conn = Connection(parent.detach())
        self.pid = self.process.pid

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.conn.close()

    async def wait_readable(self, loop: asyncio.AbstractEventLoop) -> None:
        future = loop.create_future()
        fd = self.conn.fileno()

        def on_ready() -> None:
            if not future.done():
                future.set_result(None)

        loop.add_reader(fd, on_ready)
        try:
            await future
        finally:
            loop.remove_reader(fd)
            os.set_blocking(fd, True)  # the loop may have made it non-blocking; recv reads whole messages

    async def receive(self, loop):
        await self.wait_readable(loop)
        return self.conn.recv()


class WorkerPool:
    """`size` worker processes with the same configuration."""

    def __init__(self, config: WorkerConfig, size: int = 2) -> None:
        self.config = config
        self.size = max(1, size)
        self._idle: asyncio.Queue[_Process] | None = None
        self._all: set[_Process] = set()
        self._closing = False
        self.restarts = 0

    async def start(self) -> None:
        self._idle = asyncio.Queue()
        await asyncio.gather(*(self._spawn() for _ in range(self.size)))

    async def _spawn(self) -> None:
        loop = asyncio.get_running_loop()
        proc = await loop.run_in_executor(None, _Process, self.config)
        self._all.add(proc)
        try:
            message = await asyncio.wait_for(proc.receive(loop), timeout=120)
        except (asyncio.TimeoutError, EOFError, OSError):
            self._all.discard(proc)
            proc.kill()
            if not self._closing:
                await asyncio.sleep(1)
                asyncio.get_running_loop().create_task(self._spawn())
            return
        if message and message[0] == "ready":
            self._idle.put_nowait(proc)

    async def run(self, request: dict, timeout: float) -> tuple[int, str, bytes]:
        """Send `request` to a worker; QueryTimeout when the limit passes first."""
        loop = asyncio.get_running_loop()
        deadline = time.monotonic() + timeout
        try:
            proc = await asyncio.wait_for(self._idle.get(), timeout=timeout)
        except asyncio.TimeoutError:
            raise Busy() from None
        try:
            os.set_blocking(proc.conn.fileno(), True)
            proc.conn.send(request)
            reply = await asyncio.wait_for(proc.receive(loop), timeout=max(0.001, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            self._replace(proc)
            raise QueryTimeout() from None
        except (EOFError, OSError, pickle.PickleError, asyncio.CancelledError):
            # the worker died (or the client went away mid-request): never reuse it half-way
            self._replace(proc)
            raise
        self._idle.put_nowait(proc)
        return reply

    def _replace(self, proc: _Process) -> None:
        self._all.discard(proc)
        proc.kill()
        self.restarts += 1
        if not self._closing:
            asyncio.get_running_loop().create_task(self._spawn())

    async def close(self) -> None:
        self._closing = True
        for proc in list(self._all):
            try:
                proc.conn.close()
            except OSError:
                pass
        for proc in list(self._all):
            try:
                proc.process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                proc.kill()
        self._all.clear()

    @property
    def pids(self) -> list[int]:
        return sorted(p.pid for p in self._all)


__all__ = ["WorkerPool", "QueryTimeout", "Busy"]
