"""The phrase cutter: speech cut at pauses, each sample handed on at most once, in session
seconds. Pure tests with a detector that hears the level of synthetic audio; one test with
the real Silero model on espeak-ng speech where both are present."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from interviewer.recording.frames import BYTES_PER_SECOND, FRAME_SAMPLES, SAMPLE_RATE, level_dbfs
from interviewer.recording.phrases import (
    END_SILENCE,
    MAX_PHRASE,
    PAD,
    WINDOW_SAMPLES,
    Phrase,
    PhraseCutter,
)

W = WINDOW_SAMPLES
PAD_SAMPLES = round(PAD * SAMPLE_RATE)


class LevelDetector:
    """A deterministic stand-in for Silero: -60 dBFS and below is 0, -20 dBFS and above is 1,
    linear between (a sine at half scale is speech, digital silence is not, a sine at 1 %
    scale lies between the thresholds)."""

    def __init__(self) -> None:
        self.resets = 0

    def probabilities(self, pcm: bytes) -> list[float]:
        assert len(pcm) % (2 * W) == 0
        step = 2 * W
        return [
            min(1.0, max(0.0, (level_dbfs(pcm[at : at + step]) + 60.0) / 40.0))
            for at in range(0, len(pcm), step)
        ]

    def reset(self) -> None:
        self.resets += 1


def tone(windows: int, amplitude: float = 0.5) -> bytes:
    """``windows`` detector windows of a 440 Hz sine (speech, to the fake)."""
    t = np.arange(windows * W) / SAMPLE_RATE
    return (np.sin(2 * np.pi * 440 * t) * amplitude * 32767).astype("<i2").tobytes()


def quiet(windows: int) -> bytes:
    return bytes(2 * W * windows)


def feed_all(cutter: PhraseCutter, pcm: bytes, at: float) -> list[Phrase]:
    """Feed ``pcm`` in 0.1 s frames as a source delivers them (not whole windows)."""
    found: list[Phrase] = []
    step = 2 * FRAME_SAMPLES
    for offset in range(0, len(pcm), step):
        found += cutter.feed(at + offset / BYTES_PER_SECOND, pcm[offset : offset + step])
    return found


def assert_cut_from(phrases: list[Phrase], pcm: bytes, at: float) -> None:
    """Each phrase is exactly the audio of its times, and no two share a sample."""
    for phrase in phrases:
        first = round((phrase.start - at) * SAMPLE_RATE)
        last = round((phrase.end - at) * SAMPLE_RATE)
        assert phrase.pcm == pcm[2 * first : 2 * last]
        assert phrase.end == pytest.approx(phrase.start + phrase.duration)
    for before, after in itertools.pairwise(phrases):
        assert before.end <= after.start + 1e-9


def seconds(samples: int) -> float:
    return samples / SAMPLE_RATE


def test_a_pause_ends_a_phrase_with_padding_on_both_sides() -> None:
    pcm = quiet(32) + tone(64) + quiet(32) + tone(40) + quiet(32)
    cutter = PhraseCutter(LevelDetector())
    found = feed_all(cutter, pcm, at=100.0)
    assert len(found) == 2  # both ended by their pause, before any flush
    assert cutter.flush() == []
    first, second = found
    assert first.start == pytest.approx(100.0 + seconds(32 * W - PAD_SAMPLES))
    assert first.end == pytest.approx(100.0 + seconds(96 * W + PAD_SAMPLES))
    assert second.start == pytest.approx(100.0 + seconds(128 * W - PAD_SAMPLES))
    assert second.end == pytest.approx(100.0 + seconds(168 * W + PAD_SAMPLES))
    assert_cut_from(found, pcm, 100.0)


def test_a_pause_shorter_than_the_end_silence_keeps_one_phrase() -> None:
    short_pause = int(END_SILENCE * SAMPLE_RATE / W) - 2
    pcm = tone(40) + quiet(short_pause) + tone(40) + quiet(40)
    found = feed_all(PhraseCutter(LevelDetector()), pcm, at=0.0)
    assert len(found) == 1
    assert found[0].start == 0.0  # the pre-pad stops at the start of the audio
    assert found[0].end == pytest.approx(seconds((80 + short_pause) * W + PAD_SAMPLES))


def test_a_jump_in_time_ends_the_phrase_where_the_audio_ends() -> None:
    detector = LevelDetector()
    cutter = PhraseCutter(detector)
    speech = tone(50)
    found = feed_all(cutter, speech, at=10.0)
    assert found == []
    found = feed_all(cutter, speech, at=30.0)  # the recording was paused in between
    assert len(found) == 1
    assert (found[0].start, found[0].pcm) == (10.0, speech)
    assert found[0].end == pytest.approx(10.0 + seconds(50 * W))
    assert detector.resets == 1  # the detector's context does not cross the pause
    (last,) = cutter.flush()
    assert (last.start, last.pcm) == (30.0, speech)


def test_gap_ends_the_phrase_now_and_the_next_audio_starts_fresh() -> None:
    cutter = PhraseCutter(LevelDetector())
    speech = tone(30) + b"\x01\x00" * 100  # not a whole number of windows
    assert feed_all(cutter, speech, at=0.0) == []
    (phrase,) = cutter.gap()
    assert phrase.pcm == speech  # the last few ms are kept
    assert cutter.gap() == []
    found = feed_all(cutter, quiet(20) + tone(30) + quiet(30), at=phrase.end)
    assert len(found) == 1
    assert found[0].start == pytest.approx(phrase.end + seconds(20 * W - PAD_SAMPLES))


def test_a_long_monologue_is_cut_at_its_quietest_recent_window() -> None:
    total = int(20 / (W / SAMPLE_RATE))  # 20 s of speech without a pause
    dip = int(12 / (W / SAMPLE_RATE))  # one window between words, at 12 s
    pcm = tone(dip) + tone(1, amplitude=0.01) + tone(total - dip - 1) + quiet(40)
    found = feed_all(PhraseCutter(LevelDetector()), pcm, at=0.0)
    assert len(found) == 2
    first, second = found
    assert first.start == 0.0
    assert first.end == pytest.approx(seconds(dip * W + W // 2))  # the middle of the dip
    assert second.start == first.end  # nothing lost, nothing twice
    assert first.duration <= MAX_PHRASE
    assert second.end == pytest.approx(seconds(total * W + PAD_SAMPLES))
    assert_cut_from(found, pcm, 0.0)


def test_a_monologue_without_a_quiet_window_is_cut_at_the_maximum() -> None:
    total = int(40 / (W / SAMPLE_RATE))
    found = feed_all(PhraseCutter(LevelDetector()), tone(total) + quiet(40), at=5.0)
    assert len(found) == 3
    assert all(p.duration <= MAX_PHRASE + 1e-9 for p in found)
    assert sum(len(p.pcm) for p in found) == 2 * (total * W + PAD_SAMPLES)
    assert_cut_from(found, tone(total) + quiet(40), 5.0)


def test_short_blips_are_dropped_and_their_audio_settled() -> None:
    cutter = PhraseCutter(LevelDetector())
    pcm = quiet(40) + tone(3) + quiet(40) + tone(5) + quiet(40)  # 0.1 s and 0.16 s
    assert feed_all(cutter, pcm, at=0.0) == []
    assert cutter.flush() == []
    assert cutter.settled_samples == cutter.received == len(pcm) // 2


def test_settled_samples_stop_at_the_open_phrase() -> None:
    cutter = PhraseCutter(LevelDetector())
    feed_all(cutter, quiet(40), at=0.0)
    assert cutter.settled_samples == 40 * W
    feed_all(cutter, tone(40), at=seconds(40 * W))
    assert cutter.settled_samples == 40 * W - PAD_SAMPLES  # the phrase, pre-pad included
    feed_all(cutter, quiet(40), at=seconds(80 * W))
    assert cutter.settled_samples == cutter.received


def test_only_a_window_below_the_silence_threshold_counts_as_pause() -> None:
    """Hysteresis: a fading word (between the thresholds) does not end the phrase."""
    between = tone(40, amplitude=0.01)  # 0.42: neither speech nor pause
    pcm = tone(20) + between + tone(20) + quiet(40)
    found = feed_all(PhraseCutter(LevelDetector()), pcm, at=0.0)
    assert len(found) == 1
    assert found[0].end == pytest.approx(seconds(80 * W + PAD_SAMPLES))


def test_silence_and_odd_input_yield_nothing() -> None:
    cutter = PhraseCutter(LevelDetector())
    assert cutter.feed(0.0, b"") == []
    assert cutter.feed(0.0, b"\x00") == []  # half a sample
    assert feed_all(cutter, quiet(2000), at=0.0) == []
    assert cutter.flush() == []


# --- the real detector -------------------------------------------------------------------------

SENTENCES = [
    "We meet every Monday morning to discuss the cases.",
    "Then the manager decides who takes which client.",
    "On Friday we look back at the week together.",
]


def espeak(text: str, path: Path) -> bytes:
    from interviewer.recording.source import read_wav_as_pcm16

    subprocess.run(["espeak-ng", "-v", "en", "-w", str(path), text], check=True)
    return read_wav_as_pcm16(path)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_silero_cuts_spoken_sentences_at_their_pauses(tmp_path: Path) -> None:
    pytest.importorskip("faster_whisper", reason="faster-whisper (the transcribe extra)")
    from interviewer.recording.phrases import SileroDetector

    pause = bytes(int(1.5 * BYTES_PER_SECOND))
    spoken = []
    pcm = pause
    for number, text in enumerate(SENTENCES):
        speech = espeak(text, tmp_path / f"{number}.wav")
        spoken.append((len(pcm) / BYTES_PER_SECOND, (len(pcm) + len(speech)) / BYTES_PER_SECOND))
        pcm += speech + pause
    cutter = PhraseCutter(SileroDetector())
    found = feed_all(cutter, pcm, at=0.0) + cutter.flush()
    assert len(found) == len(SENTENCES)
    for phrase, (start, end) in zip(found, spoken, strict=True):
        assert start - PAD - 0.1 <= phrase.start <= start + 0.3
        assert end - 0.5 <= phrase.end <= end + PAD + 0.1
    assert_cut_from(found, pcm, 0.0)


def test_silero_probabilities_do_not_depend_on_how_the_audio_is_split(tmp_path: Path) -> None:
    """Incremental calls carry the model's state: 0.1 s at a time gives what one call over
    the whole audio gives."""
    pytest.importorskip("faster_whisper", reason="faster-whisper (the transcribe extra)")
    from interviewer.recording.phrases import SileroDetector

    rng = np.random.default_rng(7)
    audio = (rng.standard_normal(W * 60) * 3000).astype("<i2").tobytes() + tone(60)
    whole = SileroDetector().probabilities(audio)
    detector = SileroDetector()
    pieces: list[float] = []
    for at in range(0, len(audio), 2 * W * 3):
        pieces += detector.probabilities(audio[at : at + 2 * W * 3])
    assert pieces == pytest.approx(whole, abs=1e-5)
    detector.reset()
    assert detector.probabilities(audio[: 2 * W * 6]) == pytest.approx(whole[:6], abs=1e-5)
