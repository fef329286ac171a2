"""Data matrices as Word documents: landscape, header rows repeated on every page.

The case matrix ends with two charts (``matrix_charts``): planned against actual minutes
per topic per respondent, and the coverage of the characteristics per respondent."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from docx.shared import Pt

from interviewer.domain.session import Session
from interviewer.export import docx_tools
from interviewer.export.analysis_export import study_analysis
from interviewer.export.matrix import CaseMatrix, CompareMatrix, case_matrix, compare_matrix
from interviewer.export.matrix_charts import add_charts
from interviewer.export.options import ExportOptions
from interviewer.export.page import PageSetup, page_setup
from interviewer.export.text import clean_line
from interviewer.i18n import translate

FIRST_COLUMNS_SHARE = (0.11, 0.09)
"""Width shares of the Variabele and Kenmerk columns; respondents share the rest."""


def _table(doc: Any, rows: Sequence[Sequence[str]], shares: Sequence[float]) -> Any:
    """A grid table with a bold header row and the given column width shares.

    Rows are appended in constant time each (``docx_tools.GrowingTable``): a case of many
    respondents and characteristics makes a long table."""
    table = docx_tools.BodyAppender(doc).add_table(rows=0, cols=len(rows[0]), style="Table Grid")
    for n, values in enumerate(rows):
        cells = table.append_row()
        for cell, value in zip(cells, values, strict=True):
            docx_tools.set_cell(cell, value, bold=n == 0)
    docx_tools.set_column_widths(table, doc, shares)
    return table


def _shares(columns: int, fixed: Sequence[float]) -> list[float]:
    rest = max(0.0, 1.0 - sum(fixed))
    others = columns - len(fixed)
    return [*fixed, *([rest / others] * others)] if others else list(fixed)


def render_case(doc: Any, matrix: CaseMatrix) -> None:
    """Add one case's title, legend, main table, 'Overige' table and time table."""
    doc.add_heading(clean_line(matrix.title), level=1)
    doc.add_paragraph(clean_line(matrix.legend))
    rows = matrix.main_rows()
    width = len(matrix.header)
    table = _table(doc, rows, _shares(width, FIRST_COLUMNS_SHARE))
    for block, index in enumerate(matrix.interim_indices()):
        row = table.rows[index]
        merged = row.cells[0].merge(row.cells[width - 1])
        docx_tools.set_cell(merged, matrix.interim_label, bold=True)
        text = matrix.interim(block)
        for line in text.split("\n") if text else ():
            docx_tools.add_text(merged, line)
        if not text:
            docx_tools.writing_space(row)
    doc.add_paragraph()
    _table(doc, matrix.other_table(), _shares(len(matrix.other_header), (0.25,)))
    doc.add_paragraph()
    doc.add_heading(clean_line(_time_title(matrix)), level=2)
    _table(doc, matrix.time_table(), _shares(len(matrix.time_header), (0.25,)))


def _time_title(matrix: CaseMatrix) -> str:
    return translate("export.matrix.time_title", matrix.lang)


def render_compare(doc: Any, matrix: CompareMatrix) -> None:
    """Add the comparative matrix and the yes/no summary."""
    doc.add_heading(clean_line(matrix.title), level=1)
    table = _table(doc, matrix.table(), (0.2, 0.8))
    for n, row in enumerate(list(table.rows)[1:]):
        if not matrix.text(n):
            docx_tools.writing_space(row, cm=3.0)
    if matrix.answers_rows:
        doc.add_paragraph()
        doc.add_heading(clean_line(matrix.answers_title), level=2)
        answers = [matrix.answers_header, *matrix.answers_rows]
        _table(doc, answers, _shares(len(matrix.answers_header), FIRST_COLUMNS_SHARE))


def _finish(doc: Any, stream: IO[bytes]) -> None:
    docx_tools.landscape(doc)
    docx_tools.repeat_table_headers(doc)
    docx_tools.save(doc, stream)


def _new(title: str, lang: str, setup: PageSetup) -> Any:
    doc = docx_tools.new_document(title, lang, font_size=9, setup=setup)
    docx_tools.landscape(doc)
    doc.styles["Normal"].font.size = Pt(9)
    return doc


def write_matrix_docx(
    sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions
) -> None:
    """The matrix of the case of ``sessions`` (all of one case) as a landscape .docx."""
    analysis = study_analysis(options, sessions[0].protocol.id) if sessions else None
    matrix = case_matrix(
        sessions, options.lang, options.approval, options.unapproved, analysis=analysis
    )
    setup = page_setup(sessions[0].protocol, options, sessions=sessions, subject=matrix.case)
    doc = _new(matrix.title, matrix.lang, setup)
    render_case(doc, matrix)
    add_charts(doc, sessions, matrix.case, matrix.lang)
    _finish(doc, stream)


def write_compare_docx(
    sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions
) -> None:
    """The comparative matrix over the cases of ``sessions`` as a landscape .docx."""
    analysis = study_analysis(options, sessions[0].protocol.id) if sessions else None
    matrix = compare_matrix(sessions, options.lang, analysis=analysis)
    setup = page_setup(sessions[0].protocol, options, sessions=sessions, subject="")
    doc = _new(matrix.title, matrix.lang, setup)
    render_compare(doc, matrix)
    _finish(doc, stream)
