"""Creating a new session: protocol snapshot and digest, validated codes, creation time.

The protocol is copied into the session (with its sha256) so that later edits to the YAML
never change what a past interview was run with.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterable
from typing import Any

from interviewer.domain.codes import (
    validate_case_name,
    validate_participant_codes,
    validate_respondent_code,
)
from interviewer.domain.protocol import InterviewProtocol, Mode
from interviewer.domain.session import (
    AdvanceConsent,
    Participant,
    Session,
    SessionMode,
    protocol_digest,
)

Clock = Callable[[], float]
_SESSION_ID = re.compile(r"\A[a-z0-9][a-z0-9-]{0,63}\Z")  # \Z: "$" lets "abc\n" pass


def _participants(items: Iterable[Participant | str]) -> list[Participant]:
    people = [Participant(code=item) if isinstance(item, str) else item for item in items]
    codes = validate_participant_codes(p.code for p in people)
    return [p.model_copy(update={"code": code}) for p, code in zip(people, codes, strict=True)]


def new_session(
    protocol: InterviewProtocol,
    *,
    case: str,
    respondent: str,
    role: str | None = None,
    interviewer: str | None = None,
    mode: SessionMode | str | None = None,
    participants: Iterable[Participant | str] = (),
    location: str | None = None,
    advance_consent: AdvanceConsent | dt.date | None = None,
    protocol_path: str | None = None,
    language: str | None = None,
    session_id: str | None = None,
    clock: Clock = time.time,
) -> Session:
    """A PLANNED session for ``respondent`` in ``case``; raises ValueError on bad input.

    ``mode`` defaults to the protocol's mode (individual when the protocol allows both).
    ``participants`` are codes (or ``Participant``) for a group interview. ``clock`` gives
    epoch seconds; the creation time and the interview date come from it.
    """
    case_name = validate_case_name(case)
    code = validate_respondent_code(respondent)
    if mode is None:
        mode = SessionMode.GROUP if protocol.mode is Mode.GROUP else SessionMode.INDIVIDUAL
    try:
        session_mode = SessionMode(mode)
    except ValueError:
        raise ValueError(f"mode must be 'individual' or 'group', not {mode!r}") from None
    people = _participants(participants)
    if session_mode is SessionMode.INDIVIDUAL and len(people) > 1:
        raise ValueError(
            f"an individual interview has one respondent, got {len(people)} participants; "
            "use mode 'group'"
        )
    if isinstance(advance_consent, dt.date):
        advance_consent = AdvanceConsent(obtained_on=advance_consent)
    now = clock()
    created = dt.datetime.fromtimestamp(now, tz=dt.UTC)
    extra: dict[str, Any] = {}  # only the id, when given (else the model's default)
    if session_id is not None:
        if not _SESSION_ID.match(session_id):
            raise ValueError(
                f"session id {session_id!r} must be 1-64 lower-case letters, digits or '-'"
            )
        extra["id"] = session_id
    return Session(
        **extra,
        case=case_name,
        respondent=code,
        role=(role or "").strip() or None,
        interviewer=(interviewer or "").strip() or None,
        date=dt.datetime.fromtimestamp(now).date(),
        location=(location or "").strip() or None,
        mode=session_mode,
        participants=people,
        language=language,
        # The copy is the protocol as this mode asks it (group wording, mode-bound questions
        # left out); the digest stays that of the file, to compare with the library.
        protocol=protocol.for_mode(session_mode is SessionMode.GROUP),
        protocol_sha256=protocol_digest(protocol),
        protocol_path=protocol_path,
        created_at=created,
        advance_consent=advance_consent,
    )
