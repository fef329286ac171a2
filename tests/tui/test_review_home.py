"""A finished session's review leads back to the home list, also when the session was
started with ``interviewer run`` (no home screen beneath it)."""

from __future__ import annotations

from textual.widgets import OptionList

from interviewer.domain.session import SessionStatus
from interviewer.store import SessionStore
from tests.tui.conftest import FakeClock, app_for, open_live


async def test_escape_from_the_review_goes_home(store: SessionStore, clock: FakeClock) -> None:
    live = open_live(store, clock)
    live.recorder.confirm_consent("opname")
    live.recorder.start()
    app = app_for(store, clock, live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "InterviewScreen"
        await pilot.press(*"Kort gesprek.")
        app.finish_session()
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        listing = app.screen.query_one("#sessions", OptionList)
        assert listing.get_option(live.session.id) is not None
    assert store.load(live.session.id).status is SessionStatus.FINISHED
