"""Resuming from the home screen offers a newer emergency copy (as ``resume`` does)."""

from __future__ import annotations

import os
import re
import time

import pytest
from textual.widgets import Static

from interviewer.domain.session import session_to_json_dict
from interviewer.store import SessionStore
from interviewer.store.emergency import emergency_copies, write_emergency_copy
from interviewer.store.portable import portable_bytes
from interviewer.tui.app import make_app
from interviewer.tui.dialogs.confirm import ConfirmDialog
from tests.tui.conftest import FakeClock, open_live


def _saved_then_copied(store: SessionStore, clock: FakeClock) -> str:
    """A session saved with one note, and a newer emergency copy holding a longer one."""
    live = open_live(store, clock)
    live.recorder.confirm_consent("opname")
    live.recorder.start()
    live.recorder.set_notes("ervaring-1", "opgeslagen")
    live.close()
    past = time.time() - 120
    os.utime(store.session_path(live.session.id), (past, past))
    live.recorder.set_notes("ervaring-1", "opgeslagen en daarna getypt op een volle schijf")
    write_emergency_copy(live.session.id, portable_bytes(session_to_json_dict(live.session)))
    return live.session.id


def _home(store: SessionStore, clock: FakeClock, lang: str = "en"):
    return make_app(
        SessionStore(store.data_dir), lang=lang, clock=clock, blink=False, handle_signals=False
    )


@pytest.mark.parametrize(("lang", "yes", "words"), [("en", "y", "Continue"), ("nl", "j", "nood")])
async def test_resume_offers_the_newer_copy_and_restores_it(
    store: SessionStore, clock: FakeClock, lang: str, yes: str, words: str
) -> None:
    session_id = _saved_then_copied(store, clock)
    app = _home(store, clock, lang)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one(".dialog-text", Static).render())
        assert words in question and session_id in question
        assert len(re.findall(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", question)) == 2  # both
        await pilot.press(yes)
        await pilot.pause()
        assert app.live is not None and app.live.session.id == session_id
        notes = app.live.session.records["ervaring-1"].notes
        assert notes == "opgeslagen en daarna getypt op een volle schijf"
        app.live.close()
        app.live = None
    stored = SessionStore(store.data_dir).load(session_id)
    assert stored.records["ervaring-1"].notes.endswith("volle schijf")


async def test_keeping_the_saved_session_opens_it_and_leaves_the_copy(
    store: SessionStore, clock: FakeClock
) -> None:
    session_id = _saved_then_copied(store, clock)
    app = _home(store, clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.live is not None
        assert app.live.session.records["ervaring-1"].notes == "opgeslagen"
        app.live.close()
        app.live = None
    assert len(emergency_copies(session_id)) == 1


async def test_no_question_without_a_newer_copy(store: SessionStore, clock: FakeClock) -> None:
    live = open_live(store, clock)
    live.recorder.confirm_consent("opname")
    live.recorder.start()
    live.close()
    app = _home(store, clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert app.live is not None and app.live.session.id == live.session.id
        app.live.close()
        app.live = None
