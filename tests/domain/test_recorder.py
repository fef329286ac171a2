"""SessionRecorder: consent, navigation, recording, closing fields, restart recovery."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.recorder import (
    NOTE_EVENT_INTERVAL,
    RESTART_MARK,
    RecorderError,
    SessionRecorder,
)
from interviewer.domain.session import (
    EventKind,
    Flag,
    QuestionState,
    Session,
    SessionMode,
    SessionStatus,
    protocol_digest,
    session_to_json_dict,
)
from interviewer.domain.session_factory import new_session

from .conftest import FakeClock


def kinds(session: Session) -> list[EventKind]:
    return [e.kind for e in session.timeline]


def test_new_session_snapshots_protocol(protocol: InterviewProtocol, clock: FakeClock) -> None:
    session = new_session(
        protocol, case=" Borne ", respondent=" 1.2 ", role="Wmo-consulent", clock=clock
    )
    assert session.case == "Borne" and session.respondent == "1.2"
    assert session.protocol_sha256 == protocol_digest(protocol)
    assert session.status is SessionStatus.PLANNED
    assert session.created_at.timestamp() == clock.now


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"respondent": "../x"}, "'/'"),
        ({"case": "  "}, "needs a case"),
        ({"mode": "duo"}, "individual"),
        ({"participants": ["R1", "R2"]}, "use mode 'group'"),
        ({"mode": "group", "participants": ["R1", "R1"]}, "twice"),
        ({"session_id": "../../etc"}, "session id"),
    ],
)
def test_new_session_refuses_bad_input(
    protocol: InterviewProtocol, clock: FakeClock, kwargs: dict, message: str
) -> None:
    args = {"case": "Borne", "respondent": "1.1", **kwargs}
    with pytest.raises(ValueError, match=message):
        new_session(protocol, clock=clock, **args)


def test_consent_gates_start(recorder: SessionRecorder, clock: FakeClock) -> None:
    assert not recorder.can_start()
    with pytest.raises(RecorderError, match="opname"):
        recorder.start()
    recorder.confirm_consent("opname")
    assert recorder.session.consent[0].confirmed_at.timestamp() == clock.now
    recorder.unconfirm_consent("opname")
    assert not recorder.can_start()
    with pytest.raises(RecorderError, match="unknown checklist"):
        recorder.confirm_consent("nope")
    recorder.confirm_consent("opname")
    clock.advance(5)
    recorder.start()
    assert recorder.session.status is SessionStatus.IN_PROGRESS
    assert recorder.session.started_at.timestamp() == clock.now
    assert kinds(recorder.session) == [EventKind.STARTED]


def test_advance_consent_allows_start(protocol: InterviewProtocol, clock: FakeClock) -> None:
    session = new_session(
        protocol, case="Borne", respondent="1.1", advance_consent=dt.date(2026, 2, 1), clock=clock
    )
    recorder = SessionRecorder(session, clock=clock)
    assert recorder.can_start()


def test_actions_need_a_started_interview(recorder: SessionRecorder) -> None:
    with pytest.raises(RecorderError, match="not started"):
        recorder.show_question("ervaring-1")


def test_show_question_enters_topic_and_times_are_session_seconds(
    started: SessionRecorder, clock: FakeClock
) -> None:
    clock.advance(minutes=2)
    started.show_question("ervaring-1")
    clock.advance(30)
    started.show_question("tijd-2")  # jump to another topic
    events = [(e.at, e.kind, e.topic_id, e.question_id) for e in started.session.timeline]
    assert events == [
        (0.0, EventKind.STARTED, None, None),
        (120.0, EventKind.TOPIC_ENTERED, "ervaring", None),
        (120.0, EventKind.QUESTION_SHOWN, "ervaring", "ervaring-1"),
        (150.0, EventKind.TOPIC_LEFT, "ervaring", None),
        (150.0, EventKind.TOPIC_ENTERED, "tijd", None),
        (150.0, EventKind.QUESTION_SHOWN, "tijd", "tijd-2"),
    ]
    assert started.session.current_topic_id == "tijd"
    assert started.session.current_question_id == "tijd-2"


def test_next_and_previous_follow_plan_and_skip_untriggered_follow_ups(
    started: SessionRecorder,
) -> None:
    seen = [started.next_question() for _ in range(6)]
    assert seen == ["ervaring-1", "ervaring-2", "ervaring-3", "ervaring-4", "ervaring-p1", "tijd-1"]
    assert started.previous_question() == "ervaring-p1"
    started.show_question("ervaring-1")
    started.set_quick_answer(None, "no")
    assert started.next_question() == "ervaring-nee"  # the triggered follow-up comes next
    assert started.next_question() == "ervaring-2"
    started.show_question("feedback-p1")
    assert started.next_question() == "sterk"
    assert started.session.in_closing and started.session.current_topic_id is None
    assert started.next_question() == "zwak"
    assert started.next_question() is None


def test_quick_answer_is_validated_and_marks_asked(started: SessionRecorder) -> None:
    started.show_question("ervaring-1")
    with pytest.raises(RecorderError, match="use one of: yes, no"):
        started.set_quick_answer(None, "misschien")
    with pytest.raises(RecorderError, match="notes only"):
        started.set_quick_answer("ervaring-2", "yes")
    started.set_quick_answer(None, "yes")
    record = started.session.records["ervaring-1"]
    assert record.quick_answer == "yes" and record.state is QuestionState.ASKED
    started.set_quick_answer(None, None)
    assert record.quick_answer is None
    assert kinds(started.session).count(EventKind.ANSWER_SET) == 2


def test_note_edits_are_coalesced(started: SessionRecorder, clock: FakeClock) -> None:
    started.show_question("ervaring-2")
    text = ""
    for word in ("Ik", "denk", "dat", "het", "goed", "gaat") * 20:  # 120 keystrokes, 1 s apart
        clock.advance(1)
        text += word + " "
        started.set_notes(None, text)
    record = started.session.records["ervaring-2"]
    assert record.first_edit_at == 1.0 and record.last_edit_at == 120.0
    edits = [e for e in started.session.timeline if e.kind is EventKind.NOTE_EDITED]
    assert len(edits) == 120 // NOTE_EVENT_INTERVAL
    assert all(e.value is None for e in edits)  # never note text on the timeline
    assert record.state is QuestionState.ASKED


def test_parts_flags_tags_speaker(started: SessionRecorder) -> None:
    started.show_question("ervaring-3")
    started.set_part(None, "bp", "Korte lijnen.")
    started.set_part(None, "kp", "Wachtlijsten.")
    with pytest.raises(RecorderError, match="no note part"):
        started.set_part(None, "xx", "tekst")
    assert started.toggle_flag(None, Flag.QUOTE) is True
    assert started.toggle_flag(None, "quote") is False
    started.toggle_flag(None, Flag.IMPORTANT)
    started.tag(None, "feedback")
    started.tag(None, "overig")
    started.untag(None, "overig")
    with pytest.raises(RecorderError, match="already belongs"):
        started.tag(None, "ervaring")
    with pytest.raises(RecorderError, match="unknown code"):
        started.tag(None, "nope")
    started.set_speaker(None, "1.1")
    with pytest.raises(RecorderError, match="not a participant"):
        started.set_speaker(None, "R9")
    record = started.session.records["ervaring-3"]
    assert record.parts == {"bp": "Korte lijnen.", "kp": "Wachtlijsten."}
    assert record.flags == [Flag.IMPORTANT] and record.tags == ["feedback"]
    # an individual interview has one speaker, its respondent: choosing it stores no turns
    assert record.turns == [] and record.speaker is None
    assert EventKind.UNTAGGED in kinds(started.session)
    assert EventKind.FLAG_CLEARED in kinds(started.session)


def test_group_session_speakers(protocol: InterviewProtocol, clock: FakeClock) -> None:
    session = new_session(
        protocol,
        case="Borne",
        respondent="1.1",
        mode=SessionMode.GROUP,
        participants=["R1", "R2", "R3"],
        advance_consent=dt.date(2026, 1, 5),
        clock=clock,
    )
    recorder = SessionRecorder(session, clock=clock)
    recorder.start()
    recorder.show_question("tijd-1")
    recorder.set_speaker(None, "R2")
    assert session.records["tijd-1"].speaker == "R2"


def test_closing_fields_go_to_key_record_only(started: SessionRecorder) -> None:
    changes: list[str] = []
    started.on_change = changes.append
    started.enter_closing()
    started.show_question("sterk")
    started.set_notes(None, "De korte lijnen.")
    started.set_closing_field("mail-controle", " r11@example.org ")
    with pytest.raises(RecorderError, match="unknown closing field"):
        started.set_closing_field("telefoon", "06")
    started.finish()
    assert started.key.fields == {"mail-controle": "r11@example.org"}
    assert started.key.session_id == started.session.id
    dump = json.dumps(session_to_json_dict(started.session))
    assert "example.org" not in dump
    assert "key" in changes and "session" in changes
    assert started.session.records["sterk"].notes == "De korte lijnen."


def test_pause_resume_and_finish(started: SessionRecorder, clock: FakeClock) -> None:
    started.show_question("ervaring-1")
    clock.advance(minutes=5)
    started.pause()
    with pytest.raises(RecorderError, match="cannot pause"):
        started.pause()
    clock.advance(minutes=10)
    started.resume()
    with pytest.raises(RecorderError, match="not paused"):
        started.resume()
    clock.advance(minutes=1)
    started.finish()
    assert kinds(started.session)[-4:] == [
        EventKind.PAUSED,
        EventKind.RESUMED,
        EventKind.TOPIC_LEFT,
        EventKind.FINISHED,
    ]
    assert started.session.status is SessionStatus.FINISHED
    assert started.session.timeline[-1].kind is EventKind.FINISHED
    assert started.session.timeline[-1].at == 16 * 60
    assert started.session.finished_at is not None


def test_recover_after_restart_pauses_at_last_activity(
    started: SessionRecorder, clock: FakeClock
) -> None:
    started.show_question("ervaring-2")
    clock.advance(60)
    started.set_notes(None, "Eerste zin.")
    clock.advance(5)
    started.set_notes(None, "Eerste zin. Tweede zin.")  # coalesced: no event, but an edit time
    saved = started.session.model_dump(mode="json")

    clock.advance(minutes=30)  # the app was dead
    loaded = Session.model_validate(saved)
    recorder = SessionRecorder(loaded, clock=clock)
    assert recorder.recover_after_restart() is True
    pause = loaded.timeline[-1]
    assert (pause.kind, pause.at, pause.value) == (EventKind.PAUSED, 65.0, RESTART_MARK)
    assert loaded.status is SessionStatus.PAUSED
    assert recorder.recover_after_restart() is False
    recorder.resume()
    assert loaded.timeline[-1].at == 65.0 + 30 * 60
