"""Group interviews in the interview screen: alt+1..9 / alt+0 set the speaker of the current
paragraph or start a new turn, the editor shows each turn's speaker in its gutter (never in
the text), and individual interviews are untouched."""

from __future__ import annotations

import datetime as dt

from textual import events

from interviewer.domain.session import SessionMode
from interviewer.domain.turns import paragraph_texts
from interviewer.store import SessionStore
from interviewer.tui.widgets.key_footer import shown_keys
from interviewer.tui.widgets.turn_area import TurnArea, reach_alt_digits
from tests.tui.conftest import FakeClock, app_for, open_live


def group_live(store: SessionStore, clock: FakeClock):  # type: ignore[no-untyped-def]
    live = open_live(
        store,
        clock,
        advance_consent=dt.date(2026, 3, 1),
        mode=SessionMode.GROUP,
        participants=["2.1", "2.2", "2.3"],
    )
    live.recorder.start()
    live.recorder.show_question("ervaring-2")
    return live


def gutter(area: TurnArea, row: int) -> str:
    return "".join(s.text for s in area.render_line(row))[: area.gutter_width].strip()


async def test_alt_digits_take_turns(store: SessionStore, clock: FakeClock) -> None:
    live = group_live(store, clock)
    app = app_for(store, clock, live)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#notes", TurnArea)
        await pilot.press("alt+2", *"Het SWT is ontstaan.")
        clock.advance(30)
        await pilot.press("alt+3", *"Vult aan: eerst jeugd.")
        await pilot.press("alt+0", *"Vraagt door.")
        await pilot.pause()
        record = live.session.records["ervaring-2"]
        assert paragraph_texts(record.notes) == [
            "Het SWT is ontstaan.",
            "Vult aan: eerst jeugd.",
            "Vraagt door.",
        ]
        assert [t.speaker for t in record.turns] == ["2.2", "2.3", "interviewer"]
        assert record.turns[0].at < record.turns[1].at
        # the labels are in the gutter, not in the text
        assert "2.2" not in notes.text and "2.3" not in notes.text
        assert notes.labels == {0: "2.2", 2: "2.3", 4: "I"}
        assert [gutter(notes, row) for row in range(5)] == ["2.2", "", "2.3", "", "I"]
        # inside the first paragraph alt+1 corrects its speaker; no new paragraph
        notes.move_cursor((0, 3))
        await pilot.press("alt+1")
        await pilot.pause()
        assert [t.speaker for t in record.turns] == ["2.1", "2.3", "interviewer"]
        assert notes.labels[0] == "2.1" and notes.text.count("\n\n") == 2
        # Enter Enter at the end opens a paragraph for the same speaker
        notes.move_cursor(notes.document.end)
        await pilot.press("enter", "enter", *"Nog iets.")
        await pilot.pause()
        assert [t.speaker for t in record.turns][-1] == "interviewer"
        assert paragraph_texts(record.notes)[-1] == "Nog iets."
        # the notes box names the speaker keys (the footer has no room for them at 80x24)
        keys = [key for key, _d, _e in shown_keys(app.screen)]
        assert not any(key.startswith("alt+") for key in keys)
        assert notes.border_subtitle == "alt+1…3 participant · alt+0 interviewer"
        # a participant the session does not have: a warning, nothing changes
        before = record.notes
        await pilot.press("alt+7")
        await pilot.pause()
        assert record.notes == before
    live.flush()
    stored = store.load(live.session.id).records["ervaring-2"]
    assert [t.speaker for t in stored.turns] == ["2.1", "2.3", "interviewer", "interviewer"]
    live.close()


async def test_speaker_survives_a_visit_and_a_turn_started_before_typing(
    store: SessionStore, clock: FakeClock
) -> None:
    live = group_live(store, clock)
    app = app_for(store, clock, live)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("alt+1", *"Een.", "alt+2")
        await pilot.press("ctrl+b", "ctrl+n")  # leave with the new turn still empty
        await pilot.pause()
        assert live.session.current_question_id == "ervaring-2"
        await pilot.press(*"Twee.")
        await pilot.pause()
        record = live.session.records["ervaring-2"]
        assert paragraph_texts(record.notes) == ["Een.", "Twee."]
        assert [t.speaker for t in record.turns] == ["2.1", "2.2"]
    live.close()


async def test_individual_interview_has_no_speaker_keys(
    store: SessionStore, clock: FakeClock
) -> None:
    live = open_live(store, clock, advance_consent=dt.date(2026, 3, 1))
    live.recorder.start()
    live.recorder.show_question("ervaring-2")
    app = app_for(store, clock, live)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#notes")
        assert not isinstance(notes, TurnArea)
        assert all(not key.startswith("alt+") for key, _d, _e in shown_keys(app.screen))
        await pilot.press(*"Een.")
        await pilot.pause()
        assert live.session.records["ervaring-2"].turns == []
    live.close()


def test_alt_digits_reach_the_app_from_common_terminals() -> None:
    """Legacy terminals send alt+1 as ESC 1, which Textual 8 reads as '¡' (a macOS WezTerm
    table) until a group interview's editor is built; the kitty protocol sends CSI u."""
    import time

    from textual._xterm_parser import XTermParser

    reach_alt_digits()
    parser = XTermParser()
    keys = [e for e in parser.feed("\x1b[49;3u") if isinstance(e, events.Key)]
    for sequence in ("\x1b1", "\x1b0Ab"):
        keys += [e for e in parser.feed(sequence) if isinstance(e, events.Key)]
        time.sleep(0.15)  # Textual's escape delay: ESC alone might be the escape key
        keys += [e for e in parser.tick() if isinstance(e, events.Key)]
    assert [k.key for k in keys] == ["alt+1", "alt+1", "alt+0", "A", "b"]
