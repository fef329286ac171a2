"""One interview as data: who, with which protocol, what was answered, and when.

A session carries a full snapshot of the protocol it was run with (and its sha256), so later
edits to the YAML never change a past interview. Times on the timeline are seconds since the
session clock started (wall-clock based, so they survive a restart and can be lined up with
an audio recording). Pure data: no I/O, no Textual. Behaviour that changes a session lives in
``interviewer.domain.recorder``; timing in ``interviewer.domain.timing``.

Personal data (closing fields such as email addresses) is *not* part of the session: it goes
to a separate key record (``KeyRecord``) that is stored apart and never exported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.turns import INTERVIEWER_SPEAKER, Turn, turns_for

SESSION_FORMAT_VERSION = 2
"""2: a question's speaker became ``QuestionRecord.turns`` (one speaker per paragraph)."""


class SessionStatus(StrEnum):
    """Lifecycle of a session."""

    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    PAUSED = "paused"
    FINISHED = "finished"


class SessionMode(StrEnum):
    """An individual interview or a group interview with participant codes."""

    INDIVIDUAL = "individual"
    GROUP = "group"


class QuestionState(StrEnum):
    """Whether a question has been asked, skipped, or not reached."""

    NOT_ASKED = "not-asked"
    ASKED = "asked"
    SKIPPED = "skipped"


class Flag(StrEnum):
    """Markers on a note: a usable quote, a reticent respondent, something important."""

    QUOTE = "quote"
    RETICENT = "reticent"
    IMPORTANT = "important"


class EventKind(StrEnum):
    """What the timeline records. Times are seconds on the session clock."""

    STARTED = "started"
    TOPIC_ENTERED = "topic-entered"
    TOPIC_LEFT = "topic-left"
    QUESTION_SHOWN = "question-shown"
    QUESTION_ASKED = "question-asked"
    QUESTION_SKIPPED = "question-skipped"
    ANSWER_SET = "answer-set"
    NOTE_EDITED = "note-edited"
    FLAG_SET = "flag-set"
    TAGGED = "tagged"
    PAUSED = "paused"
    RESUMED = "resumed"
    CLOSING_ENTERED = "closing-entered"
    FINISHED = "finished"
    # Added by the recorder (engine area); additive, older files stay valid.
    CLOSING_LEFT = "closing-left"
    FLAG_CLEARED = "flag-cleared"
    UNTAGGED = "untagged"
    SPEAKER_SET = "speaker-set"
    TURN_STARTED = "turn-started"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Participant(_Model):
    """A participant of a group interview (or the single respondent), by pseudonym code."""

    code: str
    role: str | None = None


class ConsentConfirmation(_Model):
    """An introduction checklist item ticked during the session."""

    item_id: str
    confirmed_at: dt.datetime


class AdvanceConsent(_Model):
    """Consent obtained before the interview (the seed asked when making the appointment)."""

    obtained_on: dt.date
    note: str | None = None


class QuestionRecord(_Model):
    """Everything recorded for one question (topic or closing question)."""

    question_id: str
    state: QuestionState = QuestionState.NOT_ASKED
    quick_answer: str | None = Field(
        default=None, description="'yes'/'no', a choice option, or a scale value as text."
    )
    notes: str = ""
    parts: dict[str, str] = Field(
        default_factory=dict, description="Labelled note parts by part id (e.g. bp, kp)."
    )
    first_edit_at: float | None = Field(default=None, description="Session seconds.")
    last_edit_at: float | None = Field(default=None, description="Session seconds.")
    flags: list[Flag] = Field(default_factory=list)
    turns: list[Turn] = Field(
        default_factory=list,
        description="Group sessions: one turn (speaker, start) per paragraph of the notes, "
        "the open paragraph being typed into included; empty when no speaker was chosen.",
    )
    tags: list[str] = Field(
        default_factory=list,
        description="Extra codes: ids of other topics (variables) or extra codes.",
    )

    def has_content(self) -> bool:
        """True when anything was answered or written."""
        return bool(
            self.quick_answer is not None
            or self.notes.strip()
            or any(v.strip() for v in self.parts.values())
        )

    def word_count(self) -> int:
        """Words in the notes and parts."""
        return len(self.notes.split()) + sum(len(v.split()) for v in self.parts.values())

    @property
    def speaker(self) -> str | None:
        """Who answered first (the quick answer and note parts are theirs), or None: the
        first turn that is not the interviewer's (else the first turn)."""
        for turn in self.turns:
            if turn.speaker != INTERVIEWER_SPEAKER:
                return turn.speaker
        return self.turns[0].speaker if self.turns else None


class TimelineEvent(_Model):
    """One moment of the interview, ``at`` seconds after the clock started."""

    at: float
    kind: EventKind
    topic_id: str | None = None
    question_id: str | None = None
    value: str | None = Field(
        default=None, description="Answer, flag or tag involved; never note text."
    )


class Session(_Model):
    """A single interview: one respondent (or group) in one case."""

    format: int = SESSION_FORMAT_VERSION
    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    case: str
    respondent: str = Field(description="Pseudonym code, e.g. '1.1'; never a real name.")
    role: str | None = None
    interviewer: str | None = None
    date: dt.date = Field(default_factory=dt.date.today)
    location: str | None = None
    mode: SessionMode = SessionMode.INDIVIDUAL
    participants: list[Participant] = Field(default_factory=list)
    language: str | None = Field(default=None, description="UI language used.")
    protocol: InterviewProtocol
    protocol_sha256: str
    protocol_path: str | None = Field(default=None, description="Where it was loaded from.")
    status: SessionStatus = SessionStatus.PLANNED
    created_at: dt.datetime
    started_at: dt.datetime | None = Field(default=None, description="When the clock started.")
    finished_at: dt.datetime | None = None
    advance_consent: AdvanceConsent | None = None
    consent: list[ConsentConfirmation] = Field(default_factory=list)
    records: dict[str, QuestionRecord] = Field(default_factory=dict)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    current_topic_id: str | None = None
    current_question_id: str | None = None
    in_closing: bool = False

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: object) -> object:
        """Read older formats: format 1 had one ``speaker`` per question, which becomes the
        speaker of every paragraph of its notes (started at the note's first edit) in a
        group session; individual sessions never store turns."""
        if not isinstance(data, dict) or not isinstance(data.get("format", 1), int):
            return data
        if data.get("format", 1) >= 2 or not isinstance(data.get("records"), dict):
            return data
        records = {}
        for qid, record in data["records"].items():
            if isinstance(record, dict) and "speaker" in record:
                record = dict(record)
                speaker = record.pop("speaker")
                # an individual interview's one speaker was its respondent: no turns
                group = data.get("mode") == SessionMode.GROUP.value
                if group and isinstance(speaker, str) and not record.get("turns"):
                    at = record.get("first_edit_at")
                    start = float(at) if isinstance(at, int | float) else 0.0
                    record["turns"] = turns_for(str(record.get("notes") or ""), speaker, start)
            records[qid] = record
        return {**data, "records": records, "format": SESSION_FORMAT_VERSION}

    def record(self, question_id: str) -> QuestionRecord:
        """The record of a question, created on first use."""
        rec = self.records.get(question_id)
        if rec is None:
            rec = QuestionRecord(question_id=question_id)
            self.records[question_id] = rec
        return rec

    def word_count(self) -> int:
        """Words typed in all notes."""
        return sum(r.word_count() for r in self.records.values())

    def speaker_codes(self) -> list[str]:
        """Participant codes in a group session, or the respondent code alone."""
        if self.mode is SessionMode.GROUP and self.participants:
            return [p.code for p in self.participants]
        return [self.respondent]


class KeyRecord(_Model):
    """Personal data of a session, kept apart from the session and never exported."""

    session_id: str
    respondent: str
    name: str | None = None
    function: str | None = None
    fields: dict[str, str] = Field(
        default_factory=dict, description="Closing fields by id, e.g. email addresses."
    )


def protocol_digest(protocol: InterviewProtocol) -> str:
    """sha256 of the protocol's canonical JSON, so a snapshot can be checked for change."""
    canonical = json.dumps(protocol.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def session_to_json_dict(session: Session) -> dict[str, Any]:
    """The session as plain JSON-ready data (the on-disk and export shape)."""
    return session.model_dump(mode="json")
