"""What the review screen's timeline shows of one interview, built without a terminal
(issue 12, point 7): which topic was current when, every visit of it (an interviewer may
return to a topic), the pauses, and, as the analysis screen shows them for a whole case,
planned against actual minutes per topic and the coverage of the characteristics.

Everything is read from the session's timeline with the functions the timer and the exports
use (``domain.timeline``: ``section_intervals``, ``pause_intervals``; the end of the
interview as ``export.content.session_end`` sets it, the last event), so the bars add up to
the minutes the matrix and the review text give. Times are seconds since the start of the
interview (the STARTED event); a visit's ``spans`` are its stretches with the pauses cut out,
so a topic's active seconds are the sum of its spans' lengths.

Pure: no Textual. The review screen (``tui.screens.review``) draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interviewer.analysis_workspace import CoverageRow, TopicMinutes, coverage_rows, topic_minutes
from interviewer.domain.session import EventKind, Session, SessionStatus, TimelineEvent
from interviewer.domain.timeline import (
    CLOSING,
    Interval,
    pause_intervals,
    section_intervals,
)
from interviewer.export.content import session_end


@dataclass(frozen=True)
class Visit:
    """One stretch in which a topic (or the closing) was current, start to end."""

    start: float
    end: float
    spans: tuple[Interval, ...]
    """The visit without its pauses (one span when it held none)."""

    @property
    def active_seconds(self) -> float:
        """Seconds of the visit with the pauses left out."""
        return sum(span.length for span in self.spans)


@dataclass(frozen=True)
class Lane:
    """A row of the timeline: a topic (protocol order) or the closing, with its visits."""

    key: str
    """The topic id, or ``timeline.CLOSING``."""
    label: str
    """The numbered variable label (as in the matrix), or the closing's label."""
    colour: str | None
    """The topic's code colour (a ``protocol.HIGHLIGHT_COLOURS`` name); None for the closing."""
    visits: tuple[Visit, ...]

    @property
    def returned(self) -> bool:
        """True when the interview came back to this topic after leaving it."""
        return len(self.visits) > 1

    @property
    def active_seconds(self) -> float:
        return sum(visit.active_seconds for visit in self.visits)


@dataclass(frozen=True)
class InterviewTimeline:
    """The timeline of one interview, with its minutes and coverage."""

    respondent: str
    lanes: tuple[Lane, ...]
    pauses: tuple[Interval, ...]
    """Pauses of some length (a pause still open when the session was last written ends
    at its last event)."""
    end: float
    """Seconds from the start to the last event (the FINISHED moment when finished)."""
    finished: bool
    current: str | None
    """The section still current at the last event of an unfinished interview (topic id or
    ``CLOSING``); None when finished or between sections."""
    minutes: tuple[TopicMinutes, ...]
    """Planned against actual minutes per topic (one actual value: this interview)."""
    coverage: tuple[CoverageRow, ...]
    """Characteristics (a topic without any: one row), one state each: this interview."""

    @property
    def empty(self) -> bool:
        """True when no topic was ever entered (nothing to draw)."""
        return not any(lane.visits for lane in self.lanes)

    def order(self) -> list[tuple[str, Visit]]:
        """Every visit as (lane key, visit) in the order they happened."""
        found = [(lane.key, visit) for lane in self.lanes for visit in lane.visits]
        return sorted(found, key=lambda item: (item[1].start, item[1].end))


def variable_labels(session: Session) -> list[str]:
    """The topics' labels as the case matrix numbers them ('1. Ervaring')."""
    return [f"{n}. {topic.row_label}" for n, topic in enumerate(session.protocol.topics, 1)]


def _cut(interval: Interval, pauses: Sequence[Interval]) -> tuple[Interval, ...]:
    """``interval`` without the parts that fall inside a pause."""
    pieces = [interval]
    for pause in pauses:
        kept: list[Interval] = []
        for piece in pieces:
            if pause.end <= piece.start or pause.start >= piece.end:
                kept.append(piece)
                continue
            if pause.start > piece.start:
                kept.append(Interval(piece.start, pause.start))
            if pause.end < piece.end:
                kept.append(Interval(pause.end, piece.end))
        pieces = kept
    return tuple(piece for piece in pieces if piece.length > 0)


def _current(timeline: Sequence[TimelineEvent]) -> str | None:
    """The section entered and not left by the last event (as ``section_intervals`` reads
    the events), or None."""
    current: str | None = None
    for event in timeline:
        if event.kind is EventKind.TOPIC_ENTERED and event.topic_id:
            current = event.topic_id
        elif event.kind is EventKind.CLOSING_ENTERED:
            current = CLOSING
        elif (
            (event.kind is EventKind.TOPIC_LEFT and event.topic_id == current)
            or (event.kind is EventKind.CLOSING_LEFT and current == CLOSING)
            or event.kind is EventKind.FINISHED
        ):
            current = None
    return current


def interview_timeline(session: Session, closing_label: str) -> InterviewTimeline:
    """The timeline of ``session``: a lane per topic in protocol order, then the closing
    (labelled ``closing_label``), each with its visits in time order; the pauses; the
    minutes and the coverage as the analysis screen computes them for a case."""
    start = next((e.at for e in session.timeline if e.kind is EventKind.STARTED), 0.0)
    end = session_end(session)
    pauses = [p for p in pause_intervals(session.timeline, end) if p.length > 0]
    sections = section_intervals(session.timeline, end)

    def shifted(interval: Interval) -> Interval:
        return Interval(interval.start - start, interval.end - start)

    def visits(key: str) -> tuple[Visit, ...]:
        found = sorted(sections.get(key, []), key=lambda i: (i.start, i.end))
        return tuple(
            Visit(
                start=interval.start - start,
                end=interval.end - start,
                spans=tuple(shifted(span) for span in _cut(interval, pauses)),
            )
            for interval in found
            if interval.length > 0
        )

    labels = variable_labels(session)
    lanes = [
        Lane(topic.id, label, topic.colour, visits(topic.id))
        for label, topic in zip(labels, session.protocol.topics, strict=True)
    ]
    lanes.append(Lane(CLOSING, closing_label, None, visits(CLOSING)))
    finished = session.status is SessionStatus.FINISHED
    return InterviewTimeline(
        respondent=session.respondent,
        lanes=tuple(lanes),
        pauses=tuple(shifted(p) for p in pauses),
        end=max(end - start, 0.0),
        finished=finished,
        current=None if finished else _current(session.timeline),
        minutes=topic_minutes([session], labels),
        coverage=coverage_rows([session], labels),
    )
