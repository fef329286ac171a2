"""Time guidance for the whole interview (fake clock, no terminal): the too-early rule, a pace
that a single skip does not swing, per-topic budgets and the whole-interview advice."""

from __future__ import annotations

import pytest

from interviewer.domain.advice import interview_advice, numbers
from interviewer.domain.navigation import outline
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session_factory import new_session
from interviewer.domain.timing import EARLY_SECONDS, Pace, TimingEngine, too_early

from .conftest import FakeClock, build_protocol


def _started(clock: FakeClock, **overrides: object) -> SessionRecorder:
    session = new_session(build_protocol(**overrides), case="Borne", respondent="1", clock=clock)
    rec = SessionRecorder(session, clock)
    rec.confirm_consent("opname")
    rec.start()
    return rec


def _far_behind(started: SessionRecorder, clock: FakeClock) -> None:
    """25 minutes in ervaring (planned 10) with two of its questions answered, then tijd."""
    started.show_question("ervaring-1")
    started.set_quick_answer(None, "no")  # the follow-up 'ervaring-nee' is now relevant
    started.set_notes(None, "Geen eerdere ervaring.")
    clock.advance(minutes=20)
    started.show_question("ervaring-2")
    started.set_notes(None, "Weinig effect.")
    clock.advance(minutes=5)
    started.show_question("tijd-1")
    clock.advance(minutes=1)


# --- too early to tell -----------------------------------------------------------------------
def test_too_early_for_the_first_five_minutes(started: SessionRecorder, clock: FakeClock) -> None:
    engine = TimingEngine(started.session, clock)
    started.show_question("ervaring-1")
    clock.advance(6)
    started.skip()  # seen: "2 min ahead" after six seconds and one skip
    snap = engine.snapshot()
    assert snap.pace.pace is Pace.TOO_EARLY and snap.pace.minutes == 0
    assert snap.pace.reason.render("nl") == "nog niet te zeggen"
    assert snap.pace.reason.render("en") == "too early to tell"
    assert snap.drop_probes == () and snap.redistribution == ()
    clock.advance(EARLY_SECONDS - 7)
    assert engine.snapshot().pace.pace is Pace.TOO_EARLY
    clock.advance(1)
    assert engine.snapshot().pace.pace is not Pace.TOO_EARLY


def test_too_early_lasts_a_tenth_of_a_long_plan_and_excludes_pauses(clock: FakeClock) -> None:
    rec = _started(clock, duration_minutes=120)
    engine = TimingEngine(rec.session, clock)
    clock.advance(minutes=6)
    rec.pause()
    clock.advance(minutes=30)  # a pause is no interview time
    rec.resume()
    clock.advance(minutes=5)
    assert engine.snapshot().pace.pace is Pace.TOO_EARLY  # 11 of 120 minutes
    clock.advance(minutes=1)
    assert engine.snapshot().pace.pace is not Pace.TOO_EARLY
    assert too_early(11 * 60, 7200) and not too_early(12 * 60, 7200)
    assert too_early(299, 0) and not too_early(300, 0)


# --- a single skip does not swing the pace -------------------------------------------------
def test_a_skip_inside_a_topic_does_not_make_the_interview_ahead(
    started: SessionRecorder, clock: FakeClock
) -> None:
    engine = TimingEngine(started.session, clock)
    clock.advance(minutes=6)  # the introduction, out of the closing's slack: on track
    started.show_question("ervaring-1")
    before = engine.snapshot()
    assert before.pace.pace is Pace.ON_TRACK
    started.skip()  # before this rule: "ahead 2 min" at once
    after = engine.snapshot()
    assert after.pace.pace is Pace.ON_TRACK
    assert after.projected_total_seconds == pytest.approx(before.projected_total_seconds)
    for qid in ("ervaring-2", "ervaring-3", "ervaring-4", "ervaring-p1"):
        started.show_question(qid)
        started.skip()
    assert engine.snapshot().pace.pace is Pace.ON_TRACK  # the follow-up is still open
    started.show_question("ervaring-nee")
    started.skip()  # now the topic is done: the time it did not use is credited
    done = engine.snapshot()
    assert done.topic("ervaring").done
    assert done.pace.pace is Pace.AHEAD and done.pace.minutes == 10


def test_the_floor_never_hides_behind(started: SessionRecorder, clock: FakeClock) -> None:
    started.show_question("ervaring-1")
    clock.advance(minutes=12)  # the topic's plan is spent on its first question
    snap = TimingEngine(started.session, clock).snapshot()
    assert snap.pace.pace is Pace.BEHIND
    # 12 elapsed + 8 open minutes in ervaring (3 main, follow-up, probe) + 30 planned elsewhere
    assert snap.projected_total_seconds == pytest.approx((12 + 8 + 30) * 60)


# --- per-topic budgets ------------------------------------------------------------------
def test_budgets_on_track_are_what_is_left_of_each_plan(
    started: SessionRecorder, clock: FakeClock
) -> None:
    started.show_question("ervaring-1")
    clock.advance(minutes=4)
    snap = TimingEngine(started.session, clock).snapshot()
    assert snap.topic("ervaring").budget_seconds == pytest.approx(6 * 60)
    assert snap.topic("tijd").budget_seconds == pytest.approx(10 * 60)
    assert not any(t.squeezed for t in snap.topics)


def test_budgets_when_far_behind(started: SessionRecorder, clock: FakeClock) -> None:
    _far_behind(started, clock)
    snap = TimingEngine(started.session, clock).snapshot()
    assert snap.pace.pace is Pace.BEHIND
    erv, tijd, feedback = snap.topic("ervaring"), snap.topic("tijd"), snap.topic("feedback")
    assert not erv.done and erv.over  # the triggered follow-up is still open
    # ervaring ran over: it lends nothing to the others and gets nothing more itself
    assert erv.budget_seconds == 0
    # 14 min left, the closing keeps its 10: tijd (current) gets the other 4 (its open main
    # questions and follow-up need 7.2), feedback nothing; none ever gets more than its plan
    assert tijd.budget_seconds == pytest.approx(4 * 60)
    assert feedback.budget_seconds == pytest.approx(0)
    assert tijd.squeezed and feedback.squeezed
    for timing in snap.topics:
        assert timing.budget_seconds is None or timing.budget_seconds <= timing.remaining_seconds


def test_done_topics_have_no_budget_and_the_outline_carries_it(
    started: SessionRecorder, clock: FakeClock
) -> None:
    for qid in ("ervaring-1", "ervaring-2", "ervaring-3", "ervaring-4"):
        started.show_question(qid)
        clock.advance(minutes=2)
        started.set_notes(None, "Antwoord.")
    started.set_quick_answer("ervaring-1", "yes")
    started.show_question("tijd-1")
    snap = TimingEngine(started.session, clock).snapshot()
    assert snap.topic("ervaring").done and snap.topic("ervaring").budget_seconds is None
    topics = {i.id: i for i in outline(started.session, snap) if i.kind == "topic"}
    assert topics["ervaring"].budget_seconds is None
    assert topics["tijd"].budget_seconds == pytest.approx(10 * 60)
    assert not topics["tijd"].squeezed


# --- the whole-interview advice -------------------------------------------------------------
def test_no_advice_when_on_track_or_too_early(started: SessionRecorder, clock: FakeClock) -> None:
    engine = TimingEngine(started.session, clock)
    clock.advance(minutes=4)  # the introduction, out of the closing's slack
    started.show_question("ervaring-1")
    assert interview_advice(started.session, engine.snapshot()) is None  # too early
    clock.advance(minutes=2)
    started.set_notes(None, "Antwoord.")
    snap = engine.snapshot()
    assert snap.pace.pace is Pace.ON_TRACK
    assert interview_advice(started.session, snap) is None
    started.show_question("ervaring-2")
    clock.advance(minutes=5)  # planned 2
    snap = engine.snapshot()
    assert snap.pace.pace is Pace.BEHIND
    assert interview_advice(started.session, snap) is not None


def test_advice_when_far_behind(started: SessionRecorder, clock: FakeClock) -> None:
    _far_behind(started, clock)
    snap = TimingEngine(started.session, clock).snapshot()
    advice = interview_advice(started.session, snap)
    assert advice is not None
    by_topic = {a.topic_id: a for a in advice.topics}
    assert [a.topic_id for a in advice.topics] == ["tijd", "ervaring", "feedback"]
    # ervaring: wel-niet and effect are covered; bp-kp and verbeterpunten are not. The
    # triggered follow-up measures nothing here, so the main questions 3 and 4 are named
    assert by_topic["ervaring"].ask_ids == ("ervaring-3", "ervaring-4")
    assert by_topic["ervaring"].ask == (3, 4)
    assert by_topic["ervaring"].budget_seconds == 0  # over its plan and not done
    assert by_topic["ervaring"].drop == (6,)
    assert by_topic["tijd"].ask == (1, 2, 3, 4)
    assert by_topic["tijd"].drop_ids == ("tijd-p1", "tijd-p2")  # in topic order
    assert by_topic["tijd"].drop == (6, 7)
    assert by_topic["feedback"].drop_ids == ("feedback-p1",)
    assert advice.shortfall_minutes > 0
    nl = advice.render("nl")
    assert nl.startswith(
        f"Achterstand inlopen (ook zonder doorvragen {advice.shortfall_minutes} min te kort): "
    )
    assert nl.endswith(
        "Tijd ≤4 min: vraag 1–4, doorvragen 6, 7 overslaan"
        " · Ervaring zo kort mogelijk: vraag 3, 4, doorvraag 6 overslaan"
        " · Feedback zo kort mogelijk: vraag 1–4, doorvraag 6 overslaan"
    )
    en = advice.render("en")
    assert "Tijd ≤4 min: ask 1–4, skip probes 6, 7 · Ervaring as short as possible" in en
    assert "Feedback as short as possible: ask 1–4, skip probe 6" in en


def test_advice_follows_the_interviewer(started: SessionRecorder, clock: FakeClock) -> None:
    _far_behind(started, clock)
    engine = TimingEngine(started.session, clock)
    started.set_notes("tijd-1", "Te weinig tijd.")  # answered: no longer to ask
    started.show_question("ervaring-3")  # back to ervaring: it becomes the current topic
    clock.advance(30)
    advice = interview_advice(started.session, engine.snapshot())
    assert advice is not None
    assert advice.topics[0].topic_id == "ervaring" and advice.topics[0].current
    tijd = next(a for a in advice.topics if a.topic_id == "tijd")
    assert 1 not in tijd.ask
    assert advice.render("en").startswith(
        f"To catch up ({advice.shortfall_minutes} min short even without probes): "
        "Ervaring: wrap up, ask 3, 4, skip probe 6 · Tijd as short as possible: ask 2–4"
    )


def test_a_triggered_follow_up_is_preferred_for_its_characteristic(clock: FakeClock) -> None:
    data = build_protocol().model_dump()
    for question in data["topics"][0]["questions"]:
        if question["id"] == "ervaring-nee":
            question["characteristic"] = "effect"
    rec = _started(clock, topics=data["topics"])
    rec.show_question("ervaring-1")
    rec.set_quick_answer(None, "no")
    clock.advance(minutes=30)
    advice = interview_advice(rec.session, TimingEngine(rec.session, clock).snapshot())
    assert advice is not None
    erv = next(a for a in advice.topics if a.topic_id == "ervaring")
    assert "ervaring-nee" in erv.ask_ids and "ervaring-2" not in erv.ask_ids


def test_the_probe_on_screen_keeps_its_advice_in_the_outline(
    started: SessionRecorder, clock: FakeClock
) -> None:
    _far_behind(started, clock)
    started.show_question("tijd-p1")  # "next" lands on a probe advised to be dropped
    snap = TimingEngine(started.session, clock).snapshot()
    assert "tijd-p1" in {d.question_id for d in snap.drop_probes}
    item = next(i for i in outline(started.session, snap) if i.id == "tijd-p1")
    assert item.current and item.dimmed and item.reason is not None


def test_numbers_are_short() -> None:
    assert numbers((4, 1, 2, 3, 6, 8, 9)) == "1–4, 6, 8, 9"
    assert numbers((5,)) == "5"
    assert numbers(()) == ""
