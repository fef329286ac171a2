"""Snapshots of the main screens at 80x24 and 120x40 with a frozen clock.

Snapshots show the layout; behaviour is proven by the Pilot tests. Regenerate with
``pytest tests/tui/test_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from interviewer.demo import make_demo
from interviewer.store import SessionStore
from interviewer.tui.app import make_app
from interviewer.tui.sources import ProtocolChoice
from tests.tui.conftest import FakeClock, build_protocol, open_live

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch):
    """Projected end times are shown in local time: make that UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _app(store: SessionStore, clock: FakeClock, live=None):
    return make_app(store, live=live, lang="en", clock=clock, blink=False, handle_signals=False)


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size) -> None:
    protocol = build_protocol()
    path = tmp_path / "tui-test.yaml"
    path.write_text(json.dumps(protocol.model_dump(mode="json", exclude_defaults=True)))
    monkeypatch.setattr(
        "interviewer.tui.screens.home.list_protocols",
        lambda: [ProtocolChoice(path, protocol.id, protocol.title, protocol.language)],
    )
    store = SessionStore(tmp_path / "data")
    for demo in make_demo(protocol, case="Borne", respondents=2, minutes=40):
        store.create(demo.session, demo.key)
    for demo in make_demo(protocol, case="Hengelo", respondents=1, minutes=45, case_number=2):
        store.create(demo.session, demo.key)
    assert snap_compare(_app(store, FakeClock()), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_introduction(snap_compare, tmp_path: Path, size) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_live(store, clock, session_id="snap-intro")
    try:
        assert snap_compare(_app(store, clock, live), terminal_size=size)
    finally:
        live.close()


async def _start_and_type(pilot, clock: FakeClock) -> None:
    await pilot.press("space", "ctrl+s")
    await pilot.pause()
    clock.advance(minutes=3)
    await pilot.press(*"Nooit met andere organisaties gewerkt.")
    pilot.app.screen.query_one("#quick").focus()
    await pilot.press("right", "space")
    await pilot.press("ctrl+n")
    await pilot.press(*"Geen gelegenheid gehad.")
    await pilot.pause()
    pilot.app.screen.refresh_timing()


@pytest.mark.parametrize("size", SIZES)
def test_interview(snap_compare, tmp_path: Path, size) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_live(store, clock, session_id="snap-interview")

    async def run_before(pilot) -> None:
        await _start_and_type(pilot, clock)

    try:
        assert snap_compare(_app(store, clock, live), terminal_size=size, run_before=run_before)
    finally:
        live.close()


@pytest.mark.parametrize("size", SIZES)
def test_interview_behind(snap_compare, tmp_path: Path, size) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_live(store, clock, session_id="snap-behind")

    async def run_before(pilot) -> None:
        await _start_and_type(pilot, clock)
        clock.advance(minutes=16)  # the first topic runs over
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"tijd (", "enter")
        await pilot.pause()
        clock.advance(minutes=5)
        await pilot.press(*"Te weinig tijd voor overleg.")
        await pilot.pause()
        pilot.app.screen.refresh_timing()

    try:
        assert snap_compare(_app(store, clock, live), terminal_size=size, run_before=run_before)
    finally:
        live.close()


@pytest.mark.parametrize("size", SIZES)
def test_closing(snap_compare, tmp_path: Path, size) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_live(store, clock, session_id="snap-closing")

    async def run_before(pilot) -> None:
        await _start_and_type(pilot, clock)
        clock.advance(minutes=30)
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("ctrl+n")  # past the coverage check: on to the closing anyway
        await pilot.pause()
        await pilot.press(*"De korte lijnen.")
        await pilot.pause()
        pilot.app.screen.refresh_timing()

    try:
        assert snap_compare(_app(store, clock, live), terminal_size=size, run_before=run_before)
    finally:
        live.close()


def test_interview_light(snap_compare, tmp_path: Path) -> None:
    """The interview in Textual's light theme at 80x24: every colour comes from theme
    variables, so the pace bar, topic list, code colour and notes must stay readable."""
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_live(store, clock, session_id="snap-light")

    async def run_before(pilot) -> None:
        pilot.app.theme = "textual-light"
        await _start_and_type(pilot, clock)

    try:
        assert snap_compare(_app(store, clock, live), terminal_size=(80, 24), run_before=run_before)
    finally:
        live.close()


@pytest.mark.parametrize("size", SIZES)
def test_follow_up_of_the_seed_protocol(snap_compare, tmp_path: Path, size) -> None:
    """Seed 000 in Dutch: 'nee' on ervaring-1, then ctrl+n lands on the follow-up for 'nee'
    with its reason, instruction and alternative wording (scrollable where it is cut)."""
    import datetime as dt

    from interviewer.domain.session_factory import new_session
    from interviewer.tui.live import LiveSession
    from interviewer.tui.sources import find_protocol, load_protocol

    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    protocol = load_protocol(find_protocol("sociale-teams-samenwerking"))
    session = new_session(
        protocol,
        case="Borne",
        respondent="1.1",
        clock=clock,
        session_id="snap-follow-up",
        advance_consent=dt.date(2026, 3, 1),
    )
    store.create(session)
    live = LiveSession(store, session, clock=clock).open()

    async def run_before(pilot) -> None:
        await pilot.press("ctrl+s")
        await pilot.pause()
        clock.advance(minutes=2)
        await pilot.press(*"Nooit buiten de gemeente gewerkt.")
        pilot.app.screen.query_one("#quick").focus()
        await pilot.press("right", "space", "ctrl+n")
        await pilot.pause()
        pilot.app.screen.refresh_timing()

    app = make_app(store, live=live, lang="nl", clock=clock, blink=False, handle_signals=False)
    try:
        assert snap_compare(app, terminal_size=size, run_before=run_before)
    finally:
        live.close()


@pytest.mark.parametrize("size", SIZES)
def test_group_interview_turns(snap_compare, tmp_path: Path, size) -> None:
    """Several speakers under one question: their codes in the notes' margin, the speaker bar
    on the paragraph under the cursor, the speaker keys in the footer."""
    import datetime as dt

    from interviewer.domain.session import SessionMode

    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_live(
        store,
        clock,
        session_id="snap-group",
        advance_consent=dt.date(2026, 3, 1),
        mode=SessionMode.GROUP,
        participants=["2.1", "2.2", "2.3"],
    )
    live.recorder.start()
    live.recorder.show_question("ervaring-2")

    async def run_before(pilot) -> None:
        await pilot.pause()
        clock.advance(minutes=2)
        await pilot.press("alt+2", *"Het SWT is ontstaan uit de wijkteams.")
        clock.advance(seconds=40)
        await pilot.press("alt+3", *"Vult aan: eerst alleen jeugd, later ook volwassenen.")
        await pilot.press("alt+0", *"Vraagt door naar de start.")
        await pilot.press("alt+1", *"Dat was in 2015.")
        pilot.app.screen.query_one("#notes").move_cursor((2, 4))
        await pilot.pause()
        pilot.app.screen.refresh_timing()

    try:
        assert snap_compare(_app(store, clock, live), terminal_size=size, run_before=run_before)
    finally:
        live.close()
