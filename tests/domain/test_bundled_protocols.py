"""The engine and the demo generator on the real protocols in ``protocols/``."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.demo import make_demo
from interviewer.domain.session import SessionStatus
from interviewer.domain.timing import Pace, TimingEngine
from interviewer.protocol.loader import load_protocol

PROTOCOLS_DIR = Path(__file__).resolve().parents[2] / "protocols"
PROTOCOL_FILES = sorted(PROTOCOLS_DIR.glob("*.yaml"))


def test_the_bundled_protocols_are_there() -> None:
    assert [p.stem for p in PROTOCOL_FILES] == [
        "example-en",
        "netwerksamenwerking-swt",
        "sociale-teams-samenwerking",
    ]


@pytest.mark.parametrize("path", PROTOCOL_FILES, ids=lambda p: p.stem)
def test_demo_and_timing_on_bundled_protocol(path) -> None:
    protocol = load_protocol(path)
    demos = make_demo(protocol, case="Borne", respondents=2, seed=5)
    for demo in demos:
        session = demo.session
        assert session.status is SessionStatus.FINISHED
        assert session.word_count() > 1000
        snap = TimingEngine(session).snapshot()
        assert snap.pace.pace is Pace.FINISHED
        assert all(c.answered for c in snap.coverage)
        assert any(c.complete for c in snap.coverage)
        for field in protocol.closing.fields:
            assert field.id in demo.key.fields
    text = " ".join(r.notes for d in demos for r in d.session.records.values())
    marker = " de " if protocol.language == "nl" else " the "
    assert marker in text
