"""Snapshots of the interview screen while it is recorded and transcribed live: the pace
bar's badge and level meter, the strip of the last words heard under the notes, the record
key in the footer. Deterministic: a frozen clock, a WAV taken as fast as it is read, a fake
transcriber that hears fixed sentences at fixed points of the audio.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from interviewer.store import SessionStore
from interviewer.tui.session_recording import RecordRequest
from tests.fake_clock import FakeClock
from tests.recording.audio import sine, write_wav
from tests.tui.recording_setup import fake_transcriber, open_recorded, recorded_app, wait_for

SIZES = [(80, 24), (120, 40)]
SAID = [
    (0.2, 1.4, "We started working together in the team two years ago."),
    (1.6, 2.8, "The cooperation with the municipality was difficult at first."),
]


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch):
    """Projected end times are shown in local time: make that UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("size", SIZES)
def test_interview_recorded(snap_compare, tmp_path: Path, size) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_recorded(store, clock, session_id="snap-recorded")
    wav = write_wav(tmp_path / "in.wav", sine(3.0))
    request = RecordRequest(
        audio_input=wav,
        realtime=False,
        model_dir=tmp_path,
        transcriber_factory=fake_transcriber(SAID),
    )

    async def run_before(pilot) -> None:
        await wait_for(pilot, lambda: live.recording is not None and live.recording.ready)
        await pilot.press("space", "ctrl+s")
        await wait_for(pilot, lambda: live.recording.started)
        status = live.recording.status
        await wait_for(pilot, lambda: status().segments == 2 and status().seconds >= 3.0)
        clock.advance(minutes=3)
        await pilot.press(*"Samen begonnen, eerst moeizaam.")
        await pilot.pause()
        pilot.app.screen.refresh_timing()
        pilot.app.screen.refresh_recording()
        await pilot.pause()

    try:
        app = recorded_app(store, clock, live, request)
        assert snap_compare(app, terminal_size=size, run_before=run_before)
    finally:
        live.close()
