"""At 80x24 everything can be reached, and what is cut says that more follows (point 10)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from interviewer.domain.session_factory import new_session
from interviewer.store import SessionStore
from interviewer.tui.app import make_app
from interviewer.tui.live import LiveSession
from interviewer.tui.sources import find_protocol, load_protocol


def _seed_live(tmp_path: Path) -> LiveSession:
    protocol = load_protocol(find_protocol("sociale-teams-samenwerking"))
    session = new_session(
        protocol, case="Borne", respondent="1.1", advance_consent=dt.date(2026, 3, 1)
    )
    store = SessionStore(tmp_path / "data")
    store.create(session)
    live = LiveSession(store, session).open()
    live.recorder.start()
    return live


def _footer_keys(app) -> list[tuple[str, int]]:
    return [(key.key, key.region.right) for key in app.screen.query(FooterKey)]


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_every_footer_key_fits_in_80_columns(tmp_path: Path, lang: str) -> None:
    live = _seed_live(tmp_path)
    app = make_app(live.store, live=live, lang=lang, blink=False, handle_signals=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = _footer_keys(app)
        assert "ctrl+q" in [k for k, _r in keys] and all(right <= 80 for _k, right in keys)
        live.recorder.enter_closing()
        app.show_session_screen()
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "ClosingScreen"
        keys = _footer_keys(app)
        assert {"f10", "ctrl+q"} <= {k for k, _r in keys}
        assert all(right <= 80 for _k, right in keys), keys
    live.close()


async def test_a_question_that_does_not_fit_says_so_and_pages_on_f2(tmp_path: Path) -> None:
    """Seed 000's first question with its note is cut at 80x24: a scrollbar and "f2 ▼ meer"
    show it; f2 pages on while the cursor stays in the notes, and tab still goes from the
    notes to the answer."""
    live = _seed_live(tmp_path)
    app = make_app(live.store, live=live, lang="nl", blink=False, handle_signals=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        box = app.screen.query_one("#question-scroll")
        notes = app.screen.query_one("#notes")
        assert box.max_scroll_y > 0 and box.show_vertical_scrollbar
        assert box.has_class("cut") and box.border_subtitle == "f2 ▼ meer"
        await pilot.press("f2")
        assert box.scroll_y > 0 and app.focused is notes
        for _ in range(5):
            await pilot.press("f2")
            if box.scroll_y == 0:
                break
        assert box.scroll_y == 0  # back to the top after the end
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#quick")
    live.close()


async def test_a_question_that_fits_has_no_hint(tmp_path: Path) -> None:
    live = _seed_live(tmp_path)
    app = make_app(live.store, live=live, lang="nl", blink=False, handle_signals=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        box = app.screen.query_one("#question-scroll")
        assert box.max_scroll_y == 0 and not box.has_class("cut") and not box.border_subtitle
    live.close()
