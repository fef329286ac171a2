"""Emergency copies: when a session cannot be saved in the data folder, write it elsewhere.

The copy is a portable session file (``interviewer import --replace FILE`` restores it),
0600 in a 0700 folder: first ``<cache dir>/emergency/``, then ``~/.interviewer-emergency/``
in the home folder (often another partition than the cache's on managed laptops), then a
private folder in the system's temp folder when the others are on the same full or read-only
disk. That last one is used only when it is a real folder owned by the user
(``ready_folder``). The data folder itself is always tried first, by the save that failed.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
import tempfile
from pathlib import Path

from interviewer import paths
from interviewer.store.atomic import atomic_write_bytes

EMERGENCY_FOLDER = "emergency"
HOME_FOLDER = ".interviewer-emergency"
_STAMP = re.compile(r"-\d{8}T\d{12}Z\.json\Z")


def home_emergency_folder() -> Path:
    """The fallback in the home folder (``~/.interviewer-emergency``)."""
    return Path.home() / HOME_FOLDER


def emergency_folders() -> list[Path]:
    """Where emergency copies go, in order of preference (the temp folder last)."""
    uid = os.getuid() if hasattr(os, "getuid") else "user"
    return [
        paths.cache_dir() / EMERGENCY_FOLDER,
        home_emergency_folder(),
        Path(tempfile.gettempdir()) / f"interviewer-emergency-{uid}",
    ]


def _in_shared_temp(folder: Path) -> bool:
    """True for a folder directly in the system's temporary folder, which every user can
    write to (so someone else may have made a folder or a symlink of that name first)."""
    return folder.parent == Path(tempfile.gettempdir())


def ready_folder(folder: Path) -> Path:
    """``folder`` created 0700 if missing, and safe to write copies into; OSError if not.

    A folder in the shared temporary folder must be a real folder (not a symlink, which
    could send the notes to a place another user chose), owned by this user and writable by
    no one else; otherwise it is refused, and the caller tries its next location. It is
    checked after it was created too, since another user may have made it first.
    """
    paths.ensure_private_dir(folder)
    if not _in_shared_temp(folder) or not hasattr(os, "getuid"):
        return folder
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise OSError(errno.ENOTDIR, "not a folder of its own (a symlink or a file)", str(folder))
    if info.st_uid != os.getuid():
        raise OSError(errno.EPERM, f"owned by another user (uid {info.st_uid})", str(folder))
    if info.st_mode & 0o022:
        raise OSError(errno.EPERM, "writable by other users", str(folder))
    return folder


def emergency_name(session_id: str, now: dt.datetime | None = None) -> str:
    """``<id>-<UTC timestamp>.json``."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{session_id}-{stamp}.json"


def emergency_copies(session_id: str) -> list[Path]:
    """Every emergency copy of one session in the emergency folders (for withdrawal).

    Matched by the exact ``<id>-<stamp>.json`` shape, so the copies of a session whose id
    is a prefix of another's (``abc`` and ``abc-2``) are never confused.
    """
    found: list[Path] = []
    for folder in emergency_folders():
        try:
            entries = sorted(folder.iterdir())
        except OSError:  # no such folder, or not ours to read
            continue
        for entry in entries:
            name = entry.name
            if name.startswith(f"{session_id}-") and _STAMP.fullmatch(name[len(session_id) :]):
                found.append(entry)
    return found


def write_emergency_copy(session_id: str, payload: bytes, previous: Path | None = None) -> Path:
    """Write ``payload`` to the first folder that takes it; returns the path, raises OSError.

    ``previous`` (the copy made by an earlier failed save of the same streak) is replaced
    rather than adding a new file on every failed autosave.
    """
    errors: list[str] = []
    if previous is not None:
        try:
            ready_folder(previous.parent)
            atomic_write_bytes(previous, payload)
            return previous
        except OSError as exc:
            errors.append(f"{previous}: {exc.strerror or exc}")
    name = emergency_name(session_id)
    for folder in emergency_folders():
        target = folder / name
        try:
            ready_folder(folder)
            atomic_write_bytes(target, payload)
            return target
        except OSError as exc:
            errors.append(f"{target}: {exc.strerror or exc}")
    raise OSError("no emergency copy could be written (" + "; ".join(errors) + ")")


def write_copy_to(folder: Path | str, session_id: str, payload: bytes) -> Path:
    """Write a portable copy into a folder the user chose (a USB stick when the disk is full).

    The folder must exist already: the app never creates or changes the mode of a folder it
    was only pointed at. The copy is 0600, written atomically; OSError with one line if not.
    """
    target_dir = Path(folder).expanduser()
    if not str(folder).strip():
        raise OSError(errno.ENOENT, "no folder given", str(folder))
    if not target_dir.is_dir():
        raise OSError(errno.ENOTDIR, "not an existing folder", str(target_dir))
    target = target_dir / emergency_name(session_id)
    atomic_write_bytes(target, payload)
    return target


def file_time(path: Path) -> dt.datetime:
    """When a file was last written (UTC): the time of a session file or a copy."""
    return dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)


def newest_emergency_copies() -> dict[str, tuple[Path, dt.datetime]]:
    """Per session id, its most recently written emergency copy and when (one scan of the
    emergency folders, so listing 1,000 sessions does not read them 1,000 times)."""
    found: dict[str, tuple[Path, dt.datetime]] = {}
    for folder in emergency_folders():
        try:
            entries = list(folder.iterdir())
        except OSError:  # no such folder, or not ours to read
            continue
        for entry in entries:
            match = _STAMP.search(entry.name)
            if match is None or match.start() == 0:
                continue
            try:
                when = file_time(entry)
            except OSError:
                continue
            session_id = entry.name[: match.start()]
            if session_id not in found or when > found[session_id][1]:
                found[session_id] = (entry, when)
    return found


def newer_emergency_copy(
    session_id: str, stored: Path, copies: dict[str, tuple[Path, dt.datetime]] | None = None
) -> tuple[Path, dt.datetime] | None:
    """The session's newest emergency copy if it was written after the stored file
    ``stored`` (what a failed save could not put there), else None."""
    newest = (copies if copies is not None else newest_emergency_copies()).get(session_id)
    if newest is None:
        return None
    try:
        stored_time = file_time(stored)
    except OSError:  # no stored file at all: any copy is newer
        return newest
    return newest if newest[1] > stored_time else None


def shown_time(when: dt.datetime) -> str:
    """A time as the interviewer reads it: local time, to the second."""
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S")
