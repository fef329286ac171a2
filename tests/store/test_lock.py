"""Lock files: one writer per session; stale locks are taken over, live ones named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from interviewer.demo import DemoSession
from interviewer.store import SessionLocked, SessionStore

from .conftest import mode


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _write_lock(path: Path, pid: int, host: str | None = None) -> None:
    import socket

    path.parent.mkdir(parents=True, exist_ok=True)
    owner = {"pid": pid, "host": host or socket.gethostname(), "since": "2026-03-02T09:00"}
    path.write_text(json.dumps(owner))


def test_lock_is_exclusive_and_released(store: SessionStore) -> None:
    with store.lock("abc") as held:
        path = store.lock_path("abc")
        assert path.exists() and mode(path) == 0o600
        assert json.loads(path.read_text())["pid"] == os.getpid()
        with pytest.raises(SessionLocked, match="abc"):
            store.lock("abc")
        assert not held.released
    assert not path.exists()
    with store.lock("abc"):
        pass


def test_stale_lock_of_dead_process_is_taken_over(store: SessionStore) -> None:
    path = store.lock_path("abc")
    _write_lock(path, _dead_pid())
    with store.lock("abc"):
        assert json.loads(path.read_text())["pid"] == os.getpid()


@pytest.mark.parametrize("content", [b"", b"{garbled"])
def test_unreadable_lock_is_stale(store: SessionStore, content: bytes) -> None:
    path = store.lock_path("abc")
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with store.lock("abc"):
        assert json.loads(path.read_text())["pid"] == os.getpid()


def test_own_pid_left_by_an_earlier_process_is_stale(store: SessionStore) -> None:
    _write_lock(store.lock_path("abc"), os.getpid())  # containers reuse pids
    with store.lock("abc"):
        pass


def test_lock_of_other_host_is_respected(store: SessionStore) -> None:
    _write_lock(store.lock_path("abc"), 12345, host="laptop-of-someone-else")
    with pytest.raises(SessionLocked, match="laptop-of-someone-else") as info:
        store.lock("abc")
    assert str(store.lock_path("abc")) in str(info.value)


HOLDER = textwrap.dedent(
    """
    import sys
    from interviewer.store import SessionStore
    store = SessionStore(sys.argv[1])
    with store.lock(sys.argv[2]):
        print("locked", flush=True)
        sys.stdin.readline()
    """
)


def test_live_lock_of_another_process(store: SessionStore, demos: list[DemoSession]) -> None:
    session = demos[0].session
    store.create(session)
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store.data_dir), session.id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        with pytest.raises(SessionLocked, match=f"pid {proc.pid}"):
            store.lock(session.id)
        with pytest.raises(SessionLocked):
            store.save(session)
        with pytest.raises(SessionLocked):
            store.autosaver(session)
    finally:
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.close()
        proc.wait(10)
    store.save(session)  # released: writing works again


def test_autosaver_holds_the_lock_until_closed(
    store: SessionStore, demos: list[DemoSession]
) -> None:
    session = demos[0].session
    saver = store.autosaver(session, delay=0.05)
    with pytest.raises(SessionLocked):
        store.lock(session.id)
    store.save(session)  # the same process may still save directly
    assert saver.close().ok
    assert not store.lock_path(session.id).exists()
