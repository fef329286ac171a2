"""Writes the analysis screen's edits off the UI thread, latest value per field first.

The screen hands over one write per field (a Tussenconclusie, a variable's keywords, a key
sentence change) as a callable; a single worker thread runs them in order. A field written
again before its earlier write ran keeps only the newest text (the store call re-reads the
file under its lock, so nothing else is overwritten). A write that fails (disk full, a
damaged file, a lock held too long) stays queued and is tried again every
``RETRY_SECONDS`` or at the next change, and ``on_result`` reports it, so what was typed is
never dropped while the screen is open; ``flush`` waits for the queue at the end.

Plain threads, no Textual: tested without a terminal.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable

RETRY_SECONDS = 2.0

Write = Callable[[], object]
Result = Callable[[str, BaseException | None], None]


class AnalysisSaver:
    """See the module docstring. ``on_result(key, error)`` runs on the worker thread after
    each write (``error`` None when it was stored)."""

    def __init__(self, on_result: Result | None = None) -> None:
        self._on_result = on_result
        self._pending: dict[str, Write] = {}
        self._failed: dict[str, BaseException] = {}
        self._cond = threading.Condition()
        self._busy = False
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="analysis-saver", daemon=True)
        self._thread.start()

    # --- the screen's side ----------------------------------------------------------------
    def put(self, key: str, write: Write) -> None:
        """Queue ``write`` for field ``key`` (replacing a queued one of the same field)."""
        with self._cond:
            self._pending.pop(key, None)
            self._pending[key] = write  # to the end: written in the order last changed
            self._cond.notify_all()

    def pending(self) -> bool:
        """True while a write is queued or running."""
        with self._cond:
            return bool(self._pending) or self._busy

    def failures(self) -> dict[str, BaseException]:
        """The fields whose last write failed (still queued), with the error."""
        with self._cond:
            return dict(self._failed)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every queued write has run once more (or ``timeout``); True when
        everything is stored."""
        deadline = time.monotonic() + timeout
        with self._cond:
            self._cond.notify_all()
            generation = self._round
            while self._pending and not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                if self._failed and self._round > generation and not self._busy:
                    break  # tried again and failed: the caller says so
                self._cond.wait(min(left, 0.05))
            while self._busy and time.monotonic() < deadline:
                self._cond.wait(0.05)
            return not self._pending and not self._busy

    def close(self, timeout: float = 5.0) -> bool:
        """Flush, then stop the worker; True when everything was stored."""
        stored = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout=1.0)
        return stored

    # --- the worker -----------------------------------------------------------------------
    _round = 0

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                batch = dict(self._pending)
                self._pending.clear()
                self._busy = True
            for key, write in batch.items():
                error: BaseException | None = None
                try:
                    write()
                except Exception as exc:  # every failure is reported; the text stays queued
                    error = exc
                with self._cond:
                    if error is None:
                        self._failed.pop(key, None)
                    else:
                        self._failed[key] = error
                        self._pending.setdefault(key, write)  # a newer one may have come
                if self._on_result is not None:
                    with contextlib.suppress(Exception):  # a screen gone: the write counts
                        self._on_result(key, error)
            with self._cond:
                self._busy = False
                self._round += 1
                self._cond.notify_all()
                if self._failed and not self._closed:
                    self._cond.wait(RETRY_SECONDS)  # a put() wakes it at once
