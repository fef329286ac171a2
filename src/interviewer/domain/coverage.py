"""What is not covered yet, per topic: the check shown before the closing and before finishing.

An interviewer looks at the respondent, not at the screen, so whole topics can go by
unasked. Before the closing (and before finishing) the screen lists, per topic in protocol
order, where the interview still has gaps:

- main questions not asked (done means asked, skipped or written for: ``guidance.is_done``);
- follow-ups made relevant by a quick answer (``guidance.is_triggered``) but not asked;
- characteristics without an answer whose questions were all asked or skipped anyway, so no
  question line above already names them (the characteristic itself is the gap then).

Characteristic coverage is ``guidance.coverage``, the very concept the review shows as "not
yet covered: …", so the check and the review never disagree. Nothing here depends on where
the interviewer is: planned-order and free-order interviews get the same list.

``closing_preview`` answers "does ``ctrl+n`` leave the topics now?" by letting the recorder
take that step on a scratch copy of the session, so the recorder's own rule for the next
question decides (whatever it passes over or marks on the way), and the gaps are those the
session would have after the step.

Pure functions over a session (no Textual, no I/O).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from interviewer.domain.guidance import (
    Reason,
    VariableCoverage,
    coverage,
    is_done,
    is_relevant,
    is_triggered,
    relevant_follow_ups,
)
from interviewer.domain.protocol import Question, QuestionKind, Topic
from interviewer.domain.recorder import RecorderError, SessionRecorder
from interviewer.domain.session import Session


class GapKind(StrEnum):
    """What kind of thing is missing."""

    MAIN = "main"
    """A main question not asked."""
    FOLLOW_UP = "follow-up"
    """A follow-up a quick answer made relevant, not asked."""
    CHARACTERISTIC = "characteristic"
    """A characteristic without an answer although its questions were asked or skipped."""


@dataclass(frozen=True)
class Gap:
    """One missing item and the question to go to for it."""

    kind: GapKind
    question_id: str | None
    """Where to go to fill the gap (None only for a topic without questions)."""
    label: str
    """The question text, or for a characteristic gap the characteristic's label."""
    characteristic: str | None = None
    """Label of the characteristic the question measures, if any."""
    reason: Reason | None = None
    """For a follow-up: why it became relevant."""


@dataclass(frozen=True)
class TopicGaps:
    """What is not covered in one topic, in protocol order."""

    topic_id: str
    title: str
    variable: str
    coverage: VariableCoverage
    gaps: tuple[Gap, ...]

    @property
    def reason(self) -> Reason:
        """The same line the review shows: 'not yet covered: Effect, BP/KP'."""
        return self.coverage.reason


def _characteristic_labels(topic: Topic) -> dict[str, str]:
    return {c.id: c.row_label for c in topic.characteristics}


def _question_gap(
    session: Session, question: Question, labels: dict[str, str], because: dict[str, Reason]
) -> Gap | None:
    """The gap a question stands for, if it is one: a main question that applies, or a
    triggered follow-up, that is not done. Probes and untriggered follow-ups never are."""
    if is_done(session.records.get(question.id)):
        return None
    label = labels.get(question.characteristic or "")
    if question.kind is QuestionKind.MAIN and is_relevant(session, question):
        return Gap(GapKind.MAIN, question.id, question.text, label)
    if question.kind is QuestionKind.FOLLOW_UP and is_triggered(session, question):
        return Gap(GapKind.FOLLOW_UP, question.id, question.text, label, because.get(question.id))
    return None


def topic_gaps(
    session: Session,
    topic: Topic,
    covered: VariableCoverage,
    because: dict[str, Reason] | None = None,
) -> TopicGaps:
    """The gaps of one topic; ``covered`` is its entry of ``guidance.coverage``."""
    because = because or {}
    labels = _characteristic_labels(topic)
    questions: list[tuple[int, Gap]] = []
    for index, question in enumerate(topic.questions):
        gap = _question_gap(session, question, labels, because)
        if gap is not None:
            questions.append((index, gap))
    named = {topic.questions[i].characteristic for i, _gap in questions}
    characteristics: list[tuple[int, Gap]] = []
    for char_id in covered.missing:
        if char_id in named:
            continue  # a question line already says this characteristic is open
        position = next(
            (i for i, q in enumerate(topic.questions) if q.characteristic == char_id), None
        )
        if position is None:  # no question measures it: go to the topic's first question
            target = topic.questions[0].id if topic.questions else None
            position = len(topic.questions)
        else:
            target = topic.questions[position].id
        characteristics.append((position, Gap(GapKind.CHARACTERISTIC, target, labels[char_id])))
    # at the place of the question that measures it; question lines first on a tie
    ordered = sorted(
        [(i, 0, g) for i, g in questions] + [(i, 1, g) for i, g in characteristics],
        key=lambda item: (item[0], item[1]),
    )
    return TopicGaps(
        topic_id=topic.id,
        title=topic.title,
        variable=topic.variable,
        coverage=covered,
        gaps=tuple(g for _i, _t, g in ordered),
    )


def coverage_gaps(session: Session) -> tuple[TopicGaps, ...]:
    """The topics with something not covered, in protocol order (empty: nothing missing)."""
    because = {f.question_id: f.reason for f in relevant_follow_ups(session)}
    per_topic = {c.topic_id: c for c in coverage(session)}
    found = (
        topic_gaps(session, topic, per_topic[topic.id], because)
        for topic in session.protocol.topics
    )
    return tuple(t for t in found if t.gaps)


def gap_count(gaps: tuple[TopicGaps, ...]) -> int:
    """How many items the check lists."""
    return sum(len(t.gaps) for t in gaps)


def _scratch_copy(session: Session) -> Session:
    """A copy the recorder may change freely: records and lists are new, the protocol
    (frozen) is shared."""
    return session.model_copy(
        update={
            "records": {qid: rec.model_copy(deep=True) for qid, rec in session.records.items()},
            "timeline": list(session.timeline),
            "consent": list(session.consent),
        }
    )


def closing_preview(recorder: SessionRecorder) -> Session | None:
    """The session as ``ctrl+n`` would leave it, when that step leaves the topics for the
    closing; None when a topic question comes next (or the closing is already open).

    The step is taken by a recorder on a scratch copy, so the live session is untouched and
    the recorder's own rule decides what comes next.
    """
    session = recorder.session
    if session.in_closing:
        return None
    scratch = _scratch_copy(session)
    trial = SessionRecorder(scratch, recorder.clock)
    try:
        if trial.next_question() is None:
            trial.enter_closing()
    except RecorderError:  # the real step reports it
        return None
    return scratch if scratch.in_closing else None
