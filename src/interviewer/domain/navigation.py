"""What the interview screen lists: per-topic progress, the outline of questions, jump targets.

Pure functions over a session and a timing snapshot (no Textual, no I/O), so the TUI only
draws what these return. Owned by the TUI area; the recorder and the engine stay untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from interviewer.domain.guidance import (
    Reason,
    is_done,
    is_not_applicable,
    is_relevant,
    is_triggered,
)
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
    not_applicable: bool = False
    """A follow-up whose trigger was answered otherwise: ``ctrl+n`` passes it over."""
    """A follow-up not (yet) triggered, or a probe the engine advises to drop."""
    reason: Reason | None = None
    progress: TopicProgress | None = None
    elapsed_seconds: float = 0.0
    planned_seconds: float = 0.0
    over: bool = False
    budget_seconds: float | None = None
    """A topic not done: what is left for it now, after redistribution when behind."""
    squeezed: bool = False
    """The budget is less than what is left of the topic's own plan: keep it short."""


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
        not_applicable=is_not_applicable(session, question),
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
                budget_seconds=timing.budget_seconds,
                squeezed=timing.squeezed,
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
    for cq in session.protocol.closing.questions:
        targets.append(JumpTarget(cq.id, cq.text, False))
    return targets


JumpKind = Literal["topic", "question", "closing", "closing-question"]


@dataclass(frozen=True)
class JumpEntry:
    """One line of the jump list (ctrl+t): a group header (topic, closing) or a question.

    Carries what the list shows (state, kind, current) and what the search matches
    (``text``, ``characteristics``), so the dialog never reads the session again while the
    interviewer types: the list is a snapshot taken when it opened.
    """

    kind: JumpKind
    question_id: str
    """Where choosing the line goes; for a header, its first relevant question."""
    group: str
    """The topic id, or ``"closing"``: the header the line belongs under."""
    text: str
    """The topic title or the question text (empty for the closing header: it is translated)."""
    characteristics: tuple[str, ...] = ()
    """Characteristic labels: the topic's all, a question's own one (what people remember)."""
    variable: str = ""
    question_kind: QuestionKind | None = None
    state: QuestionState = QuestionState.NOT_ASKED
    has_notes: bool = False
    current: bool = False
    """The question on screen, or (for a header) the topic it belongs to."""
    relevant: bool = True
    """False for a follow-up whose ``show_when`` does not hold (shown dimmed, still reachable)."""
    triggered: bool = False
    """A follow-up made relevant by a quick answer and not yet done."""
    done: int = 0
    total: int = 0
    """Header only: relevant questions done, out of the relevant ones."""

    @property
    def is_header(self) -> bool:
        """Group headers (topic, closing) are shown once, their questions indented under them."""
        return self.kind in ("topic", "closing")


def jump_entries(session: Session) -> list[JumpEntry]:
    """The jump list in protocol order: each topic header, then its questions; the closing.

    Headers jump to the first relevant question, like choosing a topic in the topic list.
    """
    entries: list[JumpEntry] = []
    current_qid = session.current_question_id

    def question_entry(question: Question, group: str, labels: dict[str, str]) -> JumpEntry:
        record = session.records.get(question.id)
        label = labels.get(question.characteristic or "")
        return JumpEntry(
            kind="question",
            question_id=question.id,
            group=group,
            text=question.text,
            characteristics=(label,) if label else (),
            question_kind=question.kind,
            state=record.state if record else QuestionState.NOT_ASKED,
            has_notes=bool(record and record.has_content()),
            current=current_qid == question.id,
            relevant=is_relevant(session, question),
            triggered=is_triggered(session, question) and not is_done(record),
        )

    for topic in session.protocol.topics:
        if not topic.questions:
            continue
        labels = {c.id: c.label for c in topic.characteristics}
        progress = topic_progress(session, topic)
        entries.append(
            JumpEntry(
                kind="topic",
                question_id=first_question_of(session, topic.id) or topic.questions[0].id,
                group=topic.id,
                text=topic.title,
                characteristics=tuple(labels.values()),
                variable=topic.variable,
                current=not session.in_closing and session.current_topic_id == topic.id,
                done=progress.asked,
                total=progress.total,
            )
        )
        entries.extend(question_entry(q, topic.id, labels) for q in topic.questions)
    closing = session.protocol.closing.questions
    if closing:
        done = sum(1 for q in closing if is_done(session.records.get(q.id)))
        entries.append(
            JumpEntry(
                kind="closing",
                question_id=closing[0].id,
                group="closing",
                text="",
                current=session.in_closing,
                done=done,
                total=len(closing),
            )
        )
        for q in closing:
            record = session.records.get(q.id)
            entries.append(
                JumpEntry(
                    kind="closing-question",
                    question_id=q.id,
                    group="closing",
                    text=q.text,
                    state=record.state if record else QuestionState.NOT_ASKED,
                    has_notes=bool(record and record.has_content()),
                    current=current_qid == q.id,
                )
            )
    return entries


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
