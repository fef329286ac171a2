"""The big Word writers grow their documents through ``docx_tools.BodyAppender``: python-docx's
``Document.add_paragraph`` / ``add_heading`` / ``add_table`` (a search of the whole body for
its section properties per call) and ``Table.add_row`` (a scan of the table per row) are
called as often for a long recording as for a short one. Speed itself is measured in
``bench/verbatim_bench.py`` and ``bench/report_bench.py``."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.table import Table

from interviewer.domain.session import Session
from interviewer.export.guide import write_guide_docx
from interviewer.export.options import ExportOptions
from interviewer.export.registry import FORMATS, render
from interviewer.transcript.model import Segment, Transcript

SEARCHING = (
    (DocumentObject, "add_paragraph"),
    (DocumentObject, "add_heading"),
    (DocumentObject, "add_table"),
    (Table, "add_row"),
)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Counts the calls of the python-docx methods that search per call."""
    counted: Counter[str] = Counter()
    for owner, name in SEARCHING:
        original = getattr(owner, name)

        def counting(*args, _original=original, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            counted[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counting)
    yield counted


def _transcript(session: Session, segments: int) -> Transcript:
    end = session.timeline[-1].at
    step = end / segments
    words = ["we", "overleggen", "elke", "week", "met", "het", "team", "over", "de", "casussen"]
    items = [
        Segment(
            i * step,
            i * step + step * 0.9,
            " ".join(words[i % 5 :]) + f" stuk{i}.",
            f"SPEAKER_{i % 2:02d}",
        )
        for i in range(segments)
    ]
    return Transcript(session.id, items, offset=0.0, speakers={"SPEAKER_00": "interviewer"})


@pytest.mark.parametrize("layout", ["plain", "two-column"])
def test_verbatim_coding_document_calls_no_searching_method_per_segment(
    demo_case: list[Session], calls: Counter[str], layout: str
) -> None:
    session = demo_case[0]
    counts = []
    for segments in (40, 400):
        calls.clear()
        transcript = _transcript(session, segments)
        options = ExportOptions(verbatim=True, layout=layout, transcripts={session.id: transcript})
        data = render(FORMATS["coding-docx"], [session], options)
        texts = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
        if layout == "plain":  # every segment is a paragraph of the document
            assert all(f" stuk{i}." in texts for i in range(segments))
        counts.append(dict(calls))
    assert counts[0] == counts[1]
    assert counts[1].get("add_row", 0) == 0


@pytest.mark.parametrize("layout", ["plain", "two-column"])
def test_notes_coding_document_calls_no_searching_method_per_entry(
    demo_case: list[Session], calls: Counter[str], layout: str
) -> None:
    render(FORMATS["coding-docx"], demo_case[:1], ExportOptions(layout=layout))
    assert calls.get("add_heading", 0) == 0 and calls.get("add_row", 0) == 0
    assert calls.get("add_paragraph", 0) <= 3  # title, codebook caption, 'no notes'


def test_matrix_and_guide_rows_and_paragraphs_go_through_the_appender(
    demo_case: list[Session],
    seed_protocol,
    calls: Counter[str],  # type: ignore[no-untyped-def]
) -> None:
    render(FORMATS["matrix-docx"], demo_case, ExportOptions())
    assert calls.get("add_row", 0) == 0
    calls.clear()
    write_guide_docx(seed_protocol, io.BytesIO())
    assert not calls
