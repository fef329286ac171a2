"""A new run over the recording keeps the segments moved by hand, by time (transcript.rerun)."""

from __future__ import annotations

from interviewer.domain.session import Session
from interviewer.transcript import Segment, Target, Transcript, align
from interviewer.transcript.align import closing_target
from interviewer.transcript.heard import LIVE_SOURCE, RECORDED, recorded_transcript
from interviewer.transcript.model import RecordingClock
from interviewer.transcript.rerun import carry_moves, rerun_transcript

ELSEWHERE = Target("os-2", "ondersteuning")
OTHER = Target(None, "overig")


def _old(segments: list[tuple[float, float | None]], moves: dict[int, Target],
         offset: float = 0.0) -> Transcript:  # fmt: skip
    return Transcript(
        session_id="s",
        segments=[Segment(s, e, f"old {i}") for i, (s, e) in enumerate(segments, start=1)],
        offset=offset,
        moves=moves,
    )


def _new(*spans: tuple[float, float | None], clock: RecordingClock | None = None) -> Transcript:
    segments = [Segment(s, e, f"new {i}") for i, (s, e) in enumerate(spans, start=1)]
    return Transcript(session_id="s", segments=segments, clock=clock)


def test_a_new_segment_follows_a_moved_one_it_lies_in_for_more_than_half() -> None:
    old = _old([(90, 100), (100, 110), (110, 120)], {2: ELSEWHERE})
    new = _new((101, 105), (95, 108), (108, 115), (104, 116), (111, 119))
    # 4/4 inside; 8/13 inside; 2/7 inside; 6/12 = exactly half: not more; none inside
    assert carry_moves(old, new) == {1: ELSEWHERE, 2: ELSEWHERE}


def test_several_new_segments_of_one_moved_old_segment_all_stay_moved() -> None:
    old = _old([(100, 130)], {1: ELSEWHERE})
    new = _new((98, 106), (106, 112), (113, 121), (122, 131), (131, 140))
    assert carry_moves(old, new) == {1: ELSEWHERE, 2: ELSEWHERE, 3: ELSEWHERE, 4: ELSEWHERE}


def test_nothing_moved_or_nothing_overlapping_carries_nothing() -> None:
    new = _new((100, 110), (110, 120))
    assert carry_moves(_old([(100, 120)], {}), new) == {}
    assert carry_moves(_old([(200, 220)], {1: ELSEWHERE}), new) == {}
    assert carry_moves(_old([(100, 120)], {}), _new()) == {}


def test_each_new_segment_goes_where_the_old_one_holding_most_of_it_went() -> None:
    old = _old([(100, 110), (110, 120)], {1: ELSEWHERE, 2: OTHER})
    assert carry_moves(old, _new((104, 112), (109, 118))) == {1: ELSEWHERE, 2: OTHER}


def test_times_are_compared_in_session_seconds_through_each_offset() -> None:
    # an imported transcript: the recording started 42 s before the interview clock
    old = _old([(142, 152)], {1: ELSEWHERE}, offset=42.0)
    assert carry_moves(old, _new((101, 109))) == {1: ELSEWHERE}
    assert carry_moves(old, _new((141, 149))) == {}


def test_segments_without_length() -> None:
    # a new segment of no length counts by its start; an old one of no length holds nothing
    old = _old([(100, 110), (120, None)], {1: ELSEWHERE, 2: OTHER})
    assert carry_moves(old, _new((105, 105), (105, None), (110, None), (120, 121))) == {
        1: ELSEWHERE,
        2: ELSEWHERE,
    }


def test_a_move_to_a_closing_question_and_to_a_code_survives_the_new_run(
    session: Session,
) -> None:
    """In the fixture session sw-1 is on screen 10-70 s and sw-2 from 70 s."""
    closing = closing_target(session.protocol, "aanvulling")
    live = recorded_transcript(
        session,
        [Segment(12, 20, "a"), Segment(22, 40, "b"), Segment(75, 90, "c")],
        None,
        source_name=LIVE_SOURCE,
    )
    live.moves = {2: closing, 3: OTHER}
    live.speakers = {"1.1": "interviewer"}
    spoken = [(12.5, 19.0, "a"), (22.0, 30.0, "b1"), (30.5, 39.5, "b2"), (76.0, 89.0, "c")]
    new = rerun_transcript(session, spoken, None, source_name="whisper-small", previous=live)
    assert (new.source_format, new.source_name, new.offset) == (RECORDED, "whisper-small", 0.0)
    assert new.moves == {2: closing, 3: closing, 4: OTHER}
    assert new.speakers == {"1.1": "interviewer"}
    placed = align(session, new)
    assert [(a.segment.text, a.target, a.moved) for a in placed] == [
        ("a", Target("sw-1", "samenwerking"), False),
        ("b1", closing, True),
        ("b2", closing, True),
        ("c", OTHER, True),
    ]


def test_without_a_previous_transcript_the_timeline_decides(session: Session) -> None:
    new = rerun_transcript(session, [(75.0, 80.0, "c")], None, source_name="m")
    assert new.moves == {} and new.speakers == {}
    assert align(session, new)[0].target == Target("sw-2", "samenwerking")


def test_moves_follow_by_session_second_across_recording_clocks() -> None:
    """The old transcript was recorded before recording positions (session seconds, no
    clock); the new run has a clock (recording paused from session 30 to 90). The moved old
    segment at session 100-110 holds the new one at position 40-48 = session 100-108."""
    old = _old([(100, 110)], {1: ELSEWHERE})
    clock = RecordingClock(((0.0, 0.0), (30.0, 90.0)))
    assert carry_moves(old, _new((40, 48), (28, 30), clock=clock)) == {1: ELSEWHERE}
    # and the other way round: an old transcript with a clock, a new one without
    positioned = Transcript("s", [Segment(40, 50, "old")], moves={1: OTHER}, clock=clock)
    assert carry_moves(positioned, _new((101, 109), (40, 50))) == {1: OTHER}


def test_a_rerun_stores_recording_positions_and_files_by_session_second(
    session: Session,
) -> None:
    """Recording paused from session 20 to 70 (sw-1 on screen 10-70 s, sw-2 from 70 s): a
    phrase heard at session 75 is at 0.wav 25 and still filed under sw-2."""
    clock = RecordingClock(((0.0, 0.0), (20.0, 70.0)))
    new = rerun_transcript(session, [(12.0, 15.0, "a"), (75.0, 80.0, "c")], clock, source_name="m")
    assert [(s.start, s.end) for s in new.segments] == [(12.0, 15.0), (25.0, 30.0)]
    assert new.clock == clock
    placed = align(session, new)
    assert [(a.at, a.target) for a in placed] == [
        (12.0, Target("sw-1", "samenwerking")),
        (75.0, Target("sw-2", "samenwerking")),
    ]
