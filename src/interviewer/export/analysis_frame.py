"""The analysis frame of a case (seed 003, Bijlage 3 "Analysekader interviews"), Word and Excel.

Seed 003 coded the printed interviews in the margin and refined each code into keywords
(steekwoorden) and key sentences (kernzinnen) in one frame per team: the team's name, then
a table with one column per code (Proces, Ambitie, Belangen, Relatie, Organisatie,
Effectiviteit). Here the codes are the protocol's variables (its topics, named as the
REFI-QDA codebook names them), the team is the case, and each cell holds what the study's
analysis (``domain.analysis``) has for that variable in that case: the keywords on one
line, then the key sentences, each with the respondent and question it was taken from. So
the frame is the seed's layout, one row per team, filled from what the researcher wrote in
the app; exporting again after an edit gives the new text.

One file per case (scope ``case``, like the data matrix): ``Borne_frame.docx``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO

from interviewer.domain.session import Session
from interviewer.export import docx_tools
from interviewer.export.analysis_export import respondent_codes, study_analysis, variable_text
from interviewer.export.matrix_tabular import _sheet
from interviewer.export.options import ExportOptions
from interviewer.export.page import page_setup
from interviewer.export.registry import ExportError
from interviewer.export.text import clean_line
from interviewer.export.xlsx_tools import finish_workbook, new_workbook
from interviewer.i18n import Translator, document_language

CASE_COLUMN_SHARE = 0.1
"""Width share of the case column in Word; the codes share the rest."""


@dataclass(frozen=True)
class FrameTable:
    """One case's analysis frame, ready to render."""

    case: str
    lang: str
    title: str
    legend: str
    header: tuple[str, ...]
    """The case column's header, then one code (variable) per column."""
    rows: tuple[tuple[str, ...], ...]
    """One row per team: its name, then per code the keywords and key sentences."""

    def table(self) -> list[tuple[str, ...]]:
        """The frame as rows, header first."""
        return [self.header, *self.rows]


def frame_table(sessions: Sequence[Session], options: ExportOptions) -> FrameTable:
    """The analysis frame of the case of ``sessions`` (all of one case)."""
    if not sessions:
        raise ExportError("export.error.matrix_empty")
    protocol = sessions[0].protocol
    lang = document_language(protocol, options.lang)
    t = Translator(lang)
    case = sessions[0].case
    analysis = study_analysis(options, protocol.id)
    codes = respondent_codes(sessions)
    cells = tuple(
        variable_text(analysis, case, topic.id, codes, t).frame_text(t) for topic in protocol.topics
    )
    return FrameTable(
        case=case,
        lang=lang,
        title=t("analysis.frame.title", case=case),
        legend=t("analysis.frame.legend"),
        header=(t("analysis.frame.case"), *(topic.variable for topic in protocol.topics)),
        rows=((case, *cells),),
    )


def write_frame_docx(
    sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions
) -> None:
    """The case's analysis frame as a landscape .docx (header row repeated on every page)."""
    frame = frame_table(sessions, options)
    setup = page_setup(sessions[0].protocol, options, sessions=sessions, subject=sessions[0].case)
    doc = docx_tools.new_document(frame.title, frame.lang, font_size=9, setup=setup)
    docx_tools.landscape(doc)
    doc.add_heading(clean_line(frame.title), level=1)
    doc.add_paragraph(clean_line(frame.legend))
    rows = frame.table()
    table = doc.add_table(rows=0, cols=len(frame.header))
    table.style = "Table Grid"
    for n, values in enumerate(rows):
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            lines = value.split("\n") if value else [""]
            docx_tools.set_cell(cell, lines[0], bold=n == 0)
            for line in lines[1:]:
                docx_tools.add_text(cell, line)
    codes = len(frame.header) - 1
    shares = [CASE_COLUMN_SHARE, *([(1 - CASE_COLUMN_SHARE) / codes] * codes)] if codes else [1]
    docx_tools.set_column_widths(table, doc, shares)
    docx_tools.repeat_table_headers(doc)
    docx_tools.save(doc, stream)


def write_frame_xlsx(
    sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions
) -> None:
    """The case's analysis frame as an XLSX sheet (wrapped, header frozen, nothing cut)."""
    frame = frame_table(sessions, options)
    t = Translator(frame.lang)
    wb = new_workbook()
    rows = [(frame.title,), (frame.legend,), *frame.table()]
    _sheet(wb, t("analysis.frame.sheet"), rows, (16, 40), t, header_row=3)
    setup = page_setup(sessions[0].protocol, options, sessions=sessions, subject=sessions[0].case)
    finish_workbook(wb, frame.title, frame.lang, setup)
    wb.save(stream)
