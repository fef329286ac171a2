"""Small python-docx helpers shared by the Word exporters.

Everything goes through python-docx's public API, with documented exceptions where it has
none: Word's line numbering (``w:lnNumType`` in the section properties), repeated table
header rows (``w:tblHeader``), fixed table layout (``w:tblLayout``), the PAGE/NUMPAGES fields
of the footer and the proofing language (``w:lang`` of the default run properties). Each is
a small element made with ``OxmlElement`` and put where the WordprocessingML schema sequence
wants it; they are reached through the public ``element`` properties and lxml's ``xpath``,
never private attributes. The template's extended properties (``docProps/app.xml``: "Microsoft
Macintosh Word", page and word counts of another document) and its thumbnail are replaced
through the package's public relationship API.

Large documents grow through ``BodyAppender`` rather than ``Document.add_paragraph`` /
``add_heading`` / ``add_table`` and ``Table.add_row``: python-docx finds the body's section
properties (and a table's grid) by scanning every child on each call (lxml's child lookup
by tag does not stop at the first match), so n paragraphs or rows cost n². The appender finds
the section properties once and inserts each new ``w:p`` or ``w:tbl`` right before them;
its tables add rows with the grid read once. The elements are the ones python-docx would
make, wrapped in python-docx's ``Paragraph``, ``Table`` and ``_Row`` (its documented row
class), so the XML is the same as before.

Every document starts from ``new_document`` with a ``page.PageSetup``: paper (A4 unless
Letter is asked for), a running header and "pagina 3 van 25" in the footer on every page, the
document language for proofing, and core properties of this export (see ``export.page``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import IO, Any, cast
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.section import Section
from docx.shared import Cm, Emu, Inches, Mm, Pt, RGBColor
from docx.styles.style import BaseStyle, ParagraphStyle, _TableStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from interviewer.export.page import PAPER_MM, PageSetup, language_tag, now
from interviewer.export.text import clean_line, clean_text
from interviewer.i18n import translate

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


def new_document(
    title: str, lang: str, font_size: float = 11, setup: PageSetup | None = None
) -> DocumentObject:
    """A blank document on the setup's paper, with header, footer, language and properties.

    Sections added later (``add_section``) copy the paper and inherit header and footer.
    """
    setup = setup or PageSetup()
    doc = Document()
    set_core_properties(doc, title, lang, setup.author)
    set_proofing_language(doc, lang)
    doc.styles["Normal"].font.size = Pt(font_size)
    set_paper(doc, setup.paper)
    add_page_furniture(doc, setup, lang)
    return doc


_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "</Properties>"
)


def set_core_properties(doc: DocumentObject, title: str, lang: str, author: str = "") -> None:
    """Core properties of this export; nothing of the template survives.

    Title, language, created and modified now, the researcher as author (empty when the
    protocol names none: never the OS user), no last editor, comments or keywords, revision
    1. The extended properties become this tool's (no "Microsoft Macintosh Word" and no page
    count of the template) and the template's thumbnail goes.
    """
    props = doc.core_properties
    moment = now()
    props.title = clean_line(title)[:250]
    props.language = language_tag(lang)
    props.author = clean_line(author)[:250]
    props.last_modified_by = ""
    props.comments = ""
    props.keywords = ""
    props.subject = ""
    props.category = ""
    props.content_status = ""
    props.created = moment
    props.modified = moment
    props.revision = 1
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype in (RT.EXTENDED_PROPERTIES, RT.THUMBNAIL):
            package.rels.pop(rel_id)
    blob = _APP_XML.format(application=escape("interviewer")).encode("utf-8")
    app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, blob, package)
    package.relate_to(app, RT.EXTENDED_PROPERTIES)


def set_proofing_language(doc: DocumentObject, lang: str) -> None:
    """Word's proofing language of the styles: the document's language (nl-NL, en-GB).

    The template says en-US in the default run properties, so Word marked every Dutch word;
    styles without their own ``w:lang`` inherit the default, and the theme font language in
    the settings follows.
    """
    tag = language_tag(lang)
    styles = doc.styles.element
    defaults = styles.xpath("./w:docDefaults/w:rPrDefault/w:rPr")
    if not defaults:
        doc_defaults = styles.xpath("./w:docDefaults")
        parent = doc_defaults[0] if doc_defaults else styles.makeelement(qn("w:docDefaults"))
        if not doc_defaults:
            styles.insert(0, parent)
        rpr_default = OxmlElement("w:rPrDefault")
        parent.insert(0, rpr_default)
        rpr_default.append(OxmlElement("w:rPr"))
        defaults = styles.xpath("./w:docDefaults/w:rPrDefault/w:rPr")
    for rpr in [*defaults, *styles.xpath("./w:style/w:rPr")]:
        found = rpr.xpath("./w:lang")
        if not found and rpr is not defaults[0]:
            continue
        lang_el = found[0] if found else _append_lang(rpr)
        lang_el.set(qn("w:val"), tag)
    for theme in doc.settings.element.xpath("./w:themeFontLang"):
        theme.set(qn("w:val"), tag)


# Elements that follow w:lang in CT_RPr's sequence (ECMA-376 part 1, 17.3.2.28).
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def _append_lang(rpr: Any) -> Any:
    lang_el = OxmlElement("w:lang")
    successors = rpr.xpath("./" + " | ./".join(_AFTER_LANG))
    if successors:
        successors[0].addprevious(lang_el)
    else:
        rpr.append(lang_el)
    return lang_el


def set_paper(doc: DocumentObject, paper: str) -> None:
    """Put every section on ``paper`` ('a4' or 'letter'), keeping each one's orientation."""
    width_mm, height_mm = PAPER_MM.get(paper, PAPER_MM["a4"])
    for section in doc.sections:
        if section.orientation == WD_ORIENT.LANDSCAPE:
            section.page_width, section.page_height = Mm(height_mm), Mm(width_mm)
        else:
            section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin/instruction/separate/result/end runs."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.element.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run.element.append(instr)
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run().element.append(end)


def add_page_furniture(doc: DocumentObject, setup: PageSetup, lang: str) -> None:
    """Running header (study · respondent, CONCEPT/DRAFT) and 'pagina X van Y' footer.

    Set on the first section; sections added later are linked to it, so every page of the
    document carries both.
    """
    section = doc.sections[0]
    text, mark = setup.header_parts(lang)
    header = section.header.paragraphs[0]
    header.text = ""
    if text:
        header.add_run(text)
    if mark:
        header.add_run((" · " if text else "") + mark).bold = True
    footer = section.footer.paragraphs[0]
    footer.text = ""
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    marker = "\x00"
    template = translate(
        "export.page.footer", lang, page=f"{marker}PAGE{marker}", pages=f"{marker}NUMPAGES{marker}"
    )
    for n, piece in enumerate(template.split(marker)):
        if n % 2:
            _field(footer, piece, "1")
        elif piece:
            footer.add_run(piece)


def add_text(container: Any, text: str, style: str | None = None) -> Paragraph:
    """``container.add_paragraph`` with the text sanitised (document or table cell)."""
    return container.add_paragraph(clean_text(text), style=style)


class GrowingTable(Table):
    """A python-docx ``Table`` whose ``append_row`` costs the same at row 10 and row 10,000.

    ``Table.add_row`` looks the table's grid up anew for each row (a scan of every row so
    far). This reads the grid columns once, builds the first new row as ``add_row`` does
    (a cell per grid column, with the column's width) and keeps an empty copy of it; later
    rows are copies of that one appended at the end of the table, where rows belong. When a
    column's width changes in between, the next row is built afresh.
    """

    def __init__(self, tbl: CT_Tbl, parent: Any) -> None:
        super().__init__(tbl, parent)
        self._grid: list[Any] | None = None
        self._template: Any = None
        self._template_widths: tuple[Any, ...] = ()

    def add_column(self, width: Any) -> Any:
        """``Table.add_column``; the grid read by ``append_row`` is read again after it."""
        self._grid = None
        self._template = None
        return super().add_column(width)

    def append_row(self) -> tuple[_Cell, ...]:
        """A new last row, empty; its cells (one per grid column)."""
        if self._grid is None:
            self._grid = list(self._tbl.tblGrid.gridCol_lst)
        widths = tuple(grid_col.w for grid_col in self._grid)
        if self._template is not None and widths == self._template_widths:
            tr = copy.deepcopy(self._template)
            self._tbl.append(tr)
        else:
            tr = self._tbl.add_tr()
            for width in widths:
                tc = tr.add_tc()
                if width is not None:
                    tc.width = width
            self._template, self._template_widths = copy.deepcopy(tr), widths
        return _Row(tr, self).cells


class RunFormat:
    """A run formatting made once through python-docx and copied onto each new run.

    Setting strike-through, underline and colour through ``run.font`` costs more per run
    than the rest of a table row; the run properties (``w:rPr``) made once and copied are
    the same XML.
    """

    def __init__(self, doc: DocumentObject, formatting: Callable[[Run], None]) -> None:
        run = Paragraph(OxmlElement("w:p"), doc).add_run()
        formatting(run)
        self._rpr = run.element.rPr

    def add_run(self, paragraph: Paragraph, text: str) -> Run:
        """``paragraph.add_run(text)`` with this formatting."""
        run = paragraph.add_run()
        if self._rpr is not None:
            run.element.insert(0, copy.deepcopy(self._rpr))
        run.text = text
        return run


class BodyAppender:
    """Adds paragraphs, headings and tables at the end of a document body, each in constant
    time (see the module docstring for why ``Document.add_paragraph`` is not).

    Takes the same arguments as the ``Document`` methods it replaces and makes the same XML.
    It may be mixed with them: both insert before the body's section properties, which stay
    the same element when a section is added (``Document.add_section`` copies them into the
    new section break). Style names are resolved once per name.
    """

    def __init__(self, doc: DocumentObject) -> None:
        self._doc = doc
        self._sect_pr = doc.element.body.get_or_add_sectPr()
        self._styles: dict[str, BaseStyle] = {}

    def _insert(self, element: Any) -> None:
        self._sect_pr.addprevious(element)

    def _style(self, style: str | BaseStyle | None) -> BaseStyle | None:
        if style is None or isinstance(style, BaseStyle):
            return style
        if style not in self._styles:
            self._styles[style] = self._doc.styles[style]
        return self._styles[style]

    def add_paragraph(self, text: str = "", style: str | BaseStyle | None = None) -> Paragraph:
        """``Document.add_paragraph``: a new last paragraph, with ``text`` as one run."""
        p = OxmlElement("w:p")
        self._insert(p)
        paragraph = Paragraph(p, self._doc)
        if text:
            paragraph.add_run(text)
        if style is not None:
            # ``styles[name]`` is the subclass of the style's type; the setter checks the type.
            paragraph.style = cast("ParagraphStyle | None", self._style(style))
        return paragraph

    def add_heading(self, text: str = "", level: int = 1) -> Paragraph:
        """``Document.add_heading``: 'Title' for level 0, else 'Heading <level>'."""
        if not 0 <= level <= 9:
            raise ValueError(f"level must be in range 0-9, got {level}")
        return self.add_paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def add_table(self, rows: int, cols: int, style: str | None = None) -> GrowingTable:
        """``Document.add_table``: as wide as the last section's text, ``style`` or none."""
        section = Section(self._sect_pr, self._doc.part)
        tbl = CT_Tbl.new_tbl(rows, cols, _text_width(section))
        self._insert(tbl)
        table = GrowingTable(tbl, self._doc)
        table.style = cast("_TableStyle | None", self._style(style))
        return table


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


_WORD_PAGE_WIDTH = Inches(8.5)
_WORD_PAGE_HEIGHT = Inches(11)
_WORD_MARGIN = Inches(1)
"""Word's defaults (Letter, one-inch margins) for a section that leaves them out."""


def _text_width(section: Section) -> Emu:
    """The width between the margins, Word's defaults for what the section leaves out."""
    return Emu(
        (section.page_width or _WORD_PAGE_WIDTH)
        - (section.left_margin or _WORD_MARGIN)
        - (section.right_margin or _WORD_MARGIN)
    )


def landscape(doc: DocumentObject, margin_cm: float = 1.5) -> None:
    """Turn every section to landscape (its paper turned) with narrow margins (wide matrices)."""
    for section in doc.sections:
        if section.orientation != WD_ORIENT.LANDSCAPE:
            width = section.page_width or _WORD_PAGE_WIDTH
            height = section.page_height or _WORD_PAGE_HEIGHT
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = max(width, height), min(width, height)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(margin_cm))


def set_margins(doc: DocumentObject, left_cm: float, right_cm: float) -> None:
    """Set left and right margins of every section (wide right margin for hand coding)."""
    for section in doc.sections:
        section.left_margin = Cm(left_cm)
        section.right_margin = Cm(right_cm)


def usable_width(doc: DocumentObject) -> int:
    """Page width minus margins of the first section, in EMU."""
    return int(_text_width(doc.sections[0]))


def set_column_widths(table: Any, doc: DocumentObject, shares: Sequence[float]) -> None:
    """Give a table's columns these shares of the usable page width."""
    width = usable_width(doc)
    set_widths(table, [int(width * share) for share in shares])


def compact(table: Any, size_pt: float | None = None) -> None:
    """No space after the paragraphs of a small table's cells; optionally a smaller font.

    The template's paragraphs keep 10 pt after them, which doubles the height of a table of
    one-line cells (the title block, the codebook) and pushes the text onto another page.
    """
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(0)
                if size_pt is not None:
                    for run in paragraph.runs:
                        run.font.size = Pt(size_pt)


def set_widths(table: Any, widths: Sequence[int]) -> None:
    """Give a table's columns these widths (EMU) in a fixed layout.

    Word reads the cell widths, LibreOffice the grid columns; both are set. Fixed layout
    (``autofit`` off) keeps Word from re-flowing the columns around the longest text.
    """
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=False):
        column.width = int(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = int(width)


# Advance widths in em, set to those of DejaVu Serif, the widest font a reader's machine puts
# in for the template's Cambria (LibreOffice without Microsoft's fonts); Cambria itself is
# narrower, so a column sized by them never breaks a word in Word either.
_NARROW = set("fijltI.,:;'!|()[]- ")
_WIDE = set("mwMW@%")
CELL_PADDING = Cm(0.45)
"""Left plus right cell margin of a table cell (Word's default 0.19 cm each) and a little air."""


def text_width(text: str, size_pt: float, bold: bool = False) -> int:
    """Estimated printed width of ``text`` at ``size_pt`` points, in EMU (a safe upper bound)."""
    ems = 0.0
    for char in text:
        if char in _NARROW:
            ems += 0.41
        elif char in _WIDE:
            ems += 1.04
        elif char.isupper():
            ems += 0.77
        elif char.isdigit():
            ems += 0.65
        else:
            ems += 0.61
    return int(Pt(size_pt) * ems * (1.12 if bold else 1.0))


def longest_word_width(texts: Sequence[str], size_pt: float, bold: bool = False) -> int:
    """The width of the widest word in ``texts`` plus the cell padding (EMU)."""
    words = [word for text in texts for word in text.split()]
    widest = max((text_width(word, size_pt, bold) for word in words), default=0)
    return widest + int(CELL_PADDING)


def fit_widths(total: int, shares: Sequence[float], minimums: Sequence[int]) -> list[int]:
    """Column widths in the given shares of ``total``, each at least its minimum.

    A column below its minimum is raised to it and the difference is taken from the columns
    that have room above theirs, in proportion to that room. When even the minimums do not
    fit, they are scaled down together (a word may then break: nothing else is possible).
    """
    widths = [total * share for share in shares]
    floor = [float(m) for m in minimums]
    if sum(floor) >= total:
        scale = total / sum(floor) if sum(floor) else 0.0
        return [int(m * scale) for m in floor]
    for _ in range(len(widths)):
        short = sum(max(0.0, f - w) for w, f in zip(widths, floor, strict=True))
        if short <= 0:
            break
        room = [max(0.0, w - f) for w, f in zip(widths, floor, strict=True)]
        spare = sum(room)
        widths = [
            max(w, f) - (short * r / spare if spare else 0.0)
            for w, f, r in zip(widths, floor, room, strict=True)
        ]
    return [int(w) for w in widths]


SPEAKER_COLON_REACH = 64
"""MAXQDA (focus group import) takes a colon within the first 63 characters of a paragraph
as the end of a speaker's name; ATLAS.ti reads ``Name:`` at a paragraph's start the same way."""
SAFE_COLON = "\u2236"
"""RATIO, which looks like a colon but is not one to the speaker import."""


def speaker_safe(text: str) -> str:
    """``text`` that no speaker import reads as 'Name: ...' (for everything but speech).

    Colons within the reach of the speaker detection become RATIO (U+2236); the rest of the
    text, and every colon further on, stay as they are.
    """
    head = text[:SPEAKER_COLON_REACH]
    if ":" not in head:
        return text
    return head.replace(":", SAFE_COLON) + text[SPEAKER_COLON_REACH:]


def memo_runs(paragraph: Paragraph, label: str, text: str) -> None:
    """'[Memo interviewer] text': the label in square brackets, the text italic, no colon.

    The memo is context beside the speech; a ``Name:`` start would make the speaker import
    take 'Memo interviewer' for a participant.
    """
    paragraph.add_run(f"[{clean_line(label)}] ").bold = True
    paragraph.add_run(speaker_safe(clean_text(text))).italic = True


def tag_runs(paragraph: Paragraph, names: Sequence[str], colours: Sequence[str | None]) -> None:
    """'[Code] [Other code]', each in its code's highlight, as a paragraph of its own.

    The markers say the interviewer tagged the answer with other codes; outside the speech
    they are never coded as the respondent's words.
    """
    for n, (name, colour) in enumerate(zip(names, colours, strict=True)):
        if n:
            paragraph.add_run(" ")
        highlight(paragraph.add_run(speaker_safe(f"[{clean_line(name)}]")), colour)


def _stamp(run: Any, stamp: str) -> None:
    for n, piece in enumerate(stamp.split("-")):
        if n:
            run.element.append(OxmlElement("w:noBreakHyphen"))
        if piece:
            run.add_text(piece)


def stamped_run(paragraph: Paragraph, lead: str, body: str, tail: str) -> Any:
    """One run 'lead body tail' in which no line break falls inside a recording stamp.

    ``#00:03:09-0#`` would break after its hyphen; Word's non-breaking hyphen
    (``w:noBreakHyphen``, read back as '-' by python-docx, shown as U+2011 by LibreOffice)
    takes its place in the stamps, so the text keeps its characters for the QDA import.
    """
    run = paragraph.add_run()
    if lead:
        _stamp(run, lead)
        run.add_text(" ")
    run.add_text(body)
    if tail:
        run.add_text(" ")
        _stamp(run, tail)
    return run


def writing_space(row: Any, cm: float = 1.5) -> None:
    """Give a table row at least this height: room for the analyst to write in."""
    row.height = Cm(cm)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def save(doc: DocumentObject, stream: IO[bytes]) -> None:
    """Write the document to a binary stream."""
    doc.save(stream)
