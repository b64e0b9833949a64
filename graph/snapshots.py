"""How an on-disk store is opened: one writer at a time, any number of readers beside it.

RocksDB (under Oxigraph) lets one process write a store. A reader that opened the *live* files
read-only while a writer works may see a half-applied state — Oxigraph calls it undefined. So
readers never open the live files while new code manages the store: when a writer closes after a
change it **publishes** a snapshot — an Oxigraph backup (a RocksDB checkpoint: hard links to the
immutable table files, taken in ~50 ms, no copy of the data) under ``<store>/innograph-readers/``
— and readers open the newest complete snapshot read-only. A reader therefore sees the store as
the last writer left it when it closed; a load in progress, or one killed half-way, is invisible
until the writer closes. Readers hold a shared ``flock`` on their snapshot; the writer deletes
older snapshots only when no reader holds them.

A writer that finds the store locked by another writer waits (30 s by default, configurable with
``$INNOGRAPH_LOCK_WAIT`` or ``wait=``) with one message on stderr, then gives up with a clear error.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from innograph.errors import StoreError

READERS_DIR = "innograph-readers"
READERS_LOCK = "innograph-readers.lock"
LOCK_WAIT_ENV = "INNOGRAPH_LOCK_WAIT"
DEFAULT_LOCK_WAIT = 30.0


def lock_wait(wait: float | None) -> float:
    """Seconds a writer waits for another writer: `wait`, else ``$INNOGRAPH_LOCK_WAIT``, else 30."""
    if wait is not None:
        return max(0.0, float(wait))
    try:
        return max(0.0, float(os.environ.get(LOCK_WAIT_ENV, DEFAULT_LOCK_WAIT)))
    except ValueError:
        return DEFAULT_LOCK_WAIT


def is_disk_full(exc: BaseException) -> bool:
    return getattr(exc, "errno", None) == errno.ENOSPC or "No space left" in str(exc)


def disk_full_error(path: Path | None, exc: BaseException, doing: str) -> StoreError:
    return StoreError(
        f"the disk holding the store at {path} is full while {doing} ({str(exc).splitlines()[0]}); "
        "free some space and run the command again — the store keeps its last complete state"
    )


@contextmanager
def disk_errors(path: Path | None, doing: str):
    """Turn a full disk (OSError ENOSPC, from Python or from RocksDB) into a clear StoreError."""
    try:
        yield
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full_error(path, exc, doing) from None
        raise


def _is_lock_error(exc: OSError) -> bool:
    text = str(exc)
    return "LOCK" in text or "Resource temporarily unavailable" in text or "lock hold" in text


def open_writable(path: Path, *, wait: float | None = None) -> ox.Store:
    """Open (create: parents included) the store for writing, waiting a bounded time for a writer."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store directory; choose another --store")
    with disk_errors(path, "creating the store"):
        path.mkdir(parents=True, exist_ok=True)
    limit = lock_wait(wait)
    deadline = time.monotonic() + limit
    told = False
    while True:
        try:
            return ox.Store(str(path))
        except OSError as exc:
            if is_disk_full(exc):
                raise disk_full_error(path, exc, "opening the store") from None
            if not _is_lock_error(exc):
                raise StoreError(f"cannot open the store at {path}: {str(exc).splitlines()[0]}") from None
            if "hold by current process" in str(exc):  # waiting for ourselves would never end
                raise StoreError(f"cannot open the store at {path}: this process already has it open for "
                                 "writing; close that KnowledgeGraph first (or open read_only=True)") from None
            if time.monotonic() >= deadline:
                hint = "another innograph process may be using it; wait for it or use another --store"
                raise StoreError(f"cannot open the store at {path}: {exc}; {hint}") from None
            if not told:
                print(f"innograph: the store at {path} is being written by another process; "
                      f"waiting up to {limit:.0f} s for it to finish", file=sys.stderr, flush=True)
                told = True
            time.sleep(0.2)


def publish(store: ox.Store, path: Path) -> Path:
    """Publish the writer's current state as the newest reader snapshot; prune unused old ones."""
    root = path / READERS_DIR
    root.mkdir(exist_ok=True)
    staging = root / f"tmp-{uuid.uuid4().hex}"
    try:
        store.backup(str(staging))
        (staging / READERS_LOCK).touch()
        target = root / f"{time.time_ns():020d}"
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    prune(root, keep=target.name)
    return target


def prune(root: Path, *, keep: str) -> None:
    """Remove the snapshots other than `keep` that no reader holds (and leftovers of a kill)."""
    for entry in sorted(os.listdir(root)):
        folder = root / entry
        if entry == keep:
            continue
        if entry.startswith(("tmp-", "trash-")):
            shutil.rmtree(folder, ignore_errors=True)
            continue
        if not entry.isdigit():
            continue
        try:
            fd = os.open(folder / READERS_LOCK, os.O_RDONLY)
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)  # a reader still uses it; a later writer removes it
            continue
        try:
            trash = root / f"trash-{uuid.uuid4().hex}"
            os.rename(folder, trash)
            shutil.rmtree(trash, ignore_errors=True)
        finally:
            os.close(fd)


def has_snapshot(path: Path) -> bool:
    root = path / READERS_DIR
    return root.is_dir() and any(entry.isdigit() for entry in os.listdir(root))


def open_snapshot(path: Path) -> tuple[ox.Store, int] | None:
    """The newest published snapshot opened read-only, with the descriptor holding its shared
    lock (close it when done); None when the writer never published one."""
    root = path / READERS_DIR
    for _ in range(100):
        try:
            names = sorted(entry for entry in os.listdir(root) if entry.isdigit())
        except FileNotFoundError:
            return None
        if not names:
            return None
        folder = root / names[-1]
        try:
            fd = os.open(folder / READERS_LOCK, os.O_RDONLY)
        except FileNotFoundError:
            continue  # pruned between the listing and the open: look again
        fcntl.flock(fd, fcntl.LOCK_SH)
        if not (folder / "CURRENT").exists():
            os.close(fd)
            continue
        try:
            return ox.Store.read_only(str(folder)), fd
        except OSError as exc:
            os.close(fd)
            raise StoreError(f"cannot open the store at {path} for reading: {str(exc).splitlines()[0]}") from None
    raise StoreError(f"cannot open the store at {path} for reading: its snapshots keep changing; try again")


__all__ = ["open_writable", "open_snapshot", "publish", "prune", "has_snapshot", "disk_errors",
           "is_disk_full", "lock_wait", "READERS_DIR", "LOCK_WAIT_ENV"]
