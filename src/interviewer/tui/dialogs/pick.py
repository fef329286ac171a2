"""A fuzzy-filtered list in a modal dialog: the jump list (ctrl+t) and the tag list (ctrl+g).

Type to filter (Textual's fuzzy matcher), ``up``/``down`` to move, ``enter`` to choose,
``escape`` to cancel. Dismisses with the chosen value or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option


class PickDialog(ModalScreen[str | None]):
    """Choose one of ``choices`` (value, label) by typing part of its label."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False),
        Binding("down", "move(1)", show=False, priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
    ]

    def __init__(
        self, title: str, choices: Sequence[tuple[str, Text | str]], placeholder: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick"):
            yield Static(self.title_text, classes="dialog-title")
            yield Input(placeholder=self.placeholder, id="filter")
            yield OptionList(id="choices")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#filter", Input).focus()

    def _fill(self, query: str) -> None:
        options = self.query_one("#choices", OptionList)
        options.clear_options()
        matcher = Matcher(query) if query else None
        scored: list[tuple[float, int, str, Text | Content | str]] = []
        for index, (value, label) in enumerate(self.choices):
            plain = label.plain if isinstance(label, Text) else label
            if matcher is None:
                scored.append((0.0, index, value, label))
                continue
            score = matcher.match(plain)
            if score > 0:
                scored.append((-score, index, value, matcher.highlight(plain)))
        scored.sort(key=lambda s: (s[0], s[1]))
        options.add_options([Option(label, id=value) for _s, _i, value, label in scored])
        if scored:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one("#choices", OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            self.dismiss(option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        options = self.query_one("#choices", OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)
