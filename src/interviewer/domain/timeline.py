"""Reading a session's timeline: pauses, which topic was current when, active seconds.

Pure functions over ``TimelineEvent`` lists. A topic's time is the union of the intervals in
which it was current, however often and in whatever order it was visited; pauses inside
those intervals are subtracted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from interviewer.domain.session import EventKind, Session, SessionStatus, TimelineEvent

CLOSING = "__closing__"
"""Section key of the closing block in ``section_intervals``."""


@dataclass(frozen=True)
class Interval:
    """A stretch of session seconds, ``start`` to ``end``."""

    start: float
    end: float

    @property
    def length(self) -> float:
        """Seconds covered (never negative)."""
        return max(0.0, self.end - self.start)


def session_seconds(session: Session, epoch_now: float) -> float:
    """Session seconds "now": the FINISHED moment for a finished session, else the clock.

    Never before the last event, so a clock that jumps back cannot reorder the timeline.
    """
    if session.started_at is None:
        return 0.0
    last = session.timeline[-1].at if session.timeline else 0.0
    if session.status is SessionStatus.FINISHED:
        finished = [e.at for e in session.timeline if e.kind is EventKind.FINISHED]
        return finished[-1] if finished else last
    return max(epoch_now - session.started_at.timestamp(), last, 0.0)


def pause_intervals(timeline: Sequence[TimelineEvent], end: float) -> list[Interval]:
    """Pauses from PAUSED to RESUMED; a pause still open lasts until ``end``."""
    pauses: list[Interval] = []
    opened: float | None = None
    for event in timeline:
        if event.kind is EventKind.PAUSED and opened is None:
            opened = event.at
        elif event.kind in (EventKind.RESUMED, EventKind.FINISHED) and opened is not None:
            pauses.append(Interval(opened, event.at))
            opened = None
    if opened is not None:
        pauses.append(Interval(opened, max(end, opened)))
    return pauses


def active_seconds(intervals: Iterable[Interval], pauses: Sequence[Interval]) -> float:
    """Total length of ``intervals`` minus the parts that fall inside a pause."""
    total = 0.0
    for interval in intervals:
        length = interval.length
        for pause in pauses:
            overlap = min(interval.end, pause.end) - max(interval.start, pause.start)
            if overlap > 0:
                length -= overlap
        total += max(0.0, length)
    return total


def section_intervals(timeline: Sequence[TimelineEvent], end: float) -> dict[str, list[Interval]]:
    """Per topic id (and ``CLOSING``): the intervals in which it was current."""
    sections: dict[str, list[Interval]] = {}
    current: str | None = None
    since = 0.0

    def close(at: float) -> None:
        nonlocal current
        if current is not None:
            sections.setdefault(current, []).append(Interval(since, at))
            current = None

    for event in timeline:
        if event.kind is EventKind.TOPIC_ENTERED and event.topic_id:
            close(event.at)
            current, since = event.topic_id, event.at
        elif event.kind is EventKind.CLOSING_ENTERED:
            close(event.at)
            current, since = CLOSING, event.at
        elif (
            (event.kind is EventKind.TOPIC_LEFT and event.topic_id == current)
            or (event.kind is EventKind.CLOSING_LEFT and current == CLOSING)
            or event.kind is EventKind.FINISHED
        ):
            close(event.at)
    close(max(end, since))
    return sections


def question_intervals(timeline: Sequence[TimelineEvent], end: float) -> dict[str, list[Interval]]:
    """Per question id: the intervals in which it was the question on screen."""
    shown: dict[str, list[Interval]] = {}
    current: str | None = None
    since = 0.0
    closers = {EventKind.TOPIC_LEFT, EventKind.CLOSING_LEFT, EventKind.FINISHED}
    for event in timeline:
        if event.kind is EventKind.QUESTION_SHOWN and event.question_id:
            if current is not None:
                shown.setdefault(current, []).append(Interval(since, event.at))
            current, since = event.question_id, event.at
        elif event.kind in closers and current is not None:
            shown.setdefault(current, []).append(Interval(since, event.at))
            current = None
    if current is not None:
        shown.setdefault(current, []).append(Interval(since, max(end, since)))
    return shown


def visit_order(timeline: Sequence[TimelineEvent]) -> list[str]:
    """Topic ids in the order they were first entered."""
    seen: list[str] = []
    for event in timeline:
        if event.kind is EventKind.TOPIC_ENTERED and event.topic_id and event.topic_id not in seen:
            seen.append(event.topic_id)
    return seen
