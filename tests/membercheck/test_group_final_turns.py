"""A group interview's member check: when the approved text drops a paragraph, the turns
of the final text follow their paragraphs (the speakers after it do not shift)."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from interviewer.demo import make_demo
from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.turns import spoken_paragraphs
from interviewer.export.registry import write_export
from interviewer.membercheck import workflow
from interviewer.membercheck.exporting import export_options, final_session
from interviewer.membercheck.model import ApprovalState
from interviewer.membercheck.storage import ApprovalBook

from .conftest import DEADLINE, SENT_DAY, edit_docx, shown

QID = "ervaring-4"


def _said(session, qid: str = QID) -> list[tuple[str, str]]:
    record = session.records[qid]
    return [
        (who, " ".join(text.split()))
        for who, text in spoken_paragraphs(record.notes, record.turns, "")
    ]


def test_removed_paragraph_keeps_later_speakers(
    tmp_path: Path, protocol: InterviewProtocol
) -> None:
    (demo,) = make_demo(protocol, case="Borne", respondents=1, participants=3, seed=7, minutes=20)
    session = demo.session
    before = _said(session)
    assert len({who for who, _ in before}) >= 3  # several speakers under one question
    gone = before[1]
    book = ApprovalBook(tmp_path / "data")
    _record, rendered, _ = workflow.send(book, session, deadline=DEADLINE, today=SENT_DAY)

    def remove(doc: Document) -> None:
        (paragraph,) = [p for p in doc.paragraphs if shown(p).endswith(gone[1])]
        paragraph._p.getparent().remove(paragraph._p)  # python-docx has no delete

    returned = edit_docx(rendered.docx, remove)
    workflow.receive(book, session.id, returned, original_name="terug.docx")
    record = workflow.accept(book, session.id, changes="minor", today=SENT_DAY)
    assert record.state is ApprovalState.APPROVED_MINOR

    final = final_session(session, record)
    assert _said(final) == [before[0], *before[2:]]
    # every other question is unchanged, speakers included
    for qid in session.records:
        if qid != QID and session.records[qid].notes.strip():
            assert _said(final, qid) == _said(session, qid)
    # the coding document says who said what after the removal
    options = export_options(tmp_path / "data", [session])
    (path,) = write_export([session], "coding-docx", tmp_path / "out", options)
    lines = [" ".join(p.text.split()) for p in Document(str(path)).paragraphs]
    assert gone[1] not in "\n".join(lines)
    last_who, last_text = before[-1]
    assert any(line.startswith(f"{last_who}: ") and line.endswith(last_text) for line in lines)
