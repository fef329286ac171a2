"""The group form of address: ``text_group``/``alternatives_group`` and ``mode`` per question.

A session's protocol copy is the protocol as its mode asks it, so the screen, navigation, the
time plan, the coverage check and the exports all see one wording and only the questions
that apply. Core only: no Textual.
"""

from __future__ import annotations

from interviewer.domain.coverage import coverage_gaps
from interviewer.domain.estimates import make_plan
from interviewer.domain.guidance import interview_order
from interviewer.domain.protocol import InterviewProtocol, Mode
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session_factory import new_session
from interviewer.domain.timing import TimingEngine
from tests.domain.conftest import _topic, build_protocol
from tests.fake_clock import FakeClock


def group_protocol(mode: str = "both") -> InterviewProtocol:
    """The engine tests' protocol with a group wording, a group-only and an individual-only
    question in its first topic."""
    topic = _topic("ervaring", 10)
    first = topic["questions"][0]
    first["text"] = "In hoeverre heeft u ervaring?"
    first["text_group"] = "In hoeverre hebben jullie ervaring?"
    first["alternatives"] = ["Heeft u dit meegemaakt?"]
    first["alternatives_group"] = ["Hebben jullie dit meegemaakt?"]
    topic["questions"].insert(
        1, {"id": "ervaring-samen", "text": "Hoe verschillen jullie hierin?", "mode": "group"}
    )
    topic["questions"].insert(
        2, {"id": "ervaring-alleen", "text": "Hoe ziet u uw rol?", "mode": "individual"}
    )
    return build_protocol(
        mode=mode,
        address={"singular": "u", "plural": "jullie"},
        topics=[topic, _topic("tijd", 10, (1, 3)), _topic("feedback", 10)],
    )


def test_a_question_knows_its_wording_and_mode() -> None:
    question = group_protocol().question("ervaring-1")
    assert question.wording(group=False) == "In hoeverre heeft u ervaring?"
    assert question.wording(group=True) == "In hoeverre hebben jullie ervaring?"
    assert question.alternatives_for(group=True) == ["Hebben jullie dit meegemaakt?"]
    assert question.alternatives_for(group=False) == ["Heeft u dit meegemaakt?"]
    assert question.mode is Mode.BOTH and question.applies_to(True) and question.applies_to(False)
    only_group = group_protocol().question("ervaring-samen")
    assert only_group.applies_to(True) and not only_group.applies_to(False)


def test_without_a_group_wording_the_group_hears_the_text() -> None:
    question = group_protocol().question("ervaring-2")
    assert question.wording(group=True) == question.text
    assert question.alternatives_for(group=True) == question.alternatives


def test_a_group_session_carries_the_group_wording_and_only_its_questions() -> None:
    protocol = group_protocol()
    session = new_session(
        protocol, case="Borne", respondent="2.0", mode="group", participants=["2.1", "2.2"]
    )
    copy = session.protocol
    assert copy.question("ervaring-1").text == "In hoeverre hebben jullie ervaring?"
    assert copy.question("ervaring-1").alternatives == ["Hebben jullie dit meegemaakt?"]
    assert copy.question("ervaring-1").text_group is None  # no second wording to pick wrongly
    ids = [q.id for q in copy.topic("ervaring").questions]
    assert "ervaring-samen" in ids and "ervaring-alleen" not in ids
    # topics and characteristics stay: the data matrix has the same rows for every session
    assert [t.id for t in copy.topics] == [t.id for t in protocol.topics]
    assert copy.topic("ervaring").characteristics == protocol.topic("ervaring").characteristics


def test_an_individual_session_asks_the_singular_and_skips_group_questions() -> None:
    session = new_session(group_protocol(), case="Borne", respondent="1.1")
    copy = session.protocol
    assert copy.question("ervaring-1").text == "In hoeverre heeft u ervaring?"
    ids = [q.id for q in copy.topic("ervaring").questions]
    assert "ervaring-alleen" in ids and "ervaring-samen" not in ids


def test_the_digest_is_that_of_the_protocol_file_not_of_the_copy() -> None:
    protocol = group_protocol()
    one = new_session(protocol, case="Borne", respondent="1.1")
    group = new_session(protocol, case="Borne", respondent="1.2", mode="group")
    assert one.protocol_sha256 == group.protocol_sha256


def test_navigation_visits_only_the_questions_of_the_mode(clock: FakeClock) -> None:
    session = new_session(group_protocol(), case="Borne", respondent="1.1", clock=clock)
    order = interview_order(session)
    assert "ervaring-alleen" in order and "ervaring-samen" not in order
    recorder = SessionRecorder(session, clock=clock)
    recorder.confirm_consent("opname")
    recorder.start()
    visited = [session.current_question_id]
    while (nxt := recorder.next_question()) is not None:
        visited.append(nxt)
    assert "ervaring-samen" not in visited
    assert "ervaring-alleen" in visited


def test_the_time_plan_counts_only_the_questions_of_the_mode(clock: FakeClock) -> None:
    protocol = group_protocol()
    individual = new_session(protocol, case="Borne", respondent="1.1", clock=clock)
    group = new_session(protocol, case="Borne", respondent="1.2", mode="group", clock=clock)
    for session, present, absent in (
        (individual, "ervaring-alleen", "ervaring-samen"),
        (group, "ervaring-samen", "ervaring-alleen"),
    ):
        plan = TimingEngine(session, clock=clock).plan
        assert plan.question_seconds.get(present, 0) > 0
        assert absent not in plan.question_seconds
    # the whole protocol plans both, a session only its own
    full = make_plan(protocol)
    assert "ervaring-samen" in full.question_seconds
    assert "ervaring-alleen" in full.question_seconds


def test_the_coverage_check_lists_only_the_questions_of_the_mode(clock: FakeClock) -> None:
    session = new_session(group_protocol(), case="Borne", respondent="1.1", clock=clock)
    recorder = SessionRecorder(session, clock=clock)
    recorder.confirm_consent("opname")
    recorder.start()
    listed = {g.question_id for t in coverage_gaps(session) for g in t.gaps}
    assert "ervaring-alleen" in listed and "ervaring-samen" not in listed
    labels = {g.label for t in coverage_gaps(session) for g in t.gaps}
    assert "In hoeverre heeft u ervaring?" in labels


def test_a_protocol_without_group_wording_is_unchanged_by_its_mode() -> None:
    protocol = build_protocol(mode="both")
    assert protocol.for_mode(group=True) == protocol
    assert protocol.for_mode(group=False) == protocol
