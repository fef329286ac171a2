"""The real app on a real, small disk that fills up while the interviewer types (issue 14).

A 400 KB tmpfs is the only partition the app sees (data folder, cache, home, config,
``TMPDIR``, ``/tmp`` and ``/var/tmp``: see ``small_disk``), ``interviewer run`` runs on a pty,
and the test fills the disk with a filler file between words. Skipped, with the reason,
where a tmpfs cannot be mounted or a mount namespace made (not root, no CAP_SYS_ADMIN);
the injected-ENOSPC tests (``test_disk_full.py``, ``tests/store/test_save_retry.py``) cover
those machines.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

from interviewer.store import SessionStore, StoreError
from tests.tui.pty_terminal import (
    CTRL_Q,
    CTRL_S,
    drain,
    read_until,
    stop,
    type_words,
    wait_exit,
)
from tests.tui.small_disk import fill, free_bytes, run_interview_on_disk, small_disk

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="tmpfs and mount namespaces")


def saved_notes(disk: Path) -> str:
    """The notes of the first question as the session file on the disk holds them."""
    [path] = (disk / "data" / "sessions").glob("*.json")
    return SessionStore(disk / "data").load(path.stem).records["ervaring-1"].notes


def wait_saved(disk: Path, fd: int, words: list[str], timeout: float = 15.0) -> bool:
    """True once every word is in the session file (reading the screen meanwhile)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if all(word in saved_notes(disk) for word in words):
                return True
        except (OSError, ValueError, KeyError, StoreError):
            pass
        drain(fd, 0.1)
    return False


def wait_for(fd: int, needle: bytes, seen: bytes, timeout: float) -> None:
    """``needle`` drawn already (in ``seen``) or within ``timeout``."""
    if needle not in seen:
        read_until(fd, needle, timeout=timeout)


def test_full_disk_while_typing_loses_no_word(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "400k") as disk:
        if isinstance(disk, str):
            pytest.skip(disk)
        proc, fd = run_interview_on_disk(disk)
        words = [f"woord{n:03d}" for n in range(90)]
        before, after_fill, unsaved = words[:30], words[30:60], words[60:]
        try:
            read_until(fd, b"ctrl+s")
            os.write(fd, CTRL_S)  # start the interview: the notes editor has the focus
            read_until(fd, b"Notes")
            assert list((disk / "data").glob(".reserve-*")), "no save reserve on a 400 KB disk"
            type_words(fd, before)
            assert wait_saved(disk, fd, before)
            filler = fill(disk)
            assert free_bytes(disk) == 0
            type_words(fd, after_fill)  # saved into the reserve's space
            assert wait_saved(disk, fd, after_fill), "the reserve did not take the next save"
            fill(disk)  # another program keeps writing: the reserve's space is gone too
            seen = type_words(fd, unsaved)
            wait_for(fd, b"SAVING FAILED", seen, timeout=15)  # the banner
            os.write(fd, CTRL_Q)
            read_until(fd, b"USB", timeout=10)  # the disk-full dialog, not an exit
            drain(fd, 1.0)
            assert proc.poll() is None, "ctrl+q exited while nothing could be saved"
            assert not any(word in saved_notes(disk) for word in unsaved)
            os.write(fd, b"\x1b")  # stay
            drain(fd, 0.5)
            filler.unlink()  # free space: the app saves again by itself
            read_until(fd, b"Saved again", timeout=20)
            assert wait_saved(disk, fd, unsaved, timeout=5)
            os.write(fd, CTRL_Q)
            read_until(fd, b"(y)", timeout=10)  # the interview is unfinished: asks first
            os.write(fd, b"y")
            assert wait_exit(proc, fd, timeout=20) == 0
        finally:
            stop(proc, fd)
        notes = saved_notes(disk)
        assert [word for word in words if word not in notes] == []
        assert not list((disk / "data").glob(".reserve-*"))  # given back at close


class Greedy:
    """Another program that keeps writing: takes every byte freed on the disk (the app's
    reserve too), every 20 ms, until stopped."""

    def __init__(self, disk: Path) -> None:
        self.disk = disk
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.done.wait(0.02):
            with contextlib.suppress(OSError):
                fill(self.disk, "greedy.bin")

    def stop(self) -> None:
        self.done.set()
        self.thread.join()
        (self.disk / "greedy.bin").unlink(missing_ok=True)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_nothing_can_be_saved_waits_for_space(
    tmp_path: Path, sig: signal.Signals
) -> None:
    with small_disk(tmp_path / "disk", "400k") as disk:
        if isinstance(disk, str):
            pytest.skip(disk)
        proc, fd = run_interview_on_disk(disk)
        words = [f"woord{n:03d}" for n in range(40)]
        greedy: Greedy | None = None
        closed = False
        try:
            read_until(fd, b"ctrl+s")
            os.write(fd, CTRL_S)
            read_until(fd, b"Notes")
            type_words(fd, words[:20])
            assert wait_saved(disk, fd, words[:20])
            filler = fill(disk)
            type_words(fd, words[20:25])
            assert wait_saved(disk, fd, words[20:25])  # the reserve took that save
            # only now a program that eats every freed byte: started before, it can take the
            # reserve's blocks between their release and the save's retry (a known window)
            greedy = Greedy(disk)
            seen = type_words(fd, words[25:])  # and nothing is left for these
            wait_for(fd, b"SAVING FAILED", seen, timeout=15)
            if sig == signal.SIGHUP:
                os.close(fd)  # the terminal window is closed, then the hang-up
                closed = True
            proc.send_signal(sig)
            time.sleep(2.0)
            assert proc.poll() is None, "exited while nothing could be saved anywhere"
            greedy.stop()
            filler.unlink()  # space freed: the waiting app saves and exits
            code = proc.wait(timeout=20)
            # with the terminal gone the app may end on the dead terminal before the signal
            assert code == 128 + sig or (sig == signal.SIGHUP and code == 1)
        finally:
            if greedy is not None:
                greedy.stop()
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=10)
            if not closed:
                os.close(fd)
        notes = saved_notes(disk)
        assert [word for word in words if word not in notes] == []
