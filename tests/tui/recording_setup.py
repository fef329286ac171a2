"""Shared set-up of the recording tests: a protocol that asks consent to record, a session
of it, the app with a ``RecordRequest``, a fake transcriber, and waiting helpers."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.session_factory import new_session
from interviewer.recording.transcriber import HeardSegment
from interviewer.store import SessionStore
from interviewer.tui.app import InterviewerApp, make_app
from interviewer.tui.live import LiveSession
from interviewer.tui.session_recording import RecordRequest
from tests.fake_clock import FakeClock
from tests.tui.conftest import build_protocol

CHECKLIST = [
    {"id": "opname", "label": "Toestemming voor de opname", "required": True, "recording": True},
    {"id": "vragen", "label": "Zijn er nog vragen?"},
]


def recording_protocol(**overrides: Any) -> InterviewProtocol:
    """The TUI test protocol whose first checklist item is the consent to recording."""
    intro = {"script": "Welkom bij dit interview.", "checklist": CHECKLIST}
    return build_protocol(introduction=intro, **overrides)


def open_recorded(
    store: SessionStore,
    clock: Callable[[], float],
    protocol: InterviewProtocol | None = None,
    **kwargs: Any,
) -> LiveSession:
    """A new session of ``protocol`` (default: ``recording_protocol``), stored and opened."""
    session = new_session(
        protocol or recording_protocol(), case="Borne", respondent="1.1", clock=clock, **kwargs
    )
    store.create(session)
    return LiveSession(store, session, clock=clock).open()


def recorded_app(
    store: SessionStore,
    clock: Callable[[], float],
    live: LiveSession,
    request: RecordRequest,
    record_lines: tuple[str, ...] = (),
) -> InterviewerApp:
    return make_app(
        store,
        live=live,
        lang="en",
        clock=clock,
        blink=False,
        handle_signals=False,
        record=request,
        record_lines=record_lines,
    )


async def wait_for(pilot: Any, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let the app run until ``condition`` holds (fails after ``timeout`` seconds)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not reached within {timeout} s")
        await pilot.pause(0.05)


async def settle(seconds: float) -> None:
    """Real time passing (the file source plays in real time)."""
    await asyncio.sleep(seconds)


class FakeTranscriber:
    """Hears the given (start, end, text) segments once the audio fed reaches their end
    (file offsets), on the audio thread; never behind. Deterministic: no model."""

    def __init__(
        self,
        said: list[tuple[float, float, str]],
        on_segment: Callable[[HeardSegment], None],
    ) -> None:
        self.said = list(said)
        self.on_segment = on_segment
        self.first_at: float | None = None
        self.fed = 0.0
        self.gaps = 0
        self.stopped = False
        self.aborted = False

    def start(self) -> None:
        pass

    def feed(self, at: float, pcm: bytes) -> None:
        if self.first_at is None:
            self.first_at = at
        self.fed = at - self.first_at + len(pcm) / 32_000
        while self.said and self.said[0][1] <= self.fed:
            start, end, text = self.said.pop(0)
            self.on_segment(HeardSegment(self.first_at + start, self.first_at + end, text))

    def gap(self) -> None:
        self.gaps += 1

    @property
    def behind_seconds(self) -> float:
        return 0.0

    @property
    def error(self) -> None:
        return None

    def stop(self, timeout: float | None = None) -> bool:
        self.stopped = True
        return True

    def abort(self) -> None:
        self.aborted = True


class BehindTranscriber(FakeTranscriber):
    """Never catches up: ``behind`` seconds stay queued, and ``stop`` waits until
    ``abort`` (the interviewer leaving the transcript for later)."""

    behind = 7.0

    def __init__(self, said: list[tuple[float, float, str]], on_segment: Any) -> None:
        super().__init__(said, on_segment)
        self._aborted = threading.Event()

    @property
    def behind_seconds(self) -> float:
        return self.behind

    def stop(self, timeout: float | None = None) -> bool:
        self.stopped = True
        self._aborted.wait(timeout)
        return False

    def abort(self) -> None:
        self.aborted = True
        self._aborted.set()


def fake_transcriber(
    said: list[tuple[float, float, str]], kind: type[FakeTranscriber] = FakeTranscriber
) -> Callable[..., FakeTranscriber]:
    """A ``transcriber_factory`` for ``RecordRequest``: hears ``said``."""
    made: list[FakeTranscriber] = []

    def factory(model_dir: Path, language: str, *, on_segment: Any) -> FakeTranscriber:
        transcriber = kind(said, on_segment)
        made.append(transcriber)
        return transcriber

    factory.made = made  # type: ignore[attr-defined]
    return factory


def pace_text(app: InterviewerApp) -> str:
    return str(app.screen.query_one("#pace").render())


def messages(app: InterviewerApp) -> list[str]:
    return [n.message for n in app._notifications]


def fake_clock() -> FakeClock:
    return FakeClock()
