"""The home screen and a session's audio recordings: the removal question names them (as the
CLI's plan does) before withdrawing deletes them, and resuming repairs a recording a crash
left behind, saying so, while a damaged one is a warning and the interview opens anyway."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Static

from interviewer.demo import make_demo
from interviewer.recording import RecordingWriter, recordings_folder
from interviewer.store import SessionStore
from interviewer.tui.app import make_app
from tests.recording.audio import frames_of, read_wav, sine
from tests.tui.conftest import FakeClock, app_for, build_protocol, open_live


def _record(store: SessionStore, session_id: str, seconds: float, close: bool = True):
    writer = RecordingWriter(store.data_dir, session_id, session_start=0.0)
    for frame in frames_of(sine(seconds)):
        writer.write(frame)
    if close:
        writer.close()
    return writer


async def _question(app, pilot, session_id: str) -> str:  # type: ignore[no-untyped-def]
    listing = app.screen.query_one("#sessions", OptionList)
    listing.highlighted = listing.get_option_index(session_id)
    await pilot.press("d")
    await pilot.pause()
    assert type(app.screen).__name__ == "RemoveSessionDialog"
    return str(app.screen.query_one(".dialog-text", Static).render())


@pytest.mark.parametrize(
    ("lang", "named"), [("en", "2 audio recording(s)"), ("nl", "2 geluidsopname(n)")]
)
async def test_the_removal_question_names_the_recordings(
    store: SessionStore, clock: FakeClock, lang: str, named: str
) -> None:
    demos = make_demo(build_protocol(), case="Borne", respondents=2, minutes=40)
    for demo in demos:
        store.create(demo.session, demo.key)
    recorded, plain = (demo.session.id for demo in demos)
    _record(store, recorded, 0.5)
    _record(store, recorded, 0.3)  # two .wav, each with its .json: two recordings
    app = make_app(store, lang=lang, clock=clock, blink=False, handle_signals=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        question = await _question(app, pilot, recorded)
        assert named in question
        await pilot.press("escape")
        await pilot.pause()
        question = await _question(app, pilot, plain)
        assert "audio recording" not in question and "geluidsopname" not in question
        await pilot.press("escape")
        await pilot.pause()
        await _question(app, pilot, recorded)
        await pilot.press("w" if lang == "en" else "t")
        await pilot.pause()
    assert not recordings_folder(store.data_dir, recorded).exists()
    assert not store.exists(recorded) and store.exists(plain)


async def test_resuming_from_home_repairs_a_crashed_recording(
    store: SessionStore, clock: FakeClock
) -> None:
    live = open_live(store, clock)
    live.recorder.confirm_consent("opname")
    live.recorder.start()
    live.close()
    session_id = live.session.id
    crashed = _record(store, session_id, 2.6, close=False)  # a kill -9 mid-recording
    app = app_for(store, clock, None)
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await pilot.press("r")
            await pilot.pause()
            assert app.live is not None and app.live.session.id == session_id
            said = [n.message for n in app._notifications]
            assert any("Recording repaired" in m and "0.wav (2.6 s" in m for m in said)
            app.live.close()
            app.live = None
    finally:
        crashed.close()
    assert read_wav(crashed.path)[1] == sine(2.6)


async def test_a_damaged_recording_warns_and_the_interview_opens(
    store: SessionStore, clock: FakeClock
) -> None:
    live = open_live(store, clock)
    live.recorder.confirm_consent("opname")
    live.recorder.start()
    live.close()
    folder = recordings_folder(store.data_dir, live.session.id)
    folder.mkdir(parents=True)
    (folder / "0.wav").write_bytes(b"RIFF")  # the power went while the header was written
    app = app_for(store, clock, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert app.live is not None and app.live.session.id == live.session.id
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert any("0.wav" in n.message and "interview goes on" in n.message for n in warnings)
        app.live.close()
        app.live = None
