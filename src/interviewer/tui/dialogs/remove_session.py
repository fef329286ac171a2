"""Withdraw or delete a session: a modal that says what goes and asks which of the two.

Dismisses with ``"withdraw"``, ``"delete"`` or None. Focus starts on Cancel and the home
key that opens it (``d``) does nothing here, so a double key press removes nothing; the
destructive choices have their own keys (``w``/Dutch ``t``, ``x``), named on the buttons.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from interviewer.tui.host import HostModal

if TYPE_CHECKING:
    from interviewer.withdrawal import Kind


class RemoveSessionDialog(HostModal["Kind | None"]):
    """See the module docstring; ``question`` is already translated."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(None)", show=False),
        Binding("w,t", "answer('withdraw')", show=False),
        Binding("x", "answer('delete')", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.remove.withdraw"), variant="error", id="withdraw")
                yield Button(t("tui.remove.delete"), variant="warning", id="delete")
                yield Button(t("tui.remove.cancel"), variant="primary", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id
        self.dismiss(
            "withdraw" if choice == "withdraw" else "delete" if choice == "delete" else None
        )

    def action_answer(self, value: Kind | None) -> None:
        self.dismiss(value)
