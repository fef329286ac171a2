"""Matrices as the seed reads them (issue 12, points 3 and 4): quick answers without an added
full stop and never doubled, each note once, topics without characteristics as real
variable rows with continuous numbering, and the study's own matrix texts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pydantic import ValidationError

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import Session
from interviewer.domain.session_factory import new_session
from interviewer.export.content import matrix_cell
from interviewer.export.matrix import case_matrix, compare_matrix
from interviewer.export.matrix_docx import write_matrix_docx
from interviewer.export.options import ExportOptions
from tests.fake_clock import FakeClock

from .conftest import REPO, built_protocol, reopen

SWT = REPO / "protocols" / "netwerksamenwerking-swt.yaml"


def record(
    protocol: InterviewProtocol,
    notes: dict[str, str],
    *,
    answers: dict[str, str] | None = None,
    respondent: str = "2.1",
    case: str = "Haaksbergen",
) -> Session:
    """A finished session of any protocol with these notes and quick answers, in order."""
    clock = FakeClock()
    session = new_session(
        protocol, case=case, respondent=respondent, interviewer="Onderzoeker", clock=clock
    )
    rec = SessionRecorder(session, clock=clock)
    for item in protocol.introduction.checklist:
        rec.confirm_consent(item.id)
    rec.start()
    answers = answers or {}
    for qid in dict.fromkeys([*notes, *answers]):
        clock.now += 60
        rec.show_question(qid)
        if qid in answers:
            rec.set_quick_answer(qid, answers[qid])
        if qid in notes:
            rec.set_notes(qid, notes[qid])
    rec.finish()
    return session


@pytest.fixture(scope="module")
def swt() -> InterviewProtocol:
    from interviewer.protocol.loader import load_protocol

    return load_protocol(SWT)


def mixed_protocol() -> InterviewProtocol:
    """The seed protocol with its second topic stripped of characteristics."""
    data = built_protocol().model_dump(mode="json")
    second = data["topics"][1]
    second["characteristics"] = []
    for question in second["questions"]:
        question["characteristic"] = None
    return InterviewProtocol.model_validate(data)


# --- point 4: cells read as in the seed ---------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "pieces", "cell"),
    [
        ("Ja", [], "Ja"),
        ("Eigen agenda bepalen", [], "Eigen agenda bepalen"),
        ("Nee", ["(nog niet)"], "Nee (nog niet)"),
        ("Ja", ["Ja, al jaren in het team."], "Ja, al jaren in het team."),
        ("Ja", ["ja, al jaren"], "ja, al jaren"),
        ("Nee", ["Nee."], "Nee."),
        ("Ja", ["Het team overlegt wekelijks."], "Ja. Het team overlegt wekelijks."),
        ("Ja", ["maar alleen op dinsdag"], "Ja maar alleen op dinsdag"),
        ("Nee", ["Neerlandicus in het team."], "Nee. Neerlandicus in het team."),
        ("Ja", ["BP: korte lijnen", "KP: -"], "Ja. BP: korte lijnen KP: -"),
        (None, ["Positief."], "Positief."),
    ],
)
def test_quick_answer_as_the_seed_writes_it(answer, pieces, cell) -> None:
    assert matrix_cell(answer, pieces) == cell


def test_cells_never_add_a_full_stop_or_double_the_answer(make_session) -> None:
    session = make_session(
        {
            "ervaring-1": "Ja, al jaren in het team.",
            "informele-communicatie-1": "(nog niet)",
            "feedback-1": "",
        },
        answers={"ervaring-1": "yes", "informele-communicatie-1": "no", "feedback-1": "yes"},
    )
    matrix = case_matrix([session])
    first = {block.label: dict(block.rows) for block in matrix.variables}
    assert first["1. Ervaring"]["Wel/niet"] == ("Ja, al jaren in het team.",)
    assert first["3. Informele communicatie"]["Wel/niet"] == ("Nee (nog niet)",)
    assert first["5. Feedback geven"]["Wel/niet"] == ("Ja",)


def test_a_tagged_note_appears_once(make_session) -> None:
    session = make_session(
        {"ervaring-1": "Vooral via de huisarts.", "ervaring-2": "Positief."},
        answers={"ervaring-1": "yes"},
        tags={"ervaring-1": ["overig"], "ervaring-2": ["overig"]},
    )
    matrix = case_matrix([session])
    cells = dict(matrix.variables[0].rows)
    other = dict(matrix.other_rows)["Overig"]
    assert cells["Wel/niet"] == ("Ja",), "the verdict stays with its characteristic"
    assert cells["Invloed"] == ("-",)
    assert other == ("Ervaring: Vooral via de huisarts. Ervaring: Positief.",)
    everything = " ".join(c for block in matrix.variables for _, row in block.rows for c in row)
    everything += " ".join(c for _, row in matrix.other_rows for c in row)
    assert everything.count("Vooral via de huisarts.") == 1
    assert everything.count("Positief.") == 1


def test_comparative_table_counts_notes_without_answer_apart(make_session) -> None:
    answered = make_session({}, answers={"ervaring-1": "yes"}, respondent="1.1")
    notes_only = make_session({"ervaring-1": "Ja, al jaren."}, respondent="1.2")
    nothing = make_session({"ervaring-2": "Iets."}, respondent="1.3")
    matrix = compare_matrix([answered, notes_only, nothing])
    row = next(r for r in matrix.answers_rows if r[:2] == ("Ervaring", "Wel/niet"))
    assert row[2] == "Ja 1, Nee 0, alleen notities 1, geen 1"


def test_the_study_words_its_own_matrix_texts(make_session) -> None:
    data = built_protocol().model_dump(mode="json")
    data["matrix"] = {
        "legend": "BP = best practice, KP = knelpunt",
        "other_table": "Overige informatie Haaksbergen",
        "other_row": "Restant",
        "compare_header": "Vergelijking ervaringen respondenten uit de verschillende sociale teams",
    }
    protocol = InterviewProtocol.model_validate(data)
    session = record(protocol, {"toevoegen": "Nog iets."}, case="Borne", respondent="1.1")
    matrix = case_matrix([session])
    assert matrix.legend == "BP = best practice, KP = knelpunt"
    assert matrix.other_header[0] == "Overige informatie Haaksbergen"
    assert dict(matrix.other_rows)["Restant"] == ("Nog iets.",)
    header = compare_matrix([session]).header
    assert header[1].endswith("verschillende sociale teams")
    # without the block: today's texts
    default = case_matrix([record(built_protocol(), {}, case="Borne", respondent="1.1")])
    assert default.other_header[0] == "Overige interessante informatie"
    assert default.legend == "BP/KP = best practices/knelpunten"


@pytest.mark.parametrize(
    "matrix", [{"other_row": "  "}, {"other_rows": "Overig"}, {"compare_header": ""}]
)
def test_matrix_texts_are_validated(matrix) -> None:
    data = built_protocol().model_dump(mode="json")
    data["matrix"] = matrix
    with pytest.raises(ValidationError):
        InterviewProtocol.model_validate(data)


def test_protocol_checker_reports_a_bad_matrix_text(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from interviewer.cli import main

    text = SWT.read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text + "matrix:\n  other_row: ''\n  legend: Legenda\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "en", "check", str(bad)])
    assert result.exit_code != 0
    assert "other_row" in result.output and "Traceback" not in result.output
    good = tmp_path / "good.yaml"
    good.write_text(text + "matrix:\n  other_row: Restant\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["--lang", "en", "check", str(good)]).exit_code == 0


# --- point 3: topics without characteristics ---------------------------------------------


def test_topics_without_characteristics_are_variable_rows(swt) -> None:
    session = record(
        swt,
        {
            "proces-1": "Het SWT is ontstaan uit een pilot.",
            "ambitie-1": "Een gedeeld doel.",
            "ambitie-2": "Het proces verliep stroef.",
            "effectiviteit-1": "Cliënten zijn beter geholpen.",
        },
    )
    matrix = case_matrix([session])
    labels = [block.label for block in matrix.variables]
    assert labels == [
        "1. Proces",
        "2. Ambitie",
        "3. Belangen",
        "4. Relatie",
        "5. Organisatie",
        "6. Effectiviteit",
    ]
    cells = {block.label: block.rows for block in matrix.variables}
    assert cells["1. Proces"] == (("", ("Het SWT is ontstaan uit een pilot.",)),)
    assert cells["2. Ambitie"] == (("", ("Een gedeeld doel.\nHet proces verliep stroef.",)),)
    assert cells["3. Belangen"] == (("", ("-",)),)
    assert dict(matrix.other_rows)["Overig"] == ("-",), "nothing said under a topic is Overig"
    rows = matrix.main_rows()
    assert rows[1] == ("1. Proces", "", "Het SWT is ontstaan uit een pilot.")
    assert rows[2] == ("Tussenconclusie", "", "")
    doc = reopen(_docx([session]))
    printed = [row.cells[0].text for row in doc.tables[0].rows]
    assert [p for p in printed if p[:1].isdigit()] == labels


def test_mixed_protocol_numbers_continuously(make_session) -> None:
    protocol = mixed_protocol()
    session = record(
        protocol,
        {"tijd-en-ruimte-1": "Eigen agenda.", "tijd-en-ruimte-3": "Soms te vol."},
        answers={"ervaring-1": "no"},
        case="Borne",
        respondent="1.1",
    )
    matrix = case_matrix([session])
    assert [b.label.split(".")[0] for b in matrix.variables] == ["1", "2", "3", "4", "5"]
    second = matrix.variables[1]
    assert second.label == "2. Tijd en ruimte"
    assert second.rows == (("", ("Eigen agenda.\nSoms te vol.",)),)
    assert dict(matrix.variables[0].rows)["Wel/niet"] == ("Nee",)
    assert dict(matrix.other_rows)["Overig"] == ("-",)
    doc = reopen(_docx([session]))
    printed = [row.cells[0].text for row in doc.tables[0].rows]
    assert [p.split(".")[0] for p in printed if p[:1].isdigit()] == ["1", "2", "3", "4", "5"]


def test_unmapped_question_of_a_characterised_topic_gets_its_own_row() -> None:
    data = built_protocol().model_dump(mode="json")
    data["topics"][0]["questions"].append({"id": "ervaring-extra", "text": "En verder?"})
    protocol = InterviewProtocol.model_validate(data)
    quiet = record(protocol, {"ervaring-1": "Ja."}, case="Borne", respondent="1.1")
    assert [label for label, _ in case_matrix([quiet]).variables[0].rows] == [
        "Wel/niet",
        "Invloed",
        "BP/KP",
        "Verbeterpunten",
    ], "the seed's rows, nothing added while no one has such notes"
    said = record(protocol, {"ervaring-extra": "Nog een punt."}, case="Borne", respondent="1.2")
    matrix = case_matrix([quiet, said])
    rows = dict(matrix.variables[0].rows)
    assert rows["Overig (zonder kenmerk)"] == ("-", "Nog een punt.")
    assert dict(matrix.other_rows)["Overig"] == ("-", "-")


def _docx(sessions: list[Session]) -> bytes:
    stream = io.BytesIO()
    write_matrix_docx(sessions, stream, ExportOptions())
    return stream.getvalue()
