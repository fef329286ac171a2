"""Autosave for the UI: request a save on every change; a background thread writes it.

``Autosaver.request()`` is cheap and never blocks: the session is written at most ``delay``
seconds after the first unsaved change (continuous typing cannot postpone it). ``flush()``
writes now and waits (navigation, exit); ``close()`` flushes, stops the thread and releases
the session's lock. Every write runs on the writer thread, which calls ``on_result`` with a
``SaveResult`` afterwards; a failure (disk full, read-only folder, no permission) is a
``SaveResult(ok=False, error=...)``, never an exception in the caller's thread. The file on
disk then still holds the last good save, the session stays in memory, an emergency copy is
attempted (``interviewer.store.emergency``) and the writer thread tries again every
``retry`` seconds (and on the next request or flush) until a save succeeds, so space freed
while the interviewer keeps typing is used without any action from them.

A reserve: at start the autosaver sets aside ``RESERVE_BYTES`` in the data folder (a hidden
0600 file, ``.reserve-<id>``, allocated on disk; half the free space when that is less, so a
nearly full disk still keeps one). When a save fails because the disk is full,
the reserve is given back and the save is tried again at once, so the notes typed after
the disk filled up still reach the session file; it is set aside again by the first save
that works after a failed one (space was freed). It is removed at ``close()``; one left by a
killed process is reused when that session is opened again.

Thread safety: the writer thread reads the live session only while it holds the session's
lock (``interviewer.domain.mutation.session_lock``, also ``Autosaver.mutation_lock``), and
every change to a session takes that lock: the ``SessionRecorder`` methods that change it
are marked ``@mutates``, and the screens change a session only through them (they read
records with ``SessionRecorder.record_of``, which never adds one). Under the lock the writer
makes a snapshot, a dict of JSON values that nothing else refers to (a few ms even for a
long session, so a keystroke waits at most that long); the file is written from the snapshot
after the lock is released. The recorder tells its listener about a change after releasing
the lock, so a listener may request or wait for a save. The lock belongs to the session
object, so the recorder and the autosaver share it without being handed it; code that
changes a session in another way while it is autosaved must hold ``mutation_lock`` too.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import errno
import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from interviewer.domain.mutation import session_lock
from interviewer.domain.session import Session, session_to_json_dict
from interviewer.store.emergency import write_emergency_copy
from interviewer.store.index import SessionIndex, summarize
from interviewer.store.lock import SessionLock
from interviewer.store.portable import portable_bytes

log = logging.getLogger(__name__)
CLOSE_TIMEOUT = 30.0
RESERVE_BYTES = 4 * 1024 * 1024
"""Space kept free for the session's next saves (a session file is rarely over 1 MB)."""
MIN_RESERVE_BYTES = 32 * 1024
"""The smallest reserve worth keeping (a few saves of a short session)."""
HOLD_SECONDS = 600.0
"""How long an exit forced by a signal waits for space while nothing could be saved."""
RETRY_SECONDS = 5.0
"""While saving fails, the writer thread tries again this often, even without changes."""


@dataclass(frozen=True)
class SaveResult:
    """The outcome of one write of a session."""

    ok: bool
    at: dt.datetime
    """When the write started (UTC)."""
    duration: float
    """Seconds the write took (serialise, write, fsync, rename)."""
    path: Path
    """The session file."""
    error: str | None = None
    """One line for the user when ``ok`` is False."""
    emergency_path: Path | None = None
    """Where an emergency copy was written after a failure, if one could be."""
    reason: str | None = None
    """The failure's cause in a few words (the system's, e.g. "No space left on device")."""


def describe_error(exc: BaseException, path: Path) -> str:
    """One clear line for a failed save."""
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        where = exc.filename or path
        return f"could not save to {where}: {reason}"
    return f"could not save to {path}: {exc}"


def _reserve_size(path: Path, wanted: int) -> int:
    """``wanted``, or half the space left in the folder (counting a reserve already there)
    when that is less: a nearly full disk still gets a reserve that fits the next saves of a
    session (files of tens of KB), and the reserve never takes the last free byte. 0 when
    not even ``MIN_RESERVE_BYTES`` would fit."""
    info = os.statvfs(path.parent)
    try:
        held = path.stat().st_blocks * 512
    except (OSError, AttributeError):
        held = 0
    size = min(wanted, (info.f_bavail * info.f_frsize + held) // 2)
    return size if size >= MIN_RESERVE_BYTES else 0


def _make_reserve(path: Path, size: int) -> Path | None:
    """Allocate up to ``size`` bytes on disk at ``path`` (0600; less on a nearly full disk,
    see ``_reserve_size``), or keep the one there; None if no space is left (the session runs
    without a reserve: saving works as before)."""
    if size <= 0:
        return None
    try:
        size = _reserve_size(path, size)
        if size <= 0:
            log.warning("no save reserve in the data folder: the disk is nearly full")
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        if path.is_file() and path.stat().st_size >= size:
            return path
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        try:
            if hasattr(os, "posix_fallocate"):
                os.posix_fallocate(fd, 0, size)  # real blocks, not a sparse file
            else:
                os.ftruncate(fd, size)
        finally:
            os.close(fd)
    except OSError as exc:
        log.warning("no save reserve in the data folder: %s", exc.strerror)
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    return path


class SaveTarget(Protocol):
    """What the autosaver writes through: the ``SessionStore`` that makes it (``autosaver``).

    Named here rather than imported, so the store's core imports this module and not the
    other way round."""

    data_dir: Path
    index: SessionIndex

    def session_path(self, session_id: str) -> Path: ...

    def write_data(self, session_id: str, data: dict[str, Any]) -> Path: ...


class Autosaver:
    """Debounced background saving of one session; see the module docstring."""

    def __init__(
        self,
        store: SaveTarget,
        session: Session,
        lock: SessionLock,
        *,
        delay: float = 1.0,
        on_result: Callable[[SaveResult], None] | None = None,
        retry: float = RETRY_SECONDS,
        reserve: int = RESERVE_BYTES,
    ) -> None:
        self.store = store
        self.retry = max(0.01, float(retry))
        self._reserve_wanted = (store.data_dir / f".reserve-{session.id}", reserve)
        self.reserve_path: Path | None = _make_reserve(*self._reserve_wanted)
        """The reserve file while it holds space (None once given back, or if none fit)."""
        self.session = session
        self.delay = max(0.0, float(delay))
        self.on_result = on_result
        self.mutation_lock = session_lock(session)
        """The session's lock: every change holds it, the writer serialises under it."""
        self.last_result: SaveResult | None = None
        self.path = store.session_path(session.id)
        self._lock = lock
        self._cond = threading.Condition()
        self._dirty = False
        self._due: float | None = None
        self._waiters: list[tuple[Future[SaveResult], bool]] = []
        self._closed = False
        self._emergency: Path | None = None
        self._thread = threading.Thread(
            target=self._run, name=f"autosave-{session.id}", daemon=True
        )
        self._thread.start()
        atexit.register(self._at_exit)

    # --- API for the UI ----------------------------------------------------------------
    def request(self) -> None:
        """Note a change; it is written at most ``delay`` seconds from the first request."""
        with self._cond:
            if self._closed:
                return
            self._dirty = True
            if self._due is None:
                self._due = time.monotonic() + self.delay
                self._cond.notify()

    def flush(self) -> SaveResult:
        """Write now (on the writer thread) and wait for the result."""
        return self._flush(final=False)

    def close(self) -> SaveResult:
        """Write a last time, update the listing, stop the thread and release the lock."""
        if self._closed and self.last_result is not None:
            return self.last_result
        result = self._flush(final=True)
        with self._cond:
            self._closed = True
            self._cond.notify()
        if threading.current_thread() is not self._thread:
            self._thread.join(CLOSE_TIMEOUT)
        self._release_reserve()
        self._lock.release()
        atexit.unregister(self._at_exit)
        return result

    @property
    def pending(self) -> bool:
        """True while a change has not been written successfully."""
        with self._cond:
            return self._dirty

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def nothing_saved(self) -> bool:
        """True while the last write failed and no emergency copy took the notes either:
        what was typed since the last good save exists in memory only."""
        result = self.last_result
        return result is not None and not result.ok and result.emergency_path is None

    def hold_until_saved(self, timeout: float = HOLD_SECONDS, every: float = 1.0) -> bool:
        """While nothing could be saved anywhere, write again every ``every`` seconds for up
        to ``timeout`` seconds; True once the notes are somewhere (or were all along).

        For an exit nobody can refuse (SIGTERM, SIGHUP, the terminal gone): exiting at once
        would lose every word typed since the disk filled up, so the process stays until
        space is freed (the next try writes the session) or the time is up."""
        deadline = time.monotonic() + max(0.0, timeout)
        while self.nothing_saved and not self._closed:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(every, left))
            self.flush()
        return not self.nothing_saved

    def __enter__(self) -> Autosaver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writer thread -----------------------------------------------------------------
    def _flush(self, *, final: bool) -> SaveResult:
        if threading.current_thread() is self._thread:  # e.g. flush() inside on_result
            return self._write(final=final)
        future: Future[SaveResult] = Future()
        with self._cond:
            if self._closed or not self._thread.is_alive():
                if self.last_result is not None:
                    return self.last_result
                return self._write(final=final)
            self._waiters.append((future, final))
            self._cond.notify()
        return future.result()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._waiters:
                    if self._closed:
                        return
                    if self._due is None:
                        self._cond.wait()
                        continue
                    remaining = self._due - time.monotonic()
                    if remaining <= 0:
                        break
                    self._cond.wait(remaining)
                waiters, self._waiters = self._waiters, []
                self._due = None
            result = self._write(final=any(final for _f, final in waiters))
            for future, _final in waiters:
                future.set_result(result)

    def _write(self, *, final: bool) -> SaveResult:
        with self._cond:
            self._dirty = False  # changes from now on make it dirty again
        result = self._write_once(final=final)
        if not result.ok:
            with self._cond:
                self._dirty = True  # try again on the next request or flush, or on a timer
                if not self._closed and self._due is None:
                    self._due = time.monotonic() + self.retry
                    self._cond.notify()
        self.last_result = result
        if self.on_result is not None:
            try:
                self.on_result(result)
            except Exception:  # a faulty listener must not stop the saving
                log.exception("autosave listener failed for session %s", self.session.id)
        return result

    def _snapshot(self) -> dict[str, Any]:
        """The session as it is between two changes (see the module docstring)."""
        with self.mutation_lock:
            return session_to_json_dict(self.session)

    def _write_once(self, *, final: bool) -> SaveResult:
        at = dt.datetime.now(dt.UTC)
        start = time.perf_counter()
        data: dict[str, Any] | None = None
        try:
            data = self._snapshot()
            try:
                self.store.write_data(self.session.id, data)
            except OSError as exc:
                if exc.errno != errno.ENOSPC or not self._release_reserve():
                    raise
                log.warning("disk full: the reserve for session %s was used", self.session.id)
                self.store.write_data(self.session.id, data)  # into the space just freed
        except Exception as exc:  # reported as a value, never raised into the UI
            error = describe_error(exc, self.path)
            if not isinstance(exc, OSError):
                log.error("autosave of session %s failed: %s", self.session.id, type(exc).__name__)
            emergency = self._write_emergency(data)
            if emergency is None and data is not None:
                error += "; no emergency copy could be written either"
            reason = (exc.strerror if isinstance(exc, OSError) else None) or type(exc).__name__
            duration = time.perf_counter() - start
            return SaveResult(False, at, duration, self.path, error, emergency, reason)
        self._emergency = None  # a good save ends the failure streak
        previous = self.last_result
        if not final and self.reserve_path is None and previous is not None and not previous.ok:
            self.reserve_path = _make_reserve(*self._reserve_wanted)  # space was freed
        self._update_index(final=final)
        return SaveResult(True, at, time.perf_counter() - start, self.path)

    def _update_index(self, *, final: bool) -> None:
        """At ``close()`` only: the listing re-reads a changed session file by itself (see
        ``index``), so autosaves never pay for rewriting an index of 1,000 sessions."""
        if not final:
            return

        with self.mutation_lock:
            summary = summarize(self.session, dt.datetime.now(dt.UTC))
        try:
            self.store.index.update(summary, self.path)
        except OSError as exc:  # the index is a cache: the next listing rebuilds the entry
            log.warning("session index not updated for %s: %s", self.session.id, exc.strerror)

    def _write_emergency(self, data: dict[str, Any] | None) -> Path | None:
        if data is None:
            return None
        try:
            self._emergency = write_emergency_copy(
                self.session.id, portable_bytes(data), self._emergency
            )
        except OSError as exc:
            log.error("emergency copy of session %s failed: %s", self.session.id, exc)
            return None
        return self._emergency

    def _release_reserve(self) -> bool:
        """Give the reserve's space back; True if there was one."""
        path, self.reserve_path = self.reserve_path, None
        if path is None:
            return False
        with contextlib.suppress(OSError):
            path.unlink()
        return True

    def _at_exit(self) -> None:
        if not self._closed and self.pending:
            self.close()
