"""``interviewer withdraw`` and ``interviewer delete``: remove a session and all kept about it.

Thin: find what will be removed (``interviewer.withdrawal.plan_removal``), show it, ask,
remove it under the session's lock, then list the export files that still hold the
respondent (``interviewer.withdrawal_exports``), which are the researcher's to delete.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from interviewer import paths
from interviewer.cli.common import (
    data_dir_option,
    fail,
    fail_with,
    lang_from,
    lang_option,
    open_store,
)
from interviewer.i18n import resolve_language, translate
from interviewer.i18n.errors import error_message
from interviewer.terminal_text import printable


def _describe(plan: Any, lang: str, folder: Path) -> list[str]:
    """The confirmation text: the session, then one line per kind of thing removed."""
    lines = [
        translate(
            "withdraw.session",
            lang,
            id=plan.session_id,
            case=printable(plan.case),
            respondent=printable(plan.respondent),
            date=plan.date.isoformat(),
        ),
        translate("withdraw.will_remove", lang, folder=str(folder)),
        "  - " + translate("withdraw.item.session", lang, path=plan.session_file.name),
    ]
    if plan.has_key:
        lines.append("  - " + translate("withdraw.item.key", lang))
    if plan.transcript is not None:
        lines.append("  - " + translate("withdraw.item.transcript", lang, path=plan.transcript))
    if plan.recordings:
        count, folder_shown = len(plan.audio_recordings), plan.recordings_folder
        lines.append(
            "  - " + translate("withdraw.item.recordings", lang, count=count, path=folder_shown)
        )
    if plan.approval_files:
        count = len(plan.approval_files)
        lines.append("  - " + translate("withdraw.item.approvals", lang, count=count))
    if plan.emergency_copies:
        count = len(plan.emergency_copies)
        lines.append("  - " + translate("withdraw.item.emergency", lang, count=count))
    lines += [
        "  - " + translate("withdraw.item.other", lang, path=str(p)) for p in plan.other_files
    ]
    return lines


def _report_exports(plan: Any, lang: str, folders: list[Path]) -> None:
    from interviewer.withdrawal_exports import exports_mentioning

    shown = ", ".join(str(f) for f in folders)
    hits = exports_mentioning(folders, plan.session_id, plan.case, plan.respondent)
    if not hits:
        click.echo(translate("withdraw.exports.none", lang, folders=shown))
        return
    click.echo(translate("withdraw.exports.found", lang, count=len(hits), folders=shown))
    for hit in hits:
        line = f"  {printable(hit.path)}"
        if hit.why.startswith("unreadable: "):
            reason = hit.why.removeprefix("unreadable: ")
            line += "  " + translate("withdraw.exports.unreadable", lang, reason=reason)
        click.echo(line)


YES_WORDS = ("y", "yes", "j", "ja")


def _confirmed(question: str, lang: str) -> bool:
    """Ask; only an explicit yes (``y``/``yes``, Dutch ``j``/``ja``) agrees. No answer (end
    of input, a script without ``--yes``) is a no, so nothing is removed by accident."""
    try:
        answer = click.prompt(
            f"{question} {translate('withdraw.prompt_keys', lang)}",
            default="",
            show_default=False,
            prompt_suffix=" ",
        )
    except click.Abort:
        return False
    return answer.strip().casefold() in YES_WORDS


def _remove(
    ctx: click.Context,
    kind: str,
    session_id: str,
    reason: str,
    yes: bool,
    export_dirs: tuple[Path, ...],
) -> None:
    from interviewer.store import SessionLocked, StoreError
    from interviewer.withdrawal import plan_removal, remove_session

    store = open_store(ctx)
    try:
        plan = plan_removal(store, session_id)
    except (StoreError, OSError, ValueError) as exc:
        fail_with("cli.see_sessions", error=exc)
        return
    lang = resolve_language(lang_from(ctx), plan.language)
    for line in _describe(plan, lang, store.data_dir):
        click.echo(line)
    if not yes and not _confirmed(translate(f"withdraw.confirm.{kind}", lang), lang):
        click.echo(translate("withdraw.aborted", lang))
        raise SystemExit(1)
    try:
        result = remove_session(store, plan, kind, reason)  # type: ignore[arg-type]
    except SessionLocked as exc:
        detail = error_message(exc, lang)
        fail(translate("withdraw.error.locked", lang, id=plan.session_id, detail=detail))
        return
    except (StoreError, OSError) as exc:
        detail = getattr(exc, "strerror", None) or error_message(exc, lang)
        fail(translate("withdraw.error.failed", lang, id=plan.session_id, error=detail))
        return
    from interviewer.withdrawal import audit_path

    click.echo(
        translate(
            f"withdraw.done.{kind}",
            lang,
            case=printable(plan.case),
            respondent=printable(plan.respondent),
            count=len(result.removed),
            audit=str(audit_path(store.data_dir)),
        )
    )
    if result.plan.transcript_source:
        name = printable(result.plan.transcript_source)
        click.echo(translate("withdraw.source", lang, name=name))
    _report_exports(plan, lang, list(export_dirs) or [paths.default_export_dir()])


def _options(func: Any) -> Any:
    """The arguments and options both commands share."""
    func = click.option(
        "--exports",
        "export_dirs",
        multiple=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder to search for export files that still hold the respondent; repeat for "
        "several (default: ./exports).",
    )(func)
    func = click.option("--yes", is_flag=True, help="Remove without asking for confirmation.")(func)
    return click.argument("session_id", metavar="ID")(func)


@click.command("withdraw")
@_options
@click.option(
    "--reason",
    default="",
    help="Why, kept in the audit file (no names or contact details, please).",
)
@data_dir_option
@lang_option
@click.pass_context
def withdraw_command(
    ctx: click.Context, session_id: str, yes: bool, export_dirs: tuple[Path, ...], reason: str
) -> None:
    """A respondent withdraws: remove session ID, its key record, transcript, member check
    files and emergency copies, and record the withdrawal (without personal data) in the
    data folder's audit file. Lists the export files that still hold the respondent."""
    _remove(ctx, "withdraw", session_id, reason, yes, export_dirs)


@click.command("delete")
@_options
@click.option(
    "--reason",
    default="",
    help="Why, kept in the audit file (e.g. 'test session', 'duplicate').",
)
@data_dir_option
@lang_option
@click.pass_context
def delete_command(
    ctx: click.Context, session_id: str, yes: bool, export_dirs: tuple[Path, ...], reason: str
) -> None:
    """Delete session ID (a test session, a duplicate) and everything kept about it, as
    'withdraw' does; the audit file records a deletion rather than a withdrawal."""
    _remove(ctx, "delete", session_id, reason, yes, export_dirs)
