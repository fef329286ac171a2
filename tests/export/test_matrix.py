"""Data matrices: the seed's Bijlage 2 layout, pre-filled cells, CSV/XLSX, comparison."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from interviewer.export.matrix import case_matrix, compare_matrix
from interviewer.export.matrix_docx import write_compare_docx, write_matrix_docx
from interviewer.export.matrix_tabular import write_matrix_csv, write_matrix_xlsx
from interviewer.export.options import ExportOptions

from .conftest import reopen

SEED_HEADER = [
    "Variabele",
    "Kenmerk",
    "Respondent 1.1",
    "Respondent 1.2",
    "Respondent 1.3",
    "Respondent 1.4",
]
SEED_ROWS = [
    ("1. Ervaring", "Wel/niet"),
    ("", "Invloed"),
    ("", "BP/KP"),
    ("", "Verbeterpunten"),
    ("Tussenconclusie", None),
    ("2. Tijd en ruimte", "Wijze tijd indelen"),
    ("", "Ervaring"),
    ("", "BP/KP"),
    ("", "Verbeterpunten"),
    ("Tussenconclusie", None),
    ("3. Informele communicatie", "Wel/niet"),
    ("", "Effect"),
    ("", "BP/KP"),
    ("", "Verbeterpunten"),
    ("Tussenconclusie", None),
    ("4. Interprofessionele educatie", "Wel/niet"),
    ("", "Effect"),
    ("", "BP/KP"),
    ("", "Verbeterpunten"),
    ("Tussenconclusie", None),
    ("5. Feedback geven", "Wel/niet"),
    ("", "Ervaring"),
    ("", "BP/KP"),
    ("", "Verbeterpunten"),
    ("Tussenconclusie", None),
]


def _docx(writer, sessions):
    stream = io.BytesIO()
    writer(sessions, stream, ExportOptions())
    return reopen(stream.getvalue())


def test_demo_case_has_exactly_the_seed_layout(demo_case) -> None:
    doc = _docx(write_matrix_docx, demo_case)
    assert doc.paragraphs[0].style.name == "Heading 1"
    assert doc.paragraphs[0].text == "Datamatrix Borne"
    assert doc.paragraphs[1].text == "BP/KP = best practices/knelpunten"
    main = doc.tables[0]
    rows = [[c.text for c in row.cells] for row in main.rows]
    assert rows[0] == SEED_HEADER
    shape = [(r[0], None) if r[0] == "Tussenconclusie" else (r[0], r[1]) for r in rows[1:]]
    assert shape == SEED_ROWS
    for row in rows[1:]:
        if row[0] == "Tussenconclusie":
            assert set(row) == {"Tussenconclusie"}, "merged across the full width"
        else:
            assert all(cell for cell in row[2:]), "every respondent cell has text or '-'"
    wel_niet = [rows[1][2:], rows[11][2:], rows[16][2:], rows[21][2:]]
    for cells in wel_niet:
        for cell in cells:
            assert cell == "-" or cell.split()[0].strip(".,") in ("Ja", "Nee")
            assert not cell.startswith(("Ja. Ja", "Nee. Nee")), "the answer is never doubled"
    for bp_kp in (rows[3][2:], rows[8][2:]):
        assert any("BP: " in cell and " KP: " in cell for cell in bp_kp)
    other = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert other[0] == [
        "Overige interessante informatie",
        "Respondent 1.1",
        "Respondent 1.2",
        "Respondent 1.3",
        "Respondent 1.4",
    ]
    assert other[-1][0] == "Overig"
    landscape = doc.sections[0]
    assert landscape.page_width > landscape.page_height
    assert doc.element.body.xpath("./w:tbl[1]/w:tr[1]/w:trPr/w:tblHeader")


def test_cells_prefilled_from_notes(make_session) -> None:
    filled = make_session(
        {"ervaring-2": "Positief.", "ervaring-doorvraag": "Een voorbeeld.", "zwak": "Te druk."},
        answers={"ervaring-1": "no"},
        parts={"ervaring-3": {"bp": "Korte lijnen", "kp": ""}},
        tags={"ervaring-2": ["overig"]},
    )
    empty = make_session({}, respondent="1.2")
    matrix = case_matrix([empty, filled])
    assert matrix.header[2:] == ("Respondent 1.1", "Respondent 1.2")
    block = matrix.variables[0]
    assert block.label == "1. Ervaring"
    cells = dict(block.rows)
    assert cells["Wel/niet"] == ("Nee", "-")
    # 'Positief.' is tagged 'overig': in Overig only; the probe after it asks for an example
    # of that answer, so it is filed with the same characteristic
    assert cells["Invloed"] == ("Een voorbeeld.", "-")
    assert cells["BP/KP"] == ("BP: Korte lijnen KP: -", "-")
    assert cells["Verbeterpunten"] == ("-", "-")
    other = dict(matrix.other_rows)
    assert list(other) == [
        "Sterke punten/best practices (samenwerking in) sociaal team in het algemeen",
        "Zwakke punten/ verbeterpunten (samenwerking in) sociaal team in het algemeen",
        "Overig",
    ]
    assert other[
        "Zwakke punten/ verbeterpunten (samenwerking in) sociaal team in het algemeen"
    ] == (
        "Te druk.",
        "-",
    )
    assert other["Overig"] == ("Ervaring: Positief.", "-")


def test_time_per_topic_from_the_timeline(make_session) -> None:
    session = make_session({"ervaring-1": "a", "ervaring-2": "b", "feedback-1": "c"})
    matrix = case_matrix([session])
    times = dict(matrix.time_rows)
    assert times["1. Ervaring"] == (4.0,)  # entered at 1:00, left at 5:00
    assert times["5. Feedback geven"] == (1.0,)  # 5:00 to the finish at 6:00
    assert times["Afronding"] == (0.0,)
    assert times["2. Tijd en ruimte"] == (0.0,)
    assert times["Totaal"] == (6.0,)
    text = dict((row[0], row[1:]) for row in matrix.time_table())
    assert text["1. Ervaring"] == ("4,0",), "Dutch readers get a decimal comma"


def test_csv_and_xlsx(demo_case) -> None:
    stream = io.BytesIO()
    write_matrix_csv(demo_case, stream, ExportOptions())
    text = stream.getvalue().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Datamatrix Borne"]
    assert rows[1] == ["BP/KP = best practices/knelpunten"]
    assert rows[3] == SEED_HEADER
    assert rows[4][:2] == ["1. Ervaring", "Wel/niet"]
    stream = io.BytesIO()
    write_matrix_xlsx(demo_case, stream, ExportOptions())
    wb = load_workbook(io.BytesIO(stream.getvalue()))
    assert wb.sheetnames == ["Matrix", "Overige informatie", "Tijd per onderwerp"]
    sheet = wb["Matrix"]
    assert [c.value for c in sheet[3]] == SEED_HEADER
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape"
    merged = [r for r in sheet.merged_cells.ranges if str(r).startswith("A")]
    assert len(merged) == 5
    assert all(sheet.cell(row=r.min_row, column=1).value == "Tussenconclusie" for r in merged)
    times = wb["Tijd per onderwerp"]
    assert [c.value for c in times[1]][:2] == ["Variabele", "Respondent 1.1"]


def test_formula_like_notes_stay_text(make_session) -> None:
    session = make_session({"ervaring-2": '=HYPERLINK("x")'})
    stream = io.BytesIO()
    write_matrix_xlsx([session], stream, ExportOptions())
    sheet = load_workbook(io.BytesIO(stream.getvalue()))["Matrix"]
    assert sheet["C5"].value == '=HYPERLINK("x")'
    assert sheet["C5"].data_type == "s"


def test_comparative_matrix(demo_case, seed_protocol) -> None:
    from interviewer.demo import make_demo_sessions

    wierden = make_demo_sessions(
        seed_protocol, case="Wierden", respondents=2, minutes=30, seed=9, case_number=3
    )
    matrix = compare_matrix([*demo_case, *wierden])
    assert matrix.header == (
        "Variabele",
        "Vergelijking ervaringen respondenten uit de verschillende cases",
    )
    assert matrix.rows[:5] == (
        "Ervaring",
        "Tijd en ruimte",
        "Informele communicatie",
        "Interprofessionele educatie",
        "Feedback geven",
    )
    assert len(matrix.rows) == 7
    assert matrix.answers_header == ("Variabele", "Kenmerk", "Borne", "Wierden")
    for row in matrix.answers_rows:
        borne = row[2]
        counts = [int(x) for x in borne.replace(",", "").split() if x.isdigit()]
        assert sum(counts) == 4
    doc = _docx(write_compare_docx, [*demo_case, *wierden])
    table = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert table[0] == list(matrix.header)
    assert [r[1] for r in table[1:]] == [""] * 7
