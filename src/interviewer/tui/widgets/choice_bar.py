"""A one-line row of choices on the keyboard: quick answers, flags, the speaker.

``left``/``right`` move, ``space``/``enter`` pick (or toggle, with ``multi``),
``backspace``/``delete`` clear a single choice, and a letter moves to the next option whose
label starts with it (``j`` to *ja*); any other character is refused with a bell, never
passed on to another control. Sends ``ChoiceBar.Changed``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget


class ChoiceBar(Widget, can_focus=True):
    """Options shown side by side; one (or, with ``multi``, several) selected."""

    DEFAULT_CSS = """
    ChoiceBar { height: auto; width: 1fr; }
    ChoiceBar:focus { background: $boost; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", show=False),
        Binding("right", "move(1)", show=False),
        Binding("space,enter", "pick", show=False),
        Binding("backspace,delete", "clear", show=False),
    ]

    class Changed(Message):
        """An option was picked or toggled (``on`` False when it was switched off)."""

        def __init__(self, bar: ChoiceBar, value: str | None, on: bool) -> None:
            super().__init__()
            self.bar = bar
            self.value = value
            self.on = on

        @property
        def control(self) -> ChoiceBar:
            return self.bar

    def __init__(
        self,
        label: str = "",
        options: Sequence[tuple[str, str]] = (),
        *,
        multi: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self.options: list[tuple[str, str]] = list(options)
        self.multi = multi
        self.selected: set[str] = set()
        self.cursor = 0

    def set_options(
        self, options: Sequence[tuple[str, str]], selected: Iterable[str] = (), label: str = ""
    ) -> None:
        """Replace the options (e.g. for another question) without sending Changed."""
        if label:
            self.label = label
        if list(options) != self.options:
            self.options = list(options)
            self.cursor = 0
        self.selected = set(selected)
        self.refresh(layout=True)

    def set_selected(self, selected: Iterable[str]) -> None:
        """Show these values as selected (without sending Changed)."""
        values = set(selected)
        if values != self.selected:
            self.selected = values
            self.refresh()

    def render(self) -> Text:
        text = Text(no_wrap=False, overflow="fold")
        if self.label:
            text.append(self.label + " ", style="bold")
        for index, (value, label) in enumerate(self.options):
            on = value in self.selected
            marks = ("[x] ", "[ ] ") if self.multi else ("(•) ", "( ) ")
            mark = marks[0] if on else marks[1]
            style = "bold reverse" if on and not self.multi else ("bold" if on else "")
            if self.has_focus and index == self.cursor:
                style += " underline"
            text.append(mark + label, style=style.strip())
            text.append("  ")
        return text

    def action_move(self, step: int) -> None:
        if self.options:
            self.cursor = (self.cursor + step) % len(self.options)
            self.refresh()

    def action_pick(self) -> None:
        if not self.options:
            return
        value = self.options[self.cursor][0]
        if self.multi:
            on = value not in self.selected
            self.selected ^= {value}
        else:
            on = True
            self.selected = {value}
        self.refresh()
        self.post_message(self.Changed(self, value, on))

    def action_clear(self) -> None:
        if not self.multi and self.selected:
            self.selected = set()
            self.refresh()
            self.post_message(self.Changed(self, None, False))

    def on_click(self, event) -> None:  # mouse optional: a click picks the option under it
        offset = len(self.label) + 1 if self.label else 0
        for index, (_value, label) in enumerate(self.options):
            width = 4 + len(label) + 2
            if offset <= event.x < offset + width:
                self.cursor = index
                self.action_pick()
                return
            offset += width

    def on_key(self, event) -> None:
        """Characters belong to the bar while it has focus: type-ahead, else a bell."""
        if not event.is_printable or event.character is None or event.key == "space":
            return
        event.stop()
        event.prevent_default()
        letter = event.character.casefold()
        count = len(self.options)
        for step in range(1, count + 1):
            index = (self.cursor + step) % count
            if self.options[index][1].casefold().startswith(letter):
                self.cursor = index
                self.refresh()
                return
        self.app.bell()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
