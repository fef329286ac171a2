"""The printable interview guide: the paper backup an interviewer takes along.

Everything the TUI shows, on paper: introduction script and checklist (with boxes), each
topic with its variable, main questions numbered, follow-ups with their condition,
alternatives ("Of:"), probes with their priority, interviewer-only notes, and the closing
questions, script and fields.

It is made to be written on when the laptop fails: each topic starts on a new page with its
planned minutes and the clock time it should start at ("vanaf 0:12", counted from the start
of the first topic), a tick box for each characteristic it covers and for each quick answer,
and under every question as many writing lines as its planned minutes call for (the time
plan of ``domain.estimates``, the one the interview screen uses: two lines a minute).
"""

from __future__ import annotations

import io
from typing import IO

from docx import Document
from docx.shared import Pt

from interviewer.domain.estimates import make_plan
from interviewer.domain.protocol import (
    AnswerType,
    InterviewProtocol,
    Mode,
    Question,
    QuestionKind,
)
from interviewer.export.blocks import Block, write_docx, write_markdown
from interviewer.export.page import page_setup
from interviewer.i18n import Translator, document_language

BOX = "\u2610"
WRITING_LINE = "_" * 72
"""One handwriting line: a paragraph of underscores that fits the text width of A4 and
Letter at 11 pt (checked by rendering with LibreOffice)."""
LINES_PER_MINUTE = 2.0
"""Writing lines per planned minute of a question (a minute of talk, noted in short)."""
MIN_LINES = 2
"""Even a question planned at a few seconds gets room for a word or two."""
MAX_LINES = 30
"""About a page: a question planned longer still fits on one page."""
LINE_SPACE_PT = (9, 3)
"""Space above and below a writing line: lines about 8 mm apart for handwriting, and a gap
between the last line and the next question."""


def _minutes(value: float) -> str:
    return f"{value:g}"


def writing_lines(seconds: float) -> int:
    """Writing lines for a question planned at ``seconds``: proportional, within bounds."""
    wanted = round(seconds / 60.0 * LINES_PER_MINUTE)
    return min(MAX_LINES, max(MIN_LINES, wanted))


def clock(seconds: float) -> str:
    """Planned clock time as ``h:mm`` ("0:12", "1:05"), rounded to the minute."""
    minutes = round(seconds / 60.0)
    return f"{minutes // 60}:{minutes % 60:02d}"


def _space(seconds: float) -> list[Block]:
    return [Block("p", WRITING_LINE)] * writing_lines(seconds)


def _question_lead(question: Question, labels: dict[str, str], main: int, t: Translator) -> str:
    """The bold lead-in of a question: its number, condition or probe mark, what it
    measures and, in a guide for both modes, the one mode that asks it."""
    if question.kind is QuestionKind.MAIN:
        lead = f"{main}."
    elif question.kind is QuestionKind.FOLLOW_UP:
        lead = question.condition or t("kind.follow-up")
    else:
        priority = (
            f", {t('export.guide.probe_priority', n=question.priority)}"
            if question.priority
            else ""
        )
        lead = f"({t('kind.probe')}{priority})"
    if question.characteristic in labels:
        lead += f" [{t('export.guide.characteristic', label=labels[question.characteristic])}]"
    if question.mode is not Mode.BOTH:
        lead += f" ({t(f'export.guide.only_{question.mode.value}')})"
    return lead


def _question_blocks(question: Question, lead: str, seconds: float, t: Translator) -> list[Block]:
    """A question with its wordings, instruction, answer boxes and writing lines."""
    blocks = [Block("question", question.text, label=lead)]
    if question.text_group:
        blocks.append(Block("p", question.text_group, label=t("export.guide.group_wording")))
    for alternative in question.alternatives:
        blocks.append(Block("p", alternative, label=t("export.guide.alternative")))
    for alternative in question.alternatives_group:
        blocks.append(Block("p", alternative, label=t("export.guide.group_alternative")))
    if question.instruction:
        blocks.append(Block("p", question.instruction, label=t("export.guide.instruction")))
    values = question.answer.allowed_values()
    if values and question.answer.type is AnswerType.YES_NO:
        values = (t("answer.yes"), t("answer.no"))
    if values:
        shown = "  ".join(f"{BOX} {v}" for v in values)
        blocks.append(Block("p", t("export.guide.answer", values=shown)))
    if question.parts:
        parts = ", ".join(p.label for p in question.parts)
        blocks.append(Block("p", t("export.guide.parts", parts=parts)))
    blocks.extend(_space(seconds))
    return blocks


def guide_blocks(protocol: InterviewProtocol, lang: str | None = None) -> list[Block]:
    """The guide as blocks (rendered to docx or Markdown).

    A protocol for one kind of interview is printed as that kind asks it (its wording, its
    questions). One for both (``mode: both``) prints every question with its group wording
    under it and marks the questions of one mode only, since the same paper serves both.
    """
    if protocol.mode is not Mode.BOTH:
        protocol = protocol.for_mode(protocol.mode is Mode.GROUP)
    t = Translator(document_language(protocol, lang))
    plan = make_plan(protocol)
    blocks = [Block("title", f"{t('export.guide.title')}: {protocol.title}")]
    meta = t(
        "export.guide.meta",
        minutes=_minutes(protocol.duration_minutes),
        mode=t(f"mode.{protocol.mode.value}"),
        version=protocol.version,
    )
    blocks.append(Block("p", f"{meta} {t('export.guide.clock_note')}"))
    if protocol.introduction.script or protocol.introduction.checklist:
        blocks.append(Block("h1", t("export.guide.introduction")))
        blocks.extend(Block("p", p) for p in protocol.introduction.paragraphs())
        for item in protocol.introduction.checklist:
            required = f" {t('export.guide.required')}" if item.required else ""
            blocks.append(Block("p", f"{BOX} {item.label}{required}"))
    start = 0.0
    for number, topic in enumerate(protocol.topics, start=1):
        seconds = plan.topic(topic.id)
        blocks.append(Block("h1", topic_heading(number, topic.title)))
        blocks.append(
            Block(
                "p",
                t(
                    "export.guide.topic_meta",
                    variable=topic.variable,
                    minutes=_minutes(round(seconds / 60.0, 1)),
                    start=clock(start),
                ),
            )
        )
        start += seconds
        if topic.characteristics:
            boxes = "  ".join(f"{BOX} {c.row_label}" for c in topic.characteristics)
            blocks.append(Block("p", f"{t('export.guide.covered')} {boxes}"))
        if topic.note:
            blocks.append(Block("p", topic.note, label=t("export.guide.instruction")))
        labels = {c.id: c.row_label for c in topic.characteristics}
        main = 0
        for question in topic.questions:
            main += question.kind is QuestionKind.MAIN
            lead = _question_lead(question, labels, main, t)
            blocks.extend(_question_blocks(question, lead, plan.question(question.id), t))
    closing = protocol.closing
    if closing.questions:
        blocks.append(Block("h1", t("export.guide.closing")))
        closing_minutes = _minutes(round(plan.closing_seconds / 60.0, 1))
        blocks.append(
            Block("p", t("export.guide.closing_meta", minutes=closing_minutes, start=clock(start)))
        )
        for ending_q in closing.questions:
            blocks.append(Block("question", ending_q.text))
            if ending_q.instruction:
                blocks.append(Block("p", ending_q.instruction, label=t("export.guide.instruction")))
            blocks.extend(_space(plan.question(ending_q.id)))
    if closing.script or closing.fields:
        blocks.append(Block("h1", t("export.guide.ending")))
        blocks.extend(Block("p", p) for p in closing.paragraphs())
        for field in closing.fields:
            blocks.append(Block("p", "_" * 40, label=field.label))
    return blocks


def topic_heading(number: int, title: str) -> str:
    """The heading of a topic in the guide: "3. Informele communicatie"."""
    return f"{number}. {title}"


def _new_page_headings(protocol: InterviewProtocol, t: Translator) -> set[str]:
    """The headings that start a page: every topic, and the closing part."""
    headings = {topic_heading(n, topic.title) for n, topic in enumerate(protocol.topics, 1)}
    if protocol.closing.questions:
        headings.add(t("export.guide.closing"))
    elif protocol.closing.script or protocol.closing.fields:
        headings.add(t("export.guide.ending"))
    return headings


def write_guide_docx(
    protocol: InterviewProtocol,
    stream: IO[bytes],
    lang: str | None = None,
    paper: str | None = None,
) -> None:
    """The guide as .docx, laid out for paper.

    The shared block renderer knows no pages, so the document it writes is reopened
    (python-docx's public API) to start each topic on a new page and space the writing lines
    for handwriting.
    """
    lang = document_language(protocol, lang)
    blocks = guide_blocks(protocol, lang)
    first = io.BytesIO()
    setup = page_setup(protocol, paper=paper)  # 'paper': --paper, else the protocol's
    write_docx(blocks, first, title=blocks[0].text, lang=lang, setup=setup)
    doc = Document(io.BytesIO(first.getvalue()))
    new_page = _new_page_headings(protocol, Translator(lang))
    for paragraph in doc.paragraphs:
        if paragraph.style is not None and paragraph.style.name == "Heading 1":
            paragraph.paragraph_format.page_break_before = paragraph.text in new_page
        elif paragraph.text == WRITING_LINE:
            paragraph.paragraph_format.space_before = Pt(LINE_SPACE_PT[0])
            paragraph.paragraph_format.space_after = Pt(LINE_SPACE_PT[1])
    doc.save(stream)


def write_guide_md(protocol: InterviewProtocol, stream: IO[bytes], lang: str | None = None) -> None:
    """The guide as Markdown."""
    write_markdown(guide_blocks(protocol, lang), stream)
