"""Locks: one process writes a session at a time, and shared files change one writer at a time.

Session locks
    ``<data_dir>/sessions/<id>.lock`` is opened and ``flock``ed (exclusive) by the writer, and
    kept open for as long as the session is open. The operating system drops an ``flock`` the
    moment its holder dies (``kill -9``, a crash, a power cut: after a reboot no lock is
    held), so a session is locked exactly while a live process has it open. Nothing depends
    on process ids: a killed program that is not reaped yet, or a pid that now belongs to
    another program, never locks a session, and nobody has to delete a file by hand. The
    file also holds ``{"pid", "host", "since"}`` of the holder, for information only (who
    to ask when the session is open elsewhere). Releasing removes the file while still
    holding the lock; a process that opened the old file meanwhile sees that its file is no
    longer the one at the path and tries again.

Shared files
    Every read-modify-write of a file that several processes change (key file, session index,
    replacement list, approval records, audit file) runs inside ``file_lock(path)``: an
    exclusive ``flock`` on ``<path>.lock`` next to it, taken before reading and released after
    the atomic write. The lock file stays (empty); removing it could let two processes lock
    two different files of the same name.

Without ``fcntl`` (Windows)
    The documented fallback is the earlier pid-file scheme: the lock file is created in one
    step (hard link of a complete temp file) and counts as held while a process with its pid
    exists on this host (or when it names another host); ``file_lock`` then only serialises
    the threads of one process. Windows releases no lock we could test here, so one program
    per data folder is the rule there.

A shared folder (NFS) passes ``flock`` on between computers; file sync services do not, so a
session must not be opened on two computers at once through such a folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from interviewer.i18n.errors import Phrase
from interviewer.store.atomic import fsync_dir, pid_alive, temp_path_for
from interviewer.store.errors import SessionLocked

try:  # POSIX; see the module docstring for the fallback
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".lock"

_OPEN_FLAGS = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)

# Session locks held by this process (path strings -> lock). ``store.save`` in the process
# that holds a lock may write (the autosaver's own process); every other process may not.
_HELD: dict[str, SessionLock] = {}
_HELD_LOCK = threading.Lock()

# How often, and how far apart, taking a session lock is tried before it counts as held:
# a process checking the lock (``who_holds``) holds it for a moment, which must not
# make a real attempt fail.
_ATTEMPTS = 5
_ATTEMPT_PAUSE = 0.02


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


def _who(owner: LockOwner | None) -> object:
    """The holder as said in a message: the recorded owner, or "another program"."""
    return owner.describe() if owner else Phrase("store.error.another_program")


def read_owner(path: Path) -> LockOwner | None:
    """The owner recorded in a lock file; None when the file is unreadable or garbled."""
    try:
        data = json.loads(path.read_bytes())
        return LockOwner(pid=int(data["pid"]), host=str(data["host"]), since=str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _try_flock(fd: int, *, shared: bool = False) -> bool:
    """Take an flock without waiting; False when another open file holds a conflicting one."""
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


# --- shared files --------------------------------------------------------------------------
_guards = threading.local()


def lock_path_for(target: Path) -> Path:
    """The lock file of a shared file: ``<target>.lock`` next to it."""
    target = Path(target)
    return target.with_name(target.name + LOCK_SUFFIX)


def _open_lock_file(path: Path) -> int | None:
    """An open descriptor on ``path`` (created 0600), or None when it cannot be opened."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | _OPEN_FLAGS, 0o600)
    except OSError:
        pass
    try:  # a read-only folder (a backup, a CD): an existing lock file still works
        return os.open(path, os.O_RDONLY | _OPEN_FLAGS)
    except OSError:
        return None


_THREAD_GUARDS: dict[str, threading.RLock] = {}
_THREAD_GUARDS_LOCK = threading.Lock()


def _thread_guard(path: Path) -> threading.RLock:
    with _THREAD_GUARDS_LOCK:
        return _THREAD_GUARDS.setdefault(str(path), threading.RLock())


@contextlib.contextmanager
def file_lock(target: Path) -> Iterator[None]:
    """Hold ``target``'s lock for a read-modify-write (waits for other holders).

    The one helper for every shared file. Re-entrant within a thread (a section may call
    another that locks the same file); other threads and processes wait. The folder of
    ``target`` must exist. When the lock file cannot be opened (a read-only folder) the
    section runs unlocked: reading must still work, and any write in it fails on its own.
    """
    path = lock_path_for(target)
    held: set[str] = _guards.__dict__.setdefault("held", set())
    key = str(path)
    if key in held:
        yield
        return
    with _thread_guard(path):  # threads of this process; flock covers other processes
        fd = _open_lock_file(path) if fcntl is not None else None
        try:
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            held.add(key)
            try:
                yield
            finally:
                held.discard(key)
        finally:
            if fd is not None:
                os.close(fd)  # closing releases the flock


# --- session locks -------------------------------------------------------------------------
class SessionLock:
    """A held lock on one session; ``release()`` (or leaving the ``with``) frees it."""

    def __init__(self, path: Path, session_id: str, fd: int | None = None) -> None:
        self.path = path
        self.session_id = session_id
        self.released = False
        self._fd = fd
        """The flocked lock file, open for the lock's lifetime (None in the fallback)."""

    def release(self) -> None:
        """Remove the lock file (only if it is still ours), then let go of the flock."""
        if self.released:
            return
        self.released = True
        with _HELD_LOCK:
            if _HELD.get(str(self.path)) is self:
                del _HELD[str(self.path)]
        if self._fd is None:
            owner = read_owner(self.path)
            if owner is not None and owner.pid == os.getpid():
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
            return
        try:
            with contextlib.suppress(OSError):
                if _same_file(self._fd, self.path):
                    self.path.unlink()  # removed while still locked: see the docstring
        finally:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> SessionLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _same_file(fd: int, path: Path) -> bool:
    """True when ``path`` still names the file open as ``fd``."""
    try:
        at_path = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (at_path.st_dev, at_path.st_ino) == (mine.st_dev, mine.st_ino)


def _locked(session_id: str, path: Path, owner: LockOwner | None) -> SessionLocked:
    return SessionLocked("store.error.locked", id=session_id, who=_who(owner), path=path)


def _payload(me: LockOwner) -> bytes:
    return json.dumps({"pid": me.pid, "host": me.host, "since": me.since}).encode()


def _record_owner(fd: int) -> None:
    """Write who holds the lock into the (locked) file. Informative only, so a full disk
    does not stop the session from opening: the flock is what locks."""
    payload = _payload(_me())
    with contextlib.suppress(OSError):
        os.fchmod(fd, 0o600)  # a lock file left with other modes by an older version
        os.pwrite(fd, payload, 0)
        os.ftruncate(fd, len(payload))
        os.fsync(fd)


def acquire(path: Path, session_id: str, data_dir: Path) -> SessionLock:
    """Take the lock at ``path`` or raise ``SessionLocked`` naming the holder.

    ``data_dir`` is the data folder the lock belongs to (kept for callers; the flock needs
    no folder-wide lock).
    """
    del data_dir
    if fcntl is None:  # pragma: no cover - exercised by a test that hides fcntl
        return _acquire_by_pid(path, session_id)
    for attempt in range(_ATTEMPTS * 2):
        fd = os.open(path, os.O_RDWR | os.O_CREAT | _OPEN_FLAGS, 0o600)
        keep = False
        try:
            if not _try_flock(fd):
                if attempt + 1 >= _ATTEMPTS:
                    raise _locked(session_id, path, read_owner(path))
                time.sleep(_ATTEMPT_PAUSE)
                continue
            if not _same_file(fd, path):
                continue  # the holder released (removed) it between our open and flock
            _record_owner(fd)
            lock = SessionLock(path, session_id, fd)
            with _HELD_LOCK:
                _HELD[str(path)] = lock
            keep = True
            with contextlib.suppress(OSError):
                fsync_dir(path.parent)
            return lock
        finally:
            if not keep:
                os.close(fd)
    raise _locked(session_id, path, read_owner(path))


def who_holds(path: Path) -> tuple[LockOwner | None, object] | None:
    """None when no other process holds the session lock at ``path``; else the recorded owner
    (None when unreadable) and how to say who holds it in a message."""
    with _HELD_LOCK:
        if str(path) in _HELD:
            return None  # this process holds it
    if fcntl is None:  # pragma: no cover - exercised by a test that hides fcntl
        owner = _held_by_pid(path)
        return None if owner is None else (owner, _who(owner))
    try:
        fd = os.open(path, os.O_RDONLY | _OPEN_FLAGS)
    except OSError:
        return None  # no lock file (or not one we can open): nobody holds it
    try:
        if _try_flock(fd, shared=True):
            return None
    finally:
        os.close(fd)
    owner = read_owner(path)
    return owner, _who(owner)


# --- fallback without fcntl: pid files ----------------------------------------------------
def _pid_is_stale(owner: LockOwner | None) -> bool:
    """Fallback only: True when the pid recorded in a lock file is gone from this host."""
    if owner is None:
        return True
    if owner.host != socket.gethostname():
        return False  # cannot check a process on another machine
    if owner.pid == os.getpid():
        return True  # not in _HELD (checked by the callers): left by an earlier process
    return not pid_alive(owner.pid)


def _held_by_pid(path: Path) -> LockOwner | None:
    if not path.exists():
        return None
    owner = read_owner(path)
    return None if _pid_is_stale(owner) else owner


def _acquire_by_pid(path: Path, session_id: str) -> SessionLock:
    payload = _payload(_me())
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
                with file_lock(path):
                    owner = read_owner(path)
                    with _HELD_LOCK:
                        ours = str(path) in _HELD
                    if ours or not _pid_is_stale(owner):
                        raise _locked(session_id, path, owner) from None
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()  # stale: take it over
                continue
            lock = SessionLock(path, session_id)
            with _HELD_LOCK:
                _HELD[str(path)] = lock
            fsync_dir(path.parent)
            return lock
        raise _locked(session_id, path, read_owner(path))
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
