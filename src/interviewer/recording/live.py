"""The interview's own recording while it runs: source, file, live transcript, in one place.

``LiveRecording`` ties an ``AudioSource`` (the microphone, or a WAV played in real time) to
a ``RecordingWriter`` and, given a model folder, a ``LiveTranscriber`` in a worker process.
The screen calls ``start`` when the interview clock starts, ``pause``/``resume`` with the
clock, ``toggle`` for the interviewer's record key and ``stop`` at the end; it reads
``status`` and ``recent_lines`` from a timer. Nothing here blocks the UI thread except
``stop``, which waits for the transcriber to finish and is meant for a worker thread.

Every frame's interview second is known exactly: the writer's file starts at the clock's
reading (``session_start``) and the source counts its own time, so the transcriber is fed
``session_start + frame.offset`` and hears in session seconds: each segment is filed under
the question on screen when spoken (``interviewer.transcript.heard``). It is stored, and
shown in the live strip, at its *recording position* (seconds into the session's recordings
played one after another: where a player finds it), through the ``RecordingClock`` built
here as the file grows (``recording_clock``: the earlier files, from earlier sittings too,
then the writer's spans) and saved with each segment.

Consent first: ``start`` and switching on with ``toggle`` refuse unless the protocol's
recording consent item is ticked (``domain.recording_consent.may_record``).

Failures never stop the interview: a full disk or a lost device becomes ``status().problem``
(keyed, for the screen) and the recording goes on when writing works again; a transcriber
that dies leaves the recording running, and ``interviewer transcribe ID`` can make the
transcript afterwards.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from interviewer.domain.mutation import session_lock
from interviewer.domain.recording_consent import may_record
from interviewer.i18n.errors import TranslatableError
from interviewer.recording.frames import SILENCE_DBFS, Frame, RecordingError
from interviewer.recording.source import AudioSource
from interviewer.recording.timemap import FileTime, TimeMap, load_map, recording_clock
from interviewer.recording.writer import RecordingWriter, audio_seconds, recordings_of
from interviewer.transcript.heard import RECORDED, heard_segments, recorded_transcript
from interviewer.transcript.model import RecordingClock, Segment, Transcript, TranscriptError
from interviewer.transcript.storage import TranscriptStore

if TYPE_CHECKING:
    from interviewer.domain.recorder import SessionRecorder
    from interviewer.recording.transcriber import HeardSegment


class Transcriber(Protocol):
    """What ``LiveRecording`` needs of a transcriber (``recording.transcriber.LiveTranscriber``)."""

    def start(self) -> None: ...

    def feed(self, at: float, pcm: bytes) -> None: ...

    def gap(self) -> None: ...

    @property
    def behind_seconds(self) -> float: ...

    @property
    def error(self) -> TranslatableError | None: ...

    def stop(self, timeout: float | None = None) -> bool: ...

    def abort(self) -> None: ...


STALL_SECONDS = 3.0
"""Seconds without a single frame from a running source after which the source is taken to
have stopped (a microphone unplugged, PortAudio's stream gone): frames come every 0.1 s."""

TranscriberFactory = Callable[..., Transcriber]
"""Called as ``factory(model_dir, language, on_segment=...)``."""


def _live_transcriber(
    model_dir: Path, language: str, *, on_segment: Callable[[HeardSegment], None]
) -> Transcriber:
    from interviewer.recording.transcriber import LiveTranscriber

    return LiveTranscriber(model_dir, language, on_segment=on_segment)


@dataclass(frozen=True)
class HeardLine:
    """One line of the live strip: when it was said (its recording position: where it is
    in the audio, the interview clock in a single sitting), what, and by whom."""

    start: float
    text: str
    speaker: str | None


@dataclass(frozen=True)
class RecordingStatus:
    """What the pace bar and the live strip show; see ``LiveRecording.status``."""

    active: bool
    """Recording is switched on (the interviewer did not switch it off with the key)."""
    writing: bool
    """Frames are being written now: active, started and the clock not paused."""
    seconds: float
    """Audio recorded in this run (all files)."""
    level_dbfs: float
    """Input level of the last frame; it moves while paused too (is the microphone alive?)."""
    transcribing: bool
    behind_seconds: float
    """Audio heard but not yet transcribed."""
    segments: int
    problem: TranslatableError | None
    """The latest failure (disk full, device lost, transcriber stopped), for the screen."""


class LiveRecording:
    """See the module docstring."""

    def __init__(
        self,
        data_dir: str | Path,
        recorder: SessionRecorder,
        source: AudioSource,
        *,
        model_dir: Path | None = None,
        language: str = "nl",
        on_update: Callable[[], None] | None = None,
        transcriber_factory: TranscriberFactory | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.recorder = recorder
        self.session = recorder.session
        self.source = source
        self.model_dir = model_dir
        self.language = language
        self.on_update = on_update
        self._factory = transcriber_factory or _live_transcriber
        self._lock = threading.Lock()
        self._writer: RecordingWriter | None = None
        self._finished_seconds = 0.0
        """Audio in the files of this run that are already closed."""
        self._files: list[FileTime] = []
        """The session's closed recording files, earlier sittings' too, for the clock."""
        self._current: TimeMap | None = None
        """The time map of the file being written (its spans grow as it is written)."""
        self._session_start = 0.0
        self._active = True
        self._clock_paused = False
        self._stopped = False
        self._problem: TranslatableError | None = None
        self._transcriber: Transcriber | None = None
        self._transcript: Transcript | None = None
        self._transcripts = TranscriptStore(self.data_dir)
        self._unsaved = False
        self._last_frame = 0.0
        """``time.monotonic()`` of the last frame from the source (the stall watch)."""

    # --- starting -------------------------------------------------------------------------
    def start(self) -> None:
        """Open the next recording file and start hearing (see the module docstring).

        Raises the keyed errors the screen shows as one line: ``recording.no_consent``,
        ``AudioUnavailable`` from the source, ``TranscribeUnavailable`` from the
        transcriber (the recording then runs, without transcription: call ``start``
        once, catch, and go on).
        """
        self._require_consent()
        with session_lock(self.session):
            self._session_start = self.recorder.now()
        earlier = self._closed_files()
        self._writer = RecordingWriter(
            self.data_dir, self.session.id, session_start=self._session_start
        )
        with self._lock:
            self._files, self._current = earlier, self._writer.time_map
        self._clock_paused = False
        self._last_frame = time.monotonic()
        unavailable: TranscriptError | None = None
        if self.model_dir is not None:  # before the source: it hears from the first frame
            try:
                self._start_transcriber(self.model_dir)
            except TranscriptError as exc:  # recording goes on without it; said below
                unavailable = exc
        try:
            self.source.start(self._on_frame)
        except BaseException:  # no microphone after all: leave no empty file behind
            path = self._writer.path
            self._close_writer()
            if self._transcriber is not None:
                self._transcriber.abort()
                self._transcriber = None
            for leftover in (path, path.with_suffix(".json")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            raise
        if unavailable is not None:
            raise unavailable

    def _closed_files(self) -> list[FileTime]:
        """The session's recordings so far (an earlier sitting's, this run's closed ones),
        each with its time map and its seconds by the file's length (repaired on resume).
        A damaged file or companion leaves that file unplaced, never the recording
        stopped: it is reported, and ``interviewer transcribe ID`` says which."""
        files: list[FileTime] = []
        for path in recordings_of(self.data_dir, self.session.id):
            try:
                files.append((load_map(path), audio_seconds(path)))
            except RecordingError as exc:
                self._report(exc)
                files.append((None, 0.0))
        return files

    def _clock(self) -> RecordingClock | None:
        """The clock of every file so far, the one being written included."""
        with self._lock:
            files = list(self._files)
            current = self._current
        if current is not None:
            files.append((TimeMap(current.session_start, list(current.spans)), None))
        return recording_clock(files)

    def _require_consent(self) -> None:
        with session_lock(self.session):
            allowed = may_record(self.session.protocol, self.session)
        if not allowed:
            raise RecordingError("recording.no_consent")

    def _start_transcriber(self, model_dir: Path) -> None:
        existing = self._existing_transcript()
        transcriber = self._factory(model_dir, self.language, on_segment=self._on_segment)
        transcriber.start()  # TranscribeUnavailable goes to the caller: record without it
        self._transcript = existing
        self._transcriber = transcriber

    def _continued(self, transcript: Transcript) -> Transcript:
        """A transcript recorded before recording positions (no clock: its times are
        session seconds) is moved onto the clock, so old and new lines share one."""
        clock = self._clock()
        if transcript.clock is not None or clock is None:
            return transcript
        transcript.segments = [
            Segment(
                round(clock.to_position(s.start), 3),
                None if s.end is None else round(clock.to_position(s.end), 3),
                s.text,
                s.speaker,
                s.words,
            )
            for s in transcript.segments
        ]
        transcript.clock = clock
        return transcript

    def _existing_transcript(self) -> Transcript | None:
        """A transcript this app recorded earlier (a resumed session) is continued; one
        imported from elsewhere is never overwritten by the live one."""
        if not self._transcripts.exists(self.session.id):
            return None
        transcript = self._transcripts.load(self.session.id)
        if transcript.source_format != RECORDED:
            raise TranscriptError("recording.imported_transcript", id=self.session.id)
        return self._continued(transcript)

    # --- frames, on the source's thread ---------------------------------------------------
    def _on_frame(self, frame: Frame) -> None:
        self._last_frame = time.monotonic()
        writer = self._writer
        if writer is None:
            return
        try:
            writer.write(frame)
        except RecordingError as exc:  # a full disk: keep going, the next frame retries
            self._report(exc)
            return
        if writer.paused or self._transcriber is None:
            return
        self._transcriber.feed(self._session_start + frame.offset, frame.data)

    def _report(self, problem: TranslatableError) -> None:
        changed = self._problem is None or problem.message_key != self._problem.message_key
        self._problem = problem
        if changed and self.on_update is not None:
            self.on_update()

    # --- segments, on the transcriber's thread --------------------------------------------
    def _on_segment(self, heard: HeardSegment) -> None:
        clock = self._clock()
        spoken = [(heard.start, heard.end, heard.text)]
        with session_lock(self.session):
            (segment,) = heard_segments(self.session, spoken, clock)
        with self._lock:
            if self._transcript is None:
                self._transcript = recorded_transcript(self.session, [], clock)
            self._transcript.clock = clock
            self._transcript.segments.append(segment)
            self._unsaved = True
        self._save_transcript()
        if self.on_update is not None:
            self.on_update()

    def _save_transcript(self) -> None:
        with self._lock:
            if self._transcript is None or not self._unsaved:
                return
            try:
                self._transcripts.save(self._transcript)
            except (OSError, TranscriptError) as exc:  # kept in memory; the next one retries
                self._problem = RecordingError(
                    "recording.transcript_unsaved", reason=getattr(exc, "strerror", None) or exc
                )
                return
            self._unsaved = False

    # --- the clock and the record key ------------------------------------------------------
    def pause(self) -> None:
        """The interview clock paused (``f5``): nothing is written until ``resume``."""
        self._clock_paused = True
        self._apply()

    def resume(self) -> None:
        """The interview clock runs again."""
        self._clock_paused = False
        self._apply()

    def toggle(self) -> bool:
        """The interviewer's record key: switch recording off, or on again (consent
        permitting); returns whether it is on now."""
        if not self._active:
            self._require_consent()
        self._active = not self._active
        self._apply()
        return self._active

    def _apply(self) -> None:
        writer = self._writer
        if writer is None:
            return
        if self._active and not self._clock_paused:
            writer.resume()
            return
        try:
            writer.pause()
        except RecordingError as exc:
            self._report(exc)
        if self._transcriber is not None:
            self._transcriber.gap()

    # --- what the screen reads -------------------------------------------------------------
    def status(self) -> RecordingStatus:
        """The state now (cheap: called several times a second by the pace bar)."""
        writer = self._writer
        transcriber = self._transcriber
        problem = self._problem or self._source_problem()
        transcribing = transcriber is not None and not self._stopped
        if transcriber is not None and transcriber.error is not None:
            problem, transcribing = transcriber.error, False
        with self._lock:
            segments = len(self._transcript.segments) if self._transcript else 0
        return RecordingStatus(
            active=self._active,
            writing=writer is not None and not writer.paused and not self._stopped,
            seconds=self._finished_seconds + (writer.seconds if writer else 0.0),
            level_dbfs=writer.level if writer else SILENCE_DBFS,
            transcribing=transcribing,
            behind_seconds=transcriber.behind_seconds if transcriber else 0.0,
            segments=segments,
            problem=problem,
        )

    def _source_problem(self) -> TranslatableError | None:
        """A source that failed on its own thread, or stopped delivering while it should
        (an unplugged microphone): the badge must not say REC over a silent file. A file
        played in (``--audio-input``) that has simply ended is no problem."""
        if self._writer is None or self._stopped:
            return None
        error = getattr(self.source, "error", None)
        if isinstance(error, TranslatableError):
            return error
        if error is not None:
            return RecordingError("recording.source_failed", reason=str(error))
        if time.monotonic() - self._last_frame > STALL_SECONDS and not self.source.join(0):
            return RecordingError("recording.source_stalled", seconds=f"{STALL_SECONDS:.0f}")
        return None

    def recent_lines(self, count: int) -> list[HeardLine]:
        """The last ``count`` segments heard, oldest first."""
        with self._lock:
            if self._transcript is None or count <= 0:
                return []
            tail = self._transcript.segments[-count:]
        return [HeardLine(s.start, s.text, s.speaker) for s in tail]

    @property
    def path(self) -> Path | None:
        """The file being written (None before ``start``)."""
        return self._writer.path if self._writer else None

    # --- the end ----------------------------------------------------------------------------
    def stop(self, timeout: float | None = 30.0) -> bool:
        """Stop hearing, close the file, let the transcriber finish what is queued (at most
        ``timeout`` seconds) and save the transcript. True when every second recorded is
        transcribed (always True without a transcriber); False leaves the rest to
        ``interviewer transcribe ID``. Blocks: call it from a worker thread."""
        self._stop_source()
        complete = True
        if self._transcriber is not None:
            complete = self._transcriber.stop(timeout)
        self._save_transcript()
        return complete

    def abort(self) -> None:
        """Quit at once: the file is closed (playable), the transcriber is killed."""
        self._stop_source()
        if self._transcriber is not None:
            self._transcriber.abort()
        self._save_transcript()

    def _stop_source(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self.source.stop()
        self._close_writer()

    def _close_writer(self) -> None:
        writer, self._writer = self._writer, None
        if writer is None:
            return
        try:
            writer.close()
        except RecordingError as exc:
            self._problem = exc
        self._finished_seconds += writer.seconds
        with self._lock:  # the transcriber may still be finishing: its lines need the clock
            self._files.append((writer.time_map, writer.seconds))
            self._current = None
