"""What the check before the closing lists: ``interviewer.domain.coverage``."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.domain.coverage import (
    GapKind,
    closing_preview,
    coverage_gaps,
    gap_count,
)
from interviewer.domain.guidance import coverage, relevant_follow_ups
from interviewer.domain.protocol import QuestionKind
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import QuestionState
from interviewer.domain.session_factory import new_session
from interviewer.protocol.loader import load_protocol
from tests.domain.conftest import _topic, build_protocol
from tests.fake_clock import FakeClock

PROTOCOL_FILES = sorted((Path(__file__).resolve().parents[2] / "protocols").glob("*.yaml"))


def by_topic(recorder: SessionRecorder) -> dict[str, list[tuple[GapKind, str | None]]]:
    """topic id -> [(kind, question id)] of the current gaps."""
    return {
        t.topic_id: [(g.kind, g.question_id) for g in t.gaps]
        for t in coverage_gaps(recorder.session)
    }


MAINS = GapKind.MAIN, GapKind.MAIN, GapKind.MAIN, GapKind.MAIN


def test_an_untouched_interview_lists_every_main_question_per_topic(started) -> None:
    gaps = coverage_gaps(started.session)
    assert [t.topic_id for t in gaps] == ["ervaring", "tijd", "feedback"]
    for topic in gaps:
        tid = topic.topic_id
        # no probes, no untriggered follow-ups; each question names what it measures
        assert [(g.kind, g.question_id) for g in topic.gaps] == [
            (GapKind.MAIN, f"{tid}-{n}") for n in (1, 2, 3, 4)
        ]
        assert [g.characteristic for g in topic.gaps] == [
            "wel-niet",
            "effect",
            "bp-kp",
            "verbeterpunten",
        ]
        assert topic.gaps[1].label == "Welk effect heeft dat?"
    assert gap_count(gaps) == 12


def test_the_topic_line_is_the_reviews_coverage_line(started) -> None:
    started.set_notes("ervaring-2", "veel effect")
    reviewed = {c.topic_id: c for c in coverage(started.session)}
    for topic in coverage_gaps(started.session):
        assert topic.reason == reviewed[topic.topic_id].reason
    ervaring = coverage_gaps(started.session)[0]
    assert ervaring.reason.render("nl") == (
        "nog niet aan bod gekomen: wel-niet, bp-kp, verbeterpunten"
    )


def test_a_triggered_follow_up_is_listed_with_its_reason(started) -> None:
    started.set_quick_answer("ervaring-1", "no")
    ervaring = coverage_gaps(started.session)[0]
    assert [(g.kind, g.question_id) for g in ervaring.gaps] == [
        (GapKind.MAIN, "ervaring-2"),
        (GapKind.MAIN, "ervaring-3"),
        (GapKind.MAIN, "ervaring-4"),
        (GapKind.FOLLOW_UP, "ervaring-nee"),
    ]
    follow_up = ervaring.gaps[-1]
    # the reason the interview screen gives for the follow-up, word for word
    assert follow_up.reason == next(
        f.reason for f in relevant_follow_ups(started.session) if f.question_id == "ervaring-nee"
    )
    # once asked it is no longer a gap; a 'yes' never makes it one
    started.mark_asked("ervaring-nee")
    assert GapKind.FOLLOW_UP not in [k for k, _q in by_topic(started)["ervaring"]]
    started.set_quick_answer("tijd-1", "yes")
    assert GapKind.FOLLOW_UP not in [k for k, _q in by_topic(started)["tijd"]]


def test_asked_without_an_answer_leaves_the_characteristic_open(started) -> None:
    started.mark_asked("ervaring-2")  # asked aloud, nothing written
    started.skip("ervaring-3")
    gaps = coverage_gaps(started.session)[0].gaps
    assert [(g.kind, g.question_id, g.label) for g in gaps] == [
        (GapKind.MAIN, "ervaring-1", "In hoeverre is er sprake van ervaring?"),
        (GapKind.CHARACTERISTIC, "ervaring-2", "effect"),
        (GapKind.CHARACTERISTIC, "ervaring-3", "bp-kp"),
        (GapKind.MAIN, "ervaring-4", "Verbeterpunten?"),
    ]


def test_a_characteristic_named_by_an_open_question_is_not_listed_twice(started) -> None:
    # ervaring-1 is open and measures wel-niet: the characteristic needs no line of its own
    kinds = by_topic(started)["ervaring"]
    assert (GapKind.CHARACTERISTIC, "ervaring-1") not in kinds
    assert kinds[0] == (GapKind.MAIN, "ervaring-1")


def test_a_fully_covered_interview_has_no_gaps(started) -> None:
    for topic in started.session.protocol.topics:
        for question in topic.questions:
            if question.kind is QuestionKind.MAIN:
                started.set_notes(question.id, "antwoord")
    # ervaring-1 has its note; a 'yes' triggers nothing
    started.set_quick_answer("ervaring-1", "yes")
    assert coverage_gaps(started.session) == ()
    assert gap_count(coverage_gaps(started.session)) == 0


def test_the_order_the_interviewer_went_in_does_not_matter(clock: FakeClock) -> None:
    """Free order (jumping) and planned order (ctrl+n) with the same answers: same list."""

    def run(order: list[str]) -> list:
        session = new_session(build_protocol(), case="Borne", respondent="1.1", clock=clock)
        recorder = SessionRecorder(session, clock)
        recorder.confirm_consent("opname")
        recorder.start()
        for qid in order:
            recorder.show_question(qid)
            recorder.set_notes(qid, "tekst")
            clock.advance(30)
        return [
            (t.topic_id, [(g.kind, g.question_id) for g in t.gaps]) for t in coverage_gaps(session)
        ]

    planned = run(["ervaring-1", "ervaring-2", "tijd-3", "feedback-4"])
    free = run(["feedback-4", "tijd-3", "ervaring-2", "ervaring-1"])
    assert planned == free
    assert planned[0] == ("ervaring", [(GapKind.MAIN, "ervaring-3"), (GapKind.MAIN, "ervaring-4")])


def test_a_main_question_that_no_longer_applies_is_not_listed(clock: FakeClock) -> None:
    protocol = build_protocol()
    data = protocol.model_dump(mode="json")
    data["topics"][0]["questions"][1]["show_when"] = {"question": "ervaring-1", "answer": "yes"}
    session = new_session(
        type(protocol).model_validate(data), case="Borne", respondent="1.1", clock=clock
    )
    recorder = SessionRecorder(session, clock)
    recorder.confirm_consent("opname")
    recorder.start()
    recorder.set_quick_answer("ervaring-1", "no")
    ervaring = coverage_gaps(session)[0]
    assert (GapKind.MAIN, "ervaring-2") not in [(g.kind, g.question_id) for g in ervaring.gaps]
    # its characteristic is still without an answer, and says so
    assert (GapKind.CHARACTERISTIC, "ervaring-2") in [
        (g.kind, g.question_id) for g in ervaring.gaps
    ]
    recorder.set_quick_answer("ervaring-1", "yes")
    assert (GapKind.MAIN, "ervaring-2") in by_topic(recorder)["ervaring"]


def test_closing_preview_only_when_ctrl_n_leaves_the_topics(started) -> None:
    session = started.session
    started.show_question("tijd-2")
    assert closing_preview(started) is None
    started.show_question("feedback-p1")  # the last topic question
    timeline = list(session.timeline)
    records = {qid: rec.model_copy(deep=True) for qid, rec in session.records.items()}
    preview = closing_preview(started)
    assert preview is not None and preview.in_closing
    assert preview.current_question_id == "sterk"
    # the live session did not move
    assert session.timeline == timeline
    assert session.records == records
    assert session.current_question_id == "feedback-p1" and not session.in_closing
    # the gaps of the preview are the live ones here (nothing changes on the way)
    assert coverage_gaps(preview) == coverage_gaps(session)
    started.enter_closing()
    assert closing_preview(started) is None  # already in the closing


def test_closing_preview_counts_the_question_left_as_ctrl_n_does(clock: FakeClock) -> None:
    """The gaps before the closing are those after the step: moving on from the last main
    question marks it asked, so its characteristic (not the question) is what is missing."""
    topics = [_topic("ervaring", 10, ()), _topic("feedback", 10, ())]
    session = new_session(build_protocol(topics=topics), case="B", respondent="1.1", clock=clock)
    recorder = SessionRecorder(session, clock)
    recorder.confirm_consent("opname")
    recorder.start()
    recorder.show_question("feedback-4")  # feedback-nee (not triggered) is passed over
    assert (GapKind.MAIN, "feedback-4") in by_topic(recorder)["feedback"]
    preview = closing_preview(recorder)
    assert preview is not None
    after = {t.topic_id: [(g.kind, g.question_id) for g in t.gaps] for t in coverage_gaps(preview)}
    assert after["feedback"][-1] == (GapKind.CHARACTERISTIC, "feedback-4")
    assert session.records.get("feedback-4") is None  # the live session is untouched


def test_closing_preview_without_closing_questions(clock: FakeClock) -> None:
    protocol = build_protocol(closing={"fields": []})
    session = new_session(protocol, case="Borne", respondent="1.1", clock=clock)
    recorder = SessionRecorder(session, clock)
    assert closing_preview(recorder) is None  # not started: the real step reports it
    recorder.confirm_consent("opname")
    recorder.start()
    recorder.show_question("feedback-p1")
    preview = closing_preview(recorder)
    assert preview is not None and preview.in_closing
    assert not session.in_closing


def test_closing_preview_passes_untriggered_follow_ups(started) -> None:
    # after feedback-4 the untriggered feedback-nee is passed by, the probe still comes
    started.show_question("feedback-4")
    assert closing_preview(started) is None
    started.show_question("feedback-p1")
    assert closing_preview(started) is not None


@pytest.mark.parametrize("path", PROTOCOL_FILES, ids=lambda p: p.stem)
def test_bundled_protocols(path: Path) -> None:
    """Every main question is listed in a fresh interview; writing in every question of a
    kind that counts leaves nothing (characteristics measured only by a probe excepted)."""
    protocol = load_protocol(path)
    clock = FakeClock()
    session = new_session(protocol, case="Borne", respondent="1.1", clock=clock)
    recorder = SessionRecorder(session, clock)
    for item in recorder.missing_consent():
        recorder.confirm_consent(item)
    recorder.start()
    gaps = coverage_gaps(session)
    listed = {g.question_id for t in gaps for g in t.gaps if g.kind is GapKind.MAIN}
    mains = {q.id for q in protocol.all_questions() if q.kind is QuestionKind.MAIN}
    assert listed == {q for q in mains if recorder.is_relevant(q)}
    assert [t.topic_id for t in gaps] == [
        t.id for t in protocol.topics if any(q.kind is QuestionKind.MAIN for q in t.questions)
    ]
    for question in protocol.all_questions():
        recorder.set_notes(question.id, "antwoord")
    assert coverage_gaps(session) == ()
    for record in session.records.values():
        assert record.state is QuestionState.ASKED
