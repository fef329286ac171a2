"""The introduction: the script to read aloud in large text and the consent checklist.

``space`` ticks the focused checklist item; ``ctrl+s`` starts the clock, which the recorder
allows only when every required item is ticked (or consent was obtained in advance).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from interviewer.domain.recorder import RecorderError
from interviewer.tui.bindings import QUIT, Key, bindings
from interviewer.tui.widgets.key_footer import KeyFooter


class IntroductionScreen(Screen[None]):
    """See the module docstring."""

    KEYS = (
        Key("space", "toggle_item", "tui.key.toggle", priority=False),
        Key("ctrl+s", "start", "tui.key.start"),
        QUIT,
    )
    BINDINGS = bindings(KEYS)

    def compose(self) -> ComposeResult:
        t = self.app.t
        session = self.app.live.session
        intro = session.protocol.introduction
        yield Static(self._heading(), id="intro-heading")
        with VerticalScroll(id="intro-script"):
            script = Text()
            for paragraph in intro.paragraphs():
                script.append(paragraph + "\n\n")
            yield Static(script or t("tui.intro.no_script"), id="script")
        with Vertical(id="intro-consent"):
            yield Static(t("tui.intro.checklist"), classes="section-title")
            ticked = {c.item_id for c in session.consent}
            yield SelectionList[str](
                *[
                    Selection(
                        item.label + (" *" if item.required else ""), item.id, item.id in ticked
                    )
                    for item in intro.checklist
                ],
                id="checklist",
            )
            yield Static(id="intro-status")
        yield KeyFooter()

    def _heading(self) -> Text:
        t = self.app.t
        session = self.app.live.session
        text = Text()
        text.append(" " + session.protocol.title + " ", style="bold reverse")
        text.append("  " + t("tui.intro.who", case=session.case, respondent=session.respondent))
        if session.participants:
            text.append("  " + ", ".join(p.code for p in session.participants))
        return text

    def on_mount(self) -> None:
        checklist = self.query_one("#checklist", SelectionList)
        checklist.focus()
        self.update_status()
        self.call_after_refresh(self._prepare_interview)

    def _prepare_interview(self) -> None:
        """Import the interview screen while the script is read (it is imported only when
        first needed, so the introduction is drawn sooner); ``ctrl+s`` then only builds it.
        Keys pressed meanwhile wait in the app's queue; nothing here changes the session."""
        import interviewer.tui.screens.interview  # noqa: F401

    def update_status(self) -> None:
        t = self.app.t
        recorder = self.app.live.recorder
        session = self.app.live.session
        status = self.query_one("#intro-status", Static)
        if session.advance_consent is not None:
            status.update(
                Text(
                    t("tui.intro.advance", date=session.advance_consent.obtained_on.isoformat()),
                    style="bold green",
                )
            )
        elif recorder.missing_consent():
            labels = {i.id: i.label for i in session.protocol.introduction.checklist}
            missing = ", ".join(labels[i] for i in recorder.missing_consent())
            status.update(Text(t("tui.intro.missing", items=missing), style="bold yellow"))
        else:
            status.update(Text(t("tui.intro.ready"), style="bold green"))

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        self._sync(event.selection_list)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self._sync(event.selection_list)

    def _sync(self, checklist: SelectionList) -> None:
        recorder = self.app.live.recorder
        selected = set(checklist.selected)
        for item in self.app.live.session.protocol.introduction.checklist:
            if item.id in selected:
                recorder.confirm_consent(item.id)
            else:
                recorder.unconfirm_consent(item.id)
        self.update_status()

    def action_toggle_item(self) -> None:
        checklist = self.query_one("#checklist", SelectionList)
        if checklist.highlighted is not None:
            checklist.toggle(checklist.get_option_at_index(checklist.highlighted).value)

    def action_start(self) -> None:
        live = self.app.live
        try:
            live.recorder.start()
        except RecorderError:
            self.update_status()
            self.notify(self.app.t("tui.intro.cannot_start"), severity="warning")
            return
        live.flush()
        self.app.show_session_screen()

    def palette_commands(self):
        t = self.app.t
        return [(t("tui.key.start"), "ctrl+s", self.action_start)]
