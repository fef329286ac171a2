"""The home screen withdraws or deletes the selected session after asking, refuses one that
is open elsewhere, and an empty home suggests ``interviewer demo``."""

from __future__ import annotations

from textual.widgets import OptionList

from interviewer.demo import make_demo
from interviewer.store import SessionStore
from interviewer.withdrawal import read_audit
from tests.tui.conftest import FakeClock, app_for, build_protocol


def _stored(store: SessionStore) -> list[str]:
    demos = make_demo(build_protocol(), case="Borne", respondents=2, minutes=40)
    for demo in demos:
        store.create(demo.session, demo.key)
    return [d.session.id for d in demos]


async def _open_dialog(app, pilot, session_id: str) -> None:  # type: ignore[no-untyped-def]
    listing = app.screen.query_one("#sessions", OptionList)
    listing.highlighted = listing.get_option_index(session_id)
    await pilot.press("d")
    await pilot.pause()
    assert type(app.screen).__name__ == "RemoveSessionDialog"


async def test_cancel_keeps_the_session(store: SessionStore, clock: FakeClock) -> None:
    gone, _kept = _stored(store)
    app = app_for(store, clock, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await _open_dialog(app, pilot, gone)
        await pilot.press("d")  # the home key again: nothing happens
        await pilot.press("enter")  # focus starts on Cancel
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
    assert store.exists(gone) and store.load_key(gone) is not None
    assert read_audit(store.data_dir) == []


async def test_withdraw_removes_the_session_and_records_it(
    store: SessionStore, clock: FakeClock
) -> None:
    gone, kept = _stored(store)
    app = app_for(store, clock, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await _open_dialog(app, pilot, gone)
        await pilot.press("w")
        await pilot.pause()
        listing = app.screen.query_one("#sessions", OptionList)
        ids = {listing.get_option_at_index(i).id for i in range(listing.option_count)}
        assert gone not in ids and kept in ids
        assert any("removed" in n.message for n in app._notifications)
    assert not store.exists(gone) and store.load_key(gone) is None
    assert [(e.kind, e.session) for e in read_audit(store.data_dir)] == [("withdraw", gone)]


async def test_delete_refuses_a_session_open_elsewhere(
    store: SessionStore, clock: FakeClock
) -> None:
    gone, _kept = _stored(store)
    lock = store.lock(gone)
    app = app_for(store, clock, None)
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await _open_dialog(app, pilot, gone)
            await pilot.press("x")
            await pilot.pause()
            assert any("Could not remove" in n.message for n in app._notifications)
    finally:
        lock.release()
    assert store.exists(gone) and read_audit(store.data_dir) == []


async def test_an_empty_home_suggests_the_demo(store: SessionStore, clock: FakeClock) -> None:
    app = app_for(store, clock, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#sessions", OptionList)
        assert "interviewer demo" in str(listing.get_option_at_index(0).prompt)
