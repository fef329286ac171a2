"""What still needs asking: answered/open questions, triggered follow-ups, coverage.

Shared by the recorder (the order ``next_question`` follows: ``interview_order``), the
timing engine (what remaining time is needed for) and the screen (which questions are not
applicable). Reasons are message keys plus values so the UI can show them in the
interviewer's language (``Reason.render``); a value may itself be a ``Reason`` (a yes/no
answer), rendered in the same language.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.domain.protocol import AnswerType, Question, QuestionKind, Topic
from interviewer.domain.session import QuestionRecord, QuestionState, Session
from interviewer.i18n import translate

QUOTE_LIMIT = 60
"""Characters of a question quoted in a reason; longer texts are cut at a word with '…'."""


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
        """The reason as text in ``lang`` ('en' or 'nl'); nested reasons in the same language."""
        values = {
            name: value.render(lang) if isinstance(value, Reason) else value
            for name, value in self.values
        }
        return translate(self.key, lang, **values)


def quote_question(text: str, limit: int = QUOTE_LIMIT) -> str:
    """A question's text short enough to quote in a sentence.

    Whitespace is collapsed (YAML folds long texts); a text over ``limit`` characters is cut
    at the last word boundary within the limit and ends in ' …', so the interviewer still
    recognises the question without the reason filling the screen.
    """
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[: limit + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > limit // 2 else words[:limit]
    return cut.rstrip(" ,;:") + " …"


def answer_label(question: Question | None, value: str) -> Reason | str:
    """A quick answer as the respondent heard it: yes/no translated, other values as written."""
    if question is not None and question.answer.type is AnswerType.YES_NO:
        return Reason.of(f"engine.answer.{value}")
    return value


def _trigger_answer(session: Session, question: Question) -> str | None:
    """The quick answer given to the question that decides a follow-up (None if none)."""
    if question.show_when is None:
        return None
    record = session.records.get(question.show_when.question)
    return record.quick_answer if record else None


def _answer_reason(key: str, session: Session, trigger_id: str, answer: str) -> Reason:
    """``key`` with the trigger question quoted and its answer as the respondent heard it."""
    trigger = next(
        (q for topic in session.protocol.topics for q in topic.questions if q.id == trigger_id),
        None,
    )
    quoted = quote_question(trigger.text) if trigger else trigger_id
    return Reason.of(key, question=quoted, answer=answer_label(trigger, answer))


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


def is_not_applicable(session: Session, question: Question) -> bool:
    """True for a follow-up whose trigger was answered with a value that does not fit.

    A follow-up whose trigger is still unanswered is *not yet* relevant, not "not
    applicable": the answer may still come. ``next_question`` passes over both; a jump
    still reaches them.
    """
    answer = _trigger_answer(session, question)
    return answer is not None and not is_triggered(session, question)


def follow_up_reason(session: Session, question: Question) -> Reason | None:
    """Why a triggered follow-up applies: "because the answer to '…' was no"; else None."""
    answer = _trigger_answer(session, question)
    if question.show_when is None or answer is None or not is_triggered(session, question):
        return None
    return _answer_reason("engine.followup.because", session, question.show_when.question, answer)


def not_applicable_reason(session: Session, question: Question) -> Reason | None:
    """Why a follow-up no longer applies: "not applicable: the answer to '…' was yes"."""
    answer = _trigger_answer(session, question)
    if question.show_when is None or answer is None or is_triggered(session, question):
        return None
    return _answer_reason(
        "engine.followup.not_applicable", session, question.show_when.question, answer
    )


def interview_order(session: Session) -> tuple[str, ...]:
    """Every question id in the order "next question" walks: a triggered follow-up first.

    Topics in protocol order, then the closing questions. Within a topic, a follow-up whose
    ``show_when`` is met moves to just after its trigger question, so the follow-up written
    for "no" is the next question once "no" is answered, before the questions that assume
    "yes". Follow-ups triggered from another topic stay where the protocol puts them (their
    own topic is where they belong); chains (a follow-up triggered by a follow-up) follow
    their trigger. Follow-ups that are not triggered keep their place; whether they are
    visited is up to the caller (``is_relevant``).
    """
    order = [qid for topic in session.protocol.topics for qid in _topic_order(session, topic)]
    order.extend(q.id for q in session.protocol.closing.questions)
    return tuple(order)


def _topic_order(session: Session, topic: Topic) -> list[str]:
    """One topic's part of ``interview_order``: triggered follow-ups right after their trigger."""
    ids = {q.id for q in topic.questions}
    after: dict[str, list[Question]] = {}
    moved: set[str] = set()
    for question in topic.questions:
        if question.show_when is None or not is_triggered(session, question):
            continue
        trigger_id = question.show_when.question
        if trigger_id in ids and trigger_id != question.id:
            after.setdefault(trigger_id, []).append(question)
            moved.add(question.id)
    order: list[str] = []
    placed: set[str] = set()

    def place(question: Question) -> None:
        if question.id in placed:
            return
        placed.add(question.id)
        order.append(question.id)
        for follow_up in after.get(question.id, ()):
            place(follow_up)

    for question in topic.questions:
        if question.id not in moved:
            place(question)
    for question in topic.questions:  # a cycle of triggers: keep protocol order
        place(question)
    return order


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
            reason = _answer_reason("engine.followup.because", session, trigger_id, answer)
            found.append(
                FollowUp(
                    question_id=question.id,
                    topic_id=topic.id,
                    trigger_question_id=trigger_id,
                    answer=answer,
                    done=is_done(session.records.get(question.id)),
                    reason=reason,
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
