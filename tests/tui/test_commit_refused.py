"""A note the recorder refuses is never dropped: the screen stays, the text stays, and the
interviewer is told (issue 15, point 2: nothing on the notes path is swallowed)."""

from __future__ import annotations

from textual.widgets import TextArea

from interviewer.domain.recorder import RecorderError
from tests.tui.conftest import app_for, open_live


async def test_a_refused_note_keeps_the_question_and_the_text(store, clock) -> None:
    live = open_live(store, clock)
    live.recorder.confirm_consent("opname")
    app = app_for(store, clock, live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        before = live.session.current_question_id
        await pilot.press(*"eerste woorden")
        await pilot.pause()

        def refuse(question_id: str, text: str) -> None:
            raise RecorderError("recorder.error.unknown_question", qid=question_id)

        live.recorder.set_notes = refuse  # type: ignore[method-assign]
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert live.session.current_question_id == before
        assert app.screen.query_one("#notes", TextArea).text.startswith("eerste woorden")
        assert any(n.severity == "error" for n in app._notifications)
