"""The footer of every screen: Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer recomposes (creating a widget per key) each time the screen publishes
``bindings_updated``, which happens about ten times while one screen replaces another (focus
moves, the stack changes, the app gains focus). Measured: 10 recomposes, ~100 ms of CPU when
the introduction gives way to the interview. Here the keys shown (key, label, enabled) are
compared first and an unchanged footer is left alone.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen) -> tuple[tuple[str, str, bool], ...]:
    """What a footer on ``screen`` would show: (key, description, enabled) per binding."""
    return tuple(
        (binding.key, binding.description, enabled)
        for _node, binding, enabled, _tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """A compact footer without the palette key (the palette is on ctrl+p everywhere)."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self._shown: tuple[tuple[str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            keys = shown_keys(screen)
            if keys == self._shown:
                return
            self._shown = keys
        super().bindings_changed(screen)
