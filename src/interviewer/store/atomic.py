"""Crash-safe file writes: temp file in the same folder, fsync, ``os.replace``, fsync folder.

A reader (or a process started after a crash) sees either the old file or the new one, never
a half-written file, because the new content is complete and on disk before it takes the
file's name in one atomic rename. Temp files carry a recognisable prefix and the writer's
pid, so ``cleanup_temp_files`` can remove the leftovers of a killed process at start without
touching a temp file that a live process is still writing.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path

TEMP_PREFIX = ".interviewer-tmp-"
"""Every temp file starts with this; nothing else in the data folder does."""
FILE_MODE = 0o600
STALE_TEMP_SECONDS = 24 * 3600
"""A temp file this old is removed even if its pid is alive again (pid reuse)."""


def temp_path_for(path: Path) -> Path:
    """A fresh temp name next to ``path``: ``.interviewer-tmp-<pid>-<random>-<name>``."""
    return path.with_name(f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-{path.name}")


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (the rename) to disk; a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (and Windows) do not fsync folders; the rename still happened
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def atomic_write_bytes(path: Path | str, data: bytes, *, mode: int = FILE_MODE) -> None:
    """Replace ``path`` with ``data`` atomically (mode 0600); never writes the file in place.

    On any failure (disk full, read-only folder, no permission) the temp file is removed,
    the old file stays intact and the ``OSError`` is raised to the caller.
    """
    target = Path(path)
    temp = temp_path_for(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with contextlib.suppress(AttributeError, OSError):  # no fchmod on Windows
            os.fchmod(fd, mode)  # the umask may have removed bits we want
        _write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    os.close(fd)
    try:
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_dir(target.parent)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    return True


def temp_owner(name: str) -> int | None:
    """The pid encoded in a temp file name, or None when the name is not ours."""
    if not name.startswith(TEMP_PREFIX):
        return None
    pid, _, _rest = name[len(TEMP_PREFIX) :].partition("-")
    return int(pid) if pid.isdigit() else None


def cleanup_temp_files(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove leftover temp files of dead (or long-gone) writers in ``folder``; returns them.

    A temp file of a live process other than this one is kept: it may be mid-write.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return removed
    now = time.time() if now is None else now
    me = os.getpid()
    for entry in entries:
        pid = temp_owner(entry.name)
        if pid is None:
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except FileNotFoundError:
            continue
        if pid != me and pid_alive(pid) and age < STALE_TEMP_SECONDS:
            continue
        if pid == me and age < STALE_TEMP_SECONDS:
            continue
        with contextlib.suppress(FileNotFoundError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed
