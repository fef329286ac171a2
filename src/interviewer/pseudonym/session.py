"""Apply the replacement list to a whole session before any exporter sees it.

Every human-readable string is replaced: the case, role, interviewer, location, participant
roles, all notes, note parts and quick answers, and the protocol snapshot's texts (a
question can name a municipality too). Identifiers, codes, colours, enum values and the
timeline are left alone, so the exporters' structure (question ids, code GUIDs) does not
change. The result is a new, validated ``Session``; the stored session is never touched.
"""

from __future__ import annotations

from typing import Any

from interviewer.domain.session import Session
from interviewer.pseudonym.replace import ReplacementList

SKIP_KEYS = frozenset(
    {
        "id",
        "format",
        "question",
        "question_id",
        "session_id",
        "topic_id",
        "topic",  # an invitation theme names its topic by id
        "addressed_to",
        "paper",
        "characteristic",
        "code",
        "speaker",
        "respondent",
        "colour",
        "type",
        "kind",
        "mode",
        "language",
        "version",
        "tags",
        "flags",
        "state",
        "status",
        "purpose",
        "protocol_sha256",
        "timeline",
        "consent",
        "advance_consent",
        "created_at",
        "started_at",
        "finished_at",
        "date",
        "current_topic_id",
        "current_question_id",
    }
)
"""Keys whose values are identifiers, codes or machine values: never rewritten."""


def _walk(value: Any, replacements: ReplacementList) -> Any:
    if isinstance(value, str):
        return replacements.apply(value)
    if isinstance(value, list):
        return [_walk(v, replacements) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in SKIP_KEYS else _walk(v, replacements)) for k, v in value.items()}
    return value


def pseudonymise_session(session: Session, replacements: ReplacementList | None) -> Session:
    """A copy of ``session`` with the replacement list applied to all its text."""
    if not replacements:
        return session
    data = session.model_dump(mode="json")
    return Session.model_validate(_walk(data, replacements))


def session_text(session: Session) -> str:
    """All the text ``pseudonymise_session`` would rewrite, joined (for counting matches)."""
    pieces: list[str] = []

    def collect(value: Any) -> None:
        if isinstance(value, str):
            pieces.append(value)
        elif isinstance(value, list):
            for v in value:
                collect(v)
        elif isinstance(value, dict):
            for k, v in value.items():
                if k not in SKIP_KEYS:
                    collect(v)

    data = session.model_dump(mode="json")
    data.pop("protocol", None)  # the protocol is counted once per study, not per session
    collect(data)
    return "\n".join(pieces)
