"""Session locks: held exactly while a live process has the session open (an OS flock).

A dead holder never locks a session: not before it is reaped, not when its pid now belongs to
another program, not after a reboot (a lock file with no flock on it). Two processes never
hold the same lock. Without ``fcntl`` the documented pid-file fallback applies.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from interviewer.demo import DemoSession
from interviewer.i18n import translate
from interviewer.store import SessionLocked, SessionStore, lock

from .conftest import mode


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _write_lock(path: Path, pid: int, host: str | None = None) -> None:
    """A lock file as a holder that is gone left it: content, but no flock on it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    owner = {"pid": pid, "host": host or socket.gethostname(), "since": "2026-03-02T09:00"}
    path.write_text(json.dumps(owner))


def test_lock_is_exclusive_and_released(store: SessionStore) -> None:
    with store.lock("abc") as held:
        path = store.lock_path("abc")
        assert path.exists() and mode(path) == 0o600
        assert json.loads(path.read_text())["pid"] == os.getpid()
        with pytest.raises(SessionLocked, match="abc"):
            store.lock("abc")  # a second open file in the same process conflicts too
        assert not held.released
    assert not path.exists()
    with store.lock("abc"):
        pass


@pytest.mark.parametrize(
    ("pid", "host"),
    [
        pytest.param(None, None, id="dead-pid"),
        pytest.param(os.getppid(), None, id="live-unrelated-pid"),
        pytest.param(1, None, id="pid-1"),
        pytest.param(os.getpid(), None, id="own-pid-of-an-earlier-process"),
        pytest.param(12345, "laptop-before-renaming", id="other-host-name"),
    ],
)
def test_lock_file_without_a_holder_is_taken_at_once(
    store: SessionStore, pid: int | None, host: str | None
) -> None:
    """Left by a program that died, before a reboot, or under a host name since changed
    (macOS renames hosts by network): whatever pid it names, nobody holds it."""
    path = store.lock_path("abc")
    _write_lock(path, _dead_pid() if pid is None else pid, host)
    with store.lock("abc"):
        owner = json.loads(path.read_text())
        assert owner["pid"] == os.getpid() and owner["host"] == socket.gethostname()
    assert not path.exists()


@pytest.mark.parametrize(
    "content", [b"", b"{garbled", b'{"pid": 1, "host": "x", "since": "y"}' * 9]
)
def test_unreadable_or_odd_lock_file_is_taken(store: SessionStore, content: bytes) -> None:
    path = store.lock_path("abc")
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    path.chmod(0o644)
    with store.lock("abc"):
        assert json.loads(path.read_text())["pid"] == os.getpid()  # rewritten whole
        assert mode(path) == 0o600


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


def _holder(store: SessionStore, session_id: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store.data_dir), session_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def _state(pid: int) -> str:
    """The process state letter from /proc (Z: dead but not reaped), '' when unknown."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return ""


def test_lock_of_a_killed_process_is_free_before_it_is_reaped(
    store: SessionStore, demos: list[DemoSession]
) -> None:
    """``kill -9``, then resume at once: the parent has not reaped the child (no wait()), so
    its pid still exists, and the session opens all the same."""
    session = demos[0].session
    store.create(session)
    proc = _holder(store, session.id)
    os.kill(proc.pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while True:  # the signal is delivered asynchronously: the child may still be exiting
        try:
            taken = store.lock(session.id)
            break
        except SessionLocked:
            assert time.monotonic() < deadline, "the killed holder's lock was never released"
            time.sleep(0.005)
    try:
        os.kill(proc.pid, 0)  # not reaped: the pid exists (a pid check would say "alive")
        if sys.platform.startswith("linux"):
            assert _state(proc.pid) == "Z"
        store.save(session)  # and this process may write
    finally:
        taken.release()
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    saver = store.autosaver(session, delay=0.05)  # resume: the autosaver takes the lock
    assert saver.close().ok


def test_live_lock_of_another_process(store: SessionStore, demos: list[DemoSession]) -> None:
    session = demos[0].session
    store.create(session)
    proc = _holder(store, session.id)
    try:
        with pytest.raises(SessionLocked, match=f"pid {proc.pid}") as info:
            store.lock(session.id)
        assert "remove" not in str(info.value)
        with pytest.raises(SessionLocked):
            store.save(session)
        with pytest.raises(SessionLocked):
            store.autosaver(session)
        store.lock_path(session.id).write_bytes(b"")  # what it says is information only
        with pytest.raises(SessionLocked, match="another program"):
            store.save(session)
    finally:
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.close()
        proc.wait(10)
    store.save(session)  # released: writing works again


COUNTER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from interviewer.store import SessionLocked, SessionStore
    store, counter, rounds = SessionStore(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    done = 0
    while done < rounds:
        try:
            held = store.lock("shared")
        except SessionLocked:
            time.sleep(0.001)
            continue
        with held:
            value = int(counter.read_text())
            time.sleep(0.001)  # a wide window for a second holder to slip in
            counter.write_text(str(value + 1))
        done += 1
    """
)


def test_two_processes_never_hold_the_lock_at_once(store: SessionStore, tmp_path: Path) -> None:
    """Six processes each take the lock 15 times and add one to a counter while holding it:
    with one holder at a time no increment is lost."""
    counter = tmp_path / "counter"
    counter.write_text("0")
    store.lock("shared").release()  # creates the folders
    procs = [
        subprocess.Popen([sys.executable, "-c", COUNTER, str(store.data_dir), str(counter), "15"])
        for _ in range(6)
    ]
    for proc in procs:
        assert proc.wait(120) == 0
    assert int(counter.read_text()) == 6 * 15


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


def test_locked_message_never_asks_to_delete_files() -> None:
    for lang, word in (("en", "remove"), ("nl", "verwijder")):
        text = translate("store.error.locked", lang, id="abc", who="pid 1", path="/x/abc.lock")
        assert word not in text and "abc" in text and "pid 1" in text


def test_fallback_without_fcntl_uses_the_pid(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where there is no fcntl (Windows) the lock file's pid decides, as documented."""
    monkeypatch.setattr(lock, "fcntl", None)
    path = store.lock_path("abc")
    _write_lock(path, _dead_pid())
    with store.lock("abc"):
        assert json.loads(path.read_text())["pid"] == os.getpid()
        with pytest.raises(SessionLocked):
            store.lock("abc")
    assert not path.exists()
    _write_lock(path, os.getppid())  # a live process: held
    with pytest.raises(SessionLocked, match=f"pid {os.getppid()}"):
        store.lock("abc")
    assert lock.who_holds(path) is not None
