"""The check a session from outside (``interviewer import``) must pass before it is stored.

``run`` and the new-session form build a session from validated input; an imported file
could hold anything pydantic accepts. So an import makes the same checks of the case name,
respondent and participant codes and the id (``interviewer.domain.codes``), and also checks
that everything the session refers to exists in its own protocol snapshot: a
``current_question_id`` that names no question made every ``resume`` fail in the recorder.
Numbers that are not finite (NaN, Infinity: not even valid JSON) are refused where the JSON
is read (``non_finite_field``). Pure: no I/O, no Textual.
"""

from __future__ import annotations

import math
from typing import Any

from interviewer.domain.codes import (
    validate_case_name,
    validate_participant_codes,
    validate_respondent_code,
    validate_session_id,
)
from interviewer.domain.session import Session
from interviewer.i18n.errors import TranslatableValueError


class SessionCheckError(TranslatableValueError):
    """A session that refers to something its protocol does not have; names the field."""


def non_finite_field(data: Any) -> str | None:
    """The dotted path of the first NaN or infinite number in parsed JSON, or None.

    Python's ``json`` reads ``NaN`` and ``Infinity`` although JSON has no such numbers; a
    session holding one is written back as invalid JSON and breaks timing sums, so readers
    refuse it. Iterative, so a deep document cannot exhaust the stack.
    """
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return where or "(top)"
        if isinstance(value, dict):
            items = list(value.items())
        elif isinstance(value, list):
            items = list(enumerate(value))
        else:
            continue
        for key, item in reversed(items):
            stack.append((f"{where}.{key}" if where else str(key), item))
    return None


def check_session(session: Session) -> Session:
    """``session`` with its case and codes stripped; ``CodeError`` or ``SessionCheckError``.

    The codes and the case get the checks ``run`` makes (one validation for all three ways a
    session enters the store); then every reference to the protocol snapshot must resolve.
    """
    validate_session_id(session.id)
    case = validate_case_name(session.case)
    respondent = validate_respondent_code(session.respondent)
    codes = validate_participant_codes(p.code for p in session.participants)
    check_references(session)
    same_codes = codes == [p.code for p in session.participants]
    if case == session.case and respondent == session.respondent and same_codes:
        return session
    people = [
        p.model_copy(update={"code": c}) for p, c in zip(session.participants, codes, strict=True)
    ]
    return session.model_copy(
        update={"case": case, "respondent": respondent, "participants": people}
    )


def check_references(session: Session) -> None:
    """Raise SessionCheckError naming the first field whose id the protocol does not have."""
    protocol = session.protocol
    topics = {t.id for t in protocol.topics}
    questions = set(protocol.question_index()) | {q.id for q in protocol.closing.questions}
    codes = set(protocol.code_names())
    checklist = {item.id for item in protocol.introduction.checklist}

    def refuse(key: str, field: str, value: object) -> None:
        raise SessionCheckError(key, field=field, value=str(value)[:80])

    if session.current_topic_id is not None and session.current_topic_id not in topics:
        refuse("session.check.unknown_topic", "current_topic_id", session.current_topic_id)
    if session.current_question_id is not None and session.current_question_id not in questions:
        refuse("session.check.unknown_question", "current_question_id", session.current_question_id)
    for qid, record in session.records.items():
        if qid not in questions:
            refuse("session.check.unknown_question", f"records.{qid}", qid)
        if record.question_id != qid:
            refuse(
                "session.check.unknown_question", f"records.{qid}.question_id", record.question_id
            )
        for tag in record.tags:
            if tag not in codes:
                refuse("session.check.unknown_code", f"records.{qid}.tags", tag)
    for n, confirmation in enumerate(session.consent):
        if confirmation.item_id not in checklist:
            refuse("session.check.unknown_item", f"consent.{n}.item_id", confirmation.item_id)
    for n, event in enumerate(session.timeline):
        if event.topic_id is not None and event.topic_id not in topics:
            refuse("session.check.unknown_topic", f"timeline.{n}.topic_id", event.topic_id)
        if event.question_id is not None and event.question_id not in questions:
            refuse("session.check.unknown_question", f"timeline.{n}.question_id", event.question_id)
