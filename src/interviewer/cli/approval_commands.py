"""``interviewer approval``, ``key``, ``codelist`` and ``replace``: member check and
pseudonymisation on the command line. Thin: parse, call ``interviewer.membercheck`` and
``interviewer.pseudonym``, print one line per result; errors are one line, no traceback.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import click

from interviewer import paths
from interviewer.cli.common import (
    data_dir_from,
    data_dir_option,
    fail,
    lang_from,
    lang_option,
    load_session,
    open_store,
)
from interviewer.i18n import resolve_language, translate

DATE = click.DateTime(["%Y-%m-%d"])


def _today_option(func: Any) -> Any:
    """Hidden ``--today YYYY-MM-DD``: lets tests (and demos) move the calendar."""
    return click.option("--today", "today", type=DATE, default=None, hidden=True)(func)


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def _book(ctx: click.Context) -> Any:
    from interviewer.membercheck.storage import ApprovalBook

    return ApprovalBook(data_dir_from(ctx))


def _replacements(ctx: click.Context) -> Any:
    from interviewer.pseudonym.storage import load_replacements

    try:
        return load_replacements(data_dir_from(ctx))
    except ValueError as exc:
        fail(str(exc))


def _lang(ctx: click.Context, session: Any = None) -> str:
    return resolve_language(lang_from(ctx), session.protocol.language if session else None)


def _say(ctx: click.Context, key: str, session: Any = None, **values: object) -> None:
    click.echo(translate(key, _lang(ctx, session), **values))


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
    help="Answer wanted by this date (YYYY-MM-DD; default: in 14 days). After it the "
    "transcript is used as it was.",
)
@click.option(
    "--channel",
    type=click.Choice(("email", "post", "hand", "other")),
    default="email",
    show_default=True,
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder for the document to send (default: ./exports).",
)
@click.option("--timestamps", is_flag=True, help="Show the session time before each question.")
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
    today: dt.datetime | None,
) -> None:
    """Export the transcript for approval and record it as sent (the exact copy is kept)."""
    from interviewer.export.registry import FORMATS, export_file_name, write_file_atomic
    from interviewer.membercheck.workflow import MemberCheckError, send

    store = open_store(ctx)
    session = load_session(store, session_id)
    try:
        record, rendered, prepared = send(
            _book(ctx),
            session,
            deadline=_date(deadline),
            channel=channel,
            lang=lang_from(ctx),
            replacements=_replacements(ctx),
            timestamps=timestamps,
            today=_date(today),
        )
    except MemberCheckError as exc:
        fail(str(exc))
    folder = Path(out).expanduser() if out else paths.default_export_dir()
    name = export_file_name(FORMATS["transcript-docx"], [prepared])
    try:
        path = write_file_atomic(folder, name, rendered.docx)
    except OSError as exc:
        fail(f"cannot write {name} to {folder}: {exc.strerror or exc}")
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
    for address in _contacts(store, session):
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
@click.option("--channel", type=click.Choice(("email", "phone")), required=True)
@click.option("--deadline", type=DATE, default=None, help="Move the deadline to this date.")
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
    """Record a reminder sent by e-mail or made by phone."""
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
        fail(str(exc))
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
    """Import the returned FILE.docx: compare it with the version sent, report the changes."""
    from interviewer.export.registry import write_file_atomic
    from interviewer.membercheck.diff import Change
    from interviewer.membercheck.workflow import MemberCheckError, receive

    session = load_session(open_store(ctx), session_id)
    book = _book(ctx)
    try:
        data = Path(file).read_bytes()
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")
    try:
        record, comparison, returned = receive(
            book, session.id, data, original_name=Path(file).name
        )
    except MemberCheckError as exc:
        fail(str(exc))
    lang = _lang(ctx, session)
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
        click.echo(f"  {number:>4}  {kind:<11} {short}")
    folder = book.files_dir(session.id)
    written = [folder / returned.report_docx, folder / returned.report_md]
    if out:
        target = Path(out).expanduser()
        written = [
            write_file_atomic(target, f"{_stem(record)}_{p.name}", p.read_bytes()) for p in written
        ]
    for path in written:
        _say(ctx, "membercheck.cli.report", session, path=str(path))


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
    """Make the transcript final: the returned text, or the sent one after the deadline."""
    from interviewer.membercheck.exporting import state_label
    from interviewer.membercheck.workflow import MemberCheckError, accept

    session = load_session(open_store(ctx), session_id)
    try:
        record = accept(_book(ctx), session.id, changes=changes, note=note, today=_date(today))
    except MemberCheckError as exc:
        fail(str(exc))
    label = state_label(record, dt.date.today(), _lang(ctx, session))
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
    lang = resolve_language(lang_from(ctx))
    try:
        rows = overview_rows(store.list(case=case), _book(ctx), day, lang)
    except ValueError as exc:
        fail(str(exc))
    if not rows:
        _say(ctx, "membercheck.cli.none")
        return
    click.echo(click.style(overview_header(lang), bold=True))
    for row in rows:
        line = row.line()
        overdue = row.record is not None and is_overdue(row.record, day)
        click.echo(click.style(line, fg="red", bold=True) if overdue else line)


@approval_group.command("show")
@click.argument("session_id", metavar="ID")
@data_dir_option
@click.pass_context
def show_command(ctx: click.Context, session_id: str) -> None:
    """The audit trail of one session's member check."""
    session = load_session(open_store(ctx), session_id)
    try:
        record = _book(ctx).get(session.id)
    except ValueError as exc:
        fail(str(exc))
    if record is None:
        _say(ctx, "membercheck.cli.not_sent", session, code=session.respondent)
        return
    click.echo(f"{record.respondent} ({record.case}): {record.state.value}")
    for event in record.events:
        click.echo(f"  {event.at.isoformat(timespec='minutes')}  {event.kind:<9} {event.detail}")


# --- key file --------------------------------------------------------------------------------
@click.group("key")
def key_group() -> None:
    """The key file: who is behind each code (never exported unless asked)."""


def _key_rows(ctx: click.Context, case: str | None) -> list[dict[str, str]]:
    from interviewer.pseudonym.keys import key_rows

    store = open_store(ctx)
    try:
        return key_rows(store, case=case)
    except ValueError as exc:
        fail(str(exc))
    return []


@key_group.command("show")
@click.option("--case", default=None, help="Only this case.")
@data_dir_option
@click.pass_context
def key_show_command(ctx: click.Context, case: str | None) -> None:
    """Print the key file: code, case, name, function, contact."""
    from interviewer.pseudonym.keys import format_table

    rows = _key_rows(ctx, case)
    if not rows:
        _say(ctx, "membercheck.cli.no_keys")
        return
    click.echo(format_table(rows))


@key_group.command("export")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False),
    help="File to write (.json or .csv). Holds real names: keep it safe.",
)
@click.option("--case", default=None, help="Only this case.")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@data_dir_option
@click.pass_context
def key_export_command(ctx: click.Context, out: str, case: str | None, force: bool) -> None:
    """Write the key file (real names) to FILE, only on this explicit request (mode 0600)."""
    from interviewer.pseudonym.keys import render_keys
    from interviewer.pseudonym.private_files import write_private

    target = Path(out).expanduser()
    if target.exists() and not force:
        fail(f"{target} exists; use --force to replace it")
    rows = _key_rows(ctx, case)
    data = render_keys(rows, "csv" if target.suffix.lower() == ".csv" else "json")
    try:
        write_private(target, data)
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror or exc}")
    _say(ctx, "membercheck.cli.key_written", path=str(target), count=len(rows))


# --- code list -------------------------------------------------------------------------------
@click.command("codelist")
@click.option("--case", "cases", multiple=True, help="Case; repeat for several (default: all).")
@click.option(
    "--format", "fmt", type=click.Choice(("md", "csv", "docx")), default="md", show_default=True
)
@click.option(
    "--out", type=click.Path(file_okay=False), default=None, help="Folder (default: ./exports)."
)
@click.option("--force", is_flag=True, help="Replace an existing file.")
@data_dir_option
@lang_option
@click.pass_context
def codelist_command(
    ctx: click.Context, cases: tuple[str, ...], fmt: str, out: str | None, force: bool
) -> None:
    """The anonymised respondent code list (code + role per case) for publication."""
    from interviewer.export.registry import write_file_atomic
    from interviewer.export.text import safe_name_part
    from interviewer.pseudonym.codelist import WRITERS, code_groups

    store = open_store(ctx)
    summaries = [s for c in cases for s in store.list(case=c)] if cases else store.list()
    if not summaries:
        fail(f"no sessions in case {cases[0]!r}" if cases else "no sessions")
    sessions = [load_session(store, s.id) for s in summaries]
    replacements = _replacements(ctx)
    lang = _lang(ctx, sessions[0])
    for case in dict.fromkeys(s.case for s in sessions):
        if replacements.apply(case) == case:
            click.echo(translate("membercheck.cli.case_not_replaced", lang, case=case), err=True)
    groups = code_groups(sessions, replacements)
    stream = io.BytesIO()
    WRITERS[fmt](groups, stream, lang)
    lead = groups[0].case if len(groups) == 1 else "study"
    name = f"{safe_name_part(lead)}_codelist.{fmt}"
    folder = Path(out).expanduser() if out else paths.default_export_dir()
    try:
        path = write_file_atomic(folder, name, stream.getvalue(), force=force)
    except OSError as exc:
        fail(f"cannot write {name} to {folder}: {exc.strerror or exc}")
    click.echo(str(path))


# --- replacement list ------------------------------------------------------------------------
@click.group("replace")
def replace_group() -> None:
    """The replacement list: real names -> pseudonyms, applied to every export."""


@replace_group.command("add")
@click.argument("name")
@click.argument("pseudonym")
@click.option(
    "--kind",
    type=click.Choice(("person", "team", "place", "organisation", "other")),
    default="other",
    show_default=True,
)
@data_dir_option
@lang_option
@click.pass_context
def replace_add_command(ctx: click.Context, name: str, pseudonym: str, kind: str) -> None:
    """Replace NAME (whole word, any case) by PSEUDONYM in every export."""
    from interviewer.pseudonym.storage import save_replacements

    current = _replacements(ctx)
    try:
        updated = current.with_entry(name, pseudonym, kind)  # type: ignore[arg-type]
    except ValueError as exc:
        fail(str(exc))
    save_replacements(data_dir_from(ctx), updated)
    _say(ctx, "membercheck.cli.replace_added", count=len(updated.entries))


@replace_group.command("remove")
@click.argument("name")
@data_dir_option
@lang_option
@click.pass_context
def replace_remove_command(ctx: click.Context, name: str) -> None:
    """Take NAME off the replacement list."""
    from interviewer.pseudonym.storage import save_replacements

    try:
        updated = _replacements(ctx).without(name)
    except KeyError:
        fail(f"{name!r} is not on the replacement list")
    save_replacements(data_dir_from(ctx), updated)
    _say(ctx, "membercheck.cli.replace_removed", count=len(updated.entries))


@replace_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@data_dir_option
@lang_option
@click.pass_context
def replace_list_command(ctx: click.Context, as_json: bool) -> None:
    """The replacement list (it holds real names: it is never exported)."""
    entries = _replacements(ctx).entries
    if as_json:
        payload = [{"name": e.name, "pseudonym": e.pseudonym, "kind": e.kind} for e in entries]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not entries:
        _say(ctx, "membercheck.cli.replace_empty")
        return
    width = max(len(e.name) for e in entries)
    for entry in entries:
        click.echo(f"{entry.name:<{width}}  ->  {entry.pseudonym}  ({entry.kind})")


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
    lang = _lang(ctx, sessions[0] if sessions else None)
    try:
        prepared = export_options(data_dir, sessions, options)
        pending = (
            not_ready(ApprovalBook(data_dir), sessions) if CODING_FORMATS & set(formats) else []
        )
    except ValueError as exc:
        fail(str(exc))
    for item in pending:
        state = translate(f"membercheck.state.{item.state.value}", lang)
        deadline = item.deadline.isoformat() if item.deadline else "-"
        key = "membercheck.cli.refuse" if approved_only else "membercheck.cli.warn"
        click.echo(
            translate(
                key,
                lang,
                code=item.session.respondent,
                case=item.session.case,
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
                    name=name,
                    count=count,
                    pseudonym=entry.pseudonym if entry else "?",
                ),
                err=True,
            )
    return prepared
