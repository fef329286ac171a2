"""Fixtures for the store tests: a store in a temp folder, a small protocol, demo sessions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from interviewer.demo import DemoSession, make_demo
from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import Session
from interviewer.domain.session_factory import new_session
from interviewer.store import SessionStore
from tests.domain.conftest import FakeClock, build_protocol


@pytest.fixture(scope="session")
def protocol() -> InterviewProtocol:
    return build_protocol()


@pytest.fixture(scope="session")
def demos(protocol: InterviewProtocol) -> list[DemoSession]:
    """Three finished demo sessions in case Borne and one in Zwolle (made once)."""
    borne = make_demo(protocol, case="Borne", respondents=3, seed=1)
    zwolle = make_demo(protocol, case="Zwolle", respondents=1, seed=2, case_number=2)
    return [*borne, *zwolle]


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "data")


@pytest.fixture
def filled(store: SessionStore, demos: list[DemoSession]) -> SessionStore:
    for demo in demos:
        store.create(demo.session.model_copy(deep=True), key=demo.key)
    return store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def running(protocol: InterviewProtocol, clock: FakeClock) -> SessionRecorder:
    """A recorder on a started session with notes under the first question."""
    session: Session = new_session(protocol, case="Borne", respondent="1.1", clock=clock)
    recorder = SessionRecorder(session, clock=clock)
    recorder.confirm_consent("opname")
    recorder.start()
    recorder.enter_topic("ervaring")
    recorder.show_question("ervaring-1")
    recorder.set_quick_answer("ervaring-1", "yes")
    clock.advance(30)
    recorder.set_notes("ervaring-1", "Eerste aantekening over de samenwerking")
    return recorder


def mode(path: Path) -> int:
    return os.stat(path).st_mode & 0o777
