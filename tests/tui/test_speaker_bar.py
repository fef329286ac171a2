"""Group interviews: the speaker bar shows who speaks in the paragraph under the notes'
cursor and picking in it sets that paragraph's speaker (as alt+digit does); the review
shows every turn as its own paragraph with its speaker, as the transcript does."""

from __future__ import annotations

import pytest
from rich.console import Console
from textual.widgets._footer import FooterKey

from interviewer.domain.turns import paragraph_texts
from interviewer.export.content import build_content
from interviewer.export.transcript import transcript_blocks
from interviewer.i18n import Translator
from interviewer.store import SessionStore
from interviewer.tui.app import make_app
from interviewer.tui.screens.review import review_renderable
from interviewer.tui.widgets.choice_bar import ChoiceBar
from interviewer.tui.widgets.turn_area import TurnArea
from tests.tui.conftest import FakeClock, app_for
from tests.tui.test_speaker_turns import group_live


async def test_the_bar_follows_the_cursor_and_sets_the_paragraph(
    store: SessionStore, clock: FakeClock
) -> None:
    live = group_live(store, clock)
    app = app_for(store, clock, live)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#notes", TurnArea)
        bar = app.screen.query_one("#speaker", ChoiceBar)
        assert bar.display and [v for v, _ in bar.options] == ["2.1", "2.2", "2.3", "interviewer"]
        await pilot.press("alt+2", *"Het SWT is ontstaan.", "alt+3", *"Vult aan.")
        await pilot.press("alt+0", *"Vraagt door.")
        await pilot.pause()
        assert bar.selected == {"interviewer"}
        for row, speaker in ((0, "2.2"), (1, "2.2"), (2, "2.3"), (4, "interviewer")):
            notes.move_cursor((row, 2))
            await pilot.pause()
            assert bar.selected == {speaker}, row
        # picking 2.1 in the bar with the cursor in the second paragraph relabels that one
        notes.move_cursor((2, 3))
        await pilot.pause()
        bar.focus()
        await pilot.press("left", "left", "left", "space")  # from 2.1: interviewer, 2.3, 2.2
        await pilot.pause()
        record = live.session.records["ervaring-2"]
        assert [t.speaker for t in record.turns] == ["2.2", "2.2", "interviewer"]
        assert bar.selected == {"2.2"} and notes.labels[2] == "2.2"
        # clearing the bar forgets nobody: the paragraph keeps its speaker
        await pilot.press("backspace")
        await pilot.pause()
        assert [t.speaker for t in record.turns] == ["2.2", "2.2", "interviewer"]
        assert bar.selected == {"2.2"}
        # at the end of the note, picking starts a new turn, as alt+digit does
        notes.move_cursor(notes.document.end)
        bar.focus()
        await pilot.press("right", "space")  # 2.2 -> 2.3
        await pilot.pause()
        assert [t.speaker for t in record.turns] == ["2.2", "2.2", "interviewer", "2.3"]
        assert bar.selected == {"2.3"}
        notes.focus()
        await pilot.press(*"Nog iets.")
        await pilot.pause()
        assert paragraph_texts(record.notes)[-1] == "Nog iets."
        assert [t.speaker for t in record.turns][-1] == "2.3"
    live.close()


def test_review_shows_each_turn_with_its_speaker(store: SessionStore, clock: FakeClock) -> None:
    live = group_live(store, clock)
    recorder = live.recorder
    recorder.speaker_key(None, "2.2")
    recorder.set_notes(None, "Het SWT is ontstaan.")
    recorder.speaker_key(None, "2.3")
    recorder.set_notes(None, "Het SWT is ontstaan.\n\nVult aan: eerst alleen jeugd.")
    recorder.speaker_key(None, "interviewer")
    recorder.set_notes(None, recorder.session.record("ervaring-2").notes + "Vraagt door.")
    console = Console(width=120, record=True, color_system=None)
    console.print(review_renderable(live.session, Translator("en"), clock))
    lines = [line.strip() for line in console.export_text().splitlines()]
    at = lines.index("2.2: Het SWT is ontstaan.")
    assert lines[at : at + 3] == [
        "2.2: Het SWT is ontstaan.",
        "2.3: Vult aan: eerst alleen jeugd.",
        "Interviewer: Vraagt door.",
    ]
    # the same paragraphs and speakers as the transcript export
    content = build_content(live.session, "en")
    blocks = transcript_blocks(content)
    said = [(b.label, b.text) for b in blocks if b.kind == "answer"]
    assert [f"{who}: {text}" for who, text in said] == lines[at : at + 3]
    live.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_group_footer_and_margin_fit(
    store: SessionStore, clock: FakeClock, lang: str, size: tuple[int, int]
) -> None:
    """Every footer key, the speaker keys under the notes and whole speaker codes in the
    margin fit at 80x24 and 120x40, in both languages."""
    live = group_live(store, clock)
    app = make_app(store, live=live, lang=lang, clock=clock, blink=False, handle_signals=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("alt+2", *"Een.", "alt+0", *"Twee.")
        await pilot.pause()
        keys = [(key.key, key.region.right) for key in app.screen.query(FooterKey)]
        assert "ctrl+q" in [k for k, _r in keys] and all(r <= size[0] for _k, r in keys), keys
        notes = app.screen.query_one("#notes", TurnArea)
        assert len(str(notes.border_subtitle)) + 4 <= notes.region.width
        assert notes.gutter_width >= len("2.1") + 2
        assert [gutter_text(notes, row) for row in (0, 2)] == ["2.2", "I"]
    live.close()


def gutter_text(area: TurnArea, row: int) -> str:
    return "".join(s.text for s in area.render_line(row))[: area.gutter_width].strip()
