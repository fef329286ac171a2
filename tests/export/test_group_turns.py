"""Group interviews with turns in every export: each turn its own paragraph starting with its
speaker (transcript md/docx, coding document), one REFI-QDA selection per turn with exact
offsets and the participant's case, and one matrix column per participant."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from interviewer.export.matrix import case_matrix
from interviewer.export.matrix_tabular import write_matrix_csv
from interviewer.export.options import ExportOptions
from interviewer.export.qdpx import PROJECT_NS, write_qdpx
from interviewer.export.transcript_docx import write_transcript_docx
from interviewer.export.transcript_md import write_transcript_md

from .conftest import assert_valid, reopen, unnumbered

NS = {"q": PROJECT_NS}
PARTICIPANTS = ("2.1", "2.2", "2.3")
TURNS = {
    "ervaring-1": [
        ("2.2", "Het SWT is ontstaan uit de Kanteling."),
        ("2.3", "Vult aan: eerst alleen jeugd."),
        ("interviewer", "Vraagt door naar de volwassenen."),
        ("2.1", "Sinds 2016 ook volwassenen. Met emoji 🙂 en é."),
    ],
    "ervaring-2": [("2.1", "Positief."), ("2.2", "Wisselend.")],
}


def group(make_session, **extra):  # type: ignore[no-untyped-def]
    return make_session(
        answers={"ervaring-1": "yes"},
        turns=TURNS,
        participants=PARTICIPANTS,
        respondent="2",
        case="Wierden",
        **extra,
    )


def test_transcript_has_a_paragraph_per_turn(make_session) -> None:
    session = group(make_session)
    buffer = io.BytesIO()
    write_transcript_docx(session, buffer, ExportOptions())
    texts = [unnumbered(p.text) for p in reopen(buffer.getvalue()).paragraphs]
    at = texts.index("2.2: Ja.")
    assert texts[at : at + 5] == [
        "2.2: Ja.",
        "2.2: Het SWT is ontstaan uit de Kanteling.",
        "2.3: Vult aan: eerst alleen jeugd.",
        "Interviewer: Vraagt door naar de volwassenen.",
        "2.1: Sinds 2016 ook volwassenen. Met emoji 🙂 en é.",
    ]
    buffer = io.BytesIO()
    write_transcript_md(session, buffer, ExportOptions())
    markdown = buffer.getvalue().decode("utf-8")
    assert "**2.2:** Het SWT is ontstaan uit de Kanteling." in markdown
    assert "**2.3:** Vult aan: eerst alleen jeugd." in markdown
    assert "**2.1:** Positief." in markdown and "**2.2:** Wisselend." in markdown


def test_individual_interview_is_unchanged(make_session) -> None:
    session = make_session({"ervaring-1": "Een.\n\nTwee."})
    assert all(not r.turns for r in session.records.values())
    buffer = io.BytesIO()
    write_transcript_md(session, buffer, ExportOptions())
    markdown = buffer.getvalue().decode("utf-8")
    assert "Een." in markdown and "**1.1:**" not in markdown


def test_qdpx_selection_per_turn_with_the_participant_as_case(make_session, schema) -> None:
    session = group(make_session)
    stream = io.BytesIO()
    write_qdpx([session], stream, ExportOptions())
    archive = zipfile.ZipFile(io.BytesIO(stream.getvalue()))
    root = etree.fromstring(archive.read("project.qde"))
    assert_valid(schema, root)
    (source,) = root.iterfind(".//q:TextSource", NS)
    text = archive.read(f"sources/{source.get('guid')}.txt").decode("utf-8")
    picked = {}
    for selection in source.iterfind("q:PlainTextSelection", NS):
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        picked[selection.get("guid")] = text[start:end]
        # the selection starts right after its speaker mark on its own line
        line_start = text.rfind("\n", 0, start) + 1
        assert text[line_start:start].endswith(": ")
    assert list(picked.values())[:5] == [
        "Ja.",
        "Het SWT is ontstaan uit de Kanteling.",
        "Vult aan: eerst alleen jeugd.",
        "Vraagt door naar de volwassenen.",
        "Sinds 2016 ook volwassenen. Met emoji 🙂 en é.",
    ]
    cases = {c.get("name"): c for c in root.findall("q:Cases/q:Case", NS)}
    assert list(cases) == ["2", "2 2.1", "2 2.2", "2 2.3"]

    def said(case: str) -> list[str]:
        return [picked[r.get("targetGUID")] for r in cases[case].findall("q:SelectionRef", NS)]

    assert said("2 2.1") == ["Sinds 2016 ook volwassenen. Met emoji 🙂 en é.", "Positief."]
    assert said("2 2.2") == ["Ja.", "Het SWT is ontstaan uit de Kanteling.", "Wisselend."]
    assert said("2 2.3") == ["Vult aan: eerst alleen jeugd."]


def test_matrix_has_a_column_per_participant(make_session) -> None:
    session = group(make_session)
    matrix = case_matrix([session])
    assert matrix.header[2:] == (
        "Respondent 2.1",
        "Respondent 2.2",
        "Respondent 2.3",
        "Interviewer",
    )
    cells = dict(matrix.variables[0].rows)
    assert cells["Wel/niet"] == (
        "Sinds 2016 ook volwassenen. Met emoji 🙂 en é.",
        "Ja. Het SWT is ontstaan uit de Kanteling.",
        "Vult aan: eerst alleen jeugd.",
        "Vraagt door naar de volwassenen.",
    )
    assert cells["Invloed"] == ("Positief.", "Wisselend.", "-", "-")
    times = dict(matrix.time_rows)
    assert len(set(times["Totaal"])) == 1 and len(times["Totaal"]) == 4
    buffer = io.BytesIO()
    write_matrix_csv([session], buffer, ExportOptions())
    assert "Respondent 2.3" in buffer.getvalue().decode("utf-8-sig")


def test_matrix_keeps_notes_typed_before_any_speaker(make_session) -> None:
    """Without a speaker the note is the group's (code 2): it gets a column, not lost."""
    session = make_session(
        {"ervaring-2": "Zonder spreker."},
        participants=PARTICIPANTS,
        respondent="2",
    )
    matrix = case_matrix([session])
    assert matrix.header[2:] == (
        "Respondent 2.1",
        "Respondent 2.2",
        "Respondent 2.3",
        "Respondent 2",
    )
    assert dict(matrix.variables[0].rows)["Invloed"] == ("-", "-", "-", "Zonder spreker.")
