"""A full disk and a read-only folder: the last good copy survives and nothing typed is lost.

The disk-full variant uses a real 256 KiB tmpfs when this machine lets us mount one (root in
a container that allows it); otherwise it is skipped and the injected ENOSPC tests in
test_autosave.py stand in. The read-only variant chmods the folder to 0500 (ignored by root,
so it is skipped there) and an injected EROFS covers every machine.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from interviewer import paths
from interviewer.domain.recorder import SessionRecorder
from interviewer.store import SessionStore
from interviewer.store.atomic import TEMP_PREFIX
from interviewer.store.portable import read_portable

from .faults import inject

LONG = " ".join(f"woord{n}" for n in range(60_000))  # ~470 KB: cannot fit in the tmpfs


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: str = "256k") -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here; the injected ENOSPC tests cover this")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> Path:
    """Fill the file system holding ``folder`` until writing fails with ENOSPC."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def _check_failure_kept_everything(
    store: SessionStore, recorder: SessionRecorder, good: bytes, result, reason: str
) -> None:
    session = recorder.session
    assert not result.ok and reason in (result.error or "")
    assert store.session_path(session.id).read_bytes() == good  # last good copy intact
    assert store.load(session.id).records["ervaring-1"].notes != LONG
    assert session.records["ervaring-1"].notes == LONG  # in memory, intact
    assert result.emergency_path is not None
    assert result.emergency_path.is_relative_to(paths.cache_dir())
    assert read_portable(result.emergency_path) == session  # nothing typed is lost


def test_full_tmpfs(tmp_path: Path, running: SessionRecorder) -> None:
    with small_tmpfs(tmp_path / "small") as disk:
        store = SessionStore(disk / "data")
        session = running.session
        saver = store.autosaver(session, delay=0.05)
        assert saver.flush().ok
        good = store.session_path(session.id).read_bytes()
        filler = _fill(disk)

        running.set_notes("ervaring-1", LONG)
        saver.request()
        result = saver.flush()
        _check_failure_kept_everything(store, running, good, result, "No space left")
        assert not [p for p in store.sessions_dir.iterdir() if p.name.startswith(TEMP_PREFIX)]

        filler.unlink()  # space again (the long notes still do not fit in 256k: shorten them)
        running.set_notes("ervaring-1", LONG[:20_000])
        saver.request()
        assert saver.flush().ok
        assert store.load(session.id) == session
        assert saver.close().ok


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_read_only_folder_by_permissions(store: SessionStore, running: SessionRecorder) -> None:
    session = running.session
    saver = store.autosaver(session, delay=0.05)
    assert saver.flush().ok
    good = store.session_path(session.id).read_bytes()
    store.sessions_dir.chmod(0o500)
    try:
        running.set_notes("ervaring-1", LONG)
        _check_failure_kept_everything(store, running, good, saver.flush(), "Permission denied")
    finally:
        store.sessions_dir.chmod(0o700)
    assert saver.flush().ok and saver.close().ok


def test_read_only_file_system_injected(
    store: SessionStore, running: SessionRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = running.session
    saver = store.autosaver(session, delay=0.05)
    assert saver.flush().ok
    good = store.session_path(session.id).read_bytes()
    inject(monkeypatch, store.data_dir, errno.EROFS)
    running.set_notes("ervaring-1", LONG)
    _check_failure_kept_everything(store, running, good, saver.flush(), "Read-only file system")
    monkeypatch.undo()
    assert saver.flush().ok
    assert store.load(session.id) == session
    assert saver.close().ok
