"""An exit nobody can refuse waits for space while nothing could be saved anywhere.

Regression: SIGTERM or SIGHUP (or the terminal closing) while the disk was full, the reserve
used up and no emergency location writable, exited at once and lost every word typed since
the disk filled (``bench/diskfull_bench.py``: 133 of 519 words in 12 runs).
"""

from __future__ import annotations

import errno
import threading
import time
from pathlib import Path

import pytest

from interviewer.domain.recorder import SessionRecorder
from interviewer.store import SessionStore

from .faults import inject


def test_hold_waits_for_space_then_the_words_are_saved(
    store: SessionStore, running: SessionRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    saver = store.autosaver(running.session, delay=0.05)
    assert saver.flush().ok
    fake = inject(monkeypatch, Path("/"), errno.ENOSPC)  # data, cache, home, temp all full
    running.set_notes("ervaring-1", "getypt toen niets meer paste")
    assert not saver.flush().ok and saver.nothing_saved
    threading.Timer(0.3, setattr, (fake, "active", False)).start()  # space freed later
    started = time.monotonic()
    assert saver.hold_until_saved(timeout=10, every=0.05)
    assert time.monotonic() - started < 5
    assert store.load(running.session.id).records["ervaring-1"].notes.startswith("getypt toen")
    assert saver.close().ok


def test_hold_gives_up_after_its_time_and_returns_at_once_when_saved(
    store: SessionStore, running: SessionRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    saver = store.autosaver(running.session, delay=0.05)
    assert saver.flush().ok
    assert saver.hold_until_saved(timeout=0)  # saved: nothing to wait for
    fake = inject(monkeypatch, Path("/"), errno.ENOSPC)
    running.set_notes("ervaring-1", "nergens ruimte")
    saver.flush()
    failures = fake.failures
    assert not saver.hold_until_saved(timeout=0.3, every=0.05)
    assert fake.failures > failures  # it kept trying meanwhile
    fake.active = False
    assert saver.close().ok
