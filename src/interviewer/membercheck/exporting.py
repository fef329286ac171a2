"""Member check and pseudonymisation as seen by the exports (the CLI and the TUI use this).

``export_options(data_dir, sessions, base)`` returns the ``ExportOptions`` every export of
those sessions must use: the study's replacement list (applied to every format by
``export.registry.write_export``), the accepted final texts (used by the coding document,
the matrices and the REFI-QDA project), and the approval state per session (a case variable
in the matrix and the REFI-QDA project). ``not_ready`` names the sessions a coding export
should warn about (or refuse with ``--approved-only``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from interviewer.domain.session import Session
from interviewer.domain.turns import rematch
from interviewer.export.options import ExportOptions
from interviewer.i18n import Translator, document_language
from interviewer.membercheck.model import (
    ApprovalRecord,
    ApprovalState,
    effective_state,
    is_usable,
)
from interviewer.membercheck.storage import ApprovalBook
from interviewer.pseudonym.storage import load_replacements

CODING_FORMATS = frozenset(
    {
        "coding-docx",
        "qdpx",
        "matrix-docx",
        "matrix-csv",
        "matrix-xlsx",
        "compare-docx",
        "compare-csv",
        "compare-xlsx",
        "frame-docx",
        "frame-xlsx",
    }
)
"""Formats the analysis works from (coding, matrices): they warn about transcripts that are
not approved yet, and ``--approved-only`` refuses them."""


def final_session(session: Session, record: ApprovalRecord | None) -> Session:
    """``session`` with the accepted final text in place of the notes (or ``session``);
    a group session's turns are matched to the final paragraphs (``turns.rematch``)."""
    if (
        record is None
        or record.final is None
        or record.state
        not in (
            ApprovalState.APPROVED_UNCHANGED,
            ApprovalState.APPROVED_MINOR,
            ApprovalState.APPROVED_SUBSTANTIAL,
            ApprovalState.NO_RESPONSE,
        )
    ):
        return session
    records = dict(session.records)
    for qid, answer in record.final.items():
        old = records.get(qid)
        if old is None:
            continue
        parts = {key: "" for key in old.parts}
        parts.update(answer.parts)
        records[qid] = old.model_copy(
            update={
                "quick_answer": old.quick_answer if answer.quick_answer_kept else None,
                "notes": answer.notes,
                "parts": parts,
                # a group's turns follow their paragraphs by content: removed or merged
                # paragraphs must not shift the speakers of those after them
                "turns": rematch(old.notes, answer.notes, old.turns),
            }
        )
    return session.model_copy(update={"records": records})


def state_label(record: ApprovalRecord | None, today: dt.date, lang: str) -> str:
    """The approval state in words, e.g. 'approved with minor changes'."""
    state = effective_state(record, today) if record else ApprovalState.NOT_SENT
    return Translator(lang)(f"membercheck.state.{state.value}")


APPROVED_STATES = frozenset(
    {
        ApprovalState.APPROVED_UNCHANGED,
        ApprovalState.APPROVED_MINOR,
        ApprovalState.APPROVED_SUBSTANTIAL,
    }
)


def is_approved(record: ApprovalRecord | None, today: dt.date) -> bool:
    """Did the respondent approve the transcript? (No response by the deadline is usable
    but not approved, so the exports still say so.)"""
    return record is not None and effective_state(record, today) in APPROVED_STATES


@dataclass(frozen=True)
class NotReady:
    """A session whose transcript is not approved and not past its deadline."""

    session: Session
    state: ApprovalState
    deadline: dt.date | None


def not_ready(
    book: ApprovalBook, sessions: Sequence[Session], today: dt.date | None = None
) -> list[NotReady]:
    """Sessions that should not be coded yet (see the module docstring)."""
    today = today or dt.date.today()
    out = []
    for session in sessions:
        record = book.get(session.id)
        if not is_usable(record, today):
            state = effective_state(record, today) if record else ApprovalState.NOT_SENT
            out.append(NotReady(session, state, record.deadline if record else None))
    return out


def export_options(
    data_dir: Path,
    sessions: Sequence[Session],
    base: ExportOptions | None = None,
    *,
    today: dt.date | None = None,
) -> ExportOptions:
    """``base`` plus replacement list, final texts and approval states from ``data_dir``."""
    base = base or ExportOptions()
    today = today or dt.date.today()
    book = ApprovalBook(data_dir)
    finals: dict[str, Session] = {}
    states: dict[str, str] = {}
    unapproved: dict[str, str] = {}
    for session in sessions:
        record = book.get(session.id)
        lang = document_language(session, base.lang)
        states[session.id] = state_label(record, today, lang)
        if not is_approved(record, today):
            unapproved[session.id] = states[session.id]
        final = final_session(session, record)
        if final is not session:
            finals[session.id] = final
    replacements = load_replacements(data_dir)
    from interviewer.store.analysis import analyses_for

    analysis = analyses_for(data_dir, sessions)
    return dataclasses.replace(
        base,
        replacements=replacements or None,
        final_sessions=finals or None,
        approval=states,
        analysis=analysis or None,
        unapproved=unapproved,
    )
