"""Atomic writes: a file is replaced whole or not at all, 0600, no temp file left behind."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.store import atomic
from interviewer.store.atomic import (
    TEMP_PREFIX,
    atomic_write_bytes,
    cleanup_temp_files,
    temp_owner,
    temp_path_for,
)

from .conftest import mode


def temps(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_writes_new_file_private(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    atomic_write_bytes(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert mode(target) == 0o600
    assert temps(tmp_path) == []


def test_replaces_never_in_place(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    before = os.stat(target).st_ino
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.stat(target).st_ino != before  # a new file took the name: no in-place write
    assert mode(target) == 0o600


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_failure_keeps_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "a.json"
    atomic_write_bytes(target, b"good")

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, failing, boom)
    with pytest.raises(OSError) as info:
        atomic_write_bytes(target, b"new content that does not fit")
    monkeypatch.undo()
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"good"
    assert temps(tmp_path) == []


def test_temp_names_carry_prefix_and_pid(tmp_path: Path) -> None:
    temp = temp_path_for(tmp_path / "x.json")
    assert temp.parent == tmp_path
    assert temp.name.startswith(TEMP_PREFIX) and temp.name.endswith("x.json")
    assert temp_owner(temp.name) == os.getpid()
    assert temp_owner("x.json") is None


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_cleanup_removes_dead_writers_temps_only(tmp_path: Path) -> None:
    dead = tmp_path / f"{TEMP_PREFIX}{_dead_pid()}-abcd-s.json"
    live = tmp_path / f"{TEMP_PREFIX}{os.getppid()}-abcd-s.json"  # our parent is alive
    other = tmp_path / "s.json"
    for path in (dead, live, other):
        path.write_bytes(b"x")
    removed = cleanup_temp_files(tmp_path)
    assert removed == [dead]
    assert live.exists() and other.exists()


def test_cleanup_removes_very_old_temps_even_of_live_pids(tmp_path: Path) -> None:
    old = tmp_path / f"{TEMP_PREFIX}{os.getppid()}-abcd-s.json"
    old.write_bytes(b"x")
    later = os.stat(old).st_mtime + atomic.STALE_TEMP_SECONDS + 10
    assert cleanup_temp_files(tmp_path, now=later) == [old]


def test_cleanup_of_missing_folder_is_quiet(tmp_path: Path) -> None:
    assert cleanup_temp_files(tmp_path / "nope") == []
