"""The outline, progress and jump targets the interview screen draws (domain.navigation)."""

from __future__ import annotations

from interviewer.domain.navigation import (
    first_question_of,
    jump_targets,
    outline,
    tagged_elsewhere,
    topic_progress,
)
from interviewer.domain.timing import TimingEngine


def test_outline_expands_the_current_topic(started, clock) -> None:
    started.show_question("tijd-2")
    items = outline(started.session, TimingEngine(started.session, clock).snapshot())
    kinds = [(i.kind, i.id) for i in items]
    assert ("topic", "ervaring") in kinds and ("question", "tijd-2") in kinds
    assert ("question", "ervaring-1") not in kinds
    assert next(i for i in items if i.id == "tijd-2").current
    assert items[-1].kind in ("closing", "closing-question")


def test_triggered_follow_up_is_highlighted_untriggered_dimmed(started, clock) -> None:
    started.show_question("ervaring-1")
    items = {
        i.id: i for i in outline(started.session, TimingEngine(started.session, clock).snapshot())
    }
    assert items["ervaring-nee"].dimmed and not items["ervaring-nee"].highlighted
    started.set_quick_answer("ervaring-1", "no")
    items = {
        i.id: i for i in outline(started.session, TimingEngine(started.session, clock).snapshot())
    }
    assert items["ervaring-nee"].highlighted and not items["ervaring-nee"].dimmed


def test_probes_the_engine_drops_carry_the_reason(started, clock) -> None:
    started.show_question("ervaring-1")
    clock.advance(minutes=25)
    snapshot = TimingEngine(started.session, clock).snapshot()
    assert snapshot.drop_probes
    items = {i.id: i for i in outline(started.session, snapshot)}
    dropped = [i for i in items.values() if i.reason is not None]
    assert dropped and all(i.dimmed for i in dropped)
    assert "behind" in dropped[0].reason.render("en")


def test_progress_counts_relevant_questions_and_characteristics(started) -> None:
    topic = started.session.protocol.topic("ervaring")
    before = topic_progress(started.session, topic)
    assert (before.asked, before.covered) == (0, 0)
    started.set_notes("ervaring-2", "veel effect")
    started.set_quick_answer("ervaring-1", "no")
    after = topic_progress(started.session, topic)
    assert after.asked == 2 and after.covered == 2
    assert after.total == before.total + 1  # the follow-up became relevant


def test_jump_targets_and_tags(started) -> None:
    targets = jump_targets(started.session)
    assert targets[0].is_topic and targets[0].question_id == "ervaring-1"
    assert any(t.question_id == "sterk" for t in targets)
    assert first_question_of(started.session, "tijd") == "tijd-1"
    started.set_notes("tijd-3", "ook over ervaring")
    started.tag("tijd-3", "ervaring")
    assert tagged_elsewhere(started.session) == [("tijd-3", "ervaring")]
