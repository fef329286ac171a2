"""A whole interview driven through the keyboard, from ``run`` to the finished session."""

from __future__ import annotations

import json
from pathlib import Path

from interviewer.domain.navigation import outline
from interviewer.domain.session import Flag, QuestionState, SessionStatus
from interviewer.store import SessionStore
from interviewer.tui.app import make_app
from interviewer.tui.start import new_live_session
from tests.tui.conftest import FakeClock, build_protocol


def write_protocol(folder: Path) -> Path:
    """The test protocol as a file (JSON is YAML)."""
    path = folder / "tui-test.yaml"
    data = build_protocol().model_dump(mode="json", exclude_defaults=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


async def test_whole_interview(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live, lang = new_live_session(
        store,
        str(write_protocol(tmp_path)),
        case="Borne",
        respondent="1.1",
        clock=clock,
        lang="en",
    )
    assert lang == "en"
    live.open()
    session = live.session
    app = make_app(store, live=live, lang=lang, clock=clock, blink=False, handle_signals=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "IntroductionScreen"
        await pilot.press("ctrl+s")  # refused: consent not ticked
        await pilot.pause()
        assert session.status is SessionStatus.PLANNED
        await pilot.press("space")  # ticks the (required) first item
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "InterviewScreen"
        assert session.current_question_id == "ervaring-1"

        # topic 1: notes, then answer 'no' on the yes/no question
        clock.advance(30)
        await pilot.press(*"nooit gedaan")
        await pilot.pause()
        app.screen.query_one("#quick").focus()
        await pilot.press("right", "space")
        await pilot.pause()
        assert session.records["ervaring-1"].quick_answer == "no"
        items = {i.id: i for i in outline(session, live.engine.snapshot())}
        assert items["ervaring-nee"].highlighted
        await pilot.press("ctrl+n")  # the triggered follow-up comes next
        await pilot.pause()
        assert session.current_question_id == "ervaring-nee"
        assert app.screen.query_one("#question").has_class("relevant")
        await pilot.press(*"geen tijd")

        # out of order: feedback, then tijd (jump list, fuzzy)
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"feedback (", "enter")
        await pilot.pause()
        assert session.current_question_id == "feedback-1"
        await pilot.press(*"veel feedback")
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"tijd (", "enter")
        await pilot.pause()
        assert session.current_question_id == "tijd-1"
        await pilot.press(*"te weinig tijd")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert session.current_question_id == "tijd-2"  # untriggered follow-up passed by
        await pilot.press("ctrl+l")  # skip tijd-2, go on to tijd-3
        await pilot.pause()
        assert session.records["tijd-2"].state is QuestionState.SKIPPED
        assert session.current_question_id == "tijd-3"

        # a note that belongs to another variable too, marked as a quote
        await pilot.press(*"we leren van elkaar")
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press(*"ERVARING", "enter")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert session.records["tijd-3"].tags == ["ervaring"]
        assert Flag.QUOTE in session.records["tijd-3"].flags

        # pause for five minutes on the fake clock
        clock.advance(60)
        await pilot.press("f5")
        await pilot.pause()
        assert session.status is SessionStatus.PAUSED
        clock.advance(minutes=5)
        await pilot.press("f5")
        await pilot.pause()
        assert session.status is SessionStatus.IN_PROGRESS
        assert live.engine.snapshot().paused_seconds == 300

        # back to the first topic: the notes are still there, and typing goes on
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"ervaring (", "enter")
        await pilot.pause()
        notes = app.screen.query_one("#notes")
        assert notes.text == "nooit gedaan\n"  # continued on a new line, cursor at the end
        assert notes.cursor_location == notes.document.end

        # end: what is not covered is listed first; ctrl+n goes on to the closing anyway
        await pilot.press("f10")
        await pilot.pause()
        assert type(app.screen).__name__ == "CoverageCheck"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert type(app.screen).__name__ == "ClosingScreen"
        assert session.current_question_id == "sterk"
        await pilot.press(*"de sfeer")
        app.screen.query_one("#field-mail-controle").focus()
        await pilot.press(*"r@example.org")
        app.screen.query_one("#field-mail-verslag").focus()
        await pilot.press(*"report@example.org")
        await pilot.press("f10")
        await pilot.pause()
        assert type(app.screen).__name__ == "CoverageCheck"  # checked again before finishing
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        assert app.live is None

    stored = SessionStore(tmp_path / "data").load(session.id)
    records = stored.records
    assert stored.status is SessionStatus.FINISHED
    assert records["ervaring-1"].notes == "nooit gedaan"
    assert records["ervaring-1"].quick_answer == "no"
    assert records["ervaring-nee"].notes == "geen tijd"
    assert records["feedback-1"].notes == "veel feedback"
    assert records["tijd-1"].notes == "te weinig tijd"
    assert records["tijd-2"].state is QuestionState.SKIPPED
    assert records["tijd-3"].tags == ["ervaring"]
    assert records["sterk"].notes == "de sfeer"
    key = store.load_key(session.id)
    assert key is not None
    assert key.fields == {"mail-controle": "r@example.org", "mail-verslag": "report@example.org"}
    raw = next((tmp_path / "data").rglob(f"{session.id}*.json")).read_text()
    assert "example.org" not in raw
