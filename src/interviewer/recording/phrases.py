"""Cutting live audio into phrases at pauses, for the live transcriber.

Live Whisper tools that slide overlapping windows over the audio echo text where windows
overlap, repeat sentences, and invent text during silence. Here the audio is cut once, by
voice activity detection, into phrases that end at a pause; each phrase is handed on
exactly once and no two phrases share a sample, so each piece of speech is decoded once.

The detector gives a speech probability per 512-sample window (32 ms). It is injectable:
``SileroDetector`` runs the Silero VAD model that ships inside the faster-whisper wheel
(nothing is downloaded), keeping its recurrent state and the window context between calls
so audio can arrive 0.1 s at a time; the tests use a deterministic fake.

Times are session seconds: ``feed(at, pcm)`` says which session second the first sample of
``pcm`` was spoken at. A jump in ``at`` (the recording was paused) ends the current phrase,
so a phrase never spans a pause and its end is its start plus its length.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from interviewer.recording.frames import SAMPLE_RATE, SAMPLE_WIDTH

WINDOW_SAMPLES = 512
"""Samples per speech probability: the window Silero VAD is trained on at 16 kHz."""
SPEECH_THRESHOLD = 0.5
"""A window at or above this probability is speech (Silero's own default)."""
SILENCE_THRESHOLD = 0.35
"""Below this a window counts towards the pause that ends a phrase; between the two
thresholds nothing changes (hysteresis, as in Silero's reference cutter), so a word that
fades out does not end the phrase in its middle."""
END_SILENCE = 0.6
"""Seconds of pause that end a phrase: longer than the gap between words, shorter than a
turn; the phrase is then decoded while the next one is spoken."""
MAX_PHRASE = 15.0
"""A phrase is cut at this length even without a pause, so a long monologue still reaches
the screen within seconds (and fits Whisper's 30 s window with room to spare)."""
CUT_SEARCH = 5.0
"""A phrase cut for length is cut in the quietest window of its last seconds (between words,
where a cut loses least)."""
PAD = 0.2
"""Seconds of audio kept before the first and after the last speech window: the detector
fires a little late on soft onsets and early on trailing consonants."""
MIN_SPEECH = 0.25
"""A phrase with less speech than this (a cough, a click, a chair) is dropped: Whisper
turns such blips into invented words."""
GAP_TOLERANCE = 0.02
"""A jump in ``at`` larger than this (seconds) is a pause in the recording."""


@dataclass(frozen=True)
class Phrase:
    """A stretch of speech: 16 kHz mono int16 PCM and where it lies on the session clock."""

    start: float
    end: float
    pcm: bytes

    @property
    def duration(self) -> float:
        return len(self.pcm) / (SAMPLE_RATE * SAMPLE_WIDTH)


class SpeechDetector(Protocol):
    """Speech probabilities for consecutive windows of one contiguous stretch of audio."""

    def probabilities(self, pcm: bytes) -> list[float]:
        """One probability in 0..1 per ``WINDOW_SAMPLES`` window of ``pcm`` (16 kHz mono
        int16, a whole number of windows), continuing from the previous call."""
        ...

    def reset(self) -> None:
        """Forget the audio before: the next call starts a new stretch (after a pause)."""
        ...


class SileroDetector:
    """Silero VAD from the faster-whisper wheel, run incrementally.

    faster-whisper's own ``SileroVADModel.__call__`` starts from a blank state on each call,
    which would lose the context at every 0.1 s frame; this calls the same ONNX session with
    the recurrent state (``h``, ``c``) and the last 64 samples carried over, which gives the
    probabilities a single call over the whole audio would. Imports faster-whisper, so it is
    made only where the extra is installed (the transcriber's worker process).
    """

    CONTEXT = 64

    def __init__(self) -> None:
        from faster_whisper import vad  # the optional extra, loaded only here

        self._session = vad.get_vad_model().session
        self.reset()

    def reset(self) -> None:
        self._h: np.ndarray = np.zeros((1, 1, 128), dtype=np.float32)
        self._c: np.ndarray = np.zeros((1, 1, 128), dtype=np.float32)
        self._context: np.ndarray = np.zeros(self.CONTEXT, dtype=np.float32)

    def probabilities(self, pcm: bytes) -> list[float]:
        audio = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
        if len(audio) < WINDOW_SAMPLES:
            return []
        windows = audio[: len(audio) // WINDOW_SAMPLES * WINDOW_SAMPLES].reshape(-1, WINDOW_SAMPLES)
        before = np.concatenate([self._context[None, :], windows[:-1, -self.CONTEXT :]], 0)
        batch = np.concatenate([before, windows], 1)
        out, self._h, self._c = self._session.run(
            None, {"input": batch, "h": self._h, "c": self._c}
        )
        self._context = windows[-1, -self.CONTEXT :].copy()
        return [float(p) for p in np.asarray(out).ravel()]


def _samples(seconds: float) -> int:
    return round(seconds * SAMPLE_RATE)


class PhraseCutter:
    """Turns a stream of ``feed(at, pcm)`` calls into ``Phrase`` objects, each once.

    A phrase opens at the first window at or above ``SPEECH_THRESHOLD`` (with ``PAD`` of the
    audio before it), ends ``PAD`` after the start of a pause of ``END_SILENCE`` seconds, is
    cut at the quietest recent window when it reaches ``MAX_PHRASE``, and is dropped when it
    holds less than ``MIN_SPEECH`` of speech. A pause in the recording (a jump in ``at``),
    ``gap()`` and ``flush()`` end it where the audio ends. Not thread-safe: one caller.

    Positions are counted in samples of input (``received``); ``settled_samples`` says up to
    where every sample has been handed on in a phrase or judged not speech, which is what
    the transcriber's "behind" is measured from.
    """

    def __init__(
        self,
        detector: SpeechDetector,
        *,
        threshold: float = SPEECH_THRESHOLD,
        silence_threshold: float = SILENCE_THRESHOLD,
        end_silence: float = END_SILENCE,
        max_phrase: float = MAX_PHRASE,
        cut_search: float = CUT_SEARCH,
        pad: float = PAD,
        min_speech: float = MIN_SPEECH,
    ) -> None:
        self.detector = detector
        self.threshold = threshold
        self.silence_threshold = silence_threshold
        self.end_silence = _samples(end_silence)
        self.max_phrase = _samples(max_phrase)
        self.cut_search = _samples(cut_search)
        self.pad = _samples(pad)
        self.min_speech = _samples(min_speech)
        self.received = 0
        """Samples fed so far (all runs)."""
        self._run_at: float | None = None  # session second of sample _run_index
        self._run_index = 0
        self._expected_at = 0.0
        self._pending = bytearray()  # fed, not yet a whole window
        self._held = bytearray()  # evaluated audio from _held_from on
        self._held_from = 0
        self._open = False
        self._windows: list[tuple[int, float]] = []  # (end index, probability) in the phrase
        self._silence_from: int | None = None  # where the current pause began

    # --- input -------------------------------------------------------------------------------

    def feed(self, at: float, pcm: bytes) -> list[Phrase]:
        """Take ``pcm`` spoken from session second ``at``; returns the phrases it completed."""
        pcm = pcm[: len(pcm) - len(pcm) % SAMPLE_WIDTH]
        if not pcm:
            return []
        done: list[Phrase] = []
        if self._run_at is not None and abs(at - self._expected_at) > GAP_TOLERANCE:
            done.extend(self._end_run())
        if self._run_at is None:
            self._run_at = at
            self._run_index = self.received
            self._held_from = self.received
        count = len(pcm) // SAMPLE_WIDTH
        self.received += count
        self._expected_at = at + count / SAMPLE_RATE
        self._pending += pcm
        whole = len(self._pending) // (WINDOW_SAMPLES * SAMPLE_WIDTH) * WINDOW_SAMPLES
        if whole:
            chunk = bytes(self._pending[: whole * SAMPLE_WIDTH])
            del self._pending[: whole * SAMPLE_WIDTH]
            step = WINDOW_SAMPLES * SAMPLE_WIDTH
            probabilities = self.detector.probabilities(chunk)
            for number, probability in enumerate(probabilities):
                window = chunk[number * step : (number + 1) * step]
                done.extend(self._window(window, probability))
        return done

    def gap(self) -> list[Phrase]:
        """The recording paused: end the current phrase where the audio ends."""
        return self._end_run()

    def flush(self) -> list[Phrase]:
        """The end of the input: end the current phrase where the audio ends."""
        return self._end_run()

    @property
    def settled_samples(self) -> int:
        """Samples of input before which everything was handed on or judged not speech."""
        if self._open:
            return self._held_from
        return self.received - len(self._pending) // SAMPLE_WIDTH

    # --- the cutting -------------------------------------------------------------------------

    def _window(self, window: bytes, probability: float) -> list[Phrase]:
        start = self._held_from + len(self._held) // SAMPLE_WIDTH
        end = start + WINDOW_SAMPLES
        self._held += window
        if not self._open:
            if probability >= self.threshold:
                self._open_at(max(self._held_from, start - self.pad))
                self._windows = [(end, probability)]
            else:
                self._trim_to(end - self.pad)
            return []
        self._windows.append((end, probability))
        if probability >= self.threshold:
            self._silence_from = None
        elif probability < self.silence_threshold and self._silence_from is None:
            self._silence_from = start
        if self._silence_from is not None and end - self._silence_from >= self.end_silence:
            phrase = self._close(min(self._silence_from + self.pad, end))
            self._trim_to(end - self.pad)
            return phrase
        if end - self._held_from >= self.max_phrase:
            return self._cut_for_length(end)
        return []

    def _open_at(self, index: int) -> None:
        self._trim_to(index)
        self._open = True
        self._silence_from = None

    def _trim_to(self, index: int) -> None:
        """Forget held audio before ``index``."""
        drop = index - self._held_from
        if drop > 0:
            del self._held[: drop * SAMPLE_WIDTH]
            self._held_from = index

    def _cut_for_length(self, end: int) -> list[Phrase]:
        """Cut a phrase that reached the maximum length in the middle of its quietest window
        of the last ``cut_search`` samples; the phrase goes on from there."""
        latest = self._held_from + self.max_phrase
        earliest = latest - self.cut_search
        half = WINDOW_SAMPLES // 2
        candidates = [
            (probability, -window_end)
            for window_end, probability in self._windows
            if earliest <= window_end - WINDOW_SAMPLES
            and self._held_from < window_end - half <= latest
        ]
        cut = min(end, latest)
        if candidates:  # the lowest probability; of equals, the latest window
            cut = -min(candidates)[1] - half
        phrase = self._close(cut)
        self._open = True  # speech goes on after the cut
        self._windows = [(e, p) for e, p in self._windows if e > cut]
        self._silence_from = None
        for window_end, probability in self._windows:
            if probability >= self.threshold:
                self._silence_from = None
            elif probability < self.silence_threshold and self._silence_from is None:
                self._silence_from = max(window_end - WINDOW_SAMPLES, cut)
        return phrase

    def _close(self, end: int) -> list[Phrase]:
        """End the open phrase at sample ``end``: hand it on (when it holds enough speech)
        and keep the audio after it."""
        first = self._held_from
        pcm = bytes(self._held[: (end - first) * SAMPLE_WIDTH])
        speech = sum(
            self._speech_in(window_end, first, end)
            for window_end, probability in self._windows
            if probability >= self.threshold
        )
        self._trim_to(end)
        self._open = False
        self._windows = []
        self._silence_from = None
        if speech < self.min_speech or not pcm:
            return []
        return [Phrase(self._time(first), self._time(end), pcm)]

    @staticmethod
    def _speech_in(window_end: int, first: int, end: int) -> int:
        """Samples of the window ending at ``window_end`` that lie within ``first..end``."""
        return max(0, min(window_end, end) - max(window_end - WINDOW_SAMPLES, first))

    def _end_run(self) -> list[Phrase]:
        """The contiguous audio ends here (pause, gap, end of input)."""
        done: list[Phrase] = []
        if self._open:
            self._held += self._pending  # the last few ms, too short for a window
            last = self._held_from + len(self._held) // SAMPLE_WIDTH
            end = last if self._silence_from is None else min(self._silence_from + self.pad, last)
            done = self._close(end)
        self._pending.clear()
        self._held.clear()
        self._held_from = self.received
        self._open = False
        self._windows = []
        self._silence_from = None
        self._run_at = None
        self.detector.reset()
        return done

    def _time(self, index: int) -> float:
        assert self._run_at is not None
        return self._run_at + (index - self._run_index) / SAMPLE_RATE
