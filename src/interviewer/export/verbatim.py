"""The verbatim transcript of the recording, read once into what the exporters print.

With ``ExportOptions.verbatim`` the transcript for approval, the coding document and the
REFI-QDA project show, per question in the order the interview went, the segments spoken
while it was on screen (``interviewer.transcript.align``; manual moves followed) and then
the interviewer's notes as a clearly labelled *interviewer memo*. Speech while no question
was open (introduction, pauses, after the finish) goes under the protocol's default extra
code ("Overige interessante informatie"), at the end.

Time stamps (``stamps``): ``maxqda`` writes f4/MAXQDA's ``#00:12:34-5#`` at the *end* of the
paragraph, the time the segment ends (that is how f4 writes them, and MAXQDA reads the text
before a stamp as the speech up to it), so every paragraph still starts with the speaker
code the QDA tools recognise; ``bracket`` writes ``[00:12:34]`` before the paragraph, the
time the segment starts; ``None`` writes none. Stamps are recording times: what an analyst
plays back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer.domain.session import Session
from interviewer.export.content import Entry, SessionContent, build_content
from interviewer.export.options import FINAL_TEXT_FORMATS, ExportOptions
from interviewer.export.text import clean_line, clean_text
from interviewer.i18n import Translator, document_language
from interviewer.transcript.align import AlignedSegment, align
from interviewer.transcript.model import Segment, Transcript
from interviewer.transcript.stamps import format_stamp
from interviewer.transcript.verbatim import speaker_label

if TYPE_CHECKING:
    from interviewer.pseudonym.replace import ReplacementList

VERBATIM_FORMATS = frozenset({"transcript-docx", "transcript-md", "coding-docx", "qdpx"})
"""Formats that print the verbatim transcript when ``ExportOptions.verbatim`` is set."""

_INF = float("inf")


@dataclass(frozen=True)
class Line:
    """One segment as printed: ``lead`` stamp, speaker, text, ``tail`` stamp (any may be '')."""

    lead: str
    speaker: str
    text: str
    tail: str
    item: AlignedSegment

    def plain(self) -> str:
        """The whole line as text (the REFI-QDA source, the Markdown)."""
        pieces = [self.lead, f"{self.speaker}:" if self.speaker else "", self.text, self.tail]
        return " ".join(p for p in pieces if p)


@dataclass
class Unit:
    """One question (or a code alone) with its segments and the notes typed for it."""

    question_id: str | None
    title: str
    topic_id: str | None
    code_id: str | None
    characteristic_id: str | None
    entry: Entry | None
    lines: list[Line] = field(default_factory=list)
    order: float = _INF

    @property
    def memo(self) -> list[str]:
        """The notes as paragraphs (quick answer, notes, 'BP: ...'), empty without notes."""
        return self.entry.answer_paragraphs() if self.entry else []

    @property
    def tags(self) -> tuple[str, ...]:
        """Other codes the interviewer tagged the question with."""
        return self.entry.tags if self.entry else ()


@dataclass
class VerbatimSection:
    """A stretch of the interview on one topic, the closing, or an extra code (at the end)."""

    topic_id: str | None
    title: str
    units: list[Unit]
    extra: bool = False
    """True for the sections of speech outside the questions (an extra code)."""


@dataclass(frozen=True)
class VerbatimContent:
    """The session content plus its verbatim sections (see the module docstring)."""

    content: SessionContent
    sections: tuple[VerbatimSection, ...]
    stamps: str | None

    def units(self) -> list[Unit]:
        """All units in printed order."""
        return [u for s in self.sections for u in s.units]


def segment_text(item: AlignedSegment, style: str | None, lang: str) -> Line:
    """The printed parts of one segment (see the module docstring for the stamp rule)."""
    segment = item.segment
    lead = tail = ""
    if style == "maxqda":
        tail = format_stamp(segment.end if segment.end is not None else segment.start, style)
    elif style is not None:
        lead = format_stamp(segment.start, style)
    text = " ".join(clean_text(segment.text).split())
    return Line(lead, clean_line(speaker_label(item, lang)), text, tail, item)


def memo_label(lang: str, speaker: str = "", *, final: bool = False) -> str:
    """'Memo interviewer' (with the speaker in a group; '(approved text)' for a final text)."""
    t = Translator(lang)
    label = t("export.verbatim.memo_final" if final else "export.verbatim.memo")
    return f"{label} ({speaker})" if speaker else label


def _characteristic(session: Session, question_id: str) -> str | None:
    index = session.protocol.question_index()
    question = index[question_id][1]
    if question.characteristic is None and question.show_when is not None:
        trigger = index.get(question.show_when.question)
        return trigger[1].characteristic if trigger else None
    return question.characteristic


def _question_unit(session: Session, question_id: str, code: str | None) -> Unit:
    """A unit for a question that has speech but no notes (or was never shown)."""
    protocol = session.protocol
    index = protocol.question_index()
    if question_id in index:
        topic, question = index[question_id]
        return Unit(question_id, clean_line(question.text), topic.id, topic.id,
                    _characteristic(session, question_id), None)  # fmt: skip
    try:
        text = protocol.closing_question(question_id).text
    except KeyError:
        text = question_id
    return Unit(question_id, clean_line(text), None, code, None, None)


def build_verbatim(
    session: Session, transcript: Transcript, *, lang: str | None = None, stamps: str | None
) -> VerbatimContent:
    """Units per question in interview order, the verbatim lines under each."""
    content = build_content(session, lang)
    t = Translator(content.lang)
    protocol = session.protocol
    by_question: dict[str, list[AlignedSegment]] = {}
    by_code: dict[str | None, list[AlignedSegment]] = {}
    for item in sorted(align(session, transcript), key=lambda a: (a.at, a.number)):
        if item.target.question_id is not None:
            by_question.setdefault(item.target.question_id, []).append(item)
        else:
            by_code.setdefault(item.target.code, []).append(item)

    def lines(items: list[AlignedSegment]) -> list[Line]:
        return [segment_text(i, stamps, content.lang) for i in items]

    def natural(items: list[AlignedSegment]) -> float | None:
        """When the speech under a unit began, moved segments left out."""
        own = [i.at for i in items if not i.moved]
        return min(own) if own else None

    units: list[Unit] = []
    for entry in content.entries():
        unit = Unit(entry.question_id, entry.text, entry.topic_id, entry.code_id,
                    entry.characteristic_id, entry)  # fmt: skip
        items = by_question.pop(entry.question_id, [])
        unit.lines = lines(items)
        start = entry.at if entry.at is not None else natural(items)
        unit.order = start if start is not None else _INF
        units.append(unit)
    topic_first: dict[str | None, float] = {}
    for unit in units:
        topic_first[unit.topic_id] = min(topic_first.get(unit.topic_id, _INF), unit.order)
    topic_ids = {topic.id for topic in protocol.topics}
    leftovers: list[tuple[Unit, list[AlignedSegment]]] = []
    for question_id, items in by_question.items():
        unit = _question_unit(session, question_id, items[0].target.code)
        leftovers.append((unit, items))
    extra_units: list[Unit] = []
    for code, items in by_code.items():
        if code in topic_ids:
            title = t("export.verbatim.outside_topic")
            leftovers.append((Unit(None, title, code, code, None, None), items))
        else:
            unit = Unit(None, t("export.verbatim.outside"), None, code, None, None, lines(items))
            extra_units.append(unit)
    for unit, items in leftovers:
        unit.lines = lines(items)
        start = natural(items)
        if start is None:  # only moved speech: where its topic first came up
            start = topic_first.get(unit.topic_id, items[0].at)
        unit.order = start
        units.append(unit)
    planned = {qid: n for n, qid in enumerate(protocol.question_index())}
    units.sort(key=lambda u: (u.order, planned.get(u.question_id or "", -1)))
    sections: list[VerbatimSection] = []
    seen: set[str | None] = set()
    for unit in units:
        if sections and not sections[-1].extra and sections[-1].topic_id == unit.topic_id:
            sections[-1].units.append(unit)
            continue
        if unit.topic_id is not None:
            title = protocol.topic(unit.topic_id).title
        else:
            title = t("export.transcript.closing")
        if unit.topic_id in seen:
            title = t("export.transcript.continued", title=title)
        seen.add(unit.topic_id)
        sections.append(VerbatimSection(unit.topic_id, clean_line(title), [unit]))
    names = protocol.code_names()
    for unit in extra_units:
        title = names.get(unit.code_id or "", "") or t("transcript.unplaced")
        sections.append(VerbatimSection(None, clean_line(title), [unit], extra=True))
    return VerbatimContent(content, tuple(sections), stamps)


def verbatim_content(session: Session, options: ExportOptions) -> VerbatimContent:
    """``build_verbatim`` with the session's transcript from ``options.transcripts``."""
    transcript = (options.transcripts or {}).get(session.id)
    if transcript is None:
        raise ValueError(missing_transcript(session, document_language(session, options.lang)))
    return build_verbatim(session, transcript, lang=options.lang, stamps=options.stamps)


def is_final(session: Session, options: ExportOptions, fmt: str) -> bool:
    """True when ``session`` carries the member check's approved final text in ``fmt``."""
    return (
        bool(options.final_sessions)
        and session.id in (options.final_sessions or {})
        and (fmt in FINAL_TEXT_FORMATS)
    )


def missing_transcript(session: Session, lang: str) -> str:
    """The one-line error for a verbatim export of a session without a transcript."""
    return Translator(lang)(
        "export.verbatim.missing",
        id=session.id,
        case=session.case,
        respondent=session.respondent,
    )


def pseudonymise_transcript(
    transcript: Transcript, replacements: ReplacementList | None
) -> Transcript:
    """A copy with the replacement list applied to the spoken text and the speaker labels.

    Word timings are dropped (no export prints them, and a name split over words would
    survive a word-by-word replacement). Moves and offsets are kept as they are.
    """
    if not replacements:
        return transcript
    segments = [
        Segment(
            s.start,
            s.end,
            replacements.apply(s.text),
            replacements.apply(s.speaker) if s.speaker is not None else None,
        )
        for s in transcript.segments
    ]
    speakers = {replacements.apply(k): v for k, v in transcript.speakers.items()}
    return dataclasses.replace(
        transcript,
        segments=segments,
        speakers=speakers,
        source_name="",
        moves=dict(transcript.moves),
    )


def prepare_transcripts(
    fmt: str, sessions: Sequence[Session], options: ExportOptions
) -> ExportOptions:
    """Check every session has a transcript and apply the replacement list to them.

    Raises ValueError (one line, naming the session and how to import one) when a
    transcript is missing. Formats that do not print verbatim text are left alone.
    """
    if not options.verbatim or fmt not in VERBATIM_FORMATS:
        return options
    transcripts = dict(options.transcripts or {})
    for session in sessions:
        if session.id not in transcripts:
            lang = document_language(session, options.lang)
            raise ValueError(missing_transcript(session, lang))
    if options.replacements:
        transcripts = {
            sid: pseudonymise_transcript(tr, options.replacements)
            for sid, tr in transcripts.items()
        }
    return dataclasses.replace(options, transcripts=transcripts)


def verbatim_options(
    data_dir: Path | str | None, sessions: Sequence[Session], base: ExportOptions
) -> ExportOptions:
    """``base`` with the stored transcripts of ``sessions`` (for the CLI and the TUI).

    Sessions without a transcript are left out; ``write_export`` then refuses a verbatim
    export of them with one line saying how to import one.
    """
    from interviewer.transcript.storage import TranscriptStore

    store = TranscriptStore(data_dir)
    found = dict(base.transcripts or {})
    for session in sessions:
        if session.id not in found and store.exists(session.id):
            found[session.id] = store.load(session.id)
    return dataclasses.replace(base, verbatim=True, transcripts=found)
