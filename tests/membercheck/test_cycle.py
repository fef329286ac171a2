"""The whole member-check cycle on demo data, through the core (no CLI)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from interviewer.export.registry import write_export
from interviewer.membercheck import workflow
from interviewer.membercheck.exporting import export_options, final_session
from interviewer.membercheck.model import ApprovalState, effective_state
from interviewer.membercheck.storage import ApprovalBook

from .conftest import DEADLINE, SENT_DAY, edit_docx, set_shown, shown


def _answers(doc: Document, session) -> list:
    """The answer paragraphs (notes) of the docx, in order."""
    notes = [p for r in session.records.values() for p in r.notes.split("\n\n") if p.strip()]
    wanted = {" ".join(n.split()) for n in notes}
    return [p for p in doc.paragraphs if shown(p) in wanted]


def _returned(sent_docx: bytes, session) -> tuple[bytes, str, str, str]:
    """A returned docx: one answer paragraph deleted, one sentence of another changed."""
    info: dict[str, str] = {}

    def edit(doc: Document) -> None:
        answers = _answers(doc, session)
        gone, changed = answers[1], answers[3]
        info["deleted"] = shown(gone)
        info["old"] = shown(changed)
        gone._p.getparent().remove(gone._p)  # python-docx has no delete; the element is public lxml
        first_sentence = info["old"].split(". ")[0]
        new_text = info["old"].replace(first_sentence, first_sentence + " en dat vond ik lastig", 1)
        set_shown(changed, new_text)
        info["new"] = new_text

    data = edit_docx(sent_docx, edit)
    return data, info["deleted"], info["old"], info["new"]


def test_whole_cycle_send_remind_receive_accept_export(tmp_path: Path, session) -> None:
    book = ApprovalBook(tmp_path / "data")
    record, rendered, _ = workflow.send(
        book, session, deadline=DEADLINE, channel="email", today=SENT_DAY
    )
    assert record.state is ApprovalState.SENT
    assert book.read_file(session.id, "sent-1.docx") == rendered.docx  # the exact copy is kept
    assert record.sent[0].docx_sha256 == rendered.docx_sha256

    record = workflow.remind(book, session.id, channel="email", today=SENT_DAY + dt.timedelta(7))
    record = workflow.remind(book, session.id, channel="phone", today=SENT_DAY + dt.timedelta(10))
    assert [r.channel for r in record.reminders] == ["email", "phone"]
    assert record.state is ApprovalState.REMINDED

    returned, deleted, old, new = _returned(rendered.docx, session)
    record, comparison, version = workflow.receive(
        book, session.id, returned, original_name="x.docx"
    )
    assert record.state is ApprovalState.RETURNED
    transcript = [c for c in comparison.changes if c.region == "transcript"]
    assert [(c.kind, c.old, c.new) for c in transcript] == [
        ("deleted", deleted, ""),
        ("changed", old, new),
    ]
    assert version.counts == {"deleted": 1, "added": 0, "changed": 1}
    assert comparison.changes == tuple(transcript)  # nothing else was touched

    # The change report (docx and md) names exactly those two paragraphs.
    report = Document(io.BytesIO(book.read_file(session.id, version.report_docx)))
    rows = [[c.text for c in row.cells] for row in report.tables[0].rows[1:]]
    # (a pure insertion: the changed row's text reads as the new paragraph)
    assert [(r[1], r[2]) for r in rows] == [("verwijderd", deleted), ("gewijzigd", new)]
    assert len(report.tables) == 1
    marked = [r for p in report.tables[0].rows[2].cells[2].paragraphs for r in p.runs]
    assert any(r.font.underline and "lastig" in r.text for r in marked)
    md = book.read_file(session.id, version.report_md).decode("utf-8")
    assert sum(1 for line in md.splitlines() if line.startswith("| ") and " → " in line[:14]) == 2
    assert f"~~{deleted[:30]}" in md and "**en dat vond ik lastig**" in md

    record = workflow.accept(book, session.id, changes="minor", today=SENT_DAY + dt.timedelta(12))
    assert record.state is ApprovalState.APPROVED_MINOR
    assert record.decision and record.decision.returned == 1
    assert [e.kind for e in record.events] == [
        "sent",
        "reminded",
        "reminded",
        "received",
        "accepted",
    ]

    # The coding document is made from the final text.
    out = tmp_path / "exports"
    options = export_options(tmp_path / "data", [session])
    (path,) = write_export([session], "coding-docx", out, options)
    text = "\n".join(p.text for p in Document(path).paragraphs)
    assert deleted not in text
    assert new in text and old not in text
    # ... and so is the REFI-QDA project, which also carries the approval state.
    (qdpx,) = write_export([session], "qdpx", out, options)
    with zipfile.ZipFile(qdpx) as archive:
        source = next(archive.read(n).decode() for n in archive.namelist() if n.endswith(".txt"))
        project = archive.read("project.qde").decode()
    assert deleted not in source and new in source
    assert "Goedkeuring verslag" in project and "goedgekeurd met kleine wijzigingen" in project
    # The approval transcript itself keeps the session's own text (the audit has both).
    (transcript,) = write_export([session], "transcript-docx", out, options)
    assert deleted in "\n".join(shown(p) for p in Document(transcript).paragraphs)


def test_final_text_keeps_quick_answers_and_parts(tmp_path: Path, session) -> None:
    book = ApprovalBook(tmp_path)
    workflow.send(book, session, deadline=DEADLINE, today=SENT_DAY)
    record = workflow.accept(book, session.id, changes="none", today=SENT_DAY)
    assert record.state is ApprovalState.APPROVED_UNCHANGED
    final = final_session(session, record)
    for qid, original in session.records.items():
        now = final.records[qid]
        assert now.quick_answer == original.quick_answer
        assert {k: v for k, v in now.parts.items() if v} == {
            k: v.strip() for k, v in original.parts.items() if v.strip()
        }
        assert [" ".join(p.split()) for p in now.notes.split("\n\n") if p] == [
            " ".join(p.split()) for p in original.notes.strip().split("\n\n") if p.strip()
        ]


def test_deadline_passing_makes_it_usable_without_response(tmp_path: Path, session) -> None:
    book = ApprovalBook(tmp_path)
    record, _, _ = workflow.send(book, session, deadline=DEADLINE, today=SENT_DAY)
    assert effective_state(record, DEADLINE) is ApprovalState.SENT
    assert effective_state(record, DEADLINE + dt.timedelta(1)) is ApprovalState.NO_RESPONSE
    with pytest.raises(workflow.MemberCheckError, match="has not passed"):
        workflow.accept(book, session.id, today=DEADLINE)
    record = workflow.accept(book, session.id, today=DEADLINE + dt.timedelta(1))
    assert record.state is ApprovalState.NO_RESPONSE and record.decision.returned is None
    with pytest.raises(workflow.MemberCheckError, match="no reminder needed"):
        workflow.remind(book, session.id, channel="phone", today=DEADLINE)
    with pytest.raises(workflow.MemberCheckError, match="already final"):
        workflow.receive(book, session.id, b"")


def test_accept_needs_a_judgement_when_the_text_changed(tmp_path: Path, session) -> None:
    book = ApprovalBook(tmp_path)
    _, rendered, _ = workflow.send(book, session, deadline=DEADLINE, today=SENT_DAY)
    returned, *_ = _returned(rendered.docx, session)
    workflow.receive(book, session.id, returned)
    with pytest.raises(workflow.MemberCheckError, match="--changes minor"):
        workflow.accept(book, session.id, today=SENT_DAY)
    with pytest.raises(workflow.MemberCheckError, match="differs"):
        workflow.accept(book, session.id, changes="none", today=SENT_DAY)
    record = workflow.accept(book, session.id, changes="substantial", today=SENT_DAY)
    assert record.state is ApprovalState.APPROVED_SUBSTANTIAL


def test_receive_refuses_what_is_not_a_docx(tmp_path: Path, session) -> None:
    book = ApprovalBook(tmp_path)
    with pytest.raises(workflow.MemberCheckError, match="not been sent"):
        workflow.receive(book, session.id, b"x")
    workflow.send(book, session, deadline=DEADLINE, today=SENT_DAY)
    with pytest.raises(workflow.MemberCheckError, match="not a Word"):
        workflow.receive(book, session.id, b"plain text, not a document")


def test_approval_files_are_private(tmp_path: Path, session) -> None:
    book = ApprovalBook(tmp_path / "data")
    workflow.send(book, session, deadline=DEADLINE, today=SENT_DAY)
    assert (book.record_path(session.id).stat().st_mode & 0o777) == 0o600
    assert (book.files_dir(session.id).stat().st_mode & 0o777) == 0o700
    assert ((book.files_dir(session.id) / "sent-1.docx").stat().st_mode & 0o777) == 0o600
