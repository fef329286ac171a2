"""The app opened directly on one session's verbatim transcript (``interviewer transcript
view``): the interviewer's app without its home screen, showing ``TranscriptScreen`` at once.

An app, not a screen, so it lives beside ``app.py`` rather than in ``screens/``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from textual import events

from interviewer.domain.session import Session
from interviewer.transcript import Transcript
from interviewer.tui import app as app_module
from interviewer.tui.app import InterviewerApp
from interviewer.tui.screens.transcript import open_transcript_screen


class TranscriptApp(InterviewerApp):
    """The app opened directly on one session's transcript (``interviewer transcript view``)."""

    CSS_PATH = str(Path(app_module.__file__).with_name(InterviewerApp.CSS_PATH))

    def __init__(
        self, store: Any, session: Session, transcript: Transcript | None = None, **kwargs: Any
    ) -> None:
        super().__init__(store, **kwargs)
        self.verbatim_session = session
        self.verbatim_transcript = transcript

    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # not the home screen of InterviewerApp.on_mount
        if self.handle_signals:
            self._install_signal_handlers()
        open_transcript_screen(self, self.verbatim_session, self.verbatim_transcript)


def make_transcript_app(
    store: Any,
    session: Session,
    transcript: Transcript | None = None,
    *,
    lang: str = "en",
    clock: Any = time.time,
    blink: bool = True,
    handle_signals: bool = True,
) -> TranscriptApp:
    """The app for ``interviewer transcript view`` and the tests; ``escape`` exits it."""
    return TranscriptApp(
        store,
        session,
        transcript,
        lang=lang,
        clock=clock,
        blink=blink,
        handle_signals=handle_signals,
    )
