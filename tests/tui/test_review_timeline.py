"""The review screen's timeline (``g``) on a finished demo interview: the chart of topics
over time with a return and a pause, the minutes and the coverage of that one interview;
``g`` and ``escape`` lead back to the notes; a session not started says there is no
timeline. The values themselves are tested without a terminal in
tests/domain/test_review_timeline.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from interviewer.demo import make_demo
from interviewer.domain.session import Session
from interviewer.domain.session_factory import new_session
from interviewer.review_timeline import interview_timeline
from interviewer.store import SessionStore
from interviewer.tui.app import make_app
from interviewer.tui.bindings import localized
from interviewer.tui.screens.review import ReviewScreen
from tests.fake_clock import FakeClock
from tests.tui.conftest import build_protocol

SEED = 4
"""A demo interview that returns to 'ervaring' after 'tijd' and has one pause."""


def demo_session(store: SessionStore) -> Session:
    demo = make_demo(build_protocol(), case="Borne", respondents=1, minutes=40, seed=SEED)[0]
    store.create(demo.session, demo.key)
    return demo.session


def review_app(store: SessionStore, session: Session, lang: str = "en"):
    app = make_app(store, lang=lang, clock=FakeClock(), blink=False, handle_signals=False)
    app.start_screen = lambda: localized(ReviewScreen, lang)(session)
    return app


def plot_lines(screen) -> list[str]:
    """The timeline as drawn, one string per terminal row."""
    return screen.query_one("#timeline-plot").render().plain.splitlines()


def row_of(lines: list[str], label: str) -> str:
    return next(line for line in lines if label in line)


def bar_columns(line: str, mark: str) -> tuple[int, int]:
    """First and last column of ``mark`` on a row of the chart."""
    return line.index(mark), line.rindex(mark)


async def test_timeline_toggle_on_a_finished_demo(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "data")
    session = demo_session(store)
    expected = interview_timeline(session, "Closing")
    assert [lane.key for lane in expected.lanes if lane.returned] == ["ervaring"]
    assert len(expected.pauses) == 1
    app = review_app(store, session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert not screen.query("#review-charts")  # built on first use only
        await pilot.press("g")
        await pilot.pause()
        charts = screen.query_one("#review-charts")
        review = screen.query_one("#review")
        assert charts.display and not review.display and app.focused is charts

        lines = plot_lines(screen)
        labels = ["1. ERVARING ↺", "2. TIJD", "3. FEEDBACK", "Closing", "Pauses"]
        rows = [n for n, line in enumerate(lines) if any(label in line for label in labels)]
        assert len(rows) == 5
        assert [row_of(lines, label) for label in labels] == [lines[n] for n in rows]
        # a lane per topic in protocol order: ervaring has two bars (the return), the
        # others one; the pause is on its own lane, inside the gap cut out of feedback
        ervaring = row_of(lines, "1. ERVARING").split("┤", 1)[1]
        assert len(ervaring.replace("│", "").split()) == 2
        feedback = row_of(lines, "3. FEEDBACK").split("┤", 1)[1]
        assert len(feedback.replace("│", "").split()) == 2
        pause = bar_columns(row_of(lines, "Pauses").split("┤", 1)[1], "▒")
        gap = (feedback.index("█ ") + 1, feedback.rindex(" █"))  # between the two bars
        assert gap[0] - 1 <= pause[0] and pause[1] <= gap[1] + 1  # a column of rounding
        closing = bar_columns(row_of(lines, "Closing").split("┤", 1)[1], "█")
        last_topic = max(bar_columns(ervaring, "█")[1], bar_columns(feedback, "█")[1])
        assert closing[0] >= last_topic  # the closing comes last
        assert "minutes since the start" in "\n".join(lines)

        summary = str(screen.query_one("#timeline-summary", Static).render())
        assert "1 pause(s)" in summary and "returned to: 1. ERVARING" in summary
        minutes = screen.query_one("#minutes-plot").render().plain
        assert "planned" in minutes and "1.1" in minutes
        grid = screen.query_one("#coverage-grid", DataTable)
        assert grid.row_count == len(expected.coverage) == 9
        assert [str(c.label) for c in grid.columns.values()][2] == "1.1"

        await pilot.press("g")  # back to the notes
        assert review.display and not charts.display and app.focused is review
        await pilot.press("g")  # and again: the same charts, not built twice
        assert charts.display and len(screen.query("#review-charts")) == 1
        await pilot.press("escape")  # escape from the charts: the notes first
        assert review.display and not charts.display
        assert isinstance(app.screen, ReviewScreen)


async def test_timeline_in_dutch(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "data")
    session = demo_session(store)
    app = review_app(store, session, lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.active_bindings["g"].binding.description == "Tijdlijn"
        await pilot.press("g")
        await pilot.pause()
        text = "\n".join(plot_lines(app.screen))
        assert "Pauzes" in text and "Afronding" in text and "minuten sinds de start" in text


async def test_not_started_has_no_timeline(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "data")
    session = new_session(build_protocol(), case="Borne", respondent="1.2", clock=FakeClock())
    store.create(session)
    app = review_app(store, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert not screen.query_one("#timeline-plot").display
        summary = str(screen.query_one("#timeline-summary", Static).render())
        assert "has not started yet" in summary
        grid = screen.query_one("#coverage-grid", DataTable)
        assert {str(grid.get_cell_at((r, 2))) for r in range(grid.row_count)} == {"·"}


@pytest.mark.parametrize("size", [(120, 40)])
def test_timeline_snapshot(snap_compare, tmp_path: Path, size) -> None:
    store = SessionStore(tmp_path / "data")
    app = review_app(store, demo_session(store))

    async def run_before(pilot) -> None:
        await pilot.press("g")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()  # the plots draw once their size is known

    assert snap_compare(app, terminal_size=size, run_before=run_before)
