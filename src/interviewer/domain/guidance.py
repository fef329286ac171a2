"""What still needs asking: answered/open questions, triggered follow-ups, coverage.

Shared by the recorder (which follow-ups ``next_question`` visits) and the timing engine
(what remaining time is needed for). Reasons are message keys plus values so the UI can
show them in the interviewer's language (``Reason.render``).
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.domain.protocol import Question, QuestionKind
from interviewer.domain.session import QuestionRecord, QuestionState, Session
from interviewer.i18n import translate


@dataclass(frozen=True)
class Reason:
    """A translatable explanation: a message key (``engine.*``) and its values."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, **values: object) -> Reason:
        """Build a reason from keyword values."""
        return cls(key, tuple(values.items()))

    @property
    def params(self) -> dict[str, object]:
        """The values as a dict."""
        return dict(self.values)

    def render(self, lang: str = "en") -> str:
        """The reason as text in ``lang`` ('en' or 'nl')."""
        return translate(self.key, lang, **self.params)


def is_done(record: QuestionRecord | None) -> bool:
    """A question is done once asked or skipped, or once anything was written for it."""
    if record is None:
        return False
    return record.state is not QuestionState.NOT_ASKED or record.has_content()


def is_triggered(session: Session, question: Question) -> bool:
    """True when a follow-up's ``show_when`` is met by the trigger's quick answer."""
    if question.show_when is None:
        return False
    trigger = session.records.get(question.show_when.question)
    answer = trigger.quick_answer if trigger else None
    return answer is not None and answer in question.show_when.answers()


def is_relevant(session: Session, question: Question) -> bool:
    """Whether a question belongs in the flow: False only for an untriggered ``show_when``."""
    return question.show_when is None or is_triggered(session, question)


def is_needed(session: Session, question: Question) -> bool:
    """Needs time: main questions, and follow-ups whose trigger is unanswered or met.

    A follow-up drops out once its trigger got another answer. Follow-ups without
    ``show_when`` depend on the interviewer's judgement and are not counted.
    """
    if question.kind is QuestionKind.MAIN:
        return True
    if question.kind is not QuestionKind.FOLLOW_UP or question.show_when is None:
        return False
    trigger = session.records.get(question.show_when.question)
    return trigger is None or trigger.quick_answer is None or is_triggered(session, question)


@dataclass(frozen=True)
class FollowUp:
    """A follow-up made relevant by a quick answer (e.g. 'no' to 'Wel/niet')."""

    question_id: str
    topic_id: str
    trigger_question_id: str
    answer: str
    done: bool
    reason: Reason


def relevant_follow_ups(session: Session) -> tuple[FollowUp, ...]:
    """Every follow-up whose trigger answer has been given, in protocol order."""
    found: list[FollowUp] = []
    for topic in session.protocol.topics:
        for question in topic.questions:
            if question.show_when is None or not is_triggered(session, question):
                continue
            trigger_id = question.show_when.question
            answer = session.records[trigger_id].quick_answer or ""
            found.append(
                FollowUp(
                    question_id=question.id,
                    topic_id=topic.id,
                    trigger_question_id=trigger_id,
                    answer=answer,
                    done=is_done(session.records.get(question.id)),
                    reason=Reason.of("engine.followup.because", question=trigger_id, answer=answer),
                )
            )
    return tuple(found)


@dataclass(frozen=True)
class VariableCoverage:
    """Which characteristics of one variable (topic) have an answer or note, which do not."""

    topic_id: str
    variable: str
    covered: tuple[str, ...]
    missing: tuple[str, ...]
    tagged_from: tuple[str, ...]
    """Questions elsewhere whose notes were tagged with this variable."""
    missing_labels: tuple[str, ...] = ()
    """Row labels of the missing characteristics, for the screen."""
    answered: bool = False
    """Any question of the topic, or a note tagged with its variable, has an answer or notes.

    For a topic without characteristics (seed 003's topic list) this is its whole coverage.
    """

    @property
    def complete(self) -> bool:
        """True when no characteristic is missing and the variable has an answer at all."""
        return not self.missing and self.answered

    @property
    def reason(self) -> Reason:
        """'not yet covered: Invloed, Verbeterpunten' or 'all characteristics covered'."""
        if self.complete:
            return Reason.of("engine.coverage.complete")
        if not self.missing_labels:
            return Reason.of("engine.coverage.missing", items=self.variable)
        return Reason.of("engine.coverage.missing", items=", ".join(self.missing_labels))


def coverage(session: Session) -> tuple[VariableCoverage, ...]:
    """Per variable: characteristics covered by a question with an answer or notes."""
    result: list[VariableCoverage] = []
    for topic in session.protocol.topics:
        covered: list[str] = []
        for characteristic in topic.characteristics:
            if any(
                q.characteristic == characteristic.id
                and (rec := session.records.get(q.id)) is not None
                and rec.has_content()
                for q in topic.questions
            ):
                covered.append(characteristic.id)
        tagged = tuple(
            qid
            for qid, rec in session.records.items()
            if topic.id in rec.tags and rec.has_content()
        )
        result.append(
            VariableCoverage(
                topic_id=topic.id,
                variable=topic.variable,
                covered=tuple(covered),
                missing=tuple(c.id for c in topic.characteristics if c.id not in covered),
                tagged_from=tagged,
                missing_labels=tuple(
                    c.row_label for c in topic.characteristics if c.id not in covered
                ),
                answered=bool(covered or tagged)
                or any(
                    (rec := session.records.get(q.id)) is not None and rec.has_content()
                    for q in topic.questions
                ),
            )
        )
    return tuple(result)
