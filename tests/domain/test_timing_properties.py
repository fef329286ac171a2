"""Property test: any sequence of recorder actions keeps the timing invariants."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interviewer.domain.recorder import RecorderError, SessionRecorder
from interviewer.domain.session import SessionStatus
from interviewer.domain.session_factory import new_session
from interviewer.domain.timeline import section_intervals
from interviewer.domain.timing import TimingEngine

from .conftest import FakeClock, build_protocol

PROTOCOL = build_protocol()
QUESTIONS = [*PROTOCOL.question_index(), "sterk", "zwak"]
TOPICS = [t.id for t in PROTOCOL.topics]

action = st.one_of(
    st.tuples(st.just("wait"), st.floats(0, 600)),
    st.tuples(st.just("show"), st.sampled_from(QUESTIONS)),
    st.tuples(st.just("topic"), st.sampled_from(TOPICS)),
    st.tuples(st.just("notes"), st.text(max_size=20)),
    st.tuples(st.just("answer"), st.sampled_from(["yes", "no", None])),
    st.tuples(st.just("skip"), st.none()),
    st.tuples(st.just("pause"), st.none()),
    st.tuples(st.just("resume"), st.none()),
    st.tuples(st.just("closing"), st.none()),
    st.tuples(st.just("next"), st.none()),
    st.tuples(st.just("previous"), st.none()),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(action, max_size=40), st.booleans())
def test_invariants_hold_for_any_session(actions: list, finish: bool) -> None:
    clock = FakeClock()
    session = new_session(PROTOCOL, case="Borne", respondent="1.1", clock=clock)
    rec = SessionRecorder(session, clock)
    rec.confirm_consent("opname")
    rec.start()
    handlers = {
        "show": lambda arg: rec.show_question(arg),
        "topic": lambda arg: rec.enter_topic(arg),
        "notes": lambda arg: rec.set_notes(None, arg),
        "answer": lambda arg: rec.set_quick_answer(None, arg),
        "skip": lambda arg: rec.skip(),
        "pause": lambda arg: rec.pause(),
        "resume": lambda arg: rec.resume(),
        "closing": lambda arg: rec.enter_closing(),
        "next": lambda arg: rec.next_question(),
        "previous": lambda arg: rec.previous_question(),
    }
    for name, arg in actions:
        if name == "wait":
            clock.advance(arg)
            continue
        # refused actions (no question selected, an answer on an open question) are fine
        with contextlib.suppress(RecorderError):
            handlers[name](arg)
    if finish:
        rec.finish()
    clock.advance(30)
    snap = TimingEngine(session, clock).snapshot()

    times = [e.at for e in session.timeline]
    assert times == sorted(times)
    assert snap.elapsed_seconds + snap.paused_seconds == pytest.approx(snap.now_at)
    in_sections = sum(t.elapsed_seconds for t in snap.topics) + snap.closing_elapsed_seconds
    assert in_sections <= snap.elapsed_seconds + 1e-6
    for timing in snap.topics:
        assert timing.elapsed_seconds >= 0 and timing.remaining_seconds >= 0
        assert timing.visits == len(
            section_intervals(session.timeline, snap.now_at).get(timing.topic_id, [])
        )
    assert snap.remaining_work_seconds >= 0
    assert snap.projected_total_seconds >= snap.elapsed_seconds - 1e-6
    dropped = sum(d.saves_seconds for d in snap.drop_probes)
    assert dropped <= snap.remaining_work_seconds + 1e-6
    if finish:
        assert session.status is SessionStatus.FINISHED and snap.drop_probes == ()
