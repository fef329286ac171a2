"""The transcript for respondent approval, docx and Markdown, reopened and read back."""

from __future__ import annotations

import io
import re

from interviewer.domain.session import Session
from interviewer.export.docx_tools import line_numbering
from interviewer.export.options import ExportOptions
from interviewer.export.transcript_docx import write_transcript_docx
from interviewer.export.transcript_md import write_transcript_md

from .conftest import reopen, styled, unnumbered


def docx_of(session: Session, **options: object) -> list[tuple[str, str]]:
    stream = io.BytesIO()
    write_transcript_docx(session, stream, ExportOptions(**options))  # type: ignore[arg-type]
    return [(style, unnumbered(text)) for style, text in styled(reopen(stream.getvalue()))]


def md_of(session: Session, **options: object) -> str:
    stream = io.BytesIO()
    write_transcript_md(session, stream, ExportOptions(**options))  # type: ignore[arg-type]
    return stream.getvalue().decode("utf-8")


def test_title_block_cover_content_and_approval(make_session) -> None:
    session = make_session(
        {"ervaring-1": "Eerder bij de gemeente.", "ervaring-2": "Positief."},
        answers={"ervaring-1": "yes"},
    )
    pairs = docx_of(session)
    assert pairs[0] == ("Title", "Interviewverslag 1.1")
    texts = [t for _, t in pairs]
    assert "Onderzoek: Samenwerking in sociale teams" in texts
    assert "Respondent: 1.1" in texts
    assert "Casus: Borne" in texts
    assert "Datum: 2026-03-02" in texts
    assert "Duur: 4 minuten" in texts
    assert "Interviewer: Onderzoeker" in texts
    assert any("anoniem verwerkt" in t and "aanvullen" in t for t in texts)
    assert ("Heading 1", "Eerdere ervaringen met samenwerking") in pairs
    question = texts.index("Vraag 1 over ervaring: wel/niet?")
    assert texts[question + 1 : question + 3] == ["Ja.", "Eerder bij de gemeente."]
    assert pairs[-7] == ("Heading 1", "Akkoord")
    assert texts[-6:] == [
        "Respondentcode: 1.1",
        "☐ Ik ga akkoord met dit verslag zoals het is.",
        "☐ Ik ga akkoord met dit verslag met de wijzigingen die ik heb aangegeven.",
        "Naam: ____________________",
        "Datum: ____________________",
        "Handtekening: ____________________",
    ]
    assert not any("CONCEPT" in t for t in texts)


def test_order_is_the_interview_order_not_the_protocol_order(make_session) -> None:
    session = make_session(
        {"feedback-1": "Eerst feedback.", "ervaring-2": "Daarna ervaring.", "ervaring-1": "Toen."},
        order=["feedback-1", "ervaring-2", "ervaring-1"],
    )
    pairs = docx_of(session)
    headings = [t for s, t in pairs if s == "Heading 1"]
    assert headings[:2] == [
        "Geven van feedback voor verbeteringen van samenwerking",
        "Eerdere ervaringen met samenwerking",
    ]
    texts = [t for _, t in pairs]
    assert texts.index("Eerst feedback.") < texts.index("Daarna ervaring.") < texts.index("Toen.")


def test_parts_timestamps_and_line_numbering(make_session) -> None:
    session = make_session(parts={"ervaring-3": {"bp": "Korte lijnen.", "kp": "Geen"}})
    stream = io.BytesIO()
    write_transcript_docx(session, stream, ExportOptions(timestamps=True))
    doc = reopen(stream.getvalue())
    texts = [unnumbered(p.text) for p in doc.paragraphs]
    assert "BP: Korte lijnen." in texts and "KP: Geen" in texts
    assert "[0:01:00] Vraag 3 over ervaring: best practices/knelpunten?" in texts
    # the lines carry their own numbers: Word's layout-dependent numbering is off
    assert line_numbering(doc) is None
    assert all(re.match(r"\t\d+\t", p.text) for p in doc.paragraphs)


def test_group_interview_has_speaker_labels(make_session) -> None:
    session = make_session(
        {"ervaring-1": "Ik wel.", "ervaring-2": "Ik niet."},
        speakers={"ervaring-1": "R1", "ervaring-2": "R3"},
        participants=("R1", "R2", "R3"),
    )
    texts = [t for _, t in docx_of(session)]
    assert "Deelnemers: R1, R2, R3" in texts
    assert "R1: Ik wel." in texts and "R3: Ik niet." in texts
    markdown = md_of(session)
    assert "**R1:** Ik wel." in markdown


def test_unfinished_session_is_marked_draft(make_session) -> None:
    session = make_session({"ervaring-1": "Half."}, finish=False)
    pairs = docx_of(session)
    assert pairs[1][1] == "CONCEPT: dit interview is niet afgerond"
    assert "CONCEPT" in md_of(session)


def test_session_without_notes_is_valid_and_says_so(make_session) -> None:
    session = make_session({})
    texts = [t for _, t in docx_of(session)]
    assert "Er zijn bij dit interview geen aantekeningen gemaakt." in texts
    assert texts[-1] == "Handtekening: ____________________"


def test_markdown_lines_are_numbered_consecutively(make_session) -> None:
    long_note = " ".join(["woord"] * 80)
    session = make_session({"ervaring-1": long_note, "ervaring-2": "# geen kop"})
    markdown = md_of(session)
    numbers = [int(n) for n in re.findall(r"`\s*(\d+)`", markdown)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert markdown.startswith("# `   1` Interviewverslag 1.1")
    assert "\\# geen kop" in markdown
    note_lines = [line for line in markdown.splitlines() if "woord woord" in line]
    assert len(note_lines) >= 4


def test_english_protocol_gives_english_texts(make_session) -> None:
    session = make_session({"ervaring-1": "Yes."})
    texts = [t for _, t in docx_of(session, lang="en")]
    assert texts[0] == "Interview report 1.1"
    assert "☐ I approve this report as it is." in texts


def test_a_topic_visited_twice_appears_twice(make_session) -> None:
    session = make_session(
        {"ervaring-1": "Eerst.", "feedback-1": "Tussendoor.", "ervaring-2": "Terug."},
        order=["ervaring-1", "feedback-1", "ervaring-2"],
    )
    headings = [t for s, t in docx_of(session) if s == "Heading 1"]
    assert headings == [
        "Eerdere ervaringen met samenwerking",
        "Geven van feedback voor verbeteringen van samenwerking",
        "Eerdere ervaringen met samenwerking (vervolg)",
        "Akkoord",
    ]
