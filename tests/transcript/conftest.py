"""Fixtures for the transcript tests: a small protocol, sessions driven with a fake clock."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from interviewer.domain.protocol import (
    Closing,
    ClosingQuestion,
    ExtraCode,
    InterviewProtocol,
    Question,
    Topic,
)
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import Session
from interviewer.domain.session_factory import new_session

EPOCH = 1_700_000_000.0
"""Epoch seconds at which the fake interview clock starts (2023-11-14T22:13:20Z)."""


@dataclass
class FakeClock:
    """Epoch seconds that tests move by hand."""

    now: float = EPOCH

    def __call__(self) -> float:
        return self.now

    def at(self, session_seconds: float) -> None:
        """Move to ``session_seconds`` after the start."""
        self.now = EPOCH + session_seconds


def make_protocol() -> InterviewProtocol:
    """Three topics (two questions, two questions, one), an extra code, a closing question."""
    return InterviewProtocol(
        id="transcript-test",
        title="Samenwerking in sociale teams",
        duration_minutes=60,
        topics=[
            Topic(
                id="samenwerking",
                title="Samenwerking",
                variable="Samenwerking",
                questions=[
                    Question(id="sw-1", text="Hoe verloopt de samenwerking?"),
                    Question(id="sw-2", text="Wat gaat er goed?"),
                ],
            ),
            Topic(
                id="ondersteuning",
                title="Ondersteuning",
                variable="Ondersteuning",
                questions=[
                    Question(id="os-1", text="Welke ondersteuning krijgt u?"),
                    Question(id="os-2", text="Wat mist u?"),
                ],
            ),
            Topic(
                id="kennis",
                title="Kennis",
                variable="Kennisdeling",
                questions=[Question(id="kn-1", text="Hoe deelt u kennis?")],
            ),
        ],
        extra_codes=[ExtraCode(id="overig", name="Overige interessante informatie", colour="grey")],
        closing=Closing(
            questions=[ClosingQuestion(id="aanvulling", text="Wilt u nog iets toevoegen?")]
        ),
    )


@pytest.fixture
def protocol() -> InterviewProtocol:
    return make_protocol()


def out_of_order_session(protocol: InterviewProtocol | None = None, **kw: object) -> Session:
    """Topics visited out of order, a pause, a return to a topic, closing and finish.

    Session seconds: 10 sw-1, 70 sw-2, 130 kn-1 (jump ahead), 190-250 pause, 280 os-1,
    340 back to 'samenwerking' (no question), 360 sw-1 again, 400 closing, 410
    'aanvulling', 450 finish.
    """
    clock = FakeClock()
    session = new_session(
        protocol or make_protocol(),
        case="Borne",
        respondent=str(kw.pop("respondent", "1.1")),
        clock=clock,
        **kw,  # type: ignore[arg-type]
    )
    rec = SessionRecorder(session, clock=clock)
    rec.start()
    script: list[tuple[float, str, str | None]] = [
        (10, "show", "sw-1"),
        (70, "show", "sw-2"),
        (130, "show", "kn-1"),
        (190, "pause", None),
        (250, "resume", None),
        (280, "show", "os-1"),
        (340, "topic", "samenwerking"),
        (360, "show", "sw-1"),
        (400, "closing", None),
        (410, "show", "aanvulling"),
        (450, "finish", None),
    ]
    for at, action, arg in script:
        clock.at(at)
        if action == "show":
            rec.show_question(str(arg))
        elif action == "topic":
            rec.enter_topic(str(arg))
        elif action == "pause":
            rec.pause()
        elif action == "resume":
            rec.resume()
        elif action == "closing":
            rec.enter_closing()
        elif action == "finish":
            rec.finish()
    return session


@pytest.fixture
def session() -> Session:
    return out_of_order_session()
