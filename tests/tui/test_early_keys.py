"""Keys typed before the interview screen is ready (or while another control has focus)
end up in the notes, in order: none is dropped."""

from __future__ import annotations

import datetime as dt

from tests.tui.conftest import FakeClock, app_for, open_live
from textual import events

from interviewer.domain.session import SessionStatus
from interviewer.store import SessionStore


def _keys(app, text: str) -> None:
    """Queue key events at once, without waiting for the app between them (fast typing)."""
    for char in text:
        key = "space" if char == " " else char
        app.post_message(events.Key(key, char))


async def test_keys_right_after_start_reach_the_notes(
    store: SessionStore, clock: FakeClock
) -> None:
    live = open_live(store, clock, advance_consent=dt.date(2026, 3, 1))
    app = app_for(store, clock, live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "IntroductionScreen"
        app.post_message(events.Key("ctrl+s", None))
        _keys(app, "Ze zegt ja")  # typed while the interview screen is still being built
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "InterviewScreen"
        assert live.session.status is SessionStatus.IN_PROGRESS
        assert app.screen.query_one("#notes").text == "Ze zegt ja"
        live.flush()
        assert live.session.records["ervaring-1"].notes == "Ze zegt ja"
    live.close()


async def test_letters_go_to_the_notes_from_the_quick_answer(
    store: SessionStore, clock: FakeClock
) -> None:
    live = open_live(store, clock, advance_consent=dt.date(2026, 3, 1))
    live.recorder.start()
    app = app_for(store, clock, live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("tab")  # to the quick-answer bar
        assert app.focused is not None and app.focused.id == "quick"
        await pilot.press("right", "space")  # the bar's own keys still work: 'no' picked
        assert live.session.records["ervaring-1"].quick_answer == "no"
        await pilot.press("o", "k")
        await pilot.pause()
        notes = app.screen.query_one("#notes")
        assert notes.text == "ok"
        assert app.focused is notes
        await pilot.press("tab")  # the quick-answer bar again, then a fast burst with spaces
        assert app.focused is not None and app.focused.id == "quick"
        _keys(app, "En dat werkt")  # on the bar a space picks; after a letter it is typed
        await pilot.pause()
        assert notes.text == "okEn dat werkt"
        assert live.session.records["ervaring-1"].quick_answer == "no"  # untouched by spaces
    live.close()
