"""Keys typed before the interview screen is ready (or while another control has focus)
end up in the notes, in order: none is dropped."""

from __future__ import annotations

import datetime as dt

from textual import events

from interviewer.domain.session import SessionStatus
from interviewer.store import SessionStore
from tests.tui.conftest import FakeClock, app_for, open_live


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


async def test_keys_stay_with_the_focused_control(store: SessionStore, clock: FakeClock) -> None:
    """A key is handled by the control that has focus, or not at all (issue 10, point 9)."""
    live = open_live(store, clock, advance_consent=dt.date(2026, 3, 1))
    live.recorder.start()
    app = app_for(store, clock, live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#notes")
        # text, then tab, right, space in one burst: the answer is set, no space in the notes
        _keys(app, "Ze twijfelt")
        for key in ("tab", "right", "space"):
            app.post_message(events.Key(key, " " if key == "space" else None))
        await pilot.pause()
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "quick"
        assert live.session.records["ervaring-1"].quick_answer == "no"
        assert notes.text == "Ze twijfelt"
        # letters on the bar belong to the bar: 'y' moves to yes, the rest is refused
        _keys(app, "yxq")
        await pilot.pause()
        assert notes.text == "Ze twijfelt"
        await pilot.press("space")
        assert live.session.records["ervaring-1"].quick_answer == "yes"
        # shift+tab back to the notes and on typing, in one burst
        app.post_message(events.Key("shift+tab", None))
        _keys(app, " maar wel")
        await pilot.pause()
        await pilot.pause()
        assert app.focused is notes
        assert notes.text == "Ze twijfelt maar wel"
        live.flush()
        assert live.session.records["ervaring-1"].notes == "Ze twijfelt maar wel"
    live.close()


async def test_closing_keys_never_reach_the_notes(store: SessionStore, clock: FakeClock) -> None:
    """An address typed on the Finish button or into a closing field stays out of the notes,
    also when it arrives in one burst with the focus change."""
    live = open_live(store, clock, advance_consent=dt.date(2026, 3, 1))
    live.recorder.start()
    live.recorder.enter_closing()
    app = app_for(store, clock, live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "ClosingScreen"
        notes = app.screen.query_one("#notes")
        _keys(app, "Vaste contactpersoon.")
        await pilot.pause()
        app.screen.query_one("#finish").focus()
        await pilot.pause()
        _keys(app, "r.jansen@example.org")
        await pilot.pause()
        assert notes.text == "Vaste contactpersoon."
        field = app.screen.query_one("#field-mail-controle")
        field.focus()
        await pilot.pause()
        _keys(app, "r.jansen@example.org")
        app.post_message(events.Key("shift+tab", None))  # back, and on typing at once
        _keys(app, "x")
        await pilot.pause()
        await pilot.pause()
        assert field.value == "r.jansen@example.org"
        assert live.recorder.key.fields["mail-controle"] == "r.jansen@example.org"
        live.flush()
        record = live.session.records[live.session.current_question_id]
        assert "example.org" not in record.notes
    live.close()
