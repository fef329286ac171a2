"""The table of export formats and the one entry point that writes them: ``write_export``.

Exporters are pure functions ``(sessions or session, stream, options) -> None``; this module
owns everything about files: names from case, respondent code and format (sanitised), the
export folder (0700), atomic writes (temp file in the same folder, fsync, rename, fsync the
folder; files 0600) and collisions. **An existing file is never overwritten silently:** the
new file gets ``-2``, ``-3``, ... before its extension, unless ``ExportOptions.force`` is set,
in which case the file is replaced. The CLI and the TUI both call ``write_export``.

Exporter modules are imported only when their format is used, so listing formats (the CLI's
help, the TUI's dialog) does not import python-docx, openpyxl or lxml.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from interviewer import paths
from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.session import Session
from interviewer.export.options import FINAL_TEXT_FORMATS, ExportOptions
from interviewer.export.text import safe_name_part
from interviewer.i18n import translate
from interviewer.i18n.errors import TranslatableValueError
from interviewer.progress import Progress, tell
from interviewer.store.atomic import fsync_dir

Scope = Literal["session", "project", "case", "compare"]
DocumentKind = Literal["guide", "letter"]
"""The documents made from a protocol alone (``write_protocol_document``)."""
DocumentFormat = Literal["docx", "md"]


class ExportError(TranslatableValueError):
    """A clear, one-line reason an export cannot be written.

    Raised with a message key (``str()`` is English); the CLI and the TUI say it in the
    interface language. An exporter's own error is quoted with ``export.error.detail``, so a
    keyed one keeps its translation.
    """


@dataclass(frozen=True)
class ExportFormat:
    """One output: its name, file extension, scope and the function that writes it.

    ``scope``: ``session`` writes one file per session; ``project`` one file for all sessions
    (REFI-QDA); ``case`` one file per case; ``compare`` one file over all cases.
    """

    name: str
    suffix: str
    scope: Scope
    target: str
    """'module:function' of the writer."""
    label: str
    """The format's part of the file name."""
    description: str

    def writer(self) -> Callable[..., None]:
        """Import and return the writer function."""
        module_name, attr = self.target.split(":")
        return getattr(importlib.import_module(module_name), attr)


_X = "interviewer.export."
FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("transcript-docx", ".docx", "session",
                     _X + "transcript_docx:write_transcript_docx", "transcript",
                     "Transcript for the respondent's approval (Word, line numbers)"),
        ExportFormat("transcript-md", ".md", "session",
                     _X + "transcript_md:write_transcript_md", "transcript",
                     "Transcript for the respondent's approval (Markdown, numbered lines)"),
        ExportFormat("coding-docx", ".docx", "session",
                     _X + "coding_docx:write_coding_docx", "coding",
                     "Coding-ready Word document (headings, speaker codes, colours)"),
        ExportFormat("qdpx", ".qdpx", "project", _X + "qdpx:write_qdpx", "project",
                     "REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder"),
        ExportFormat("qdc", ".qdc", "project", _X + "qdpx:write_qdc", "codebook",
                     "REFI-QDA codebook alone"),
        ExportFormat("json", ".json", "session", _X + "portable_json:write_json", "session",
                     "Portable JSON, the session as stored (re-import with 'interviewer import')"),
        ExportFormat("json-shared", ".json", "session", _X + "portable_json:write_json_shared",
                     "shared", "Pseudonymised portable JSON for sharing (never imported over "
                     "the original)"),
        ExportFormat("matrix-docx", ".docx", "case", _X + "matrix_docx:write_matrix_docx",
                     "matrix", "Data matrix per case (Word, landscape)"),
        ExportFormat("matrix-csv", ".csv", "case", _X + "matrix_tabular:write_matrix_csv",
                     "matrix", "Data matrix per case (CSV)"),
        ExportFormat("matrix-xlsx", ".xlsx", "case", _X + "matrix_tabular:write_matrix_xlsx",
                     "matrix", "Data matrix per case (Excel)"),
        ExportFormat("compare-docx", ".docx", "compare", _X + "matrix_docx:write_compare_docx",
                     "compare", "Comparative matrix over cases (Word)"),
        ExportFormat("compare-csv", ".csv", "compare", _X + "matrix_tabular:write_compare_csv",
                     "compare", "Comparative matrix over cases (CSV)"),
        ExportFormat("compare-xlsx", ".xlsx", "compare",
                     _X + "matrix_tabular:write_compare_xlsx", "compare",
                     "Comparative matrix over cases (Excel)"),
        ExportFormat("frame-docx", ".docx", "case", _X + "analysis_frame:write_frame_docx",
                     "frame", "Analysis frame per case: keywords, key sentences per code (Word)"),
        ExportFormat("frame-xlsx", ".xlsx", "case", _X + "analysis_frame:write_frame_xlsx",
                     "frame", "Analysis frame per case: keywords, key sentences per code (Excel)"),
    )
}  # fmt: skip
"""Every export format by name."""

SESSION_FORMATS: tuple[str, ...] = (
    "transcript-docx",
    "transcript-md",
    "coding-docx",
    "qdpx",
    "json",
)
"""The formats of ``interviewer export --all-formats`` (the issue's list)."""


def get_format(name: str) -> ExportFormat:
    """The format called ``name``; ExportError naming the valid ones otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ExportError(
            "export.error.not_a_format", name=name, choices=", ".join(FORMATS)
        ) from None


def format_label(name: str, lang: str) -> str:
    """The translated name of a format, for the TUI's export dialog."""
    get_format(name)
    return translate(f"export.format.{name}", lang)


def export_file_name(fmt: ExportFormat, sessions: Sequence[Session]) -> str:
    """The file name (without collision suffix) for ``sessions`` in ``fmt``."""
    first = sessions[0]
    if fmt.scope == "session":
        parts = [first.case, first.respondent, fmt.label]
    elif fmt.scope == "case":
        parts = [first.case, fmt.label]
    else:
        cases = {s.case for s in sessions}
        lead = first.case if len(cases) == 1 else first.protocol.id
        parts = [lead, fmt.label]
    return "_".join(safe_name_part(p) for p in parts) + fmt.suffix


def _candidates(target: Path) -> list[Path]:
    return [
        target,
        *(target.with_name(f"{target.stem}-{n}{target.suffix}") for n in range(2, 1000)),
    ]


def write_file_atomic(folder: Path, name: str, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` as ``folder/name`` atomically (0600) and return the path used.

    Without ``force`` an existing file is kept and ``name-2.ext``, ``name-3.ext``... is used;
    the final rename uses a hard link, which fails rather than replace a file that appeared
    meanwhile (falling back to a checked rename where links are not supported).
    """
    if not folder.is_dir():
        # New folders are private; an existing folder (say ~/Documents) is left as it is.
        paths.ensure_private_dir(folder)
    fd, tmp_name = tempfile.mkstemp(prefix=".export-", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        if force:
            os.replace(tmp, folder / name)
            fsync_dir(folder)
            return folder / name
        for candidate in _candidates(folder / name):
            if candidate.exists():
                continue
            try:
                os.link(tmp, candidate)
            except FileExistsError:
                continue
            except OSError:
                os.replace(tmp, candidate)
            fsync_dir(folder)
            return candidate
        raise ExportError("export.error.too_many_files", name=name, folder=folder)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def render(fmt: ExportFormat, sessions: Sequence[Session], options: ExportOptions) -> bytes:
    """The bytes of one output of ``fmt`` for ``sessions`` (one session for 'session' scope)."""
    stream = io.BytesIO()
    writer = fmt.writer()
    if fmt.scope == "session":
        writer(sessions[0], stream, options)
    else:
        writer(list(sessions), stream, options)
    return stream.getvalue()


AS_STORED_FORMATS = frozenset({"json"})
"""Formats that are the session exactly as stored: no final text, no replacement list (what
``import --replace`` restores must be the real notes; ``json-shared`` is the shared copy)."""


def prepare_sessions(
    fmt: ExportFormat, sessions: Sequence[Session], options: ExportOptions
) -> list[Session]:
    """The sessions as exported: final texts for analysis formats, replacement list applied
    (except to the formats that are the session as stored)."""
    prepared = list(sessions)
    if fmt.name in AS_STORED_FORMATS:
        return prepared
    if options.final_sessions and fmt.name in FINAL_TEXT_FORMATS:
        prepared = [options.final_sessions.get(s.id, s) for s in prepared]
    if options.replacements:
        from interviewer.pseudonym.session import pseudonymise_session

        prepared = [pseudonymise_session(s, options.replacements) for s in prepared]
    return prepared


def _groups(fmt: ExportFormat, sessions: Sequence[Session]) -> list[list[Session]]:
    if fmt.scope == "session":
        return [[s] for s in sessions]
    if fmt.scope == "case":
        by_case: dict[str, list[Session]] = {}
        for session in sessions:
            by_case.setdefault(session.case, []).append(session)
        return list(by_case.values())
    return [list(sessions)]


def write_export(
    sessions: Sequence[Session],
    fmt: str,
    out_dir: Path | str,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Export ``sessions`` in format ``fmt`` into ``out_dir``; return the files written.

    Raises ExportError (a ValueError) with a one-line reason: unknown format, no sessions,
    sessions of different protocols where one project is needed, a folder we cannot write.
    ``progress`` hears of each file written (one per session, case or project).
    """
    options = options or ExportOptions()
    export_format = get_format(fmt)
    if not sessions:
        raise ExportError("export.error.nothing")
    if export_format.scope != "session":
        protocols = {s.protocol.id for s in sessions}
        if len(protocols) > 1:
            raise ExportError(
                "export.error.one_protocol", fmt=fmt, protocols=", ".join(sorted(protocols))
            )
    folder = Path(out_dir).expanduser()
    written: list[Path] = []
    if options.verbatim:
        from interviewer.export.verbatim import prepare_transcripts

        try:
            options = prepare_transcripts(fmt, sessions, options)
        except ValueError as exc:
            raise ExportError("export.error.detail", error=exc) from None
    sessions = prepare_sessions(export_format, sessions, options)
    groups = _groups(export_format, sessions)
    tell(progress, 0, len(groups))
    for done, group in enumerate(groups, start=1):
        try:
            data = render(export_format, group, options)
        except ValueError as exc:
            raise ExportError("export.error.detail", error=exc) from None
        name = export_file_name(export_format, group)
        try:
            written.append(write_file_atomic(folder, name, data, force=options.force))
        except PermissionError:
            raise ExportError("export.error.permission", folder=folder) from None
        except OSError as exc:
            raise ExportError(
                "export.error.cannot_write", name=name, folder=folder, error=exc.strerror or exc
            ) from None
        tell(progress, done, len(groups))
    return written


def write_protocol_document(
    protocol: InterviewProtocol,
    kind: DocumentKind,
    fmt: DocumentFormat,
    out_dir: Path | str,
    *,
    lang: str | None = None,
    force: bool = False,
    paper: str | None = None,
) -> Path:
    """Write the interview guide or the invitation letter of a protocol; return the path.

    ``paper`` ('a4' or 'letter', Word only) overrides the protocol's ``paper`` setting."""
    if kind not in ("guide", "letter") or fmt not in ("docx", "md"):
        raise ExportError("export.error.not_document", kind=kind, fmt=fmt)
    module = importlib.import_module(f"interviewer.export.{kind}")
    writer = getattr(module, f"write_{kind}_{fmt}")
    stream = io.BytesIO()
    if fmt == "docx":
        writer(protocol, stream, lang, paper=paper)
    else:
        writer(protocol, stream, lang)
    name = f"{safe_name_part(protocol.id)}_{kind}.{fmt}"
    try:
        return write_file_atomic(Path(out_dir).expanduser(), name, stream.getvalue(), force=force)
    except OSError as exc:
        raise ExportError(
            "export.error.cannot_write", name=name, folder=out_dir, error=exc.strerror or exc
        ) from None
