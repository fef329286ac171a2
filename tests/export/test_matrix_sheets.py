"""Spreadsheets that lose nothing (issue 12, point 6): no silent cut at Excel's cell limit,
row heights for wrapped text, minutes as numbers, CSV separators per language."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from interviewer.export.matrix_tabular import (
    CELL_LIMIT,
    csv_separator,
    write_compare_csv,
    write_matrix_csv,
    write_matrix_xlsx,
)
from interviewer.export.options import ExportOptions


def _xlsx(sessions, options: ExportOptions | None = None):
    stream = io.BytesIO()
    write_matrix_xlsx(sessions, stream, options or ExportOptions())
    return load_workbook(io.BytesIO(stream.getvalue()))


def _words(n: int, tag: str) -> str:
    return " ".join(f"{tag}{i}" for i in range(n))


def test_a_text_over_the_cell_limit_is_kept_whole_on_a_second_sheet(make_session) -> None:
    long_note = _words(12_000, "w") + " EINDE."  # ~80,000 characters
    short = make_session({"ervaring-2": "Kort."}, respondent="1.2")
    session = make_session({"ervaring-2": long_note}, respondent="1.1")
    wb = _xlsx([session, short])
    sheets = ["Matrix", "Overige informatie", "Tijd per onderwerp", "Volledige tekst"]
    assert wb.sheetnames == sheets, "the full text comes last"
    sheet = wb["Matrix"]
    cell = sheet["C5"]
    assert len(cell.value) <= CELL_LIMIT
    assert long_note.startswith(cell.value.split(" [hier afgebroken")[0])
    assert "staat op blad 'Volledige tekst', rij 2]" in cell.value
    assert f"({len(long_note)} tekens)" in cell.value
    assert sheet["D5"].value == "Kort."
    full = wb["Volledige tekst"]
    rows = list(full.iter_rows(min_row=2, values_only=True))
    assert rows[0][0] == "Matrix C5 (Respondent 1.1)"
    assert all(label == "Matrix C5 (Respondent 1.1) (vervolg)" for label, _ in rows[1:])
    assert len(rows) > 20, "in pieces a row can show whole"
    assert "".join(text for _, text in rows) == long_note, "nothing lost, nothing added"


def test_short_matrices_have_no_full_text_sheet(demo_case) -> None:
    assert "Volledige tekst" not in _xlsx(demo_case).sheetnames


def test_rows_have_heights_for_their_wrapped_text(make_session) -> None:
    session = make_session({"ervaring-2": _words(400, "woord"), "ervaring-3": "Kort."})
    sheet = _xlsx([session])["Matrix"]
    heights = {n: sheet.row_dimensions[n].height for n in range(1, sheet.max_row + 1)}
    assert all(h for h in heights.values()), "every row has a height"
    assert heights[5] > 10 * heights[6], "the long cell's row is many lines tall"
    assert heights[5] <= 409


def test_minutes_are_numbers(make_session) -> None:
    session = make_session({"ervaring-1": "a", "ervaring-2": "b", "feedback-1": "c"})
    times = _xlsx([session])["Tijd per onderwerp"]
    row = {r[0].value: r[1] for r in times.iter_rows(min_row=2)}
    assert row["1. Ervaring"].value == 4.0
    assert row["1. Ervaring"].number_format == "0.0"
    assert row["Totaal"].value == 6.0
    assert row["2. Tijd en ruimte"].value == 0 and row["2. Tijd en ruimte"].data_type == "n"
    assert row["2. Tijd en ruimte"].number_format == "0.0"


def test_csv_separator_follows_the_language(make_session, demo_case) -> None:
    assert csv_separator("nl") == ";" and csv_separator("en") == ","
    assert csv_separator("nl", "\t") == "\t"
    session = make_session({"ervaring-1": "a, b; c", "feedback-1": "x"})
    for options, sep, decimal in (
        (ExportOptions(), ";", "2,0"),
        (ExportOptions(lang="en"), ",", "2.0"),
        (ExportOptions(csv_sep=","), ",", "2,0"),
    ):
        stream = io.BytesIO()
        write_matrix_csv([session], stream, options)
        text = stream.getvalue().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=sep))
        assert rows[3][:3] == ["Variabele" if options.lang != "en" else "Variable",
                               "Kenmerk" if options.lang != "en" else "Characteristic",
                               "Respondent 1.1"]  # fmt: skip
        assert rows[4][2] == "a, b; c", "the separator inside a note is quoted"
        time = [r for r in rows if r and r[0].startswith("1. E")][-1]  # the time table
        assert time[-1] == decimal
    stream = io.BytesIO()
    write_compare_csv(demo_case, stream, ExportOptions())
    assert stream.getvalue().decode("utf-8-sig").splitlines()[2].startswith("Variabele;")
