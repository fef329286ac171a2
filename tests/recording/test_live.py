"""LiveRecording: consent first, frames to the file with their interview second, pauses and the
record key, segments filed under the question on screen, and the end (with a fake transcriber:
the real one has its own tests)."""

from __future__ import annotations

import datetime as dt
import threading
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import AdvanceConsent
from interviewer.domain.session_factory import new_session
from interviewer.recording import AudioUnavailable, Frame, RecordingError
from interviewer.recording.live import LiveRecording
from interviewer.recording.timemap import load_map
from interviewer.recording.writer import audio_seconds
from interviewer.transcript import TranscriptStore, align
from interviewer.transcript.heard import RECORDED
from interviewer.transcript.model import Segment
from tests.domain.conftest import build_protocol
from tests.fake_clock import FakeClock
from tests.recording.audio import frames_of, silence, sine


@dataclass(frozen=True)
class HeardSegment:
    """The shape of ``recording.transcriber.HeardSegment`` (session seconds)."""

    start: float
    end: float
    text: str


class HandSource:
    """A source the test drives: ``play`` delivers frames as the microphone would."""

    def __init__(self) -> None:
        self.on_frame = None
        self.stopped = False

    def start(self, on_frame) -> None:  # type: ignore[no-untyped-def]
        self.on_frame = on_frame

    def play(self, seconds: float, start: float) -> None:
        for frame in frames_of(sine(seconds), start=start):
            assert self.on_frame is not None
            self.on_frame(frame)

    def stop(self) -> None:
        self.stopped = True

    def join(self, timeout: float | None = None) -> bool:
        return True


class FakeTranscriber:
    """Keeps what it is fed; the test says when a segment is heard."""

    instances: ClassVar[list[FakeTranscriber]] = []

    def __init__(self, model_dir: Path, language: str, *, on_segment) -> None:  # type: ignore[no-untyped-def]
        self.model_dir, self.language, self.on_segment = model_dir, language, on_segment
        self.fed: list[tuple[float, int]] = []
        self.gaps = 0
        self.stopped_with: float | str | None = "not stopped"
        self.aborted = False
        self.error = None
        FakeTranscriber.instances.append(self)

    def start(self) -> None:
        pass

    def feed(self, at: float, pcm: bytes) -> None:
        self.fed.append((round(at, 3), len(pcm)))

    def gap(self) -> None:
        self.gaps += 1

    @property
    def behind_seconds(self) -> float:
        return 1.5

    def stop(self, timeout: float | None = None) -> bool:
        self.stopped_with = timeout
        return True

    def abort(self) -> None:
        self.aborted = True

    def hear(self, start: float, end: float, text: str) -> None:
        self.on_segment(HeardSegment(start, end, text))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def recorder(clock: FakeClock) -> SessionRecorder:
    protocol: InterviewProtocol = build_protocol(
        introduction={
            "script": "Welkom.",
            "checklist": [{"id": "opname", "label": "Opname", "required": True, "recording": True}],
        }
    )
    session = new_session(protocol, case="Borne", respondent="1.1", clock=clock)
    return SessionRecorder(session, clock=clock)


def live(tmp_path: Path, recorder: SessionRecorder, source: HandSource, **kw) -> LiveRecording:  # type: ignore[no-untyped-def]
    return LiveRecording(
        tmp_path, recorder, source, model_dir=tmp_path / "model",
        transcriber_factory=FakeTranscriber, **kw,
    )  # fmt: skip


def test_no_recording_without_the_ticked_consent_item(
    tmp_path: Path, recorder: SessionRecorder
) -> None:
    # consent obtained in advance starts the clock, not the recorder
    recorder.session.advance_consent = AdvanceConsent(obtained_on=dt.date(2026, 3, 1))
    recorder.start()
    recording = live(tmp_path, recorder, HandSource())
    with pytest.raises(RecordingError) as caught:
        recording.start()
    assert caught.value.message_key == "recording.no_consent"
    assert not (tmp_path / "recordings").exists()


def test_frames_get_their_interview_second_and_segments_their_question(
    tmp_path: Path, recorder: SessionRecorder, clock: FakeClock
) -> None:
    recorder.confirm_consent("opname")
    recorder.start()
    recorder.show_question("ervaring-1")
    clock.advance(12)  # the clock ran 12 s before the recording started
    source = HandSource()
    recording = live(tmp_path, recorder, source, language="en")
    recording.start()
    (transcriber,) = FakeTranscriber.instances[-1:]
    assert transcriber.language == "en"
    source.play(1.0, start=0.0)
    assert transcriber.fed[0] == (12.0, 3200) and transcriber.fed[-1][0] == 12.9
    clock.advance(20)
    recorder.show_question("ervaring-2")  # at 32 s
    transcriber.hear(13.0, 15.0, "It started two years ago.")
    transcriber.hear(33.0, 36.0, "It helps.")
    lines = recording.recent_lines(5)
    assert [(x.start, x.text) for x in lines] == [  # recording positions: where in 0.wav
        (1.0, "It started two years ago."),
        (21.0, "It helps."),
    ]
    stored = TranscriptStore(tmp_path).load(recorder.session.id)  # saved with every segment
    assert stored.source_format == RECORDED and stored.offset == 0.0
    assert stored.clock is not None and stored.clock.anchors == ((0.0, 12.0),)
    placed = align(recorder.session, stored)
    assert [a.question_id for a in placed] == ["ervaring-1", "ervaring-2"]
    status = recording.status()
    assert status.writing and status.transcribing and status.segments == 2
    assert status.behind_seconds == 1.5 and status.seconds == pytest.approx(1.0)
    assert status.level_dbfs > -10  # a sine at half scale
    assert recording.stop(timeout=7.0)
    assert transcriber.stopped_with == 7.0 and source.stopped
    assert not recording.status().writing


def test_pause_and_the_record_key_write_nothing_and_cut_phrases(
    tmp_path: Path, recorder: SessionRecorder, clock: FakeClock
) -> None:
    recorder.confirm_consent("opname")
    recorder.start()
    source = HandSource()
    recording = live(tmp_path, recorder, source)
    recording.start()
    transcriber = FakeTranscriber.instances[-1]
    source.play(1.0, start=0.0)
    recording.pause()  # f5
    source.play(2.0, start=1.0)
    recording.resume()
    source.play(1.0, start=3.0)
    assert recording.toggle() is False  # the interviewer switches it off
    source.play(1.0, start=4.0)
    assert not recording.status().writing and not recording.status().active
    assert recording.toggle() is True
    source.play(1.0, start=5.0)
    path = recording.path
    assert path is not None
    recording.stop()
    with wave.open(str(path)) as wav:
        assert wav.getnframes() == 3 * 16000  # 1 + 1 + 1 s: paused and switched-off time left out
    time_map = load_map(path)
    assert time_map is not None
    assert [round(time_map.to_session(t), 3) for t in (0.5, 1.5, 2.5)] == [0.5, 3.5, 5.5]
    fed_starts = sorted({int(at) for at, _ in transcriber.fed})
    assert fed_starts == [0, 3, 5]  # the transcriber heard only what was written
    assert transcriber.gaps == 2


def test_switching_on_again_needs_consent(tmp_path: Path, recorder: SessionRecorder) -> None:
    recorder.confirm_consent("opname")
    recorder.start()
    recording = live(tmp_path, recorder, HandSource())
    recording.start()
    assert recording.toggle() is False
    recorder.session.consent.clear()  # consent withdrawn during the interview
    with pytest.raises(RecordingError):
        recording.toggle()
    assert not recording.status().active
    recording.abort()
    assert FakeTranscriber.instances[-1].aborted


def test_a_source_that_cannot_start_leaves_no_empty_file(
    tmp_path: Path, recorder: SessionRecorder
) -> None:
    class NoMicrophone(HandSource):
        def start(self, on_frame) -> None:  # type: ignore[no-untyped-def]
            raise AudioUnavailable("recording.no_sounddevice")

    recorder.confirm_consent("opname")
    recorder.start()
    recording = LiveRecording(tmp_path, recorder, NoMicrophone())
    with pytest.raises(AudioUnavailable):
        recording.start()
    assert list((tmp_path / "recordings" / recorder.session.id).iterdir()) == []


def test_a_resumed_session_continues_its_recorded_transcript_in_a_new_file(
    tmp_path: Path, recorder: SessionRecorder, clock: FakeClock
) -> None:
    recorder.confirm_consent("opname")
    recorder.start()
    first = live(tmp_path, recorder, HandSource())
    first.start()
    FakeTranscriber.instances[-1].hear(1.0, 2.0, "One.")
    first.stop()
    clock.advance(60)
    second = live(tmp_path, recorder, HandSource())
    second.start()
    FakeTranscriber.instances[-1].hear(61.0, 62.0, "Two.")
    second.stop()
    assert [s.text for s in TranscriptStore(tmp_path).load(recorder.session.id).segments] == [
        "One.",
        "Two.",
    ]
    assert second.path is None
    names = sorted(p.name for p in (tmp_path / "recordings" / recorder.session.id).iterdir())
    assert names == ["0.json", "0.wav", "1.json", "1.wav"]


def test_a_full_disk_is_reported_and_the_recording_goes_on(
    tmp_path: Path, recorder: SessionRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder.confirm_consent("opname")
    recorder.start()
    source = HandSource()
    updates = threading.Event()
    recording = live(tmp_path, recorder, source, on_update=updates.set)
    recording.start()
    writer = recording._writer
    assert writer is not None
    real_write = writer.write
    failing = {"on": True}

    def write(frame: Frame) -> None:
        if failing["on"]:
            raise RecordingError("recording.write_failed", path="x", reason="No space left")
        real_write(frame)

    monkeypatch.setattr(writer, "write", write)
    source.play(0.5, start=0.0)
    problem = recording.status().problem
    assert problem is not None and problem.message_key == "recording.write_failed"
    assert updates.is_set()
    failing["on"] = False
    source.play(0.5, start=0.5)
    assert recording.status().seconds == pytest.approx(0.5)


class SilentSource(HandSource):
    """A microphone that stops delivering (unplugged): never ends by itself."""

    def join(self, timeout: float | None = None) -> bool:
        return self.stopped


def test_a_microphone_that_stops_delivering_is_reported(
    tmp_path: Path, recorder: SessionRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder.confirm_consent("opname")
    recorder.start()
    now = {"t": 1000.0}
    monkeypatch.setattr("interviewer.recording.live.time.monotonic", lambda: now["t"])
    source = SilentSource()
    recording = LiveRecording(tmp_path, recorder, source)
    recording.start()
    source.play(1.0, start=0.0)
    now["t"] += 2.0
    assert recording.status().problem is None  # frames every 0.1 s; 2 s is not yet a stall
    now["t"] += 2.0
    problem = recording.status().problem
    assert problem is not None and problem.message_key == "recording.source_stalled"
    assert "no sound has arrived" in problem.message("en").lower()
    source.play(0.2, start=1.0)  # it delivers again: the problem is gone
    assert recording.status().problem is None
    recording.stop()
    now["t"] += 10.0
    assert recording.status().problem is None  # stopped on purpose


def test_a_failed_source_is_reported(tmp_path: Path, recorder: SessionRecorder) -> None:
    recorder.confirm_consent("opname")
    recorder.start()
    source = SilentSource()
    recording = LiveRecording(tmp_path, recorder, source)
    recording.start()
    source.error = OSError("device unavailable")  # type: ignore[attr-defined]
    problem = recording.status().problem
    assert problem is not None and problem.message_key == "recording.source_failed"
    assert "device unavailable" in problem.message("nl")
    recording.abort()


def test_a_transcriber_that_failed_is_not_shown_as_transcribing(
    tmp_path: Path, recorder: SessionRecorder
) -> None:
    recorder.confirm_consent("opname")
    recorder.start()
    recording = live(tmp_path, recorder, HandSource())
    recording.start()
    transcriber = FakeTranscriber.instances[-1]
    assert recording.status().transcribing
    transcriber.error = RecordingError(
        "recording.transcriber.english_only", path="m", language="nl"
    )
    status = recording.status()
    assert not status.transcribing
    assert status.problem is transcriber.error
    assert status.writing  # the recording itself goes on
    recording.stop()


def _loud_from(path: Path) -> float:
    """The first second of ``path`` at which the audio is not silent."""
    with wave.open(str(path)) as wav:
        data = wav.readframes(wav.getnframes())
    first = next(i for i in range(0, len(data), 2) if data[i : i + 2] != b"\x00\x00")
    return first / 2 / 16000


def test_lines_are_stamped_where_they_are_in_the_file_after_a_pause_and_the_record_key(
    tmp_path: Path, recorder: SessionRecorder, clock: FakeClock
) -> None:
    recorder.confirm_consent("opname")
    recorder.start()
    recorder.show_question("ervaring-1")
    clock.advance(3)
    source = HandSource()
    recording = live(tmp_path, recorder, source)
    recording.start()  # session second 3 = source second 0
    transcriber = FakeTranscriber.instances[-1]

    def play(pcm: bytes, start: float) -> None:
        assert source.on_frame is not None
        for frame in frames_of(pcm, start=start):
            source.on_frame(frame)

    play(silence(2.0), start=0.0)  # 0.wav 0-2
    recording.pause()  # f5 for 4 s; the next question comes up meanwhile
    play(silence(4.0), start=2.0)
    clock.advance(5)
    recorder.show_question("ervaring-2")  # session 8, 0.wav 2: ervaring-1 until then
    recording.resume()
    play(sine(1.0), start=6.0)  # 0.wav 2-3: the first sound in the file
    assert recording.toggle() is False  # f8: off for 2 s
    play(silence(2.0), start=7.0)
    assert recording.toggle() is True
    play(sine(1.0, amplitude=0.2), start=9.0)  # 0.wav 3-4
    transcriber.hear(3 + 6.0, 3 + 7.0, "First.")  # the transcriber hears in session seconds
    transcriber.hear(3 + 9.0, 3 + 10.0, "Second.")
    path = recording.path
    assert path is not None
    recording.stop()
    assert audio_seconds(path) == 4.0
    assert _loud_from(path) == pytest.approx(2.0, abs=2 / 16000)  # "First." in the file
    assert [(x.start, x.text) for x in recording.recent_lines(5)] == [
        (2.0, "First."),
        (3.0, "Second."),
    ]
    stored = TranscriptStore(tmp_path).load(recorder.session.id)
    assert [(s.start, s.end) for s in stored.segments] == [(2.0, 3.0), (3.0, 4.0)]
    assert stored.clock is not None
    assert stored.clock.anchors == ((0.0, 3.0), (2.0, 9.0), (3.0, 12.0))
    placed = align(recorder.session, stored)
    assert [(a.at, a.question_id) for a in placed] == [(9.0, "ervaring-2"), (12.0, "ervaring-2")]


def test_a_resumed_sitting_stamps_its_lines_after_the_first_files_length(
    tmp_path: Path, recorder: SessionRecorder, clock: FakeClock
) -> None:
    recorder.confirm_consent("opname")
    recorder.start()
    first = live(tmp_path, recorder, HandSource())
    first.start()
    assert isinstance(first.source, HandSource)
    first.source.play(2.5, start=0.0)
    FakeTranscriber.instances[-1].hear(0.5, 1.5, "One.")
    first.stop()
    clock.advance(60)  # the interview is resumed a minute later: the next file
    second = live(tmp_path, recorder, HandSource())
    second.start()
    assert isinstance(second.source, HandSource)
    second.source.play(2.0, start=0.0)
    FakeTranscriber.instances[-1].hear(60.5, 61.5, "Two.")
    assert [(x.start, x.text) for x in second.recent_lines(5)] == [(0.5, "One."), (3.0, "Two.")]
    second.stop()
    folder = tmp_path / "recordings" / recorder.session.id
    assert audio_seconds(folder / "0.wav") == 2.5  # "Two." is 0.5 s into 1.wav
    stored = TranscriptStore(tmp_path).load(recorder.session.id)
    assert [(s.start, s.text) for s in stored.segments] == [(0.5, "One."), (3.0, "Two.")]
    assert stored.clock is not None and stored.clock.anchors == ((0.0, 0.0), (2.5, 60.0))
    assert [a.at for a in align(recorder.session, stored)] == [0.5, 60.5]


def test_a_transcript_from_before_recording_positions_is_moved_onto_the_clock(
    tmp_path: Path, recorder: SessionRecorder, clock: FakeClock
) -> None:
    """An earlier sitting's live transcript stored session seconds without a clock: the
    resumed sitting converts its lines, so old and new share one clock."""
    recorder.confirm_consent("opname")
    recorder.start()
    clock.advance(10)
    first = live(tmp_path, recorder, HandSource())
    first.start()  # 0.wav from session 10
    assert isinstance(first.source, HandSource)
    first.source.play(3.0, start=0.0)
    FakeTranscriber.instances[-1].hear(11.0, 12.5, "One.")
    first.stop()
    store = TranscriptStore(tmp_path)
    old = store.load(recorder.session.id)
    old.clock, old.segments = None, [Segment(11.0, 12.5, "One.")]  # the old shape
    store.save(old)
    assert "clock" not in store.path(recorder.session.id).read_text()
    clock.advance(60)
    second = live(tmp_path, recorder, HandSource())
    second.start()
    FakeTranscriber.instances[-1].hear(70.25, 71.0, "Two.")
    second.stop()
    stored = store.load(recorder.session.id)
    assert [(s.start, s.end) for s in stored.segments] == [(1.0, 2.5), (3.25, 4.0)]
    assert [a.at for a in align(recorder.session, stored)] == [11.0, 70.25]
