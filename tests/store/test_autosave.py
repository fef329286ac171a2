"""Autosaver: debounced background writes, flush, close, races, failures as values."""

from __future__ import annotations

import errno
import json
import os
import threading
from pathlib import Path

import pytest

from interviewer import paths
from interviewer.domain.recorder import SessionRecorder
from interviewer.store import SaveResult, SessionStore, emergency
from interviewer.store.atomic import TEMP_PREFIX
from interviewer.store.portable import read_portable

from .conftest import mode
from .faults import inject

WAIT = 10.0  # generous upper bound for a background write to happen; never a timing assert


class Results:
    """Collects on_result calls and the threads they came from."""

    def __init__(self) -> None:
        self.items: list[SaveResult] = []
        self.threads: list[str] = []
        self.seen = 0
        self.cond = threading.Condition()

    def __call__(self, result: SaveResult) -> None:
        with self.cond:
            self.items.append(result)
            self.threads.append(threading.current_thread().name)
            self.cond.notify_all()

    def wait(self) -> SaveResult:
        """The next result not yet waited for (results of flush() count as seen)."""
        with self.cond:
            assert self.cond.wait_for(lambda: len(self.items) > self.seen, WAIT), "no write"
            self.seen = len(self.items)
            return self.items[-1]

    def mark(self) -> None:
        with self.cond:
            self.seen = len(self.items)


def test_requests_are_debounced_into_one_background_write(
    store: SessionStore, running: SessionRecorder
) -> None:
    session = running.session
    results = Results()
    saver = store.autosaver(session, delay=0.2, on_result=results)
    for n in range(20):
        running.set_notes("ervaring-1", f"woord {n}")
        saver.request()
    result = results.wait()
    assert result.ok and result.error is None and result.path == store.session_path(session.id)
    assert len(results.items) == 1
    assert results.threads == [f"autosave-{session.id}"]
    assert store.load(session.id).records["ervaring-1"].notes == "woord 19"
    assert not saver.pending
    assert saver.close().ok


def test_flush_writes_now_and_close_updates_the_listing(
    store: SessionStore, running: SessionRecorder
) -> None:
    session = running.session
    results = Results()
    saver = store.autosaver(session, delay=60.0, on_result=results)
    running.set_notes("ervaring-1", "een twee drie vier vijf")
    saver.request()
    result = saver.flush()  # long before the 60 s delay
    assert result.ok and saver.last_result == result
    assert store.load(session.id) == session
    assert results.threads == [f"autosave-{session.id}"]  # flush also writes on the thread
    running.set_notes("ervaring-1", "een twee drie vier vijf zes")
    saver.request()
    assert saver.close().ok
    assert saver.closed
    (summary,) = store.list()
    assert summary.words == 6
    saver.request()  # ignored after close, never raises


def test_listener_may_flush_and_may_fail(store: SessionStore, running: SessionRecorder) -> None:
    calls: list[bool] = []
    saver: list = []

    def listener(result: SaveResult) -> None:
        calls.append(result.ok)
        if len(calls) == 1:
            saver[0].flush()  # re-entrant: no deadlock
        raise RuntimeError("listener bug")

    saver.append(store.autosaver(running.session, delay=0.01, on_result=listener))
    saver[0].request()
    assert saver[0].flush().ok
    assert saver[0].close().ok
    assert all(calls)


@pytest.mark.parametrize(
    ("err", "on", "reason"),
    [
        (errno.ENOSPC, "write", "No space left"),
        (errno.EROFS, "open", "Read-only file system"),
        (errno.EACCES, "open", "Permission denied"),
    ],
)
def test_failure_is_reported_and_nothing_is_lost(
    store: SessionStore,
    running: SessionRecorder,
    monkeypatch: pytest.MonkeyPatch,
    err: int,
    on: str,
    reason: str,
) -> None:
    session = running.session
    results = Results()
    saver = store.autosaver(session, delay=0.05, on_result=results)
    assert saver.flush().ok
    results.mark()
    good = store.session_path(session.id).read_bytes()

    fault = inject(monkeypatch, store.data_dir, err, on)
    running.set_notes("ervaring-1", "tekst die niet op schijf past")
    saver.request()
    failed = results.wait()
    assert not failed.ok and failed.error is not None and reason in failed.error
    assert fault.failures >= 1
    assert saver.pending  # still to be written
    # the last good file is intact and loads; no temp file is left behind
    assert store.session_path(session.id).read_bytes() == good
    assert store.load(session.id).records["ervaring-1"].notes != "tekst die niet op schijf past"
    assert not [p for p in store.sessions_dir.iterdir() if p.name.startswith(TEMP_PREFIX)]
    # the session in memory is intact and an emergency copy holds it
    assert session.records["ervaring-1"].notes == "tekst die niet op schijf past"
    emergency = failed.emergency_path
    assert emergency is not None and emergency.parent == paths.cache_dir() / "emergency"
    assert mode(emergency) == 0o600 and mode(emergency.parent) == 0o700
    assert read_portable(emergency) == session
    # a second failure replaces the same emergency copy instead of adding files
    running.set_notes("ervaring-1", "tekst die niet op schijf past, langer")
    again = saver.flush()
    assert not again.ok and again.emergency_path == emergency
    results.mark()
    assert read_portable(emergency).records["ervaring-1"].notes.endswith("langer")

    fault.active = False  # space freed / folder writable again: the next save succeeds
    running.set_notes("ervaring-1", "weer goed")
    saver.request()
    assert results.wait().ok
    assert store.load(session.id) == session
    assert not saver.pending
    assert saver.close().ok


def test_emergency_copy_falls_back_to_temp_folder(
    store: SessionStore,
    running: SessionRecorder,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    session = running.session
    saver = store.autosaver(session, delay=0.05)
    assert saver.flush().ok
    monkeypatch.setattr(paths, "cache_dir", lambda: tmp_path / "data" / "cache")
    monkeypatch.setattr(emergency, "home_emergency_folder", lambda: tmp_path / "data" / "home")
    second = tmp_path / "tmp"
    second.mkdir()
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(second))
    inject(monkeypatch, store.data_dir, errno.EROFS)  # the cache is on the same bad disk
    result = saver.flush()
    assert not result.ok and result.emergency_path is not None
    assert result.emergency_path.is_relative_to(second)
    assert read_portable(result.emergency_path) == session
    monkeypatch.undo()
    assert saver.close().ok


def test_no_emergency_copy_anywhere_is_said(
    store: SessionStore,
    running: SessionRecorder,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    saver = store.autosaver(running.session, delay=0.05)
    monkeypatch.setattr(paths, "cache_dir", lambda: tmp_path / "data" / "cache")
    monkeypatch.setattr(emergency, "home_emergency_folder", lambda: tmp_path / "data" / "home")
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path / "data" / "tmp"))
    inject(monkeypatch, tmp_path / "data", errno.EROFS)
    result = saver.flush()
    assert not result.ok and result.emergency_path is None
    assert result.error is not None and "no emergency copy" in result.error
    monkeypatch.undo()
    assert saver.close().ok


def test_emergency_copy_restores_with_import(
    store: SessionStore, running: SessionRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interviewer.store.importing import import_files

    session = running.session
    saver = store.autosaver(session, delay=0.05)
    assert saver.flush().ok
    inject(monkeypatch, store.data_dir, errno.ENOSPC, "write")
    running.set_notes("ervaring-1", "alleen in de noodkopie")
    emergency = saver.flush().emergency_path
    monkeypatch.undo()
    saver.close()  # closes fine now; still, restore the copy as a user would
    assert emergency is not None
    # the close saved the same session after the copy: an older copy that loses nothing
    past = emergency.stat().st_mtime - 5
    os.utime(emergency, (past, past))
    (outcome,) = import_files(store, [emergency], replace=True)
    assert outcome.ok
    assert store.load(session.id).records["ervaring-1"].notes == "alleen in de noodkopie"
    assert json.loads(emergency.read_bytes())["format"] == "interviewer-session"
