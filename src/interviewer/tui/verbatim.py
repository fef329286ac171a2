"""What the verbatim screen shows, as data and Rich text: rows in interview order, move
targets, the notes beside a segment. No widgets here; ``screens/transcript.py`` draws them."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

from rich.console import Console
from rich.text import Text

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.session import QuestionRecord, QuestionState, Session
from interviewer.domain.timeline import Interval, active_seconds, pause_intervals
from interviewer.i18n import Translator
from interviewer.transcript import (
    AlignedSegment,
    Target,
    Transcript,
    align,
    format_stamp,
    question_windows,
    speaker_label,
    target_title,
)
from interviewer.transcript.stamps import format_clock
from interviewer.tui.widgets.question_panel import code_style


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the left list: a heading (``item`` None) or a segment under it.

    ``run`` tells apart the stretches of a code alone (the segment number starting the
    stretch; 0 for a question, which is listed once).
    """

    target: Target
    item: AlignedSegment | None = None
    run: int = 0
    context: str = "question"

    @property
    def option_id(self) -> str:
        """A stable id for the list option (kept selected across re-alignments)."""
        if self.item is not None:
            return f"s{self.item.number}"
        return f"h:{self.target.question_id or ''}:{self.target.code or ''}:{self.run}"


def verbatim_rows(session: Session, transcript: Transcript) -> list[Row]:
    """Headings in interview order, each followed by its segments in time order.

    A question is listed once, where it was first on screen: questions visited without any
    speech still appear (their notes can be read), a question visited twice shows the speech
    of both visits, and a segment moved there does not drag it forward. Speech under a code
    alone (the introduction, a pause, a topic with no question shown, a segment moved to a
    variable) is listed where it was spoken, one heading per uninterrupted stretch.
    """
    start: dict[tuple[Target, int], float] = {}
    for window in question_windows(session):
        if window.context in ("question", "closing") and window.target.question_id:
            start.setdefault((window.target, 0), window.start)
    groups: dict[tuple[Target, int], list[AlignedSegment]] = {}
    previous: Target | None = None
    run = 0
    for item in sorted(align(session, transcript), key=lambda a: (a.at, a.number)):
        if item.target.question_id is not None:
            key = (item.target, 0)
            if item.moved:  # listed under its question; the stretch around it goes on
                groups.setdefault(key, []).append(item)
                start.setdefault(key, item.at)
                continue
        else:
            if item.target != previous:
                run = item.number
            key = (item.target, run)
        previous = item.target
        groups.setdefault(key, []).append(item)
        start.setdefault(key, item.at)
    rows: list[Row] = []
    for key in sorted(start, key=start.__getitem__):
        target, run = key
        items = groups.get(key, [])
        context = items[0].context if run and items else "question"
        rows.append(Row(target, None, run, context))
        rows.extend(Row(target, item, run, context) for item in items)
    return rows


def move_choices(protocol: InterviewProtocol, t: Translator) -> list[tuple[str, Text]]:
    """Every move destination (a value for ``resolve_target``, a label) in protocol order."""
    choices: list[tuple[str, Text]] = []
    for topic in protocol.topics:
        label = Text(f"{topic.variable} ", style="bold")
        label.append(f"({t('verbatim.variable')})", style="dim")
        choices.append((topic.id, label))
        for question in topic.questions:
            label = Text(f"{topic.variable} › ", style="bold")
            choices.append((question.id, label + Text(f"{question.id}  {question.text}")))
    for closing in protocol.closing.questions:
        choices.append((closing.id, Text(f"{closing.id}  {closing.text}")))
    for code in protocol.extra_codes:
        choices.append((code.id, Text(code.name, style="bold")))
    unique: dict[str, Text] = {}
    for value, label in choices:
        unique.setdefault(value, label)
    return list(unique.items())


def code_colour(protocol: InterviewProtocol, code: str | None) -> str | None:
    """The highlight colour of a topic's variable or of an extra code."""
    colours = {topic.id: topic.colour for topic in protocol.topics}
    colours.update({extra.id: extra.colour for extra in protocol.extra_codes})
    return colours.get(code) if code is not None else None


def row_text(session: Session, row: Row, t: Translator, width: int | None = None) -> Text:
    """A heading (variable badge, question id and text, ✎ when it has notes) or a segment
    (recording stamp, ↷ when moved by hand, speaker and text), wrapped to ``width`` with
    the text as a column beside the badge or stamp."""
    protocol = session.protocol
    lead, body = Text(), Text()
    if row.item is None:
        target = row.target
        if target.code is not None:
            badge = protocol.code_names().get(target.code, target.code)
            lead.append(f" {badge} ", style=code_style(code_colour(protocol, target.code)))
            lead.append(" ")
        if target.question_id is not None:
            body.append(f"{target.question_id} ", style="dim")
            body.append(target_title(protocol, target, t.lang), style="bold")
            record = session.records.get(target.question_id)
            if record is not None and record.has_content():
                body.append("  ✎", style="cyan")
        elif target.code in {topic.id for topic in protocol.topics}:
            body.append(f"({t('verbatim.variable')})", style="dim italic")
        if row.run and row.context not in ("question", "topic"):
            body.append(f"({t('transcript.context.' + row.context)})", style="dim italic")
        return hang(lead, body, width)
    item = row.item
    lead.append("  ")
    lead.append(format_stamp(item.segment.start, "bracket"), style="dim")
    lead.append(" ↷ " if item.moved else "   ", style="bold magenta")
    who = speaker_label(item, t.lang)
    if who:
        body.append(f"{who}: ", style="bold")
    body.append(item.segment.text, style="magenta" if item.moved else "")
    return hang(lead, body, width)


def hang(lead: Text, body: Text, width: int | None, *, min_column: int = 20) -> Text:
    """``lead`` then ``body`` wrapped in a column beside it (a hanging indent); when the
    column would be narrower than ``min_column``, the whole line is wrapped at ``width``."""
    if width is None or width < min_column:
        return lead + body
    indent = lead.cell_len
    if width - indent < min_column:
        lines, indent, out = (lead + body).wrap(_WRAPPER, width), 0, Text()
    else:
        lines, out = body.wrap(_WRAPPER, width - indent), lead.copy()
    for number, line in enumerate(lines):
        if number:
            out.append("\n" + " " * indent)
        line.rstrip()
        out.append_text(line)
    return out


_WRAPPER = Console(width=1000, color_system=None, file=io.StringIO())
"""Only measures text for wrapping (immutable in use); never prints."""


def notes_text(session: Session, transcript: Transcript, row: Row, t: Translator) -> Text:
    """Where the selected segment sits (recording and interview time, why it is there), then
    the notes of ``row``'s question (for a code alone: the notes tagged with it)."""
    protocol = session.protocol
    target = row.target
    text = Text()
    if row.item is not None:
        _append_segment(text, session, transcript, row.item, t)
    text.append(t("verbatim.notes.title") + "\n", style="bold underline")
    text.append(target_title(protocol, target, t.lang) + "\n", style="bold")
    if target.question_id is not None:
        record = session.records.get(target.question_id)
        if record is None:
            text.append(t("verbatim.notes.not_asked") + "\n", style="dim")
        else:
            text.append(t(f"verbatim.state.{record.state.value}") + "\n", style="dim")
            _append_record(text, record, t)
    else:
        tagged = [(qid, rec) for qid, rec in session.records.items() if target.code in rec.tags]
        text.append(
            t("verbatim.notes.tagged" if tagged else "verbatim.notes.none") + "\n", style="dim"
        )
        for qid, record in tagged:
            text.append(f"\n{qid} ", style="dim")
            text.append(target_title(protocol, Target(qid, None), t.lang) + "\n")
            _append_record(text, record, t)
    return text


def _append_record(text: Text, record: QuestionRecord, t: Translator) -> None:
    if record.quick_answer:
        answer = record.quick_answer
        if answer in ("yes", "no"):
            answer = t(f"tui.answer.{answer}")
        text.append(t("verbatim.notes.answer", answer=answer) + "\n", style="cyan")
    if record.flags:
        text.append(" ".join(t(f"tui.flag.{f.value}") for f in record.flags) + "\n", style="yellow")
    if record.notes.strip():
        text.append(record.notes.strip() + "\n")
    for part_id, value in record.parts.items():
        if value.strip():
            text.append(f"{part_id.upper()}: ", style="bold")
            text.append(value.strip() + "\n")
    if not record.has_content() and record.state is not QuestionState.NOT_ASKED:
        text.append(t("verbatim.notes.none") + "\n", style="dim")


def _append_segment(
    text: Text, session: Session, transcript: Transcript, item: AlignedSegment, t: Translator
) -> None:
    text.append(t("verbatim.segment", number=item.number) + "\n", style="bold underline")
    # the interview clock as the pace bar shows it: pauses left out
    pauses = pause_intervals(session.timeline, item.at)
    on_clock = active_seconds([Interval(0.0, max(item.at, 0.0))], pauses)
    times = t(
        "verbatim.segment.times",
        recording=format_clock(item.segment.start),
        interview=format_clock(on_clock),
    )
    text.append(times + "\n", style="dim")
    context = t(f"transcript.context.{item.context}")
    text.append(t("verbatim.segment.context", context=context) + "\n", style="dim")
    if item.moved:
        timeline = align(session, replace(transcript, moves={}))[item.number - 1].target
        title = target_title(session.protocol, timeline, t.lang)
        text.append(t("verbatim.segment.moved", target=title) + "\n", style="magenta")
    text.append("\n")
