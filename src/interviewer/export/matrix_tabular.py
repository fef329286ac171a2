"""Data matrices for spreadsheet users: CSV (one file, tables one below the other) and XLSX.

XLSX has one sheet per table (matrix, other information, time per topic), landscape print
settings, the header row repeated on every printed page and frozen on screen, wrapped text
and readable column widths. Cell text is sanitised (openpyxl rejects control characters) and
text that starts like a formula is stored as text, never evaluated.

Nothing is lost or hidden:

* a cell holds at most 32,767 characters (Excel's limit; openpyxl cuts silently) and the
  tallest row (409 points) shows about 31 wrapped lines. A text beyond what its row can
  show continues, cut after a word, in the same column of the rows below, whose label
  reads "<label> (vervolg)" (the other columns empty there). A continued cell stays next
  to its respondents and prints whole, and the pieces joined give the text back exactly;
  a second sheet would make the reader jump and lose the row it belongs to;
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
from collections.abc import Collection, Sequence
from typing import IO, Any

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from interviewer.domain.session import Session
from interviewer.export.analysis_export import study_analysis
from interviewer.export.matrix import CaseMatrix, CompareMatrix, case_matrix, compare_matrix
from interviewer.export.options import ExportOptions
from interviewer.export.page import page_setup
from interviewer.export.text import clean_text
from interviewer.export.xlsx_tools import finish_workbook, new_workbook
from interviewer.i18n import Translator

FORMULA_START = ("=", "+", "@")
CELL_LIMIT = 32_767
"""Most characters an Excel cell holds (openpyxl cuts longer text without a word)."""
LINE_POINTS = 13.0
"""Height of one wrapped line of 10-point text, in points."""
MAX_ROW_POINTS = 409.0
"""The tallest row Excel and LibreOffice allow."""
MAX_LINES = int((MAX_ROW_POINTS - 2) // LINE_POINTS)
"""Wrapped lines the tallest row shows."""
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
        list(matrix.table()),
        [(matrix.answers_title,), matrix.answers_header, *matrix.answers_rows],
    ]


def _case(sessions: Sequence[Session], options: ExportOptions) -> CaseMatrix:
    """The case matrix with the study's analysis in its Tussenconclusie rows."""
    analysis = study_analysis(options, sessions[0].protocol.id) if sessions else None
    return case_matrix(
        sessions, options.lang, options.approval, options.unapproved, analysis=analysis
    )


def _compare(sessions: Sequence[Session], options: ExportOptions) -> CompareMatrix:
    """The comparative matrix with the study's comparative conclusions."""
    analysis = study_analysis(options, sessions[0].protocol.id) if sessions else None
    return compare_matrix(sessions, options.lang, analysis=analysis)


def write_matrix_csv(
    sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions
) -> None:
    """One case's matrix as CSV (UTF-8 with BOM so spreadsheet programs read accents)."""
    matrix = _case(sessions, options)
    _write_csv(case_tables(matrix), stream, csv_separator(matrix.lang, options.csv_sep))


def write_compare_csv(
    sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions
) -> None:
    """The comparative matrix as CSV."""
    matrix = _compare(sessions, options)
    _write_csv(compare_tables(matrix), stream, csv_separator(matrix.lang, options.csv_sep))


def _cut(text: str, room: int) -> str:
    """``text`` cut to at most ``room`` characters, at the last space if there is one."""
    head = text[:room]
    space = head.rfind(" ")
    return head[: space + 1] if space > room // 2 else head


def _per_line(width: float) -> int:
    """Characters of a wrapped line in a column ``width`` wide (a little under the width:
    lines break at words)."""
    return max(1, int(width * 0.95))


def _lines(text: str, width: float) -> int:
    """Wrapped lines ``text`` takes in a column ``width`` characters wide."""
    per_line = _per_line(width)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _height(text: str, width: float) -> float:
    """Row height in points that shows ``text`` wrapped in a column ``width`` wide."""
    return min(MAX_ROW_POINTS, _lines(text, width) * LINE_POINTS + 2)


def _head(text: str, width: float, lines: int = MAX_LINES) -> str:
    """The longest start of ``text`` that takes at most ``lines`` wrapped lines in a column
    ``width`` wide (so far below the cell limit), cut after a space when there is one."""
    per_line = _per_line(width)
    budget = lines
    end = 0
    for part in text.split("\n"):
        need = max(1, math.ceil(len(part) / per_line))
        if need > budget:
            end += budget * per_line
            break
        budget -= need
        end += len(part) + 1
    end = min(end, CELL_LIMIT)
    if end >= len(text):
        return text
    return _cut(text, end) or text[:end]


def pieces(text: str, width: float) -> list[str]:
    """``text`` in consecutive pieces that each fit a cell and show whole in the tallest row;
    joined they give ``text`` back exactly."""
    out: list[str] = []
    rest = text
    while rest:
        piece = _head(rest, width)
        out.append(piece)
        rest = rest[len(piece) :]
    return out or [""]


def _split_row(
    values: Sequence[Value], widths: Sequence[float], labels: int, continued: str
) -> list[list[Value]]:
    """One row, or the row and its continuation rows when a text does not fit (see the
    module docstring): the label of a continuation row ends in ``continued``."""
    split = [
        pieces(clean_text(v), widths[n])
        if isinstance(v, str) and n >= labels
        else [clean_text(v) if isinstance(v, str) else v]
        for n, v in enumerate(values)
    ]
    rows: list[list[Value]] = []
    for k in range(max(len(parts) for parts in split)):
        row: list[Value] = [parts[k] if k < len(parts) else "" for parts in split]
        if k:
            named = [n for n in range(labels) if values[n]]
            for n in range(labels):
                row[n] = ""
            at = named[-1] if named else 0
            row[at] = clean_text(f"{values[at]} {continued}".strip())
        rows.append(row)
    return rows


def _sheet(
    wb: Any,
    title: str,
    rows: Sequence[Sequence[Value]],
    widths: Sequence[float],
    t: Translator,
    *,
    header_row: int = 1,
    labels: int = 1,
    spanning: Collection[int] = (),
) -> Any:
    """Add a sheet with rows; header row bold, repeated when printed, frozen on screen.

    The first ``labels`` columns are row labels; a text in another column that its row
    cannot show continues in marked rows below (see the module docstring). Numbers keep
    their type with a one-decimal format; every row's height fits its wrapped text.
    The rows numbered in ``spanning`` (1-based, the Tussenconclusie rows) are a bold label
    in the first column and their text across all the others (the whole row merged when
    there is no text), as the seed's full-width row.
    """
    sheet = wb.create_sheet(title=clean_text(title)[:31])
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    width = max(len(r) for r in rows)
    column_widths = [widths[n] if n < len(widths) else widths[-1] for n in range(width)]
    continued = t("export.matrix.continued")
    merged: list[int] = []
    spans: list[int] = []
    header_at = header_row
    for index, values in enumerate(rows, start=1):
        if index in spanning and width > 1 and values:
            label, text = str(values[0]), str(values[1]) if len(values) > 1 else ""
            if not text:
                sheet.append([clean_text(label)])
                merged.append(sheet.max_row)
                continue
            across = sum(column_widths[1:])
            for n, piece in enumerate(pieces(clean_text(text), across)):
                sheet.append([label if n == 0 else f"{label} {continued}", piece])
                spans.append(sheet.max_row)
                sheet.row_dimensions[sheet.max_row].height = max(
                    LINE_POINTS + 2, _height(piece, across)
                )
            continue
        if index <= header_row:
            out_rows = [[clean_text(v) if isinstance(v, str) else v for v in values]]
        else:
            out_rows = _split_row(values, column_widths, labels, continued)
        for out in out_rows:
            sheet.append(out)
            sheet.row_dimensions[sheet.max_row].height = max(
                [LINE_POINTS + 2]
                + [
                    _height(value, column_widths[n])
                    for n, value in enumerate(out)
                    if isinstance(value, str) and value
                ]
            )
        if index == header_row:
            header_at = sheet.max_row
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = wrap
            if isinstance(cell.value, float):
                cell.number_format = "0.0"
            elif isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
            if cell.row == header_at:
                cell.font = bold
    for at in merged:
        sheet.merge_cells(start_row=at, start_column=1, end_row=at, end_column=width)
        sheet.cell(row=at, column=1).font = bold
        sheet.row_dimensions[at].height = LINE_POINTS + 2
    for at in spans:
        if width > 2:
            sheet.merge_cells(start_row=at, start_column=2, end_row=at, end_column=width)
        sheet.cell(row=at, column=1).font = bold
    for n, share in enumerate(column_widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = share
    sheet.freeze_panes = sheet.cell(row=header_at + 1, column=1)
    sheet.print_title_rows = f"{header_at}:{header_at}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return sheet


def write_matrix_xlsx(
    sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions
) -> None:
    """One case's matrix as an XLSX workbook (matrix, other information, time per topic)."""
    matrix = _case(sessions, options)
    t = Translator(matrix.lang)
    wb = new_workbook()
    title_rows = [(matrix.title,), (matrix.legend,)]
    _sheet(
        wb,
        t("export.matrix.sheet_main"),
        [*title_rows, *matrix.main_rows()],
        (22, 18, 45),
        t,
        header_row=3,
        labels=2,
        spanning={n + len(title_rows) + 1 for n in matrix.interim_indices()},
    )
    _sheet(wb, t("export.matrix.sheet_other"), matrix.other_table(), (36, 45), t)
    times: list[tuple[Value, ...]] = [matrix.time_header]
    times.extend((label, *minutes) for label, minutes in matrix.time_rows)
    _sheet(wb, t("export.matrix.sheet_time"), times, (30, 16), t)
    setup = page_setup(sessions[0].protocol, options, sessions=sessions, subject=matrix.case)
    finish_workbook(wb, matrix.title, matrix.lang, setup)
    wb.save(stream)


def write_compare_xlsx(
    sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions
) -> None:
    """The comparative matrix as an XLSX workbook (comparison, yes/no summary)."""
    matrix = _compare(sessions, options)
    t = Translator(matrix.lang)
    wb = new_workbook()
    _sheet(wb, matrix.title, matrix.table(), (36, 110), t)
    _sheet(
        wb,
        t("export.matrix.sheet_answers"),
        [matrix.answers_header, *matrix.answers_rows],
        (28, 24, 26),
        t,
        labels=2,
    )
    setup = page_setup(sessions[0].protocol, options, sessions=sessions, subject="")
    finish_workbook(wb, matrix.title, matrix.lang, setup)
    wb.save(stream)
