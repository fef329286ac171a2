"""The open session behind the screens: recorder, timing engine, autosaver and store lock.

No Textual here: the app owns one ``LiveSession`` while a session is open, screens call its
recorder and read its engine, and the app's exit paths (ctrl+q, SIGHUP/SIGTERM, an
unhandled exception) call ``close()``. ``commit`` is set by the screen that holds an editor:
it copies text not yet handed to the recorder, so every save includes the last keystroke.

``recording`` (``tui.session_recording.SessionRecording``) is set when the interview is
recorded (``run --record``); ``close`` stops it within a few seconds (the files stay,
``interviewer transcribe ID`` completes the transcript), ``abort_recording`` at once (signals,
a crash). Finishing the interview stops it itself, waiting for the transcript.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from interviewer import debug_log
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import KeyRecord, Session, SessionStatus
from interviewer.domain.timing import TimingEngine

if TYPE_CHECKING:
    from interviewer.recording.repair import RecordingRepair
    from interviewer.tui.session_recording import SessionRecording

Clock = Callable[[], float]


class LiveSession:
    """One session being run: see the module docstring. ``store`` is a ``SessionStore``."""

    def __init__(
        self,
        store: Any,
        session: Session,
        *,
        key: KeyRecord | None = None,
        clock: Clock = time.time,
        delay: float = 1.0,
    ) -> None:
        self.store = store
        self.session = session
        self.clock = clock
        self.delay = delay
        self.recorder = SessionRecorder(session, clock, key=key, on_change=self._on_change)
        self.engine = TimingEngine(session, clock)
        self.commit: Callable[[], object] | None = None
        self.key_error: str | None = None
        self.autosaver: Any = None
        self.recording: SessionRecording | None = None
        """The interview's recording (``run --record``), or None."""
        self.recording_repair: RecordingRepair | None = None
        """What ``recover`` found and repaired in the session's recordings."""
        self._closed = False

    # --- lifecycle ----------------------------------------------------------------------
    def open(self) -> LiveSession:
        """Start autosaving, which takes the store lock (raises the store's SessionLocked)."""
        self.autosaver = self.store.autosaver(self.session, delay=self.delay)
        return self

    def recover(self) -> bool:
        """After loading from disk: repair the session's recordings a crash left behind
        (``recording_repair``; its ``lines`` are for the caller to show: stderr for
        ``interviewer resume``, a notification on the home screen), then pause an
        in-progress session at its last activity, or where its recording ends if that is
        later (an interview recorded without typing ran on until then). A damaged recording
        never stops this."""
        from interviewer.recording.repair import repair_recordings

        data_dir = getattr(self.store, "data_dir", None)
        if data_dir is not None:
            self.recording_repair = repair_recordings(data_dir, self.session.id)
        heard = self.recording_repair.heard_until if self.recording_repair else None
        return self.recorder.recover_after_restart(active_until=heard)

    def recording_lines(self, lang: str) -> list[str]:
        """What ``recover`` did to the recordings, in ``lang`` (empty when nothing needed
        saying): one line for the repaired files, a warning per damaged one."""
        if self.recording_repair is None:
            return []
        return self.recording_repair.lines(lang)

    def close(self) -> Any:
        """Commit, write everything now, release the lock; returns the last SaveResult."""
        if self._closed:
            return self.last_result
        result = None
        try:
            self._commit()
            if self.recorder.key.fields:
                self.save_key()
        finally:
            self._closed = True
            if self.autosaver is not None:
                result = self.autosaver.close()  # writes, then releases the lock
            self._stop_recording()
        return result

    def _stop_recording(self) -> None:
        """Quitting: the recording stops within seconds; the files stay."""
        recording = self.recording
        if recording is None or recording.ended:
            return
        try:
            recording.quit()
        except Exception as exc:  # the exit path goes on; the file is playable as written
            debug_log.record(exc, "live: stop recording")
            recording.abort()

    def abort_recording(self) -> None:
        """Stop the recording at once (a signal, a crash): the file is closed as it is."""
        if self.recording is not None and not self.recording.ended:
            self.recording.abort()

    @property
    def closed(self) -> bool:
        """True once ``close()`` ran."""
        return self._closed

    # --- saving -------------------------------------------------------------------------
    def _commit(self) -> None:
        if self.commit is not None:
            self.commit()

    def _on_change(self, what: str) -> None:
        if what == "key":
            self.save_key()
        elif self.autosaver is not None and not self._closed:
            self.autosaver.request()

    def flush(self) -> Any:
        """Commit the editor and write now (on every navigation); returns the SaveResult."""
        if self._closed:
            return self.last_result
        self._commit()
        if self.autosaver is None:
            return None
        return self.autosaver.flush()

    def save_key(self) -> None:
        """Write the key record (closing fields) to the store's key file."""
        try:
            self.store.save_key(self.recorder.key)
            self.key_error = None
        except Exception as exc:  # reported on screen, never swallowed silently
            debug_log.record(exc, "live: save_key")
            detail = f": {exc.strerror}" if isinstance(exc, OSError) else ""
            self.key_error = type(exc).__name__ + detail

    @property
    def last_result(self) -> Any:
        """The autosaver's last SaveResult (None before the first write)."""
        return None if self.autosaver is None else self.autosaver.last_result

    # --- state --------------------------------------------------------------------------
    @property
    def unfinished(self) -> bool:
        """True while the interview has not been finished."""
        return self.session.status is not SessionStatus.FINISHED
