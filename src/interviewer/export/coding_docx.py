"""The coding-ready Word document: one file every major analysis tool can code as is.

* A title table (study, respondent, case, date, interviewer; the approval state while the
  transcript is not approved), then a codebook table (code, colour in the document's
  language, description, characteristics), its columns wide enough for their longest word.
* Heading 1 per topic, named after its variable, and per extra code (closing answers);
  Heading 2 per question: NVivo auto-codes by heading style.
* Each answer paragraph starts with the speaker code and a colon (``1.1:``), which MAXQDA,
  ATLAS.ti and QualCoder read as a speaker mark, and carries its code's Word highlight
  colour (grey for the extra code). Nothing else starts with ``Name:``: the title block is
  a table, memos read "[Memo interviewer] ...", other colons near a paragraph's start are
  RATIO (``docx_tools.speaker_safe``), and notes tagged to another variable get a paragraph
  of their own after the speech, "[Variable]" in that variable's colour.
* Layout ``margin``: Word line numbers and a wide right margin to code by hand, as the
  seed's analysts did; layout ``two-column``: a table per question, text | code / memo.
* Every page: study, respondent and CONCEPT (while not approved) in the header, "pagina 3
  van 25" in the footer, on the protocol's paper (``export.page``).
"""

from __future__ import annotations

from typing import IO, Any

from docx.enum.section import WD_SECTION
from docx.shared import Cm, Pt

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
from interviewer.export.page import page_setup
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
) -> None:
    """'1.1: text' with the highlight of the code it belongs to (the first tag's, if tagged).

    ``turn`` is (speaker, text): in a group interview each turn is its own paragraph with
    its own speaker code, so the QDA tools attribute every paragraph to who said it.
    """
    speaker, text = turn
    colour = colours.get(entry.tags[0] if entry.tags else entry.code_id or "")
    # One run for speaker and text: half the XML of two runs, and QDA tools only need the
    # paragraph to start with "1.1:".
    docx_tools.highlight(paragraph.add_run(f"{speaker}: {clean_text(text)}"), colour)


def _tag_runs(paragraph: Any, entry: Entry, colours: dict[str, str], names: dict) -> None:
    """The entry's other codes as '[Code]' markers, in a paragraph of their own."""
    labels = [names.get(tag, tag) for tag in entry.tags]
    docx_tools.tag_runs(paragraph, labels, [colours.get(tag) for tag in entry.tags])


def colour_name(colour: str, t: Translator) -> str:
    """A protocol colour name in the document's language ('bright-green' -> 'felgroen')."""
    try:
        return t(f"export.colour.{colour}")
    except KeyError:
        return colour


CODEBOOK_SHARES = (0.2, 0.12, 0.43, 0.25)
"""Width shares of code, colour, description and characteristics before the word minimums."""
CODEBOOK_POINTS = 10.0
"""Font size of the codebook table: with the title block it fits the first page of most
protocols, so the text (a new section) does not follow a page with one codebook row."""


def _codebook_table(doc: Any, content: SessionContent, t: Translator) -> None:
    headers = (
        t("export.coding.col.code"),
        t("export.coding.col.colour"),
        t("export.coding.col.description"),
        t("export.coding.col.characteristics"),
    )
    rows = [
        (code, colour, colour_name(colour, t), description, characteristics)
        for code, colour, description, characteristics in codebook_rows(content)
    ]
    table = docx_tools.BodyAppender(doc).add_table(rows=1, cols=4, style="Table Grid")
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        docx_tools.set_cell(cell, text, bold=True)
    for code, colour, shown, description, characteristics in rows:
        cells = table.append_row()
        docx_tools.set_cell(cells[0], docx_tools.speaker_safe(code))
        docx_tools.highlight(cells[1].paragraphs[0].add_run(shown), colour)
        docx_tools.set_cell(cells[2], docx_tools.speaker_safe(description))
        lines = [docx_tools.speaker_safe(line) for line in characteristics.split("\n")]
        docx_tools.set_cell(cells[3], "\n".join(lines))
    docx_tools.compact(table, CODEBOOK_POINTS)
    size = CODEBOOK_POINTS
    columns = [
        [r[0] for r in rows],
        [r[2] for r in rows],
        [r[3] for r in rows],
        [r[4] for r in rows],
    ]
    minimums = [
        max(
            docx_tools.longest_word_width(texts, size),
            docx_tools.longest_word_width([header], size, bold=True),
        )
        for texts, header in zip(columns, headers, strict=True)
    ]
    widths = docx_tools.fit_widths(docx_tools.usable_width(doc), CODEBOOK_SHARES, minimums)
    docx_tools.set_widths(table, widths)


def _title_table(doc: Any, session: Session, content: SessionContent, state: str | None) -> None:
    """Study, respondent, case, date... as a borderless two-column table.

    As 'Onderzoek: ...' paragraphs they would be speakers to MAXQDA's and ATLAS.ti's
    speaker import ('Interviewer: Demo' merging with the real interviewer's speech).
    """
    t = Translator(content.lang)
    rows: list[tuple[str, str, bool]] = []
    if state:  # at the top (and in every page header): never quoted unknowingly
        rows.append((t("export.coding.status"), t("export.coding.not_approved", state=state), True))
    for block in title_blocks(content)[1:]:
        if block.kind == "draft":
            rows.append((t("export.coding.status"), t("export.coding.unfinished"), True))
        elif block.label:
            rows.append((block.label, block.text, False))
    table = doc.add_table(rows=len(rows), cols=2)
    for row, (label, value, strong) in zip(table.rows, rows, strict=True):
        docx_tools.set_cell(row.cells[0], clean_line(label), bold=True)
        lines = [docx_tools.speaker_safe(line) for line in clean_text(value).split("\n")]
        docx_tools.set_cell(row.cells[1], "\n".join(lines), bold=strong)
    docx_tools.compact(table)
    label_width = max(
        docx_tools.longest_word_width([r[0] for r in rows], Pt(11).pt, bold=True), int(Cm(3))
    )
    docx_tools.set_widths(table, [label_width, docx_tools.usable_width(doc) - label_width])


def write_coding_docx(session: Session, stream: IO[bytes], options: ExportOptions) -> None:
    """Write the coding document of one session as .docx to ``stream``."""
    verbatim = verbatim_content(session, options) if options.verbatim else None
    content = verbatim.content if verbatim else build_content(session, options.lang)
    t = Translator(content.lang)
    protocol = content.protocol
    colours = code_colours(protocol)
    names = protocol.code_names()
    title = f"{t('export.coding.title')} {session.respondent}"
    setup = page_setup(protocol, options, sessions=[session])
    doc = docx_tools.new_document(title, content.lang, setup=setup)
    two_column = options.layout == "two-column"
    docx_tools.set_margins(doc, 2.0, 2.0)
    doc.add_paragraph(clean_text(title), style="Title")
    _title_table(doc, session, content, (options.unapproved or {}).get(session.id))
    # bold, not a heading: NVivo's auto-coding by heading style would make it a code
    doc.add_paragraph().add_run(t("export.coding.codebook")).bold = True
    _codebook_table(doc, content, t)
    if not two_column:
        # The codebook keeps the full width; the interview text gets its own section with a
        # 7 cm right margin to code in by hand, as the seed's analysts did. It starts on a
        # new page: LibreOffice ignores a margin change at a continuous section break.
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        section.right_margin = Cm(7.0)
    if verbatim is not None:
        final = is_final(session, options, "coding-docx")
        write_verbatim_body(doc, verbatim, two_column=two_column, final=final)
        entries_groups: list[tuple[str, str | None, list[Entry]]] = []
    else:
        if not content.has_notes:
            doc.add_paragraph(docx_tools.speaker_safe(t("export.transcript.no_notes")))
        entries_groups = code_groups(content.protocol, content.entries(), content.lang)
    # A long interview has thousands of turns: the appender inserts each paragraph without
    # searching the body for its section properties (docx_tools).
    body = docx_tools.BodyAppender(doc)
    width = docx_tools.usable_width(doc)
    for heading, _code_id, entries in entries_groups:
        body.add_heading(docx_tools.speaker_safe(clean_line(heading)), level=1)
        for entry in entries:
            body.add_heading(docx_tools.speaker_safe(entry.text), level=2)
            turns = entry.answer_turns() or [(entry.speaker, t("export.transcript.no_answer"))]
            if not two_column:
                for turn in turns:
                    _answer_runs(body.add_paragraph(), entry, turn, colours)
                if entry.tags:
                    _tag_runs(body.add_paragraph(), entry, colours, names)
                continue
            table = body.add_table(rows=1, cols=2, style="Table Grid")
            docx_tools.set_cell(table.rows[0].cells[0], t("export.coding.col.text"), bold=True)
            docx_tools.set_cell(table.rows[0].cells[1], t("export.coding.col.memo"), bold=True)
            label = code_label(content.protocol, entry)
            for turn in turns:
                left, right = table.append_row()
                _answer_runs(left.paragraphs[0], entry, turn, colours)
                docx_tools.set_cell(right, label)
            if entry.tags:
                left, right = table.append_row()
                _tag_runs(left.paragraphs[0], entry, colours, names)
                docx_tools.set_cell(right, t("export.coding.tags"))
            docx_tools.set_widths(table, [int(width * 0.7), int(width * 0.3)])
    if not two_column:
        docx_tools.enable_line_numbering(doc)
    docx_tools.repeat_table_headers(doc)
    docx_tools.save(doc, stream)
