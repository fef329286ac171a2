"""While nothing can be saved anywhere, the autosaver keeps trying on its own and says so."""

from __future__ import annotations

import errno
import tempfile
import time
from pathlib import Path

import pytest

from interviewer import paths
from interviewer.domain.recorder import SessionRecorder
from interviewer.store import SessionStore
from interviewer.store.portable import read_portable

from .faults import inject


def test_nothing_saved_then_retried_without_a_request(
    store: SessionStore, running: SessionRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = running.session
    saver = store.autosaver(session, delay=0.05)
    saver.retry = 0.05
    assert saver.flush().ok and not saver.nothing_saved
    fake = inject(monkeypatch, Path("/"), errno.ENOSPC)  # data, cache and temp folder all full
    running.set_notes("ervaring-1", "honderd woorden")
    result = saver.flush()
    assert not result.ok and result.emergency_path is None
    assert "no emergency copy could be written either" in (result.error or "")
    assert saver.nothing_saved and saver.pending
    failures = fake.failures
    deadline = time.monotonic() + 5
    while fake.failures == failures and time.monotonic() < deadline:
        time.sleep(0.01)
    assert fake.failures > failures  # retried with no request and no flush
    fake.active = False  # space freed
    deadline = time.monotonic() + 5
    while not (saver.last_result and saver.last_result.ok) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert saver.last_result is not None and saver.last_result.ok
    assert not saver.nothing_saved and not saver.pending
    assert store.load(session.id).records["ervaring-1"].notes == "honderd woorden"
    assert saver.close().ok


def test_no_retry_while_saving_works(store: SessionStore, running: SessionRecorder) -> None:
    saver = store.autosaver(running.session, delay=0.05)
    saver.retry = 0.01
    assert saver.flush().ok
    first = saver.last_result
    time.sleep(0.1)
    assert saver.last_result is first  # nothing to write: no timer runs
    assert saver.close().ok


def test_copy_to_a_chosen_folder(
    tmp_path: Path, store: SessionStore, running: SessionRecorder
) -> None:
    from interviewer.domain.session import session_to_json_dict
    from interviewer.store.emergency import write_copy_to
    from interviewer.store.portable import portable_bytes

    usb = tmp_path / "usb"
    usb.mkdir(mode=0o755)
    payload = portable_bytes(session_to_json_dict(running.session))
    copy = write_copy_to(str(usb), running.session.id, payload)
    assert copy.parent == usb and copy.stat().st_mode & 0o777 == 0o600
    assert usb.stat().st_mode & 0o777 == 0o755  # a folder we were pointed at is not changed
    assert read_portable(copy) == running.session
    for bad in ("", "   ", str(tmp_path / "missing"), str(copy)):
        with pytest.raises(OSError):
            write_copy_to(bad, running.session.id, payload)


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    temp = tmp_path / "tmp"
    temp.mkdir()
    temp.chmod(0o1777)
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(temp))
    return temp


@pytest.mark.parametrize("broken", [0, 1, 2, 3])
def test_every_fallback_is_tried_in_order(
    store: SessionStore,
    running: SessionRecorder,
    monkeypatch: pytest.MonkeyPatch,
    own_temp: Path,
    broken: int,
) -> None:
    """Data folder, cache, home, temp: with the first ``broken`` emergency folders full too,
    the closing save (the one SIGHUP/SIGTERM makes) lands in the next; with all full it
    says so."""
    from interviewer.store.emergency import emergency_folders

    folders = emergency_folders()
    assert folders[0].is_relative_to(paths.cache_dir())
    assert folders[1] == Path.home() / ".interviewer-emergency"
    assert folders[2].parent == own_temp
    saver = store.autosaver(running.session, delay=0.05)
    assert saver.flush().ok
    fake = inject(monkeypatch, Path("/"), errno.ENOSPC)
    fake.spare = [str(f) for f in folders[broken:]]
    running.set_notes("ervaring-1", "laatste woorden")
    result = saver.close()  # what save_and_exit(guard=False) on a signal does
    assert not result.ok
    if broken == len(folders):
        assert result.emergency_path is None
        assert "no emergency copy could be written either" in (result.error or "")
        return
    assert result.emergency_path is not None
    assert result.emergency_path.parent == folders[broken]
    assert read_portable(result.emergency_path).records["ervaring-1"].notes == "laatste woorden"


def test_banner_says_reason_and_restore_command(
    store: SessionStore, running: SessionRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interviewer.i18n import Translator
    from interviewer.tui.widgets.pace_bar import save_text

    saver = store.autosaver(running.session, delay=0.05)
    inject(monkeypatch, store.data_dir, errno.ENOSPC)  # the cache folder still takes a copy
    result = saver.flush()
    assert result.reason == "No space left on device" and result.emergency_path is not None
    for lang, word in (("en", "restore with"), ("nl", "terugzetten met")):
        text, style = save_text(Translator(lang), result, time.time())
        assert style == "warn" and "No space left on device" in text and word in text
        assert f"interviewer import --replace {result.emergency_path}" in text
    monkeypatch.undo()
    assert saver.close().ok


class OneFullDisk:
    """Stands in for ``os`` in ``interviewer.store.atomic``: writes fail with ENOSPC while the
    reserve file of ``saver`` exists (the disk is full), and work once it is given back."""

    def __init__(self, reserve: Path) -> None:
        self.reserve = reserve
        self.refused = 0

    def __getattr__(self, name: str) -> object:
        import os

        return getattr(os, name)

    def open(self, path: object, flags: int, mode: int = 0o777, **kw: object) -> int:
        import os

        if self.reserve.exists() and flags & os.O_CREAT:
            self.refused += 1
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return os.open(path, flags, mode, **kw)  # type: ignore[arg-type]


def test_the_reserve_takes_the_save_after_the_disk_fills(
    store: SessionStore, running: SessionRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interviewer.store import atomic
    from interviewer.store.autosave import RESERVE_BYTES

    saver = store.autosaver(running.session, delay=0.05)
    reserve = saver.reserve_path
    assert reserve is not None and reserve.parent == store.data_dir
    assert reserve.stat().st_size == RESERVE_BYTES and reserve.stat().st_mode & 0o777 == 0o600
    assert saver.flush().ok
    disk = OneFullDisk(reserve)
    monkeypatch.setattr(atomic, "os", disk)
    running.set_notes("ervaring-1", "getypt nadat de schijf vol raakte")
    result = saver.flush()
    assert result.ok and disk.refused == 1  # refused once, then written into the reserve
    assert not reserve.exists() and saver.reserve_path is None
    assert store.load(running.session.id).records["ervaring-1"].notes.startswith("getypt")
    monkeypatch.undo()
    assert saver.close().ok


def test_the_reserve_is_removed_at_close_and_absent_when_nothing_fits(
    store: SessionStore, running: SessionRecorder
) -> None:
    from interviewer.store.autosave import _make_reserve

    saver = store.autosaver(running.session, delay=0.05)
    reserve = saver.reserve_path
    assert reserve is not None and reserve.exists()
    assert saver.close().ok and not reserve.exists()
    assert _make_reserve(store.data_dir / "no-such-folder" / ".reserve-x", 1024) is None
