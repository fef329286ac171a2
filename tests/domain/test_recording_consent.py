"""Recording waits for the consent checklist (issue 16): the item marked ``recording: true``
must be ticked in the session; without such an item ``--record`` gets a warning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.recording_consent import may_record, record_warning, recording_consent
from interviewer.domain.session_factory import new_session
from interviewer.protocol.loader import load_protocol
from tests.fake_clock import FakeClock

from .conftest import build_protocol

PROTOCOLS = Path(__file__).resolve().parents[2] / "protocols"


def _marked() -> InterviewProtocol:
    return build_protocol(
        introduction={
            "script": "Welkom.",
            "checklist": [
                {"id": "vragen", "label": "Vragen?"},
                {
                    "id": "opname",
                    "label": "Toestemming opname",
                    "required": True,
                    "recording": True,
                },
            ],
        }
    )


def test_the_marked_item_is_the_recording_consent() -> None:
    item = recording_consent(_marked())
    assert item is not None and item.id == "opname"
    assert recording_consent(build_protocol()) is None  # a required item alone is not it


def test_may_record_only_once_the_marked_item_is_ticked(clock: FakeClock) -> None:
    protocol = _marked()
    recorder = SessionRecorder(
        new_session(protocol, case="B", respondent="1", clock=clock), clock=clock
    )
    assert not may_record(protocol, recorder.session)
    recorder.confirm_consent("vragen")
    assert not may_record(protocol, recorder.session)
    recorder.confirm_consent("opname")
    assert may_record(protocol, recorder.session)
    recorder.unconfirm_consent("opname")
    assert not may_record(protocol, recorder.session)


def test_a_protocol_without_the_mark_never_records(clock: FakeClock) -> None:
    protocol = build_protocol()
    recorder = SessionRecorder(
        new_session(protocol, case="B", respondent="1", clock=clock), clock=clock
    )
    recorder.confirm_consent("opname")
    recorder.confirm_consent("vragen")
    assert not may_record(protocol, recorder.session)


def test_advance_consent_starts_the_clock_but_not_the_recorder(clock: FakeClock) -> None:
    protocol = _marked()
    session = new_session(
        protocol, case="B", respondent="1", clock=clock, advance_consent=dt.date(2026, 1, 5)
    )
    recorder = SessionRecorder(session, clock=clock)
    assert recorder.can_start()
    assert not may_record(protocol, session)
    recorder.confirm_consent("opname")
    assert may_record(protocol, session)


def test_record_warning_for_a_protocol_without_the_item() -> None:
    assert record_warning(_marked(), "p.yaml") is None
    assert record_warning(build_protocol(), "p.yaml") == (
        "p.yaml: --record needs a consent item marked 'recording: true' in "
        "introduction.checklist; this protocol has none, so the interview is not recorded"
    )
    dutch = record_warning(build_protocol(), "p.yaml", "nl")
    assert dutch is not None
    assert dutch.startswith("p.yaml: --record vraagt een toestemmingspunt met 'recording: true'")


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        ("sociale-teams-samenwerking", "opname"),  # seed 000: "... Gaat u hiermee akkoord?"
        ("example-en", "recording"),
        ("netwerksamenwerking-swt", None),  # seed 003 only mentions recording; no consent asked
    ],
)
def test_bundled_protocols_mark_the_item_their_seed_asks(name: str, item_id: str | None) -> None:
    item = recording_consent(load_protocol(PROTOCOLS / f"{name}.yaml"))
    assert (item.id if item else None) == item_id
    if item is not None:
        assert item.required
