"""The home screen shows control characters from data as escapes, and markup as text.

A session stored before case names and codes were checked (or edited by hand) may hold ESC,
a bidi override, a new line or rich markup in its case name and code.
"""

from __future__ import annotations

import unicodedata

from textual.content import Content
from textual.widgets import OptionList

from interviewer.domain.codes import UNSAFE_CATEGORIES
from interviewer.store import SessionStore
from tests.tui.conftest import FakeClock, app_for, open_live

CASE = "Borne\x1b[31m\u202e\nRED"
CODE = "[bold]1\x1b[2J"


def _raw_controls(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in UNSAFE_CATEGORIES})


async def test_home_lists_hostile_case_and_code_as_escapes(
    store: SessionStore, clock: FakeClock
) -> None:
    live = open_live(store, clock)
    session = live.session
    live.close()
    store.save(session.model_copy(update={"case": CASE, "respondent": CODE}))  # no checks
    app = app_for(SessionStore(store.data_dir), clock, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#sessions", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Borne\\x1b[31m\\u202e\\x0aRED" in p for p in prompts), prompts
        line = str(options.get_option(session.id).prompt)
        assert "[bold]1\\x1b[2J" in line  # markup in data stays text
        for prompt in prompts:
            assert _raw_controls(prompt) == [], prompt
        # the question before removing says the case and code through markup: escaped too
        options.highlighted = next(
            i
            for i in range(options.option_count)
            if options.get_option_at_index(i).id == session.id
        )
        await pilot.press("d")
        await pilot.pause()
        shown = " ".join(
            Content.from_markup(str(w.render())).plain for w in app.screen.query(".dialog-text")
        )  # as the terminal shows it, markup applied
        assert "[bold]1\\x1b[2J" in shown, shown
        assert _raw_controls(shown.replace("\n", " ")) == [], shown  # the text's own breaks
