"""ctrl+q while nothing could be saved anywhere: the app stays open and offers a folder."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from textual.widgets import Input

from interviewer.store import SessionStore
from interviewer.store.portable import read_portable
from interviewer.tui.dialogs.disk_full import DiskFullDialog
from tests.store.faults import inject
from tests.tui.conftest import app_for, open_live

WORDS = "honderd woorden die niet verloren mogen gaan"


async def _type_with_full_disk(pilot, app, live, monkeypatch):
    await pilot.press("ctrl+s")
    await pilot.pause()
    live.autosaver.retry = 0.05
    fake = inject(monkeypatch, Path("/"), errno.ENOSPC)  # data, cache and temp all full
    await pilot.press(*WORDS)
    await pilot.pause()
    result = live.flush()
    assert not result.ok and result.emergency_path is None
    return fake


async def test_ctrl_q_stays_and_writes_to_a_chosen_folder(
    store: SessionStore, clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = open_live(store, clock)
    live.recorder.confirm_consent("opname")
    app = app_for(store, clock, live)
    usb = tmp_path / "usb"
    usb.mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        fake = await _type_with_full_disk(pilot, app, live, monkeypatch)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, DiskFullDialog)
        assert app.is_running and not live.closed
        text = str(app.screen.query_one("#disk-full-text").render())
        assert "No space left on device" in text and "USB" in text
        # a folder that does not exist: the dialog says so and stays
        app.screen.query_one(Input).value = str(tmp_path / "nowhere")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DiskFullDialog)
        assert "not an existing folder" in str(app.screen.query_one("#disk-full-error").render())
        fake.spare.append(str(usb))
        app.screen.query_one(Input).value = str(usb)
        await pilot.press("enter")
        await pilot.pause()
    [copy] = list(usb.iterdir())
    assert copy.stat().st_mode & 0o777 == 0o600
    assert read_portable(copy).records["ervaring-1"].notes == WORDS
    assert app.exit_message is not None and f"import --replace {copy}" in app.exit_message
    assert app.return_code == 1 and live.closed


async def test_stay_then_saved_again_when_space_returns(
    store: SessionStore, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = open_live(store, clock)
    live.recorder.confirm_consent("opname")
    app = app_for(store, clock, live)
    async with app.run_test(size=(100, 30)) as pilot:
        fake = await _type_with_full_disk(pilot, app, live, monkeypatch)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, DiskFullDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DiskFullDialog) and app.is_running
        app.watch_saves()  # the 1 s watcher sees the failure
        fake.active = False  # space freed: the autosaver's retry saves without a keystroke
        for _ in range(200):
            if live.last_result.ok:
                break
            await pilot.pause(0.02)
        assert live.last_result.ok
        app.watch_saves()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("Saved again" in m for m in messages)
        await pilot.press("ctrl+q")  # unfinished: asks, and now saving works
        await pilot.press("y")
        await pilot.pause()
    assert not app.is_running
    assert SessionStore(store.data_dir).load(live.session.id).records["ervaring-1"].notes == WORDS


async def test_signal_path_is_not_held_up(
    store: SessionStore, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGHUP/SIGTERM cannot wait for an answer: they exit (after every fallback is tried)."""
    live = open_live(store, clock)
    live.recorder.confirm_consent("opname")
    app = app_for(store, clock, live)
    async with app.run_test(size=(100, 30)) as pilot:
        await _type_with_full_disk(pilot, app, live, monkeypatch)
        app.save_and_exit(129, guard=False)
        await pilot.pause()
    assert app.return_code == 129 and live.closed
