"""``interviewer approval``: the member check on the command line (``key``, ``codelist`` and
``replace`` are in ``pseudonym_commands``). Thin: parse, call ``interviewer.membercheck`` and
``interviewer.pseudonym``, print one line per result; errors are one line, no traceback.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from interviewer import paths
from interviewer.cli.common import (
    data_dir_from,
    data_dir_option,
    fail,
    fail_error,
    fail_with,
    lang_option,
    load_session,
    open_store,
    ui_language,
)
from interviewer.cli.progress_bar import progress_bar
from interviewer.cli.pseudonym_commands import replacements_of
from interviewer.i18n import translate
from interviewer.terminal_text import printable

DATE = click.DateTime(["%Y-%m-%d"])


def _today_option(func: Any) -> Any:
    """Hidden ``--today YYYY-MM-DD``: lets tests (and demos) move the calendar."""
    return click.option("--today", "today", type=DATE, default=None, hidden=True)(func)


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def _book(ctx: click.Context) -> Any:
    from interviewer.membercheck.storage import ApprovalBook

    return ApprovalBook(data_dir_from(ctx))


def _say(ctx: click.Context, key: str, session: Any = None, **values: object) -> None:
    # values are data (codes, case names, paths): never a control character to the terminal
    safe = {k: printable(v) if isinstance(v, str) else v for k, v in values.items()}
    click.echo(translate(key, ui_language(ctx, session), **safe))


# --- approval --------------------------------------------------------------------------------
@click.group("approval")
def approval_group() -> None:
    """Member check: send transcripts for approval, remind, receive, accept, list."""


@approval_group.command("send")
@click.argument("session_id", metavar="ID")
@click.option(
    "--deadline",
    type=DATE,
    default=None,
    metavar="YYYY-MM-DD",
    help="Answer wanted by this date (default: in 14 days), printed on the transcript. "
    "After it the transcript is used as it was.",
)
@click.option(
    "--channel",
    type=click.Choice(("email", "post", "hand", "other")),
    default="email",
    show_default=True,
    help="How the transcript goes to the respondent (kept in the audit trail).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder for the document to send (default: ./exports).",
)
@click.option("--timestamps", is_flag=True, help="Show the session time before each question.")
@click.option(
    "--reply-to",
    "reply_to",
    default=None,
    metavar="ADDRESS",
    help="Where the respondent returns the transcript (printed on it; default: the "
    "protocol's member_check.reply_to).",
)
@click.option("--paper", type=click.Choice(("a4", "letter")), default=None,
              help="Paper of the document (default: the protocol's 'paper', else a4).")  # fmt: skip
@_today_option
@data_dir_option
@lang_option
@click.pass_context
def send_command(
    ctx: click.Context,
    session_id: str,
    deadline: dt.datetime | None,
    channel: str,
    out: str | None,
    timestamps: bool,
    reply_to: str | None,
    paper: str | None,
    today: dt.datetime | None,
) -> None:
    """Export the transcript of session ID for approval and record it as sent (the exact copy
    is kept)."""
    from interviewer.export.registry import FORMATS, export_file_name, write_file_atomic
    from interviewer.membercheck.workflow import MemberCheckError, send

    store = open_store(ctx)
    session = load_session(store, session_id)
    try:  # first: a protected key file without its passphrase fails before anything is sent
        addresses = _contacts(store, session)
    except ValueError as exc:
        fail_error(exc, session)
    try:
        record, rendered, prepared = send(
            _book(ctx),
            session,
            deadline=_date(deadline),
            channel=channel,
            replacements=replacements_of(ctx),
            timestamps=timestamps,
            reply_to=reply_to,
            today=_date(today),
            paper=paper,
        )
    except MemberCheckError as exc:
        fail_error(exc, session)
    folder = Path(out).expanduser() if out else paths.default_export_dir()
    name = export_file_name(FORMATS["transcript-docx"], [prepared])
    try:
        path = write_file_atomic(folder, name, rendered.docx)
    except OSError as exc:
        error = exc.strerror or exc
        fail_with("cli.cannot_write_to", session, name=name, folder=folder, error=error)
    sent = record.sent[-1]
    _say(
        ctx,
        "membercheck.cli.sent",
        session,
        path=str(path),
        code=record.respondent,
        deadline=sent.deadline.isoformat(),
        sha=sent.docx_sha256[:12],
    )
    for address in addresses:
        _say(ctx, "membercheck.cli.send_to", session, address=address)


def _contacts(store: Any, session: Any) -> list[str]:
    """The closing fields meant for the transcript check (e-mail addresses), from the key."""
    key = store.load_key(session.id)
    if key is None:
        return []
    wanted = [f.id for f in session.protocol.closing.fields if f.purpose == "transcript-check"]
    return [key.fields[f] for f in wanted if key.fields.get(f)]


@approval_group.command("remind")
@click.argument("session_id", metavar="ID")
@click.option(
    "--channel",
    type=click.Choice(("email", "phone")),
    required=True,
    help="How the respondent was reminded.",
)
@click.option(
    "--deadline", type=DATE, default=None, metavar="YYYY-MM-DD", help="Move the deadline here."
)
@click.option("--note", default="", help="A short note for the audit trail (no transcript text).")
@_today_option
@data_dir_option
@lang_option
@click.pass_context
def remind_command(
    ctx: click.Context,
    session_id: str,
    channel: str,
    deadline: dt.datetime | None,
    note: str,
    today: dt.datetime | None,
) -> None:
    """Record a reminder about session ID's transcript, sent by e-mail or made by phone."""
    from interviewer.membercheck.workflow import MemberCheckError, remind

    session = load_session(open_store(ctx), session_id)
    try:
        record = remind(
            _book(ctx),
            session.id,
            channel=channel,
            new_deadline=_date(deadline),
            note=note,
            today=_date(today),
        )
    except MemberCheckError as exc:
        fail_error(exc, session)
    _say(
        ctx,
        "membercheck.cli.reminded",
        session,
        code=record.respondent,
        count=len(record.reminders),
        channel=channel,
        deadline=record.deadline.isoformat() if record.deadline else "-",
    )


@approval_group.command("receive")
@click.argument("session_id", metavar="ID")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=None,
    help="Also write the change report (docx and md) to this folder.",
)
@data_dir_option
@lang_option
@click.pass_context
def receive_command(ctx: click.Context, session_id: str, file: str, out: str | None) -> None:
    """Import FILE, the .docx returned for session ID: compare it with the version sent,
    report the changes."""
    from interviewer.export.registry import write_file_atomic
    from interviewer.membercheck.diff import Change
    from interviewer.membercheck.docx_text import ReturnedDocumentError, read_docx_file
    from interviewer.membercheck.workflow import MemberCheckError, receive

    session = load_session(open_store(ctx), session_id)
    book = _book(ctx)
    try:
        data = read_docx_file(file)  # a regular file of at most 50 MiB: never a FIFO
    except ReturnedDocumentError as exc:
        fail_error(exc, session)
    except OSError as exc:
        fail_with("cli.cannot_read", session, path=file, error=exc.strerror or exc)
    lang = ui_language(ctx, session)
    try:
        with progress_bar(translate("progress.receive", lang)) as progress:
            record, comparison, returned = receive(
                book, session.id, data, original_name=Path(file).name, progress=progress
            )
    except MemberCheckError as exc:
        fail_error(exc, session)
    counts = returned.counts
    _say(
        ctx,
        "membercheck.cli.received",
        session,
        code=record.respondent,
        deleted=counts["deleted"],
        added=counts["added"],
        changed=counts["changed"],
    )
    change: Change
    for change in comparison.changes:
        if change.region != "transcript":
            continue
        number = change.sent_no or change.returned_no
        text = change.old if change.kind == "deleted" else change.new
        kind = translate(f"membercheck.change.{change.kind}", lang)
        short = text if len(text) <= 70 else text[:69] + "…"
        click.echo(f"  {number:>4}  {kind:<11} {printable(short)}")
    _report_approval_block(ctx, session, comparison, record.sent[returned.against - 1].lang)
    folder = book.files_dir(session.id)
    written = [folder / returned.report_docx, folder / returned.report_md]
    if out:
        target = Path(out).expanduser()
        written = [
            write_file_atomic(target, f"{_stem(record)}_{p.name}", p.read_bytes()) for p in written
        ]
    for path in written:
        _say(ctx, "membercheck.cli.report", session, path=str(path))


def _report_approval_block(ctx: click.Context, session: Any, comparison: Any, lang: str) -> None:
    """What the respondent ticked and wrote in the approval block, and the decision it
    points to (``membercheck.approval_block``; the researcher decides)."""
    from interviewer.membercheck.approval_block import read_approval

    reading = read_approval(comparison, lang)
    say_lang = ui_language(ctx, session)
    blank = translate("approval.read.blank", say_lang)
    ticked = [
        text
        for state, text in (
            (reading.as_is, reading.as_is_text),
            (reading.with_changes, reading.with_changes_text),
        )
        if state == "ticked"
    ]
    if len(ticked) == 2:
        _say(ctx, "approval.read.both_ticked", session, first=ticked[0], second=ticked[1])
    elif ticked:
        _say(ctx, "approval.read.ticked", session, option=ticked[0])
    else:
        _say(ctx, "approval.read.none_ticked", session)
    _say(ctx, "approval.read.name", session, name=reading.name or blank)
    if reading.date_iso:
        _say(ctx, "approval.read.date_iso", session, date=reading.date, iso=reading.date_iso)
    else:
        _say(ctx, "approval.read.date", session, date=reading.date or blank)
    if reading.signature:
        _say(ctx, "approval.read.signature", session, text=reading.signature)
    _say(
        ctx,
        f"approval.propose.{reading.proposal}",
        session,
        option=ticked[0] if ticked else "",
        count=reading.transcript_changes,
        id=session.id,
    )


def _stem(record: Any) -> str:
    from interviewer.export.text import safe_name_part

    return f"{safe_name_part(record.respondent)}"


@approval_group.command("accept")
@click.argument("session_id", metavar="ID")
@click.option(
    "--changes",
    type=click.Choice(("none", "minor", "substantial")),
    default=None,
    help="Your judgement of the returned changes (none when approved as is).",
)
@click.option("--note", default="", help="A short note for the audit trail.")
@_today_option
@data_dir_option
@lang_option
@click.pass_context
def accept_command(
    ctx: click.Context, session_id: str, changes: str | None, note: str, today: dt.datetime | None
) -> None:
    """Make the transcript of session ID final: the returned text, or the sent one after the
    deadline."""
    from interviewer.membercheck.exporting import state_label
    from interviewer.membercheck.workflow import MemberCheckError, accept

    session = load_session(open_store(ctx), session_id)
    label = translate("progress.accept", ui_language(ctx, session))
    try:
        with progress_bar(label) as progress:
            record = accept(
                _book(ctx),
                session.id,
                changes=changes,
                note=note,
                today=_date(today),
                progress=progress,
            )
    except MemberCheckError as exc:
        fail_error(exc, session)
    label = state_label(record, dt.date.today(), ui_language(ctx, session))
    _say(ctx, "membercheck.cli.accepted", session, code=record.respondent, state=label)


@approval_group.command("list")
@click.option("--case", default=None, help="Only this case.")
@_today_option
@data_dir_option
@lang_option
@click.pass_context
def list_command(ctx: click.Context, case: str | None, today: dt.datetime | None) -> None:
    """Every session's approval state; overdue ones first and marked."""
    from interviewer.membercheck.model import is_overdue
    from interviewer.membercheck.overview import overview_header, overview_rows

    day = _date(today) or dt.date.today()
    store = open_store(ctx)
    summaries = store.list(case=case)
    lang = _study_language(ctx, store, summaries)
    try:
        rows = overview_rows(summaries, _book(ctx), day, lang)
    except ValueError as exc:
        fail_error(exc)
    if not rows:
        click.echo(translate("membercheck.cli.none", lang))
        return
    click.echo(click.style(overview_header(lang), bold=True))
    for row in rows:
        line = printable(row.line())  # one line of codes, case names and dates
        overdue = row.record is not None and is_overdue(row.record, day)
        click.echo(click.style(line, fg="red", bold=True) if overdue else line)


def _study_language(ctx: click.Context, store: Any, summaries: list[Any]) -> str:
    """The interface language of an overview: as for one session when every listed session
    follows the same protocol (one study's member check speaks one language), else without
    a protocol (``--lang``, the settings file, ``LANG``)."""
    if not summaries or len({getattr(s, "protocol_id", None) for s in summaries}) != 1:
        return ui_language(ctx)
    try:
        return ui_language(ctx, store.load(summaries[0].id))
    except (LookupError, OSError, ValueError):  # a damaged file: the rows still show
        return ui_language(ctx)


@approval_group.command("show")
@click.argument("session_id", metavar="ID")
@data_dir_option
@lang_option
@click.pass_context
def show_command(ctx: click.Context, session_id: str) -> None:
    """The audit trail of the member check of session ID."""
    session = load_session(open_store(ctx), session_id)
    try:
        record = _book(ctx).get(session.id)
    except ValueError as exc:
        fail_error(exc)
    if record is None:
        _say(ctx, "membercheck.cli.not_sent", session, code=session.respondent)
        return
    lang = ui_language(ctx, session)
    state = translate(f"membercheck.state.{record.state.value}", lang)
    click.echo(translate("membercheck.show.head", lang, code=printable(record.respondent),
                         case=printable(record.case), state=state))  # fmt: skip
    for event in record.events:
        kind = translate(f"membercheck.event.{event.kind}", lang)
        # the detail is the audit line as it was recorded (in English; it is data, not a message)
        detail = printable(event.detail)
        click.echo(f"  {event.at.isoformat(timespec='minutes')}  {kind:<11} {detail}")


# --- used by 'interviewer export' and 'interviewer matrix' ------------------------------------
def prepare_export(
    ctx: click.Context,
    sessions: list[Any],
    formats: list[str],
    options: Any,
    *,
    approved_only: bool = False,
) -> Any:
    """Options with replacement list, final texts and approval states; warn about (or, with
    ``approved_only``, refuse) coding exports of transcripts that are not approved yet."""
    from interviewer.membercheck.exporting import CODING_FORMATS, export_options, not_ready
    from interviewer.membercheck.storage import ApprovalBook
    from interviewer.pseudonym.session import session_text

    data_dir = data_dir_from(ctx)
    lang = ui_language(ctx, sessions[0] if sessions else None)
    try:
        prepared = export_options(data_dir, sessions, options)
        pending = (
            not_ready(ApprovalBook(data_dir), sessions) if CODING_FORMATS & set(formats) else []
        )
    except ValueError as exc:
        fail_error(exc)
    for item in pending:
        state = translate(f"membercheck.state.{item.state.value}", lang)
        deadline = item.deadline.isoformat() if item.deadline else "-"
        key = "membercheck.cli.refuse" if approved_only else "membercheck.cli.warn"
        click.echo(
            translate(
                key,
                lang,
                code=printable(item.session.respondent),
                case=printable(item.session.case),
                state=state,
                deadline=deadline,
            ),
            err=True,
        )
    if pending and approved_only:
        fail(translate("membercheck.cli.refused", lang, count=len(pending)))
    if prepared.replacements:
        found: dict[str, int] = {}
        for session in sessions:
            for name, count in prepared.replacements.count(session_text(session)).items():
                found[name] = found.get(name, 0) + count
        for name, count in found.items():
            entry = prepared.replacements.find(name)
            click.echo(
                translate(
                    "membercheck.cli.replaced",
                    lang,
                    name=printable(name),
                    count=count,
                    pseudonym=printable(entry.pseudonym) if entry else "?",
                ),
                err=True,
            )
    return prepared
