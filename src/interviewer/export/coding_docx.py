"""The coding-ready Word document: one file every major analysis tool can code as is.

* A codebook table first (code, colour, description, characteristics).
* Heading 1 per topic, named after its variable, and per extra code (closing answers);
  Heading 2 per question: NVivo auto-codes by heading style.
* Each answer paragraph starts with the speaker code and a colon (``1.1:``), which MAXQDA,
  ATLAS.ti and QualCoder read as a speaker mark, and carries its code's Word highlight
  colour (grey for the extra code); notes tagged to another variable carry that variable's
  colour and a bracketed code name in its colour.
* Layout ``margin``: Word line numbers and a wide right margin to code by hand, as the
  seed's analysts did; layout ``two-column``: a table per question, text | code / memo.
"""

from __future__ import annotations

from typing import IO, Any

from docx.enum.section import WD_SECTION
from docx.shared import Cm

from interviewer.domain.session import Session
from interviewer.export import docx_tools
from interviewer.export.content import (
    Entry,
    SessionContent,
    build_content,
    code_colours,
    code_groups,
    code_label,
)
from interviewer.export.options import ExportOptions
from interviewer.export.text import clean_line, clean_text
from interviewer.export.transcript import title_blocks
from interviewer.export.verbatim import is_final, verbatim_content
from interviewer.export.verbatim_docx import write_verbatim_body
from interviewer.i18n import Translator


def codebook_rows(content: SessionContent) -> list[tuple[str, str, str, str]]:
    """(code, colour, description, characteristics) per variable and extra code."""
    protocol = content.protocol
    colours = code_colours(protocol)
    rows = [
        (
            topic.variable,
            colours[topic.id],
            topic.description or "",
            "\n".join(c.row_label for c in topic.characteristics),
        )
        for topic in protocol.topics
    ]
    rows.extend(
        (code.name, colours[code.id], code.description or "", "") for code in protocol.extra_codes
    )
    return rows


def _answer_runs(
    paragraph: Any,
    entry: Entry,
    turn: tuple[str, str],
    colours: dict[str, str],
    names: dict[str, str],
) -> None:
    """'1.1: text [Other variable]' with the highlight of the code it belongs to.

    ``turn`` is (speaker, text): in a group interview each turn is its own paragraph with
    its own speaker code, so the QDA tools attribute every paragraph to who said it.
    """
    speaker, text = turn
    colour = colours.get(entry.tags[0] if entry.tags else entry.code_id or "")
    # One run for speaker and text: half the XML of two runs, and QDA tools only need the
    # paragraph to start with "1.1:".
    docx_tools.highlight(paragraph.add_run(f"{speaker}: {clean_text(text)}"), colour)
    for tag in entry.tags:
        marker = paragraph.add_run(f" [{clean_line(names.get(tag, tag))}]")
        docx_tools.highlight(marker, colours.get(tag))


def _codebook_table(doc: Any, content: SessionContent, t: Translator) -> None:
    headers = (
        t("export.coding.col.code"),
        t("export.coding.col.colour"),
        t("export.coding.col.description"),
        t("export.coding.col.characteristics"),
    )
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        docx_tools.set_cell(cell, text, bold=True)
    for code, colour, description, characteristics in codebook_rows(content):
        cells = table.add_row().cells
        docx_tools.set_cell(cells[0], code)
        docx_tools.highlight(cells[1].paragraphs[0].add_run(colour), colour)
        docx_tools.set_cell(cells[2], description)
        docx_tools.set_cell(cells[3], characteristics)
    docx_tools.set_column_widths(table, doc, (0.2, 0.12, 0.43, 0.25))


def write_coding_docx(session: Session, stream: IO[bytes], options: ExportOptions) -> None:
    """Write the coding document of one session as .docx to ``stream``."""
    verbatim = verbatim_content(session, options) if options.verbatim else None
    content = verbatim.content if verbatim else build_content(session, options.lang)
    t = Translator(content.lang)
    protocol = content.protocol
    colours = code_colours(protocol)
    names = protocol.code_names()
    doc = docx_tools.new_document(f"{t('export.coding.title')} {session.respondent}", content.lang)
    two_column = options.layout == "two-column"
    docx_tools.set_margins(doc, 2.0, 2.0)
    head = title_blocks(content)
    doc.add_paragraph(clean_text(f"{t('export.coding.title')} {session.respondent}"), style="Title")
    state = (options.unapproved or {}).get(session.id)
    if state:  # at the top and on every page: an unchecked transcript is never quoted unknowingly
        notice = clean_line(t("export.coding.unapproved", state=state))
        doc.add_paragraph().add_run(notice).bold = True
        header = t("export.coding.unapproved_header", code=session.respondent, state=state)
        doc.sections[0].header.paragraphs[0].text = clean_line(header)
    for block in head[1:]:
        paragraph = doc.add_paragraph()
        if block.label:
            paragraph.add_run(clean_line(block.label) + ": ").bold = True
        paragraph.add_run(clean_text(block.text)).bold = block.kind == "draft"
    doc.add_paragraph().add_run(t("export.coding.codebook")).bold = True
    _codebook_table(doc, content, t)
    if not two_column:
        # The codebook keeps the full width; the interview text gets its own section with a
        # 7 cm right margin to code in by hand, as the seed's analysts did.
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        section.right_margin = Cm(7.0)
    if verbatim is not None:
        final = is_final(session, options, "coding-docx")
        write_verbatim_body(doc, verbatim, two_column=two_column, final=final)
        entries_groups: list[tuple[str, str | None, list[Entry]]] = []
    else:
        if not content.has_notes:
            doc.add_paragraph(t("export.transcript.no_notes"))
        entries_groups = code_groups(content.protocol, content.entries(), content.lang)
    for heading, _code_id, entries in entries_groups:
        doc.add_heading(clean_line(heading), level=1)
        for entry in entries:
            doc.add_heading(entry.text, level=2)
            turns = entry.answer_turns() or [(entry.speaker, t("export.transcript.no_answer"))]
            if not two_column:
                for turn in turns:
                    _answer_runs(doc.add_paragraph(), entry, turn, colours, names)
                continue
            table = doc.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            docx_tools.set_cell(table.rows[0].cells[0], t("export.coding.col.text"), bold=True)
            docx_tools.set_cell(table.rows[0].cells[1], t("export.coding.col.memo"), bold=True)
            label = code_label(content.protocol, entry)
            for turn in turns:
                left, right = table.add_row().cells
                _answer_runs(left.paragraphs[0], entry, turn, colours, names)
                docx_tools.set_cell(right, label)
            docx_tools.set_column_widths(table, doc, (0.7, 0.3))
    if not two_column:
        docx_tools.enable_line_numbering(doc)
    docx_tools.repeat_table_headers(doc)
    docx_tools.save(doc, stream)
