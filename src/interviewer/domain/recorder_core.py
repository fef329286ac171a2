"""The base of the session recorder: session clock, timeline events, protocol lookups.

Split from ``interviewer.domain.recorder`` (which documents the behaviour) to keep modules
small; use ``SessionRecorder`` from there.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from interviewer.domain.mutation import session_lock
from interviewer.domain.protocol import ClosingQuestion, Question, Topic
from interviewer.domain.session import (
    EventKind,
    KeyRecord,
    QuestionRecord,
    QuestionState,
    Session,
    TimelineEvent,
)
from interviewer.i18n.errors import Phrase, TranslatableValueError

Clock = Callable[[], float]
"""Epoch seconds (``time.time``); tests pass a fake clock."""
ChangeListener = Callable[[str], None]
"""Called with "session" or "key" after every change, e.g. to request an autosave."""

NOTE_EVENT_INTERVAL = 10.0
"""At most one NOTE_EDITED event per question and note part per this many seconds."""

RESTART_MARK = "restart"
"""``value`` of the PAUSED event inserted by ``recover_after_restart``."""


class RecorderError(TranslatableValueError):
    """An action that does not fit the session's state or protocol (one clear line).

    Raised with a message key, so the TUI says it in the interface language.
    """


class RecorderCore:
    """The clock, event appending and protocol lookups shared by the recorder parts."""

    def __init__(
        self,
        session: Session,
        clock: Clock = time.time,
        *,
        key: KeyRecord | None = None,
        on_change: ChangeListener | None = None,
    ) -> None:
        self.session = session
        self.clock = clock
        self.key = key or KeyRecord(session_id=session.id, respondent=session.respondent)
        self.on_change = on_change
        self.lock = session_lock(session)
        """Held by every method that changes the session (``interviewer.domain.mutation``);
        the autosave writer serialises under it."""
        self._mutation_depth = 0
        self._pending_changes: list[str] = []
        self._protocol = session.protocol
        self._questions = session.protocol.question_index()
        self._closing = {q.id: q for q in session.protocol.closing.questions}
        self._last_note_event: dict[tuple[str, str | None], float] = {}
        for event in session.timeline:
            if event.kind is EventKind.NOTE_EDITED and event.question_id:
                self._last_note_event[(event.question_id, event.value)] = event.at

    # --- clock -------------------------------------------------------------------------
    def now(self) -> float:
        """Seconds on the session clock now (never before the last event)."""
        if self.session.started_at is None:
            return 0.0
        at = self.clock() - self.session.started_at.timestamp()
        last = self.session.timeline[-1].at if self.session.timeline else 0.0
        return max(at, last, 0.0)

    def _event(self, kind: EventKind, **fields: str | None) -> TimelineEvent:
        event = TimelineEvent(at=self.now(), kind=kind, **fields)
        self.session.timeline.append(event)
        return event

    def _qevent(self, kind: EventKind, qid: str, value: str | None = None) -> None:
        self._event(kind, topic_id=self._topic_id(qid), question_id=qid, value=value)

    def _changed(self, what: str = "session") -> None:
        """Report a change: at once outside a ``mutates`` method, inside one once it ends."""
        if self._mutation_depth:
            self._pending_changes.append(what)
        else:
            self._announce([what])

    def _announce(self, changes: list[str]) -> None:
        if self.on_change is not None:
            for what in changes:
                self.on_change(what)

    def _status_phrase(self) -> Phrase:
        """The session's state as a word of the tables, said in the error's language."""
        return Phrase(f"status.{self.session.status.value}")

    def _require_started(self) -> None:
        if self.session.started_at is None:
            raise RecorderError("recorder.error.not_started")

    # --- protocol lookups --------------------------------------------------------------
    def question(self, question_id: str) -> Question | ClosingQuestion:
        """A topic or closing question by id (RecorderError if unknown)."""
        if question_id in self._questions:
            return self._questions[question_id][1]
        if question_id in self._closing:
            return self._closing[question_id]
        raise RecorderError("recorder.error.unknown_question", qid=question_id)

    def topic_of(self, question_id: str) -> Topic | None:
        """The topic of a topic question; None for closing questions."""
        self.question(question_id)
        entry = self._questions.get(question_id)
        return entry[0] if entry else None

    def planned_order(self) -> list[str]:
        """All question ids in planned order: topics in order, then the closing questions."""
        return [*self._questions, *self._closing]

    # --- per-question helpers -------------------------------------------------------------
    def record_of(self, question_id: str) -> QuestionRecord:
        """A question's record for reading: an empty one, not stored, if nothing was recorded.

        The screens read records through this: ``Session.record`` would add the missing one
        to the session outside the lock, while the autosave writer may be serialising it.
        """
        record = self.session.records.get(question_id)
        return record if record is not None else QuestionRecord(question_id=question_id)

    def _record(self, question_id: str | None) -> tuple[str, QuestionRecord]:
        self._require_started()
        qid = question_id or self.session.current_question_id
        if qid is None:
            raise RecorderError("recorder.error.no_question")
        self.question(qid)
        return qid, self.session.record(qid)

    def _topic_id(self, question_id: str) -> str | None:
        topic = self.topic_of(question_id)
        return topic.id if topic else None

    def _ensure_asked(self, qid: str, record: QuestionRecord) -> None:
        if record.state is not QuestionState.ASKED:
            record.state = QuestionState.ASKED
            self._qevent(EventKind.QUESTION_ASKED, qid)
