"""``docx_tools.BodyAppender``, ``GrowingTable`` and ``RunFormat`` make the XML python-docx's
own ``add_paragraph`` / ``add_heading`` / ``add_table`` / ``add_row`` and ``run.font`` make,
only without searching the body (or the table) on every call."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.shared import Cm, RGBColor
from lxml import etree

from interviewer.export import docx_tools


def _body_xml(doc: Any) -> bytes:
    stream = io.BytesIO()
    doc.save(stream)
    return etree.tostring(Document(io.BytesIO(stream.getvalue())).element.body, encoding="utf-8")


def _build(add: Callable[[Any], Any]) -> bytes:
    """The same content built through ``add(doc)`` (the document or an appender)."""
    doc = Document()
    target = add(doc)
    target.add_heading("Titel", level=0)
    target.add_heading("Hoofdstuk", level=1)
    target.add_paragraph("gewone tekst")
    target.add_paragraph("met stijl", style="List Bullet")
    target.add_paragraph("stijl als object", style=doc.styles["Heading 3"])
    target.add_paragraph()
    doc.add_section(WD_SECTION.NEW_PAGE).right_margin = Cm(7)
    target.add_paragraph("na de sectie", style="Normal")
    plain = target.add_table(rows=2, cols=3)
    plain.rows[0].cells[0].text = "kop"
    grid = target.add_table(rows=1, cols=2, style="Table Grid")
    for n in range(3):
        cells = grid.append_row() if hasattr(grid, "append_row") else grid.add_row().cells
        cells[0].text = f"rij {n}"
        if n == 1:  # widths change between rows: later rows take the new ones
            grid.columns[0].width = Cm(4)
    target.add_paragraph("slot")
    return _body_xml(doc)


def test_appender_makes_the_xml_python_docx_makes() -> None:
    assert _build(docx_tools.BodyAppender) == _build(lambda doc: doc)


def test_appender_mixes_with_document_calls_in_order() -> None:
    doc = Document()
    body = docx_tools.BodyAppender(doc)
    body.add_paragraph("een")
    doc.add_paragraph("twee")
    body.add_paragraph("drie")
    doc.add_section()
    body.add_paragraph("vier")
    texts = [p.text for p in Document(io.BytesIO(_save(doc))).paragraphs if p.text]
    assert texts == ["een", "twee", "drie", "vier"]
    assert doc.element.body[-1].tag.endswith("}sectPr")


def _save(doc: Any) -> bytes:
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


def test_growing_table_rows_equal_add_row_rows_after_a_new_column() -> None:
    def rows(doc: Any, table: Any, grow: Callable[[Any], Any]) -> bytes:
        grow(table)
        table.add_column(Cm(2))
        grow(table)
        grow(table)
        return etree.tostring(doc.element.body)

    doc_a, doc_b = Document(), Document()
    fast = docx_tools.BodyAppender(doc_a).add_table(rows=1, cols=2)
    slow = doc_b.add_table(rows=1, cols=2)
    assert rows(doc_a, fast, lambda t: t.append_row()) == rows(doc_b, slow, lambda t: t.add_row())
    assert [len(r.cells) for r in fast.rows] == [3, 3, 3, 3]  # add_column widens every row


def test_run_format_copies_the_formatting_python_docx_sets() -> None:
    def strike(run: Any) -> None:
        run.font.strike = True
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)

    doc_a, doc_b = Document(), Document()
    fast = docx_tools.RunFormat(doc_a, strike)
    para_a = doc_a.add_paragraph()
    for text in ("weg", "", "tab\there"):
        fast.add_run(para_a, text)
    para_b = doc_b.add_paragraph()
    for text in ("weg", "", "tab\there"):
        strike(para_b.add_run(text))
    assert etree.tostring(para_a._p) == etree.tostring(para_b._p)
    plain = docx_tools.RunFormat(doc_a, lambda run: None)
    assert plain.add_run(para_a, "gewoon").element.rPr is None
