"""``interviewer sessions`` and ``interviewer import``: list stored sessions, bring some in."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from interviewer.cli.common import (
    data_dir_option,
    fail,
    fail_error,
    lang_option,
    open_store,
    ui_language,
)

PIPE_WIDTH = 160


@click.command("sessions")
@click.option("--case", "case", default=None, help="Only the sessions of this case.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@data_dir_option
@lang_option
@click.pass_context
def sessions_command(ctx: click.Context, case: str | None, as_json: bool) -> None:
    """List the stored sessions by case, codes in number order (--json: newest first);
    planned sessions, whose clock never started, are marked."""
    from interviewer.i18n import translate
    from interviewer.store import StoreError

    lang = ui_language(ctx)
    store = open_store(ctx)
    try:
        items = store.list(case=case)
    except (StoreError, OSError) as exc:
        fail_error(exc)
    from interviewer.terminal_text import json_printable, printable

    # data never sends control characters to the terminal: they are printed as escapes
    for problem in store.problems:
        shown = printable(problem)
        click.echo(translate("store.sessions.damaged", lang, problem=shown), err=True)
    if as_json:
        text = json.dumps([s.to_json() for s in items], ensure_ascii=False, indent=2)
        click.echo(json_printable(text))
        return
    if not items:
        if case is not None:
            cases = printable(", ".join(store.cases()) or "-")
            click.echo(
                translate("store.sessions.none_case", lang, case=printable(case), cases=cases)
            )
        else:
            click.echo(translate("store.sessions.none", lang, folder=str(store.data_dir)))
        return
    from interviewer.domain.codes import code_sort_key

    # as on the home screen: by case, then respondent codes as numbers (1.2 before 1.10);
    # --json keeps the store's order (newest first) for scripts
    items.sort(key=lambda s: (s.case.casefold(), code_sort_key(s.respondent)))
    _print_table(items, lang, str(store.data_dir))
    _print_newer_copies(store, items, lang)


def _print_newer_copies(store: Any, items: list[Any], lang: str) -> None:
    """One line per session whose newest emergency copy is newer than its saved file."""
    from interviewer.i18n import translate
    from interviewer.store.emergency import (
        file_time,
        newer_emergency_copy,
        newest_emergency_copies,
        shown_time,
    )
    from interviewer.terminal_text import printable

    copies = newest_emergency_copies()
    for item in items:
        path = store.session_path(item.id)
        newer = newer_emergency_copy(item.id, path, copies) if item.id in copies else None
        if newer is None:
            continue
        try:
            stored = shown_time(file_time(path))
        except OSError:
            stored = "-"
        line = translate(
            "store.emergency.newer",
            lang,
            id=item.id,
            case=printable(item.case),
            respondent=printable(item.respondent),
            path=printable(str(newer[0])),
            copy_time=shown_time(newer[1]),
            stored_time=stored,
        )
        click.echo(line, err=True)


def _print_table(items: list[Any], lang: str, folder: str) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from interviewer.i18n import translate
    from interviewer.terminal_text import printable

    def cell(value: object) -> Text:
        """Data as a cell: control characters escaped, and ``[...]`` never read as rich
        markup (a case named "[red]x" is shown as it is)."""
        return Text(printable(value))

    table = Table(
        title=Text(
            translate("store.sessions.title", lang, count=len(items), folder=printable(folder))
        ),
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
        show_edge=False,
    )
    for key, justify in (
        ("id", "left"),
        ("case", "left"),
        ("respondent", "left"),
        ("protocol", "left"),
        ("date", "left"),
        ("status", "left"),
        ("duration", "right"),
        ("words", "right"),
    ):
        table.add_column(
            translate(f"store.col.{key}", lang),
            justify=justify,  # type: ignore[arg-type]
            no_wrap=key in ("id", "date", "status", "duration", "words"),
            min_width=5 if key in ("case", "respondent", "protocol") else None,
            overflow="fold",
        )
    for s in items:
        table.add_row(
            cell(s.id),
            cell(s.case),
            cell(s.respondent),
            cell(s.protocol_title),
            s.date.isoformat(),
            _status(s.status.value, lang),
            translate("word.minutes", lang, n=round(s.duration_minutes)),
            str(s.words),
        )
    # a pipe or file gets a wide table rather than one squeezed into 80 columns
    Console(width=None if sys.stdout.isatty() else PIPE_WIDTH).print(table)
    planned = sum(1 for s in items if s.status.value == "planned")
    if planned:
        status = translate("status.planned", lang)
        click.echo(translate("store.sessions.planned_note", lang, count=planned, status=status))


def _status(value: str, lang: str) -> Any:
    """The status cell; a planned session (clock never started, e.g. left at the
    introduction) stands out, since it holds its respondent code without any interview."""
    from rich.text import Text

    from interviewer.i18n import translate

    shown = translate(f"status.{value}", lang)
    return Text("○ " + shown, style="bold yellow") if value == "planned" else shown


@click.command("import")
@click.argument(
    "files", metavar="FILE...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option(
    "--replace",
    is_flag=True,
    help="Replace a stored session with the same id (e.g. to restore an emergency copy).",
)
@click.option(
    "--force",
    is_flag=True,
    help="With --replace: replace even with a file older than the stored session.",
)
@data_dir_option
@lang_option
@click.pass_context
def import_command(ctx: click.Context, files: tuple[Path, ...], replace: bool, force: bool) -> None:
    """Import sessions from portable JSON files FILE... (made by 'interviewer export ID
    --format json').

    Invalid files and sessions that are already stored are refused with a message; the
    others are imported. The exit status is 1 when any file was refused.
    """
    from interviewer.i18n import translate
    from interviewer.i18n.errors import render_values
    from interviewer.store.importing import import_files

    lang = ui_language(ctx)
    outcomes = import_files(open_store(ctx), files, replace=replace, force=force)
    refused = 0
    for outcome in outcomes:
        line = translate(outcome.message, lang, **render_values(outcome.values, lang))
        if outcome.ok:
            click.echo(line)
        else:
            refused += 1
            click.echo(f"interviewer: error: {line}", err=True)
        for pooled in outcome.analysis:  # the analysis the file carried (docs/analysis.md)
            line = translate(pooled.message, lang, **render_values(pooled.values, lang))
            if pooled.ok:
                click.echo(line)
            else:
                refused += 0 if not outcome.ok else 1
                click.echo(f"interviewer: error: {line}", err=True)
    if refused:
        fail(translate("store.import.summary", lang, refused=refused, total=len(outcomes)))
