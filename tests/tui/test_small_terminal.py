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


async def test_a_question_that_does_not_fit_scrolls_and_takes_the_focus(tmp_path: Path) -> None:
    """Seed 000's first question with its note: cut at 80x24, with a scrollbar, reachable
    with shift+tab and the arrow keys."""
    live = _seed_live(tmp_path)
    app = make_app(live.store, live=live, lang="nl", blink=False, handle_signals=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#question-scroll")
        assert box.max_scroll_y > 0 and box.show_vertical_scrollbar
        for _ in range(4):
            if app.focused is box:
                break
            await pilot.press("shift+tab")
        assert app.focused is box
        await pilot.press("end")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
    live.close()
