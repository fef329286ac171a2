"""Small python-docx helpers shared by the Word exporters.

Everything goes through python-docx's public API, with two documented exceptions where it
has none: Word's line numbering (``w:lnNumType`` in the section properties) and repeated
table header rows (``w:tblHeader``). Both are single empty-ish elements made with
``OxmlElement`` and put where the WordprocessingML schema sequence wants them; they are
reached through ``Document.element`` (public) and lxml's ``xpath``, never private attributes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from interviewer.export.text import clean_text

WD_HIGHLIGHT: dict[str, WD_COLOR_INDEX] = {
    "yellow": WD_COLOR_INDEX.YELLOW,
    "bright-green": WD_COLOR_INDEX.BRIGHT_GREEN,
    "turquoise": WD_COLOR_INDEX.TURQUOISE,
    "pink": WD_COLOR_INDEX.PINK,
    "blue": WD_COLOR_INDEX.BLUE,
    "red": WD_COLOR_INDEX.RED,
    "dark-blue": WD_COLOR_INDEX.DARK_BLUE,
    "teal": WD_COLOR_INDEX.TEAL,
    "green": WD_COLOR_INDEX.GREEN,
    "violet": WD_COLOR_INDEX.VIOLET,
    "dark-red": WD_COLOR_INDEX.DARK_RED,
    "dark-yellow": WD_COLOR_INDEX.DARK_YELLOW,
    "gray-50": WD_COLOR_INDEX.GRAY_50,
    "gray-25": WD_COLOR_INDEX.GRAY_25,
    "black": WD_COLOR_INDEX.BLACK,
}
"""The protocol's colour names (``domain.protocol.HIGHLIGHT_COLOURS``) as Word's enum."""

DARK_HIGHLIGHTS = {
    "red",
    "blue",
    "dark-blue",
    "teal",
    "green",
    "violet",
    "dark-red",
    "black",
    "gray-50",
}
"""Highlights on which black text is hard to read; their text is set in white."""

# Elements that follow w:lnNumType in CT_SectPr's sequence (ECMA-376 part 1, 17.6.17).
_AFTER_LNNUM = (
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)


def new_document(title: str, lang: str, font_size: float = 11) -> DocumentObject:
    """A blank document with its title and language in the core properties."""
    doc = Document()
    doc.core_properties.title = clean_text(title)[:250]
    doc.core_properties.language = "nl-NL" if lang == "nl" else "en-GB"
    doc.core_properties.author = "interviewer"
    doc.styles["Normal"].font.size = Pt(font_size)
    return doc


def add_text(container: Any, text: str, style: str | None = None) -> Paragraph:
    """``container.add_paragraph`` with the text sanitised (document or table cell)."""
    return container.add_paragraph(clean_text(text), style=style)


def set_cell(cell: Any, text: str, bold: bool = False) -> None:
    """Replace a table cell's text (sanitised); optionally bold (header cells)."""
    cell.text = clean_text(text)
    if bold:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True


def highlight(run: Any, colour: str | None) -> None:
    """Give a run a Word highlight colour by protocol colour name (white text on dark ones)."""
    if not colour or colour not in WD_HIGHLIGHT:
        return
    run.font.highlight_color = WD_HIGHLIGHT[colour]
    if colour in DARK_HIGHLIGHTS:
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def enable_line_numbering(doc: DocumentObject, count_by: int = 1) -> None:
    """Switch on Word's line numbering (continuous) for the document's last section.

    python-docx has no API for ``w:lnNumType``; this adds that one element to the body's
    ``w:sectPr`` in schema order. Word and LibreOffice print the numbers in the left margin,
    so a quote can be cited as "(respondent 3.3, regel 64-65)".
    """
    sect_pr = doc.element.body.get_or_add_sectPr()
    for old in sect_pr.xpath("./w:lnNumType"):
        sect_pr.remove(old)
    ln = OxmlElement("w:lnNumType")
    ln.set(qn("w:countBy"), str(count_by))
    ln.set(qn("w:distance"), "284")
    ln.set(qn("w:restart"), "continuous")
    successors = sect_pr.xpath("./" + " | ./".join(_AFTER_LNNUM))
    if successors:
        successors[0].addprevious(ln)
    else:
        sect_pr.append(ln)


def line_numbering(doc: DocumentObject) -> dict[str, str] | None:
    """The line numbering settings of the body section (for tests and checks), or None."""
    found = doc.element.body.xpath("./w:sectPr/w:lnNumType")
    if not found:
        return None
    return {k.split("}")[-1]: v for k, v in found[0].attrib.items()}


def repeat_table_headers(doc: DocumentObject) -> None:
    """Mark the first row of every body table as a header row repeated on each page."""
    for tbl in doc.element.body.xpath("./w:tbl"):
        rows = tbl.xpath("./w:tr")
        if not rows:
            continue
        tr = rows[0]
        tr_pr = tr.get_or_add_trPr()
        if not tr_pr.xpath("./w:tblHeader"):
            tr_pr.append(OxmlElement("w:tblHeader"))


def landscape(doc: DocumentObject, margin_cm: float = 1.5) -> None:
    """Turn every section to landscape A4 with narrow margins (wide matrices)."""
    for section in doc.sections:
        if section.orientation != WD_ORIENT.LANDSCAPE:
            width, height = section.page_width, section.page_height
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = height, width
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(margin_cm))


def set_margins(doc: DocumentObject, left_cm: float, right_cm: float) -> None:
    """Set left and right margins of every section (wide right margin for hand coding)."""
    for section in doc.sections:
        section.left_margin = Cm(left_cm)
        section.right_margin = Cm(right_cm)


def usable_width(doc: DocumentObject) -> int:
    """Page width minus margins of the first section, in EMU."""
    section = doc.sections[0]
    return int(section.page_width - section.left_margin - section.right_margin)


def set_column_widths(table: Any, doc: DocumentObject, shares: Sequence[float]) -> None:
    """Give a table's columns these shares of the usable page width.

    Word reads the cell widths, LibreOffice the grid columns; both are set.
    """
    width = usable_width(doc)
    table.autofit = False
    for column, share in zip(table.columns, shares, strict=False):
        column.width = int(width * share)
    for row in table.rows:
        for cell, share in zip(row.cells, shares, strict=False):
            cell.width = int(width * share)


def writing_space(row: Any, cm: float = 1.5) -> None:
    """Give a table row at least this height: room for the analyst to write in."""
    row.height = Cm(cm)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def save(doc: DocumentObject, stream: IO[bytes]) -> None:
    """Write the document to a binary stream."""
    doc.save(stream)
