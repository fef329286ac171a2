"""Spreadsheets that lose nothing (issue 12, point 6): no silent cut at Excel's cell limit,
row heights for wrapped text, minutes as numbers, CSV separators per language."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from interviewer.export.matrix_tabular import (
    CELL_LIMIT,
    csv_separator,
    pieces,
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


def test_a_text_over_the_cell_limit_continues_in_marked_rows(make_session) -> None:
    long_note = _words(12_000, "w") + " EINDE."  # ~80,000 characters
    short = make_session({"ervaring-2": "Kort."}, respondent="1.2")
    session = make_session({"ervaring-2": long_note}, respondent="1.1")
    wb = _xlsx([session, short])
    assert wb.sheetnames == ["Matrix", "Overige informatie", "Tijd per onderwerp"]
    sheet = wb["Matrix"]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert rows[0][1] == "Invloed" and not rows[0][0] and rows[0][3] == "Kort."
    more = [r for r in rows[1:] if r[1] == "Invloed (vervolg)"]
    assert len(more) > 20
    assert all(r[0] in ("", None) and r[3] in ("", None) for r in more)
    after = rows[1 + len(more)]
    assert after[1] == "BP/KP", "the next characteristic follows the continuation rows"
    text = [rows[0][2], *(r[2] for r in more)]
    assert all(len(piece) <= CELL_LIMIT for piece in text)
    assert "".join(text) == long_note, "nothing lost, nothing added"
    heights = [sheet.row_dimensions[n].height for n in range(5, 6 + len(more))]
    assert all(h and h <= 409 for h in heights)


def test_short_cells_take_one_row(make_session) -> None:
    session = make_session({"ervaring-2": "Kort.", "ervaring-3": "Ook kort."})
    sheet = _xlsx([session])["Matrix"]
    labels = [r[1] for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert not any(label and "(vervolg)" in label for label in labels)


def test_pieces_give_the_text_back(make_session) -> None:
    text = "Eerste alinea.\n" * 50 + _words(3000, "x")
    parts = pieces(text, 45)
    assert "".join(parts) == text
    assert all(len(p) <= CELL_LIMIT for p in parts)
    assert all(p.count("\n") <= 31 for p in parts)


def test_rows_have_heights_for_their_wrapped_text(make_session) -> None:
    session = make_session({"ervaring-2": _words(100, "woord"), "ervaring-3": "Kort."})
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
