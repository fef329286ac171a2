"""Lock files: one process writes a session at a time; stale locks of dead processes are taken.

``<data_dir>/sessions/<id>.lock`` holds ``{"pid", "host", "since"}`` of the writer. It is
created complete in one step (written to a temp file, then hard-linked to its name, which
fails if the lock exists), so a lock file is never empty. A lock whose process is dead on
this host (or whose content is unreadable) is stale and taken over; a lock of a live process,
or of another host (a shared folder), raises ``SessionLocked`` with a message saying who
holds it. Short read-modify-write sections (index, key file, lock take-over) are serialised
between processes with ``guard`` (``fcntl.flock`` on ``<data_dir>/.guard`` where available).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from interviewer.i18n.errors import Phrase
from interviewer.store.atomic import fsync_dir, pid_alive, temp_path_for
from interviewer.store.errors import SessionLocked

try:  # POSIX only; elsewhere the guard is a no-op (one process per data folder)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

GUARD_NAME = ".guard"

# Locks held by this process (path strings). A lock file that names our own pid but is not
# in this set is left over from an earlier process that had the same pid (containers reuse
# pids), so it is stale. Process-wide by nature, hence module level.
_HELD: set[str] = set()
_HELD_LOCK = threading.Lock()


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock, as written in the lock file."""

    pid: int
    host: str
    since: str

    def describe(self) -> str:
        return f"pid {self.pid} on {self.host}, since {self.since}"


def _me() -> LockOwner:
    return LockOwner(
        pid=os.getpid(),
        host=socket.gethostname(),
        since=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    )


def read_owner(path: Path) -> LockOwner | None:
    """The owner recorded in a lock file; None when the file is unreadable or garbled."""
    try:
        data = json.loads(path.read_bytes())
        return LockOwner(pid=int(data["pid"]), host=str(data["host"]), since=str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(path: Path, owner: LockOwner | None) -> bool:
    """True when nobody can be holding this lock any more."""
    if owner is None:
        return True
    if owner.host != socket.gethostname():
        return False  # cannot check a process on another machine
    if owner.pid == os.getpid():
        with _HELD_LOCK:
            return str(path) not in _HELD
    return not pid_alive(owner.pid)


def held_by_other(path: Path) -> LockOwner | None:
    """The owner of a live lock held by another process, or None (no lock, stale, ours)."""
    if not path.exists():
        return None
    owner = read_owner(path)
    if is_stale(path, owner):
        return None
    if owner is not None and owner.pid == os.getpid() and owner.host == socket.gethostname():
        return None
    return owner


@contextlib.contextmanager
def guard(data_dir: Path) -> Iterator[None]:
    """Serialise a short read-modify-write section between processes on this machine."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    try:
        fd = os.open(data_dir / GUARD_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        # a read-only data folder (a backup, a CD): reading must still work, and every write
        # in the section fails and is reported on its own
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the flock


class SessionLock:
    """A held lock on one session; ``release()`` (or leaving the ``with``) frees it."""

    def __init__(self, path: Path, session_id: str) -> None:
        self.path = path
        self.session_id = session_id
        self.released = False

    def release(self) -> None:
        """Remove the lock file (only if it is still ours)."""
        if self.released:
            return
        self.released = True
        with _HELD_LOCK:
            _HELD.discard(str(self.path))
        owner = read_owner(self.path)
        if owner is not None and owner.pid == os.getpid():
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()

    def __enter__(self) -> SessionLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _locked(session_id: str, path: Path, owner: LockOwner | None) -> SessionLocked:
    who: object = owner.describe() if owner else Phrase("store.error.another_program")
    return SessionLocked("store.error.locked", id=session_id, who=who, path=path)


def acquire(path: Path, session_id: str, data_dir: Path) -> SessionLock:
    """Take the lock at ``path`` or raise ``SessionLocked``; stale locks are taken over."""
    me = _me()
    payload = json.dumps({"pid": me.pid, "host": me.host, "since": me.since}).encode()
    temp = temp_path_for(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, payload)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        for _attempt in range(3):
            try:
                os.link(temp, path)
            except FileExistsError:
                with guard(data_dir):
                    owner = read_owner(path)
                    if not is_stale(path, owner):
                        raise _locked(session_id, path, owner) from None
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()  # stale: take it over
                continue
            with _HELD_LOCK:
                _HELD.add(str(path))
            fsync_dir(path.parent)
            return SessionLock(path, session_id)
        raise _locked(session_id, path, read_owner(path))
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
