"""The interview screen says a refused action (a ``RecorderError``) in the interface
language, not the English ``str()``."""

from __future__ import annotations

import datetime as dt

from interviewer.domain.session import SessionMode
from interviewer.store import SessionStore
from interviewer.tui.app import make_app
from tests.tui.conftest import FakeClock, open_live


async def test_interview_screen_says_a_refused_speaker_in_dutch(
    store: SessionStore, clock: FakeClock
) -> None:
    live = open_live(
        store,
        clock,
        advance_consent=dt.date(2026, 3, 1),
        mode=SessionMode.GROUP,
        participants=["2.1", "2.2"],
    )
    live.recorder.start()
    live.recorder.show_question("ervaring-2")
    app = make_app(store, live=live, lang="nl", clock=clock, blink=False, handle_signals=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.set_paragraph_speaker("9.9")  # type: ignore[attr-defined]
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("'9.9' is geen deelnemer; kies uit: 2.1, 2.2" in m for m in said), said
