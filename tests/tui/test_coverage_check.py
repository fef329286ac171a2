"""The check before the closing and before finishing (issue 10, point 4): nothing is missed
silently. ``f10``, ``ctrl+n`` past the last topic question and the closing's finish list what
is not covered; ``enter`` goes to it, ``ctrl+n`` goes on anyway, ``escape`` stays."""

from __future__ import annotations

import io
import time

import pytest
from rich.console import Console
from textual.widgets import OptionList, Static

from interviewer.domain.coverage import coverage_gaps
from interviewer.domain.protocol import QuestionKind
from interviewer.domain.session import QuestionState
from interviewer.store import SessionStore
from interviewer.tui.dialogs.coverage_check import CoverageCheck
from interviewer.tui.live import LiveSession
from tests.tui.conftest import FakeClock, app_for, open_live


@pytest.fixture
def started(store: SessionStore, clock: FakeClock):
    """A session whose clock runs, on the first question of the first topic."""
    live = open_live(store, clock)
    live.recorder.confirm_consent("opname")
    live.recorder.start()
    live.recorder.show_question("ervaring-1")
    yield live
    if not live.closed:
        live.close()


def cover_everything(live: LiveSession) -> None:
    """Notes under every main question: every characteristic has an answer."""
    for topic in live.session.protocol.topics:
        for question in topic.questions:
            if question.kind is QuestionKind.MAIN:
                live.recorder.set_notes(question.id, "antwoord")


def screen_name(app) -> str:
    return type(app.screen).__name__


def gap_lines(app) -> list[str]:
    """The items of the check's list, each as its plain text on one line (wide enough)."""
    options = app.screen.query_one("#gaps", OptionList)
    lines = []
    for index in range(options.option_count):
        console = Console(width=300, record=True, file=io.StringIO())
        console.print(options.get_option_at_index(index).prompt)
        lines.append(console.export_text().rstrip("\n"))
    return lines


async def test_f10_with_untouched_topics_shows_the_check(
    store: SessionStore, clock: FakeClock, started: LiveSession
) -> None:
    app = app_for(store, clock, started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"wel ervaring")
        await pilot.press("f10")
        await pilot.pause()
        assert screen_name(app) == "CoverageCheck"
        assert not started.session.in_closing  # not yet
        lines = gap_lines(app)
        # one heading per topic in protocol order, the open questions beneath it
        headings = [line for line in lines if not line.startswith("  ")]
        assert [h.split("\n")[0].strip() for h in headings] == [
            "ERVARING  Ervaring",
            "TIJD  Tijd",
            "FEEDBACK  Feedback",
        ]
        assert "not yet covered: Effect, BP/KP" in headings[0]
        # the note just typed counts: ervaring-1 is not listed, ervaring-2 is
        assert not any("In hoeverre is er sprake van ervaring?" in line for line in lines)
        assert "  • Effect · Welk effect heeft dat?  (main question)" in lines
        keys = str(app.screen.query_one(".check-keys", Static).render())
        assert "ctrl+n" in keys and "enter" in keys and "escape" in keys
        # the first open item is selected: ervaring-2
        options = app.screen.query_one("#gaps", OptionList)
        assert options.highlighted == 1


async def test_enter_goes_to_the_selected_question(
    store: SessionStore, clock: FakeClock, started: LiveSession
) -> None:
    app = app_for(store, clock, started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        # down past ervaring-1, -2, -3 and the heading of 'tijd': its first question
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert screen_name(app) == "InterviewScreen"
        assert started.session.current_question_id == "tijd-1"
        assert not started.session.in_closing
        assert app.screen.focused is app.screen.query_one("#notes")
        await pilot.press(*"geen tijd")
        started.flush()
        assert started.session.records["tijd-1"].notes == "geen tijd"


async def test_ctrl_n_goes_on_to_the_closing_and_escape_stays(
    store: SessionStore, clock: FakeClock, started: LiveSession
) -> None:
    app = app_for(store, clock, started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "InterviewScreen"
        assert started.session.current_question_id == "ervaring-1"
        assert not started.session.in_closing
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen_name(app) == "ClosingScreen"
        assert started.session.in_closing
        assert started.session.current_question_id == "sterk"


async def test_with_everything_covered_f10_goes_straight_to_the_closing(
    store: SessionStore, clock: FakeClock, started: LiveSession
) -> None:
    cover_everything(started)
    assert coverage_gaps(started.session) == ()
    app = app_for(store, clock, started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        assert screen_name(app) == "ClosingScreen"


async def test_ctrl_n_past_the_last_topic_question_checks_first(
    store: SessionStore, clock: FakeClock, started: LiveSession
) -> None:
    started.recorder.show_question("feedback-3")
    app = app_for(store, clock, started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")  # to the probe: still a topic question, no check
        await pilot.pause()
        assert screen_name(app) == "InterviewScreen"
        assert started.session.current_question_id == "feedback-p1"
        await pilot.press("ctrl+n")  # past the last topic question
        await pilot.pause()
        assert screen_name(app) == "CoverageCheck"
        assert started.session.current_question_id == "feedback-p1"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen_name(app) == "ClosingScreen"
        assert started.session.current_question_id == "sterk"


async def test_going_to_a_gap_from_ctrl_n_counts_the_question_left_as_asked(
    store: SessionStore, clock: FakeClock, started: LiveSession
) -> None:
    """ctrl+n means 'asked, next': also when the check sends the interviewer elsewhere."""
    started.recorder.show_question("feedback-p1")
    app = app_for(store, clock, started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("escape")  # stayed: not moved on, so not asked
        await pilot.pause()
        assert started.session.record("feedback-p1").state is QuestionState.NOT_ASKED
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert started.session.current_question_id == "ervaring-1"
        assert started.session.record("feedback-p1").state is QuestionState.ASKED
        assert not started.session.in_closing


async def test_ctrl_n_past_the_end_with_everything_covered_has_no_check(
    store: SessionStore, clock: FakeClock, started: LiveSession
) -> None:
    cover_everything(started)
    started.recorder.show_question("feedback-p1")
    app = app_for(store, clock, started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen_name(app) == "ClosingScreen"


async def test_the_closing_checks_before_finishing(
    store: SessionStore, clock: FakeClock, started: LiveSession
) -> None:
    started.recorder.enter_closing()
    app = app_for(store, clock, started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert screen_name(app) == "ClosingScreen"
        await pilot.press("f10")
        await pilot.pause()
        assert screen_name(app) == "CoverageCheck"
        assert "finish anyway" in str(app.screen.query_one(".check-keys", Static).render())
        # enter: back to the interview, on the question that was missed
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "InterviewScreen"
        assert started.session.current_question_id == "ervaring-1"
        assert not started.session.in_closing
        # to the closing again; finishing anyway: the check, then the confirmation
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen_name(app) == "ClosingScreen"
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen_name(app) == "ConfirmDialog"
        await pilot.press("y")
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
    assert started.session.status.value == "finished"


async def test_the_closing_finishes_without_a_check_when_nothing_is_missing(
    store: SessionStore, clock: FakeClock, started: LiveSession
) -> None:
    cover_everything(started)
    started.recorder.enter_closing()
    app = app_for(store, clock, started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        assert screen_name(app) == "ConfirmDialog"
        await pilot.press("n")
        await pilot.pause()
        assert screen_name(app) == "ClosingScreen"


async def test_a_triggered_follow_up_and_an_asked_characteristic_are_listed(
    store: SessionStore, clock: FakeClock, started: LiveSession
) -> None:
    started.recorder.set_quick_answer("ervaring-1", "no")
    started.recorder.mark_asked("ervaring-2")  # asked aloud, nothing written
    app = app_for(store, clock, started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        lines = gap_lines(app)
        assert lines[1].startswith("  ↳ Waarom is daar geen sprake van?  (follow-up)")
        assert lines[2].startswith("  ◇ Effect — no answer noted")
        await pilot.press("enter")  # the follow-up
        await pilot.pause()
        assert started.session.current_question_id == "ervaring-nee"


async def test_dutch_and_80x24(store: SessionStore, clock: FakeClock) -> None:
    """In Dutch at 80x24: the dialog fits, its keys line shows, the long list scrolls."""
    from interviewer.tui.app import make_app

    live = open_live(store, clock)
    live.recorder.confirm_consent("opname")
    live.recorder.start()
    live.recorder.show_question("ervaring-1")
    app = make_app(store, live=live, lang="nl", clock=clock, blink=False, handle_signals=False)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("f10")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, CoverageCheck)
            keys = dialog.query_one(".check-keys", Static)
            assert "toch naar de afsluiting" in str(keys.render())
            assert "nog niet alles is aan bod gekomen" in str(
                dialog.query_one(".check-title", Static).render()
            )
            assert "hoofdvraag" in gap_lines(app)[1]
            box = dialog.query_one(".coverage-check").region
            assert box.y >= 0 and box.bottom <= 24 and box.right <= 80
            assert keys.region.bottom <= box.bottom and keys.region.height >= 1
            options = dialog.query_one("#gaps", OptionList)
            assert options.max_scroll_y > 0  # more than fits: it scrolls
            await pilot.press("end")
            await pilot.pause()
            assert options.scroll_y == options.max_scroll_y
            await pilot.press("enter")  # the last item: feedback-3
            await pilot.pause()
            assert live.session.current_question_id == "feedback-3"
    finally:
        live.close()


def test_snapshot_of_the_check_at_80x24(
    snap_compare, store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pre-closing check at 80x24 (the projected end behind it is shown in UTC)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    clock = FakeClock()
    live = open_live(store, clock, session_id="snap-check")
    live.recorder.confirm_consent("opname")
    live.recorder.start()
    live.recorder.show_question("ervaring-1")
    live.recorder.set_quick_answer("ervaring-1", "no")
    live.recorder.set_notes("ervaring-1", "Nooit met andere organisaties gewerkt.")
    # saved now, not whenever the autosave thread gets to it: the save line on screen
    # ("saved 0.0 s ago" against "not saved yet") must not depend on the machine's load
    live.flush()

    async def run_before(pilot) -> None:
        await pilot.press("f10")
        await pilot.pause()

    try:
        app = app_for(store, clock, live)
        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
    finally:
        live.close()
        monkeypatch.undo()
        time.tzset()
