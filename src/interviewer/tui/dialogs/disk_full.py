"""Quitting while nothing could be saved anywhere: say why, and offer another folder or stay.

Shown instead of exiting when the last save failed and no emergency copy could be written:
exiting then would lose everything typed since the last good save. The interviewer types a
folder (a USB stick) and the notes are written there, or stays while the app keeps trying
to save in the background. Dismisses with the path of the copy, or None to stay.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from interviewer.tui.host import HostModal

WriteTo = Callable[[str], "Path | str"]
"""Writes the notes into the folder typed; returns the copy's path, or one line on failure."""


class DiskFullDialog(HostModal["Path | None"]):
    """See the module docstring. ``escape`` stays; ``enter`` in the field writes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "stay", show=False)]

    def __init__(self, message: str, write_to: WriteTo) -> None:
        super().__init__()
        self.message = message
        self.write_to = write_to

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog"):
            yield Static(self.message, id="disk-full-text", classes="dialog-text")
            yield Input(placeholder=t("tui.diskfull.placeholder"), id="disk-full-folder")
            yield Static("", id="disk-full-error", classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.diskfull.write"), variant="warning", id="write")
                yield Button(t("tui.diskfull.stay") + " (esc)", variant="primary", id="stay")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._write(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "write":
            self._write(self.query_one(Input).value)
        else:
            self.dismiss(None)

    def action_stay(self) -> None:
        self.dismiss(None)

    def _write(self, folder: str) -> None:
        outcome = self.write_to(folder)
        if isinstance(outcome, Path):
            self.dismiss(outcome)
        else:  # stays open with the reason: the interviewer may type another folder
            self.query_one("#disk-full-error", Static).update(outcome)
