"""Export a session from the home list: pick a format and a folder; the export runs in a
worker thread through ``interviewer.export.registry`` with the options the CLI uses
(``membercheck.exporting.export_options``), and the dialog reports the path."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from interviewer import debug_log, paths
from interviewer.i18n.errors import error_message
from interviewer.tui.host import HostModal

TEXT_SOURCES = ("notes", "bracket", "maxqda", "none")
"""Notes only, or the verbatim transcript with one of the time stamp styles of the CLI."""


class ExportDialog(HostModal[None]):
    """See the module docstring. Case and project formats take the session's whole case."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", show=False)]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id

    def compose(self) -> ComposeResult:
        from interviewer.export.registry import FORMATS, format_label

        t = self.app.t
        with Vertical(classes="dialog export"):
            yield Static(t("tui.export.title"), classes="dialog-title")
            yield OptionList(
                *[
                    Option(f"{name:<16} {format_label(name, self.app.lang)}", id=name)
                    for name in FORMATS
                ],
                id="formats",
            )
            yield Static(t("tui.export.source"), classes="field-label")
            yield Select(
                [(t(f"tui.export.source.{key}"), key) for key in TEXT_SOURCES],
                value="notes",
                allow_blank=False,
                id="source",
                compact=True,
            )
            yield Static(t("tui.export.folder"), classes="field-label")
            yield Input(str(paths.default_export_dir()), id="folder", compact=True)
            yield Static(id="export-result")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.export.run"), id="run", variant="success")
                yield Button(t("tui.export.close"), id="close")

    def on_mount(self) -> None:
        formats = self.query_one("#formats", OptionList)
        formats.highlighted = 0
        formats.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#folder", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.start_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "run":
            self.start_export()
        else:
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

    def start_export(self) -> None:
        formats = self.query_one("#formats", OptionList)
        if formats.highlighted is None:
            return
        fmt = formats.get_option_at_index(formats.highlighted).id or ""
        folder = Path(self.query_one("#folder", Input).value.strip() or ".").expanduser()
        source = str(self.query_one("#source", Select).value)
        self.query_one("#export-result", Static).update(self.app.t("tui.export.running"))
        self.export(fmt, folder, source)

    @work(thread=True, exit_on_error=False)
    def export(self, fmt: str, folder: Path, source: str = "notes") -> None:
        """Load the sessions and write the export (in a thread); report the result.

        The options come from ``membercheck.exporting.export_options``, as in the CLI: the
        study's replacement list, the accepted final texts and the approval states.
        """
        from interviewer.export.options import ExportOptions
        from interviewer.export.registry import get_format, write_export
        from interviewer.membercheck.exporting import CODING_FORMATS, export_options, not_ready
        from interviewer.membercheck.storage import ApprovalBook

        store = self.app.store
        t = self.app.t
        try:
            session = store.load(self.session_id)
            sessions = [session]
            if get_format(fmt).scope != "session":
                sessions = [store.load(s.id) for s in store.list(case=session.case)]
            # the documents speak the session's language (i18n.document_language), never
            # the interface's: no ``lang`` here, as in the CLI
            options = export_options(store.data_dir, sessions, ExportOptions())
            if source != "notes":
                options = _with_verbatim(store.data_dir, sessions, fmt, options, source)
            pending = (
                not_ready(ApprovalBook(store.data_dir), sessions) if fmt in CODING_FORMATS else []
            )
            written = write_export(sessions, fmt, folder, options)
            text = t("tui.export.done", paths=", ".join(str(p) for p in written))
            if pending:
                codes = ", ".join(item.session.respondent for item in pending)
                text += "\n" + t("tui.export.not_ready", count=len(pending), codes=codes)
            ok = True
        except Exception as exc:  # ExportError, store and approval errors: one line here
            debug_log.record(exc, "export dialog: export")
            lines = error_message(exc, self.app.lang).splitlines()
            text = t("tui.export.failed", error=lines[0] if lines else type(exc).__name__)
            ok = False
        self.app.call_from_thread(self.show_result, text, ok)

    def show_result(self, text: str, ok: bool) -> None:
        result = self.query_one("#export-result", Static)
        result.update(text)
        result.set_class(not ok, "error")


def _with_verbatim(data_dir: Path, sessions: list[Any], fmt: str, options: Any, source: str) -> Any:
    """The CLI's ``--verbatim --stamps`` for the dialog; ValueError names a missing transcript."""
    import dataclasses

    from interviewer.export.verbatim import VERBATIM_FORMATS, missing_transcript, verbatim_options
    from interviewer.i18n import document_language

    style = None if source == "none" else source
    options = verbatim_options(data_dir, sessions, dataclasses.replace(options, stamps=style))
    if fmt in VERBATIM_FORMATS:
        for session in sessions:
            if session.id not in (options.transcripts or {}):
                raise ValueError(missing_transcript(session, document_language(session)))
    return options
