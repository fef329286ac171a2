"""The session's whole recording through a model after the interview (``transcribe ID``).

The live transcriber decodes phrase by phrase with a small model while the interview
runs; afterwards a larger model may go over everything once more. The session's recordings
(``recordings/<id>/<n>.wav``) hold recording time only, and each file's ``TimeMap`` says
where its spans (stretches recorded without a pause) lie on the interview clock. Each span
is decoded on its own, so no segment crosses a pause and every segment time maps exactly to
the session second it was spoken.

Decoding is set against the failures users of Whisper tools report, exactly as live: voice
activity detection (faster-whisper's bundled Silero model, nothing downloaded) cuts each span
into phrases at pauses (``phrases.PhraseCutter``) and drops silence before the model can
invent text for it; each phrase is decoded once, on its own (its segments' times are then
exact to the phrase, where one long window lets Whisper's time stamps drift); no
conditioning on the previous text, so one bad segment
cannot start a loop of repeats; the language is the protocol's, never guessed; segments the
model itself doubts, and a segment repeating the one just before it, are dropped by the
live transcriber's own rules (``transcriber.trustworthy``, ``transcriber.RepeatFilter``),
so both runs judge alike.

A file left by a ``kill -9`` is repaired first (``recover``), so everything written before
the crash counts. A file without its companion cannot be placed on the interview clock; it
is reported (``SessionAudio.unplaced``), never guessed.

The segments come back in session seconds, where the question on screen is decided; the
transcript stores them at their recording positions through ``SessionAudio.clock``, the
same clock the live transcriber builds (``timemap.recording_clock``), so its stamps are
places in the audio files.
"""

from __future__ import annotations

import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.recording.frames import SAMPLE_RATE, SAMPLE_WIDTH, RecordingError
from interviewer.recording.phrases import Phrase, PhraseCutter, SileroDetector
from interviewer.recording.timemap import FileTime, load_map, recording_clock
from interviewer.recording.transcriber import RepeatFilter, decode_options, decode_phrase
from interviewer.recording.writer import audio_seconds, recordings_of, recover_session
from interviewer.transcript.model import RecordingClock, TranscriptError
from interviewer.transcript.transcribe import TranscribeUnavailable, require_model

if TYPE_CHECKING:
    import os

BEAM_SIZE = 5
"""After the interview there is time for a wider search than live."""
BLOCK_SECONDS = 30.0
"""Audio read from the file at a time."""

Spoken = tuple[float, float, str]
"""(start, end, text) in session seconds."""
Progress = Callable[[float, float], None]
"""Called with (seconds of audio done, seconds in all) as spans and segments come in."""


@dataclass(frozen=True, slots=True)
class Stretch:
    """One span of one recording file: file seconds ``start`` to ``end``, recorded from
    session second ``at`` on."""

    path: Path
    start: float
    end: float
    at: float

    @property
    def seconds(self) -> float:
        return self.end - self.start

    def to_session(self, seconds_in: float) -> float:
        """The session second of ``seconds_in`` into the stretch (clipped to it)."""
        return self.at + min(max(seconds_in, 0.0), self.seconds)


@dataclass(frozen=True, slots=True)
class SessionAudio:
    """What of a session's recordings can be transcribed: the placed stretches in order,
    the files that cannot be placed (no time map companion), and the clock from recording
    positions to session seconds over all the files (None when none is placed)."""

    files: list[Path]
    stretches: list[Stretch]
    unplaced: list[Path]
    clock: RecordingClock | None = None

    @property
    def seconds(self) -> float:
        return sum(stretch.seconds for stretch in self.stretches)


def session_audio(data_dir: str | os.PathLike[str], session_id: str) -> SessionAudio:
    """The session's recordings as stretches on the interview clock, after repairing a file
    left by a crash. A session without recordings is a keyed error."""
    files = recordings_of(data_dir, session_id)
    if not files:
        raise RecordingError("transcribe.error.no_recordings", id=session_id)
    recover_session(data_dir, session_id)
    stretches: list[Stretch] = []
    unplaced: list[Path] = []
    timed: list[FileTime] = []
    for path in files:
        time_map = load_map(path)
        total = audio_seconds(path)
        timed.append((time_map, total))
        if time_map is None:
            unplaced.append(path)
            continue
        bounds = time_map.span_ends(total) if time_map.spans else [(0.0, total)]
        for start, end in bounds:
            end = min(end, total)
            if end > start:
                stretches.append(Stretch(path, start, end, time_map.to_session(start)))
    return SessionAudio(files, stretches, unplaced, recording_clock(timed))


def stretch_blocks(stretch: Stretch, seconds: float = BLOCK_SECONDS) -> Iterator[bytes]:
    """The stretch's audio as 16 kHz mono int16 PCM, ``seconds`` at a time: an hour-long
    stretch is never held in memory whole."""
    first = round(stretch.start * SAMPLE_RATE)
    left = round(stretch.end * SAMPLE_RATE) - first
    block = max(1, round(seconds * SAMPLE_RATE))
    try:
        with wave.open(str(stretch.path), "rb") as wav:
            if (wav.getframerate(), wav.getsampwidth(), wav.getnchannels()) != (
                SAMPLE_RATE,
                SAMPLE_WIDTH,
                1,
            ):
                raise ValueError("not 16 kHz mono 16-bit")
            wav.setpos(first)
            while left > 0:
                data = wav.readframes(min(block, left))
                if not data:
                    return
                left -= len(data) // SAMPLE_WIDTH
                yield data
    except (OSError, EOFError, wave.Error, ValueError) as exc:
        raise RecordingError(
            "recording.unrecoverable", path=str(stretch.path), reason=str(exc)
        ) from None


def stretch_phrases(stretch: Stretch, cutter: PhraseCutter) -> Iterator[Phrase]:
    """The stretch cut into phrases at pauses, in session seconds, as the live transcriber
    cuts them: each phrase is decoded on its own, so a segment's time is the phrase's
    start plus Whisper's offset inside a few seconds of audio, never a guess from deep
    inside a long window (where Whisper's time stamps drift by seconds, enough to file a
    sentence under the wrong question)."""
    at = stretch.at
    for data in stretch_blocks(stretch):
        yield from cutter.feed(at, data)
        at += len(data) / (SAMPLE_RATE * SAMPLE_WIDTH)
    yield from cutter.flush()


def _load_model(model_dir: Path, language: str) -> Any:
    """faster-whisper's model from ``model_dir`` only; an English-only model is refused for
    another language (it would write English-sounding nonsense, not the words spoken)."""
    require_model(model_dir)
    from faster_whisper import WhisperModel

    try:
        model = WhisperModel(
            str(model_dir), device="cpu", compute_type="int8", local_files_only=True
        )
    except (OSError, ValueError, RuntimeError) as exc:
        raise TranscriptError("transcribe.error.failed", name=model_dir.name, error=exc) from exc
    if language != "en" and not model.model.is_multilingual:
        raise TranscribeUnavailable(
            "transcribe.error.english_only", path=model_dir, language=language
        )
    return model


def transcribe_stretches(
    audio: SessionAudio,
    model_dir: Path,
    language: str,
    on_progress: Progress | None = None,
) -> list[Spoken]:
    """Decode every stretch with the model in ``model_dir``, phrase by phrase; the segments
    in session seconds, in the order spoken."""
    model = _load_model(model_dir, language)
    options = {**decode_options(language), "beam_size": BEAM_SIZE}
    total = audio.seconds
    done = 0.0
    spoken: list[Spoken] = []
    repeats = RepeatFilter()
    cutter = PhraseCutter(SileroDetector())
    for stretch in audio.stretches:
        try:
            for phrase in stretch_phrases(stretch, cutter):
                for segment in decode_phrase(model, phrase, options, repeats):
                    spoken.append((round(segment.start, 3), round(segment.end, 3), segment.text))
                if on_progress is not None:
                    on_progress(done + min(phrase.end - stretch.at, stretch.seconds), total)
        except (OSError, ValueError, RuntimeError) as exc:
            raise TranscriptError(
                "transcribe.error.failed", name=stretch.path.name, error=exc
            ) from exc
        done += stretch.seconds
        if on_progress is not None:
            on_progress(done, total)
    spoken.sort(key=lambda item: item[0])
    return spoken
