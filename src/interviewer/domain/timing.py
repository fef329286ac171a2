"""The timing and guidance engine: where the interview stands against its plan.

``TimingEngine(session, clock).snapshot()`` is pure: it reads the session's timeline and the
injected clock (epoch seconds) and returns frozen values; the TUI's timer only ticks and
redraws. Pause time is excluded everywhere. See ``docs/timing.md`` for the heuristics.

Remaining work = for every open question that still needs time (main questions, triggered
follow-ups, closing questions, and the optional probes), its estimate minus the time it was
already on screen (never below 0); a topic that is not done counts at least what is left of
its plan, so a skip inside a topic does not make the interview look ahead. Projected total
= elapsed + remaining work; the pace is the projected total against the plan, and "too early
to tell" during the first minutes (``too_early``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from interviewer.domain.estimates import Plan, make_plan
from interviewer.domain.guidance import (
    FollowUp,
    Reason,
    VariableCoverage,
    coverage,
    is_done,
    is_needed,
    relevant_follow_ups,
)
from interviewer.domain.protocol import Question, QuestionKind
from interviewer.domain.session import Session, SessionStatus
from interviewer.domain.timeline import (
    CLOSING,
    Interval,
    active_seconds,
    pause_intervals,
    question_intervals,
    section_intervals,
    session_seconds,
)

Clock = Callable[[], float]

PACE_TOLERANCE_SECONDS = 60.0
"""Within one minute of the plan counts as on track."""

EARLY_SECONDS = 5 * 60.0
"""The pace is 'too early to tell' for at least the first five minutes (pauses excluded)."""

EARLY_SHARE = 0.1
"""... and until a tenth of the planned duration has passed (12 minutes of a two-hour plan):
before that, one quick or slow question swings the projection by more than it means."""


def too_early(elapsed_seconds: float, planned_seconds: float) -> bool:
    """True while the pace means nothing yet: see ``EARLY_SECONDS`` and ``EARLY_SHARE``."""
    return elapsed_seconds < max(EARLY_SECONDS, EARLY_SHARE * planned_seconds)


class Pace(StrEnum):
    """Where the interview stands against its plan."""

    NOT_STARTED = "not-started"
    TOO_EARLY = "too-early"
    ON_TRACK = "on-track"
    BEHIND = "behind"
    AHEAD = "ahead"
    FINISHED = "finished"


@dataclass(frozen=True)
class PaceStatus:
    """The pace, by how many whole minutes, and a translatable reason."""

    pace: Pace
    minutes: int
    reason: Reason


@dataclass(frozen=True)
class TopicTiming:
    """One topic's time: all intervals in which it was current, pauses excluded."""

    topic_id: str
    planned_seconds: float
    elapsed_seconds: float
    remaining_seconds: float
    over_seconds: float
    visits: int
    is_current: bool
    done: bool
    """True when no main question or triggered follow-up is still open."""
    budget_seconds: float | None = None
    """What is left for the topic now, after redistribution when behind (None once done).

    Never more than what remains of its own plan, nor than the time left overall after the
    closing's open questions; see ``TimingEngine._budgets``.
    """

    @property
    def squeezed(self) -> bool:
        """True when the topic has (half a minute or more) less left than its own plan."""
        return self.budget_seconds is not None and (
            self.budget_seconds < self.remaining_seconds - 30.0
        )

    @property
    def over(self) -> bool:
        """True when the topic took longer than planned."""
        return self.over_seconds > 0


@dataclass(frozen=True)
class ProbeDrop:
    """Advice: leave out this optional probe so the main questions fit."""

    question_id: str
    topic_id: str
    priority: int | None
    saves_seconds: float
    reason: Reason


@dataclass(frozen=True)
class TopicBudget:
    """After an overrun: the new remaining budget of a topic not yet done."""

    topic_id: str
    planned_seconds: float
    budget_seconds: float
    reason: Reason


@dataclass(frozen=True)
class TimingSnapshot:
    """Everything the timer, the topic list and the advice panel show at one moment."""

    status: SessionStatus
    now_at: float
    """Session seconds now (the FINISHED moment for a finished session)."""
    epoch_now: float
    elapsed_seconds: float
    paused_seconds: float
    planned_seconds: float
    remaining_seconds: float
    """Planned minus elapsed; negative once over time."""
    is_paused: bool
    current_topic_id: str | None
    current_question_id: str | None
    current_question_seconds: float
    in_closing: bool
    closing_elapsed_seconds: float
    topics: tuple[TopicTiming, ...]
    remaining_work_seconds: float
    """Open questions' estimates (probes included), topics held to what is left of their plan."""
    projected_total_seconds: float
    projected_end: float
    """Epoch seconds at which the interview is projected to end."""
    pace: PaceStatus
    drop_probes: tuple[ProbeDrop, ...]
    shortfall_seconds: float
    """Time the needed questions lack even with every probe dropped (0 when they fit)."""
    redistribution: tuple[TopicBudget, ...]
    coverage: tuple[VariableCoverage, ...]
    follow_ups: tuple[FollowUp, ...]

    def topic(self, topic_id: str) -> TopicTiming:
        """The timing of one topic (KeyError if unknown)."""
        for timing in self.topics:
            if timing.topic_id == topic_id:
                return timing
        raise KeyError(topic_id)

    @property
    def elapsed_minutes(self) -> float:
        """Elapsed interview time in minutes."""
        return self.elapsed_seconds / 60.0

    @property
    def projected_total_minutes(self) -> float:
        """Projected length of the interview in minutes."""
        return self.projected_total_seconds / 60.0

    @property
    def shortfall_reason(self) -> Reason | None:
        """'even without probes the main questions need N min more ...', or None."""
        if self.shortfall_seconds <= 0:
            return None
        minutes = math.ceil(self.shortfall_seconds / 60.0 - 1e-9)
        return Reason.of("engine.advice.shortfall", minutes=minutes)

    def topic_over_reason(self, topic_id: str) -> Reason | None:
        """'N min over' for a topic that overran its plan, else None."""
        timing = self.topic(topic_id)
        if not timing.over:
            return None
        return Reason.of("engine.topic.over", minutes=math.ceil(timing.over_seconds / 60 - 1e-9))


@dataclass(frozen=True)
class _Open:
    question: Question | None
    question_id: str
    topic_id: str | None
    remaining: float
    order: int


class TimingEngine:
    """Computes ``TimingSnapshot`` values for a session; see the module docstring."""

    def __init__(self, session: Session, clock: Clock = time.time) -> None:
        self.session = session
        self.clock = clock
        self.plan: Plan = make_plan(session.protocol)

    def snapshot(self) -> TimingSnapshot:
        """The state of the interview now."""
        session = self.session
        epoch_now = self.clock()
        now_at = session_seconds(session, epoch_now)
        started = session.started_at is not None
        pauses = pause_intervals(session.timeline, now_at)
        paused = sum(p.length for p in pauses)
        elapsed = max(0.0, now_at - paused) if started else 0.0
        sections = section_intervals(session.timeline, now_at)
        shown = question_intervals(session.timeline, now_at)
        spent = {qid: active_seconds(iv, pauses) for qid, iv in shown.items()}

        sectioned = sum(active_seconds(iv, pauses) for iv in sections.values())
        needed, probes = self._needed_and_probes(spent, intro=max(0.0, elapsed - sectioned))
        needed_work = sum(o.remaining for o in needed)
        planned = self.plan.total_seconds
        finished = session.status is SessionStatus.FINISHED
        topics = self._topics(sections, pauses, needed)
        work = (
            needed_work + sum(o.remaining for o in probes) + _unspent_plan(topics, needed, probes)
        )
        projected_total = elapsed if finished else elapsed + work
        pace = self._pace(started, finished, projected_total - planned, elapsed)
        available = planned - elapsed

        drops = () if finished else self._drops(probes, needed_work, available, pace)
        redistribution = () if finished else self._redistribute(topics, needed, available, pace)
        if not finished:
            topics = self._budgets(topics, redistribution, needed, available, pace)
        current_qid = session.current_question_id
        return TimingSnapshot(
            status=session.status,
            now_at=now_at,
            epoch_now=epoch_now,
            elapsed_seconds=elapsed,
            paused_seconds=paused,
            planned_seconds=planned,
            remaining_seconds=planned - elapsed,
            is_paused=session.status is SessionStatus.PAUSED,
            current_topic_id=session.current_topic_id,
            current_question_id=current_qid,
            current_question_seconds=spent.get(current_qid, 0.0) if current_qid else 0.0,
            in_closing=session.in_closing,
            closing_elapsed_seconds=active_seconds(sections.get(CLOSING, []), pauses),
            topics=topics,
            remaining_work_seconds=0.0 if finished else work,
            projected_total_seconds=projected_total,
            projected_end=self._projected_end(finished, now_at, epoch_now, work),
            pace=pace,
            drop_probes=drops,
            shortfall_seconds=0.0 if finished else max(0.0, needed_work - available),
            redistribution=redistribution,
            coverage=coverage(session),
            follow_ups=relevant_follow_ups(session),
        )

    # --- parts ----------------------------------------------------------------------------
    def _needed_and_probes(
        self, spent: dict[str, float], intro: float
    ) -> tuple[list[_Open], list[_Open]]:
        """The open work split in two: what still needs asking (a question that applies, or
        a topic's unplanned rest), and the probes, which are optional work."""
        session = self.session
        open_items = self._open_items(spent, intro=intro)
        needed = [o for o in open_items if o.question is None or is_needed(session, o.question)]
        # probes are optional work, the one on screen too: when "next" lands on a probe that
        # is advised to be dropped, the advice must stay (once written for, it is done anyway)
        probes = [
            o
            for o in open_items
            if o.question is not None and o.question.kind is QuestionKind.PROBE
        ]
        return needed, probes

    def _projected_end(self, finished: bool, now_at: float, epoch_now: float, work: float) -> float:
        """When the interview ends (epoch seconds): a finished one when it finished, one
        under way now plus the work left."""
        started_at = self.session.started_at
        if finished and started_at:
            return started_at.timestamp() + now_at
        return epoch_now + work

    def _open_items(self, spent: dict[str, float], intro: float) -> list[_Open]:
        """Questions not done yet, with their estimate minus time already on screen.

        The closing budget also pays for the introduction (the time in no topic), so that
        time is taken off the closing questions' estimates.
        """
        items: list[_Open] = []
        order = 0
        for topic in self.session.protocol.topics:
            for question in topic.questions:
                order += 1
                if is_done(self.session.records.get(question.id)):
                    continue
                left = max(0.0, self.plan.question(question.id) - spent.get(question.id, 0.0))
                items.append(_Open(question, question.id, topic.id, left, order))
        for closing in self.session.protocol.closing.questions:
            order += 1
            if is_done(self.session.records.get(closing.id)):
                continue
            left = max(0.0, self.plan.question(closing.id) - spent.get(closing.id, 0.0))
            used = min(left, intro)
            left, intro = left - used, intro - used
            items.append(_Open(None, closing.id, None, left, order))
        return items

    def _pace(self, started: bool, finished: bool, delta: float, elapsed: float) -> PaceStatus:
        minutes = math.ceil(abs(delta) / 60.0 - 1e-9)
        if not started:
            return PaceStatus(Pace.NOT_STARTED, 0, Reason.of("engine.pace.not_started"))
        if finished:
            pace = Pace.FINISHED
            key = "engine.pace.finished_over" if delta > 0 else "engine.pace.finished"
            return PaceStatus(pace, minutes, Reason.of(key, minutes=minutes))
        if too_early(elapsed, self.plan.total_seconds):
            return PaceStatus(Pace.TOO_EARLY, 0, Reason.of("engine.pace.too_early"))
        if delta > PACE_TOLERANCE_SECONDS:
            return PaceStatus(
                Pace.BEHIND, minutes, Reason.of("engine.pace.behind", minutes=minutes)
            )
        if delta < -PACE_TOLERANCE_SECONDS:
            return PaceStatus(Pace.AHEAD, minutes, Reason.of("engine.pace.ahead", minutes=minutes))
        return PaceStatus(Pace.ON_TRACK, 0, Reason.of("engine.pace.on_track"))

    def _topics(
        self, sections: dict[str, list[Interval]], pauses: list[Interval], needed: list[_Open]
    ) -> tuple[TopicTiming, ...]:
        open_topics = {o.topic_id for o in needed}
        result: list[TopicTiming] = []
        for topic in self.session.protocol.topics:
            plan = self.plan.topic(topic.id)
            elapsed = active_seconds(sections.get(topic.id, []), pauses)
            result.append(
                TopicTiming(
                    topic_id=topic.id,
                    planned_seconds=plan,
                    elapsed_seconds=elapsed,
                    remaining_seconds=max(0.0, plan - elapsed),
                    over_seconds=max(0.0, elapsed - plan) if plan > 0 else 0.0,
                    visits=len(sections.get(topic.id, [])),
                    is_current=topic.id == self.session.current_topic_id,
                    done=topic.id not in open_topics,
                )
            )
        return tuple(result)

    def _drops(
        self, probes: list[_Open], needed_work: float, available: float, pace: PaceStatus
    ) -> tuple[ProbeDrop, ...]:
        """Drop probes, highest priority number first (no priority before any number)."""
        if pace.pace is not Pace.BEHIND:
            return ()

        def drop_order(item: _Open) -> tuple[float, int]:
            priority = item.question.priority if item.question else None
            return (-(priority if priority is not None else math.inf), -item.order)

        kept = sum(p.remaining for p in probes)
        drops: list[ProbeDrop] = []
        for item in sorted(probes, key=drop_order):
            if needed_work + kept <= available:
                break
            if item.remaining <= 0:
                continue
            kept -= item.remaining
            priority = item.question.priority if item.question else None
            key = "engine.advice.drop_probe" if priority else "engine.advice.drop_probe_any"
            drops.append(
                ProbeDrop(
                    question_id=item.question_id,
                    topic_id=item.topic_id or "",
                    priority=priority,
                    saves_seconds=item.remaining,
                    reason=Reason.of(key, minutes=pace.minutes, priority=priority or 0),
                )
            )
        return tuple(drops)

    def _redistribute(
        self,
        topics: tuple[TopicTiming, ...],
        needed: list[_Open],
        available: float,
        pace: PaceStatus,
    ) -> tuple[TopicBudget, ...]:
        """When behind: share what is left among the topics not done, by what is left of
        their plan (a topic already over its plan gets nothing more; none gets more than
        what is left of its own plan)."""
        if pace.pace is not Pace.BEHIND:
            return ()
        current = self.session.current_topic_id
        pending = [t for t in topics if not t.done and t.topic_id != current and t.planned_seconds]
        if not pending:
            return ()
        reserved = sum(o.remaining for o in needed if o.topic_id is None or o.topic_id == current)
        pool = max(0.0, available - reserved)
        plan_left = sum(t.remaining_seconds for t in pending)
        budgets: list[TopicBudget] = []
        for timing in pending:
            share = pool * timing.remaining_seconds / plan_left if plan_left else 0.0
            budget = min(share, timing.remaining_seconds)
            budgets.append(
                TopicBudget(
                    topic_id=timing.topic_id,
                    planned_seconds=timing.planned_seconds,
                    budget_seconds=budget,
                    reason=Reason.of(
                        "engine.advice.redistributed",
                        minutes=round(budget / 60.0),
                        planned=round(timing.remaining_seconds / 60.0),
                    ),
                )
            )
        return tuple(budgets)

    def _budgets(
        self,
        topics: tuple[TopicTiming, ...],
        redistribution: tuple[TopicBudget, ...],
        needed: list[_Open],
        available: float,
        pace: PaceStatus,
    ) -> tuple[TopicTiming, ...]:
        """Every topic not done gets ``budget_seconds``: what the topic list shows as left.

        A redistributed topic gets its share; any other topic what is left of its own plan,
        never more than the time left after the closing's open questions. When behind, the
        current topic also gets no more than its open main questions and follow-ups need:
        its probes are the first to go.
        """
        closing = sum(o.remaining for o in needed if o.topic_id is None)
        left = max(0.0, available - closing)
        shared = {b.topic_id: b.budget_seconds for b in redistribution}
        current = self.session.current_topic_id
        behind = pace.pace is Pace.BEHIND
        result: list[TopicTiming] = []
        for timing in topics:
            budget: float | None = None
            if timing.done:
                pass
            elif timing.topic_id in shared:
                budget = shared[timing.topic_id]
            else:
                budget = min(timing.remaining_seconds, left)
                if behind and timing.topic_id == current:
                    own = sum(o.remaining for o in needed if o.topic_id == current)
                    budget = min(budget, own)
            result.append(replace(timing, budget_seconds=budget))
        return tuple(result)


def _unspent_plan(
    topics: tuple[TopicTiming, ...], needed: list[_Open], probes: list[_Open]
) -> float:
    """What a topic not done still holds of its plan beyond its open questions' estimates.

    Until a topic is done it is expected to take at least its plan: skipping a question (or
    a follow-up falling away) inside it does not make the interview look ahead; the time it
    saves counts once the topic is done. It only ever adds work, so it never hides "behind".
    """
    open_work: dict[str | None, float] = {}
    for item in (*needed, *probes):
        open_work[item.topic_id] = open_work.get(item.topic_id, 0.0) + item.remaining
    return sum(
        max(0.0, timing.remaining_seconds - open_work.get(timing.topic_id, 0.0))
        for timing in topics
        if not timing.done
    )
