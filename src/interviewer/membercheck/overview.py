"""One row per session for ``interviewer approval list`` and the home screen: code, case,
state, sent date, deadline, reminders; overdue transcripts sort first and are marked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from interviewer.i18n import Translator
from interviewer.membercheck.model import ApprovalRecord, effective_state, is_overdue
from interviewer.membercheck.storage import ApprovalBook

OVERDUE_MARK = "!"


@dataclass(frozen=True)
class OverviewRow:
    """A session's member-check state, ready to print or show."""

    session_id: str
    case: str
    respondent: str
    state: str
    sent: str
    deadline: str
    reminders: int
    overdue: bool
    overdue_label: str
    record: ApprovalRecord | None

    def line(self) -> str:
        """One aligned text line; overdue ones start with '!' and say so."""
        mark = OVERDUE_MARK if self.overdue else " "
        tail = f"  {self.overdue_label}" if self.overdue else ""
        return (
            f"{mark} {self.session_id[:8]:<8}  {self.case[:14]:<14}  {self.respondent:<8}  "
            f"{self.state[:44]:<44}  {self.sent:<10}  {self.deadline:<10}  "
            f"{self.reminders:>2}{tail}"
        )


def overview_header(lang: str) -> str:
    """The column titles above ``OverviewRow.line()``, aligned the same way."""
    t = Translator(lang)
    return (
        f"  {t('membercheck.col.id'):<8}  {t('membercheck.col.case'):<14}  "
        f"{t('membercheck.col.code'):<8}  {t('membercheck.col.state'):<44}  "
        f"{t('membercheck.col.sent'):<10}  {t('membercheck.col.deadline'):<10}  "
        f"{t('membercheck.col.reminders')}"
    )


def overview_rows(
    summaries: Iterable[Any], book: ApprovalBook, today: dt.date, lang: str
) -> list[OverviewRow]:
    """Rows for sessions (anything with id, case, respondent); overdue first, then as given."""
    t = Translator(lang)
    rows = []
    for summary in summaries:
        record = book.get(summary.id)
        state = effective_state(record, today).value if record else "not-sent"
        last = record.last_sent if record else None
        rows.append(
            OverviewRow(
                session_id=summary.id,
                case=summary.case,
                respondent=summary.respondent,
                state=t(f"membercheck.state.{state}"),
                sent=last.date.isoformat() if last else "-",
                deadline=last.deadline.isoformat() if last else "-",
                reminders=len(record.reminders) if record else 0,
                overdue=bool(record and is_overdue(record, today)),
                overdue_label=t("membercheck.overdue"),
                record=record,
            )
        )
    return sorted(rows, key=lambda r: not r.overdue)
