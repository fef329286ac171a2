"""The app saves before it dies: SIGHUP/SIGTERM to a real process, and an unhandled error."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pytest

from interviewer.store import SessionStore
from tests.tui.conftest import app_for, build_protocol, open_live
from tests.tui.pty_terminal import CTRL_S, drain, read_until, spawn, stop, wait_exit

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and ptys")


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_signal_saves_what_was_just_typed(tmp_path: Path, sig: signal.Signals) -> None:
    protocol = tmp_path / "tui-test.yaml"
    protocol.write_text(
        json.dumps(build_protocol().model_dump(mode="json", exclude_defaults=True)),
        encoding="utf-8",
    )
    data = tmp_path / "data"
    args = ["--data-dir", str(data), "--lang", "en", "run", str(protocol)]
    proc, main = spawn([*args, "--case", "Borne", "--respondent", "1.1", "--consent-obtained"])
    try:
        read_until(main, b"ctrl+s")
        os.write(main, CTRL_S)  # start the interview
        read_until(main, b"Notes")
        os.write(main, b"nooit een woord kwijt")
        drain(main, 0.4)  # the app reads the keys; the autosave delay (1 s) has not passed
        proc.send_signal(sig)
        wait_exit(proc, main, timeout=20)
    finally:
        stop(proc, main)
    assert proc.returncode == 128 + sig
    store = SessionStore(data)
    [summary] = store.list()
    session = store.load(summary.id)
    assert session.records["ervaring-1"].notes == "nooit een woord kwijt"
    # the lock was released: the session can be opened again
    with store.lock(session.id):
        pass


async def test_unhandled_error_saves_and_reports_no_note_text(store, clock) -> None:
    live = open_live(store, clock)
    live.recorder.confirm_consent("opname")
    app = app_for(store, clock, live)
    secret = "zeer geheime aantekening"
    with pytest.raises(Exception) as caught:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press(*secret)
            await pilot.pause()

            def boom() -> None:
                notes = live.session.records["ervaring-1"].notes
                raise ValueError(f"broken while holding {notes}")

            app.screen.action_quote = boom  # type: ignore[method-assign]
            await pilot.press("ctrl+o")
            await pilot.pause()
    report = caught.value
    assert type(report).__name__ == "CrashReport"
    text = str(report.__rich__())
    assert "ValueError" in text
    assert secret not in text
    assert live.closed
    assert SessionStore(store.data_dir).load(live.session.id).records["ervaring-1"].notes == secret
