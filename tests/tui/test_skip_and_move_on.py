"""ctrl+l on a question with notes asks first; ctrl+n marks asked (issue 10, points 5 and 7)."""

from __future__ import annotations

import datetime as dt

from interviewer.domain.session import QuestionState
from interviewer.store import SessionStore
from interviewer.tui.dialogs.confirm import ConfirmDialog
from tests.tui.conftest import FakeClock, app_for, open_live


async def test_skipping_a_question_with_notes_asks_first(
    store: SessionStore, clock: FakeClock
) -> None:
    live = open_live(store, clock, advance_consent=dt.date(2026, 3, 1))
    live.recorder.start()
    session = live.session
    app = app_for(store, clock, live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert session.current_question_id == "ervaring-1"
        await pilot.press(*"net begonnen")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # notes: ask before skipping
        assert session.records["ervaring-1"].state is QuestionState.ASKED
        await pilot.press("n")  # keep it: nothing changes, the typing goes on
        await pilot.pause()
        assert type(app.screen).__name__ == "InterviewScreen"
        assert session.current_question_id == "ervaring-1"
        assert session.records["ervaring-1"].state is QuestionState.ASKED
        await pilot.press(*" werk")
        await pilot.pause()
        assert app.screen.query_one("#notes").text == "net begonnen werk"

        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")  # skip after all: notes kept, on to the next question
        await pilot.pause()
        record = session.records["ervaring-1"]
        assert record.state is QuestionState.SKIPPED and record.notes == "net begonnen werk"
        assert session.current_question_id == "ervaring-2"  # untriggered follow-up passed

        await pilot.press("ctrl+l")  # no notes: skipped at once, no question
        await pilot.pause()
        assert type(app.screen).__name__ == "InterviewScreen"
        assert session.records["ervaring-2"].state is QuestionState.SKIPPED
        assert session.current_question_id == "ervaring-3"
    live.close()


async def test_ctrl_n_marks_asked_and_goes_to_the_triggered_follow_up(
    store: SessionStore, clock: FakeClock
) -> None:
    live = open_live(store, clock, advance_consent=dt.date(2026, 3, 1))
    live.recorder.start()
    session = live.session
    live.recorder.show_question("ervaring-2")
    app = app_for(store, clock, live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")  # asked aloud, nothing typed
        await pilot.pause()
        assert session.records["ervaring-2"].state is QuestionState.ASKED
        assert session.current_question_id == "ervaring-3"
        live.recorder.show_question("ervaring-1")
        live.recorder.set_quick_answer("ervaring-1", "no")
        app.screen.load_question()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert session.current_question_id == "ervaring-nee"
        panel = app.screen.query_one("#question")
        assert panel.has_class("relevant")
        assert (
            "because the answer to 'In hoeverre is er sprake van ervaring?' was no"
            in panel.render().plain
        )
    live.close()
