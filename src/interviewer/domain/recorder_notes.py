"""Recording per question: asked/skipped, quick answer, notes and parts, flags, tags, speakers.

A mixin of ``SessionRecorder`` (see ``interviewer.domain.recorder``). Writing notes or an
answer marks the question as asked, a skipped one too: text typed under a skipped question
means it was put to the respondent after all (docs/timing.md, "Asked, skipped, open"). Note
edits arrive on every keystroke; the timeline gets
at most one NOTE_EDITED event per question and part per ``NOTE_EVENT_INTERVAL`` seconds,
while the record's first/last edit times are exact.

Speakers (group interviews, docs/session-format.md): once a speaker is chosen for a
question, its notes carry one turn per paragraph (``interviewer.domain.turns``), which every
``set_notes`` keeps aligned with the text. ``speaker_key`` is the one-key action of the
interview screen: it sets the speaker of the paragraph the cursor is in, or starts a new turn
when the cursor is at the end of the note. An individual interview has one speaker, the
respondent, and never stores turns: there the speaker actions check the code and change
nothing, so its notes and exports stay exactly as before turns existed.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.domain.mutation import mutates
from interviewer.domain.protocol import Question
from interviewer.domain.recorder_core import NOTE_EVENT_INTERVAL, RecorderCore, RecorderError
from interviewer.domain.session import (
    EventKind,
    Flag,
    QuestionRecord,
    QuestionState,
    SessionMode,
)
from interviewer.domain.turns import (
    INTERVIEWER_SPEAKER,
    Turn,
    paragraph_at,
    paragraph_spans,
    realign,
    turns_for,
)


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


class QuestionRecording(RecorderCore):
    """Per-question changes; every change appends a timeline event and reports a change."""

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
