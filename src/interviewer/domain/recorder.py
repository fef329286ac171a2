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

Per question: writing notes or an answer marks the question as asked, a skipped one too:
text typed under a skipped question means it was put to the respondent after all
(docs/timing.md, "Asked, skipped, open"). Note edits arrive on every keystroke; the timeline
gets at most one NOTE_EDITED event per question and part per ``NOTE_EVENT_INTERVAL``
seconds, while the record's first/last edit times are exact.

Speakers (group interviews, docs/session-format.md): once a speaker is chosen for a
question, its notes carry one turn per paragraph (``interviewer.domain.turns``), which every
``set_notes`` keeps aligned with the text. ``speaker_key`` is the one-key action of the
interview screen: it sets the speaker of the paragraph the cursor is in, or starts a new turn
when the cursor is at the end of the note. An individual interview has one speaker, the
respondent, and never stores turns: there the speaker actions check the code and change
nothing, so its notes and exports stay exactly as before turns existed.

One class in one module (it was a base and a mixin in three files): the sections below are
the clock and events, protocol lookups, per question, consent and start, navigation, and
pause, closing and finish.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

from interviewer.domain.guidance import interview_order, is_relevant
from interviewer.domain.mutation import mutates, session_lock
from interviewer.domain.protocol import ClosingQuestion, Question, Topic
from interviewer.domain.session import (
    ConsentConfirmation,
    EventKind,
    Flag,
    KeyRecord,
    QuestionRecord,
    QuestionState,
    Session,
    SessionMode,
    SessionStatus,
    TimelineEvent,
)
from interviewer.domain.turns import (
    INTERVIEWER_SPEAKER,
    Turn,
    paragraph_at,
    paragraph_spans,
    realign,
    turns_for,
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


@dataclass(frozen=True)
class SpeakerChange:
    """What ``speaker_key`` did: the note's text afterwards and where the cursor goes.

    ``started`` is True when a new turn (a new paragraph) was begun; then ``text`` ends with
    the blank line that opens it and ``cursor`` is the end of the text.
    """

    text: str
    cursor: int
    paragraph: int
    started: bool


class SessionRecorder:
    """Changes a ``Session`` and appends timeline events; see the module docstring.

    ``SessionRecorder(session, clock=time.time, *, key=None, on_change=None)``: ``key`` is
    the session's key record (created empty when not given; closing fields go there);
    ``on_change("session" | "key")`` is called after every change (e.g. request an autosave).
    """

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

    # --- per question: asked or skipped, answers, notes, flags, tags, speakers ----------
    @mutates
    def mark_asked(self, question_id: str | None = None) -> None:
        """Mark a question (default: the current one) as asked."""
        qid, record = self._record(question_id)
        if record.state is QuestionState.ASKED:
            return
        self._ensure_asked(qid, record)
        self._changed()

    @mutates
    def skip(self, question_id: str | None = None) -> None:
        """Mark a question as skipped (its notes, if any, are kept)."""
        qid, record = self._record(question_id)
        if record.state is QuestionState.SKIPPED:
            return
        record.state = QuestionState.SKIPPED
        self._qevent(EventKind.QUESTION_SKIPPED, qid)
        self._changed()

    @mutates
    def set_quick_answer(self, question_id: str | None, value: str | int | None) -> None:
        """Set (or clear with None) the quick answer; it must be one the question accepts."""
        qid, record = self._record(question_id)
        question = self.question(qid)
        allowed = question.answer.allowed_values() if isinstance(question, Question) else None
        text = None if value is None else str(value).strip()
        if text is not None:
            if allowed is None:
                raise RecorderError("recorder.error.no_quick_answer", qid=qid)
            if text not in allowed:
                raise RecorderError(
                    "recorder.error.not_an_answer", text=text, qid=qid, choices=", ".join(allowed)
                )
        if record.quick_answer == text:
            return
        record.quick_answer = text
        if text is not None:
            self._ensure_asked(qid, record)
        self._qevent(EventKind.ANSWER_SET, qid, text)
        self._changed()

    def _note_edited(self, qid: str, record: QuestionRecord, part_id: str | None) -> None:
        at = self.now()
        if record.first_edit_at is None:
            record.first_edit_at = at
        record.last_edit_at = at
        if record.has_content():
            self._ensure_asked(qid, record)
        last = self._last_note_event.get((qid, part_id))
        if last is None or at - last >= NOTE_EVENT_INTERVAL:
            self._qevent(EventKind.NOTE_EDITED, qid, part_id)
            self._last_note_event[(qid, part_id)] = at
        self._changed()

    @mutates
    def set_notes(self, question_id: str | None, text: str) -> None:
        """Replace the notes of a question (called on every keystroke; events are coalesced)."""
        qid, record = self._record(question_id)
        if record.notes == text:
            return
        if record.turns:
            record.turns = realign(record.notes, text, record.turns, self.now())
        record.notes = text
        self._note_edited(qid, record, None)

    @mutates
    def set_part(self, question_id: str | None, part_id: str, text: str) -> None:
        """Replace one labelled note part (e.g. BP or KP) of a question."""
        qid, record = self._record(question_id)
        question = self.question(qid)
        parts = [p.id for p in question.parts] if isinstance(question, Question) else []
        if part_id not in parts:
            raise RecorderError("recorder.error.no_part", qid=qid, part=part_id)
        if record.parts.get(part_id, "") == text:
            return
        if text:
            record.parts[part_id] = text
        else:
            record.parts.pop(part_id, None)
        self._note_edited(qid, record, part_id)

    @mutates
    def toggle_flag(self, question_id: str | None, flag: Flag | str) -> bool:
        """Switch a flag on or off; returns whether it is now on."""
        qid, record = self._record(question_id)
        flag = Flag(flag)
        on = flag not in record.flags
        if on:
            record.flags.append(flag)
        else:
            record.flags.remove(flag)
        kind = EventKind.FLAG_SET if on else EventKind.FLAG_CLEARED
        self._qevent(kind, qid, flag.value)
        self._changed()
        return on

    def turn_speakers(self) -> list[str]:
        """Codes a turn may have: the participants (or the respondent), then the interviewer."""
        return [*self.session.speaker_codes(), INTERVIEWER_SPEAKER]

    def _check_speaker(self, code: str) -> None:
        if code not in self.turn_speakers():
            raise RecorderError(
                "recorder.error.not_participant",
                code=code,
                choices=", ".join(self.turn_speakers()),
            )

    def _takes_turns(self) -> bool:
        """Only a group interview records who said which paragraph."""
        return self.session.mode is SessionMode.GROUP

    @mutates
    def set_speaker(self, question_id: str | None, code: str | None) -> None:
        """Who is speaking in the current (last) paragraph; None forgets all speakers.

        The first speaker chosen for a question becomes the speaker of every paragraph
        already typed (as a format-1 session's one speaker did); later choices relabel the
        last paragraph only. ``set_turn_speaker`` relabels any paragraph.
        """
        qid, record = self._record(question_id)
        if code is None:
            if record.turns:
                record.turns = []
                self._qevent(EventKind.SPEAKER_SET, qid, None)
                self._changed()
            return
        self.set_turn_speaker(qid, len(paragraph_spans(record.notes)) - 1, code)

    @mutates
    def set_turn_speaker(self, question_id: str | None, paragraph: int, code: str) -> None:
        """Set the speaker of one paragraph (index into ``paragraph_spans`` of the notes)."""
        qid, record = self._record(question_id)
        self._check_speaker(code)
        if not self._takes_turns():
            return
        spans = paragraph_spans(record.notes)
        if not 0 <= paragraph < len(spans):
            raise RecorderError("recorder.error.no_paragraph", qid=qid, number=paragraph + 1)
        if not record.turns:
            at = record.first_edit_at if record.first_edit_at is not None else self.now()
            record.turns = turns_for(record.notes, code, at)
        else:
            if len(record.turns) != len(spans):
                # Text replaced outside the recorder (never in a live interview): line up.
                record.turns = realign(record.notes, record.notes, record.turns, self.now())
            turn = record.turns[paragraph]
            if turn.speaker == code:
                return
            # The open paragraph has no words yet: its turn begins now, with its speaker.
            at = self.now() if spans[paragraph].open else turn.at
            record.turns[paragraph] = Turn(speaker=code, at=at)
        self._qevent(EventKind.SPEAKER_SET, qid, code)
        self._changed()

    @mutates
    def start_turn(self, question_id: str | None, code: str) -> str:
        """Begin a new paragraph for ``code`` at the end of the notes; returns the new text.

        The notes get a blank line at the end (unless they already end in an empty, open
        paragraph, which is then given to ``code``), so the next words typed are the new turn.
        """
        qid, record = self._record(question_id)
        self._check_speaker(code)
        if not self._takes_turns():
            return record.notes
        spans = paragraph_spans(record.notes)
        if spans[-1].open:
            self.set_turn_speaker(qid, len(spans) - 1, code)
            return record.notes
        at = self.now()
        if not record.turns:
            # What was typed before any speaker was chosen stays the group's (as exported
            # before turns existed); the interviewer can relabel it with set_turn_speaker.
            start = record.first_edit_at if record.first_edit_at is not None else at
            record.turns = turns_for(record.notes, self.session.respondent, start)
        text = record.notes.rstrip() + "\n\n"
        record.turns = [
            *realign(record.notes, text, record.turns, at)[:-1],
            Turn(speaker=code, at=at),
        ]
        record.notes = text
        self._qevent(EventKind.TURN_STARTED, qid, code)
        self._note_edited(qid, record, None)
        return text

    @mutates
    def speaker_key(
        self, question_id: str | None, code: str, cursor: int | None = None
    ) -> SpeakerChange:
        """The one-key speaker action (alt+1..9, alt+0 in the interview screen).

        With the cursor (an offset into the notes; None: the end) at the end of a note whose
        last paragraph has words, a new turn for ``code`` begins; anywhere else the speaker
        of the paragraph the cursor is in becomes ``code`` (a correction, or the speaker of
        the empty paragraph about to be typed).
        """
        qid, record = self._record(question_id)
        self._check_speaker(code)
        text = record.notes
        offset = len(text) if cursor is None else max(0, min(cursor, len(text)))
        if not self._takes_turns():
            return SpeakerChange(text, offset, paragraph_at(text, offset), False)
        spans = paragraph_spans(text)
        at_end = not text[offset:].strip()
        if at_end and not spans[-1].open:
            new_text = self.start_turn(qid, code)
            return SpeakerChange(new_text, len(new_text), len(spans), True)
        paragraph = len(spans) - 1 if at_end else paragraph_at(text, offset)
        self.set_turn_speaker(qid, paragraph, code)
        return SpeakerChange(text, offset, paragraph, False)

    def tag_choices(self, question_id: str) -> list[str]:
        """Code ids a question's notes may be tagged with: other topics and extra codes."""
        own = self._topic_id(question_id)
        return [c for c in self._protocol.code_names() if c != own]

    @mutates
    def tag(self, question_id: str | None, code_id: str) -> None:
        """Tag a note with another variable (topic id) or an extra code."""
        qid, record = self._record(question_id)
        if code_id not in self.tag_choices(qid):
            if code_id == self._topic_id(qid):
                raise RecorderError("recorder.error.topic_code", qid=qid, code=code_id)
            raise RecorderError(
                "recorder.error.unknown_code",
                code=code_id,
                choices=", ".join(self.tag_choices(qid)),
            )
        if code_id in record.tags:
            return
        record.tags.append(code_id)
        self._qevent(EventKind.TAGGED, qid, code_id)
        self._changed()

    @mutates
    def untag(self, question_id: str | None, code_id: str) -> None:
        """Remove a tag."""
        qid, record = self._record(question_id)
        if code_id not in record.tags:
            return
        record.tags.remove(code_id)
        self._qevent(EventKind.UNTAGGED, qid, code_id)
        self._changed()

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
    def recover_after_restart(
        self, *, resume: bool = False, active_until: float | None = None
    ) -> bool:
        """After loading an in-progress session from disk, pause it at its last activity.

        The time the app was not running is not interview time. Returns True when a pause
        was inserted. With ``resume=True`` the clock restarts at once (a RESUMED event now).
        ``active_until`` (session seconds) is other evidence that the interview ran on, such
        as the end of its recording: the pause then starts there if that is later (never
        after now).
        """
        if self.session.status is not SessionStatus.IN_PROGRESS:
            return False
        at = self.last_activity_at()
        if active_until is not None:
            at = max(at, min(active_until, self.now()))
        self.session.timeline.append(
            TimelineEvent(at=at, kind=EventKind.PAUSED, value=RESTART_MARK)
        )
        self.session.status = SessionStatus.PAUSED
        if resume:
            self.resume()
        else:
            self._changed()
        return True
