"""Fixtures for the TUI tests: a protocol built in code, a fake clock, a real store."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.session_factory import new_session
from interviewer.store import SessionStore
from interviewer.tui.app import InterviewerApp, make_app
from interviewer.tui.live import LiveSession
from tests.fake_clock import FakeClock


def _topic(tid: str, colour: str, minutes: float) -> dict:
    return {
        "id": tid,
        "title": tid.capitalize(),
        "variable": tid.upper(),
        "colour": colour,
        "minutes": minutes,
        "characteristics": [
            {"id": "wel-niet", "label": "Wel/niet"},
            {"id": "effect", "label": "Effect"},
            {"id": "bp-kp", "label": "Best practices / knelpunten", "matrix_label": "BP/KP"},
        ],
        "questions": [
            {
                "id": f"{tid}-1",
                "text": f"In hoeverre is er sprake van {tid}?",
                "characteristic": "wel-niet",
                "answer": {"type": "yes-no"},
                "instruction": "Laat de respondent eerst zelf vertellen.",
                "alternatives": [f"Merkt u iets van {tid}?"],
            },
            {
                "id": f"{tid}-nee",
                "text": "Waarom is daar geen sprake van?",
                "kind": "follow-up",
                "condition": "Indien nee:",
                "show_when": {"question": f"{tid}-1", "answer": "no"},
            },
            {"id": f"{tid}-2", "text": "Welk effect heeft dat?", "characteristic": "effect"},
            {
                "id": f"{tid}-3",
                "text": "Best practices en/of knelpunten?",
                "characteristic": "bp-kp",
                "parts": [{"id": "bp", "label": "BP"}, {"id": "kp", "label": "KP"}],
            },
            {
                "id": f"{tid}-p1",
                "text": "Kunt u een voorbeeld geven?",
                "kind": "probe",
                "priority": 2,
            },
        ],
    }


def build_protocol(**overrides: object) -> InterviewProtocol:
    """Three topics of 10 minutes in a 40-minute interview, a closing with two emails."""
    data: dict = {
        "id": "tui-test",
        "title": "Samenwerking in sociale teams",
        "language": "nl",
        "duration_minutes": 40,
        "introduction": {
            "script": "Welkom bij dit interview.\n\nHet duurt ongeveer veertig minuten.",
            "checklist": [
                {"id": "opname", "label": "Toestemming voor de opname", "required": True},
                {"id": "vragen", "label": "Zijn er nog vragen?"},
            ],
        },
        "topics": [
            _topic("ervaring", "yellow", 10),
            _topic("tijd", "turquoise", 10),
            _topic("feedback", "bright-green", 10),
        ],
        "extra_codes": [
            {"id": "overig", "name": "Overige interessante informatie", "colour": "gray-25"}
        ],
        "closing": {
            "questions": [{"id": "sterk", "text": "Wat zijn de sterke punten?"}],
            "script": "Hartelijk dank voor uw tijd.",
            "fields": [
                {
                    "id": "mail-controle",
                    "label": "Mailadres voor controle",
                    "purpose": "transcript-check",
                },
                {"id": "mail-verslag", "label": "Mailadres voor verslag", "purpose": "report"},
            ],
        },
    }
    data.update(overrides)
    return InterviewProtocol.model_validate(data)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "data")


def open_live(store: SessionStore, clock: FakeClock, **kwargs: object) -> LiveSession:
    """Create a session in ``store`` and open it (autosaver started, lock taken)."""
    session = new_session(build_protocol(), case="Borne", respondent="1.1", clock=clock, **kwargs)  # type: ignore[arg-type]
    store.create(session)
    return LiveSession(store, session, clock=clock).open()


def app_for(store: SessionStore, clock: FakeClock, live: LiveSession | None) -> InterviewerApp:
    """The app as the CLI builds it, with the fake clock and no cursor blink."""
    return make_app(store, live=live, lang="en", clock=clock, blink=False, handle_signals=False)


@pytest.fixture
def live_session(store: SessionStore, clock: FakeClock):
    live = open_live(store, clock)
    yield live
    if not live.closed:
        live.close()


def wait_saved(live: LiveSession, timeout: float = 5.0) -> None:
    """Flush (tests never rely on timing)."""
    deadline = time.monotonic() + timeout
    while live.autosaver is not None and not live.closed and time.monotonic() < deadline:
        live.flush()
        return


def long_protocol(questions: int) -> InterviewProtocol:
    """One topic with ``questions`` main questions (long texts), so ``ctrl+n`` never reaches
    the end in the key-order tests and benches."""
    topic = {
        "id": "ervaring",
        "title": "Ervaring",
        "variable": "E",
        "colour": "yellow",
        "minutes": 30,
        "characteristics": [{"id": "k", "label": "Kenmerk"}],
        "questions": [
            {"id": f"q{n:04d}", "text": f"Vraag {n} " + "lang " * 40, "characteristic": "k"}
            for n in range(questions)
        ],
    }
    return build_protocol(topics=[topic])


def open_started(store: SessionStore, clock: FakeClock, protocol: InterviewProtocol) -> LiveSession:
    """A session of ``protocol`` (consent obtained in advance) stored, opened and started."""
    import datetime as dt

    session = new_session(
        protocol, case="Borne", respondent="1.1", clock=clock, advance_consent=dt.date(2026, 3, 1)
    )
    store.create(session)
    live = LiveSession(store, session, clock=clock).open()
    live.recorder.start()
    return live
