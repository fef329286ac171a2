"""``interviewer key``, ``codelist`` and ``replace``: pseudonymisation on the command line.

Thin: parse, call ``interviewer.pseudonym``, print one line per result; errors are one line,
no traceback. The key file and the replacement list never leave the data folder unless asked.
"""

from __future__ import annotations

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
    fail_error,
    fail_with,
    lang_option,
    load_session,
    open_store,
    ui_language,
)
from interviewer.i18n import document_language, translate
from interviewer.terminal_text import json_printable, printable


def replacements_of(ctx: click.Context) -> Any:
    """The study's replacement list (real names -> pseudonyms), or one error line."""
    from interviewer.pseudonym.storage import load_replacements

    try:
        return load_replacements(data_dir_from(ctx))
    except ValueError as exc:
        fail_error(exc)


def _say(ctx: click.Context, key: str, session: Any = None, **values: object) -> None:
    # values are data (names, paths): never a control character to the terminal
    safe = {k: printable(v) if isinstance(v, str) else v for k, v in values.items()}
    click.echo(translate(key, ui_language(ctx, session), **safe))


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
        fail_error(exc)
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
    # each cell is data (names, functions, addresses): escaped before the columns are measured
    click.echo(format_table([{k: printable(v) for k, v in row.items()} for row in rows]))


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
    """Write the key file (real names) to the --out file, only on this explicit request
    (mode 0600)."""
    from interviewer.pseudonym.keys import render_keys
    from interviewer.pseudonym.private_files import write_private

    target = Path(out).expanduser()
    if target.exists() and not force:
        fail_with("cli.file_exists", path=target)
    rows = _key_rows(ctx, case)
    data = render_keys(rows, "csv" if target.suffix.lower() == ".csv" else "json")
    try:
        write_private(target, data)
    except OSError as exc:
        fail_with("cli.cannot_write", path=target, error=exc.strerror or exc)
    _say(ctx, "membercheck.cli.key_written", path=str(target), count=len(rows))


def _add_protect_commands() -> None:
    from interviewer.cli.key_protect_commands import key_protect_command, key_unprotect_command

    key_group.add_command(key_protect_command)
    key_group.add_command(key_unprotect_command)


_add_protect_commands()


# --- code list -------------------------------------------------------------------------------
@click.command("codelist")
@click.option("--case", "cases", multiple=True, help="Case; repeat for several (default: all).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("md", "csv", "docx")),
    default="md",
    show_default=True,
    help="Markdown, CSV or Word.",
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
    from interviewer.export.codelist import WRITERS, code_groups
    from interviewer.export.registry import write_file_atomic
    from interviewer.export.text import safe_name_part

    store = open_store(ctx)
    summaries = [s for c in cases for s in store.list(case=c)] if cases else store.list()
    if not summaries:
        if cases:
            fail_with("cli.no_sessions_in_case", case=cases[0])
        fail_with("cli.no_sessions")
    sessions = [load_session(store, s.id) for s in summaries]
    replacements = replacements_of(ctx)
    lang = ui_language(ctx, sessions[0])
    for case in dict.fromkeys(s.case for s in sessions):
        if replacements.apply(case) == case:
            shown = printable(case)
            click.echo(translate("membercheck.cli.case_not_replaced", lang, case=shown), err=True)
    groups = code_groups(sessions, replacements)
    stream = io.BytesIO()
    WRITERS[fmt](groups, stream, document_language(sessions[0]))
    lead = groups[0].case if len(groups) == 1 else "study"
    name = f"{safe_name_part(lead)}_codelist.{fmt}"
    folder = Path(out).expanduser() if out else paths.default_export_dir()
    try:
        path = write_file_atomic(folder, name, stream.getvalue(), force=force)
    except OSError as exc:
        error = exc.strerror or exc
        fail_with("cli.cannot_write_to", sessions[0], name=name, folder=folder, error=error)
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
    help="What NAME is (shown by 'replace list').",
)
@click.option("--force", is_flag=True, help="Give a name already on the list another pseudonym.")
@data_dir_option
@lang_option
@click.pass_context
def replace_add_command(
    ctx: click.Context, name: str, pseudonym: str, kind: str, force: bool
) -> None:
    """Replace NAME (whole word, any case) by PSEUDONYM in every export."""
    from interviewer.pseudonym.storage import update_replacements

    def add(current: Any) -> Any:  # under the list's lock: parallel adds all land
        before = current.find(name)
        if before is not None and before.pseudonym != pseudonym.strip():
            values = {"name": before.name, "old": before.pseudonym, "new": pseudonym.strip()}
            if not force:  # exports made before and after would disagree: never silently
                fail(translate("replace.exists", ui_language(ctx), **values))
            _say(ctx, "replace.changed", **values)
        return current.with_entry(name, pseudonym, kind)

    try:
        updated = update_replacements(data_dir_from(ctx), add)
    except ValueError as exc:
        fail_error(exc)
    _say(ctx, "membercheck.cli.replace_added", count=len(updated.entries))


@replace_group.command("remove")
@click.argument("name")
@data_dir_option
@lang_option
@click.pass_context
def replace_remove_command(ctx: click.Context, name: str) -> None:
    """Take NAME off the replacement list."""
    from interviewer.pseudonym.storage import update_replacements

    try:
        updated = update_replacements(data_dir_from(ctx), lambda current: current.without(name))
    except KeyError:
        fail_with("cli.not_on_list", name=name)
    except ValueError as exc:
        fail_error(exc)
    _say(ctx, "membercheck.cli.replace_removed", count=len(updated.entries))


@replace_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@data_dir_option
@lang_option
@click.pass_context
def replace_list_command(ctx: click.Context, as_json: bool) -> None:
    """The replacement list (it holds real names: it is never exported)."""
    entries = replacements_of(ctx).entries
    if as_json:
        payload = [{"name": e.name, "pseudonym": e.pseudonym, "kind": e.kind} for e in entries]
        click.echo(json_printable(json.dumps(payload, ensure_ascii=False, indent=2)))
        return
    if not entries:
        _say(ctx, "membercheck.cli.replace_empty")
        return
    names = [printable(e.name) for e in entries]
    width = max(len(n) for n in names)
    for name, entry in zip(names, entries, strict=True):
        click.echo(f"{name:<{width}}  ->  {printable(entry.pseudonym)}  ({printable(entry.kind)})")
