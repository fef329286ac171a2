"""Everything that changes a session during an interview, with its moment on the timeline.

``SessionRecorder`` is the only writer of a running session: the TUI calls it, the demo
generator drives it with a fake clock. Every method that changes the session holds the
session's lock (``interviewer.domain.mutation``), which the autosave writer thread takes
while it serialises, so a save never sees a change half made. Times on the timeline
(``at``) are seconds since the clock started, taken from the injected clock (epoch seconds,
so they survive a restart and line up with an audio recording). Pauses are events; the
timing engine derives pause time from them. Nothing is excluded from ``at`` itself.

Resume after a restart (``recover_after_restart``): when a session that was in progress is
loaded from disk, the app was dead between the last recorded moment and now. That gap is not
interview time, so a pause is inserted at the last recorded moment (the latest event or note
edit); the interviewer then resumes, which ends the pause.
"""

from __future__ import annotations

import datetime as dt

from interviewer.domain.guidance import interview_order, is_relevant
from interviewer.domain.mutation import mutates
from interviewer.domain.protocol import Question
from interviewer.domain.recorder_core import (
    NOTE_EVENT_INTERVAL,
    RESTART_MARK,
    ChangeListener,
    Clock,
    RecorderError,
)
from interviewer.domain.recorder_notes import QuestionRecording
from interviewer.domain.session import (
    ConsentConfirmation,
    EventKind,
    QuestionState,
    SessionStatus,
    TimelineEvent,
)

__all__ = [
    "NOTE_EVENT_INTERVAL",
    "RESTART_MARK",
    "ChangeListener",
    "Clock",
    "RecorderError",
    "SessionRecorder",
]


class SessionRecorder(QuestionRecording):
    """Changes a ``Session`` and appends timeline events; see the module docstring.

    ``SessionRecorder(session, clock=time.time, *, key=None, on_change=None)``: ``key`` is
    the session's key record (created empty when not given; closing fields go there);
    ``on_change("session" | "key")`` is called after every change (e.g. request an autosave).
    """

    # --- consent and start -------------------------------------------------------------
    @mutates
    def confirm_consent(self, item_id: str) -> None:
        """Tick an introduction checklist item (its time is recorded)."""
        ids = {item.id for item in self._protocol.introduction.checklist}
        if item_id not in ids:
            raise RecorderError("recorder.error.unknown_checklist_item", item=item_id)
        if any(c.item_id == item_id for c in self.session.consent):
            return
        confirmed = dt.datetime.fromtimestamp(self.clock(), tz=dt.UTC)
        self.session.consent.append(ConsentConfirmation(item_id=item_id, confirmed_at=confirmed))
        self._changed()

    @mutates
    def unconfirm_consent(self, item_id: str) -> None:
        """Untick a checklist item."""
        before = len(self.session.consent)
        self.session.consent = [c for c in self.session.consent if c.item_id != item_id]
        if len(self.session.consent) != before:
            self._changed()

    def missing_consent(self) -> list[str]:
        """Required checklist items not ticked (empty when consent was obtained in advance)."""
        if self.session.advance_consent is not None:
            return []
        ticked = {c.item_id for c in self.session.consent}
        return [
            item.id
            for item in self._protocol.introduction.checklist
            if item.required and item.id not in ticked
        ]

    def can_start(self) -> bool:
        """True when the clock may start: planned, and consent is complete or in advance."""
        return self.session.status is SessionStatus.PLANNED and not self.missing_consent()

    @mutates
    def start(self) -> None:
        """Start the clock (session seconds 0)."""
        if self.session.status is not SessionStatus.PLANNED:
            raise RecorderError("recorder.error.already", status=self._status_phrase())
        missing = self.missing_consent()
        if missing:
            raise RecorderError("recorder.error.consent_missing", items=", ".join(missing))
        self.session.started_at = dt.datetime.fromtimestamp(self.clock(), tz=dt.UTC)
        self.session.status = SessionStatus.IN_PROGRESS
        self._event(EventKind.STARTED)
        self._changed()

    # --- navigation ---------------------------------------------------------------------
    def _leave_current(self) -> None:
        if self.session.current_topic_id is not None:
            self._event(EventKind.TOPIC_LEFT, topic_id=self.session.current_topic_id)
            self.session.current_topic_id = None
        if self.session.in_closing:
            self._event(EventKind.CLOSING_LEFT)
            self.session.in_closing = False

    @mutates
    def enter_topic(self, topic_id: str) -> None:
        """Make ``topic_id`` the current topic (leaving the current topic or the closing)."""
        self._require_started()
        try:
            self._protocol.topic(topic_id)
        except KeyError:
            raise RecorderError("recorder.error.unknown_topic", topic=topic_id) from None
        if self.session.current_topic_id == topic_id:
            return
        self._leave_current()
        self.session.current_topic_id = topic_id
        self._event(EventKind.TOPIC_ENTERED, topic_id=topic_id)
        current = self.session.current_question_id
        if current is not None and self._topic_id(current) != topic_id:
            self.session.current_question_id = None
        self._changed()

    @mutates
    def enter_closing(self) -> None:
        """Go to the closing questions and fields."""
        self._require_started()
        if self.session.in_closing:
            return
        self._leave_current()
        self.session.in_closing = True
        self._event(EventKind.CLOSING_ENTERED)
        current = self.session.current_question_id
        if current is not None and current not in self._closing:
            self.session.current_question_id = None
        self._changed()

    @mutates
    def show_question(self, question_id: str) -> None:
        """Show a question (jump anywhere); enters its topic or the closing when needed."""
        self._require_started()
        topic = self.topic_of(question_id)
        if topic is None:
            self.enter_closing()
        else:
            self.enter_topic(topic.id)
        if self.session.current_question_id == question_id:
            return
        self.session.current_question_id = question_id
        self._event(
            EventKind.QUESTION_SHOWN,
            topic_id=topic.id if topic else None,
            question_id=question_id,
        )
        self._changed()

    def is_relevant(self, question_id: str) -> bool:
        """False for a follow-up whose ``show_when`` is not met by the quick answer given."""
        question = self.question(question_id)
        return not isinstance(question, Question) or is_relevant(self.session, question)

    def interview_order(self) -> list[str]:
        """Question ids in the order next/previous walk: a triggered follow-up right after
        its trigger (``guidance.interview_order``), then the closing questions."""
        return list(interview_order(self.session))

    def has_content(self, question_id: str | None = None) -> bool:
        """Whether a question (default: the current one) has an answer or notes.

        The screen asks before skipping such a question: skipping says "not asked", which
        is rarely meant once the respondent has said something worth writing down.
        """
        qid = question_id or self.session.current_question_id
        record = self.session.records.get(qid) if qid else None
        return record is not None and record.has_content()

    def _step(self, direction: int) -> str | None:
        order = self.interview_order()
        current = self.session.current_question_id
        start = -1 if direction > 0 else len(order)
        index = (start if current is None else order.index(current)) + direction
        while 0 <= index < len(order):
            candidate = order[index]
            if self.is_relevant(candidate):
                self.show_question(candidate)
                return candidate
            index += direction
        return None

    @mutates
    def next_question(self) -> str | None:
        """Move on (ctrl+n): the question left counts as asked, then show the next one.

        Moving on from a question means it was put to the respondent, even without notes
        (a short answer the interviewer did not write down), so it is marked asked; a
        skipped question stays skipped. The next one is the next in ``interview_order``
        (a follow-up made relevant by the quick answer first), passing over follow-ups
        that are not triggered or no longer apply. Returns None after the last question.
        """
        self._require_started()
        current = self.session.current_question_id
        if current is not None:
            record = self.session.records.get(current)
            if record is None or record.state is QuestionState.NOT_ASKED:
                self.mark_asked(current)
        return self._step(+1)

    @mutates
    def previous_question(self) -> str | None:
        """Show the previous question in ``interview_order`` (its state is left as it is)."""
        self._require_started()
        return self._step(-1)

    # --- pause, closing, finish ---------------------------------------------------------
    @mutates
    def pause(self) -> None:
        """Stop the interview clock (the pause is excluded from elapsed time)."""
        self._require_started()
        if self.session.status is not SessionStatus.IN_PROGRESS:
            raise RecorderError("recorder.error.cannot_pause", status=self._status_phrase())
        self.session.status = SessionStatus.PAUSED
        self._event(EventKind.PAUSED)
        self._changed()

    @mutates
    def resume(self) -> None:
        """Restart the interview clock after a pause."""
        if self.session.status is not SessionStatus.PAUSED:
            raise RecorderError("recorder.error.not_paused")
        self.session.status = SessionStatus.IN_PROGRESS
        self._event(EventKind.RESUMED)
        self._changed()

    @mutates
    def set_closing_field(self, field_id: str, value: str | None) -> None:
        """Fill in a closing field (e.g. an email address); it goes to the key record only."""
        if field_id not in {f.id for f in self._protocol.closing.fields}:
            raise RecorderError("recorder.error.unknown_field", field=field_id)
        text = (value or "").strip()
        if any(ord(ch) < 32 for ch in text):
            raise RecorderError("recorder.error.control_char", field=field_id)
        if text:
            self.key.fields[field_id] = text
        else:
            self.key.fields.pop(field_id, None)
        self._changed("key")

    @mutates
    def finish(self) -> None:
        """End the interview: leave the current topic/closing and stop the clock."""
        self._require_started()
        if self.session.status is SessionStatus.FINISHED:
            return
        self._leave_current()
        self.session.current_question_id = None
        self._event(EventKind.FINISHED)
        self.session.status = SessionStatus.FINISHED
        self.session.finished_at = dt.datetime.fromtimestamp(self.clock(), tz=dt.UTC)
        self._changed()

    def last_activity_at(self) -> float:
        """The latest recorded moment: last event or last note edit, in session seconds."""
        moments = [e.at for e in self.session.timeline[-1:]]
        moments += [r.last_edit_at for r in self.session.records.values() if r.last_edit_at]
        return max(moments, default=0.0)

    @mutates
    def recover_after_restart(self, *, resume: bool = False) -> bool:
        """After loading an in-progress session from disk, pause it at its last activity.

        The time the app was not running is not interview time. Returns True when a pause
        was inserted. With ``resume=True`` the clock restarts at once (a RESUMED event now).
        """
        if self.session.status is not SessionStatus.IN_PROGRESS:
            return False
        at = self.last_activity_at()
        self.session.timeline.append(
            TimelineEvent(at=at, kind=EventKind.PAUSED, value=RESTART_MARK)
        )
        self.session.status = SessionStatus.PAUSED
        if resume:
            self.resume()
        else:
            self._changed()
        return True
