"""The member-check steps: send, remind, receive, accept. Each loads, changes and saves one
approval record and appends to its audit trail; ``today`` and ``now`` are injected so tests
can let deadlines pass. Errors are ``MemberCheckError`` with one line for the user.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from interviewer.domain.session import Session
from interviewer.export.transcript import ReturnRequest
from interviewer.i18n.errors import Phrase, TranslatableValueError
from interviewer.membercheck import report
from interviewer.membercheck.diff import (
    Comparison,
    alignment_bytes,
    compare,
    final_answers,
    stored_ops,
)
from interviewer.membercheck.docx_text import read_paragraphs
from interviewer.membercheck.model import (
    DECISION_STATE,
    DEFAULT_DEADLINE_DAYS,
    FINAL_STATES,
    REMIND_CHANNELS,
    SEND_CHANNELS,
    WAITING,
    ApprovalRecord,
    ApprovalState,
    AuditEvent,
    Decision,
    Reminder,
    ReturnedVersion,
    SentVersion,
    effective_state,
)
from interviewer.membercheck.sent import Rendered, render
from interviewer.membercheck.storage import ApprovalBook
from interviewer.progress import Progress, tell
from interviewer.pseudonym.replace import ReplacementList
from interviewer.pseudonym.session import pseudonymise_session

P = ParamSpec("P")
R = TypeVar("R")


class MemberCheckError(TranslatableValueError):
    """A step that cannot be taken now, with the reason in one line.

    A keyed error like the core's (``interviewer.i18n.errors``): the command line says it in
    the interface language (``message(lang)``); ``str()`` is the English line. A ``state``
    value that is an ``ApprovalState`` is said in words, in the line's language.
    """

    def __init__(self, key: str, **values: object) -> None:
        state = values.get("state")
        if isinstance(state, ApprovalState):
            values["state"] = Phrase(f"membercheck.state.{state.value}")
        super().__init__(key, **values)


def _record_locked(step: Callable[P, R]) -> Callable[P, R]:
    """Run a step under its approval record's lock (``ApprovalBook.locked``): it reads,
    changes and writes the record with no other step in between, so two reminders given
    at once are both recorded. The step's first two arguments are the book and the session
    (or its id)."""

    @functools.wraps(step)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        book, target = args[0], args[1]
        assert isinstance(book, ApprovalBook)
        session_id = target.id if isinstance(target, Session) else str(target)
        with book.locked(session_id):
            return step(*args, **kwargs)

    return run


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def _record(book: ApprovalBook, session_id: str) -> ApprovalRecord:
    record = book.get(session_id)
    if record is None or not record.sent:
        raise MemberCheckError("membercheck.error.not_sent", id=session_id)
    return record


def _not_final(record: ApprovalRecord) -> None:
    if record.state in FINAL_STATES:
        raise MemberCheckError(
            "membercheck.error.final", code=record.respondent, state=record.state
        )


@_record_locked
def send(
    book: ApprovalBook,
    session: Session,
    *,
    deadline: dt.date | None = None,
    channel: str = "email",
    lang: str | None = None,
    replacements: ReplacementList | None = None,
    timestamps: bool = False,
    reply_to: str | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    paper: str | None = None,
) -> tuple[ApprovalRecord, Rendered, Session]:
    """Render the approval transcript, keep the exact copy and record it as sent.

    The copy names its deadline and where to return it (``reply_to``, else the protocol's
    ``member_check.reply_to``), and says that silence counts as approval when the protocol
    says so. Returns the record, the rendered document, and the pseudonymised session it
    was made from (for the file name of the copy handed to the respondent).
    """
    today, now = _today(today), _now(now)
    if channel not in SEND_CHANNELS:
        raise MemberCheckError(
            "membercheck.error.channel", channel=channel, known=", ".join(SEND_CHANNELS)
        )
    deadline = deadline or today + dt.timedelta(days=DEFAULT_DEADLINE_DAYS)
    if deadline < today:
        raise MemberCheckError("membercheck.error.past", deadline=deadline.isoformat())
    record = book.get(session.id) or ApprovalRecord(
        session_id=session.id, case=session.case, respondent=session.respondent
    )
    _not_final(record)
    prepared = pseudonymise_session(session, replacements)
    settings = session.protocol.member_check
    request = ReturnRequest(
        deadline=deadline,
        reply_to=(reply_to or "").strip() or settings.reply_to,
        silence_means_approval=settings.silence_means_approval,
    )
    rendered = render(prepared, lang=lang, timestamps=timestamps, request=request, paper=paper)
    number = len(record.sent) + 1
    name = f"sent-{number}.docx"
    book.put_file(session.id, name, rendered.docx)
    record.sent.append(
        SentVersion(
            number=number,
            at=now,
            date=today,
            channel=channel,
            deadline=deadline,
            lang=rendered.lang,
            file=name,
            docx_sha256=rendered.docx_sha256,
            text_sha256=rendered.text_sha256,
            paragraphs=rendered.paragraphs,
        )
    )
    record.state = ApprovalState.SENT
    record.events.append(
        AuditEvent(
            at=now,
            kind="sent",
            detail=f"version {number} by {channel}, "
            f"deadline {deadline.isoformat()}, sha256 {rendered.docx_sha256[:12]}",
        )
    )
    book.save(record)
    return record, rendered, prepared


@_record_locked
def remind(
    book: ApprovalBook,
    session_id: str,
    *,
    channel: str,
    new_deadline: dt.date | None = None,
    note: str = "",
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> ApprovalRecord:
    """Record a reminder (email or phone); optionally move the deadline."""
    today, now = _today(today), _now(now)
    if channel not in REMIND_CHANNELS:
        raise MemberCheckError("membercheck.error.remind_channel", channel=channel)
    record = _record(book, session_id)
    if record.state not in WAITING:
        raise MemberCheckError(
            "membercheck.error.no_reminder", code=record.respondent, state=record.state
        )
    record.reminders.append(Reminder(at=now, date=today, channel=channel, note=note))
    record.state = ApprovalState.REMINDED
    detail = f"reminder {len(record.reminders)} by {channel}"
    if new_deadline is not None:
        if new_deadline < today:
            raise MemberCheckError("membercheck.error.past", deadline=new_deadline.isoformat())
        record.sent[-1] = record.sent[-1].model_copy(update={"deadline": new_deadline})
        detail += f", deadline moved to {new_deadline.isoformat()}"
    record.events.append(AuditEvent(at=now, kind="reminded", detail=detail))
    book.save(record)
    return record


RECEIVE_STEPS = 5
"""Steps of ``receive`` its progress callback hears of."""
ACCEPT_STEPS = 3
"""Steps of ``accept`` its progress callback hears of."""


def alignment_file(number: int) -> str:
    """The file beside returned version ``number`` keeping its comparison's alignment."""
    return f"comparison-{number}.json"


def comparison_of(
    record: ApprovalRecord,
    returned: ReturnedVersion | None = None,
    book: ApprovalBook | None = None,
) -> Comparison:
    """The comparison of a returned version (default: the last) with the version it answers.

    With ``book``, the alignment kept at receive time is taken up (``diff.stored_ops``), so
    ``accept`` does not align a long transcript again; a missing, damaged or mismatching
    file is aligned anew, which gives the same result.
    """
    returned = returned or record.returned[-1]
    sent = record.sent[returned.against - 1]
    ops = None
    if book is not None:
        try:
            raw = book.read_file(record.session_id, alignment_file(returned.number))
        except OSError:
            raw = None
        if raw is not None:
            ops = stored_ops(sent.paragraphs, returned.paragraphs, raw)
    return compare(sent.paragraphs, returned.paragraphs, ops)


@_record_locked
def receive(
    book: ApprovalBook,
    session_id: str,
    data: bytes,
    *,
    original_name: str = "",
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> tuple[ApprovalRecord, Comparison, ReturnedVersion]:
    """Import a returned .docx: keep it, compare it with the sent version, write the reports.

    ``progress`` hears of the five steps: read, compared, each report written, saved.
    """
    now = _now(now)
    record = _record(book, session_id)
    _not_final(record)
    tell(progress, 0, RECEIVE_STEPS)
    try:
        paragraphs = read_paragraphs(data)
    except ValueError as exc:
        raise MemberCheckError("membercheck.error.unreadable", error=str(exc)) from None
    tell(progress, 1, RECEIVE_STEPS)
    sent = record.sent[-1]
    comparison = compare(sent.paragraphs, paragraphs)
    tell(progress, 2, RECEIVE_STEPS)
    number = len(record.returned) + 1
    sha = hashlib.sha256(data).hexdigest()
    file_name = f"returned-{number}.docx"
    book.put_file(session_id, file_name, data)
    info = report.ReportInfo(
        case=record.case,
        respondent=record.respondent,
        sent_number=sent.number,
        sent_date=sent.date,
        sent_sha256=sent.docx_sha256,
        returned_number=number,
        returned_date=now.date(),
        returned_sha256=sha,
        lang=sent.lang,
    )
    book.put_file(session_id, alignment_file(number), alignment_bytes(comparison))
    md_name, docx_name = f"changes-{number}.md", f"changes-{number}.docx"
    md, docx_stream = io.BytesIO(), io.BytesIO()
    report.write_markdown(comparison, info, md)
    tell(progress, 3, RECEIVE_STEPS)
    report.write_docx(comparison, info, docx_stream)
    tell(progress, 4, RECEIVE_STEPS)
    book.put_file(session_id, md_name, md.getvalue())
    book.put_file(session_id, docx_name, docx_stream.getvalue())
    returned = ReturnedVersion(
        number=number,
        at=now,
        against=sent.number,
        original_name=original_name,
        file=file_name,
        docx_sha256=sha,
        paragraphs=paragraphs,
        report_md=md_name,
        report_docx=docx_name,
        counts=comparison.counts("transcript"),
    )
    record.returned.append(returned)
    record.state = ApprovalState.RETURNED
    counts = returned.counts
    record.events.append(
        AuditEvent(
            at=now,
            kind="received",
            detail=f"version {number} against sent "
            f"{sent.number}: {counts['deleted']} deleted, {counts['added']} added, "
            f"{counts['changed']} changed, sha256 {sha[:12]}",
        )
    )
    book.save(record)
    tell(progress, RECEIVE_STEPS, RECEIVE_STEPS)
    return record, comparison, returned


@_record_locked
def accept(
    book: ApprovalBook,
    session_id: str,
    *,
    changes: str | None = None,
    note: str = "",
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> ApprovalRecord:
    """Make the transcript final: the returned text, or the sent text when none came back.

    ``changes``: none / minor / substantial, the researcher's judgement of the returned
    text. Without a returned document: ``none`` records an approval given by other means
    (email, phone); after the deadline, leaving it out records "no response".
    ``progress`` hears of the three steps: compared, final text taken, saved.
    """
    today, now = _today(today), _now(now)
    record = _record(book, session_id)
    _not_final(record)
    tell(progress, 0, ACCEPT_STEPS)
    if changes is not None and changes not in ("none", "minor", "substantial"):
        raise MemberCheckError("membercheck.error.changes_choice", changes=changes)
    state = effective_state(record, today)
    if record.returned and record.state is ApprovalState.RETURNED:
        returned = record.returned[-1]
        comparison = comparison_of(record, returned, book)
        if changes is None:
            if not comparison.unchanged:
                # the same counts as 'approval receive' reported
                counts = comparison.counts()
                raise MemberCheckError(
                    "membercheck.error.changes_needed",
                    count=sum(counts.values()),
                    deleted=counts["deleted"],
                    added=counts["added"],
                    changed=counts["changed"],
                )
            changes = "none"
        elif changes == "none" and not comparison.unchanged:
            raise MemberCheckError("membercheck.error.differs")
        decided, returned_number = DECISION_STATE[changes], returned.number
    else:
        sent = record.sent[-1]
        comparison = compare(sent.paragraphs, [p.text for p in sent.paragraphs])
        returned_number = None
        if changes in ("minor", "substantial"):
            raise MemberCheckError("membercheck.error.nothing_returned")
        if changes == "none":
            decided = ApprovalState.APPROVED_UNCHANGED
        elif state is ApprovalState.NO_RESPONSE:
            decided = ApprovalState.NO_RESPONSE
        else:
            raise MemberCheckError(
                "membercheck.error.deadline_open", deadline=sent.deadline.isoformat()
            )
    tell(progress, 1, ACCEPT_STEPS)
    record.final = final_answers(comparison)
    tell(progress, 2, ACCEPT_STEPS)
    record.decision = Decision(
        at=now, date=today, state=decided, returned=returned_number, note=note
    )
    record.state = decided
    source = f"returned version {returned_number}" if returned_number else "the version sent"
    record.events.append(AuditEvent(at=now, kind="accepted", detail=f"{decided.value}: {source}"))
    book.save(record)
    tell(progress, ACCEPT_STEPS, ACCEPT_STEPS)
    return record
