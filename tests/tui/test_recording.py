"""Recording the interview in the app (issue 16), driven with the keyboard: a generated WAV
plays into the session through ``FileSource`` (what ``--audio-input`` does), no model.

Consent and the clock start it, ``f5`` pauses it (nothing written), ``f8`` switches it off
and on, the pace bar shows its state and level, a silent input is reported as a dead
microphone, finishing closes a playable file; what keeps it from recording is one line and
the interview runs anyway.
"""

from __future__ import annotations

import stat
import wave
from pathlib import Path

import pytest

from interviewer.recording.frames import AudioUnavailable
from interviewer.store import SessionStore
from interviewer.tui.live import LiveSession
from interviewer.tui.session_recording import RecordRequest
from interviewer.tui.widgets.live_strip import LiveStrip
from tests.fake_clock import FakeClock
from tests.recording.audio import frames_of, silence, sine, write_wav
from tests.tui.recording_setup import (
    BehindTranscriber,
    fake_transcriber,
    messages,
    open_recorded,
    pace_text,
    recorded_app,
    settle,
    wait_for,
)


def recordings(store: SessionStore, session_id: str) -> list[Path]:
    folder = store.data_dir / "recordings" / session_id
    return sorted(folder.glob("*.wav")) if folder.is_dir() else []


def record_key_shown(app) -> bool:
    """The footer shows f8 (a binding hidden by ``check_action`` is not active at all)."""
    return any(
        active.binding.key == "f8" and active.binding.show and active.enabled
        for active in app.screen.active_bindings.values()
    )


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 16000)
        return wav.getnframes() / 16000


async def start_interview(pilot, app, live) -> None:
    """Tick the consent to recording, start the clock and wait until recording runs."""
    await wait_for(pilot, lambda: live.recording is not None and live.recording.ready)
    await pilot.press("space", "ctrl+s")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "InterviewScreen")
    await wait_for(pilot, lambda: live.recording.started)


async def finish_interview(pilot, app, lands_on: str = "ReviewScreen") -> None:
    """f10, past the coverage check, f10 again, yes: the finished session's review (or
    ``lands_on``, the screen shown then)."""
    await pilot.press("f10")
    await pilot.pause()
    await pilot.press("ctrl+n")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "ClosingScreen")
    await pilot.press("f10")
    await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()
    await pilot.press("y")
    await wait_for(pilot, lambda: type(app.screen).__name__ == lands_on)


async def test_recording_starts_with_consent_and_the_clock(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_recorded(store, clock)
    wav = write_wav(tmp_path / "in.wav", sine(2.0))
    app = recorded_app(store, clock, live, RecordRequest(audio_input=wav))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: live.recording is not None and live.recording.ready)
        await pilot.press("ctrl+s")  # refused: the consent is not ticked
        await settle(0.3)
        assert type(app.screen).__name__ == "IntroductionScreen"
        assert recordings(store, live.session.id) == []  # nothing before the clock
        await pilot.press("space", "ctrl+s")
        await wait_for(pilot, lambda: live.recording.started)
        await wait_for(pilot, lambda: live.recording.status().seconds >= 0.3)
        [path] = recordings(store, live.session.id)
        assert path.name == "0.wav"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        await wait_for(pilot, lambda: "● REC" in pace_text(app))
        # the microphone's level: a loud sine lights the meter
        await wait_for(pilot, lambda: "▂▄▆" in pace_text(app))
        assert record_key_shown(app)
        assert not app.screen.query_one(LiveStrip).display  # not transcribing: no strip


async def test_f5_pauses_the_recording_and_f8_switches_it(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_recorded(store, clock)
    wav = write_wav(tmp_path / "in.wav", sine(6.0))
    app = recorded_app(store, clock, live, RecordRequest(audio_input=wav))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_interview(pilot, app, live)
        recording = live.recording
        await wait_for(pilot, lambda: recording.status().seconds >= 0.5)

        await pilot.press("f5")
        await wait_for(pilot, lambda: "‖ REC" in pace_text(app))
        assert live.session.status.value == "paused"
        before = recording.status()
        assert not before.writing
        await settle(0.8)  # the file goes on playing; nothing of it is written
        assert recording.status().seconds == before.seconds
        paused_at = before.seconds

        await pilot.press("f5")
        await wait_for(pilot, lambda: recording.status().seconds >= paused_at + 0.3)
        assert "● REC" in pace_text(app)

        await pilot.press("f8")  # switched off
        await wait_for(pilot, lambda: "○ rec off" in pace_text(app))
        assert not recording.status().active
        off_at = recording.status().seconds
        await settle(0.5)
        assert recording.status().seconds == off_at
        assert any("switched off" in m for m in messages(app))
        await pilot.press("f8")  # and on again
        await wait_for(pilot, lambda: recording.status().seconds >= off_at + 0.3)
        assert "● REC" in pace_text(app)

        await finish_interview(pilot, app)
    [path] = recordings(store, live.session.id)
    # what was played while paused or off is not in the file
    assert wav_seconds(path) == pytest.approx(recording.status().seconds, abs=0.01)
    assert wav_seconds(path) <= 6.0 - 1.2


async def test_finishing_closes_a_playable_file(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_recorded(store, clock)
    wav = write_wav(tmp_path / "in.wav", sine(1.5))
    request = RecordRequest(audio_input=wav, realtime=False)
    app = recorded_app(store, clock, live, request)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_interview(pilot, app, live)
        await pilot.press(*"korte notitie")
        await wait_for(pilot, lambda: live.recording.status().seconds >= 1.5)
        recording = live.recording
        await finish_interview(pilot, app)
        assert recording.ended
    [path] = recordings(store, live.session.id)
    assert wav_seconds(path) == pytest.approx(1.5, abs=0.01)
    with wave.open(str(path), "rb") as played:  # the header agrees with the data
        assert len(played.readframes(played.getnframes())) == 1.5 * 32000


async def test_a_silent_microphone_is_reported(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_recorded(store, clock)
    wav = write_wav(tmp_path / "silent.wav", silence(22.0))
    app = recorded_app(store, clock, live, RecordRequest(audio_input=wav, realtime=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_interview(pilot, app, live)
        await wait_for(
            pilot, lambda: any("No sound from the microphone" in m for m in messages(app))
        )
        assert "▁▁▁▁" in pace_text(app)
        said = [m for m in messages(app) if "No sound" in m]
        assert len(said) == 1


async def test_a_sound_input_is_not_reported_as_silent(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_recorded(store, clock)
    wav = write_wav(tmp_path / "quiet.wav", sine(22.0, amplitude=0.01))  # about -43 dBFS
    app = recorded_app(store, clock, live, RecordRequest(audio_input=wav, realtime=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_interview(pilot, app, live)
        await wait_for(pilot, lambda: live.recording.status().seconds >= 22.0)
        await settle(0.6)  # a few timer rounds
        assert not any("No sound" in m for m in messages(app))


async def test_without_consent_one_line_and_no_recording(tmp_path: Path) -> None:
    """Consent obtained in advance starts the clock, but never the recorder: the one line,
    and the interview runs."""
    import datetime as dt

    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_recorded(store, clock, advance_consent=dt.date(2026, 3, 1))
    wav = write_wav(tmp_path / "in.wav", sine(2.0))
    app = recorded_app(store, clock, live, RecordRequest(audio_input=wav))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: live.recording is not None and live.recording.ready)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "InterviewScreen")
        await wait_for(pilot, lambda: any("Not recording" in m for m in messages(app)))
        await pilot.press(*"loopt gewoon")
        await pilot.pause()
        assert live.session.records["ervaring-1"].notes == "loopt gewoon"
        assert recordings(store, live.session.id) == []
        assert "REC" not in pace_text(app)
        assert not record_key_shown(app)  # no recording: no record key in the footer


@pytest.mark.parametrize("missing", ["portaudio", "microphone"])
async def test_no_microphone_one_line_and_the_interview_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    import interviewer.recording.source as source

    if missing == "portaudio":

        def no_portaudio():
            raise AudioUnavailable("recording.no_portaudio", reason="libportaudio.so.2")

        monkeypatch.setattr(source, "sounddevice_module", no_portaudio)
        expected = "apt install libportaudio2"
    else:
        monkeypatch.setattr(source, "sounddevice_module", lambda: object())
        monkeypatch.setattr(source, "list_input_devices", lambda: [])
        expected = "No microphone found"
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_recorded(store, clock)
    app = recorded_app(store, clock, live, RecordRequest())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: any(expected in m for m in messages(app)))
        [line] = [m for m in messages(app) if expected in m]
        assert "\n" not in line and "without recording" in line
        assert live.recording is None
        await pilot.press("space", "ctrl+s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "InterviewScreen")
        await pilot.press(*"gewoon verder")
        await pilot.pause()
        assert live.session.records["ervaring-1"].notes == "gewoon verder"
        assert recordings(store, live.session.id) == []


async def test_the_lines_of_the_command_are_shown(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_recorded(store, clock)
    line = "Recording without live transcription: no model folder."
    app = recorded_app(store, clock, live, RecordRequest(), record_lines=(line,))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert line in messages(app)


async def test_live_strip_shows_what_was_heard(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_recorded(store, clock)
    wav = write_wav(tmp_path / "in.wav", sine(3.0))
    factory = fake_transcriber(
        [(0.2, 1.0, "We started two years ago."), (1.2, 2.5, "It improved after that.")]
    )
    request = RecordRequest(
        audio_input=wav, realtime=False, model_dir=tmp_path, transcriber_factory=factory
    )
    app = recorded_app(store, clock, live, request)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_interview(pilot, app, live)
        strip = app.screen.query_one(LiveStrip)
        await wait_for(pilot, lambda: "It improved after that." in str(strip.render()))
        assert strip.display
        assert "We started two years ago." in str(strip.render())
        assert "up to date" in str(strip.border_title)
        await finish_interview(pilot, app)
    [transcriber] = factory.made
    assert transcriber.stopped and not transcriber.aborted
    from interviewer.transcript.storage import TranscriptStore

    transcript = TranscriptStore(store.data_dir).load(live.session.id)
    assert [s.text for s in transcript.segments] == [
        "We started two years ago.",
        "It improved after that.",
    ]


async def test_quitting_stops_the_recording_quickly(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_recorded(store, clock)
    wav = write_wav(tmp_path / "in.wav", sine(30.0))
    factory = fake_transcriber([])
    request = RecordRequest(audio_input=wav, model_dir=tmp_path, transcriber_factory=factory)
    app = recorded_app(store, clock, live, request)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_interview(pilot, app, live)
        await wait_for(pilot, lambda: live.recording.status().seconds >= 0.5)
        recording = live.recording
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")  # quit the unfinished interview
        await wait_for(pilot, lambda: recording.ended, timeout=5)
    [path] = recordings(store, live.session.id)
    assert 0.4 <= wav_seconds(path) < 5.0  # closed as written, not the whole file
    assert factory.made[0].stopped


async def test_leaving_the_transcript_for_later(tmp_path: Path) -> None:
    """Finishing waits for the transcriber and says how much audio is left; escape stops it
    and the review says ``interviewer transcribe ID`` finishes the transcript."""
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    live = open_recorded(store, clock)
    wav = write_wav(tmp_path / "in.wav", sine(1.0))
    factory = fake_transcriber([], BehindTranscriber)
    request = RecordRequest(
        audio_input=wav, realtime=False, model_dir=tmp_path, transcriber_factory=factory
    )
    app = recorded_app(store, clock, live, request)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_interview(pilot, app, live)
        await finish_interview(pilot, app, lands_on="FinishingDialog")
        left = app.screen.query_one("#finishing-left")
        await wait_for(pilot, lambda: "7 s of audio left" in str(left.render()))
        assert live.session.status.value == "finished"  # the session is saved and closed
        assert live.closed
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ReviewScreen")
        [transcriber] = factory.made
        assert transcriber.aborted
        said = f"interviewer transcribe {live.session.id} finishes it"
        assert any(said in m for m in messages(app))
        assert app.exit_message is not None and said in app.exit_message
    [path] = recordings(store, live.session.id)
    assert wav_seconds(path) == pytest.approx(1.0, abs=0.01)


async def test_strip_times_are_recording_positions(tmp_path: Path) -> None:
    """The strip shows where a line is in the recordings, as the transcript stores it: in a
    resumed sitting after the first file's 62 s (not this sitting's seconds, not the wall
    clock's ten minutes later)."""
    from interviewer.recording.writer import RecordingWriter
    from interviewer.transcript.storage import TranscriptStore

    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    first = open_recorded(store, clock)
    first.recorder.confirm_consent("opname")
    first.recorder.start()
    with RecordingWriter(store.data_dir, first.session.id, session_start=0.0) as writer:
        for frame in frames_of(silence(62.0)):
            writer.write(frame)
    clock.advance(62)
    first.close()
    clock.advance(600)
    live = LiveSession(store, store.load(first.session.id), clock=clock).open()
    live.recover()
    wav = write_wav(tmp_path / "in.wav", sine(2.0))
    factory = fake_transcriber([(0.5, 1.5, "After the break.")])
    request = RecordRequest(
        audio_input=wav, realtime=False, model_dir=tmp_path, transcriber_factory=factory
    )
    app = recorded_app(store, clock, live, request)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: live.recording is not None and live.recording.ready)
        await pilot.press("f5")  # the resumed interview's clock runs: 1.wav
        strip = app.screen.query_one(LiveStrip)
        await wait_for(pilot, lambda: "After the break." in str(strip.render()))
        assert "01:02" in str(strip.render())
    [segment] = TranscriptStore(store.data_dir).load(live.session.id).segments
    assert segment.start == 62.5


async def test_a_resumed_session_records_from_its_first_f5(tmp_path: Path) -> None:
    """Reopened after a crash the clock is paused: a file played in (or the microphone)
    is not spent on the paused clock, and no empty file is made before the clock runs."""
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    first = open_recorded(store, clock)
    first.recorder.confirm_consent("opname")
    first.recorder.start()
    first.close()
    live = LiveSession(store, store.load(first.session.id), clock=clock).open()
    live.recover()
    assert live.session.status.value == "paused"
    wav = write_wav(tmp_path / "in.wav", sine(3.0))
    app = recorded_app(store, clock, live, RecordRequest(audio_input=wav))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: live.recording is not None and live.recording.ready)
        await settle(0.6)
        assert not live.recording.started
        assert recordings(store, live.session.id) == []
        await pilot.press("f5")  # the interviewer resumes the interview
        await wait_for(pilot, lambda: live.recording.started)
        await wait_for(pilot, lambda: live.recording.status().seconds >= 1.0)
        assert "● REC" in pace_text(app)
