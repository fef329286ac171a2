"""Data matrices for spreadsheet users: CSV (one file, tables one below the other) and XLSX.

XLSX has one sheet per table (matrix, other information, time per topic), landscape print
settings, the header row repeated on every printed page and frozen on screen, wrapped text
and readable column widths. Cell text is sanitised (openpyxl rejects control characters) and
text that starts like a formula is stored as text, never evaluated.

Nothing is lost or hidden:

* a cell holds at most 32,767 characters (Excel's limit; openpyxl cuts silently). A longer
  text is cut at a word boundary, the cell ends with a note naming the sheet "Volledige
  tekst" and its row, and that sheet holds the whole text in consecutive rows of at most
  ``CHUNK`` characters (so each row shows all of its text), each after the first marked
  "(vervolg)";
* every row gets a height for its wrapped text (estimated from the column widths), because
  neither openpyxl nor LibreOffice sizes rows of a file it did not lay out itself;
* minutes are numbers with a one-decimal number format, so they can be summed.

CSV separates fields with ';' for Dutch (Dutch Excel's list separator, since ',' is the
decimal sign there) and ',' for English, unless ``ExportOptions.csv_sep`` says otherwise.
"""

from __future__ import annotations

import csv
import io
import math
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
CELL_LIMIT = 32_767
"""Most characters an Excel cell holds (openpyxl cuts longer text without a word)."""
CHUNK = 3_000
"""Characters per row on the full-text sheet: small enough that a row of the 120-wide
column shows all of it within the tallest row height."""
LINE_POINTS = 13.0
"""Height of one wrapped line of 10-point text, in points."""
MAX_ROW_POINTS = 409.0
"""The tallest row Excel and LibreOffice allow."""
CSV_SEPARATORS = {"nl": ";", "en": ","}

Value = str | float
"""A cell: text, or a number (minutes)."""


def csv_separator(lang: str, override: str | None = None) -> str:
    """';' for Dutch, ',' for English (what each language's Excel splits on), or ``override``."""
    return override or CSV_SEPARATORS.get(lang, ",")


def _csv_value(value: Value) -> str:
    text = clean_text(value if isinstance(value, str) else str(value))
    return "'" + text if text.startswith(FORMULA_START) else text


def _write_csv(
    tables: Sequence[Sequence[Sequence[str]]], stream: IO[bytes], separator: str
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=separator)
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
        matrix.other_table(),
        [(t("export.matrix.time_title"),), *matrix.time_table()],
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
    matrix = case_matrix(sessions, options.lang, options.approval, options.unapproved)
    _write_csv(case_tables(matrix), stream, csv_separator(matrix.lang, options.csv_sep))


def write_compare_csv(
    sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions
) -> None:
    """The comparative matrix as CSV."""
    matrix = compare_matrix(sessions, options.lang)
    _write_csv(compare_tables(matrix), stream, csv_separator(matrix.lang, options.csv_sep))


def _cut(text: str, room: int) -> str:
    """``text`` cut to at most ``room`` characters, at the last space if there is one."""
    head = text[:room]
    space = head.rfind(" ")
    return head[:space] if space > room // 2 else head


class _FullText:
    """The sheet that holds every text too long for one cell, in marked consecutive rows."""

    def __init__(self, wb: Any, t: Translator) -> None:
        self.wb = wb
        self.t = t
        self.title = t("export.matrix.full_text")
        self.sheet: Any = None

    def place(self, where: str, text: str) -> str:
        """Store ``text`` in full; return what its own cell shows: the start and a note."""
        if self.sheet is None:
            self.sheet = self.wb.create_sheet(title=self.title[:31])
            self.sheet.append([self.t("export.matrix.variable"), self.title])
            self.sheet["A1"].font = self.sheet["B1"].font = Font(bold=True)
            self.sheet.column_dimensions["A"].width = 30
            self.sheet.column_dimensions["B"].width = 120
            self.sheet.freeze_panes = "A2"
        first = self.sheet.max_row + 1
        continued = self.t("export.matrix.continued")
        rest = text
        while rest:
            chunk = _cut(rest, CHUNK) if len(rest) > CHUNK else rest
            rest = rest[len(chunk) :]
            label = where if self.sheet.max_row < first else f"{where} {continued}"
            self.sheet.append([label, chunk])
            row = self.sheet.max_row
            for cell in self.sheet[row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                cell.data_type = "s"
            self.sheet.row_dimensions[row].height = min(
                MAX_ROW_POINTS, _lines(chunk, 120) * LINE_POINTS + 2
            )
        note = self.t("export.matrix.see_full_text", chars=len(text), sheet=self.title, row=first)
        return _cut(text, CELL_LIMIT - len(note) - 2) + " " + note


def _lines(text: str, width: float) -> int:
    """Wrapped lines ``text`` takes in a column ``width`` characters wide."""
    per_line = max(1, int(width * 1.1))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _sheet(
    wb: Any,
    title: str,
    rows: Sequence[Sequence[Value]],
    widths: Sequence[float],
    full: _FullText,
    header_row: int = 1,
    merge_label: str | None = None,
) -> Any:
    """Add a sheet with rows; header row bold, repeated when printed, frozen on screen.

    Text over the cell limit goes to ``full`` (see the module docstring); numbers keep
    their type with a one-decimal format; every row's height fits its wrapped text.
    """
    sheet = wb.create_sheet(title=clean_text(title)[:31])
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    width = max(len(r) for r in rows)
    column_widths = [widths[n] if n < len(widths) else widths[-1] for n in range(width)]
    merged = {
        index
        for index, values in enumerate(rows, start=1)
        if merge_label is not None and width > 1 and values and values[0] == merge_label
        and not any(values[1:])
    }  # fmt: skip
    for index, values in enumerate(rows, start=1):
        out: list[Value] = []
        for n, value in enumerate(values):
            if isinstance(value, float):
                out.append(value)
                continue
            text = clean_text(value)
            if len(text) > CELL_LIMIT:
                head = rows[header_row - 1][n] if len(rows) >= header_row else ""
                where = f"{sheet.title} {get_column_letter(n + 1)}{index}"
                text = full.place(f"{where} ({head})" if head else where, text)
            out.append(text)
        sheet.append(out)
        lines = 1
        for n, value in enumerate(out):
            if isinstance(value, str) and value:
                span = sum(column_widths) if index in merged else column_widths[n]
                lines = max(lines, _lines(value, span))
        sheet.row_dimensions[index].height = min(MAX_ROW_POINTS, lines * LINE_POINTS + 2)
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = wrap
            if isinstance(cell.value, float):
                cell.number_format = "0.0"
            elif isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
            if cell.row == header_row:
                cell.font = bold
    for index in merged:
        sheet.merge_cells(start_row=index, start_column=1, end_row=index, end_column=width)
        sheet.cell(row=index, column=1).font = bold
    for n, share in enumerate(column_widths, start=1):
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
    matrix = case_matrix(sessions, options.lang, options.approval, options.unapproved)
    t = Translator(matrix.lang)
    wb = Workbook()
    wb.remove(wb.active)
    full = _FullText(wb, t)
    title_rows = [(matrix.title,), (matrix.legend,)]
    _sheet(
        wb,
        t("export.matrix.sheet_main"),
        [*title_rows, *matrix.main_rows()],
        (22, 18, 45),
        full,
        header_row=3,
        merge_label=matrix.interim_label,
    )
    _sheet(wb, t("export.matrix.sheet_other"), matrix.other_table(), (36, 45), full)
    times: list[tuple[Value, ...]] = [
        matrix.time_header,
        *((label, *minutes) for label, minutes in matrix.time_rows),
    ]
    _sheet(wb, t("export.matrix.sheet_time"), times, (30, 16), full)
    if full.sheet is not None:  # created while the matrix was written: put it last
        wb.move_sheet(full.sheet, offset=len(wb.sheetnames) - 1 - wb.index(full.sheet))
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
    full = _FullText(wb, t)
    rows = [matrix.header, *((label, "") for label in matrix.rows)]
    _sheet(wb, matrix.title, rows, (36, 110), full)
    _sheet(
        wb,
        t("export.matrix.sheet_answers"),
        [matrix.answers_header, *matrix.answers_rows],
        (28, 24, 26),
        full,
    )
    wb.properties.title = clean_text(matrix.title)
    wb.save(stream)
