"""Coming back continues every editor (point 2); a follow-up that no longer applies is
marked as such and passed over (point 5)."""

from __future__ import annotations

import datetime as dt

from interviewer.store import SessionStore
from tests.tui.conftest import FakeClock, app_for, open_live


async def test_note_parts_continue_after_their_text(store: SessionStore, clock: FakeClock) -> None:
    live = open_live(store, clock, advance_consent=dt.date(2026, 3, 1))
    live.recorder.start()
    live.recorder.show_question("ervaring-3")  # BP/KP parts
    app = app_for(store, clock, live)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bp = app.screen.query_one("PartEditor")
        bp.focus()
        await pilot.pause()
        await pilot.press(*"Korte lijnen")
        await pilot.press("ctrl+b", "ctrl+n")
        await pilot.pause()
        assert live.session.current_question_id == "ervaring-3"
        bp = app.screen.query_one("PartEditor")
        assert bp.text == "Korte lijnen\n" and bp.cursor_location == bp.document.end
        bp.focus()
        await pilot.pause()
        await pilot.press(*"Vaste dag")
        live.flush()
        assert live.session.records["ervaring-3"].parts["bp"] == "Korte lijnen\nVaste dag"
    live.close()


async def test_a_follow_up_that_no_longer_applies(store: SessionStore, clock: FakeClock) -> None:
    live = open_live(store, clock, advance_consent=dt.date(2026, 3, 1))
    live.recorder.start()
    app = app_for(store, clock, live)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.action_answer("yes")  # the 'no' follow-up ervaring-nee no longer applies
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert live.session.current_question_id == "ervaring-2"  # passed over
        lines = [str(o.prompt) for o in app.screen.query_one("#topics")._options]
        assert any("[n/a] Waarom" in line for line in lines), lines
        live.recorder.show_question("ervaring-nee")  # still reachable by a jump
        app.screen.load_question()
        await pilot.pause()
        panel = str(app.screen.query_one("#question").render())
        assert "not applicable: the answer to 'In hoeverre is er sprake van ervaring?' was yes" in (
            panel.replace("\n", " ")
        )
    live.close()
