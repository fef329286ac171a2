"""The introduction: the script to read aloud in large text and the consent checklist.

``space`` ticks the focused checklist item; ``ctrl+s`` starts the clock, which the recorder
allows only when every required item is ticked (or consent was obtained in advance).

With a pending session (``interviewer run``) the screen is drawn from the protocol's
``IntroductionView`` before the session exists; once drawn it asks the app to create the
session; keys pressed until then are held by the app (``InterviewerApp.open_pending``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from interviewer.protocol.view import IntroductionView, view_of
from interviewer.tui.bindings import QUIT, Key, bindings
from interviewer.tui.host import HostScreen
from interviewer.tui.widgets.checklist import Checklist
from interviewer.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from interviewer.tui.live import LiveSession
    from interviewer.tui.pending import PendingSession


class IntroductionScreen(HostScreen[None]):
    """See the module docstring."""

    KEYS = (
        Key("space", "toggle_item", "tui.key.toggle", priority=False),
        Key("ctrl+s", "start", "tui.key.start"),
        QUIT,
    )
    BINDINGS = bindings(KEYS)
    KEYS_IN_TURN = True
    """Keys are handled strictly in order here (see ``InterviewerApp``): ``ctrl+s`` is a
    priority key and would otherwise overtake a ``space`` typed just before it."""

    def _shown(self) -> tuple[IntroductionView, str, str, list[str], set[str]]:
        """What is shown: the view, case, respondent, participant codes, ticked item ids."""
        live = self.app.live
        if live is None:  # the session is created after the first frame
            pending = self._pending
            return pending.view, pending.case, pending.respondent, list(pending.participants), set()
        session = live.session
        return (
            view_of(session.protocol),
            session.case,
            session.respondent,
            [p.code for p in session.participants],
            {c.item_id for c in session.consent},
        )

    def compose(self) -> ComposeResult:
        t = self.app.t
        view, case, respondent, participants, ticked = self._shown()
        self._view = view
        yield Static(self._heading(view, case, respondent, participants), id="intro-heading")
        with VerticalScroll(id="intro-script"):
            script = Text()
            for paragraph in view.paragraphs:
                script.append(paragraph + "\n\n")
            yield Static(script or t("tui.intro.no_script"), id="script")
        with Vertical(id="intro-consent"):
            yield Static(t("tui.intro.checklist"), classes="section-title")
            yield Checklist(
                *[
                    Selection(
                        item.label + (" *" if item.required else ""), item.id, item.id in ticked
                    )
                    for item in view.checklist
                ],
                id="checklist",
            )
            yield Static(id="intro-status")
        yield KeyFooter()

    def _heading(
        self, view: IntroductionView, case: str, respondent: str, participants: list[str]
    ) -> Text:
        t = self.app.t
        text = Text()
        text.append(" " + view.title + " ", style="bold reverse")
        text.append("  " + t("tui.intro.who", case=case, respondent=respondent))
        if participants:
            text.append("  " + ", ".join(participants))
        return text

    def on_mount(self) -> None:
        self._focus_checklist()
        self.call_after_refresh(self._after_first_frame)

    def _focus_checklist(self) -> None:
        self.query_one("#checklist", SelectionList).focus()
        self.update_status()

    async def _after_first_frame(self) -> None:
        if self.app.live is None:
            await self.app.open_pending()  # validates, creates and opens the session
        self._prepare_interview()

    def _prepare_interview(self) -> None:
        """Import the interview screen while the script is read (it is imported only when
        first needed, so the introduction is drawn sooner); ``ctrl+s`` then only builds it.
        Keys pressed meanwhile wait in the app's queue; nothing here changes the session."""
        import interviewer.tui.screens.interview  # noqa: F401

    async def session_ready(self) -> None:
        """The pending session is open: record what was ticked meanwhile (by mouse; keys
        waited) and show the fully loaded protocol's texts if they differ at all."""
        checklist = self.query(SelectionList)
        if not checklist:  # not composed yet: it will be from the open session
            return
        self._sync(checklist.first())
        live = cast("LiveSession", self.app.live)  # open_pending set it before calling this
        if view_of(live.session.protocol) != self._view:
            await self.recompose()
            self._focus_checklist()

    @property
    def _pending(self) -> PendingSession:
        """The session to create: while ``app.live`` is None, the app was started with one."""
        return cast("PendingSession", self.app.pending)

    def _advance_date(self) -> str | None:
        live = self.app.live
        if live is None:
            date = self._pending.advance_consent
            return None if date is None else date.isoformat()
        consent = live.session.advance_consent
        return None if consent is None else consent.obtained_on.isoformat()

    def _missing(self) -> list[str]:
        """Ids of required checklist items not ticked."""
        live = self.app.live
        if live is not None:
            return live.recorder.missing_consent()
        selected = set(self.query_one("#checklist", SelectionList).selected)
        return [i.id for i in self._view.checklist if i.required and i.id not in selected]

    def update_status(self) -> None:
        t = self.app.t
        status = self.query_one("#intro-status", Static)
        advance = self._advance_date()
        if advance is not None:
            status.update(Text(t("tui.intro.advance", date=advance), style="bold green"))
        elif missing := self._missing():
            items = ", ".join(self._view.label_of(i) for i in missing)
            status.update(Text(t("tui.intro.missing", items=items), style="bold yellow"))
        else:
            status.update(Text(t("tui.intro.ready"), style="bold green"))

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        self._sync(event.selection_list)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self._sync(event.selection_list)

    def _sync(self, checklist: SelectionList) -> None:
        if self.app.live is None:  # recorded by session_ready
            self.update_status()
            return
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
        from interviewer.domain.recorder import RecorderError

        live = self.app.live
        if live is None:  # only by mouse or palette before the session exists: not yet
            self.notify(self.app.t("tui.intro.cannot_start"), severity="warning")
            return
        # the checklist as it is now, even if its change messages are still queued
        self._sync(self.query_one("#checklist", SelectionList))
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
