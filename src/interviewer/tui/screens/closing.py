"""The closing: closing questions with notes, the closing script, the closing fields, finish.

Closing fields (email addresses) go to the key record through the recorder and the store's
key file, never into the session. ``f10`` finishes the interview (after the coverage check
when something is missing, and a confirmation).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from interviewer.domain.recorder import RecorderError
from interviewer.i18n.errors import error_message
from interviewer.tui.bindings import QUIT, Key, bindings
from interviewer.tui.dialogs.confirm import ConfirmDialog
from interviewer.tui.dialogs.coverage_check import check_coverage
from interviewer.tui.screens.interview import InterviewScreen
from interviewer.tui.widgets.key_footer import KeyFooter
from interviewer.tui.widgets.pace_bar import PaceBar
from interviewer.tui.widgets.topic_list import TopicList


class ClosingScreen(InterviewScreen):
    """See the module docstring; shares the notes handling of the interview screen."""

    # The interview's keys, except that f10 now finishes the interview, and pause is not in
    # the footer (still on f5 and in the palette), so finish and quit fit in 80 columns.
    KEYS = (
        *(key for key in InterviewScreen.KEYS if key.key not in ("f5", "f10", QUIT.key)),
        Key("f5", "pause", "tui.key.pause", show=False),
        Key("f10", "finish", "tui.key.finish"),
        QUIT,
    )
    BINDINGS = bindings(KEYS)

    def compose(self) -> ComposeResult:
        t = self.app.t
        closing = self.live.session.protocol.closing
        key = self.live.recorder.key
        yield PaceBar(id="pace")
        with Horizontal(id="body"):
            yield TopicList(id="topics")
            with VerticalScroll(id="main"):
                yield from self.compose_question()
                if closing.script.strip():
                    yield Static(t("tui.closing.script"), classes="section-title")
                    script = Text()
                    for paragraph in closing.paragraphs():
                        script.append(paragraph + "\n\n")
                    yield Static(script, id="closing-script")
                if closing.fields:
                    yield Static(t("tui.closing.fields"), classes="section-title")
                for field in closing.fields:
                    yield Static(
                        field.label + (" 🔒" if field.personal else ""), classes="field-label"
                    )
                    yield Input(
                        key.fields.get(field.id, ""),
                        id=f"field-{field.id}",
                        classes="closing-field",
                    )
                yield Button(t("tui.closing.finish"), id="finish", variant="success")
        yield KeyFooter()

    def on_input_changed(self, event: Input.Changed) -> None:
        field_id = (event.input.id or "").removeprefix("field-")
        if not event.input.id or not event.input.id.startswith("field-"):
            return
        try:
            self.live.recorder.set_closing_field(field_id, event.value)
        except RecorderError as exc:
            self.notify(error_message(exc, self.app.lang), severity="warning")
        if self.live.key_error:
            self.notify(
                self.app.t("tui.closing.key_failed", error=self.live.key_error),
                severity="error",
            )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "finish":
            self.action_finish()

    def action_finish(self) -> None:
        """Finish after the coverage check (only when something is missing) and a
        confirmation: the respondent is still there to answer what was missed."""
        t = self.app.t

        def answer(yes: bool | None) -> None:
            if yes:
                self.app.finish_session()

        def confirm() -> None:
            self.app.push_screen(
                ConfirmDialog(t("tui.closing.confirm_finish"), t("tui.yes"), t("tui.no")), answer
            )

        check_coverage(self, "finish", confirm)

    def action_end(self) -> None:
        self.action_finish()
