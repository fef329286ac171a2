"""Data matrices for spreadsheet users: CSV (one file, tables one below the other) and XLSX.

XLSX has one sheet per table (matrix, other information, time per topic), landscape print
settings, the header row repeated on every printed page and frozen on screen, wrapped text
and readable column widths. Cell text is sanitised (openpyxl rejects control characters) and
text that starts like a formula is stored as text, never evaluated.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from interviewer.domain.session import Session
from interviewer.export.matrix import CaseMatrix, CompareMatrix, case_matrix, compare_matrix
from interviewer.export.options import ExportOptions
from interviewer.export.text import clean_text
from interviewer.i18n import Translator

FORMULA_START = ("=", "+", "@")


def _csv_value(value: str) -> str:
    text = clean_text(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _write_csv(tables: Sequence[Sequence[Sequence[str]]], stream: IO[bytes]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    for n, table in enumerate(tables):
        if n:
            writer.writerow([])
        for row in table:
            writer.writerow([_csv_value(v) for v in row])
    stream.write(buffer.getvalue().encode("utf-8-sig"))


def case_tables(matrix: CaseMatrix) -> list[list[tuple[str, ...]]]:
    """Title block, main table, 'Overige' table and time table as lists of rows."""
    t = Translator(matrix.lang)
    return [
        [(matrix.title,), (matrix.legend,)],
        matrix.main_rows(),
        [matrix.other_header, *((label, *cells) for label, cells in matrix.other_rows)],
        [
            (t("export.matrix.time_title"),),
            matrix.time_header,
            *((label, *cells) for label, cells in matrix.time_rows),
        ],
    ]


def compare_tables(matrix: CompareMatrix) -> list[list[tuple[str, ...]]]:
    """Title, comparative table and yes/no summary as lists of rows."""
    return [
        [(matrix.title,)],
        [matrix.header, *((label, "") for label in matrix.rows)],
        [(matrix.answers_title,), matrix.answers_header, *matrix.answers_rows],
    ]


def write_matrix_csv(
    sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions
) -> None:
    """One case's matrix as CSV (UTF-8 with BOM so spreadsheet programs read accents)."""
    _write_csv(case_tables(case_matrix(sessions, options.lang, options.approval)), stream)


def write_compare_csv(
    sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions
) -> None:
    """The comparative matrix as CSV."""
    _write_csv(compare_tables(compare_matrix(sessions, options.lang)), stream)


def _sheet(
    wb: Any,
    title: str,
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    header_row: int = 1,
    merge_label: str | None = None,
) -> Any:
    """Add a sheet with rows; header row bold, repeated when printed, frozen on screen."""
    sheet = wb.create_sheet(title=clean_text(title)[:31])
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    for values in rows:
        sheet.append([clean_text(v) for v in values])
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = wrap
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
            if cell.row == header_row:
                cell.font = bold
    width = max(len(r) for r in rows)
    if merge_label is not None and width > 1:
        for index, values in enumerate(rows, start=1):
            if values and values[0] == merge_label and not any(values[1:]):
                sheet.merge_cells(start_row=index, start_column=1, end_row=index, end_column=width)
                sheet.cell(row=index, column=1).font = bold
    for n in range(1, width + 1):
        share = widths[n - 1] if n - 1 < len(widths) else widths[-1]
        sheet.column_dimensions[get_column_letter(n)].width = share
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return sheet


def write_matrix_xlsx(
    sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions
) -> None:
    """One case's matrix as an XLSX workbook (matrix, other information, time per topic)."""
    matrix = case_matrix(sessions, options.lang, options.approval)
    t = Translator(matrix.lang)
    wb = Workbook()
    wb.remove(wb.active)
    title_rows = [(matrix.title,), (matrix.legend,)]
    _sheet(
        wb,
        t("export.matrix.sheet_main"),
        [*title_rows, *matrix.main_rows()],
        (22, 18, 45),
        header_row=3,
        merge_label=matrix.interim_label,
    )
    other = [matrix.other_header, *((label, *cells) for label, cells in matrix.other_rows)]
    _sheet(wb, t("export.matrix.sheet_other"), other, (36, 45))
    times = [matrix.time_header, *((label, *cells) for label, cells in matrix.time_rows)]
    _sheet(wb, t("export.matrix.sheet_time"), times, (30, 16))
    wb.properties.title = clean_text(matrix.title)
    wb.save(stream)


def write_compare_xlsx(
    sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions
) -> None:
    """The comparative matrix as an XLSX workbook (comparison, yes/no summary)."""
    matrix = compare_matrix(sessions, options.lang)
    t = Translator(matrix.lang)
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, matrix.title, [matrix.header, *((label, "") for label in matrix.rows)], (36, 110))
    _sheet(
        wb,
        t("export.matrix.sheet_answers"),
        [matrix.answers_header, *matrix.answers_rows],
        (28, 24, 26),
    )
    wb.properties.title = clean_text(matrix.title)
    wb.save(stream)
