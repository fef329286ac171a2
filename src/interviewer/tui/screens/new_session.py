"""The "new session" form: protocol, case, respondent code (next free one suggested), role,
interviewer, mode with participant codes, consent obtained in advance. ``ctrl+s`` creates
the session and opens its introduction."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Select, Static

from interviewer import debug_log
from interviewer.i18n.errors import error_message
from interviewer.respondent_codes import RespondentCodes
from interviewer.tui.bindings import QUIT, Key, bindings
from interviewer.tui.host import HostScreen
from interviewer.tui.sources import ProtocolChoice, ProtocolLoadError
from interviewer.tui.start import new_live_session
from interviewer.tui.widgets.choice_bar import ChoiceBar
from interviewer.tui.widgets.key_footer import KeyFooter


class NewSessionScreen(HostScreen[None]):
    """See the module docstring."""

    KEYS = (
        Key("ctrl+s", "create", "tui.key.create"),
        Key("escape", "cancel", "tui.key.cancel"),
        QUIT,
    )
    BINDINGS = bindings(KEYS)

    def __init__(self, protocols: list[ProtocolChoice], selected: ProtocolChoice | None) -> None:
        super().__init__()
        self.protocols = [p for p in protocols if p.error is None]
        self.selected = selected if selected and selected.error is None else None
        self._suggested = ""

    def compose(self) -> ComposeResult:
        t = self.app.t
        with VerticalScroll(id="form"):
            yield Static(t("tui.new.title"), classes="section-title")
            yield Static(t("tui.new.protocol"), classes="field-label")
            yield Select(
                [(p.title, str(p.path)) for p in self.protocols],
                value=str(self.selected.path) if self.selected else Select.BLANK,
                id="protocol",
                compact=True,
            )
            for name in ("case", "respondent", "role", "interviewer"):
                yield Static(t(f"tui.new.{name}"), classes="field-label")
                yield Input(id=name, compact=True)
            yield ChoiceBar(
                t("tui.new.mode"),
                [("individual", t("tui.new.individual")), ("group", t("tui.new.group"))],
                id="mode",
            )
            yield Static(t("tui.new.participants"), classes="field-label")
            yield Input(id="participants", placeholder="1.1, 1.2, 1.3", compact=True)
            yield Checkbox(t("tui.new.consent"), id="consent", compact=True)
            yield Static(id="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.new.start"), id="create", variant="success")
                yield Button(t("tui.key.cancel"), id="cancel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#mode", ChoiceBar).set_selected(["individual"])
        self.query_one("#case", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "case":
            self.suggest_code(event.value.strip())

    def suggest_code(self, case: str) -> None:
        """Put the next free respondent code of ``case`` in the respondent field."""
        respondent = self.query_one("#respondent", Input)
        if respondent.value and respondent.value != self._suggested:
            return
        if not case:
            return
        self._suggested = RespondentCodes.of(self.app.store.list()).next_free(case)
        respondent.value = self._suggested

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "create":
            self.action_create()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.app.pop_screen()

    def action_create(self) -> None:
        t = self.app.t
        error = self.query_one("#form-error", Static)
        value = self.query_one("#protocol", Select).value
        if value is Select.BLANK or not isinstance(value, str):
            error.update(t("tui.new.no_protocol"))
            return
        group = "group" in self.query_one("#mode", ChoiceBar).selected
        try:
            # the service ``run`` uses: one code per case, checked like ``run`` and ``import``
            live, _language = new_live_session(
                self.app.store,
                value,
                case=self.query_one("#case", Input).value.strip(),
                respondent=self.query_one("#respondent", Input).value.strip(),
                role=self.query_one("#role", Input).value,
                interviewer=self.query_one("#interviewer", Input).value,
                mode="group" if group else "individual",
                group=self.query_one("#participants", Input).value if group else None,
                consent_obtained=self.query_one("#consent", Checkbox).value,
                lang=self.app.explicit_lang,
                clock=self.app.clock,
                say_in=self.app.lang,
            )
            live.open()
        except (ValueError, ProtocolLoadError) as exc:
            error.update(error_message(exc, self.app.lang).splitlines()[0])
            return
        except Exception as exc:  # store errors: one line on screen
            debug_log.record(exc, "new session: action_create")
            said = error_message(exc, self.app.lang)
            error.update(
                type(exc).__name__ + ": " + said.splitlines()[0] if said else type(exc).__name__
            )
            return
        self.app.pop_screen()
        self.app.open_live(live)
