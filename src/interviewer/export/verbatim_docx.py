"""The body of the coding document when it carries the verbatim transcript (``--verbatim``).

Same headings as the notes version (Heading 1 per variable in protocol order, then per
extra code; Heading 2 per question), but under each question the recording's segments:
``1.1: text`` highlighted in the code's colour (the speaker code first, as the QDA tools
read it; stamps as ``export.verbatim`` describes, never broken across lines), then the
notes as italic paragraphs labelled "[Memo interviewer]", which are not highlighted: the
verbatim text is the data, the memo is context. A tag to another variable shows as
``[Variable]`` in its colour in a paragraph of its own after the memo, outside the speech.
Nothing but speech starts with ``Name:`` (``docx_tools.speaker_safe``), so the speaker import
of MAXQDA and ATLAS.ti finds only the real speakers.
"""

from __future__ import annotations

from typing import Any

from interviewer.export import docx_tools
from interviewer.export.content import code_colours, code_groups, code_label
from interviewer.export.text import clean_line
from interviewer.export.verbatim import Line, Unit, VerbatimContent, memo_label
from interviewer.i18n import Translator


def _segment_runs(paragraph: Any, line: Line, colour: str | None) -> None:
    # One highlighted run for stamp, speaker and text (a two-hour recording has thousands
    # of segments; python-docx pays per run), as the notes version does for speaker + text.
    body = " ".join(p for p in (f"{line.speaker}:" if line.speaker else "", line.text) if p)
    docx_tools.highlight(docx_tools.stamped_run(paragraph, line.lead, body, line.tail), colour)


def _tag_runs(paragraph: Any, unit: Unit, colours: dict[str, str], names: dict) -> None:
    """The unit's other codes as '[Code]' markers, in a paragraph of their own."""
    labels = [names.get(tag, tag) for tag in unit.tags]
    docx_tools.tag_runs(paragraph, labels, [colours.get(tag) for tag in unit.tags])


def write_verbatim_body(
    doc: Any, verbatim: VerbatimContent, *, two_column: bool, final: bool = False
) -> None:
    """Headings, segments and memos of every unit (see the module docstring)."""
    content = verbatim.content
    t = Translator(content.lang)
    protocol = content.protocol
    colours = code_colours(protocol)
    names = protocol.code_names()
    # Thousands of segments: every paragraph and table goes in through the appender, which
    # does not search the body for its section properties on each call (docx_tools).
    body = docx_tools.BodyAppender(doc)
    width = docx_tools.usable_width(doc)
    for heading, _code_id, units in code_groups(protocol, verbatim.units(), content.lang):
        body.add_heading(docx_tools.speaker_safe(clean_line(heading)), level=1)
        for unit in units:
            body.add_heading(docx_tools.speaker_safe(unit.title), level=2)
            colour = colours.get(unit.code_id or "")
            speaker = unit.entry.speaker if (unit.entry is not None and content.group) else ""
            label = memo_label(content.lang, speaker, final=final)
            memo = unit.memo
            if not unit.lines and not memo:
                body.add_paragraph(docx_tools.speaker_safe(t("export.verbatim.no_speech")))
                continue
            if not two_column:
                for line in unit.lines:
                    _segment_runs(body.add_paragraph(), line, colour)
                for text in memo:
                    docx_tools.memo_runs(body.add_paragraph(), label, text)
                if unit.tags:
                    _tag_runs(body.add_paragraph(), unit, colours, names)
                continue
            table = body.add_table(rows=1, cols=2, style="Table Grid")
            docx_tools.set_cell(table.rows[0].cells[0], t("export.coding.col.text"), bold=True)
            docx_tools.set_cell(table.rows[0].cells[1], t("export.coding.col.memo"), bold=True)
            code_label_text = clean_line(code_label(protocol, unit))
            for line in unit.lines:
                left, right = table.append_row()
                _segment_runs(left.paragraphs[0], line, colour)
                docx_tools.set_cell(right, code_label_text)
            for text in memo:
                left, right = table.append_row()
                docx_tools.memo_runs(left.paragraphs[0], label, text)
                docx_tools.set_cell(right, t("export.verbatim.memo_col"))
            if unit.tags:
                left, right = table.append_row()
                _tag_runs(left.paragraphs[0], unit, colours, names)
                docx_tools.set_cell(right, t("export.coding.tags"))
            docx_tools.set_widths(table, [int(width * 0.7), int(width * 0.3)])
