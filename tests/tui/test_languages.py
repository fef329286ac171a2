"""One language per document and per screen in the TUI: the export dialog writes a Dutch
session's documents in Dutch whatever ``LANG`` says, and a session opened from the home
screen speaks its protocol's language while home keeps its own."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from textual.widgets import Input, OptionList

from interviewer.demo import make_demo
from interviewer.store import SessionStore
from interviewer.tui.app import make_app
from tests.export.conftest import unnumbered
from tests.tui.conftest import FakeClock, app_for, build_protocol


@pytest.fixture
def dutch_session(store: SessionStore):
    """One finished session of a Dutch protocol (the test's LANG is C.UTF-8: English)."""
    (demo,) = make_demo(build_protocol(), case="Borne", respondents=1, minutes=20, seed=3)
    store.create(demo.session, demo.key)
    return demo.session


async def _export(app, pilot, session_id: str, fmt: str, folder: Path) -> str:
    sessions_list = app.screen.query_one("#sessions", OptionList)
    sessions_list.highlighted = sessions_list.get_option_index(session_id)
    await pilot.press("e")
    await pilot.pause()
    dialog = app.screen
    formats = dialog.query_one("#formats", OptionList)
    formats.highlighted = formats.get_option_index(fmt)
    dialog.query_one("#folder", Input).value = str(folder)
    dialog.start_export()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return str(dialog.query_one("#export-result").render())


async def test_export_dialog_writes_the_sessions_language_not_the_interfaces(
    store, dutch_session, clock: FakeClock, tmp_path: Path
) -> None:
    app = app_for(store, clock, None)  # English interface, as LANG=C.UTF-8 gives
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        result = await _export(app, pilot, dutch_session.id, "transcript-docx", tmp_path)
    assert "Written" in result  # the dialog itself speaks the interface's English
    (written,) = tmp_path.glob("*.docx")
    paragraphs = Document(io.BytesIO(written.read_bytes())).paragraphs
    texts = [unnumbered(p.text) for p in paragraphs]  # without the printed line numbers
    assert texts[0].startswith("Interviewverslag")
    assert "Interview report" not in "\n".join(texts)
    assert any(t.startswith("Casus:") for t in texts)


async def test_a_session_opened_from_home_speaks_its_protocols_language(
    store, dutch_session, clock: FakeClock
) -> None:
    app = app_for(store, clock, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert app.lang == "en"
        listing = app.screen.query_one("#sessions", OptionList)
        listing.highlighted = listing.get_option_index(dutch_session.id)
        await pilot.press("o")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        assert app.lang == "nl"
        bound = {b.description for b in app.screen._bindings.key_to_bindings["escape"]}
        assert bound == {"Terug"}  # the review's keys are described in Dutch too
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert app.lang == "en"  # home keeps the interface language it started with


async def test_lang_overrides_the_protocol_on_session_screens(
    store, dutch_session, clock: FakeClock
) -> None:
    app = make_app(store, lang="en", explicit_lang="en", clock=clock, blink=False,
                   handle_signals=False)  # fmt: skip
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#sessions", OptionList)
        listing.highlighted = listing.get_option_index(dutch_session.id)
        await pilot.press("o")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        assert app.lang == "en"
