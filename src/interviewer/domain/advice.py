"""What to do across the whole interview when it runs behind: one line for the screen.

``interview_advice(session, snapshot)`` is pure (no Textual, no clock of its own): it reads a
``TimingSnapshot`` and the session and says, per topic, which probes to drop, how short to
keep the topic, and which main questions (or triggered follow-ups) must still be asked so
that every characteristic gets an answer. The interview screen renders it under the pace
bar on every tick, so it follows the interviewer from question to question. The rules are
in ``docs/timing.md`` ("Advice for the whole interview").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from interviewer.domain.guidance import is_done, is_relevant, is_triggered
from interviewer.domain.protocol import QuestionKind, Topic
from interviewer.domain.session import Session
from interviewer.domain.timing import Pace, TimingSnapshot, TopicTiming
from interviewer.i18n import translate

WRAP_UP_SECONDS = 60.0
"""Under a minute left: the current topic is to be wrapped up, another kept as short as
possible, rather than 'kept to 0 min'."""


@dataclass(frozen=True)
class TopicAdvice:
    """What to do in one topic. Questions are named by their place in the topic (1-based),
    the number the question panel shows as "2/6" and the topic list lists them in."""

    topic_id: str
    variable: str
    current: bool
    budget_seconds: float | None
    """Set when the topic must be kept shorter than its own plan, or has under a minute left
    (an overrun topic not done yet): None when there is no limit to say."""
    ask: tuple[int, ...]
    ask_ids: tuple[str, ...]
    drop: tuple[int, ...]
    drop_ids: tuple[str, ...]

    def render(self, lang: str) -> str:
        """'Tijd ≤3 min: vraag 1, 3, doorvraag 5 overslaan' (or the English)."""
        actions: list[str] = []
        if self.ask:
            actions.append(translate("engine.plan.ask", lang, questions=numbers(self.ask)))
        if self.drop:
            key = "engine.plan.drop_one" if len(self.drop) == 1 else "engine.plan.drop_many"
            actions.append(translate(key, lang, questions=numbers(self.drop)))
        if self.budget_seconds is not None and self.budget_seconds < WRAP_UP_SECONDS:
            if self.current:
                head = translate("engine.plan.topic_wrap_up", lang, topic=self.variable)
                return ", ".join([head, *actions])
            head = translate("engine.plan.topic_shortest", lang, topic=self.variable)
            return head + (": " + ", ".join(actions) if actions else "")
        if self.budget_seconds is not None:
            minutes = max(1, round(self.budget_seconds / 60.0))
            head = translate("engine.plan.topic_short", lang, topic=self.variable, minutes=minutes)
        else:
            head = self.variable
        return head + (": " + ", ".join(actions) if actions else "")


@dataclass(frozen=True)
class InterviewAdvice:
    """The whole-interview advice: the topics with something to do, the current one first."""

    behind_minutes: int
    shortfall_minutes: int
    """Minutes the needed questions lack even with every probe dropped (0 when they fit)."""
    topics: tuple[TopicAdvice, ...]

    def render(self, lang: str) -> str:
        """One line: a head, then the topics separated by ' · '."""
        if self.shortfall_minutes:
            head = translate("engine.plan.head_short", lang, minutes=self.shortfall_minutes)
        else:
            head = translate("engine.plan.head", lang)
        return head + " " + " · ".join(t.render(lang) for t in self.topics)


def numbers(positions: tuple[int, ...]) -> str:
    """'1, 3, 5' with runs of three or more as '1–4': short enough for one line."""
    parts: list[str] = []
    run: list[int] = []
    for n in (*sorted(positions), None):
        if run and n is not None and n == run[-1] + 1:
            run.append(n)
            continue
        if len(run) >= 3:
            parts.append(f"{run[0]}–{run[-1]}")
        else:
            parts.extend(str(x) for x in run)
        run = [n] if n is not None else []
    return ", ".join(parts)


def coverage_questions(session: Session, topic: Topic, missing: tuple[str, ...]) -> list[str]:
    """For each missing characteristic, the open question to ask for it (protocol order).

    A follow-up made relevant by the answer given is preferred (it was written for that
    answer); otherwise the first open main question that measures the characteristic. A
    characteristic whose questions were all skipped gets none: nothing left to ask.
    """
    chosen: list[str] = []
    for characteristic in missing:
        candidates = [
            q
            for q in topic.questions
            if q.characteristic == characteristic
            and q.kind is not QuestionKind.PROBE
            and is_relevant(session, q)
            and not is_done(session.records.get(q.id))
        ]
        triggered = [q for q in candidates if is_triggered(session, q)]
        mains = [q for q in candidates if q.kind is QuestionKind.MAIN]
        pick = next(iter(triggered or mains), None)
        if pick is not None and pick.id not in chosen:
            chosen.append(pick.id)
    return chosen


def _open_main(session: Session, topic: Topic) -> bool:
    return any(
        q.kind is QuestionKind.MAIN and not is_done(session.records.get(q.id))
        for q in topic.questions
    )


def interview_advice(session: Session, snapshot: TimingSnapshot) -> InterviewAdvice | None:
    """The advice while the interview is behind (None when on track, too early or done).

    Per topic that is not done (and the current topic even when it is): its probes the
    engine advises to drop, its remaining budget when that is less than its own plan, and
    the questions still needed to cover every characteristic. Topics with nothing to say
    are left out; when no topic has anything, there is no advice.
    """
    if snapshot.pace.pace is not Pace.BEHIND:
        return None
    positions = {
        q.id: n for topic in session.protocol.topics for n, q in enumerate(topic.questions, 1)
    }
    drops: dict[str, list[str]] = {}
    for drop in snapshot.drop_probes:
        drops.setdefault(drop.topic_id, []).append(drop.question_id)
    missing = {c.topic_id: c.missing for c in snapshot.coverage}
    timings: dict[str, TopicTiming] = {t.topic_id: t for t in snapshot.topics}
    found: list[TopicAdvice] = []
    for topic in session.protocol.topics:
        timing = timings[topic.id]
        current = topic.id == snapshot.current_topic_id and not snapshot.in_closing
        if timing.done and not current:
            continue
        ask = coverage_questions(session, topic, missing.get(topic.id, ()))
        dropped = sorted(drops.get(topic.id, []), key=positions.__getitem__)
        budget = timing.budget_seconds
        if budget is not None and not timing.squeezed and budget >= WRAP_UP_SECONDS:
            budget = None  # as much as its own plan left: no limit to say
        if (
            not ask
            and not dropped
            and (budget is None or not (current or _open_main(session, topic)))
        ):
            continue  # nothing to do there (a limit on a topic with nothing open is noise)
        found.append(
            TopicAdvice(
                topic_id=topic.id,
                variable=topic.variable,
                current=current,
                budget_seconds=budget,
                ask=tuple(positions[q] for q in ask),
                ask_ids=tuple(ask),
                drop=tuple(positions[q] for q in dropped),
                drop_ids=tuple(dropped),
            )
        )
    if not found:
        return None
    found.sort(key=lambda advice: not advice.current)  # stable: the rest in protocol order
    shortfall = math.ceil(snapshot.shortfall_seconds / 60.0 - 1e-9)
    return InterviewAdvice(snapshot.pace.minutes, max(0, shortfall), tuple(found))
