"""The printable interview guide: the paper backup an interviewer takes along.

Everything the TUI shows, on paper: introduction script and checklist (with boxes), each
topic with its variable and planned minutes, main questions numbered, follow-ups with their
condition, alternatives ("Of:"), probes with their priority, interviewer-only notes, and the
closing questions, script and fields.
"""

from __future__ import annotations

from typing import IO

from interviewer.domain.protocol import AnswerType, InterviewProtocol, Mode, QuestionKind
from interviewer.export.blocks import Block, write_docx, write_markdown
from interviewer.i18n import Translator, document_language

BOX = "\u2610"


def _minutes(value: float) -> str:
    return f"{value:g}"


def guide_blocks(protocol: InterviewProtocol, lang: str | None = None) -> list[Block]:
    """The guide as blocks (rendered to docx or Markdown).

    A protocol for one kind of interview is printed as that kind asks it (its wording, its
    questions). One for both (``mode: both``) prints every question with its group wording
    under it and marks the questions of one mode only, since the same paper serves both.
    """
    if protocol.mode is not Mode.BOTH:
        protocol = protocol.for_mode(protocol.mode is Mode.GROUP)
    lang = document_language(protocol, lang)
    t = Translator(lang)
    blocks = [Block("title", f"{t('export.guide.title')}: {protocol.title}")]
    blocks.append(
        Block(
            "p",
            t(
                "export.guide.meta",
                minutes=_minutes(protocol.duration_minutes),
                mode=t(f"mode.{protocol.mode.value}"),
                version=protocol.version,
            ),
        )
    )
    if protocol.introduction.script or protocol.introduction.checklist:
        blocks.append(Block("h1", t("export.guide.introduction")))
        blocks.extend(Block("p", p) for p in protocol.introduction.paragraphs())
        for item in protocol.introduction.checklist:
            required = f" {t('export.guide.required')}" if item.required else ""
            blocks.append(Block("p", f"{BOX} {item.label}{required}"))
    for number, topic in enumerate(protocol.topics, start=1):
        blocks.append(Block("h1", f"{number}. {topic.title}"))
        meta = (
            t("export.guide.topic_meta", variable=topic.variable, minutes=_minutes(topic.minutes))
            if topic.minutes is not None
            else t("export.guide.topic_meta_nominutes", variable=topic.variable)
        )
        blocks.append(Block("p", meta))
        if topic.note:
            blocks.append(Block("p", topic.note, label=t("export.guide.instruction")))
        labels = {c.id: c.row_label for c in topic.characteristics}
        main = 0
        for question in topic.questions:
            if question.kind is QuestionKind.MAIN:
                main += 1
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
                lead += (
                    f" [{t('export.guide.characteristic', label=labels[question.characteristic])}]"
                )
            if question.mode is not Mode.BOTH:
                lead += f" ({t(f'export.guide.only_{question.mode.value}')})"
            blocks.append(Block("question", question.text, label=lead))
            if question.text_group:
                label = t("export.guide.group_wording")
                blocks.append(Block("p", question.text_group, label=label))
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
            blocks.append(Block("p", t("export.guide.notes_line") + "_" * 60))
    closing = protocol.closing
    if closing.questions:
        blocks.append(Block("h1", t("export.guide.closing")))
        for question in closing.questions:
            blocks.append(Block("question", question.text))
            if question.instruction:
                blocks.append(Block("p", question.instruction, label=t("export.guide.instruction")))
            blocks.append(Block("p", t("export.guide.notes_line") + "_" * 60))
    if closing.script or closing.fields:
        blocks.append(Block("h1", t("export.guide.ending")))
        blocks.extend(Block("p", p) for p in closing.paragraphs())
        for field in closing.fields:
            blocks.append(Block("p", "_" * 40, label=field.label))
    return blocks


def write_guide_docx(
    protocol: InterviewProtocol, stream: IO[bytes], lang: str | None = None
) -> None:
    """The guide as .docx."""
    blocks = guide_blocks(protocol, lang)
    write_docx(blocks, stream, title=blocks[0].text, lang=document_language(protocol, lang))


def write_guide_md(protocol: InterviewProtocol, stream: IO[bytes], lang: str | None = None) -> None:
    """The guide as Markdown."""
    write_markdown(guide_blocks(protocol, lang), stream)
