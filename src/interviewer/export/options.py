"""Options every exporter accepts (one frozen value, so the CLI and the TUI pass the same)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from interviewer.domain.analysis import StudyAnalysis
    from interviewer.domain.session import Session
    from interviewer.pseudonym.replace import ReplacementList
    from interviewer.transcript.model import Transcript

Layout = Literal["margin", "two-column"]
LAYOUTS: tuple[str, ...] = ("margin", "two-column")
StampStyle = Literal["maxqda", "bracket"]
STAMPS: tuple[str, ...] = ("maxqda", "bracket", "none")
"""Choices for verbatim time stamps; 'none' is ``stamps=None``."""

FINAL_TEXT_FORMATS = frozenset({"coding-docx", "qdpx", "matrix-docx", "matrix-csv", "matrix-xlsx"})
"""Formats for analysis: they use the accepted final transcript text when there is one
(``ExportOptions.final_sessions``). Here, below the registry and the verbatim export that
both read it."""


@dataclass(frozen=True)
class ExportOptions:
    """How to export.

    ``lang`` overrides the protocol's language for document texts; ``timestamps`` adds the
    session time before each question; ``layout`` picks the coding document's layout;
    ``force`` lets ``write_export`` replace existing files instead of adding -2, -3.
    Member check (``interviewer.membercheck.exporting.export_options`` fills these):
    ``replacements`` is applied to every format's text; ``final_sessions`` (session id ->
    session with the accepted final text) is used by the coding formats; ``approval``
    (session id -> state in words) becomes a case variable in the matrix and the project.
    Verbatim (``interviewer.export.verbatim.verbatim_options`` fills ``transcripts``):
    ``verbatim`` prints the recording's transcript per question, the notes as interviewer
    memo, in the transcript, coding and REFI-QDA formats; ``stamps`` is the time stamp
    style of its segments ('maxqda', 'bracket' or None); ``transcripts`` maps session id to
    its ``Transcript``.
    """

    lang: str | None = None
    timestamps: bool = False
    layout: Layout = "margin"
    force: bool = False
    replacements: ReplacementList | None = None
    final_sessions: Mapping[str, Session] | None = None
    approval: Mapping[str, str] | None = None
    unapproved: Mapping[str, str] | None = None
    """Session id -> approval state in words, for the sessions whose transcript is not
    approved: marked in the matrices' headers, the coding document and the project."""
    verbatim: bool = False
    stamps: StampStyle | None = "bracket"
    transcripts: Mapping[str, Transcript] | None = None
    csv_sep: str | None = None
    """Field separator of the CSV matrices; None: ';' for Dutch, ',' for English."""
    analysis: Mapping[str, StudyAnalysis] | None = None
    """Study (protocol id) -> its analysis (conclusions, keywords, key sentences), from the
    data folder (``store.analysis``; ``membercheck.exporting.export_options`` fills it)."""
    paper: str | None = None
    """'a4' or 'letter' for the Word and Excel documents (``--paper``); None: the protocol's
    ``paper`` setting, else A4 (``export.page.page_setup``)."""
