"""The verbatim screen: segments under their questions, moves kept, the offset nudged live."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.demo import make_demo
from interviewer.domain.session import Session
from interviewer.store import SessionStore
from interviewer.transcript import Segment, Target, Transcript, TranscriptStore, question_windows
from interviewer.tui.app import make_app
from interviewer.tui.bindings import localized
from interviewer.tui.screens.transcript import TranscriptScreen
from interviewer.tui.transcript_app import make_transcript_app
from interviewer.tui.verbatim import Row
from tests.tui.conftest import FakeClock, build_protocol

OFFSET = 30.0
"""The recorder was started 30 s before the interview clock."""


def demo_session(store: SessionStore) -> Session:
    demo = make_demo(build_protocol(), case="Borne", respondents=1, minutes=40)[0]
    store.create(demo.session, demo.key)
    return demo.session


def build_transcript(session: Session) -> Transcript:
    """Two segments per window (interviewer asks, respondent answers), recording times.

    The first segment of ``ervaring-3`` starts 0.3 s after the question appeared, so a
    nudge of +0.5 s puts it under ``ervaring-1``. One segment is spoken before the clock.
    """
    segments = [Segment(100.0 + OFFSET, 104.0 + OFFSET, "Fijn dat u er bent.", "I")]
    for window in question_windows(session)[1:-1]:
        first = 0.3 if window.target.question_id == "ervaring-3" else 10.0
        key = window.target.question_id or window.context
        at = window.start + OFFSET
        segments.append(Segment(at + first, at + first + 5, f"Vraag bij {key}.", "I"))
        segments.append(Segment(at + 20, at + 30, f"Antwoord bij {key}.", "R"))
    return Transcript(session_id=session.id, segments=segments, source_name="t.srt", offset=OFFSET)


@pytest.fixture
def setup(tmp_path: Path):
    store = SessionStore(tmp_path / "data")
    session = demo_session(store)
    transcript = build_transcript(session)
    TranscriptStore(store.data_dir).save(transcript)
    return store, session


def app_for(store: SessionStore, session: Session, transcript: Transcript | None = None):
    return make_transcript_app(
        store, session, transcript, lang="en", clock=FakeClock(), blink=False, handle_signals=False
    )


def grouped(rows: list[Row]) -> dict[str | None, list[str]]:
    """Heading (question id, else code) -> texts of the segments listed under it."""
    out: dict[str | None, list[str]] = {}
    heading: str | None = None
    for row in rows:
        if row.item is None:
            heading = row.target.question_id or row.target.code
            out.setdefault(heading, [])
        else:
            out[heading].append(row.item.segment.text)
    return out


def number_of(screen: TranscriptScreen, text: str) -> int:
    return next(r.item.number for r in screen.rows if r.item and r.item.segment.text == text)


async def select(pilot, text: str) -> None:
    """Move the cursor with the arrow keys to the segment with ``text``."""
    screen = pilot.app.screen
    options = screen.query_one("#verbatim-list")
    wanted = next(i for i, r in enumerate(screen.rows) if r.item and r.item.segment.text == text)
    while options.highlighted != wanted:
        await pilot.press("down" if options.highlighted < wanted else "up")


async def test_segments_under_their_questions(setup) -> None:
    store, session = setup
    async with app_for(store, session).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, TranscriptScreen)
        groups = grouped(screen.rows)
        assert groups["ervaring-1"] == ["Vraag bij ervaring-1.", "Antwoord bij ervaring-1."]
        assert groups["tijd-3"] == ["Vraag bij tijd-3.", "Antwoord bij tijd-3."]
        assert groups["sterk"] == ["Vraag bij sterk.", "Antwoord bij sterk."]  # closing
        # before the clock and during the pause: "Overige interessante informatie"
        assert groups["overig"] == [
            "Fijn dat u er bent.",
            "Vraag bij pause.",
            "Antwoord bij pause.",
        ]
        order = [r.target.question_id or r.target.code for r in screen.rows if r.item is None]
        assert order[:4] == ["overig", "ervaring-1", "ervaring-3", "ervaring-p1"]
        assert order.index("feedback-1") < order.index("tijd-1") < order.index("sterk")
        # the pause is listed where it happened, apart from the introduction
        assert order.count("overig") == 2
        assert order.index("feedback-2") < order.index("overig", 1) < order.index("feedback-3")
        # the notes of the question in focus are shown beside the segment
        await select(pilot, "Antwoord bij feedback-1.")
        notes = str(screen.query_one("#verbatim-notes").render())
        record = session.records["feedback-1"]
        assert record.notes.strip().splitlines()[0][:30] in notes
        assert "Segment" in notes and "00:" in notes
        assert "Offset 30.0 s" in str(screen.query_one("#verbatim-head").render())


async def test_move_undo_and_save(setup) -> None:
    store, session = setup
    transcripts = TranscriptStore(store.data_dir)
    async with app_for(store, session).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        text = "Antwoord bij ervaring-1."
        number = number_of(screen, text)
        await select(pilot, text)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"tijd-2", "enter")
        await pilot.pause()
        groups = grouped(screen.rows)
        assert text in groups["tijd-2"] and text not in groups["ervaring-1"]
        moved = next(r for r in screen.rows if r.item and r.item.number == number)
        assert moved.item.moved
        assert screen.current_row() == moved  # the cursor follows the segment
        assert transcripts.load(session.id).moves == {}  # not saved yet
        await pilot.press("s")
        await pilot.pause()
        assert transcripts.load(session.id).moves == {number: Target("tijd-2", "tijd")}

        await pilot.press("u")  # back to the timeline
        await pilot.pause()
        assert text in grouped(screen.rows)["ervaring-1"]
        # move to a variable as a whole, then leave: saved on the way out
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"FEEDBACK (the variable", "enter")
        await pilot.pause()
        assert text in grouped(screen.rows)["feedback"]
        await pilot.press("escape")
        await pilot.pause()
    assert transcripts.load(session.id).moves == {number: Target(None, "feedback")}


async def test_nudge_replaces_segments_and_keeps_moves(setup) -> None:
    store, session = setup
    transcripts = TranscriptStore(store.data_dir)
    stored = transcripts.load(session.id)
    stored.moves = {1: Target("tijd-1", "tijd")}  # the greeting, moved by hand
    transcripts.save(stored)
    boundary = "Vraag bij ervaring-3."
    async with app_for(store, session).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        await select(pilot, boundary)
        assert boundary in grouped(screen.rows)["ervaring-3"]
        await pilot.press("full_stop")  # offset +0.5 s: the segment starts before ervaring-3
        await pilot.pause()
        groups = grouped(screen.rows)
        assert boundary in groups["ervaring-1"] and boundary not in groups["ervaring-3"]
        assert "Fijn dat u er bent." in groups["tijd-1"]  # the move stays
        assert screen.transcript.offset == 30.5
        assert screen.current_row().item.segment.text == boundary
        head = str(screen.query_one("#verbatim-head").render())
        assert "Offset 30.5 s" in head and "1 changed place" in head
        await pilot.press("comma", "less_than_sign", "greater_than_sign")
        await pilot.pause()
        assert screen.transcript.offset == 30.0
        assert boundary in grouped(screen.rows)["ervaring-3"]
        await pilot.press("full_stop")
        await pilot.press("ctrl+q")  # quitting saves too
        await pilot.pause()
    saved = transcripts.load(session.id)
    assert saved.offset == 30.5
    assert saved.moves == {1: Target("tijd-1", "tijd")}

    # reopened: the offset and the move are kept
    async with app_for(store, session).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        groups = grouped(pilot.app.screen.rows)
        assert "Fijn dat u er bent." in groups["tijd-1"]
        assert boundary in groups["ervaring-1"]
        moved = [r.item.number for r in pilot.app.screen.rows if r.item and r.item.moved]
        assert moved == [1]


async def test_from_review_and_without_transcript(tmp_path: Path) -> None:
    from interviewer.tui.screens.review import ReviewScreen

    store = SessionStore(tmp_path / "data")
    session = demo_session(store)
    app = make_app(store, lang="en", clock=FakeClock(), blink=False, handle_signals=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(localized(ReviewScreen, "en")(session))
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, TranscriptScreen)
        text = str(app.screen.query_one("#verbatim-empty").render())
        assert f"interviewer transcript import {session.id} FILE" in text
        await pilot.press("m")  # nothing to move: no error
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert not TranscriptStore(store.data_dir).exists(session.id)


def test_cli_view_without_transcript(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "data")
    session = demo_session(store)
    result = CliRunner().invoke(
        main, ["--data-dir", str(store.data_dir), "transcript", "view", session.id]
    )
    assert result.exit_code == 1
    assert f"interviewer transcript import {session.id} FILE" in result.output


def test_snapshot(snap_compare, setup) -> None:
    store, session = setup
    transcripts = TranscriptStore(store.data_dir)
    stored = transcripts.load(session.id)
    stored.moves = {4: Target("tijd-2", "tijd")}
    transcripts.save(stored)

    async def run_before(pilot) -> None:
        await pilot.pause()
        await select(pilot, "Antwoord bij ervaring-1.")
        await pilot.pause()

    assert snap_compare(app_for(store, session), terminal_size=(100, 30), run_before=run_before)
