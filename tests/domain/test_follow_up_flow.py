"""The follow-up that applies comes next, asked is asked (issue 10, points 5 and 7).

``next_question`` walks ``guidance.interview_order``: a follow-up whose ``show_when`` is met
right after its trigger; follow-ups that are not triggered, or no longer apply, are passed
over. Moving on marks the question left as asked unless it was skipped. Reasons quote the
trigger question and the answer as the respondent heard it, in the interface language.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from interviewer.domain.guidance import (
    QUOTE_LIMIT,
    Reason,
    follow_up_reason,
    interview_order,
    is_not_applicable,
    is_relevant,
    not_applicable_reason,
    quote_question,
)
from interviewer.domain.navigation import topic_progress
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import EventKind, QuestionState, Session
from interviewer.domain.session_factory import new_session
from interviewer.domain.timing import TimingEngine
from interviewer.protocol.loader import load_protocol
from interviewer.protocol.outline import shown_when_text
from tests.fake_clock import FakeClock

from .conftest import build_protocol

SEED_000 = Path(__file__).resolve().parents[2] / "protocols" / "sociale-teams-samenwerking.yaml"
ERVARING_1_QUOTED = "In hoeverre heeft u vanuit eerdere functies ervaring met …"


def start(protocol_or_path, clock: FakeClock) -> SessionRecorder:
    protocol = (
        load_protocol(protocol_or_path)
        if isinstance(protocol_or_path, Path)
        else (protocol_or_path)
    )
    session = new_session(
        protocol, case="Borne", respondent="1.1", advance_consent=dt.date(2026, 2, 1), clock=clock
    )
    recorder = SessionRecorder(session, clock=clock)
    recorder.start()
    return recorder


def question(session: Session, qid: str):
    return session.protocol.question(qid)


def asked_events(session: Session, qid: str) -> int:
    return sum(
        1 for e in session.timeline if e.kind is EventKind.QUESTION_ASKED and e.question_id == qid
    )


# --- point 5: the follow-up that applies comes next --------------------------------------


def test_seed_000_no_on_ervaring_1_goes_to_its_follow_up_not_ervaring_2(clock) -> None:
    rec = start(SEED_000, clock)
    assert rec.next_question() == "ervaring-1"
    rec.set_quick_answer(None, "no")
    assert rec.next_question() == "ervaring-geen"  # sits 5th in the topic, comes 2nd now
    assert [rec.next_question() for _ in range(4)] == [
        "ervaring-2",
        "ervaring-3",
        "ervaring-4",
        "ervaring-doorvraag",  # the follow-up is not visited a second time
    ]
    assert rec.previous_question() == "ervaring-4"
    rec.show_question("ervaring-2")
    assert rec.previous_question() == "ervaring-geen"  # back walks the same order


def test_seed_000_follow_up_reason_quotes_the_question_and_the_answer_as_heard(clock) -> None:
    rec = start(SEED_000, clock)
    rec.show_question("ervaring-1")
    rec.set_quick_answer(None, "no")
    (follow,) = TimingEngine(rec.session, clock).snapshot().follow_ups
    assert follow.question_id == "ervaring-geen" and follow.answer == "no"
    assert follow.reason.render("nl") == f"omdat het antwoord op '{ERVARING_1_QUOTED}' nee was"
    assert follow.reason.render("en") == f"because the answer to '{ERVARING_1_QUOTED}' was no"
    assert follow_up_reason(rec.session, question(rec.session, "ervaring-geen")) == follow.reason


def test_answer_yes_makes_the_no_follow_up_not_applicable_and_passed_over(started) -> None:
    session = started.session
    follow_up = question(session, "ervaring-nee")
    assert not is_not_applicable(session, follow_up)  # trigger not answered: not yet
    assert not_applicable_reason(session, follow_up) is None
    started.show_question("ervaring-1")
    started.set_quick_answer(None, "yes")
    assert is_not_applicable(session, follow_up) and not is_relevant(session, follow_up)
    reason = not_applicable_reason(session, follow_up)
    assert reason is not None
    assert reason.render("nl") == (
        "niet van toepassing: het antwoord op 'In hoeverre is er sprake van ervaring?' was ja"
    )
    assert reason.render("en") == (
        "not applicable: the answer to 'In hoeverre is er sprake van ervaring?' was yes"
    )
    walked = [started.next_question() for _ in range(5)]
    assert walked == ["ervaring-2", "ervaring-3", "ervaring-4", "ervaring-p1", "tijd-1"]
    started.show_question("ervaring-nee")  # still reachable by a jump
    assert session.current_question_id == "ervaring-nee"
    # main questions and untriggered follow-ups are never "not applicable"
    assert not is_not_applicable(session, question(session, "ervaring-2"))
    assert not is_not_applicable(session, question(session, "tijd-nee"))


def test_changing_the_answer_moves_the_follow_up_back_out_of_the_way(started) -> None:
    session = started.session
    started.show_question("ervaring-1")
    started.set_quick_answer(None, "no")
    assert interview_order(session)[:3] == ("ervaring-1", "ervaring-nee", "ervaring-2")
    started.set_quick_answer(None, "yes")
    order = interview_order(session)
    assert order.index("ervaring-nee") == order.index("ervaring-4") + 1  # protocol place
    assert started.next_question() == "ervaring-2"
    started.set_quick_answer("ervaring-1", None)  # unanswered: not yet relevant either
    assert not is_not_applicable(session, question(session, "ervaring-nee"))
    assert started.next_question() == "ervaring-3"


def test_interview_order_without_answers_is_the_protocol_order(started) -> None:
    session = started.session
    planned = [*session.protocol.question_index(), "sterk", "zwak"]
    assert list(interview_order(session)) == planned
    assert started.interview_order() == planned


def _protocol_with_chain_and_cross_topic():
    protocol = build_protocol()
    data = protocol.model_dump(mode="json", exclude_defaults=True)
    ervaring = data["topics"][0]["questions"]
    # a chain: 'waarom' (follow-up to no) asks yes/no; its own follow-up follows it
    nee = next(q for q in ervaring if q["id"] == "ervaring-nee")
    nee["answer"] = {"type": "yes-no"}
    ervaring.append(
        {
            "id": "ervaring-nee-ja",
            "text": "Wat zou helpen?",
            "kind": "follow-up",
            "show_when": {"question": "ervaring-nee", "answer": "yes"},
        }
    )
    # a follow-up in the tijd topic triggered from the ervaring topic stays in its topic
    data["topics"][1]["questions"].append(
        {
            "id": "tijd-na-ervaring",
            "text": "En hoe is dat met tijd?",
            "kind": "follow-up",
            "show_when": {"question": "ervaring-1", "answer": "no"},
        }
    )
    return type(protocol).model_validate(data)


def test_chained_follow_ups_follow_their_trigger_cross_topic_ones_stay_put(clock) -> None:
    rec = start(_protocol_with_chain_and_cross_topic(), clock)
    rec.show_question("ervaring-1")
    rec.set_quick_answer(None, "no")
    assert rec.next_question() == "ervaring-nee"
    rec.set_quick_answer(None, "yes")
    assert rec.next_question() == "ervaring-nee-ja"
    assert rec.next_question() == "ervaring-2"
    order = interview_order(rec.session)
    tijd = [q for q in order if q.startswith("tijd")]
    assert tijd[-1] == "tijd-na-ervaring"  # where the protocol puts it, not in 'ervaring'
    assert sorted(order) == sorted([*rec.session.protocol.question_index(), "sterk", "zwak"])


# --- reasons and the outline, in the interface language -------------------------------------


def test_quote_question_shortens_at_a_word_and_collapses_whitespace() -> None:
    assert quote_question("Heeft u ervaring?") == "Heeft u ervaring?"
    assert quote_question("Heeft u\n  ervaring?") == "Heeft u ervaring?"
    long = "Kunt u vertellen hoe uw eerdere ervaring met samenwerking tussen professionals uit"
    quoted = quote_question(long)
    assert quoted == "Kunt u vertellen hoe uw eerdere ervaring met samenwerking …"
    assert len(quoted) <= QUOTE_LIMIT + 2 and long.startswith(quoted.removesuffix(" …"))
    assert quote_question("x" * 100) == "x" * QUOTE_LIMIT + " …"  # no space: cut at the limit


def test_nested_reason_values_render_in_the_same_language() -> None:
    reason = Reason.of(
        "engine.followup.because", question="Q?", answer=Reason.of("engine.answer.no")
    )
    assert reason.render("nl") == "omdat het antwoord op 'Q?' nee was"
    assert reason.render("en") == "because the answer to 'Q?' was no"


def test_choice_and_scale_answers_are_quoted_as_written(clock) -> None:
    data = build_protocol().model_dump(mode="json", exclude_defaults=True)
    questions = data["topics"][0]["questions"]
    questions[1]["answer"] = {"type": "choice", "options": ["Vaak", "Soms", "Nooit"]}
    questions.append(
        {
            "id": "ervaring-nooit",
            "text": "Hoe komt dat?",
            "kind": "follow-up",
            "show_when": {"question": "ervaring-2", "answer": ["Soms", "Nooit"]},
        }
    )
    protocol = type(build_protocol()).model_validate(data)
    rec = start(protocol, clock)
    rec.show_question("ervaring-2")
    rec.set_quick_answer(None, "Nooit")
    reason = follow_up_reason(rec.session, protocol.question("ervaring-nooit"))
    assert reason is not None
    assert reason.render("nl") == "omdat het antwoord op 'Welk effect heeft dat?' Nooit was"
    assert rec.next_question() == "ervaring-nooit"
    text = shown_when_text(protocol, protocol.question("ervaring-nooit"), "en")
    assert text == "asked when the answer to 'Welk effect heeft dat?' is Soms or Nooit"


def test_outline_condition_is_said_for_people() -> None:
    protocol = load_protocol(SEED_000)
    follow_up = protocol.question("ervaring-geen")
    assert shown_when_text(protocol, follow_up, "nl") == (
        f"te stellen als het antwoord op '{ERVARING_1_QUOTED}' nee is"
    )
    assert shown_when_text(protocol, follow_up, "en") == (
        f"asked when the answer to '{ERVARING_1_QUOTED}' is no"
    )
    assert shown_when_text(protocol, protocol.question("ervaring-1"), "en") == ""


# --- point 7: asked is asked ------------------------------------------------------------------


def test_moving_on_marks_the_question_asked_once(started, clock) -> None:
    session = started.session
    started.next_question()
    clock.advance(30)
    assert started.next_question() == "ervaring-2"
    record = session.records["ervaring-1"]
    assert record.state is QuestionState.ASKED and not record.has_content()
    assert asked_events(session, "ervaring-1") == 1
    assert started.previous_question() == "ervaring-1"  # back does not mark ervaring-2
    assert "ervaring-2" not in session.records or (
        session.records["ervaring-2"].state is QuestionState.NOT_ASKED
    )
    started.next_question()  # ervaring-1 again: already asked, no second event
    assert asked_events(session, "ervaring-1") == 1
    # the last question: moving on past it still counts it as asked
    started.show_question("zwak")
    assert started.next_question() is None
    assert session.records["zwak"].state is QuestionState.ASKED


def test_skipped_stays_skipped_when_moving_on(started) -> None:
    session = started.session
    started.show_question("ervaring-2")
    started.skip()
    assert started.next_question() == "ervaring-3"
    assert session.records["ervaring-2"].state is QuestionState.SKIPPED
    assert asked_events(session, "ervaring-2") == 0


def test_typing_in_a_skipped_question_marks_it_asked_again(started) -> None:
    session = started.session
    started.show_question("ervaring-2")
    started.set_notes(None, "eerste indruk")
    assert started.has_content() and started.has_content("ervaring-2")
    started.skip()
    record = session.records["ervaring-2"]
    assert record.state is QuestionState.SKIPPED and record.notes == "eerste indruk"
    started.set_notes(None, "eerste indruk")  # unchanged text (a commit): stays skipped
    assert record.state is QuestionState.SKIPPED
    started.set_notes(None, "eerste indruk, toch gevraagd")
    assert record.state is QuestionState.ASKED
    assert asked_events(session, "ervaring-2") == 2
    started.show_question("ervaring-1")
    started.skip()
    started.set_quick_answer(None, "yes")  # an answer counts as asked as well
    assert session.records["ervaring-1"].state is QuestionState.ASKED


def test_has_content_without_a_record_does_not_create_one(started) -> None:
    started.show_question("ervaring-3")
    assert not started.has_content()
    assert "ervaring-3" not in started.session.records
    started.set_part(None, "bp", "goed overleg")
    assert started.has_content("ervaring-3")


def test_questions_moved_on_from_count_for_progress_and_pace() -> None:
    def walk(move_on: bool) -> tuple[int, bool, float]:
        clock = FakeClock()
        rec = start(build_protocol(), clock)
        rec.show_question("ervaring-1")
        rec.set_quick_answer(None, "yes")  # its follow-up for "no" does not apply
        for qid in ("ervaring-2", "ervaring-3", "ervaring-4", "ervaring-p1"):
            if move_on:
                assert rec.next_question() == qid  # asked aloud, nothing typed
            else:
                rec.show_question(qid)  # only looked at: still open
            clock.advance(20)
        progress = topic_progress(rec.session, rec.session.protocol.topic("ervaring"))
        snap = TimingEngine(rec.session, clock).snapshot()
        return progress.asked, snap.topic("ervaring").done, snap.remaining_work_seconds

    asked_looked, done_looked, work_looked = walk(move_on=False)
    asked_moved, done_moved, work_moved = walk(move_on=True)
    assert (asked_looked, asked_moved) == (1, 4)  # the probe on screen is not left yet
    assert (done_looked, done_moved) == (False, True)  # every main question asked
    assert work_moved < work_looked  # pace counts them as asked, not as open
