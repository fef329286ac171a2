"""A session read once into the shape every exporter needs: what was asked, in which order.

The transcript, the coding document, the matrix and the REFI-QDA project all show the same
answers; reading the session here, once, keeps them in agreement (same order, same speaker,
same Ja/Nee, same BP/KP parts). Order is the order the interview *actually* went: each
question sits where it was first shown on the timeline, not where the protocol put it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from interviewer.domain.protocol import (
    HIGHLIGHT_COLOURS,
    AnswerType,
    InterviewProtocol,
    Question,
)
from interviewer.domain.session import (
    EventKind,
    QuestionRecord,
    QuestionState,
    Session,
    SessionMode,
    SessionStatus,
)
from interviewer.domain.timeline import (
    Interval,
    active_seconds,
    pause_intervals,
    section_intervals,
)
from interviewer.domain.turns import INTERVIEWER_SPEAKER, spoken_paragraphs
from interviewer.export.text import clean_line, clean_text
from interviewer.i18n import Translator, document_language

DEFAULT_PALETTE = (
    "yellow",
    "bright-green",
    "turquoise",
    "pink",
    "red",
    "teal",
    "violet",
    "dark-yellow",
    "blue",
    "green",
    "dark-red",
    "gray-50",
)
"""Colours handed out in order to topics that name none (the seed: yellow, green, ...)."""
EXTRA_DEFAULT = "gray-25"
"""The seed coded 'overige interessante informatie' grey."""


def code_colours(protocol: InterviewProtocol) -> dict[str, str]:
    """Code id -> Word highlight colour name, for topics (variables) and extra codes.

    Topics without a colour get the next unused palette colour, so two codes never share
    one by accident; extra codes without a colour are grey.
    """
    used = {t.colour for t in protocol.topics if t.colour}
    free = [c for c in DEFAULT_PALETTE if c not in used]
    colours: dict[str, str] = {}
    for topic in protocol.topics:
        colours[topic.id] = topic.colour or (free.pop(0) if free else "yellow")
    for code in protocol.extra_codes:
        colours[code.id] = code.colour or EXTRA_DEFAULT
    return colours


class Coded(Protocol):
    """What the coding layouts need of an answer (an ``Entry``) or a verbatim unit.

    Read-only members, so the frozen dataclasses (``Entry``, ``verbatim.Unit``) match."""

    @property
    def topic_id(self) -> str | None: ...
    @property
    def code_id(self) -> str | None: ...
    @property
    def characteristic_id(self) -> str | None: ...
    @property
    def tags(self) -> tuple[str, ...] | list[str]: ...


CodedT = TypeVar("CodedT", bound=Coded)


def code_groups(
    protocol: InterviewProtocol, items: Sequence[CodedT], lang: str
) -> list[tuple[str, str | None, list[CodedT]]]:
    """(heading, code id, items): per variable in protocol order, then per extra code.

    The Heading 1 sections of the coding document, for notes and verbatim text alike.
    """
    groups: list[tuple[str, str | None, list[CodedT]]] = []
    for topic in protocol.topics:
        mine = [item for item in items if item.topic_id == topic.id]
        if mine:
            groups.append((topic.variable, topic.id, mine))
    rest = [item for item in items if item.topic_id is None]
    names = protocol.code_names()
    closing = Translator(lang)("export.coding.closing")
    for code_id in dict.fromkeys(item.code_id for item in rest):
        mine = [item for item in rest if item.code_id == code_id]
        groups.append((names.get(code_id or "", closing), code_id, mine))
    return groups


def code_label(protocol: InterviewProtocol, item: Coded) -> str:
    """'Variable / Characteristic' (or the extra code), then '; Tag' per tag."""
    names = protocol.code_names()
    label = names.get(item.code_id or "", "")
    if item.topic_id and item.characteristic_id:
        for characteristic in protocol.topic(item.topic_id).characteristics:
            if characteristic.id == item.characteristic_id:
                label = f"{label} / {characteristic.row_label}"
    for tag in item.tags:
        label += f"; {names.get(tag, tag)}"
    return label


def rgb(colour: str) -> str:
    """'#RRGGBB' of a highlight colour name."""
    return HIGHLIGHT_COLOURS.get(colour, "#C0C0C0")


@dataclass(frozen=True)
class Entry:
    """One question as asked, with what was recorded for it."""

    question_id: str
    text: str
    topic_id: str | None
    """None for closing questions."""
    characteristic_id: str | None
    code_id: str | None
    """The code its answers belong to: the topic id, or the closing question's extra code."""
    tags: tuple[str, ...]
    speaker: str
    """Who answered first: the speaker of the quick answer, the parts and the first note
    paragraph (the session's respondent code when no speaker was chosen)."""
    at: float | None
    answer: str | None
    """The quick answer as printed (Ja/Nee, an option, a scale value)."""
    notes: tuple[str, ...]
    parts: tuple[tuple[str, str], ...]
    """(label, text) for each labelled part, in protocol order (empty text kept)."""
    matrix_row: str | None = None
    note_speakers: tuple[str, ...] = ()
    """The speaker of each of ``notes`` (group interviews: a turn each); empty: ``speaker``."""

    @property
    def has_notes(self) -> bool:
        """True when anything was answered or written."""
        return bool(self.answer or self.notes or any(t for _, t in self.parts))

    def answer_paragraphs(self) -> list[str]:
        """The answer as paragraphs: quick answer, notes, then 'BP: ...' parts."""
        out: list[str] = []
        if self.answer:
            out.append(self.answer + ".")
        out.extend(self.notes)
        for label, text in self.parts:
            if text:
                out.append(f"{label}: {text}")
        return out

    def answer_turns(self) -> list[tuple[str, str]]:
        """``answer_paragraphs`` with each one's speaker: the quick answer and the parts are
        ``speaker``'s, each note paragraph its turn's."""
        out: list[tuple[str, str]] = []
        if self.answer:
            out.append((self.speaker, self.answer + "."))
        aligned = len(self.note_speakers) == len(self.notes)
        for n, text in enumerate(self.notes):
            out.append((self.note_speakers[n] if aligned else self.speaker, text))
        for label, text in self.parts:
            if text:
                out.append((self.speaker, f"{label}: {text}"))
        return out

    def speakers(self) -> list[str]:
        """Everyone with a paragraph in this answer, in order of first appearance."""
        return list(dict.fromkeys(speaker for speaker, _ in self.answer_turns()))

    def cell_text(self, speaker: str | None = None) -> str:
        """The answer on one line for a matrix cell, as the seed writes it: 'Ja',
        'Nee (nog niet)', 'Ja. notes', 'BP: ... KP: ...' (see ``matrix_cell``).

        With ``speaker`` (a group interview's column), only what that speaker said: their
        note paragraphs, and the quick answer and parts when they answered first.
        """
        own = speaker is None or speaker == self.speaker
        aligned = len(self.note_speakers) == len(self.notes)
        pieces = [
            " ".join(n.split())
            for i, n in enumerate(self.notes)
            if speaker is None or (self.note_speakers[i] if aligned else self.speaker) == speaker
        ]
        if own and self.parts and any(t for _, t in self.parts):
            pieces.extend(f"{label}: {' '.join(t.split()) or '-'}" for label, t in self.parts)
        return matrix_cell(self.answer if own else None, [p for p in pieces if p])


def repeats_answer(answer: str, text: str) -> bool:
    """True when ``text`` opens with the quick answer as a word ('Ja, al jaren' after 'Ja')."""
    head = text[: len(answer)]
    rest = text[len(answer) : len(answer) + 1]
    return head.casefold() == answer.casefold() and not (rest.isalnum() or rest == "-")


def matrix_cell(answer: str | None, pieces: Sequence[str]) -> str:
    """Quick answer and the rest of a cell joined the way the seed's matrices read.

    The answer stands alone as given ('Ja', never 'Ja.'); it is left out when the notes
    open with it ('Ja, al jaren'); before text that continues it ('(nog niet)', 'maar
    ...', or after an answer that ends in punctuation) it takes a space, before a new
    sentence a full stop ('Ja. Het team ...').
    """
    if not answer:
        return " ".join(pieces)
    if not pieces:
        return answer
    first = pieces[0]
    if repeats_answer(answer, first):
        return " ".join(pieces)
    continues = answer[-1] in ".!?:;," or not (first[0].isupper() or first[0].isdigit())
    return f"{answer}{'' if continues else '.'} {' '.join(pieces)}"


@dataclass
class Section:
    """A stretch of the interview spent on one topic (or the closing)."""

    topic_id: str | None
    title: str
    entries: list[Entry] = field(default_factory=list)
    revisit: bool = False


@dataclass(frozen=True)
class SessionContent:
    """Everything an exporter prints about one session."""

    session: Session
    lang: str
    sections: tuple[Section, ...]
    draft: bool
    duration_seconds: float
    group: bool

    @property
    def protocol(self) -> InterviewProtocol:
        """The protocol snapshot the session was run with."""
        return self.session.protocol

    @property
    def has_notes(self) -> bool:
        """True when any question has an answer or notes."""
        return any(e.has_notes for s in self.sections for e in s.entries)

    def entries(self) -> list[Entry]:
        """All entries in interview order."""
        return [e for s in self.sections for e in s.entries]


def export_language(session: Session, explicit: str | None = None) -> str:
    """Documents follow the protocol's language (``i18n.document_language``); ``explicit``
    is the override of ``ExportOptions.lang``, for core callers and tests only."""
    return document_language(session, explicit)


def quick_answer_text(question: Question | None, value: str | None, lang: str) -> str | None:
    """'Ja'/'Nee' for yes/no answers (translated), other answers as given."""
    if value is None:
        return None
    yes_no = question is not None and question.answer.type is AnswerType.YES_NO
    if yes_no and value in ("yes", "no"):
        return Translator(lang)(f"answer.{value}")
    return clean_line(value)


def session_end(session: Session) -> float:
    """Session seconds of the last event (the FINISHED moment when finished)."""
    return session.timeline[-1].at if session.timeline else 0.0


def duration_seconds(session: Session) -> float:
    """Interview time with pauses left out, from the timeline."""
    end = session_end(session)
    start = next((e.at for e in session.timeline if e.kind is EventKind.STARTED), 0.0)
    return active_seconds([Interval(start, end)], pause_intervals(session.timeline, end))


def topic_seconds(session: Session) -> dict[str, float]:
    """Seconds per topic id (and ``timeline.CLOSING``), pauses excluded, from the timeline.

    The one place the exports derive time per topic; it uses the engine's own timeline
    functions so the matrix agrees with what the timer showed during the interview.
    """
    end = session_end(session)
    pauses = pause_intervals(session.timeline, end)
    return {
        key: active_seconds(intervals, pauses)
        for key, intervals in section_intervals(session.timeline, end).items()
    }


def _first_shown(session: Session) -> dict[str, float]:
    shown: dict[str, float] = {}
    for event in session.timeline:
        if event.kind is EventKind.QUESTION_SHOWN and event.question_id:
            shown.setdefault(event.question_id, event.at)
    return shown


def spoken_turns(session: Session, record: QuestionRecord) -> list[tuple[str, str]]:
    """(speaker code, raw paragraph) for each paragraph of a record's notes, as every
    document writes them: a group session's paragraphs each with its turn's speaker, an
    individual session's (or a note without turns) all with the respondent or first
    speaker. Shared with the review screen so the two never disagree."""
    group = session.mode is SessionMode.GROUP and bool(session.participants)
    speaker = record.speaker if (group and record.speaker) else session.respondent
    return spoken_paragraphs(record.notes, record.turns if group else (), speaker)


def build_content(session: Session, lang: str | None = None) -> SessionContent:
    """Read a session into sections in interview order (see the module docstring)."""
    lang = export_language(session, lang)
    t = Translator(lang)
    protocol = session.protocol
    shown = _first_shown(session)
    index = protocol.question_index()
    closing_ids = [q.id for q in protocol.closing.questions]
    planned = [*index, *closing_ids]
    default_extra = protocol.default_extra_code()
    group = session.mode is SessionMode.GROUP and bool(session.participants)

    def include(qid: str) -> bool:
        record = session.records.get(qid)
        if record is None:
            return False
        return record.has_content() or record.state is QuestionState.ASKED

    chosen = [qid for qid in planned if include(qid)]

    def sort_key(qid: str) -> tuple[float, int]:
        record = session.records[qid]
        at = shown.get(qid, record.first_edit_at)
        return (at if at is not None else float("inf"), planned.index(qid))

    chosen.sort(key=sort_key)
    sections: list[Section] = []
    seen_topics: set[str | None] = set()
    for qid in chosen:
        record = session.records[qid]
        topic_question = index.get(qid)
        if topic_question is not None:
            topic, question = topic_question
            topic_id: str | None = topic.id
            characteristic = question.characteristic
            if characteristic is None and question.show_when is not None:
                trigger = index.get(question.show_when.question)
                characteristic = trigger[1].characteristic if trigger else None
            code_id: str | None = topic.id
            text = question.text
            parts = tuple(
                (p.label, clean_text(record.parts.get(p.id, "")).strip()) for p in question.parts
            )
            matrix_row = None
            title = topic.title
            quick = quick_answer_text(question, record.quick_answer, lang)
        else:
            closing = protocol.closing_question(qid)
            topic_id, characteristic, text, parts = None, None, closing.text, ()
            code_id = closing.code or (default_extra.id if default_extra else None)
            matrix_row = closing.matrix_row
            title = t("export.transcript.closing")
            quick = quick_answer_text(None, record.quick_answer, lang)
        speaker = record.speaker if (group and record.speaker) else session.respondent
        spoken = spoken_turns(session, record)
        interviewer = t("word.interviewer")
        entry = Entry(
            question_id=qid,
            text=clean_line(text),
            topic_id=topic_id,
            characteristic_id=characteristic,
            code_id=code_id,
            tags=tuple(tag for tag in record.tags if tag != code_id),
            speaker=interviewer if speaker == INTERVIEWER_SPEAKER else clean_line(speaker),
            at=shown.get(qid, record.first_edit_at),
            answer=quick,
            notes=tuple(clean_text(text).strip() for _, text in spoken),
            parts=parts,
            matrix_row=matrix_row,
            note_speakers=tuple(
                interviewer if who == INTERVIEWER_SPEAKER else clean_line(who) for who, _ in spoken
            ),
        )
        if sections and sections[-1].topic_id == topic_id:
            sections[-1].entries.append(entry)
            continue
        revisit = topic_id in seen_topics
        seen_topics.add(topic_id)
        heading = t("export.transcript.continued", title=title) if revisit else title
        sections.append(Section(topic_id, clean_line(heading), [entry], revisit))
    return SessionContent(
        session=session,
        lang=lang,
        sections=tuple(sections),
        draft=session.status is not SessionStatus.FINISHED,
        duration_seconds=duration_seconds(session),
        group=group,
    )


def clock_text(seconds: float | None) -> str:
    """Session seconds as 'H:MM:SS' (for optional time stamps)."""
    if seconds is None:
        return ""
    whole = max(0, int(seconds))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
