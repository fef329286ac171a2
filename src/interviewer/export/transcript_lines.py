"""The transcript's numbered lines: one line breaking for the .docx, the Markdown and ``cite``.

A quote is cited by line number ("(respondent 3.3, regel 64-65)"), so the respondent who
approves the .docx, the researcher reading the Markdown and ``interviewer cite`` must all see
the same text at line 64. Word's own line numbering cannot give that: it counts the lines
Word happens to lay out, which depends on the font, the margins and the program. So the
lines are broken here, once, and every format writes them as they are:

* every block's text (stamp, recording stamps, speaker label and words, as shown) is broken
  at ``TRANSCRIPT_WIDTH`` characters between words (a longer word is cut), at every newline
  of the notes, and whitespace within a line is one space; a heading (set larger) is broken
  at ``HEADING_WIDTH``;
* the lines are numbered 1, 2, 3 ... through the whole transcript;
* the .docx writes each block as one paragraph (so the member check still sees the
  respondent's paragraphs) with an explicit line break after every line and the line's
  number written in front of it as text, in a narrow column set off by tab stops, in the
  character style ``LINE_NUMBER_STYLE`` (``membercheck.docx_text`` leaves it out when a
  returned copy is read). The text is set in Arial 10 pt (headings 12 pt, the title 14 pt)
  on 2 cm side margins, so a line fits on one printed line in Word and LibreOffice alike
  (``tests/membercheck/test_cite_docx.py`` prints it with LibreOffice and checks every line);
* the Markdown writes the same lines with the number in backticks (a heading of two lines
  as two heading lines);
* ``cite`` quotes the plain text of the lines (no Markdown markup).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from interviewer.export import docx_tools
from interviewer.export.blocks import _LABELLED, _MD_PREFIX, DOCX_STYLES, Block, _md_escape
from interviewer.export.page import PageSetup
from interviewer.export.text import clean_line, clean_text

TRANSCRIPT_WIDTH = 80
"""Characters per numbered line (the Markdown wrapped at 88 before the .docx was numbered
too; 80 fits Arial 10 pt between 2 cm margins on A4 and Letter with room to spare)."""

HEADING_WIDTH = 60
"""Characters per line of a heading or the title (set in 12 and 14 pt)."""
HEADING_SIZES = {"Title": 14, "Heading 1": 12, "Heading 2": 12, "Heading 3": 11}

LINE_NUMBER_STYLE = "Transcript Line Number"
"""The character style of the line numbers in the .docx (its style id has no spaces)."""

LINE_NUMBER_STYLE_ID = "TranscriptLineNumber"
"""How ``LINE_NUMBER_STYLE`` appears in the document XML (``w:rStyle/@w:val``)."""

NUMBER_RIGHT_CM = 0.8
"""Right edge of the number column (a right-aligned tab stop)."""
TEXT_LEFT_CM = 1.1
"""Where every line's text starts (a left tab stop)."""
SIDE_MARGIN_CM = 2.0
FONT = "Arial"
FONT_SIZE = 10
NUMBER_SIZE = 8

_HEADINGS = ("title", "h1", "h2", "h3")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Piece:
    """A run of a block's text with one formatting (the bold label, the italic stamp ...)."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Line:
    """One numbered line: its number, its plain text, and its text as formatted runs."""

    number: int
    text: str
    runs: tuple[Piece, ...]


@dataclass(frozen=True)
class NumberedBlock:
    """A block of the transcript and its numbered lines (a heading has exactly one)."""

    block: Block
    lines: tuple[Line, ...]


def pieces(block: Block) -> list[Piece]:
    """The block as shown: ``[stamp] `` (italic), a recording stamp, the bold label, the
    text (a question bold italic, a memo italic, the draft mark bold) and a closing stamp."""
    out: list[Piece] = []
    if block.stamp:
        out.append(Piece(f"[{block.stamp}] ", italic=True))
    if block.lead:
        out.append(Piece(block.lead + " "))
    if block.label:
        suffix = ": " if block.kind in _LABELLED else " "
        out.append(Piece(clean_line(block.label) + suffix, bold=True))
    out.append(
        Piece(
            clean_text(block.text),
            bold=block.kind in ("question", "draft"),
            italic=block.kind in ("question", "memo"),
        )
    )
    if block.tail:
        out.append(Piece(" " + block.tail))
    return out


def _wrap(text: str, width: int) -> list[list[tuple[int, int]]]:
    """Lines of ``text`` as lists of (start, end) word spans: broken at newlines and between
    words so that words joined by single spaces fit in ``width`` (a longer word is cut into
    pieces of ``width``). An empty hard line is an empty line."""
    out: list[list[tuple[int, int]]] = []
    for offset, hard in _hard_lines(text):
        line: list[tuple[int, int]] = []
        length = 0
        for match in _WORD.finditer(hard):
            start, end = match.start() + offset, match.end() + offset
            while end - start > width:
                if line:
                    out.append(line)
                    line, length = [], 0
                out.append([(start, start + width)])
                start += width
            if line and length + 1 + (end - start) > width:
                out.append(line)
                line, length = [], 0
            length += (1 if line else 0) + (end - start)
            line.append((start, end))
        out.append(line)
    return out


def _hard_lines(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    offset = 0
    for part in text.split("\n"):
        out.append((offset, part))
        offset += len(part) + 1
    return out


def _runs(
    spans: Sequence[tuple[int, int]], bounds: Sequence[tuple[int, int, Piece]]
) -> tuple[Piece, ...]:
    """The formatted runs of one line: its words cut where the pieces change, joined by
    single spaces (a space takes the formatting of the word before it)."""
    out: list[tuple[str, Piece]] = []
    for index, (start, end) in enumerate(spans):
        for lo, hi, piece in bounds:
            if hi <= start or lo >= end:
                continue
            out.append((_slice(start, end, lo, hi, piece), piece))
        if index < len(spans) - 1 and out:
            out[-1] = (out[-1][0] + " ", out[-1][1])
    merged: list[Piece] = []
    for text, piece in out:
        if merged and (merged[-1].bold, merged[-1].italic) == (piece.bold, piece.italic):
            merged[-1] = Piece(merged[-1].text + text, piece.bold, piece.italic)
        else:
            merged.append(Piece(text, piece.bold, piece.italic))
    return tuple(merged)


def _slice(start: int, end: int, lo: int, hi: int, piece: Piece) -> str:
    """The part of the word [start, end) that lies in the piece [lo, hi)."""
    return piece.text[max(start, lo) - lo : min(end, hi) - lo]


def number_blocks(blocks: Iterable[Block], *, width: int = TRANSCRIPT_WIDTH) -> list[NumberedBlock]:
    """Every block with its numbered lines, numbered through the whole transcript."""
    out: list[NumberedBlock] = []
    number = 0
    for block in blocks:
        parts = pieces(block)
        text = "".join(p.text for p in parts)
        bounds: list[tuple[int, int, Piece]] = []
        position = 0
        for piece in parts:
            bounds.append((position, position + len(piece.text), piece))
            position += len(piece.text)
        lines: list[Line] = []
        limit = min(width, HEADING_WIDTH) if block.kind in _HEADINGS else width
        for spans in _wrap(text, limit):
            number += 1
            plain = " ".join(text[s:e] for s, e in spans)
            lines.append(Line(number, plain, _runs(spans, bounds)))
        out.append(NumberedBlock(block, tuple(lines)))
    return out


def line_texts(numbered: Iterable[NumberedBlock]) -> dict[int, str]:
    """Line number -> plain text, for ``cite`` and the tests."""
    return {line.number: line.text for item in numbered for line in item.lines}


# --- Markdown --------------------------------------------------------------------------------
def _md_run(piece: Piece) -> str:
    """A run with its emphasis; spaces stay outside the markers (``**R1:** ``)."""
    core = piece.text.strip(" ")
    if not core or not (piece.bold or piece.italic):
        return piece.text
    marks = "***" if piece.bold and piece.italic else "**" if piece.bold else "*"
    head = piece.text[: len(piece.text) - len(piece.text.lstrip(" "))]
    tail = piece.text[len(piece.text.rstrip(" ")) :]
    return f"{head}{marks}{core}{marks}{tail}"


def render_markdown(numbered: Iterable[NumberedBlock]) -> str:
    """The numbered transcript as Markdown: per block its lines, each ```  12` text``, with
    hard line breaks; blocks separated by a blank line."""
    out: list[str] = []
    for item in numbered:
        block = item.block
        rendered: list[str] = []
        for index, line in enumerate(item.lines):
            if block.kind in _HEADINGS:
                body = " ".join(line.text.split())
            else:
                body = "".join(_md_run(piece) for piece in line.runs)
                if index == 0 and block.kind == "p" and len(item.lines[0].runs) == 1:
                    body = _md_escape(body)
            rendered.append(f"`{line.number:>4}` {body}".rstrip(" "))
        prefix = _MD_PREFIX.get(block.kind, "")
        if block.kind in _HEADINGS:  # a heading is one Markdown line: each its own heading
            out.append("\n".join(prefix + line for line in rendered))
        else:
            out.append(prefix + "  \n".join(rendered))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# --- Word --------------------------------------------------------------------------------------
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _plain_font(element: Any) -> None:
    """Drop the theme fonts of the ``w:rFonts`` under ``element``: Word prefers a theme font
    over a named one, and the line widths are measured in ``FONT``."""
    for fonts in element.iter(qn("w:rFonts")):
        for name in _THEME_FONTS:
            fonts.attrib.pop(qn(name), None)
        for name in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(name), FONT)


def _prepare_styles(doc: Any) -> dict[str, Any]:
    """Font and tab stops of the styles the transcript uses, and the line number style."""
    _plain_font(doc.styles.element.find(qn("w:docDefaults")))
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(FONT_SIZE)
    used = {name for name in DOCX_STYLES.values()}
    styles: dict[str, Any] = {}
    for name in sorted(used):
        style = doc.styles[name]
        stops = style.paragraph_format.tab_stops
        stops.add_tab_stop(Cm(NUMBER_RIGHT_CM), WD_TAB_ALIGNMENT.RIGHT)
        stops.add_tab_stop(Cm(TEXT_LEFT_CM), WD_TAB_ALIGNMENT.LEFT)
        style.paragraph_format.left_indent = Cm(0)
        style.paragraph_format.first_line_indent = Cm(0)
        if name in HEADING_SIZES:
            style.font.size = Pt(HEADING_SIZES[name])
            style.font.name = FONT
            style.font.bold = True
            _plain_font(style.element)
        styles[name] = style
    number = doc.styles.add_style(LINE_NUMBER_STYLE, WD_STYLE_TYPE.CHARACTER)
    number.font.size = Pt(NUMBER_SIZE)
    number.font.name = FONT
    number.font.bold = False
    number.font.italic = False
    number.font.color.rgb = RGBColor(0x70, 0x70, 0x70)
    return styles


def write_numbered_docx(
    numbered: Sequence[NumberedBlock],
    stream: IO[bytes],
    *,
    title: str,
    lang: str,
    setup: PageSetup | None = None,
) -> None:
    """The numbered transcript as .docx: one paragraph per block, one explicit line per
    numbered line, each starting with its number (see the module docstring)."""
    doc = docx_tools.new_document(title, lang, font_size=FONT_SIZE, setup=setup)
    for section in doc.sections:
        section.left_margin = Cm(SIDE_MARGIN_CM)
        section.right_margin = Cm(SIDE_MARGIN_CM)
    styles = _prepare_styles(doc)
    # New paragraphs go straight before the section properties: python-docx's
    # add_paragraph looks for them anew on every call, which grows with the document.
    sect_pr = doc.element.body.get_or_add_sectPr()
    # The number's character style is looked up once: python-docx resolves a style name by
    # scanning every style of the document per run (a second for a two-hour transcript).
    number_run = docx_tools.RunFormat(doc, lambda run: setattr(run, "style", LINE_NUMBER_STYLE))
    for item in numbered:
        p = OxmlElement("w:p")
        sect_pr.addprevious(p)
        paragraph = Paragraph(p, doc)
        name = DOCX_STYLES[item.block.kind]
        if name != "Normal":
            paragraph.style = styles[name]
        for index, line in enumerate(item.lines):
            number_run.add_run(paragraph, f"\t{line.number}\t")
            for piece in line.runs:
                run = paragraph.add_run(piece.text)
                if piece.bold:
                    run.bold = True
                if piece.italic:
                    run.italic = True
            if index < len(item.lines) - 1:
                paragraph.add_run().add_break()
    docx_tools.save(doc, stream)
