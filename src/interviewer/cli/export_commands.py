"""``interviewer export``, ``matrix``, ``guide`` and ``letter``: thin wrappers over the registry.

Heavy imports (python-docx, openpyxl, lxml, the store) happen inside the commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from interviewer import paths
from interviewer.cli.approval_commands import prepare_export
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
from interviewer.export.registry import FORMATS, DocumentFormat, DocumentKind
from interviewer.i18n import translate
from interviewer.progress import Progress

LAYOUT_CHOICES = ("margin", "two-column")
EXPORT_FORMATS = tuple(FORMATS)
"""Every format ``export --format`` accepts, from the registry, so the help lists them all."""


PAPER_HELP = "Paper of the Word/Excel documents (default: the protocol's 'paper', else a4)."


def paper_option(func: Any) -> Any:
    """``--paper a4|letter`` (None: the protocol's setting, else A4)."""
    return click.option(
        "--paper", type=click.Choice(("a4", "letter")), default=None, help=PAPER_HELP
    )(func)


def _out_dir(out: str | None) -> Path:
    return Path(out).expanduser() if out else paths.default_export_dir()


def _case_sessions(store: Any, case: str | None) -> list[Any]:
    """Sessions of a case (all sessions when ``case`` is None), loaded in full."""
    from interviewer.domain.session import Session

    items = store.list(case=case) if case is not None else store.list()
    sessions = []
    for item in items:
        if isinstance(item, Session):
            sessions.append(item)
        else:
            sessions.append(load_session(store, getattr(item, "id", item)))
    return sessions


def _report(paths_written: list[Path]) -> None:
    for path in paths_written:
        click.echo(str(path))


@click.command("export")
@click.argument("session_ids", metavar="ID...", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(EXPORT_FORMATS)),
    default=None,
    help="Output format; 'interviewer matrix' writes the matrix-* and compare-* ones too.",
)
@click.option("--all-formats", is_flag=True, help="transcript-docx, transcript-md, coding-docx, "
              "qdpx and json at once.")  # fmt: skip
@click.option("--out", "out", type=click.Path(file_okay=False), default=None,
              help="Folder for the files (default: ./exports).")  # fmt: skip
@click.option("--timestamps", is_flag=True, help="Show the session time before each question.")
@click.option(
    "--layout",
    type=click.Choice(LAYOUT_CHOICES),
    default="margin",
    help="Coding document: line numbers and a wide margin, or text | code columns.",
)
@click.option("--force", is_flag=True, help="Replace existing files instead of adding -2, -3.")
@click.option(
    "--verbatim",
    is_flag=True,
    help="Use the recording's transcript (see 'interviewer "
    "transcript import'): per question the segments, then the notes as memo.",
)
@click.option(
    "--stamps",
    type=click.Choice(("maxqda", "bracket", "none")),
    default="bracket",
    show_default=True,
    help="With --verbatim: time stamps as #00:12:34-5# (MAXQDA, f4), [00:12:34], or none.",
)
@click.option("--approved-only", is_flag=True, help="Refuse coding exports of transcripts that "
              "are not approved and not past their deadline (default: warn).")  # fmt: skip
@paper_option
@data_dir_option
@lang_option
@click.pass_context
def export_command(
    ctx: click.Context,
    session_ids: tuple[str, ...],
    fmt: str | None,
    all_formats: bool,
    out: str | None,
    timestamps: bool,
    layout: str,
    force: bool,
    verbatim: bool,
    stamps: str,
    approved_only: bool,
    paper: str | None,
) -> None:
    """Export sessions ID...: transcript for approval, coding document, REFI-QDA project, JSON."""
    from interviewer.export.options import ExportOptions
    from interviewer.export.registry import (
        SESSION_FORMATS,
        ExportError,
        get_format,
        write_export,
    )

    if not fmt and not all_formats:
        fail_with("cli.choose_format")
    formats = list(SESSION_FORMATS) if all_formats else [fmt or ""]
    try:
        for name in formats:
            get_format(name)
    except ExportError as exc:
        fail_error(exc)
    store = open_store(ctx)
    sessions = [load_session(store, sid) for sid in session_ids]
    # documents are in the sessions' own language (i18n.document_language), not in --lang
    options = ExportOptions(timestamps=timestamps, layout=layout, force=force, paper=paper)  # type: ignore[arg-type]
    options = prepare_export(ctx, sessions, formats, options, approved_only=approved_only)
    if verbatim:
        options = _verbatim(ctx, sessions, formats, options, stamps)
    written = []
    try:
        with progress_bar(translate("progress.export", ui_language(ctx))) as progress:
            for n, name in enumerate(formats):
                # one bar over every format: format n is done when its files are
                step = _within(progress, n, len(formats))
                written += write_export(sessions, name, _out_dir(out), options, progress=step)
    except ExportError as exc:
        _report(written)
        fail_error(exc)
    _report(written)


def _within(progress: Progress | None, part: int, parts: int) -> Progress | None:
    """``progress`` for part ``part`` of ``parts``: its steps fill that part of the bar."""
    if progress is None:
        return None
    bar = progress

    def step(done: float, total: float) -> None:
        bar(part + (done / total if total else 1.0), parts)

    return step


def _verbatim(
    ctx: click.Context, sessions: list[Any], formats: list[str], options: Any, stamps: str
) -> Any:
    """Options with the sessions' transcripts; one line per session without one (exit 1)."""
    import dataclasses

    from interviewer.export.verbatim import VERBATIM_FORMATS, missing_transcript, verbatim_options
    from interviewer.i18n import translate
    from interviewer.transcript.model import TranscriptError

    style = None if stamps == "none" else stamps
    base = dataclasses.replace(options, stamps=style)
    try:
        options = verbatim_options(data_dir_from(ctx), sessions, base)
    except TranscriptError as exc:
        fail_error(exc)
    if not VERBATIM_FORMATS & set(formats):
        return options
    for session in sessions:
        lang = ui_language(ctx, session)
        if session.id not in (options.transcripts or {}):
            fail(missing_transcript(session, lang))
        coding = {"coding-docx", "qdpx"} & set(formats)
        if coding and options.final_sessions and session.id in options.final_sessions:
            click.echo(translate("export.verbatim.final_note", lang, id=session.id), err=True)
    return options


@click.command("matrix")
@click.option("--case", "cases", multiple=True, help="Case name; repeat for several cases.")
@click.option("--compare", is_flag=True, help="The comparative matrix over the cases.")
@click.option("--frame", is_flag=True, help="The analysis frame per case (seed 003): keywords "
              "and key sentences per code; docx or xlsx.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(("docx", "csv", "xlsx")), default="docx",
              show_default=True, help="Word (landscape), CSV or Excel.")  # fmt: skip
@click.option("--out", "out", type=click.Path(file_okay=False), default=None,
              help="Folder for the files (default: ./exports).")  # fmt: skip
@click.option("--force", is_flag=True, help="Replace existing files instead of adding -2, -3.")
@click.option("--csv-sep", "csv_sep", type=click.Choice((";", ",", "tab")), default=None,
              help="CSV field separator (default: ';' for Dutch, ',' for English).")  # fmt: skip
@click.option("--approved-only", is_flag=True, help="Refuse when a transcript is not approved "
              "and not past its deadline (default: warn).")  # fmt: skip
@paper_option
@data_dir_option
@lang_option
@click.pass_context
def matrix_command(
    ctx: click.Context,
    cases: tuple[str, ...],
    compare: bool,
    frame: bool,
    fmt: str,
    out: str | None,
    force: bool,
    csv_sep: str | None,
    approved_only: bool,
    paper: str | None,
) -> None:
    """Data matrix per case (--case C), the comparative matrix (--compare) or the analysis
    frame per case (--case C --frame)."""
    from interviewer.export.options import ExportOptions
    from interviewer.export.registry import ExportError, write_export

    if not cases and not compare:
        fail_with("cli.matrix_needs_case")
    if frame and (compare or fmt == "csv"):
        fail_with("analysis.cli.frame_options")
    store = open_store(ctx)
    sessions: list[Any] = []
    if cases:
        for case in cases:
            found = _case_sessions(store, case)
            if not found:
                fail_with("cli.no_sessions_in_case", case=case)
            sessions.extend(found)
    else:
        sessions = _case_sessions(store, None)
        if not sessions:
            fail_with("cli.nothing_to_compare")
    name = f"{'compare' if compare else 'frame' if frame else 'matrix'}-{fmt}"
    separator = "\t" if csv_sep == "tab" else csv_sep
    base = ExportOptions(force=force, csv_sep=separator, paper=paper)
    options = prepare_export(ctx, sessions, [name], base, approved_only=approved_only)
    try:
        with progress_bar(translate("progress.matrix", ui_language(ctx))) as progress:
            written = write_export(sessions, name, _out_dir(out), options, progress=progress)
    except ExportError as exc:
        fail_error(exc)
    _report(written)


def _protocol(name: str) -> Any:
    from interviewer.protocol.library import find_protocol
    from interviewer.protocol.loader import ProtocolError, load_protocol
    from interviewer.protocol.problems import ProtocolNotFound

    try:
        return load_protocol(find_protocol(name))
    except ProtocolNotFound as exc:  # not found is no error in a protocol: say only that
        fail_error(exc)
    except ProtocolError as exc:
        first = exc.problems[0] if exc.problems else exc
        fail_with("cli.protocol_errors", name=name, detail=getattr(first, "message", first))
    except (FileNotFoundError, LookupError, ValueError) as exc:
        fail_with("cli.protocol_not_found", name=name, error=exc)


def _protocol_document(ctx: click.Context, kind: DocumentKind, name: str, fmt: DocumentFormat,
                       out: str | None, force: bool, paper: str | None = None) -> None:  # fmt: skip
    from interviewer.export.registry import ExportError, write_protocol_document

    protocol = _protocol(name)
    try:
        path = write_protocol_document(
            protocol,
            kind,
            fmt,
            _out_dir(out),
            force=force,
            paper=paper,
        )
    except ExportError as exc:
        fail_error(exc)
    click.echo(str(path))


def _protocol_document_command(kind: DocumentKind, help_text: str) -> click.Command:
    """``guide`` and ``letter``: the same options, one document made from a protocol."""

    @click.command(kind, help=help_text)
    @click.argument("protocol")
    @click.option("--format", "fmt", type=click.Choice(("docx", "md")), default="docx",
                  show_default=True, help="Word, or Markdown to edit further.")  # fmt: skip
    @click.option("--out", "out", type=click.Path(file_okay=False), default=None,
                  help="Folder for the file (default: ./exports).")  # fmt: skip
    @click.option("--force", is_flag=True, help="Replace an existing file.")
    @paper_option
    @lang_option
    @click.pass_context
    def command(
        ctx: click.Context,
        protocol: str,
        fmt: DocumentFormat,  # the click.Choice above
        out: str | None,
        force: bool,
        paper: str | None,
    ) -> None:
        _protocol_document(ctx, kind, protocol, fmt, out, force, paper)

    return command


guide_command = _protocol_document_command(
    "guide", "A printable interview guide (the paper backup) from PROTOCOL (a name or a file)."
)
letter_command = _protocol_document_command(
    "letter", "The invitation letter listing the themes of PROTOCOL (a name or a file)."
)
