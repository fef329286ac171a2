"""Lining a transcript up with a session: which question was current when each segment began.

The session timeline says when each question was on screen; a segment belongs to the
question current at its *start* (``Transcript.session_time``: the recording clock of the
app's own recording, then minus the offset, gives session seconds).
Jumps between topics are followed as they happened; speech during a pause, before the
clock started, after the finish, or while no topic was open goes to the protocol's default
extra code ("Overige interessante informatie"). Manual moves override the timeline.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from interviewer.domain.protocol import InterviewProtocol, Question, Topic
from interviewer.domain.session import EventKind, Session, SessionMode, TimelineEvent
from interviewer.transcript.model import (
    INTERVIEWER,
    Segment,
    Target,
    Transcript,
    TranscriptError,
)

CONTEXTS = ("question", "topic", "closing", "pause", "outside")
"""Why a segment landed where it did: on a question, on a topic with no question shown,
in the closing, in a pause, or outside the interview (before start, after finish)."""

_LEAVERS = {EventKind.TOPIC_LEFT, EventKind.CLOSING_LEFT}
_INTERVIEWER_ALIASES = {"interviewer", "int", "i", "interviewster", "onderzoeker"}
_RESPONDENT_ALIASES = {"respondent", "resp", "r", "geïnterviewde", "geinterviewde"}


@dataclass(frozen=True, slots=True)
class Window:
    """A stretch of session seconds with one target; ``end`` None = until the end of time."""

    start: float
    end: float | None
    target: Target
    context: str


@dataclass(frozen=True, slots=True)
class AlignedSegment:
    """A segment placed in the session: its number (1-based), session time and target."""

    number: int
    segment: Segment
    at: float
    target: Target
    context: str
    speaker: str | None
    moved: bool = False

    @property
    def question_id(self) -> str | None:
        """The question the segment belongs to (None for a code alone)."""
        return self.target.question_id

    @property
    def code(self) -> str | None:
        """The code (topic id or extra code id) the segment belongs to."""
        return self.target.code


def default_code(protocol: InterviewProtocol) -> str | None:
    """The extra code for speech outside any question (the first extra code)."""
    code = protocol.default_extra_code()
    return code.id if code else None


def closing_target(protocol: InterviewProtocol, question_id: str | None) -> Target:
    """Target of a closing question (its own code, else the default extra code)."""
    fallback = default_code(protocol)
    if question_id is None:
        return Target(None, fallback)
    try:
        question = protocol.closing_question(question_id)
    except KeyError:
        return Target(None, fallback)
    return Target(question_id, question.code or fallback)


@dataclass
class _Replay:
    """What the recorder had current at a point of the timeline, replayed event by event."""

    protocol: InterviewProtocol
    index: dict[str, tuple[Topic, Question]]
    other: Target
    topic: str | None = None
    question: str | None = None
    closing: bool = False
    paused: bool = False
    finished: bool = False

    def apply(self, event: TimelineEvent) -> bool:
        """Follow ``event`` as ``SessionRecorder`` did; False for an event that changes
        nothing current (a note, a flag, a topic event without its id)."""
        kind = event.kind
        if kind is EventKind.TOPIC_ENTERED and event.topic_id:
            self._enter_topic(event.topic_id)
        elif kind is EventKind.QUESTION_SHOWN and event.question_id:
            self._show_question(event.question_id)
        elif kind in _LEAVERS:
            self.topic, self.question, self.closing = None, None, False
        elif kind is EventKind.CLOSING_ENTERED:
            self.closing, self.topic = True, None
            if self.question in self.index:
                self.question = None
        elif kind is EventKind.PAUSED:
            self.paused = True
        elif kind is EventKind.RESUMED:
            self.paused = False
        elif kind is EventKind.FINISHED:
            self.finished = True
        else:
            return False
        return True

    def _enter_topic(self, topic_id: str) -> None:
        """Entering a topic leaves the closing and drops a question of another topic."""
        self.closing, self.topic = False, topic_id
        question = self.question
        if question is not None and (
            question not in self.index or self.index[question][0].id != topic_id
        ):
            self.question = None

    def _show_question(self, question_id: str) -> None:
        """Showing a question opens its topic, or the closing for a closing question."""
        self.question = question_id
        if question_id in self.index:
            self.closing, self.topic = False, self.index[question_id][0].id
        else:
            self.closing, self.topic = True, None

    def current(self) -> tuple[Target, str]:
        """The target speech belongs to now, and why (one of ``CONTEXTS``)."""
        if self.finished:
            return self.other, "outside"
        if self.paused:
            return self.other, "pause"
        if self.closing:
            return closing_target(self.protocol, self.question), "closing"
        if self.topic is not None:
            if self.question is not None and self.question in self.index:
                return Target(self.question, self.topic), "question"
            return Target(None, self.topic), "topic"
        return self.other, "outside"


def question_windows(session: Session) -> list[Window]:
    """The timeline as consecutive windows, each with the target that was current.

    Mirrors ``SessionRecorder``: entering a topic clears a question of another topic;
    leaving a topic or the closing, and finishing, clear both; a pause suspends whatever
    was current until the resume.
    """
    protocol = session.protocol
    other = Target(None, default_code(protocol))
    replay = _Replay(protocol, protocol.question_index(), other)
    windows: list[Window] = [Window(float("-inf"), None, other, "outside")]
    for event in sorted(session.timeline, key=lambda e: e.at):
        if not replay.apply(event):
            continue
        target, context = replay.current()
        last = windows[-1]
        if (last.target, last.context) == (target, context):
            continue
        windows[-1] = Window(last.start, event.at, last.target, last.context)
        if windows[-1].end == windows[-1].start:
            windows.pop()
        windows.append(Window(event.at, None, target, context))
    return windows


def offset_from_recording_start(session: Session, recording_start: dt.datetime) -> float:
    """Offset (seconds) from when the recording started; a naive time is local time."""
    if session.started_at is None:
        raise TranscriptError("transcript.error.not_started")
    started = session.started_at
    if started.tzinfo is None:
        started = started.replace(tzinfo=dt.UTC)
    if recording_start.tzinfo is None:
        recording_start = recording_start.astimezone()
    return (started - recording_start).total_seconds()


def place(windows: list[Window], at: float, starts: list[float] | None = None) -> Window:
    """The window current at session second ``at`` (an event at ``at`` already counts).

    ``starts`` (the windows' start times) can be passed in when placing many segments.
    """
    starts = starts if starts is not None else [w.start for w in windows]
    position = bisect.bisect_right(starts, at) - 1
    return windows[max(position, 0)]


def _named_speakers(session: Session, transcript: Transcript) -> dict[str, str]:
    """The labels mapped by name: the transcript's explicit mapping, a participant code,
    an interviewer alias (or the session's interviewer), a respondent alias (individual
    sessions only: in a group 'Respondent' names nobody in particular)."""
    by_lower = {c.lower(): c for c in session.speaker_codes()}
    interviewer_names = set(_INTERVIEWER_ALIASES)
    if session.interviewer:
        interviewer_names.add(session.interviewer.strip().lower())
    group = session.mode is SessionMode.GROUP
    mapping: dict[str, str] = {}
    for label in transcript.labels():
        key = label.strip().lower()
        if label in transcript.speakers:
            mapping[label] = transcript.speakers[label]
        elif key in by_lower:
            mapping[label] = by_lower[key]
        elif key in interviewer_names:
            mapping[label] = INTERVIEWER
        elif not group and key in _RESPONDENT_ALIASES:
            mapping[label] = session.respondent
    return mapping


def _question_talk(
    transcript: Transcript, windows: list[Window]
) -> tuple[defaultdict[str, float], Counter[str]]:
    """Per label, the seconds spoken while a question was current, and how many questions
    it spoke first after (the interviewer reads the questions, so speaks first)."""
    talk: defaultdict[str, float] = defaultdict(float)
    first: Counter[str] = Counter()
    seen_windows: set[float] = set()
    starts = [w.start for w in windows]
    for segment in transcript.segments:
        if segment.speaker is None:
            continue
        window = place(windows, transcript.session_time(segment.start), starts)
        if window.context != "question":
            continue
        talk[segment.speaker] += segment.duration or 1.0
        if window.start not in seen_windows:  # window starts are unique
            seen_windows.add(window.start)
            first[segment.speaker] += 1
    return talk, first


def _ranked(labels: list[str], score: Mapping[str, float]) -> list[str]:
    """``labels`` highest ``score`` first, ties in transcript order."""
    return sorted(labels, key=lambda lb: (-score[lb], labels.index(lb)))


def map_speakers(
    session: Session, transcript: Transcript, windows: list[Window] | None = None
) -> dict[str, str]:
    """File label -> participant code or ``INTERVIEWER``; unmapped labels are left out.

    Rule, in order: the transcript's explicit mapping (``--speaker``); a label equal to a
    participant code; interviewer aliases ('Interviewer', 'I', the session's interviewer);
    respondent aliases in individual sessions ('Respondent', 'R'). Then, for labels still
    open, by seconds spoken while a question was current: in an individual session the
    label who talks most is the respondent and the next the interviewer; in a group
    session the label who most often speaks first after a question appears is the
    interviewer (who reads the questions), and participants are left to explicit mapping
    because talking time cannot tell participants apart.
    """
    windows = windows if windows is not None else question_windows(session)
    mapping = _named_speakers(session, transcript)
    open_labels = [lb for lb in transcript.labels() if lb not in mapping]
    if not open_labels:
        return mapping
    talk, first = _question_talk(transcript, windows)
    used = set(mapping.values())
    if session.mode is not SessionMode.GROUP:
        ranked = _ranked(open_labels, talk)
        for code in (session.respondent, INTERVIEWER):
            if code not in used and ranked and talk[ranked[0]] > 0:
                mapping[ranked.pop(0)] = code
    elif INTERVIEWER not in used:
        ranked = _ranked(open_labels, first)
        if ranked and first[ranked[0]] > 0:
            mapping[ranked[0]] = INTERVIEWER
    return mapping


def align(session: Session, transcript: Transcript) -> list[AlignedSegment]:
    """Every segment with its session time, target, mapped speaker and move state."""
    windows = question_windows(session)
    speakers = map_speakers(session, transcript, windows)
    starts = [w.start for w in windows]
    aligned: list[AlignedSegment] = []
    for number, segment in enumerate(transcript.segments, start=1):
        at = transcript.session_time(segment.start)
        window = place(windows, at, starts)
        moved = transcript.moves.get(number)
        speaker = speakers.get(segment.speaker) if segment.speaker else None
        aligned.append(
            AlignedSegment(
                number=number,
                segment=segment,
                at=at,
                target=moved or window.target,
                context=window.context,
                speaker=speaker,
                moved=moved is not None,
            )
        )
    return aligned
