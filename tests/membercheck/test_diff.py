"""Paragraph diff, final-text mapping and reading returned documents."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from interviewer.membercheck.diff import compare, final_answers, word_diff
from interviewer.membercheck.docx_text import read_paragraphs
from interviewer.membercheck.model import SentParagraph
from interviewer.membercheck.sent import render

SENT = [
    SentParagraph(text="Verslag 1.1", role="meta"),
    SentParagraph(text="Ervaring", role="heading"),
    SentParagraph(text="Hoe ging het?", role="question", question_id="q1"),
    SentParagraph(text="Ja.", role="answer", question_id="q1", origin="quick"),
    SentParagraph(
        text="Het ging goed met de overdracht naar de wijk.",
        role="answer",
        question_id="q1",
        origin="notes",
    ),
    SentParagraph(
        text="BP: korte lijnen in het team",
        role="answer",
        question_id="q1",
        origin="part",
        part_id="bp",
    ),
    SentParagraph(text="Wat kan beter?", role="question", question_id="q2"),
    SentParagraph(text="Geen antwoord genoteerd.", role="placeholder", question_id="q2"),
    SentParagraph(text="Akkoord", role="approval"),
    SentParagraph(text="Datum: ____", role="approval"),
]


def test_unchanged_text_has_no_changes_and_keeps_everything() -> None:
    comparison = compare(SENT, [p.text for p in SENT])
    assert comparison.changes == () and comparison.unchanged
    final = final_answers(comparison)
    assert final["q1"].quick_answer_kept
    assert final["q1"].notes == "Het ging goed met de overdracht naar de wijk."
    assert final["q1"].parts == {"bp": "korte lijnen in het team"}
    assert final["q2"].notes == ""


def test_added_paragraph_belongs_to_the_question_before_it() -> None:
    returned = [p.text for p in SENT]
    returned.insert(6, "En ook met de huisarts.")
    returned[7 + 1] = "Meer overleg met de wijkverpleging."  # placeholder filled in
    returned[-1] = "Datum: 3 april 2026"  # approval block filled in
    comparison = compare(SENT, returned)
    first, *middle, last = comparison.changes
    assert (first.kind, first.region, first.new) == (
        "added",
        "transcript",
        "En ook met de huisarts.",
    )
    assert {c.region for c in middle} == {"transcript"}  # the filled-in placeholder
    assert (last.kind, last.region, last.new) == ("changed", "approval", "Datum: 3 april 2026")
    final = final_answers(comparison)
    assert final["q1"].notes.endswith("En ook met de huisarts.")
    assert final["q2"].notes == "Meer overleg met de wijkverpleging."
    assert comparison.counts("approval") == {"deleted": 0, "added": 0, "changed": 1}


def test_changed_quick_answer_and_part() -> None:
    returned = [p.text for p in SENT]
    returned[3] = "Ja, maar niet altijd."
    returned[5] = "BP: korte lijnen en vaste overleggen in het team"
    final = final_answers(compare(SENT, returned))
    assert not final["q1"].quick_answer_kept
    assert final["q1"].notes.startswith("Ja, maar niet altijd.")
    assert final["q1"].parts == {"bp": "korte lijnen en vaste overleggen in het team"}


def test_deleted_everything_leaves_empty_answers() -> None:
    returned = [p.text for p in SENT if p.role != "answer"]
    final = final_answers(compare(SENT, returned))
    assert final["q1"].notes == "" and final["q1"].parts == {"bp": ""}
    assert not final["q1"].quick_answer_kept


def test_word_diff_marks_inserted_and_deleted_words() -> None:
    segments = word_diff(
        "Het ging goed met de wijk.", "Het ging slecht met de wijk en de huisarts."
    )
    assert ("del", "goed") in segments and ("ins", "slecht") in segments
    assert (
        "".join(t for k, t in segments if k != "del")
        == "Het ging slecht met de wijk en de huisarts."
    )


def test_tracked_changes_count_as_accepted() -> None:
    doc = Document()
    paragraph = doc.add_paragraph("Eerste deel ")
    ins = OxmlElement("w:ins")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "ingevoegd"
    run.append(text)
    ins.append(run)
    deleted = OxmlElement("w:del")
    drun = OxmlElement("w:r")
    dtext = OxmlElement("w:delText")
    dtext.text = "weg"
    drun.append(dtext)
    deleted.append(drun)
    paragraph._p.append(ins)
    paragraph._p.append(deleted)
    doc.add_paragraph("")
    doc.add_paragraph("Tweede\talinea")
    stream = io.BytesIO()
    doc.save(stream)
    assert read_paragraphs(stream.getvalue()) == ["Eerste deel ingevoegd", "Tweede alinea"]
    assert qn("w:ins")  # the namespace helper is the public way to name these elements


def test_sent_map_matches_the_document_in_group_interviews(protocol) -> None:
    from interviewer.demo import make_demo_sessions

    group = make_demo_sessions(
        protocol, case="Haaksbergen", respondents=1, minutes=15, participants=3, seed=2
    )[0]
    rendered = render(group)
    assert [p.text for p in rendered.paragraphs] == read_paragraphs(rendered.docx)
    answers = [p for p in rendered.paragraphs if p.role == "answer"]
    assert answers and all(p.text.startswith(p.label + ": ") for p in answers)
    final = final_answers(compare(rendered.paragraphs, [p.text for p in rendered.paragraphs]))
    for qid, answer in final.items():
        original = group.records[qid]
        assert (
            answer.notes.split("\n\n")[0:1]
            == [" ".join(p.split()) for p in original.notes.strip().split("\n\n")][0:1]
            or not original.notes.strip()
        )
