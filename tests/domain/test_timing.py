"""TimingEngine with a fake clock: pauses, revisits, order, pace, advice, coverage."""

from __future__ import annotations

import pytest

from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.timing import Pace, TimingEngine

from .conftest import FakeClock, build_protocol


def answer_topic(rec: SessionRecorder, clock: FakeClock, topic: str, minutes: float) -> None:
    """Ask the four main questions of a topic, spending ``minutes`` in total."""
    for n in range(1, 5):
        rec.show_question(f"{topic}-{n}")
        clock.advance(minutes=minutes / 4)
        if n == 1:
            rec.set_quick_answer(None, "yes")
        rec.set_notes(None, f"Antwoord op {topic}-{n}.")


def test_not_started(recorder: SessionRecorder, clock: FakeClock) -> None:
    snap = TimingEngine(recorder.session, clock).snapshot()
    assert snap.pace.pace is Pace.NOT_STARTED
    assert snap.elapsed_seconds == 0 and snap.planned_seconds == 40 * 60
    assert snap.remaining_seconds == 40 * 60


def test_on_track_at_start_and_elapsed_excludes_pause(
    started: SessionRecorder, clock: FakeClock
) -> None:
    engine = TimingEngine(started.session, clock)
    assert engine.snapshot().pace.pace is Pace.TOO_EARLY  # see test_timing_guidance.py
    started.show_question("ervaring-1")
    clock.advance(minutes=3)
    started.pause()
    clock.advance(minutes=7)
    paused = engine.snapshot()
    assert paused.is_paused
    assert paused.elapsed_seconds == pytest.approx(180)
    assert paused.paused_seconds == pytest.approx(420)
    started.resume()
    clock.advance(minutes=2)
    snap = engine.snapshot()
    assert snap.elapsed_seconds == pytest.approx(300)
    assert snap.topic("ervaring").elapsed_seconds == pytest.approx(300)
    assert snap.current_question_seconds == pytest.approx(300)
    assert snap.remaining_seconds == pytest.approx(35 * 60)


def test_going_back_and_out_of_order_topics(started: SessionRecorder, clock: FakeClock) -> None:
    started.enter_topic("feedback")  # out of planned order
    clock.advance(minutes=4)
    started.enter_topic("ervaring")
    clock.advance(minutes=6)
    started.enter_topic("feedback")  # back to an earlier visited topic
    clock.advance(minutes=3)
    started.pause()
    clock.advance(minutes=20)
    started.resume()
    clock.advance(minutes=1)
    snap = TimingEngine(started.session, clock).snapshot()
    fb, erv, tijd = snap.topic("feedback"), snap.topic("ervaring"), snap.topic("tijd")
    assert fb.elapsed_seconds == pytest.approx(8 * 60) and fb.visits == 2 and fb.is_current
    assert erv.elapsed_seconds == pytest.approx(6 * 60) and erv.visits == 1
    assert tijd.elapsed_seconds == 0 and tijd.visits == 0
    assert fb.remaining_seconds == pytest.approx(2 * 60)
    assert snap.elapsed_seconds == pytest.approx(14 * 60)


def test_finished_session_stops_the_clock(started: SessionRecorder, clock: FakeClock) -> None:
    answer_topic(started, clock, "ervaring", 8)
    started.finish()
    clock.advance(minutes=60)
    snap = TimingEngine(started.session, clock).snapshot()
    assert snap.elapsed_seconds == pytest.approx(8 * 60)
    assert snap.pace.pace is Pace.FINISHED
    assert snap.drop_probes == () and snap.remaining_work_seconds == 0
    assert snap.projected_end == pytest.approx(clock.now - 3600)  # when it finished


def test_behind_projects_end_and_advises_probe_drops_by_priority(
    started: SessionRecorder, clock: FakeClock
) -> None:
    answer_topic(started, clock, "ervaring", 16)  # planned 10 min -> 6 min over
    started.skip("ervaring-p1")
    snap = TimingEngine(started.session, clock).snapshot()
    assert snap.pace.pace is Pace.BEHIND
    # the topic's 10 minutes are spent whatever was skipped in it: 6 minutes behind
    assert snap.pace.minutes == 6
    assert snap.pace.reason.render("en") == "behind 6 min"
    assert snap.pace.reason.render("nl") == "6 min achter"
    assert snap.projected_end == pytest.approx(clock.now + snap.remaining_work_seconds)
    assert snap.projected_total_minutes == pytest.approx(46)
    # 24 min left, but the main questions, a pending follow-up and the closing need 27.2:
    # every probe goes, highest priority number first, and a shortfall remains
    assert [d.question_id for d in snap.drop_probes] == ["tijd-p2", "feedback-p1", "tijd-p1"]
    assert [d.priority for d in snap.drop_probes] == [3, 2, 1]
    assert snap.shortfall_seconds == pytest.approx((1630.9 - 1440), abs=0.1)
    assert snap.shortfall_reason.render("en") == (
        "even without probes the main questions need 4 min more than is left"
    )
    assert snap.topic_over_reason("ervaring").render("nl") == "6 min uitgelopen"
    assert snap.topic_over_reason("tijd") is None
    assert "behind 6 min" in snap.drop_probes[0].reason.render("en")
    assert snap.topic("ervaring").over and snap.topic("ervaring").done


def test_probe_drops_stop_when_the_plan_fits(started: SessionRecorder, clock: FakeClock) -> None:
    answer_topic(started, clock, "ervaring", 10.5)  # half a minute over
    started.skip("ervaring-p1")
    snap = TimingEngine(started.session, clock).snapshot()
    assert snap.pace.pace is Pace.ON_TRACK and snap.drop_probes == ()
    answer_topic(started, clock, "tijd", 10)
    snap = TimingEngine(started.session, clock).snapshot()
    assert snap.pace.pace is Pace.BEHIND and snap.pace.minutes == 3
    # 19.5 min left, 19 needed: drop probes until the other 0.5 min holds what is kept
    assert [d.question_id for d in snap.drop_probes] == ["tijd-p2", "feedback-p1", "tijd-p1"]
    fits = snap.planned_seconds - snap.elapsed_seconds
    kept_work = snap.remaining_work_seconds - sum(d.saves_seconds for d in snap.drop_probes)
    assert kept_work <= fits + 1e-6
    assert snap.shortfall_seconds == 0
    started.show_question("tijd-p1")  # landing on a probe advised away: the advice stays
    clock.advance(1)
    snap = TimingEngine(started.session, clock).snapshot()
    assert [d.question_id for d in snap.drop_probes] == ["tijd-p2", "feedback-p1", "tijd-p1"]
    started.set_notes(None, "Toch gevraagd.")  # asked after all: no longer open, no advice
    snap = TimingEngine(started.session, clock).snapshot()
    assert "tijd-p1" not in [d.question_id for d in snap.drop_probes]


def test_unprioritised_probes_are_dropped_first(clock: FakeClock) -> None:
    from interviewer.domain.session_factory import new_session

    protocol = build_protocol()
    data = protocol.model_dump()
    data["topics"][2]["questions"].append(
        {"id": "feedback-vrij", "text": "Nog iets?", "kind": "probe"}
    )
    protocol = type(protocol).model_validate(data)
    session = new_session(protocol, case="Borne", respondent="1.1", clock=clock)
    rec = SessionRecorder(session, clock)
    rec.confirm_consent("opname")
    rec.start()
    answer_topic(rec, clock, "ervaring", 20)
    snap = TimingEngine(session, clock).snapshot()
    assert snap.drop_probes[0].question_id == "feedback-vrij"
    assert snap.drop_probes[0].priority is None
    assert "no priority" in snap.drop_probes[0].reason.render("en")


def test_overrun_redistributes_remaining_budget(started: SessionRecorder, clock: FakeClock) -> None:
    answer_topic(started, clock, "ervaring", 16)
    started.enter_topic("tijd")
    clock.advance(minutes=2)  # tijd partly done, then jump ahead to feedback
    started.enter_topic("feedback")
    snap = TimingEngine(started.session, clock).snapshot()
    assert snap.topic("ervaring").over_seconds == pytest.approx(6 * 60)
    budgets = {b.topic_id: b for b in snap.redistribution}
    assert set(budgets) == {"tijd"}  # ervaring done, feedback current
    # left: 40 - 18 = 22 min; feedback (current) keeps its needed 9 min (4 main questions and
    # the follow-up whose trigger is unanswered), the closing 10 min; tijd's share is the
    # other 3 min plus the 2 min it already had, so 3 min remain for it
    assert budgets["tijd"].budget_seconds == pytest.approx(3 * 60)
    assert budgets["tijd"].reason.render("en") == "now 3 min left (planned 8 min)"


def test_redistribution_proportional_to_plan(clock: FakeClock) -> None:
    from interviewer.domain.session_factory import new_session

    data = build_protocol().model_dump()
    data["topics"][1]["minutes"] = 5
    data["topics"][2]["minutes"] = 15
    data["duration_minutes"] = 40
    protocol = type(build_protocol()).model_validate(data)
    session = new_session(protocol, case="Borne", respondent="1.1", clock=clock)
    rec = SessionRecorder(session, clock)
    rec.confirm_consent("opname")
    rec.start()
    answer_topic(rec, clock, "ervaring", 14)
    rec.enter_closing()  # no current topic
    snap = TimingEngine(session, clock).snapshot()
    budgets = {b.topic_id: b.budget_seconds for b in snap.redistribution}
    assert budgets["feedback"] == pytest.approx(3 * budgets["tijd"])
    closing_needed = 10 * 60
    assert sum(budgets.values()) == pytest.approx(40 * 60 - 14 * 60 - closing_needed)


def test_intro_time_comes_out_of_the_closing_slack(
    started: SessionRecorder, clock: FakeClock
) -> None:
    clock.advance(minutes=6)  # reading the introduction
    snap = TimingEngine(started.session, clock).snapshot()
    assert snap.pace.pace is Pace.ON_TRACK
    assert snap.projected_total_seconds == pytest.approx(40 * 60)


def test_coverage_and_tags(started: SessionRecorder, clock: FakeClock) -> None:
    started.show_question("ervaring-1")
    started.set_quick_answer(None, "no")
    started.show_question("ervaring-3")
    started.set_part(None, "kp", "Te weinig tijd.")
    started.tag(None, "tijd")
    started.show_question("ervaring-4")
    started.skip()  # skipped without notes: not covered
    snap = TimingEngine(started.session, clock).snapshot()
    erv = next(c for c in snap.coverage if c.topic_id == "ervaring")
    assert erv.covered == ("wel-niet", "bp-kp")
    assert erv.missing == ("effect", "verbeterpunten")
    assert erv.reason.render("en") == "not yet covered: effect, verbeterpunten"
    tijd = next(c for c in snap.coverage if c.topic_id == "tijd")
    assert tijd.tagged_from == ("ervaring-3",) and len(tijd.missing) == 4


def test_follow_up_becomes_relevant_on_no(started: SessionRecorder, clock: FakeClock) -> None:
    engine = TimingEngine(started.session, clock)
    started.show_question("ervaring-1")
    started.set_quick_answer(None, "yes")
    assert engine.snapshot().follow_ups == ()
    started.set_quick_answer(None, "no")
    (follow,) = engine.snapshot().follow_ups
    assert (follow.question_id, follow.trigger_question_id, follow.answer) == (
        "ervaring-nee",
        "ervaring-1",
        "no",
    )
    assert not follow.done
    assert (
        follow.reason.render("nl")
        == "omdat het antwoord op 'In hoeverre is er sprake van ervaring?' nee was"
    )
    started.show_question("ervaring-nee")
    started.set_notes(None, "Geen ervaring, wel nieuwsgierig.")
    assert engine.snapshot().follow_ups[0].done


def test_topics_without_minutes_share_the_rest(clock: FakeClock) -> None:
    from interviewer.domain.estimates import make_plan

    data = build_protocol().model_dump()
    data["topics"][1]["minutes"] = None
    data["topics"][2]["minutes"] = None
    plan = make_plan(type(build_protocol()).model_validate(data))
    # 30 min left for two topics and the closing block (half a share): 12 / 12 / 6
    assert plan.topic("tijd") == pytest.approx(12 * 60)
    assert plan.closing_seconds == pytest.approx(6 * 60)
    assert plan.question("ervaring-1") == pytest.approx(2 * 60)
    assert plan.question("ervaring-p1") == pytest.approx(60)
