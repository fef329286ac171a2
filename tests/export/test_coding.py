"""The coding-ready Word document, reopened: styles, speaker codes, colours, layout."""

from __future__ import annotations

import io

from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Cm

from interviewer.domain.session import Session
from interviewer.export.coding_docx import write_coding_docx
from interviewer.export.docx_tools import SAFE_COLON, line_numbering
from interviewer.export.options import ExportOptions

from .conftest import reopen, styled


def coding(session: Session, **options: object):
    stream = io.BytesIO()
    write_coding_docx(session, stream, ExportOptions(**options))  # type: ignore[arg-type]
    return reopen(stream.getvalue())


def _session(make_session) -> Session:
    return make_session(
        {
            "ervaring-1": "Ja, bij de gemeente.\n\nEn bij de GGD.",
            "ervaring-2": "Gaat over feedback eigenlijk.",
            "tijd-en-ruimte-1": "Eigen agenda.",
            "sterk": "De korte lijnen.",
            "toevoegen": "Niets meer.",
        },
        answers={"ervaring-1": "yes"},
        tags={"ervaring-2": ["feedback"], "tijd-en-ruimte-1": ["overig"]},
    )


def test_codebook_table_first(make_session) -> None:
    doc = coding(_session(make_session))
    table = doc.tables[1]  # after the title table
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Code", "Kleur", "Omschrijving", "Kenmerken"]
    assert rows[1] == ["Ervaring", "geel", "", "Wel/niet\nInvloed\nBP/KP\nVerbeterpunten"]
    assert rows[5][0] == "Feedback"
    assert rows[6][:2] == ["Overige interessante informatie", "grijs 25%"]
    assert table.rows[1].cells[1].paragraphs[0].runs[0].font.highlight_color == (
        WD_COLOR_INDEX.YELLOW
    )


def test_headings_speaker_codes_and_colours(make_session) -> None:
    doc = coding(_session(make_session))
    pairs = styled(doc)
    headings = [(s, t) for s, t in pairs if s.startswith("Heading")]
    # a colon near the start of a heading is RATIO: no speaker import reads it as a name
    assert headings == [
        ("Heading 1", "Ervaring"),
        ("Heading 2", f"Vraag 1 over ervaring{SAFE_COLON} wel/niet?"),
        ("Heading 2", f"Vraag 2 over ervaring{SAFE_COLON} invloed?"),
        ("Heading 1", "Tijd en ruimte"),
        ("Heading 2", f"Vraag 1 over tijd en ruimte{SAFE_COLON} wijze van tijd indelen?"),
        ("Heading 1", "Overige interessante informatie"),
        ("Heading 2", "Wat zijn de sterke punten?"),
        ("Heading 2", "Wilt u nog iets toevoegen?"),
    ]
    answers = {p.text: p for p in doc.paragraphs if p.text.startswith("1.1: ")}
    assert list(answers)[:3] == ["1.1: Ja.", "1.1: Ja, bij de gemeente.", "1.1: En bij de GGD."]
    colour = {text: {r.font.highlight_color for r in p.runs} for text, p in answers.items()}
    assert colour["1.1: Ja, bij de gemeente."] == {WD_COLOR_INDEX.YELLOW}
    assert colour["1.1: Gaat over feedback eigenlijk."] == {WD_COLOR_INDEX.RED}
    assert colour["1.1: De korte lijnen."] == {WD_COLOR_INDEX.GRAY_25}
    tagged_grey = answers["1.1: Eigen agenda."]
    assert {r.font.highlight_color for r in tagged_grey.runs} == {WD_COLOR_INDEX.GRAY_25}
    # the tag markers follow the speech in a paragraph of their own, in the tag's colour
    texts = [p.text for p in doc.paragraphs]
    marker = doc.paragraphs[texts.index("1.1: Gaat over feedback eigenlijk.") + 1]
    assert marker.text == "[Feedback]"
    assert marker.runs[0].font.highlight_color == WD_COLOR_INDEX.RED
    assert texts[texts.index("1.1: Eigen agenda.") + 1] == "[Overige interessante informatie]"
    assert answers["1.1: Ja."].runs[0].text == "1.1: Ja."


def test_margin_layout_has_line_numbers_and_a_wide_right_margin(make_session) -> None:
    doc = coding(_session(make_session))
    assert line_numbering(doc) is not None
    assert doc.sections[-1].right_margin >= Cm(6.5)
    assert len(doc.tables) == 2  # the title block and the codebook


def test_two_column_layout(make_session) -> None:
    doc = coding(_session(make_session), layout="two-column")
    assert line_numbering(doc) is None
    first = doc.tables[2]  # after the title block and the codebook
    rows = [[c.text for c in row.cells] for row in first.rows]
    assert rows[0] == ["Tekst", "Code / memo"]
    assert rows[1] == ["1.1: Ja.", "Ervaring / Wel/niet"]
    assert rows[2] == ["1.1: Ja, bij de gemeente.", "Ervaring / Wel/niet"]
    second = [[c.text for c in row.cells] for row in doc.tables[3].rows]
    assert second[1] == ["1.1: Gaat over feedback eigenlijk.", "Ervaring / Invloed; Feedback"]
    assert second[2] == ["[Feedback]", "Ook gecodeerd als"]
    headers = doc.element.body.xpath("./w:tbl[3]/w:tr[1]/w:trPr/w:tblHeader")
    assert headers, "the header row repeats on every page"


def test_group_speakers_and_no_notes(make_session) -> None:
    session = make_session(
        {"ervaring-1": "Wij wel."}, speakers={"ervaring-1": "R2"}, participants=("R1", "R2")
    )
    texts = [p.text for p in coding(session).paragraphs]
    assert "R2: Wij wel." in texts
    empty = [p.text for p in coding(make_session({})).paragraphs]
    assert "Er zijn bij dit interview geen aantekeningen gemaakt." in empty


def test_demo_group_interview_every_answer_starts_with_its_speaker(seed_protocol) -> None:
    from interviewer.demo import make_demo_sessions

    (session,) = make_demo_sessions(
        seed_protocol, case="Wierden", respondents=1, minutes=30, participants=3, seed=5
    )
    doc = coding(session)
    paragraphs = doc.paragraphs
    first_topic = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1")
    body = [p for p in paragraphs[first_topic:] if p.style.name == "Normal" and p.text[:1] != "["]
    assert body
    speakers = {p.text.split(": ", 1)[0] for p in body}
    assert speakers <= {"R1", "R2", "R3", "Interviewer"} and len(speakers) >= 3
    # several participants take turns under one question (Heading 2), each their own paragraph
    per_question: list[set[str]] = []
    for p in paragraphs[first_topic:]:
        if p.style.name == "Heading 2":
            per_question.append(set())
        elif p.style.name == "Normal" and per_question and p.text[:1] != "[":
            per_question[-1].add(p.text.split(": ", 1)[0])
    assert any(len(who - {"Interviewer"}) >= 2 for who in per_question)


def test_turns_are_paragraphs_with_their_own_speaker(make_session) -> None:
    """2.2 speaks, 2.3 adds to it: the note is no longer relabelled as one speaker's."""
    session = make_session(
        answers={"ervaring-1": "yes"},
        turns={"ervaring-1": [("2.2", "Het SWT is ontstaan."), ("2.3", "Vult aan: eerst jeugd.")]},
        participants=("2.1", "2.2", "2.3"),
        respondent="2",
    )
    texts = [p.text for p in coding(session).paragraphs]
    at = texts.index("2.2: Ja.")
    assert texts[at : at + 3] == [
        "2.2: Ja.",
        "2.2: Het SWT is ontstaan.",
        "2.3: Vult aan: eerst jeugd.",
    ]
