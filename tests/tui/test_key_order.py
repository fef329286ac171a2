"""Every key is applied in the order it was typed, whatever the lag (issue 10, point 1).

The lag is made real: the notes editor handles each key a little late, so the app's queue
runs ahead of the editor's, as on a slow laptop or with a burst from the terminal. Before the
fix, a navigation key (a priority binding, run where it arrives) overtook the characters
still waiting at the editor and they landed under the next question.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

import pytest
from textual import events
from textual.widgets import TextArea

from interviewer.store import SessionStore
from interviewer.tui.live import LiveSession
from tests.tui.conftest import FakeClock, app_for, long_protocol, open_started
from tests.tui.pty_terminal import CTRL_N, CTRL_Q, CTRL_S, drain, read_until, spawn, stop, wait_exit

BURSTS = 50


def _open(store: SessionStore, clock: FakeClock, questions: int) -> LiveSession:
    return open_started(store, clock, long_protocol(questions))


def _post(app, keys: list[tuple[str, str | None]]) -> None:
    """Queue key events at once, as a terminal delivers a burst."""
    for key, char in keys:
        app.post_message(events.Key(key, char))


def _text_keys(text: str) -> list[tuple[str, str | None]]:
    return [("space" if c == " " else c, c) for c in text]


@pytest.fixture
def slow_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every key reaches the editor's handler late (a slow machine)."""
    original = TextArea._on_key

    async def late(self, event):
        await asyncio.sleep(0.002)
        await original(self, event)

    monkeypatch.setattr(TextArea, "_on_key", late)


async def test_text_before_ctrl_n_stays_under_its_question(
    store: SessionStore, clock: FakeClock, slow_editor: None
) -> None:
    live = _open(store, clock, BURSTS + 2)
    app = app_for(store, clock, live)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for n in range(BURSTS):
            _post(app, [*_text_keys(f"answer{n} end"), ("ctrl+n", None)])
        _post(app, _text_keys("last words"))
        for _ in range(400):
            await pilot.pause(0.01)
            if app.screen.query_one("#notes", TextArea).text == "last words":
                break
        live.flush()
        records = live.session.records
        misfiled = [
            (f"q{n:04d}", records[f"q{n:04d}"].notes)
            for n in range(BURSTS)
            if records[f"q{n:04d}"].notes != f"answer{n} end"
        ]
        assert misfiled == []
        assert records[f"q{BURSTS:04d}"].notes == "last words"
        assert live.session.current_question_id == f"q{BURSTS:04d}"
    live.close()


async def test_every_navigation_key_waits_for_the_text_before_it(
    store: SessionStore, clock: FakeClock, slow_editor: None
) -> None:
    """ctrl+b, ctrl+n and ctrl+l back to back with text between them, in one burst."""
    live = _open(store, clock, 6)
    app = app_for(store, clock, live)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _post(
            app,
            [
                *_text_keys("een"),
                ("ctrl+n", None),
                *_text_keys("twee"),
                ("ctrl+b", None),
                *_text_keys(" nog"),
                ("ctrl+n", None),
                *_text_keys("drie"),
                ("ctrl+n", None),
                *_text_keys("vier"),
            ],
        )
        for _ in range(300):
            await pilot.pause(0.01)
            if app.screen.query_one("#notes", TextArea).text.endswith("vier"):
                break
        live.flush()
        notes = {qid: rec.notes for qid, rec in live.session.records.items() if rec.notes}
        assert notes == {"q0000": "een\n nog", "q0001": "twee\ndrie", "q0002": "vier"}
    live.close()


async def test_coming_back_continues_the_note_on_a_new_line(
    store: SessionStore, clock: FakeClock
) -> None:
    """Point 2: after ctrl+b the cursor is after the note, never in front of it."""
    live = _open(store, clock, 4)
    app = app_for(store, clock, live)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*"Noemt voorbeeld.")
        await pilot.press("ctrl+n", "ctrl+b")
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        assert notes.text == "Noemt voorbeeld.\n"
        assert notes.cursor_location == notes.document.end
        live.flush()
        assert live.session.records["q0000"].notes == "Noemt voorbeeld."  # a visit changes nothing
        await pilot.press(*"XYZ")
        live.flush()
        assert live.session.records["q0000"].notes == "Noemt voorbeeld.\nXYZ"
    live.close()


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pseudo-terminal")
def test_bursts_from_a_real_terminal(tmp_path: Path) -> None:
    """50 writes of text + ctrl+n with no delay, to the real app on a pty, every key slowed."""
    protocol = tmp_path / "lang.yaml"
    dumped = long_protocol(BURSTS + 2).model_dump(mode="json", exclude_defaults=True)
    protocol.write_text(json.dumps(dumped), encoding="utf-8")
    data = tmp_path / "data"
    args = ["--data-dir", str(data), "--lang", "en", "run", str(protocol)]
    args += ["--case", "Borne", "--respondent", "1.1", "--consent-obtained"]
    proc, fd = spawn(args, slow_ms=2)
    try:
        read_until(fd, b"ctrl+s")
        os.write(fd, CTRL_S)
        read_until(fd, b"Notes")
        for n in range(BURSTS):
            os.write(fd, f"answer{n} end".encode() + CTRL_N)
        os.write(fd, b"last words")
        drain(fd, 3.0)
        os.write(fd, CTRL_Q)
        read_until(fd, b"Save and quit")
        os.write(fd, b"y")
        assert wait_exit(proc, fd) == 0
    finally:
        stop(proc, fd)
    store = SessionStore(data)
    [summary] = store.list()
    records = store.load(summary.id).records
    misfiled = [n for n in range(BURSTS) if records[f"q{n:04d}"].notes != f"answer{n} end"]
    assert misfiled == []
    assert records[f"q{BURSTS:04d}"].notes == "last words"
