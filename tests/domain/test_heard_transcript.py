"""Speech heard by the app's own recorder: heard in session seconds, filed under the exact
question with the turn's speaker, stored at its recording position."""

from __future__ import annotations

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import SessionMode
from interviewer.domain.session_factory import new_session
from interviewer.transcript import align
from interviewer.transcript.heard import (
    RECORDED,
    heard_segments,
    recorded_transcript,
    turn_speaker_at,
)
from interviewer.transcript.model import INTERVIEWER, RecordingClock
from tests.fake_clock import FakeClock


def group_interview(protocol: InterviewProtocol, clock: FakeClock) -> SessionRecorder:
    session = new_session(
        protocol, case="Borne", respondent="2", mode=SessionMode.GROUP,
        participants=["2.1", "2.2"], clock=clock,
    )  # fmt: skip
    recorder = SessionRecorder(session, clock=clock)
    recorder.confirm_consent("opname")
    recorder.start()
    return recorder


def test_segments_take_the_speaker_marked_for_the_turn_then(
    protocol: InterviewProtocol, clock: FakeClock
) -> None:
    recorder = group_interview(protocol, clock)
    recorder.show_question("ervaring-2")  # t=0: the interviewer reads the question
    clock.advance(10)
    recorder.speaker_key(None, "2.1")  # t=10
    recorder.set_notes(None, "Al jaren.")
    clock.advance(20)
    recorder.speaker_key(None, "2.2")  # t=30: a new turn
    clock.advance(20)
    recorder.next_question()  # t=50
    session = recorder.session
    assert turn_speaker_at(session, "ervaring-2", 3.0) is None  # nobody marked yet
    assert turn_speaker_at(session, "ervaring-2", 9.5) == "2.1"  # within the leeway
    assert turn_speaker_at(session, "ervaring-2", 28.0) == "2.1"
    assert turn_speaker_at(session, "ervaring-2", 45.0) == "2.2"
    segments = heard_segments(
        session, [(2.0, 5.0, "Hoe lang?"), (12.0, 20.0, "Al jaren."), (31.0, 40.0, "Ja."),
                  (52.0, 55.0, "Volgende.")], None,
    )  # fmt: skip
    assert [s.speaker for s in segments] == [None, "2.1", "2.2", None]
    transcript = recorded_transcript(session, segments, None)
    assert transcript.offset == 0.0 and transcript.source_format == RECORDED
    placed = align(session, transcript)
    assert [a.question_id for a in placed[:3]] == ["ervaring-2"] * 3
    assert placed[3].question_id != "ervaring-2"
    assert [a.at for a in placed] == [2.0, 12.0, 31.0, 52.0]  # no offset to guess
    assert [a.speaker for a in placed[:3]] == [None, "2.1", "2.2"]


def test_the_interviewers_turn_maps_to_the_interviewer(
    protocol: InterviewProtocol, clock: FakeClock
) -> None:
    recorder = group_interview(protocol, clock)
    recorder.show_question("ervaring-2")
    recorder.speaker_key(None, "interviewer")
    segments = heard_segments(recorder.session, [(1.0, 2.0, "Kunt u dat uitleggen?")], None)
    transcript = recorded_transcript(recorder.session, segments, None)
    assert align(recorder.session, transcript)[0].speaker == INTERVIEWER


def test_an_individual_interview_has_no_segment_speakers(started: SessionRecorder) -> None:
    assert turn_speaker_at(started.session, "ervaring-2", 5.0) is None
    segments = heard_segments(started.session, [(1.0, 2.0, "Ja.")], None)
    assert segments[0].speaker is None


def test_a_segment_after_a_pause_is_filed_by_session_second_and_stamped_at_its_position(
    protocol: InterviewProtocol, clock: FakeClock
) -> None:
    """Recording from session 0 to 20 (0.wav 0-20), paused 20-45 while the next question
    came up at 40, then on again: a turn heard at session 50 is 0.wav 25."""
    recorder = group_interview(protocol, clock)
    recorder.show_question("ervaring-2")  # t=0
    recorder.speaker_key(None, "2.1")
    clock.advance(40)
    recorder.next_question()  # t=40, during the recording pause
    clock.advance(8)
    recorder.speaker_key(None, "2.2")  # t=48
    recording = RecordingClock(((0.0, 0.0), (20.0, 45.0)))
    heard = [(5.0, 9.0, "Al jaren."), (50.0, 53.5, "Ja, elke week.")]
    segments = heard_segments(recorder.session, heard, recording)
    assert [(s.start, s.end, s.speaker) for s in segments] == [
        (5.0, 9.0, "2.1"),
        (25.0, 28.5, "2.2"),
    ]
    transcript = recorded_transcript(recorder.session, segments, recording)
    placed = align(recorder.session, transcript)
    assert [a.at for a in placed] == [5.0, 50.0]
    assert placed[0].question_id == "ervaring-2"
    assert placed[1].question_id == recorder.session.current_question_id != "ervaring-2"
