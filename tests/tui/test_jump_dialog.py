"""The jump list (ctrl+t) in the running app: type words, see the list narrow, enter jumps."""

from __future__ import annotations

import threading

from interviewer.domain.session import QuestionState
from interviewer.tui.dialogs.jump import JumpDialog, JumpList
from tests.tui.conftest import app_for


async def _start(pilot) -> None:
    await pilot.press("space", "ctrl+s")  # tick the required consent, start the clock
    await pilot.pause()


async def _shown(pilot, dialog: JumpDialog, query: str) -> list[str]:
    """Wait until the worker's results for ``query`` are on screen; the lines shown."""
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if dialog.shown_query == query:
            break
    assert dialog.shown_query == query
    return dialog.query_one("#choices", JumpList).plain_lines()


async def test_typing_narrows_the_list_and_enter_jumps(store, clock, live_session) -> None:
    app = app_for(store, clock, live_session)
    async with app.run_test(size=(100, 30)) as pilot:
        await _start(pilot)
        await pilot.press(*"Nooit gedaan.")
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, JumpDialog)

        # before typing: every topic once as a header, its questions indented beneath it
        lines = await _shown(pilot, dialog, "")
        assert [line for line in lines if line.startswith(("■", "▶"))] == [
            "▶ Ervaring  1/4",
            "■ Tijd  0/4",
            "■ Feedback  0/4",
            "■ Closing  0/1",
        ]
        assert lines[1] == "  ▸ ✓ In hoeverre is er sprake van ervaring?"  # current, noted
        assert "    · ↳ Waarom is daar geen sprake van?" in lines  # follow-up
        assert "    · ? Kunt u een voorbeeld geven?" in lines  # probe
        choices = dialog.query_one("#choices", JumpList)
        assert choices.highlighted == 1  # the current question

        # two word beginnings: only the probes, each under its topic
        await pilot.press(*"kunt voorb")
        lines = await _shown(pilot, dialog, "kunt voorb")
        assert lines == [
            "▶ Ervaring  1/4",
            "    · ? Kunt u een voorbeeld geven?",
            "■ Tijd  0/4",
            "    · ? Kunt u een voorbeeld geven?",
            "■ Feedback  0/4",
            "    · ? Kunt u een voorbeeld geven?",
        ]
        assert choices.highlighted == 1
        assert "3 found" in str(dialog.query_one("#jump-status").render())

        # down moves (headers too are lines to choose), enter jumps there
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.screen is not dialog
        assert live_session.session.current_question_id == "tijd-p1"
        assert live_session.session.records["ervaring-1"].notes == "Nooit gedaan."


async def test_enter_right_after_typing_uses_what_was_typed(store, clock, live_session) -> None:
    """Keys faster than the worker: enter decides on the filter's text, not a stale list."""
    app = app_for(store, clock, live_session)
    async with app.run_test(size=(100, 30)) as pilot:
        await _start(pilot)
        await pilot.press("ctrl+t", *"feedback", "enter")
        await pilot.pause()
        assert live_session.session.current_question_id == "feedback-1"  # the topic header
        await pilot.press("ctrl+t", *"waarom geen", "enter")
        await pilot.pause()
        assert live_session.session.current_question_id == "ervaring-nee"


async def test_enter_when_the_worker_never_answered(
    store, clock, live_session, monkeypatch
) -> None:
    """The list still shows everything (the worker is stuck): enter takes the typed query's
    best match, not the highlighted line of the stale list."""
    monkeypatch.setattr(JumpDialog, "_search", lambda self, *args: None)
    app = app_for(store, clock, live_session)
    async with app.run_test(size=(100, 30)) as pilot:
        await _start(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, JumpDialog)
        await pilot.press(*"welk effect")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert dialog.shown_query == ""  # nothing new arrived
        await pilot.press("enter")
        await pilot.pause()
        assert live_session.session.current_question_id == "ervaring-2"


async def test_matching_runs_off_the_ui_thread(store, clock, live_session, monkeypatch) -> None:
    threads: list[int] = []
    search = JumpDialog._search

    def recording(self: JumpDialog, *args: object) -> None:
        threads.append(threading.get_ident())
        search(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(JumpDialog, "_search", recording)
    app = app_for(store, clock, live_session)
    async with app.run_test(size=(100, 30)) as pilot:
        await _start(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, JumpDialog)
        await pilot.press(*"tijd")
        await _shown(pilot, dialog, "tijd")
    assert threads and threading.main_thread().ident not in threads


async def test_states_show_and_escape_cancels(store, clock, live_session) -> None:
    app = app_for(store, clock, live_session)
    async with app.run_test(size=(100, 30)) as pilot:
        await _start(pilot)
        await pilot.press(*"Ja, veel.", "ctrl+n")  # ervaring-1 asked
        await pilot.press("ctrl+l")  # ervaring-2 skipped (no notes: no question asked)
        await pilot.pause()
        assert live_session.session.records["ervaring-2"].state is QuestionState.SKIPPED
        current = live_session.session.current_question_id
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, JumpDialog)
        await pilot.press(*"sprake ervaring")
        lines = await _shown(pilot, dialog, "sprake ervaring")
        assert lines[:2] == ["▶ Ervaring  2/4", "    ✓ In hoeverre is er sprake van ervaring?"]
        await pilot.press(*" xyz")
        lines = await _shown(pilot, dialog, "sprake ervaring xyz")
        assert lines == []
        assert "Nothing matches" in str(dialog.query_one("#jump-status").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not dialog
        assert live_session.session.current_question_id == current
