"""The transcript for respondent approval as a block list (rendered by the docx/md modules).

Title block, cover text (may correct or add; processed anonymously), the interview in the
order it actually went, each question as asked followed by its notes (speaker labels in
group interviews, optional time stamps), and an approval block at the end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from interviewer.export.blocks import Block
from interviewer.export.content import SessionContent, clock_text
from interviewer.export.verbatim import VerbatimContent, memo_label
from interviewer.i18n import Translator


def minutes_text(seconds: float) -> str:
    """Whole minutes, at least 1 once anything happened."""
    return str(round(seconds / 60)) if seconds >= 30 or seconds == 0 else "1"


def title_blocks(content: SessionContent) -> list[Block]:
    """Title, draft mark and the meta lines shared by the transcript and the coding doc."""
    t = Translator(content.lang)
    session, protocol = content.session, content.protocol
    blocks = [Block("title", f"{t('export.transcript.title')} {session.respondent}")]
    if content.draft:
        blocks.append(Block("draft", t("export.draft")))
    study = protocol.title if not protocol.study else f"{protocol.study}: {protocol.title}"
    blocks.append(Block("meta", study, label=t("export.meta.study")))
    blocks.append(Block("meta", session.respondent, label=t("export.meta.respondent")))
    blocks.append(Block("meta", session.case, label=t("export.meta.case")))
    blocks.append(Block("meta", session.date.isoformat(), label=t("export.meta.date")))
    minutes = minutes_text(content.duration_seconds)
    one = minutes == "1"
    duration = t("export.duration.one") if one else t("export.duration.value", minutes=minutes)
    blocks.append(Block("meta", duration, label=t("export.meta.duration")))
    if session.interviewer:
        blocks.append(Block("meta", session.interviewer, label=t("export.meta.interviewer")))
    if content.group:
        codes = ", ".join(p.code for p in session.participants)
        blocks.append(Block("meta", codes, label=t("export.meta.participants")))
    return blocks


@dataclass(frozen=True)
class ReturnRequest:
    """What the copy sent for approval asks of the respondent: answer by ``deadline``, to
    ``reply_to`` when known; ``silence_means_approval`` when the study counts no answer as
    approval (``InterviewProtocol.member_check``)."""

    deadline: dt.date
    reply_to: str | None = None
    silence_means_approval: bool = False


def long_date(day: dt.date, lang: str) -> str:
    """'15 december 2026' / '15 December 2026': a date a respondent reads without doubt."""
    t = Translator(lang)
    return f"{day.day} {t(f'export.month.{day.month}')} {day.year}"


def request_text(request: ReturnRequest, lang: str) -> str:
    """The paragraph after the cover text: by when, where to, and what silence means."""
    t = Translator(lang)
    date = long_date(request.deadline, lang)
    if request.reply_to:
        text = t("export.transcript.return_to", date=date, address=request.reply_to)
    else:
        text = t("export.transcript.return_by", date=date)
    if request.silence_means_approval:
        text += " " + t("export.transcript.silence", date=date)
    return text


def transcript_blocks(
    content: SessionContent, *, timestamps: bool = False, request: ReturnRequest | None = None
) -> list[Block]:
    """The whole transcript for approval; with ``request`` (``approval send``) the cover
    says by when and where to return it."""
    t = Translator(content.lang)
    blocks = title_blocks(content)
    blocks.append(Block("p", t("export.transcript.cover")))
    if request is not None:
        blocks.append(Block("p", request_text(request, content.lang)))
    if not content.has_notes:
        blocks.append(Block("p", t("export.transcript.no_notes")))
    for section in content.sections:
        blocks.append(Block("h1", section.title))
        for entry in section.entries:
            stamp = clock_text(entry.at) if timestamps else ""
            blocks.append(Block("question", entry.text, stamp=stamp))
            turns = entry.answer_turns()
            if not turns:
                blocks.append(Block("p", t("export.transcript.no_answer")))
            # A group interview: every turn its own paragraph, starting with its speaker.
            for speaker, text in turns:
                label = speaker if content.group else ""
                blocks.append(Block("answer" if label else "p", text, label=label))
    blocks.extend(approval_blocks(content))
    return blocks


def approval_blocks(content: SessionContent) -> list[Block]:
    """The approval block that ends the transcript: two boxes (as is / with changes), name,
    date and signature (``membercheck.approval_block`` reads them back)."""
    t = Translator(content.lang)
    return [
        Block("h1", t("export.approval.title")),
        Block("p", t("export.approval.code", code=content.session.respondent)),
        Block("p", t("export.approval.as_is")),
        Block("p", t("export.approval.with_changes")),
        Block("p", t("export.approval.name")),
        Block("p", t("export.approval.date")),
        Block("p", t("export.approval.signature")),
    ]


def verbatim_transcript_blocks(
    verbatim: VerbatimContent, *, timestamps: bool = False, final: bool = False
) -> list[Block]:
    """The transcript for approval with the recording's words: per question in interview
    order the segments (stamp, speaker code, text), then the notes as interviewer memo."""
    content = verbatim.content
    t = Translator(content.lang)
    blocks = title_blocks(content)
    blocks.append(Block("p", t("export.transcript.cover")))
    blocks.append(Block("p", t("export.verbatim.cover")))
    for section in verbatim.sections:
        blocks.append(Block("h1", section.title))
        for unit in section.units:
            entry = unit.entry
            stamp = clock_text(entry.at) if timestamps and entry is not None else ""
            blocks.append(Block("question", unit.title, stamp=stamp))
            for line in unit.lines:
                blocks.append(Block("segment", line.text, label=line.speaker, lead=line.lead,
                                    tail=line.tail))  # fmt: skip
            memo = unit.memo
            if not unit.lines and not section.extra:
                blocks.append(Block("p", t("export.verbatim.no_speech")))
            speaker = entry.speaker if (entry is not None and content.group) else ""
            label = memo_label(content.lang, speaker, final=final)
            blocks.extend(Block("memo", text, label=label) for text in memo)
    blocks.extend(approval_blocks(content))
    return blocks
