"""Headless: the group wording on the interview screen, one code per case in the new-session
form, keep or discard a session quit at its introduction, codes in number order at home."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, OptionList, Select, Static

from interviewer.domain.session_factory import new_session
from interviewer.protocol.loader import load_protocol
from interviewer.store import SessionStore
from interviewer.tui.live import LiveSession
from interviewer.tui.widgets.question_panel import QuestionPanel
from tests.fake_clock import FakeClock

from .conftest import app_for, build_protocol, open_live

SWT = Path(__file__).resolve().parents[2] / "protocols" / "netwerksamenwerking-swt.yaml"


def panel_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(QuestionPanel).render())


def started_swt(store: SessionStore, clock: FakeClock, **who: object) -> LiveSession:
    """A started interview of case Wierden with seed 003's protocol (consent given before)."""
    session = new_session(
        load_protocol(SWT),
        case="Wierden",
        advance_consent=dt.date(2026, 3, 1),
        clock=clock,
        **who,  # type: ignore[arg-type]
    )
    store.create(session)
    live = LiveSession(store, session, clock=clock).open()
    live.recorder.start()
    return live


async def test_a_group_session_shows_the_group_wording(
    store: SessionStore, clock: FakeClock
) -> None:
    live = started_swt(
        store, clock, respondent="2.0", mode="group", participants=["2.1", "2.2", "2.3"]
    )
    app = app_for(store, clock, live)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = panel_text(app)
        assert "Kunnen jullie mij vertellen hoe dit SWT tot stand is gekomen" in shown
        assert "Kunt u" not in shown and "u/" not in shown
        await pilot.press("ctrl+n")  # ambitie-1
        await pilot.pause()
        assert "wat jullie verstaan onder een betekenisvolle ambitie" in panel_text(app)


async def test_an_individual_session_shows_the_singular(
    store: SessionStore, clock: FakeClock
) -> None:
    live = started_swt(store, clock, respondent="6")
    app = app_for(store, clock, live)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "hoe u de ontwikkeling hiervan heeft ervaren" in panel_text(app)


async def test_quit_at_the_introduction_can_discard_the_session(
    store: SessionStore, clock: FakeClock
) -> None:
    live = open_live(store, clock)
    app = app_for(store, clock, live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        dialog = app.screen
        assert "never started" in str(dialog.query_one(".dialog-text", Static).render())
        await pilot.press("y")  # discard
        await pilot.pause()
    assert store.list() == []
    assert app.exit_message == "Discarded Borne 1.1: the session was never started."


async def test_quit_at_the_introduction_keeps_the_session_by_default(
    store: SessionStore, clock: FakeClock
) -> None:
    live = open_live(store, clock)
    app = app_for(store, clock, live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("enter")  # the focus is on Keep
        await pilot.pause()
    [kept] = store.list()
    assert kept.respondent == "1.1" and kept.status.value == "planned"
    assert "interviewer resume" in (app.exit_message or "")


def stored(store: SessionStore, clock: FakeClock, *codes: str) -> None:
    for code in codes:
        store.create(new_session(build_protocol(), case="Borne", respondent=code, clock=clock))


async def test_the_new_session_form_refuses_a_code_the_case_has(
    store: SessionStore, clock: FakeClock
) -> None:
    stored(store, clock, "1.1", "1.2")
    app = app_for(store, clock, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.action_new()
        await pilot.pause()
        form = app.screen
        form.query_one("#protocol", Select).value = str(SWT)
        form.query_one("#case", Input).value = "Borne"
        await pilot.pause()
        assert form.query_one("#respondent", Input).value == "1.3"  # the next free code
        form.query_one("#respondent", Input).value = "1.1"
        form.action_create()
        await pilot.pause()
        error = str(form.query_one("#form-error", Static).render())
        existing = next(s for s in store.list() if s.respondent == "1.1")
        assert "case Borne already has respondent 1.1" in error
        assert existing.id in error and "the next free code is 1.3" in error
        assert len(store.list()) == 2  # nothing stored


async def test_home_lists_codes_in_number_order(store: SessionStore, clock: FakeClock) -> None:
    stored(store, clock, "1.10", "1.2", "1.1")
    app = app_for(store, clock, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#sessions", OptionList)
        lines = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        codes = [line.split()[0] for line in lines[1:]]
        assert codes[:3] == ["1.1", "1.2", "1.10"]
