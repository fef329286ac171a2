"""Every recorder method that changes a session does so holding the session's lock.

The autosave writer serialises the session under ``session_lock`` (issue 15.3); a change
made outside it could tear a save. Here the lock is replaced by one that records the
session's state when it is taken and when it is let go: a method that changes anything must
have taken the lock before the first change and kept it until the last. Every public method
of ``SessionRecorder`` is listed as a mutator (with a call that changes something) or as a
reader (which must change nothing), so a new method that is neither fails the test.
"""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import Callable

import pytest

from interviewer.domain import mutation
from interviewer.domain.mutation import session_lock
from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import Flag, SessionMode, session_to_json_dict
from interviewer.domain.session_factory import new_session
from tests.fake_clock import FakeClock

State = tuple[str, str]


def state(recorder: SessionRecorder) -> State:
    """Everything a recorder may change: the session and the key record."""
    session = json.dumps(session_to_json_dict(recorder.session), sort_keys=True)
    return session, recorder.key.model_dump_json()


class WatchingLock:
    """A re-entrant lock that notes the state when first taken and when last let go."""

    def __init__(self, recorder: SessionRecorder) -> None:
        self.recorder = recorder
        self.inner = threading.RLock()
        self.depth = 0
        self.taken: list[State] = []
        self.released: list[State] = []

    def __enter__(self) -> WatchingLock:
        self.inner.acquire()
        if not self.depth:
            self.taken.append(state(self.recorder))
        self.depth += 1
        return self

    def __exit__(self, *exc: object) -> None:
        self.depth -= 1
        if not self.depth:
            self.released.append(state(self.recorder))
        self.inner.release()


Setup = Callable[[SessionRecorder], object]

# name: (group interview?, setup, call that changes the session or key)
MUTATORS: dict[str, tuple[bool, Setup, Setup]] = {
    "confirm_consent": (False, lambda r: None, lambda r: r.confirm_consent("opname")),
    "unconfirm_consent": (
        False,
        lambda r: r.confirm_consent("vragen"),
        lambda r: r.unconfirm_consent("vragen"),
    ),
    "start": (False, lambda r: None, lambda r: r.start()),
    "enter_topic": (False, lambda r: None, lambda r: r.enter_topic("tijd")),
    "enter_closing": (False, lambda r: None, lambda r: r.enter_closing()),
    "show_question": (False, lambda r: None, lambda r: r.show_question("tijd-2")),
    "next_question": (False, lambda r: None, lambda r: r.next_question()),
    "previous_question": (
        False,
        lambda r: r.show_question("ervaring-2"),
        lambda r: r.previous_question(),
    ),
    "pause": (False, lambda r: None, lambda r: r.pause()),
    "resume": (False, lambda r: r.pause(), lambda r: r.resume()),
    "set_closing_field": (
        False,
        lambda r: None,
        lambda r: r.set_closing_field("mail-controle", "a@example.org"),
    ),
    "finish": (False, lambda r: None, lambda r: r.finish()),
    "recover_after_restart": (False, lambda r: None, lambda r: r.recover_after_restart()),
    "mark_asked": (False, lambda r: None, lambda r: r.mark_asked("ervaring-2")),
    "skip": (False, lambda r: None, lambda r: r.skip("ervaring-2")),
    "set_quick_answer": (False, lambda r: None, lambda r: r.set_quick_answer(None, "yes")),
    "set_notes": (False, lambda r: None, lambda r: r.set_notes(None, "Een. Twee.")),
    "set_part": (False, lambda r: None, lambda r: r.set_part("ervaring-3", "bp", "Goed.")),
    "toggle_flag": (False, lambda r: None, lambda r: r.toggle_flag(None, Flag.QUOTE)),
    "set_speaker": (True, lambda r: None, lambda r: r.set_speaker(None, "2.1")),
    "set_turn_speaker": (True, lambda r: None, lambda r: r.set_turn_speaker(None, 0, "2.2")),
    "start_turn": (True, lambda r: None, lambda r: r.start_turn(None, "2.2")),
    "speaker_key": (True, lambda r: None, lambda r: r.speaker_key(None, "2.3")),
    "tag": (False, lambda r: None, lambda r: r.tag(None, "overig")),
    "untag": (False, lambda r: r.tag(None, "overig"), lambda r: r.untag(None, "overig")),
}

READERS: dict[str, Setup] = {
    "missing_consent": lambda r: r.missing_consent(),
    "can_start": lambda r: r.can_start(),
    "is_relevant": lambda r: r.is_relevant("tijd-nee"),
    "interview_order": lambda r: r.interview_order(),
    "has_content": lambda r: r.has_content("tijd-4"),
    "last_activity_at": lambda r: r.last_activity_at(),
    "turn_speakers": lambda r: r.turn_speakers(),
    "tag_choices": lambda r: r.tag_choices("tijd-4"),
    "question": lambda r: r.question("tijd-4"),
    "topic_of": lambda r: r.topic_of("tijd-4"),
    "planned_order": lambda r: r.planned_order(),
    "now": lambda r: r.now(),
    "record_of": lambda r: r.record_of("tijd-4"),
}

NOT_STARTED = {"confirm_consent", "unconfirm_consent", "start"}


def public_methods() -> set[str]:
    return {
        name
        for name in dir(SessionRecorder)
        if not name.startswith("_") and callable(getattr(SessionRecorder, name))
    }


def test_every_public_method_is_a_mutator_or_a_reader() -> None:
    assert not set(MUTATORS) & set(READERS)
    assert public_methods() == set(MUTATORS) | set(READERS)


def make(protocol: InterviewProtocol, clock: FakeClock, *, group: bool, begun: bool):
    session = new_session(
        protocol,
        case="Borne",
        respondent="2" if group else "1.1",
        mode=SessionMode.GROUP if group else None,
        participants=["2.1", "2.2", "2.3"] if group else (),
        clock=clock,
    )
    recorder = SessionRecorder(session, clock=clock)
    if begun:
        recorder.confirm_consent("opname")
        recorder.start()
        recorder.show_question("ervaring-1")
        clock.advance(20)
        recorder.set_notes(None, "Een.")
        clock.advance(20)
    return recorder


@pytest.mark.parametrize("name", sorted(MUTATORS))
def test_a_mutator_changes_the_session_only_while_holding_its_lock(
    protocol: InterviewProtocol, clock: FakeClock, name: str
) -> None:
    group, setup, call = MUTATORS[name]
    if name == "start":
        recorder = make(protocol, clock, group=group, begun=False)
        recorder.confirm_consent("opname")
    else:
        recorder = make(protocol, clock, group=group, begun=name not in NOT_STARTED)
    setup(recorder)
    clock.advance(15)
    watching = WatchingLock(recorder)
    recorder.lock = watching  # type: ignore[assignment]
    held_at_notice: list[int] = []
    recorder.on_change = lambda _what: held_at_notice.append(watching.depth)
    before = state(recorder)

    call(recorder)

    after = state(recorder)
    assert after != before, f"{name}: the call in MUTATORS changed nothing"
    assert watching.taken, f"{name} changed the session without taking its lock"
    assert watching.taken[0] == before, f"{name} changed the session before taking its lock"
    assert watching.released[-1] == after, f"{name} changed the session after letting go"
    assert watching.depth == 0
    # the listener hears of the change once the lock is free (it may wait for a save)
    assert held_at_notice and set(held_at_notice) == {0}


@pytest.mark.parametrize("name", sorted(READERS))
@pytest.mark.parametrize("group", [False, True])
def test_a_reader_changes_nothing(
    protocol: InterviewProtocol, clock: FakeClock, name: str, group: bool
) -> None:
    recorder = make(protocol, clock, group=group, begun=True)
    before = state(recorder)
    READERS[name](recorder)
    assert state(recorder) == before


def test_record_of_reads_without_adding_a_record(
    protocol: InterviewProtocol, clock: FakeClock
) -> None:
    recorder = make(protocol, clock, group=False, begun=True)
    assert recorder.record_of("ervaring-1") is recorder.session.records["ervaring-1"]
    empty = recorder.record_of("tijd-4")
    assert empty.question_id == "tijd-4" and not empty.has_content()
    assert "tijd-4" not in recorder.session.records


def test_a_failed_call_still_announces_what_it_changed(
    protocol: InterviewProtocol, clock: FakeClock
) -> None:
    """The lock is released and pending changes are announced when a method raises."""
    recorder = make(protocol, clock, group=False, begun=True)
    heard: list[str] = []
    recorder.on_change = heard.append
    failing = mutation.mutates(lambda r: (r.set_notes(None, "Anders."), 1 / 0))
    with pytest.raises(ZeroDivisionError):
        failing(recorder)
    assert heard == ["session"]
    assert recorder.lock.acquire(blocking=False)  # not left held
    recorder.lock.release()
    assert recorder._mutation_depth == 0 and recorder._pending_changes == []


def test_one_lock_per_session_object(protocol: InterviewProtocol, clock: FakeClock) -> None:
    first = make(protocol, clock, group=False, begun=False)
    again = SessionRecorder(first.session, clock=clock)
    copy = first.session.model_copy(deep=True)
    assert first.lock is again.lock is session_lock(first.session)
    assert session_lock(copy) is not first.lock
    key = id(copy)
    del copy
    gc.collect()
    assert key not in mutation._LOCKS  # forgotten with the object
