"""The aligned transcript as material for exports and screens: blocks, lines, a coded source.

Exporters call these pure functions: ``verbatim_blocks`` (segments grouped per question or
code, in the order the interview went), ``segment_line`` (one stamped, speaker-labelled
line) and ``verbatim_source`` (one text with a selection per block: the REFI-QDA source
with its variables as pre-coded selections, offsets in Unicode characters, end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.session import Session
from interviewer.i18n import translate
from interviewer.transcript.align import AlignedSegment, align
from interviewer.transcript.model import INTERVIEWER, Target, Transcript
from interviewer.transcript.stamps import format_stamp


@dataclass(frozen=True, slots=True)
class VerbatimBlock:
    """All segments that belong to one question (or one code alone), in time order."""

    target: Target
    segments: list[AlignedSegment]

    @property
    def question_id(self) -> str | None:
        """The question, or None for a block under a code alone."""
        return self.target.question_id

    @property
    def code(self) -> str | None:
        """Topic id or extra code id of the block."""
        return self.target.code

    @property
    def start(self) -> float:
        """Session seconds of the first segment."""
        return self.segments[0].at


@dataclass(frozen=True, slots=True)
class Selection:
    """A stretch of ``VerbatimSource.text`` coded with ``target.code``: [start, end)."""

    start: int
    end: int
    target: Target


@dataclass(frozen=True, slots=True)
class VerbatimSource:
    """The whole verbatim text of a session and the pre-coded selection of each block."""

    text: str
    selections: list[Selection]


def verbatim_blocks(session: Session, transcript: Transcript) -> list[VerbatimBlock]:
    """Segments grouped per target, blocks ordered by when they were first spoken.

    A question visited twice gets one block with both stretches (in time order), so
    the reader sees everything said about it together.
    """
    groups: dict[Target, list[AlignedSegment]] = {}
    for item in sorted(align(session, transcript), key=lambda a: (a.at, a.number)):
        groups.setdefault(item.target, []).append(item)
    return [VerbatimBlock(t, segs) for t, segs in groups.items()]


def speaker_label(item: AlignedSegment, lang: str = "en") -> str:
    """How a speaker is written: participant code, 'Interviewer', the file's label, or ''."""
    if item.speaker == INTERVIEWER:
        return translate("word.interviewer", lang)
    if item.speaker:
        return item.speaker
    return item.segment.speaker or ""


def segment_line(
    item: AlignedSegment,
    *,
    style: str | None = "bracket",
    lang: str = "en",
    session_time: bool = False,
) -> str:
    """``[00:12:34] 1.1: text`` (stamp omitted when ``style`` is None).

    Stamps are recording times by default, because that is what an analyst plays back in
    the audio file; ``session_time=True`` gives the interview clock instead.
    """
    parts: list[str] = []
    if style is not None:
        parts.append(format_stamp(item.at if session_time else item.segment.start, style))
    who = speaker_label(item, lang)
    if who:
        parts.append(f"{who}:")
    parts.append(item.segment.text)
    return " ".join(parts)


def target_title(protocol: InterviewProtocol, target: Target, lang: str = "en") -> str:
    """A heading for a block: the question text, the variable, or the extra code's name."""
    if target.question_id is not None:
        try:
            return protocol.question(target.question_id).text
        except KeyError:
            pass
        try:
            return protocol.closing_question(target.question_id).text
        except KeyError:
            return target.question_id
    if target.code is not None:
        return protocol.code_names().get(target.code, target.code)
    return translate("transcript.unplaced", lang)


def verbatim_source(
    session: Session,
    transcript: Transcript,
    *,
    style: str | None = "bracket",
    lang: str = "en",
) -> VerbatimSource:
    """One text (a heading line, then one line per segment, per block) with selections.

    Each block's selection covers its segment lines (not the heading) and carries the
    block's target, so a REFI-QDA exporter codes it with ``target.code``.
    """
    lines: list[str] = []
    selections: list[Selection] = []
    position = 0

    def add(line: str) -> tuple[int, int]:
        nonlocal position
        start = position
        lines.append(line)
        position += len(line) + 1  # the newline joining it to the next line
        return start, start + len(line)

    for block in verbatim_blocks(session, transcript):
        add(target_title(session.protocol, block.target, lang))
        first = last = 0
        for i, item in enumerate(block.segments):
            start, end = add(segment_line(item, style=style, lang=lang))
            if i == 0:
                first = start
            last = end
        selections.append(Selection(first, last, block.target))
        add("")
    return VerbatimSource("\n".join(lines).rstrip("\n"), selections)
