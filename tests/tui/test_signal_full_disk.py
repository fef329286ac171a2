"""A signal right after typing on a disk that just became full waits for space.

Regression (bench/diskfull_bench.py, 2 runs of 100): the last save had worked, the words
typed after it were not written yet, and SIGTERM/SIGHUP looked only at that last good
result, so the app exited at once, the final save failed with nowhere to write, and the
words typed since were lost.
"""

from __future__ import annotations

import errno
import signal
import threading
from pathlib import Path

import pytest

from interviewer.store import SessionStore
from interviewer.tui import app as app_module
from tests.store.faults import inject
from tests.tui.conftest import app_for, open_live

WORDS = "getypt vlak voor het signaal"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
async def test_signal_after_a_good_save_flushes_and_waits_for_space(
    store: SessionStore, clock, monkeypatch: pytest.MonkeyPatch, sig: signal.Signals
) -> None:
    monkeypatch.setattr(app_module, "HARD_EXIT_SECONDS", 1e9)  # never ends the test process
    live = open_live(store, clock)
    live.recorder.confirm_consent("opname")
    app = app_for(store, clock, live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert live.flush().ok  # the last save worked
        live.autosaver.delay = 60.0  # and the next would come after the signal
        fake = inject(monkeypatch, Path("/"), errno.ENOSPC)  # then nothing fits anywhere
        await pilot.press(*WORDS)
        await pilot.pause()
        assert live.last_result.ok  # not written yet: the autosave delay has not passed
        failures = fake.failures
        threading.Timer(1.5, setattr, (fake, "active", False)).start()  # space freed later
        app.on_signal(sig)
        assert fake.failures > failures  # it tried, and waited instead of exiting
        await pilot.pause()
    assert app.return_code == 128 + sig
    saved = SessionStore(store.data_dir).load(live.session.id)
    assert saved.records["ervaring-1"].notes == WORDS
