"""Live transcription of the recording in a worker process, phrase by phrase.

The audio thread hands every frame to ``LiveTranscriber.feed``, which only puts it on a
queue. A worker process (started with "spawn", so it shares no lock, thread or GIL with the
interface) cuts the audio into phrases at pauses (``phrases.PhraseCutter`` with Silero VAD)
and decodes each phrase once with faster-whisper from a local model folder; the segments
come back to a thread of the main process, which calls ``on_segment`` with them in order.

Against the failures users of live Whisper tools report:

- invented text during silence and noise: only phrases the VAD heard as speech are decoded,
  and segments Whisper itself marks as unlikely speech (``NO_SPEECH_LIMIT``,
  ``LOGPROB_FLOOR``, ``COMPRESSION_LIMIT``) are dropped, not matched against a word list;
- echoes where windows overlap: phrases never overlap, each is decoded once;
- a sentence repeated: no conditioning on the previous text, no prompt from earlier text,
  and a segment equal to the one just before it is dropped (``RepeatFilter``);
- garbled text from a guessed language: the language is always given, and an English-only
  model refuses another language instead of writing English-sounding nonsense;
- a backlog nobody sees: ``behind_seconds`` says how much audio waits for the decoder;
- audio thrown away on stop: ``stop`` decodes everything queued before it returns, or says
  it did not (the rest is then for ``interviewer transcribe ID``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from interviewer import debug_log
from interviewer.i18n.errors import TranslatableError
from interviewer.recording.frames import SAMPLE_RATE, SAMPLE_WIDTH
from interviewer.recording.phrases import Phrase, PhraseCutter, SileroDetector
from interviewer.transcript.model import TranscriptError
from interviewer.transcript.transcribe import MODEL_HINT, TranscribeUnavailable, require_model

NO_SPEECH_LIMIT = 0.6
"""A segment whose window Whisper gives a no-speech probability above this is dropped:
Whisper's own judgement that it heard no speech, which is where its silence hallucinations
("Thank you.", "Subtitles by ...") come from (0.6 is Whisper's default threshold)."""
LOGPROB_FLOOR = -1.0
"""A segment whose tokens average a log-probability below this is dropped: the model was
guessing (noise, mumbling, a language it does not know). Whisper's own fallback threshold."""
COMPRESSION_LIMIT = 2.4
"""A segment whose text compresses better than this (gzip ratio) is a repetition loop
("the the the ..."), dropped. Whisper's own threshold."""
REPEAT_GAP = 1.0
"""A segment with the same words as the segment just before it, starting within this many
seconds of that one's end, is a repetition, not something said twice."""
BEAM_SIZE = 1
"""Greedy decoding: a small model on two cores keeps up with speech with room to spare, and
the text of a short phrase gains little from a beam."""
WORKER_NICENESS = 5
"""The worker runs at a lower priority, so a keystroke never waits for a decode."""
POLL_SECONDS = 0.2
"""How often the results thread looks whether the worker is still alive."""


@dataclass(frozen=True)
class HeardSegment:
    """Words the transcriber heard: session seconds and the text (stripped)."""

    start: float
    end: float
    text: str


class DecodedPiece(Protocol):
    """What a faster-whisper segment offers (a protocol, so the filters are tested without
    a model)."""

    start: float
    end: float
    text: str
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float


def trustworthy(piece: DecodedPiece) -> bool:
    """Whether Whisper's own scores let the segment through (see the limits above)."""
    return (
        piece.no_speech_prob <= NO_SPEECH_LIMIT
        and piece.avg_logprob >= LOGPROB_FLOOR
        and piece.compression_ratio <= COMPRESSION_LIMIT
    )


def _words(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


class RepeatFilter:
    """Drops a segment that repeats the one before it (Whisper's looping): the same words,
    case and punctuation aside, starting within ``REPEAT_GAP`` of its end."""

    def __init__(self) -> None:
        self._words = ""
        self._end = float("-inf")

    def accept(self, segment: HeardSegment) -> bool:
        words = _words(segment.text)
        repeat = bool(words) and words == self._words and segment.start - self._end <= REPEAT_GAP
        if repeat:
            self._end = max(self._end, segment.end)  # a chain of repeats stays adjacent
            return False
        self._words, self._end = words, segment.end
        return True


def phrase_segments(
    phrase: Phrase, pieces: Iterable[DecodedPiece], repeats: RepeatFilter
) -> list[HeardSegment]:
    """The segments Whisper found in ``phrase``, in session seconds (the phrase's start plus
    the offset within it, clipped to the phrase), without untrustworthy, wordless or
    repeated ones."""
    found = []
    for piece in pieces:
        text = piece.text.strip()
        if not _words(text) or not trustworthy(piece):  # no words: a lone "." or "..."
            continue
        start = phrase.start + min(max(float(piece.start), 0.0), phrase.duration)
        end = phrase.start + min(max(float(piece.end), 0.0), phrase.duration)
        segment = HeardSegment(start, max(start, end), text)
        if repeats.accept(segment):
            found.append(segment)
    return found


def decode_phrase(
    model: Any, phrase: Phrase, options: dict[str, Any], repeats: RepeatFilter
) -> list[HeardSegment]:
    """Decode one phrase with a faster-whisper ``WhisperModel`` (``options`` from
    ``decode_options``): what the worker does with each phrase the cutter hands on."""
    audio = np.frombuffer(phrase.pcm, dtype="<i2").astype(np.float32) / 32768.0
    pieces, _info = model.transcribe(audio, **options)
    return phrase_segments(phrase, pieces, repeats)


def decode_options(language: str) -> dict[str, Any]:
    """The arguments of ``WhisperModel.transcribe`` for one phrase: the language given,
    nothing carried over from earlier text, no VAD inside (the phrase is cut already), one
    temperature (a fallback at higher temperatures invents text and costs real time), and
    Whisper's skip rules off because ``trustworthy`` applies stricter ones."""
    return {
        "language": language,
        "task": "transcribe",
        "beam_size": BEAM_SIZE,
        "temperature": 0.0,
        "condition_on_previous_text": False,
        "initial_prompt": None,
        "vad_filter": False,
        "without_timestamps": False,
        "word_timestamps": False,
        "no_speech_threshold": None,
        "log_prob_threshold": None,
        "compression_ratio_threshold": None,
    }


# --- the worker process -----------------------------------------------------------------------


def _quiet_output() -> None:
    """Point the worker's standard output and error at /dev/null, at the descriptor level.

    The worker shares the interviewer's terminal: anything it or a library in it prints
    (an ONNX or CTranslate2 warning, a progress bar) would be drawn over the interview
    screen. Failures come back as keyed messages through the queue instead, and speech is
    as confidential as the notes, so it is not written to a log either.
    """
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        for fd in (1, 2):
            os.dup2(devnull, fd)
        os.close(devnull)


def _worker(model_dir: str, language: str, threads: int, inbox: Any, outbox: Any) -> None:
    """The worker's main: load, then cut and decode until told to stop.

    Messages in: ("audio", at, pcm), ("gap",), ("stop",). Out: ("ready",),
    ("segment", start, end, text), ("settled", samples), ("error", key, reason), ("done",).
    """
    with contextlib.suppress(OSError, AttributeError):
        os.nice(WORKER_NICENESS)
    _quiet_output()
    try:
        from faster_whisper import WhisperModel, tokenizer

        model = WhisperModel(
            model_dir,
            device="cpu",
            compute_type="int8",
            cpu_threads=threads,
            local_files_only=True,
        )
        detector = SileroDetector()
    except Exception as exc:  # a broken model folder, a missing library: one keyed line
        outbox.put(("error", "recording.transcriber.load_failed", _reason(exc)))
        return
    if language not in tokenizer._LANGUAGE_CODES:
        outbox.put(("error", "recording.transcriber.unknown_language", language))
        return
    if not model.model.is_multilingual and language != "en":
        outbox.put(("error", "recording.transcriber.english_only", language))
        return
    outbox.put(("ready",))
    cutter = PhraseCutter(detector)
    repeats = RepeatFilter()
    options = decode_options(language)
    settled = 0
    while True:
        message = inbox.get()
        kind = message[0]
        if kind == "audio":
            phrases = cutter.feed(message[1], message[2])
        elif kind == "gap":
            phrases = cutter.gap()
        else:
            phrases = cutter.flush()
        for phrase in phrases:
            try:
                segments = decode_phrase(model, phrase, options, repeats)
            except Exception as exc:  # any decoder failure ends the worker, keyed
                outbox.put(("error", "recording.transcriber.failed", _reason(exc)))
                return
            for segment in segments:
                outbox.put(("segment", segment.start, segment.end, segment.text))
        if cutter.settled_samples != settled:
            settled = cutter.settled_samples
            outbox.put(("settled", settled))
        if kind == "stop":
            outbox.put(("done",))
            return


def _reason(exc: BaseException) -> str:
    """An exception as the short reason in a keyed line (its first line, or its type)."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


# --- the interface process --------------------------------------------------------------------


class LiveTranscriber:
    """Transcribes the recording as it is made; see the module docstring for the design.

    ``on_segment`` is called from a thread of this process (never the audio thread), one
    segment at a time, in the order spoken. ``threads`` is the decoder's CPU threads: one
    leaves the other core of a laptop to the interface.
    """

    def __init__(
        self,
        model_dir: Path,
        language: str,
        *,
        on_segment: Callable[[HeardSegment], None],
        threads: int = 1,
    ) -> None:
        self.model_dir = Path(model_dir)
        self.language = language
        self.on_segment = on_segment
        self.threads = max(1, threads)
        self._context = multiprocessing.get_context("spawn")
        self._inbox: Any = None
        self._outbox: Any = None
        self._process: Any = None
        self._reader: threading.Thread | None = None
        self._fed_samples = 0
        self._settled_samples = 0
        self._error: TranslatableError | None = None
        self._ready = threading.Event()
        self._finished = threading.Event()  # the worker ended: done, failed or killed
        self._all_decoded = False
        self._closed = False

    # --- life cycle --------------------------------------------------------------------------

    def start(self) -> None:
        """Spawn the worker (returns at once; the model loads in the worker). Raises
        ``TranscribeUnavailable`` when faster-whisper is not installed or the folder is not
        a complete model; a model that fails to load later is ``error``."""
        if self._process is not None:
            raise RuntimeError("LiveTranscriber.start called twice")
        require_model(self.model_dir)
        self._inbox = self._context.Queue()
        self._outbox = self._context.Queue()
        self._process = self._context.Process(
            target=_worker,
            args=(str(self.model_dir), self.language, self.threads, self._inbox, self._outbox),
            name="live-transcriber",
            daemon=True,
        )
        self._process.start()
        self._reader = threading.Thread(
            target=self._read_results, name="transcriber-results", daemon=True
        )
        self._reader.start()

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait until the worker has loaded the model; False on a timeout or a failure (for
        tests and benchmarks; the interface need not wait: audio fed meanwhile is queued)."""
        self._ready.wait(timeout)
        return self._ready.is_set() and self._error is None

    def feed(self, at: float, pcm: bytes) -> None:
        """Queue ``pcm`` (16 kHz mono int16) spoken from session second ``at``. Cheap: the
        audio thread calls it with every frame written."""
        if self._closed or self._inbox is None or self._finished.is_set() or not pcm:
            return  # a worker that ended reads nothing: the queue would only grow
        self._fed_samples += len(pcm) // SAMPLE_WIDTH
        self._inbox.put(("audio", at, pcm))

    def gap(self) -> None:
        """The recording paused: the current phrase ends now."""
        if not self._closed and self._inbox is not None and not self._finished.is_set():
            self._inbox.put(("gap",))

    @property
    def behind_seconds(self) -> float:
        """Seconds of audio fed but not yet decoded (or judged not speech)."""
        return max(0, self._fed_samples - self._settled_samples) / SAMPLE_RATE

    @property
    def running(self) -> bool:
        """Whether the worker process is alive."""
        return self._process is not None and self._process.is_alive()

    @property
    def error(self) -> TranslatableError | None:
        """Why the worker stopped transcribing (keyed, one line), or None."""
        return self._error

    def stop(self, timeout: float | None = None) -> bool:
        """Finish: the open phrase ends, everything queued is decoded, the worker exits.

        True when all audio fed was decoded within ``timeout``; otherwise the worker is
        ended and False says the rest is left for ``interviewer transcribe ID``."""
        if self._process is None:
            self._closed = True
            return self._fed_samples == 0
        if not self._closed:
            self._closed = True
            self._inbox.put(("stop",))
        self._finished.wait(timeout)
        if not self._all_decoded:
            self.abort()
            return False
        self._process.join(timeout=5)
        if self._reader is not None:
            self._reader.join(timeout=5)
        self._release()
        return True

    def abort(self) -> None:
        """End the worker at once, dropping what is queued (quitting without waiting)."""
        self._closed = True
        process = self._process
        if process is not None and process.is_alive():
            process.terminate()
            process.join(timeout=1)
            if process.is_alive():
                process.kill()
                process.join(timeout=1)
        self._finished.set()
        if self._reader is not None and self._reader is not threading.current_thread():
            self._reader.join(timeout=2)
        self._release()

    def _release(self) -> None:
        """Close the queues without waiting for their feeder threads (nothing is waited
        for at interpreter exit either)."""
        for channel in (self._inbox, self._outbox):
            if channel is not None:
                channel.cancel_join_thread()
                channel.close()

    # --- results -----------------------------------------------------------------------------

    def _read_results(self) -> None:
        """The results thread: segments to ``on_segment``, progress to ``behind_seconds``,
        errors to ``error``; ends with the worker."""
        while True:
            try:
                message = self._outbox.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if self._finished.is_set():
                    return
                if not self._process.is_alive():
                    self._drain_after_exit()
                    return
                continue
            except (OSError, ValueError, EOFError):  # the queue was closed by abort
                return
            if self._handle(message):
                return

    def _drain_after_exit(self) -> None:
        """The worker exited: take what it sent last, or report that it died."""
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            try:
                message = self._outbox.get(timeout=0.1)
            except queue.Empty:
                break
            except (OSError, ValueError, EOFError):
                break
            if self._handle(message):
                return
        if not self._finished.is_set():
            self._fail(
                TranscriptError("recording.transcriber.died", code=str(self._process.exitcode))
            )

    def _handle(self, message: tuple[Any, ...]) -> bool:
        """Act on one message from the worker; True when it was the last."""
        kind = message[0]
        if kind == "segment":
            try:
                self.on_segment(HeardSegment(message[1], message[2], message[3]))
            except Exception as exc:  # a bug in the callback must not stop the next segments
                debug_log.record(exc, "LiveTranscriber.on_segment")
                self._error = TranscriptError(
                    "recording.transcriber.failed", reason=type(exc).__name__
                )
        elif kind == "settled":
            self._settled_samples = int(message[1])
        elif kind == "ready":
            self._ready.set()
        elif kind == "done":
            self._settled_samples = self._fed_samples
            self._all_decoded = True
            self._finished.set()
            return True
        elif kind == "error":
            self._fail(self._keyed(message[1], str(message[2])))
            return True
        return False

    def _keyed(self, key: str, detail: str) -> TranslatableError:
        """The worker's error as a keyed line said in this process."""
        if key == "recording.transcriber.load_failed":
            return TranscribeUnavailable(key, path=self.model_dir, reason=detail, hint=MODEL_HINT)
        if key in ("recording.transcriber.english_only", "recording.transcriber.unknown_language"):
            return TranscribeUnavailable(key, path=self.model_dir, language=detail)
        return TranscriptError(key, reason=detail)

    def _fail(self, error: TranslatableError) -> None:
        self._error = error
        self._ready.set()  # wake a waiter: it sees the error
        self._finished.set()
