"""The time plan of a protocol: seconds per topic, per question and for the closing block.

Heuristic (documented in ``docs/timing.md``):

- A topic's plan is its ``minutes``. Topics without minutes share what is left of
  ``duration_minutes`` equally with the closing block (which counts half a share).
- When every topic has minutes, the slack (``duration_minutes`` minus the topics' minutes)
  is the budget of the introduction and the closing questions.
- Within a topic, the plan is split by weight: a main question weighs 1, a follow-up or a
  probe 0.5 (they are usually short and often not asked). Closing questions share the
  closing budget equally.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from interviewer.domain.protocol import InterviewProtocol, QuestionKind

WEIGHTS: Mapping[QuestionKind, float] = MappingProxyType(
    {QuestionKind.MAIN: 1.0, QuestionKind.FOLLOW_UP: 0.5, QuestionKind.PROBE: 0.5}
)
CLOSING_SHARE = 0.5
"""The closing block's share of unplanned time, relative to one unplanned topic."""


@dataclass(frozen=True)
class Plan:
    """Planned seconds overall, per topic, per question (topic and closing questions)."""

    total_seconds: float
    topic_seconds: Mapping[str, float]
    closing_seconds: float
    question_seconds: Mapping[str, float]

    def topic(self, topic_id: str) -> float:
        """Planned seconds of a topic (0 when unknown)."""
        return self.topic_seconds.get(topic_id, 0.0)

    def question(self, question_id: str) -> float:
        """Estimated seconds of a question (0 when unknown)."""
        return self.question_seconds.get(question_id, 0.0)


def make_plan(protocol: InterviewProtocol) -> Plan:
    """The plan of ``protocol`` (see the module docstring for the heuristic)."""
    total = protocol.duration_minutes * 60.0
    given = {t.id: t.minutes * 60.0 for t in protocol.topics if t.minutes is not None}
    unplanned = [t.id for t in protocol.topics if t.minutes is None]
    pool = max(0.0, total - sum(given.values()))
    has_closing = bool(protocol.closing.questions)
    if unplanned:
        units = len(unplanned) + (CLOSING_SHARE if has_closing else 0.0)
        share = pool / units
        topics = {**given, **{tid: share for tid in unplanned}}
        closing = share * CLOSING_SHARE if has_closing else 0.0
    else:
        topics = given
        closing = pool if has_closing else 0.0
    questions: dict[str, float] = {}
    for topic in protocol.topics:
        weight_sum = sum(WEIGHTS[q.kind] for q in topic.questions)
        for question in topic.questions:
            questions[question.id] = (
                topics[topic.id] * WEIGHTS[question.kind] / weight_sum if weight_sum else 0.0
            )
    for closing_question in protocol.closing.questions:
        questions[closing_question.id] = closing / len(protocol.closing.questions)
    ordered = {t.id: topics[t.id] for t in protocol.topics}
    return Plan(
        total_seconds=total,
        topic_seconds=MappingProxyType(ordered),
        closing_seconds=closing,
        question_seconds=MappingProxyType(questions),
    )
