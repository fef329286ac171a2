"""The app's side of recording an interview: what ``run --record`` asked for, checked and
turned into lines for the interviewer, and the ``LiveRecording`` the screens drive.

Recording is never needed to run an interview. Whatever is missing (a consent item in the
protocol, the optional extra, PortAudio, a microphone, the audio file, faster-whisper, a
model) is ONE keyed line saying what and how to get it, and the interview runs without
recording (or without live transcription). The cheap checks (``check_request``: the
consent item, the audio file, a model given at all) run in the command before the screen,
so their line is printed where it is read again after the interview; the ones that cost
start-up time (importing ``sounddevice`` or the recorder, which bring the session models,
reading the audio file, the model folder) run once the session is open, on a worker thread
(``SessionRecording.prepare``), and are shown on the screen.

No Textual here: the screens call ``SessionRecording`` and show the lines it returns.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer import debug_log
from interviewer.i18n import translate
from interviewer.i18n.errors import TranslatableError, error_message

if TYPE_CHECKING:
    from interviewer.domain.recorder import SessionRecorder
    from interviewer.recording.live import HeardLine, LiveRecording, RecordingStatus
    from interviewer.recording.source import AudioSource

QUIT_STOP_SECONDS = 2.0
"""How long quitting an unfinished interview lets the transcriber finish what it holds
before the recording is closed (the rest waits for ``interviewer transcribe ID``)."""
FINISH_STOP_SECONDS = 600.0
"""How long finishing the interview waits for the transcript at most (the interviewer can
leave earlier with ``escape``)."""
DEAD_MIC_SECONDS = 20.0
"""Seconds of recording after which a level that never rose above ``DEAD_MIC_DBFS`` is
reported as a microphone that hears nothing."""
DEAD_MIC_DBFS = -60.0
"""A level below this is silence: a quiet room with a live microphone is louder."""


@dataclass(frozen=True)
class RecordRequest:
    """What the command line asked for (``--record``, ``--audio-device``,
    ``--audio-input``, ``--transcribe-model``), after ``check_request``: a field that could
    not be used is cleared. ``transcriber_factory`` lets tests hear without a model (with
    any ``model_dir``: it is passed to the factory unchecked)."""

    device: str | None = None
    audio_input: Path | None = None
    model_dir: Path | None = None
    transcriber_factory: Callable[..., Any] | None = None
    realtime: bool = True
    """``audio_input`` is played at the pace of speech (False: as fast as it is taken,
    for tests that must not wait for the file)."""

    def source(self) -> AudioSource:
        """The source of the frames: the file played in real time, else the microphone.
        Raises the recorder's keyed errors (no extra, no PortAudio, a bad file)."""
        from interviewer.recording.source import FileSource, MicrophoneSource

        if self.audio_input is not None:
            return FileSource(self.audio_input, realtime=self.realtime)
        return MicrophoneSource(self.device)


def first_line(text: str) -> str:
    """The first line of a message, without its closing full stop (it is part of a line)."""
    lines = text.strip().splitlines()
    return lines[0].rstrip(". ") if lines else ""


def without_recording(reason: str, lang: str) -> str:
    """One line: why, and that the interview runs without recording."""
    return translate("tui.rec.without", lang, reason=first_line(reason) + ".")


def without_transcript(reason: str, lang: str) -> str:
    """One line: why, and that the interview is recorded but not transcribed live."""
    return translate("tui.rec.without_transcript", lang, reason=first_line(reason))


def check_request(
    request: RecordRequest, *, consent_item: bool, protocol_name: str, lang: str
) -> tuple[RecordRequest | None, list[str]]:
    """The request as far as it can be used, and the lines saying what cannot.

    ``consent_item``: the protocol marks a checklist item ``recording: true``. Without it
    nothing is recorded (the checker's ``record_warning`` line). A missing audio file is no
    recording; no model folder (neither ``--transcribe-model`` nor the settings file's
    ``transcribe_model``) is recording without transcription. Cheap, for the command before
    the first frame: no audio library, no session model, no file read."""
    if not consent_item:
        return None, [translate("recording.no_consent_item", lang, protocol=protocol_name)]
    if request.audio_input is not None and not request.audio_input.is_file():
        missing = translate("recording.no_such_file", lang, path=str(request.audio_input))
        return None, [without_recording(missing, lang)]
    model_dir = request.model_dir
    if model_dir is None:
        from interviewer.settings import configured_transcribe_model

        model_dir = configured_transcribe_model()
    lines: list[str] = []
    if model_dir is None and request.transcriber_factory is None:
        lines.append(translate("tui.rec.no_model", lang))
    return replace(request, model_dir=model_dir), lines


def model_problem(model_dir: Path, lang: str) -> str | None:
    """What keeps ``model_dir`` from transcribing (faster-whisper, the folder), or None."""
    from interviewer.transcript.transcribe import TranscribeUnavailable, require_model

    try:
        require_model(model_dir)
    except TranscribeUnavailable as exc:
        return error_message(exc, lang)
    return None


def start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker now, before the app runs.

    The live transcriber's worker process needs it, and it is started on first use, with the
    process's stderr passed on. While Textual runs, ``sys.stderr`` is Textual's capture,
    whose ``fileno()`` is -1, and starting the tracker then fails (``ValueError`` from
    ``fork_exec``): the interview would be recorded without its transcript."""
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()


def in_background(
    app: Any, name: str, work: Callable[[], list[str]], done: Callable[[list[str]], None]
) -> None:
    """Run ``work`` on a thread of its own (opening a microphone or starting the
    transcriber's process may take a moment) and hand the lines it returns to ``done`` on
    the app's thread. An unexpected error is one line, its type (the traceback goes to the
    debug log): recording never stands in the interview's way. If the app has gone
    meanwhile, nothing is handed on."""

    def run() -> None:
        try:
            lines = work()
        except Exception as exc:
            debug_log.record(exc, name)
            lines = [type(exc).__name__]
        with contextlib.suppress(RuntimeError):
            app.call_from_thread(done, lines)

    threading.Thread(target=run, name=name, daemon=True).start()


def consent_item_in(checklist: Iterable[Any]) -> bool:
    """True when a checklist (the protocol's, or the light view's) marks an item
    ``recording: true``."""
    return any(getattr(item, "recording", False) for item in checklist)


class MicrophoneWatch:
    """Notices a microphone that hears nothing: after ``DEAD_MIC_SECONDS`` of recording
    with the level never above ``DEAD_MIC_DBFS``, ``look`` says so, once."""

    def __init__(self) -> None:
        self.loudest = float("-inf")
        self.warned = False

    def look(self, status: RecordingStatus) -> bool:
        """Take one reading; True the one time the microphone should be checked."""
        self.loudest = max(self.loudest, status.level_dbfs)
        if self.warned or not status.writing or status.seconds < DEAD_MIC_SECONDS:
            return False
        if self.loudest > DEAD_MIC_DBFS:
            return False
        self.warned = True
        return True


class SessionRecording:
    """The recording of one open session, as the screens drive it.

    ``prepare`` (when the session is open) makes the source and the ``LiveRecording``;
    ``start`` (when the clock starts, or the interview screen opens on a resumed session)
    starts it; ``follow_clock`` keeps it paused with the clock; ``toggle`` is the record
    key; ``finish``/``quit``/``abort`` end it. Each returns the lines to show, if any.

    ``prepare`` and ``start`` may take a moment (PortAudio scans the devices, the
    transcriber's process starts), so the app runs them on a worker thread; a lock keeps
    them and the UI thread's ``follow_clock``/``toggle`` apart. ``finish`` waits for the
    transcriber outside the lock, so the screen's timer never waits for it.
    """

    def __init__(
        self,
        request: RecordRequest,
        data_dir: Path,
        recorder: SessionRecorder,
        *,
        on_update: Callable[[], None] | None = None,
    ) -> None:
        self.request = request
        self.data_dir = Path(data_dir)
        self.recorder = recorder
        self.on_update = on_update
        self.recording: LiveRecording | None = None
        self.model_dir = request.model_dir
        """The model that transcribes live (cleared when it cannot)."""
        self.started = False
        self.ended = False
        self.aborted = False
        self.watch = MicrophoneWatch()
        self._lock = threading.RLock()
        self._prepared = False
        self.ready = False
        """``prepare`` has made the recording (it may be started now)."""
        self._clock_paused = False
        self._problem_key: str | None = None

    @property
    def session_id(self) -> str:
        return self.recorder.session.id

    # --- before the clock ---------------------------------------------------------------
    def prepare(self, lang: str) -> list[str]:
        """Make the source and the recording; the line saying why not, if it cannot be.
        Runs once; imports the audio library and reads an ``--audio-input`` file."""
        with self._lock:
            if self._prepared:
                return []
            self._prepared = True
            return self._prepare(lang)

    def _prepare(self, lang: str) -> list[str]:
        from interviewer.recording.frames import RecordingError
        from interviewer.recording.live import LiveRecording

        try:
            source = self.request.source()
            if self.request.audio_input is None:
                self._require_microphone()
        except RecordingError as exc:
            self.ended = True
            return [without_recording(error_message(exc, lang), lang)]
        lines: list[str] = []
        model_dir = self.request.model_dir
        options: dict[str, Any] = {}
        if self.request.transcriber_factory is not None:
            options["transcriber_factory"] = self.request.transcriber_factory
        elif model_dir is not None and (problem := model_problem(model_dir, lang)):
            lines.append(without_transcript(problem, lang))
            model_dir = None
        self.model_dir = model_dir
        self.recording = LiveRecording(
            self.data_dir,
            self.recorder,
            source,
            model_dir=model_dir,
            language=self.recorder.session.protocol.language,
            on_update=self.on_update,
            **options,
        )
        self.ready = True
        return lines

    def _require_microphone(self) -> None:
        """No input device at all is said before the interview, not at its start."""
        from interviewer.recording.frames import AudioUnavailable
        from interviewer.recording.source import list_input_devices

        if self.request.device is None and not list_input_devices():
            raise AudioUnavailable("tui.rec.no_microphone")

    # --- the clock ----------------------------------------------------------------------
    def start(self, lang: str) -> list[str]:
        """Start recording with the interview clock (once; the interview screen calls it
        when the clock runs, so a resumed session starts recording at its first f5). The
        lines: consent not ticked, no device after all (no
        recording), or no transcriber (recording without it)."""
        with self._lock:
            if self.recording is None or self.started or self.ended:
                return []
            return self._start(self.recording, lang)

    def _start(self, recording: LiveRecording, lang: str) -> list[str]:
        from interviewer.recording.frames import RecordingError
        from interviewer.transcript.model import TranscriptError

        lines: list[str] = []
        try:
            recording.start()
        except RecordingError as exc:
            self.ended = True
            self.recording = None
            if exc.message_key == "recording.no_consent":
                return [error_message(exc, lang)]
            return [without_recording(error_message(exc, lang), lang)]
        except TranscriptError as exc:  # the recording runs; the transcript does not
            lines.append(without_transcript(error_message(exc, lang), lang))
        self.started = True
        self._clock_paused = False
        self.follow_clock()
        return lines

    def follow_clock(self) -> None:
        """Pause or resume the recording as the interview clock is paused or running (f5,
        and the recorder's own resume when the interviewer moves on while paused)."""
        with self._lock:
            recording = self.recording
            if recording is None or not self.started or self.ended:
                return
            paused = self.recorder.session.status.value == "paused"
            if paused != self._clock_paused:
                self._clock_paused = paused
                if paused:
                    recording.pause()
                else:
                    recording.resume()

    def toggle(self, lang: str) -> str:
        """The record key: switch recording off or on again; the line to show."""
        from interviewer.recording.frames import RecordingError

        with self._lock:
            recording = self.recording
            if recording is None or not self.started or self.ended:
                return translate("tui.rec.not_recording", lang)
            try:
                on = recording.toggle()
            except RecordingError as exc:
                return error_message(exc, lang)
        return translate("tui.rec.switched_on" if on else "tui.rec.switched_off", lang)

    # --- what the screen shows ------------------------------------------------------------
    def status(self) -> RecordingStatus | None:
        """The recording's state (None when nothing is recorded)."""
        if self.recording is None or not self.started:
            return None
        return self.recording.status()

    def recent_lines(self, count: int) -> list[HeardLine]:
        return [] if self.recording is None else self.recording.recent_lines(count)

    def new_problem(self, status: RecordingStatus, lang: str) -> str | None:
        """The line for a failure not shown before (a full disk, a lost device)."""
        problem: TranslatableError | None = status.problem
        key = None if problem is None else problem.message_key
        if key == self._problem_key:
            return None
        self._problem_key = key
        return None if problem is None else error_message(problem, lang)

    # --- the end --------------------------------------------------------------------------
    def finish(self, timeout: float | None = FINISH_STOP_SECONDS) -> bool:
        """The interview is finished: stop, let the transcriber finish, save. Blocks (a
        worker thread). True when the transcript is complete."""
        with self._lock:
            recording = self.recording
            if recording is None or not self.started:
                self.ended = True
                return not self.aborted
            if self.ended:
                return not self.aborted
            self.ended = True
        return recording.stop(timeout) and not self.aborted

    def quit(self) -> bool:
        """The app is quitting an unfinished interview: stop within a few seconds; the
        files stay and ``interviewer transcribe ID`` completes the transcript."""
        return self.finish(QUIT_STOP_SECONDS)

    def abort(self) -> None:
        """Stop at once (signals, a crash, ``escape`` while finishing): the file is closed
        and playable, the transcriber is killed. Never raises."""
        recording = self.recording
        self.ended = True
        self.aborted = True
        if recording is None:
            return
        try:
            recording.abort()
        except Exception as exc:  # the exit path must go on; the files stay
            debug_log.record(exc, "recording: abort")
