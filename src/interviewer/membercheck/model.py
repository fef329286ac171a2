"""Approval states and the per-session approval record with its audit trail (pure data).

not sent -> sent (date, channel, exact version kept) -> reminder(s) (email or phone) ->
returned -> approved unchanged / with minor changes / with substantial changes, or no
response and the deadline passed (used as it was, after notice) -> final.

The stored ``state`` is what the researcher did; ``effective_state(record, today)`` adds
what time did: a sent transcript whose deadline has passed without an answer is usable
without response (and overdue until the researcher records the decision).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

APPROVAL_FORMAT_VERSION = 1
DEFAULT_DEADLINE_DAYS = 14


class ApprovalState(StrEnum):
    """Where a session's transcript is in the member check."""

    NOT_SENT = "not-sent"
    SENT = "sent"
    REMINDED = "reminded"
    RETURNED = "returned"
    APPROVED_UNCHANGED = "approved-unchanged"
    APPROVED_MINOR = "approved-minor"
    APPROVED_SUBSTANTIAL = "approved-substantial"
    NO_RESPONSE = "no-response"
    """Deadline passed without an answer: usable as it was sent (the respondent was told)."""


WAITING = frozenset({ApprovalState.SENT, ApprovalState.REMINDED})
FINAL_STATES = frozenset(
    {
        ApprovalState.APPROVED_UNCHANGED,
        ApprovalState.APPROVED_MINOR,
        ApprovalState.APPROVED_SUBSTANTIAL,
        ApprovalState.NO_RESPONSE,
    }
)
USABLE_STATES = FINAL_STATES
"""States in which a transcript may be coded."""

Changes = Literal["none", "minor", "substantial"]
DECISION_STATE: dict[str, ApprovalState] = {
    "none": ApprovalState.APPROVED_UNCHANGED,
    "minor": ApprovalState.APPROVED_MINOR,
    "substantial": ApprovalState.APPROVED_SUBSTANTIAL,
    "no-response": ApprovalState.NO_RESPONSE,
}

SEND_CHANNELS = ("email", "post", "hand", "other")
REMIND_CHANNELS = ("email", "phone")

Role = Literal["meta", "heading", "question", "answer", "placeholder", "approval"]
Origin = Literal["", "quick", "notes", "part"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SentParagraph(_Model):
    """One paragraph of the sent transcript, with where it came from in the session."""

    text: str
    role: Role
    question_id: str | None = None
    origin: Origin = ""
    part_id: str | None = None
    label: str = ""
    """Bold lead-in as printed ('1.1' in group interviews), stripped again on import."""


class SentVersion(_Model):
    """The exact version sent: paragraphs, sha256 of their text and of the docx file."""

    number: int
    at: dt.datetime
    date: dt.date
    channel: str
    deadline: dt.date
    lang: str
    file: str
    """File name under ``approvals/<session id>/``."""
    docx_sha256: str
    text_sha256: str
    paragraphs: list[SentParagraph]

    @property
    def text(self) -> str:
        """The sent text, one paragraph per line."""
        return "\n".join(p.text for p in self.paragraphs)


class Reminder(_Model):
    """A reminder: when and how."""

    at: dt.datetime
    date: dt.date
    channel: str
    note: str = ""


class ReturnedVersion(_Model):
    """A document the respondent sent back, kept as received."""

    number: int
    at: dt.datetime
    against: int
    """Number of the sent version it was compared with."""
    original_name: str
    file: str
    docx_sha256: str
    paragraphs: list[str]
    report_md: str
    report_docx: str
    counts: dict[str, int] = Field(default_factory=dict)
    """Changes by kind: deleted, added, changed (transcript part only)."""


class FinalAnswer(_Model):
    """The accepted text of one question, in the session's own shape."""

    quick_answer_kept: bool = True
    notes: str = ""
    parts: dict[str, str] = Field(default_factory=dict)


class Decision(_Model):
    """The researcher's decision, which makes the transcript final."""

    at: dt.datetime
    date: dt.date
    state: ApprovalState
    returned: int | None = None
    """Number of the returned version accepted; None: the sent version is used as it was."""
    note: str = ""


class AuditEvent(_Model):
    """One line of the audit trail (never note text)."""

    at: dt.datetime
    kind: Literal["sent", "reminded", "received", "accepted", "reopened"]
    detail: str = ""


class ApprovalRecord(_Model):
    """Everything about one session's member check."""

    format: int = APPROVAL_FORMAT_VERSION
    session_id: str
    case: str
    respondent: str
    state: ApprovalState = ApprovalState.NOT_SENT
    sent: list[SentVersion] = Field(default_factory=list)
    reminders: list[Reminder] = Field(default_factory=list)
    returned: list[ReturnedVersion] = Field(default_factory=list)
    decision: Decision | None = None
    final: dict[str, FinalAnswer] | None = None
    """Accepted text per question id; None when the transcript is used as the session has it."""
    events: list[AuditEvent] = Field(default_factory=list)

    @property
    def last_sent(self) -> SentVersion | None:
        """The version most recently sent."""
        return self.sent[-1] if self.sent else None

    @property
    def deadline(self) -> dt.date | None:
        """Deadline of the version most recently sent."""
        return self.sent[-1].deadline if self.sent else None


def effective_state(record: ApprovalRecord, today: dt.date) -> ApprovalState:
    """The stored state, or NO_RESPONSE once a waiting transcript's deadline has passed."""
    deadline = record.deadline
    if record.state in WAITING and deadline is not None and today > deadline:
        return ApprovalState.NO_RESPONSE
    return record.state


def is_overdue(record: ApprovalRecord, today: dt.date) -> bool:
    """Past the deadline without answer or decision: the researcher should finalise it."""
    return record.state in WAITING and effective_state(record, today) is ApprovalState.NO_RESPONSE


def is_usable(record: ApprovalRecord | None, today: dt.date) -> bool:
    """May this transcript be coded: approved, or its deadline passed without response."""
    return record is not None and effective_state(record, today) in USABLE_STATES
