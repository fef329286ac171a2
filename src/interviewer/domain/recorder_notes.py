"""Recording per question: asked/skipped, quick answer, notes and parts, flags, tags, speaker.

A mixin of ``SessionRecorder`` (see ``interviewer.domain.recorder``). Writing notes or an
answer marks the question as asked, a skipped one too: text typed under a skipped question
means it was put to the respondent after all (docs/timing.md, "Asked, skipped, open"). Note
edits arrive on every keystroke; the timeline gets
at most one NOTE_EDITED event per question and part per ``NOTE_EVENT_INTERVAL`` seconds,
while the record's first/last edit times are exact.
"""

from __future__ import annotations

from interviewer.domain.protocol import Question
from interviewer.domain.recorder_core import NOTE_EVENT_INTERVAL, RecorderCore, RecorderError
from interviewer.domain.session import EventKind, Flag, QuestionRecord, QuestionState


class QuestionRecording(RecorderCore):
    """Per-question changes; every change appends a timeline event and reports a change."""

    def mark_asked(self, question_id: str | None = None) -> None:
        """Mark a question (default: the current one) as asked."""
        qid, record = self._record(question_id)
        if record.state is QuestionState.ASKED:
            return
        self._ensure_asked(qid, record)
        self._changed()

    def skip(self, question_id: str | None = None) -> None:
        """Mark a question as skipped (its notes, if any, are kept)."""
        qid, record = self._record(question_id)
        if record.state is QuestionState.SKIPPED:
            return
        record.state = QuestionState.SKIPPED
        self._qevent(EventKind.QUESTION_SKIPPED, qid)
        self._changed()

    def set_quick_answer(self, question_id: str | None, value: str | int | None) -> None:
        """Set (or clear with None) the quick answer; it must be one the question accepts."""
        qid, record = self._record(question_id)
        question = self.question(qid)
        allowed = question.answer.allowed_values() if isinstance(question, Question) else None
        text = None if value is None else str(value).strip()
        if text is not None:
            if allowed is None:
                raise RecorderError(f"question {qid!r} takes no quick answer (notes only)")
            if text not in allowed:
                raise RecorderError(
                    f"{text!r} is not an answer to {qid!r}; use one of: " + ", ".join(allowed)
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

    def set_notes(self, question_id: str | None, text: str) -> None:
        """Replace the notes of a question (called on every keystroke; events are coalesced)."""
        qid, record = self._record(question_id)
        if record.notes == text:
            return
        record.notes = text
        self._note_edited(qid, record, None)

    def set_part(self, question_id: str | None, part_id: str, text: str) -> None:
        """Replace one labelled note part (e.g. BP or KP) of a question."""
        qid, record = self._record(question_id)
        question = self.question(qid)
        parts = [p.id for p in question.parts] if isinstance(question, Question) else []
        if part_id not in parts:
            raise RecorderError(f"question {qid!r} has no note part {part_id!r}")
        if record.parts.get(part_id, "") == text:
            return
        if text:
            record.parts[part_id] = text
        else:
            record.parts.pop(part_id, None)
        self._note_edited(qid, record, part_id)

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

    def set_speaker(self, question_id: str | None, code: str | None) -> None:
        """Who answered (group sessions): a participant code, or None."""
        qid, record = self._record(question_id)
        if code is not None and code not in self.session.speaker_codes():
            raise RecorderError(
                f"{code!r} is not a participant; use one of: "
                + ", ".join(self.session.speaker_codes())
            )
        if record.speaker == code:
            return
        record.speaker = code
        self._qevent(EventKind.SPEAKER_SET, qid, code)
        self._changed()

    def tag_choices(self, question_id: str) -> list[str]:
        """Code ids a question's notes may be tagged with: other topics and extra codes."""
        own = self._topic_id(question_id)
        return [c for c in self._protocol.code_names() if c != own]

    def tag(self, question_id: str | None, code_id: str) -> None:
        """Tag a note with another variable (topic id) or an extra code."""
        qid, record = self._record(question_id)
        if code_id not in self.tag_choices(qid):
            if code_id == self._topic_id(qid):
                raise RecorderError(f"{qid!r} already belongs to {code_id!r}")
            raise RecorderError(
                f"unknown code {code_id!r}; use one of: " + ", ".join(self.tag_choices(qid))
            )
        if code_id in record.tags:
            return
        record.tags.append(code_id)
        self._qevent(EventKind.TAGGED, qid, code_id)
        self._changed()

    def untag(self, question_id: str | None, code_id: str) -> None:
        """Remove a tag."""
        qid, record = self._record(question_id)
        if code_id not in record.tags:
            return
        record.tags.remove(code_id)
        self._qevent(EventKind.UNTAGGED, qid, code_id)
        self._changed()
