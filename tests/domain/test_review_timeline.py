"""The review screen's timeline of one interview, without a terminal: visits in protocol
order, returns to a topic, pauses cut out of the bars, an unfinished interview, and the
minutes and coverage agreeing with the analysis screen and the exports."""

from __future__ import annotations

import pytest

from interviewer.analysis_workspace import Coverage, case_workspace
from interviewer.demo import make_demo
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.timeline import CLOSING, Interval
from interviewer.export.content import topic_seconds
from interviewer.review_timeline import interview_timeline

from .conftest import FakeClock, _topic, build_protocol

MIN = 60.0


def spans(visit) -> list[tuple[float, float]]:
    return [(s.start / MIN, s.end / MIN) for s in visit.spans]


def test_visits_returns_and_pauses(started: SessionRecorder, clock: FakeClock) -> None:
    clock.advance(minutes=2)  # the introduction: no lane
    started.enter_topic("ervaring")
    clock.advance(minutes=4)
    started.enter_topic("feedback")  # out of protocol order
    clock.advance(minutes=3)
    started.pause()
    clock.advance(minutes=5)
    started.resume()
    clock.advance(minutes=2)
    started.enter_topic("ervaring")  # back to a topic already visited
    clock.advance(minutes=3)
    started.enter_closing()
    clock.advance(minutes=2)
    started.finish()
    clock.advance(minutes=30)  # the review is read later: no effect

    timeline = interview_timeline(started.session, "Afronding")

    assert [lane.key for lane in timeline.lanes] == ["ervaring", "tijd", "feedback", CLOSING]
    assert [lane.label for lane in timeline.lanes] == [
        "1. Ervaring",
        "2. Tijd",
        "3. Feedback",
        "Afronding",
    ]
    ervaring, tijd, feedback, closing = timeline.lanes
    assert ervaring.returned and not feedback.returned and not tijd.returned
    assert [(v.start / MIN, v.end / MIN) for v in ervaring.visits] == [(2, 6), (16, 19)]
    assert tijd.visits == ()
    (fb,) = feedback.visits
    assert (fb.start / MIN, fb.end / MIN) == (6, 16)
    assert spans(fb) == [(6, 9), (14, 16)]  # the pause is cut out of the bar
    assert fb.active_seconds == pytest.approx(5 * MIN)
    assert spans(closing.visits[0]) == [(19, 21)]
    assert timeline.pauses == (Interval(9 * MIN, 14 * MIN),)
    assert timeline.end == pytest.approx(21 * MIN)
    assert timeline.finished and timeline.current is None and not timeline.empty
    assert [key for key, _visit in timeline.order()] == [
        "ervaring",
        "feedback",
        "ervaring",
        CLOSING,
    ]
    minutes = {m.label: (m.planned, m.actual) for m in timeline.minutes}
    assert minutes == {
        "1. Ervaring": (10, (7.0,)),
        "2. Tijd": (10, (0.0,)),
        "3. Feedback": (10, (5.0,)),
    }


def test_unfinished_interview(started: SessionRecorder, clock: FakeClock) -> None:
    started.enter_topic("tijd")
    clock.advance(minutes=5)
    started.show_question("tijd-1")
    started.set_notes("tijd-1", "Nog geen tijd gehad.")
    clock.advance(minutes=1)
    started.pause()  # the app closed during the pause
    clock.advance(minutes=50)

    timeline = interview_timeline(started.session, "Closing")

    assert not timeline.finished
    assert timeline.current == "tijd"
    assert timeline.end == pytest.approx(6 * MIN)  # the last event, not the clock
    (visit,) = timeline.lanes[1].visits
    assert (visit.start, visit.end) == (0.0, pytest.approx(6 * MIN))
    assert timeline.pauses == ()  # nothing after the pause was written: no length yet
    assert timeline.lanes[-1].visits == ()
    assert [m.actual for m in timeline.minutes] == [(0.0,), (6.0,), (0.0,)]


def test_not_started(recorder: SessionRecorder) -> None:
    timeline = interview_timeline(recorder.session, "Closing")
    assert timeline.empty and timeline.end == 0 and timeline.pauses == ()
    assert {row.states for row in timeline.coverage} == {(Coverage.NOT_REACHED,)}


def test_coverage_of_one_interview(started: SessionRecorder, clock: FakeClock) -> None:
    started.enter_topic("ervaring")
    started.show_question("ervaring-1")
    started.set_quick_answer("ervaring-1", "yes")
    clock.advance(minutes=1)
    started.show_question("ervaring-2")
    started.skip("ervaring-2")
    started.finish()

    rows = interview_timeline(started.session, "Closing").coverage

    ervaring = {row.label: row.states for row in rows if row.variable_label == "1. Ervaring"}
    assert ervaring == {
        "wel-niet": (Coverage.COVERED,),
        "effect": (Coverage.SKIPPED,),
        "bp-kp": (Coverage.NOT_REACHED,),
        "verbeterpunten": (Coverage.NOT_REACHED,),
    }
    assert len(rows) == 12  # four characteristics in each of three topics


def test_agrees_with_the_exports_and_the_analysis_screen() -> None:
    """A played demo interview: the bars add up to the export's minutes per topic, and the
    minutes and coverage are those the analysis screen shows for the case."""
    for seed in range(4):
        session = make_demo(build_protocol(), case="Borne", respondents=1, seed=seed)[0].session
        timeline = interview_timeline(session, "Closing")
        seconds = topic_seconds(session)
        for lane in timeline.lanes:
            assert lane.active_seconds == pytest.approx(seconds.get(lane.key, 0.0))
        paused = sum(p.length for p in timeline.pauses)
        assert paused > 0  # every demo interview has a pause
        for lane in timeline.lanes:
            for visit in lane.visits:
                assert visit.end - visit.start == pytest.approx(
                    visit.active_seconds
                    + sum(
                        max(0.0, min(visit.end, p.end) - max(visit.start, p.start))
                        for p in timeline.pauses
                    )
                )
        workspace = case_workspace([session], study=session.protocol.id)
        assert timeline.minutes == workspace.minutes
        assert timeline.coverage == workspace.coverage


def test_planned_minutes_are_the_plans_also_without_own_minutes() -> None:
    """A topic without ``minutes`` gets its share of the plan, on the screens as in the
    matrix's chart and on the interview clock (not 0)."""
    from interviewer.domain.estimates import make_plan
    from interviewer.export.matrix_charts import time_chart_data
    from interviewer.i18n import Translator

    topics = [_topic("ervaring", 10), _topic("tijd", None, (1, 3)), _topic("feedback", 10)]
    protocol = build_protocol(topics=topics)
    session = make_demo(protocol, case="Borne", respondents=1, seed=1)[0].session
    timeline = interview_timeline(session, "Closing")
    shown = [m.planned for m in timeline.minutes]
    assert shown[1] == round(make_plan(protocol).topic(protocol.topics[1].id) / 60, 1) > 0
    chart = time_chart_data([session], Translator("en"))
    assert shown == list(chart.planned[: len(shown)])
