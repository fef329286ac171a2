"""What the interview screen lists: per-topic progress, the outline of questions, jump targets.

Pure functions over a session and a timing snapshot (no Textual, no I/O), so the TUI only
draws what these return. Owned by the TUI area; the recorder and the engine stay untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from interviewer.domain.guidance import Reason, is_done, is_relevant, is_triggered
from interviewer.domain.protocol import Question, QuestionKind, Topic
from interviewer.domain.session import QuestionState, Session
from interviewer.domain.timing import TimingSnapshot

ItemKind = Literal["topic", "question", "closing", "closing-question"]


@dataclass(frozen=True)
class TopicProgress:
    """Questions asked (or skipped) out of the relevant ones, characteristics covered."""

    topic_id: str
    asked: int
    total: int
    covered: int
    characteristics: int


@dataclass(frozen=True)
class OutlineItem:
    """One line of the topic list: a topic, or a question of the expanded topic."""

    kind: ItemKind
    id: str
    label: str
    topic_id: str | None = None
    question_kind: QuestionKind | None = None
    state: QuestionState = QuestionState.NOT_ASKED
    has_notes: bool = False
    current: bool = False
    highlighted: bool = False
    """A follow-up made relevant by a quick answer."""
    dimmed: bool = False
    """A follow-up not (yet) triggered, or a probe the engine advises to drop."""
    reason: Reason | None = None
    progress: TopicProgress | None = None
    elapsed_seconds: float = 0.0
    planned_seconds: float = 0.0
    over: bool = False


def topic_progress(session: Session, topic: Topic) -> TopicProgress:
    """Progress of one topic: done questions among the relevant ones; characteristics covered."""
    relevant = [q for q in topic.questions if is_relevant(session, q)]
    done = [q for q in relevant if is_done(session.records.get(q.id))]
    covered = {
        q.characteristic
        for q in topic.questions
        if q.characteristic and (rec := session.records.get(q.id)) is not None and rec.has_content()
    }
    chars = {c.id for c in topic.characteristics}
    return TopicProgress(
        topic_id=topic.id,
        asked=len(done),
        total=len(relevant),
        covered=len(covered & chars),
        characteristics=len(chars),
    )


def probe_drop_reasons(snapshot: TimingSnapshot) -> dict[str, Reason]:
    """Question id -> why the engine advises dropping that probe."""
    return {drop.question_id: drop.reason for drop in snapshot.drop_probes}


def question_item(
    session: Session, topic: Topic | None, question: Question, drops: dict[str, Reason]
) -> OutlineItem:
    """The outline line of one topic question."""
    record = session.records.get(question.id)
    triggered = is_triggered(session, question)
    untriggered = question.show_when is not None and not triggered
    reason = drops.get(question.id)
    return OutlineItem(
        kind="question",
        id=question.id,
        label=question.text,
        topic_id=topic.id if topic else None,
        question_kind=question.kind,
        state=record.state if record else QuestionState.NOT_ASKED,
        has_notes=bool(record and record.has_content()),
        current=session.current_question_id == question.id,
        highlighted=triggered and not is_done(record),
        dimmed=untriggered or reason is not None,
        reason=reason,
    )


def outline(
    session: Session, snapshot: TimingSnapshot, *, expand: str | None = None
) -> list[OutlineItem]:
    """Topics in order with progress and time; the questions of ``expand`` under their topic.

    ``expand`` defaults to the current topic; pass ``"closing"`` to expand the closing.
    """
    expand = expand or ("closing" if session.in_closing else session.current_topic_id)
    drops = probe_drop_reasons(snapshot)
    items: list[OutlineItem] = []
    for topic in session.protocol.topics:
        timing = snapshot.topic(topic.id)
        items.append(
            OutlineItem(
                kind="topic",
                id=topic.id,
                label=topic.title,
                topic_id=topic.id,
                current=session.current_topic_id == topic.id,
                progress=topic_progress(session, topic),
                elapsed_seconds=timing.elapsed_seconds,
                planned_seconds=timing.planned_seconds,
                over=timing.over,
            )
        )
        if topic.id == expand:
            items.extend(question_item(session, topic, q, drops) for q in topic.questions)
    closing = session.protocol.closing
    if closing.questions or closing.fields:
        asked = sum(1 for q in closing.questions if is_done(session.records.get(q.id)))
        items.append(
            OutlineItem(
                kind="closing",
                id="closing",
                label="",
                current=session.in_closing,
                progress=TopicProgress("closing", asked, len(closing.questions), 0, 0),
                elapsed_seconds=snapshot.closing_elapsed_seconds,
            )
        )
        if expand == "closing":
            for q in closing.questions:
                record = session.records.get(q.id)
                items.append(
                    OutlineItem(
                        kind="closing-question",
                        id=q.id,
                        label=q.text,
                        state=record.state if record else QuestionState.NOT_ASKED,
                        has_notes=bool(record and record.has_content()),
                        current=session.current_question_id == q.id,
                    )
                )
    return items


@dataclass(frozen=True)
class JumpTarget:
    """Something the fuzzy jump list offers: a topic (its first question) or a question."""

    question_id: str
    label: str
    """What is matched: topic title, variable and question text."""
    is_topic: bool


def jump_targets(session: Session) -> list[JumpTarget]:
    """Every topic and question, in protocol order, then the closing questions."""
    targets: list[JumpTarget] = []
    for topic in session.protocol.topics:
        if topic.questions:
            first = next(
                (q for q in topic.questions if is_relevant(session, q)), topic.questions[0]
            )
            targets.append(JumpTarget(first.id, f"{topic.title} ({topic.variable})", True))
        for q in topic.questions:
            targets.append(JumpTarget(q.id, f"{topic.title} › {q.text}", False))
    for q in session.protocol.closing.questions:
        targets.append(JumpTarget(q.id, q.text, False))
    return targets


def first_question_of(session: Session, topic_id: str) -> str | None:
    """The first relevant question of a topic (for jumping to a topic)."""
    topic = session.protocol.topic(topic_id)
    for question in topic.questions:
        if is_relevant(session, question):
            return question.id
    return topic.questions[0].id if topic.questions else None


def tagged_elsewhere(session: Session) -> list[tuple[str, str]]:
    """(question id, code id) for every note tagged with another variable or extra code."""
    return [(qid, code) for qid, rec in session.records.items() for code in rec.tags]
