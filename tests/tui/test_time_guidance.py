"""Time guidance on the interview screen (issue 10, points 6 and 8), with a fake clock far
behind schedule: the countdown, each topic's remaining budget, the advice line for the whole
interview, a dropped probe's advice on the probe itself, and the topic's note in full."""

from __future__ import annotations

from rich.text import Text

from interviewer.store import SessionStore
from interviewer.tui.app import make_app
from interviewer.tui.live import LiveSession
from interviewer.tui.widgets.topic_list import TopicList
from tests.tui.conftest import FakeClock, build_protocol, open_started

NOTE = (
    "Indien het antwoord van de respondent zich beperkt tot een 'ja' kan meer informatie "
    "worden verkregen door te vragen: Zou u iets kunnen vertellen over de eerdere ervaring "
    "die u heeft met samenwerking tussen professionals uit verschillende organisaties?"
)
INSTRUCTION = (
    "Laat de respondent eerst zelf vertellen; vraag pas daarna naar voorbeelden uit het "
    "casusoverleg, de wijkteams en de samenwerking met het onderwijs, en noteer de namen van "
    "organisaties zoals de respondent ze noemt, zonder afkortingen."
)


def _live(store: SessionStore, clock: FakeClock) -> LiveSession:
    data = build_protocol().model_dump(mode="json", exclude_defaults=True)
    data["topics"][0]["note"] = NOTE
    data["topics"][0]["questions"][0]["instruction"] = INSTRUCTION
    return open_started(store, clock, type(build_protocol()).model_validate(data))


def _plain(widget) -> str:
    return widget.render().plain


def _topic_line(app, topic_id: str) -> str:
    prompt = app.screen.query_one("#topics", TopicList).get_option(f"topic:{topic_id}").prompt
    return prompt.plain if isinstance(prompt, Text) else str(prompt)


async def test_far_behind_the_screen_says_what_to_do(store: SessionStore, clock: FakeClock) -> None:
    live = _live(store, clock)
    session = live.session
    app = make_app(store, live=live, lang="nl", clock=clock, blink=False, handle_signals=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert session.current_question_id == "ervaring-1"
        pace, advice, panel = (screen.query_one(s) for s in ("#pace", "#advice", "#question"))

        # the first seconds: a countdown, no verdict on the pace, no advice
        clock.advance(6)
        screen.refresh_timing()
        await pilot.pause()
        assert "nog 40 min" in _plain(pace) and "nog niet te zeggen" in _plain(pace)
        assert not advice.display
        assert "nog 10 min, gepland 10" in _topic_line(app, "tijd")
        # point 8: the topic's note and the instruction, whole, with the question
        shown = _plain(panel)
        assert "Notitie: " + NOTE in shown and INSTRUCTION in shown
        assert panel.virtual_size.height <= panel.region.height  # none of it out of sight

        # 32 minutes on the first question of a 40-minute interview
        await pilot.press(*"Nooit met andere organisaties gewerkt.")
        clock.advance(minutes=32)
        screen.refresh_timing()
        await pilot.pause()
        snapshot = live.engine.snapshot()
        assert "nog 8 min" in _plain(pace) and "min achter" in _plain(pace)
        assert advice.display and advice.region.height >= 1
        line = _plain(advice)
        assert line.startswith("⚑ Achterstand inlopen")
        assert "ERVARING: afronden" in line  # the current topic first
        assert "TIJD zo kort mogelijk: vraag 1, 3, 4, doorvraag 5 overslaan" in line
        tijd = round(snapshot.topic("tijd").budget_seconds / 60)
        assert f"nog {tijd} min, gepland 10" in _topic_line(app, "tijd")
        assert "+22/10 min" in _topic_line(app, "ervaring")  # over its plan, not done

        # ctrl+n to the probe the engine advises to drop: the advice stays on it
        for _ in range(5):
            if session.current_question_id == "ervaring-p1":
                break
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert session.current_question_id == "ervaring-p1"
        assert "⏷ sla deze doorvraag over" in _plain(panel)
        probe = screen.query_one("#topics", TopicList).get_option("question:ervaring-p1").prompt
        assert "[overslaan]" in probe.plain

        # the advice follows the interviewer: in tijd, that topic comes first
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"tijd", "enter")
        await pilot.pause()
        assert session.current_topic_id == "tijd"
        clock.advance(minutes=1)
        screen.refresh_timing()
        await pilot.pause()
        assert _plain(advice).startswith("⚑ Achterstand inlopen")
        assert _plain(advice).split(": ", 1)[1].startswith("TIJD")
    live.close()


async def test_the_advice_fits_at_80x24_and_a_cut_shows(
    store: SessionStore, clock: FakeClock
) -> None:
    live = _live(store, clock)
    app = make_app(store, live=live, lang="nl", clock=clock, blink=False, handle_signals=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.advance(minutes=45)  # over time
        app.screen.refresh_timing()
        await pilot.pause()
        pace, advice = app.screen.query_one("#pace"), app.screen.query_one("#advice")
        assert "5 min over tijd" in _plain(pace)
        assert len(_plain(pace)) <= 80
        assert advice.display and 1 <= advice.region.height <= 3
        assert "nog 0/10 min" in _topic_line(app, "tijd")  # the narrow form fits the list
    live.close()
