"""A nearly full disk still gets a save reserve, and the reserve comes back once space does.

Regression: the reserve was 4 MB or nothing, so on a disk with less than 4 MB free at
session start (the 400 KB tmpfs of issue 14) there was none, and a SIGTERM after the disk
filled lost every word typed since. The real-disk tests mount a tmpfs (skipped, with the
reason, where mounting is not permitted); the sizing rule is tested everywhere.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from interviewer.domain.recorder import SessionRecorder
from interviewer.store import SessionStore, autosave
from interviewer.store.autosave import MIN_RESERVE_BYTES, RESERVE_BYTES, _make_reserve
from tests.tui.small_disk import fill, free_bytes, small_disk


def _statvfs(free: int):
    return lambda _path: SimpleNamespace(f_bavail=free // 4096, f_frsize=4096)


def test_reserve_size_is_half_the_free_space_when_4_mb_does_not_fit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / ".reserve-x"
    monkeypatch.setattr(os, "statvfs", _statvfs(1024 * 1024 * 1024))
    assert autosave._reserve_size(path, RESERVE_BYTES) == RESERVE_BYTES
    monkeypatch.setattr(os, "statvfs", _statvfs(400 * 1024))
    assert autosave._reserve_size(path, RESERVE_BYTES) == 200 * 1024
    monkeypatch.setattr(os, "statvfs", _statvfs(MIN_RESERVE_BYTES))  # too little to keep one
    assert autosave._reserve_size(path, RESERVE_BYTES) == 0
    assert _make_reserve(path, RESERVE_BYTES) is None and not path.exists()


def test_a_400k_disk_keeps_a_reserve_and_the_words_typed_after_it_filled(
    tmp_path: Path, running: SessionRecorder
) -> None:
    with small_disk(tmp_path / "disk", "400k") as disk:
        if isinstance(disk, str):
            pytest.skip(disk)
        store = SessionStore(disk / "data")
        saver = store.autosaver(running.session, delay=0.05)
        try:
            reserve = saver.reserve_path
            assert reserve is not None and reserve.parent == store.data_dir
            size = reserve.stat().st_size
            assert MIN_RESERVE_BYTES <= size <= 200 * 1024
            assert saver.flush().ok
            filler = fill(disk)
            assert free_bytes(disk) == 0
            running.set_notes("ervaring-1", "getypt nadat de schijf vol raakte")
            assert saver.flush().ok  # into the reserve's space
            assert saver.reserve_path is None and not reserve.exists()
            saved = SessionStore(disk / "data").load(running.session.id)
            assert saved.records["ervaring-1"].notes == "getypt nadat de schijf vol raakte"
            fill(disk)  # another program takes the space the reserve gave back
            running.set_notes("ervaring-1", "en daarna nog meer woorden")
            assert not saver.flush().ok
            filler.unlink()  # the interviewer frees space
            assert saver.flush().ok
            assert saver.reserve_path is not None and saver.reserve_path.exists()  # back again
            saved = SessionStore(disk / "data").load(running.session.id)
            assert saved.records["ervaring-1"].notes == "en daarna nog meer woorden"
        finally:
            saver.close()
        assert not (store.data_dir / reserve.name).exists()
