"""Demo sessions: finished, realistic, deterministic, and the right length."""

from __future__ import annotations

import json

import pytest

from interviewer.demo import make_demo, make_demo_sessions, words_per_minute
from interviewer.domain.guidance import is_triggered
from interviewer.domain.protocol import QuestionKind
from interviewer.domain.session import EventKind, Flag, QuestionState, SessionStatus
from interviewer.domain.timeline import visit_order
from interviewer.domain.timing import TimingEngine
from interviewer.domain.turns import paragraph_spans

from .conftest import build_protocol


def dumps(items) -> list[str]:
    return [json.dumps(d.session.model_dump(mode="json"), sort_keys=True) for d in items]


def test_same_seed_same_sessions_other_seed_other_sessions() -> None:
    protocol = build_protocol()
    first = make_demo(protocol, case="Borne", respondents=3, seed=7)
    again = make_demo(protocol, case="Borne", respondents=3, seed=7)
    other = make_demo(protocol, case="Borne", respondents=3, seed=8)
    assert dumps(first) == dumps(again)
    assert [d.key for d in first] == [d.key for d in again]
    assert dumps(first) != dumps(other)


def test_two_hour_group_interview_has_about_30000_words() -> None:
    protocol = build_protocol(duration_minutes=120)
    (demo,) = make_demo(protocol, case="Borne", respondents=1, minutes=120, participants=3)
    assert words_per_minute(3) * 120 == 30_000
    assert 28_000 <= demo.session.word_count() <= 32_000
    snap = TimingEngine(demo.session, lambda: 0.0).snapshot()
    assert 110 <= snap.elapsed_minutes <= 125


def test_individual_hour_is_shorter() -> None:
    (demo,) = make_demo(build_protocol(), case="Borne", respondents=1, minutes=60)
    assert 8_000 <= demo.session.word_count() <= 10_000


def test_demo_sessions_are_finished_and_realistic() -> None:
    protocol = build_protocol()
    demos = make_demo(protocol, case="Borne", respondents=6, seed=3, existing_codes=["1.1"])
    assert [d.session.respondent for d in demos] == ["1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]
    planned = [t.id for t in protocol.topics]
    for demo in demos:
        session = demo.session
        assert session.status is SessionStatus.FINISHED
        assert session.consent or session.advance_consent
        kinds = [e.kind for e in session.timeline]
        assert kinds[0] is EventKind.STARTED and kinds[-1] is EventKind.FINISHED
        assert EventKind.PAUSED in kinds and EventKind.RESUMED in kinds
        assert [e.at for e in session.timeline] == sorted(e.at for e in session.timeline)
        assert visit_order(session.timeline) != planned  # one topic out of order
        assert sorted(visit_order(session.timeline)) == sorted(planned)
        assert session.language == "nl" and "samenwerking" in json.dumps(
            session.model_dump(mode="json")
        )
        for question in protocol.all_questions():
            record = session.records.get(question.id)
            if question.show_when and record and record.has_content():
                assert is_triggered(session, question)
        assert session.records["sterk"].has_content()
        assert set(demo.key.fields) == {"mail-controle", "mail-verslag"}
        assert all(v.endswith((".org", ".net")) for v in demo.key.fields.values())
        assert "example.org" not in json.dumps(session.model_dump(mode="json"))
    records = [r for d in demos for r in d.session.records.values()]
    answers = {r.quick_answer for r in records if r.quick_answer}
    assert answers == {"yes", "no"}
    assert any(r.parts.get("bp") and r.parts.get("kp") for r in records)
    assert any(Flag.QUOTE in r.flags for r in records)
    assert any(r.tags for r in records)
    assert any(r.state is QuestionState.SKIPPED for r in records)
    follow_ups = [q.id for q in protocol.all_questions() if q.kind is QuestionKind.FOLLOW_UP]
    assert any(
        d.session.records.get(f) and d.session.records[f].notes for d in demos for f in follow_ups
    )


def test_group_demo_has_speakers_and_english_text() -> None:
    protocol = build_protocol(language="en")
    (session,) = make_demo_sessions(protocol, case="Team A", respondents=1, participants=3)
    assert [p.code for p in session.participants] == ["R1", "R2", "R3"]
    speakers = {r.speaker for r in session.records.values() if r.has_content()}
    assert speakers <= {"R1", "R2", "R3"} and len(speakers) > 1
    # several speakers take turns under one question, the interviewer now and then too
    noted = [r for r in session.records.values() if r.notes]
    assert all(len(r.turns) == len(paragraph_spans(r.notes)) for r in noted)
    turns = [[t.speaker for t in r.turns] for r in noted]
    assert sum(1 for t in turns if len(set(t) - {"interviewer"}) > 1) >= len(turns) // 2
    assert any("interviewer" in t for t in turns)
    text = " ".join(r.notes for r in session.records.values())
    assert " the " in text and " de " not in text


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"respondents": -1}, "respondents"),
        ({"participants": 0}, "participants"),
        ({"minutes": 0}, "minutes"),
    ],
)
def test_bad_arguments(kwargs: dict, message: str) -> None:
    args = {"case": "Borne", "respondents": 1, **kwargs}
    with pytest.raises(ValueError, match=message):
        make_demo(build_protocol(), **args)
