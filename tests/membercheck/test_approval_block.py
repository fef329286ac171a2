"""The transcript for approval says what the respondent must do, and ``approval receive``
reads what they ticked and wrote (issue 13.2)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml import parse_xml

from interviewer.cli import main
from interviewer.membercheck import workflow
from interviewer.membercheck.approval_block import box_state, read_approval
from interviewer.membercheck.diff import compare
from interviewer.membercheck.docx_text import read_paragraphs
from interviewer.membercheck.storage import ApprovalBook

from .conftest import DEADLINE, SENT_DAY, edit_docx, set_shown, shown


def _with_member_check(session, **settings):
    protocol = session.protocol
    member_check = protocol.member_check.model_copy(update=settings)
    return session.model_copy(
        update={"protocol": protocol.model_copy(update={"member_check": member_check})}
    )


def _texts(data: bytes) -> list[str]:
    return [shown(p) for p in Document(io.BytesIO(data)).paragraphs]


def test_copy_sent_names_deadline_address_and_silence_rule(tmp_path: Path, session) -> None:
    session = _with_member_check(
        session, reply_to="onderzoeker@example.nl", silence_means_approval=True
    )
    _r, rendered, _p = workflow.send(
        ApprovalBook(tmp_path), session, deadline=DEADLINE, today=SENT_DAY
    )
    texts = _texts(rendered.docx)
    cover = texts.index(next(t for t in texts if t.startswith("Dit is het verslag")))
    assert texts[cover + 1] == (
        "Wilt u het verslag uiterlijk 15 april 2026 terugsturen naar onderzoeker@example.nl? "
        "Kruis aan het eind een van de vakjes aan en vul uw naam en de datum in. "
        "Heb ik op 15 april 2026 niets van u gehoord, dan geldt het interviewverslag als "
        "goedgekeurd en wordt het zoals het is anoniem verwerkt in het onderzoeksverslag."
    )
    # real boxes, then name, date and signature lines
    assert texts[-5:-3] == [
        "☐ Ik ga akkoord met dit verslag zoals het is.",
        "☐ Ik ga akkoord met dit verslag met de wijzigingen die ik heb aangegeven.",
    ]
    assert [t.split(":")[0] for t in texts[-3:]] == ["Naam", "Datum", "Handtekening"]
    # the request is part of the sent text, not of the transcript (it is a meta paragraph)
    request = next(p for p in rendered.paragraphs if "terugsturen" in p.text)
    assert request.role == "meta"


def test_without_the_setting_silence_is_not_approval_and_reply_to_comes_from_the_option(
    tmp_path: Path, session
) -> None:
    session = _with_member_check(session, reply_to="protocol@example.nl")
    _r, rendered, _p = workflow.send(
        ApprovalBook(tmp_path),
        session,
        deadline=DEADLINE,
        reply_to="ander@example.nl",
        today=SENT_DAY,
        lang="en",
    )
    text = "\n".join(_texts(rendered.docx))
    assert "Please return the report by 15 April 2026 to ander@example.nl." in text
    assert "protocol@example.nl" not in text and "counts as approved" not in text
    assert "☐ I approve this report as it is." in text


@pytest.mark.parametrize(
    ("line", "ticked"),
    [
        ("☒ Ik ga akkoord met dit verslag zoals het is.", True),
        ("☑ Ik ga akkoord", True),
        ("[x] Ik ga akkoord", True),
        ("[X] Ik ga akkoord", True),
        ("✓ Ik ga akkoord", True),
        ("X Ik ga akkoord", True),
        ("Ik ga akkoord met dit verslag zoals het is. ✓", True),
        ("☐ Ik ga akkoord met dit verslag zoals het is.", False),
        ("[ ] Ik ga akkoord", False),
        ("Ik ga akkoord", False),
    ],
)
def test_box_marks(line: str, ticked: bool) -> None:
    assert box_state(line)[0] is ticked
    assert box_state(line)[1].startswith("Ik ga akkoord")


def _tick(doc, sentence: str, mark: str) -> None:
    paragraph = next(p for p in doc.paragraphs if shown(p) == "☐ " + sentence)
    set_shown(paragraph, f"{mark} {sentence}")


def _fill(doc, label: str, value: str) -> None:
    # the last one: the title block has a "Datum:" line too
    paragraph = next(p for p in reversed(doc.paragraphs) if shown(p).startswith(label + ":"))
    set_shown(paragraph, f"{label}: {value}")


AS_IS = "Ik ga akkoord met dit verslag zoals het is."
WITH_CHANGES = "Ik ga akkoord met dit verslag met de wijzigingen die ik heb aangegeven."


def _sent(tmp_path: Path, session):
    book = ApprovalBook(tmp_path / "data")
    record, rendered, _p = workflow.send(book, session, deadline=DEADLINE, today=SENT_DAY)
    return book, record, rendered


def test_ticked_as_is_unchanged_proposes_accept(tmp_path: Path, session) -> None:
    _book, record, rendered = _sent(tmp_path, session)

    def fill(doc) -> None:
        _tick(doc, AS_IS, "☒")
        _fill(doc, "Naam", "J. de Vries")
        _fill(doc, "Datum", "20-4-2026")

    returned = read_paragraphs(edit_docx(rendered.docx, fill))
    reading = read_approval(compare(record.sent[-1].paragraphs, returned), "nl")
    assert (reading.as_is, reading.with_changes) == ("ticked", "empty")
    assert reading.as_is_text == AS_IS
    assert (reading.name, reading.date, reading.date_iso) == (
        "J. de Vries",
        "20-4-2026",
        "2026-04-20",
    )
    assert reading.transcript_changes == 0 and reading.proposal == "accept"


def _checkbox_control(checked: bool) -> str:
    """A Word check box content control as Word 2010+ writes it (its glyph out of date on
    purpose: the checked state decides)."""
    return (
        '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:sdtPr>'
        f'<w14:checkbox><w14:checked w14:val="{int(checked)}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
        "<w:sdtContent><w:r><w:t>☐</w:t></w:r></w:sdtContent></w:sdt>"
    )


def test_word_checkbox_control_with_changes_proposes_a_judgement(tmp_path: Path, session) -> None:
    _book, record, rendered = _sent(tmp_path, session)

    def fill(doc) -> None:
        paragraph = next(p for p in doc.paragraphs if shown(p) == "☐ " + WITH_CHANGES)
        set_shown(paragraph, " " + WITH_CHANGES)
        paragraph._p.insert(1, parse_xml(_checkbox_control(True)))  # after the line number
        start = next(n for n, p in enumerate(doc.paragraphs) if p.style.name == "Heading 1")
        answer = next(p for p in doc.paragraphs[start:] if len(shown(p)) > 120)
        set_shown(answer, shown(answer) + " Dat wil ik nog aanvullen.")
        _fill(doc, "Naam", "")
        _fill(doc, "Handtekening", "Jan de Vries")

    returned = read_paragraphs(edit_docx(rendered.docx, fill))
    assert "☒ " + WITH_CHANGES in returned
    reading = read_approval(compare(record.sent[-1].paragraphs, returned), "nl")
    assert (reading.as_is, reading.with_changes) == ("empty", "ticked")
    assert reading.name == "" and reading.signature == "Jan de Vries"
    assert reading.transcript_changes == 1 and reading.proposal == "judge"


def test_receive_reports_the_block_and_the_proposal(tmp_path: Path, stored) -> None:
    data_dir, sessions = stored
    session = sessions[0]
    out = tmp_path / "sent"

    def cli(*args: str) -> str:
        result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "--lang", "en", *args])
        assert result.exit_code == 0, result.output
        return result.output

    sent_out = cli("approval", "send", session.id, "--deadline", "2026-12-15", "--out", str(out),
                   "--reply-to", "onderzoeker@example.nl", "--today", "2026-12-01")  # fmt: skip
    assert "deadline 2026-12-15" in sent_out
    (sent_file,) = out.iterdir()
    text = "\n".join(_texts(sent_file.read_bytes()))
    assert "uiterlijk 15 december 2026 terugsturen naar onderzoeker@example.nl" in text
    assert "niets van u gehoord" not in text  # the bundled seed protocol has no silence rule

    def fill(doc) -> None:
        _tick(doc, AS_IS, "[x]")
        _fill(doc, "Naam", "Respondent Een")
        _fill(doc, "Datum", "2026-12-10")

    returned = tmp_path / "terug.docx"
    returned.write_bytes(edit_docx(sent_file.read_bytes(), fill))
    output = cli("approval", "receive", session.id, str(returned))
    assert f"Ticked: “{AS_IS}”" in output
    assert "Name: Respondent Een" in output and "Date: 2026-12-10 (2026-12-10)" in output
    assert re.search(
        rf"Ticked “{re.escape(AS_IS)}” and no changes: propose "
        rf"'interviewer approval accept {session.id}'",
        output,
    )
    # nothing ticked: no approval yet
    returned.write_bytes(sent_file.read_bytes())
    assert "No box ticked." in cli("approval", "receive", session.id, str(returned))


def test_line_numbers_are_not_text_even_when_their_style_is_lost(tmp_path: Path, session) -> None:
    _book, record, rendered = _sent(tmp_path, session)

    def drop_styles(doc) -> None:  # as a program that keeps tabs but not character styles
        for paragraph in doc.paragraphs:
            for run in paragraph.runs:
                run.style = None

    plain = edit_docx(rendered.docx, drop_styles)
    assert "TranscriptLineNumber" not in Document(io.BytesIO(plain)).element.xml
    assert read_paragraphs(plain) == [p.text for p in record.sent[-1].paragraphs]


def test_wingdings_box_symbol_reads_as_a_ticked_box(tmp_path: Path, session) -> None:
    _book, record, rendered = _sent(tmp_path, session)

    def fill(doc) -> None:
        paragraph = next(p for p in doc.paragraphs if shown(p) == "☐ " + AS_IS)
        set_shown(paragraph, " " + AS_IS)
        symbol = parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:sym w:font="Wingdings" w:char="F0FE"/></w:r>'
        )
        paragraph._p.insert(1, symbol)

    returned = read_paragraphs(edit_docx(rendered.docx, fill))
    assert "☑ " + AS_IS in returned
    reading = read_approval(compare(record.sent[-1].paragraphs, returned), "nl")
    assert reading.as_is == "ticked" and reading.proposal == "accept"
