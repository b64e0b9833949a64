"""Progress on standard error for anything that takes more than two seconds.

:class:`Busy` shows a spinner with what is being done once the work has taken `delay` seconds
(nothing for quick commands, nothing when standard error is not a terminal or with ``-q``).
"""

from __future__ import annotations

import threading
import time

DELAY = 2.0


class Busy:
    """``with Busy(console, "building the projection"): ...`` — a spinner after `delay` seconds."""

    def __init__(self, console, what: str, *, enabled: bool = True, delay: float = DELAY) -> None:
        self.console, self.what, self.delay = console, what, delay
        self.enabled = enabled and console.is_terminal
        self._status = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._done = False
        self.started = 0.0

    def _show(self) -> None:
        with self._lock:
            if self._done:
                return
            self._status = self.console.status(f"{self.what}…", spinner="dots")
            self._status.start()

    def update(self, what: str) -> None:
        """Say what is being done now."""
        with self._lock:
            self.what = what
            if self._status is not None:
                self._status.update(f"{what}…")

    def __enter__(self) -> Busy:
        self.started = time.perf_counter()
        if self.enabled:
            self._timer = threading.Timer(self.delay, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._done = True
            if self._timer is not None:
                self._timer.cancel()
            if self._status is not None:
                self._status.stop()
                self._status = None

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started


__all__ = ["Busy", "DELAY"]
