"""After the interview: the live transcriber finishes what it has heard, or is left for later.

The recording is stopped on a thread of its own (``SessionRecording.finish`` waits for the
transcriber), while this dialog says how much audio is left and offers ``escape``: the
transcriber is stopped at once and ``interviewer transcribe ID`` completes the transcript
from the recording afterwards. Dismisses with True when the transcript is complete.
"""

from __future__ import annotations

import contextlib
import threading
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from interviewer import debug_log
from interviewer.tui.host import HostModal
from interviewer.tui.session_recording import SessionRecording

TICK_SECONDS = 0.25


class FinishingDialog(HostModal[bool]):
    """See the module docstring."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", show=False)]

    def __init__(self, recording: SessionRecording) -> None:
        super().__init__()
        self.recording = recording
        self._done = False

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog"):
            yield Static(self._left_text(), id="finishing-left", classes="dialog-title")
            yield Static(
                t("tui.rec.finishing_leave", id=self.recording.session_id),
                classes="dialog-text",
            )

    def _left_text(self) -> str:
        status = self.recording.status()
        left = status.behind_seconds if status is not None else 0.0
        return self.app.t("tui.rec.finishing", seconds=f"{left:.0f}")

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, self._tick)
        threading.Thread(target=self._finish, name="finish-recording", daemon=True).start()

    def _finish(self) -> None:
        """On its own thread: stop and wait for the transcript, then close the dialog."""
        try:
            complete = self.recording.finish()
        except Exception as exc:  # the recording is closed as written; the rest is later
            debug_log.record(exc, "finishing: stop")
            self.recording.abort()
            complete = False
        with contextlib.suppress(RuntimeError):  # the app has gone meanwhile
            self.app.call_from_thread(self._close, complete)

    def _tick(self) -> None:
        self.query_one("#finishing-left", Static).update(self._left_text())

    def _close(self, complete: bool) -> None:
        if not self._done:
            self._done = True
            self.dismiss(complete)

    def action_leave(self) -> None:
        """Stop the transcriber now; the recording stays for ``interviewer transcribe``."""
        self.recording.abort()
        self._close(False)
