"""The home screen marks a session whose emergency copy is newer than its saved file."""

from __future__ import annotations

import os
import time

from textual.widgets import OptionList

from interviewer.domain.session import session_to_json_dict
from interviewer.store import SessionStore
from interviewer.store.emergency import write_emergency_copy
from interviewer.store.portable import portable_bytes
from tests.tui.conftest import FakeClock, app_for, open_live


async def test_home_marks_a_newer_emergency_copy(store: SessionStore, clock: FakeClock) -> None:
    live = open_live(store, clock)
    session = live.session
    live.close()
    other = SessionStore(store.data_dir)
    past = time.time() - 60
    os.utime(store.session_path(session.id), (past, past))
    write_emergency_copy(session.id, portable_bytes(session_to_json_dict(session)))
    app = app_for(other, clock, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#sessions", OptionList)
        line = str(options.get_option(session.id).prompt)
        assert "newer emergency copy" in line and session.respondent in line
    # once saved after the copy, no mark
    other.save(other.load(session.id))
    app = app_for(other, clock, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#sessions", OptionList)
        assert "emergency" not in str(options.get_option(session.id).prompt)
