"""Fixtures for the engine tests: a small protocol built in code and a fake clock."""

from __future__ import annotations

import pytest

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import Session
from interviewer.domain.session_factory import new_session
from tests.fake_clock import FakeClock


def _topic(tid: str, minutes: float | None, probes: tuple[int | None, ...] = (2,)) -> dict:
    chars = ["wel-niet", "effect", "bp-kp", "verbeterpunten"]
    questions: list[dict] = [
        {
            "id": f"{tid}-1",
            "text": f"In hoeverre is er sprake van {tid}?",
            "characteristic": "wel-niet",
            "answer": {"type": "yes-no"},
        },
        {"id": f"{tid}-2", "text": "Welk effect heeft dat?", "characteristic": "effect"},
        {
            "id": f"{tid}-3",
            "text": "Best practices en/of knelpunten?",
            "characteristic": "bp-kp",
            "parts": [{"id": "bp", "label": "BP"}, {"id": "kp", "label": "KP"}],
        },
        {"id": f"{tid}-4", "text": "Verbeterpunten?", "characteristic": "verbeterpunten"},
        {
            "id": f"{tid}-nee",
            "text": "Waarom niet?",
            "kind": "follow-up",
            "show_when": {"question": f"{tid}-1", "answer": "no"},
        },
    ]
    for n, priority in enumerate(probes, start=1):
        probe: dict = {"id": f"{tid}-p{n}", "text": "Kunt u een voorbeeld geven?", "kind": "probe"}
        if priority is not None:
            probe["priority"] = priority
        questions.append(probe)
    topic: dict = {
        "id": tid,
        "title": tid.capitalize(),
        "variable": tid.capitalize(),
        "characteristics": [{"id": c, "label": c} for c in chars],
        "questions": questions,
    }
    if minutes is not None:
        topic["minutes"] = minutes
    return topic


def build_protocol(**overrides: object) -> InterviewProtocol:
    """Three 10-minute topics, 10 minutes of slack for introduction and closing."""
    data: dict = {
        "id": "test",
        "title": "Test",
        "language": "nl",
        "duration_minutes": 40,
        "introduction": {
            "script": "Welkom.",
            "checklist": [
                {"id": "opname", "label": "Toestemming opname", "required": True},
                {"id": "vragen", "label": "Vragen?"},
            ],
        },
        "topics": [_topic("ervaring", 10), _topic("tijd", 10, (1, 3)), _topic("feedback", 10)],
        "extra_codes": [{"id": "overig", "name": "Overige interessante informatie"}],
        "closing": {
            "questions": [
                {"id": "sterk", "text": "Sterke punten?"},
                {"id": "zwak", "text": "Zwakke punten?"},
            ],
            "fields": [
                {
                    "id": "mail-controle",
                    "label": "Mailadres controle",
                    "purpose": "transcript-check",
                },
                {"id": "mail-verslag", "label": "Mailadres verslag", "purpose": "report"},
            ],
        },
    }
    data.update(overrides)
    return InterviewProtocol.model_validate(data)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def protocol() -> InterviewProtocol:
    return build_protocol()


@pytest.fixture
def session(protocol: InterviewProtocol, clock: FakeClock) -> Session:
    return new_session(protocol, case="Borne", respondent="1.1", clock=clock)


@pytest.fixture
def recorder(session: Session, clock: FakeClock) -> SessionRecorder:
    return SessionRecorder(session, clock=clock)


@pytest.fixture
def started(recorder: SessionRecorder) -> SessionRecorder:
    recorder.confirm_consent("opname")
    recorder.start()
    return recorder
