"""The Word change report's table: every row holds its change (numbers, kind, marked words),
``max_rows`` lifts the reader's cap (the bench times the writer with it), and the rows are
appended, never added through python-docx's ``Table.add_row``."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.table import Table

from interviewer.membercheck import report
from interviewer.membercheck.diff import compare
from interviewer.membercheck.model import SentParagraph

DAY = dt.date(2026, 4, 1)


def _comparison(count: int):  # type: ignore[no-untyped-def]
    sent = [SentParagraph(text="Vraag", role="question", question_id="q1")]
    sent += [
        SentParagraph(text=f"We overleggen elke week {n} keer.", role="answer", question_id="q1")
        for n in range(count)
    ]
    returned = ["Vraag"] + [f"We overleggen elke maand {n} keer." for n in range(count)]
    return compare(sent, returned)


def _read(comparison, **kwargs) -> Document:  # type: ignore[no-untyped-def]
    info = report.ReportInfo("Borne", "R1", 1, DAY, "a" * 64, 2, DAY, "b" * 64, "nl")
    stream = io.BytesIO()
    report.write_docx(comparison, info, stream, **kwargs)
    return Document(io.BytesIO(stream.getvalue()))


def test_lifted_cap_lists_every_change_with_its_marked_words(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(report, "MAX_DOCX_ROWS", 3)
    comparison = _comparison(12)
    doc = _read(comparison, max_rows=len(comparison.changes))
    table = doc.tables[0]
    assert len(table.rows) == 1 + 12
    assert not [p.text for p in doc.paragraphs if "changes-2.md" in p.text]
    for n, row in enumerate(list(table.rows)[1:]):
        where, kind, text = (cell.text for cell in row.cells)
        assert text == f"We overleggen elke weekmaand {n} keer."
        assert where == report.Translator("nl")(
            "membercheck.report.where", sent=str(n + 2), returned=str(n + 2)
        )
        assert kind == report.Translator("nl")("membercheck.change.changed")
        runs = row.cells[2].paragraphs[0].runs
        struck = [r.text for r in runs if r.font.strike]
        underlined = [r.text for r in runs if r.font.underline]
        assert struck == ["week"] and underlined == ["maand"]
        assert all(
            r.font.color.rgb is None for r in runs if not (r.font.strike or r.font.underline)
        )
    widths = {tuple(cell.width for cell in row.cells) for row in table.rows}
    assert len(widths) == 1  # header and appended rows share the column widths


def test_default_cap_stays_for_the_reader(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(report, "MAX_DOCX_ROWS", 3)
    doc = _read(_comparison(5))
    assert len(doc.tables[0].rows) == 1 + 3
    assert len([p.text for p in doc.paragraphs if "changes-2.md" in p.text]) == 1


def test_rows_never_go_through_table_add_row(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(self):  # type: ignore[no-untyped-def]
        raise AssertionError("Table.add_row rescans the table for every row")

    monkeypatch.setattr(Table, "add_row", refuse)
    assert len(_read(_comparison(4)).tables[0].rows) == 1 + 4
