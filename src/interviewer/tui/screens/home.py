"""Home: sessions grouped by case (resume, open, export), protocols with an outline preview,
and a new session. Letters are safe here: there is no notes editor on this screen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from interviewer import debug_log
from interviewer.domain.codes import code_sort_key
from interviewer.domain.protocol import InterviewProtocol
from interviewer.i18n.errors import error_message
from interviewer.terminal_text import printable
from interviewer.tui.bindings import QUIT, Key, bindings, localized
from interviewer.tui.host import HostScreen
from interviewer.tui.sources import ProtocolChoice, ProtocolLoadError, list_protocols, load_protocol
from interviewer.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from interviewer.withdrawal import Kind


def _shown(text: object) -> str:
    """Data (a case name, a code, a path) for a message that reads markup: no control
    character reaches the terminal and ``[`` is never read as a style."""
    return escape(printable(text))


def _first_line(exc: BaseException, lang: str) -> str:
    """One line of an error for a notification, in the interface language when it has one."""
    said = error_message(exc, lang).strip()
    return said.splitlines()[0] if said else type(exc).__name__


def outline_text(protocol: InterviewProtocol, t) -> Text:
    """A protocol's outline for the preview: topics with minutes and question counts."""
    text = Text()
    text.append(protocol.title + "\n", style="bold")
    text.append(
        t(
            "tui.home.protocol_meta",
            language=protocol.language,
            minutes=f"{protocol.duration_minutes:g}",
            topics=len(protocol.topics),
        )
        + "\n\n",
        style="dim",
    )
    for topic in protocol.topics:
        minutes = f"{topic.minutes:g} min" if topic.minutes else ""
        text.append(f"• {topic.title}", style="bold")
        text.append(f"  {topic.variable}  {minutes}  {len(topic.questions)}q\n", style="dim")
    if protocol.closing.questions:
        text.append(
            f"• {t('tui.closing.title')}  {len(protocol.closing.questions)}q\n", style="bold"
        )
    return text


class HomeScreen(HostScreen[None]):
    """See the module docstring."""

    KEYS = (
        Key("n", "new", "tui.key.new", priority=False),
        Key("r", "resume", "tui.key.resume", priority=False),
        Key("o", "review", "tui.key.review", priority=False),
        Key("e", "export", "tui.key.export", priority=False),
        Key("a", "analyse", "analysis.tui.key.open", priority=False),
        Key("d", "remove", "tui.key.remove", priority=False),
        QUIT,
    )
    BINDINGS = bindings(KEYS)

    def compose(self) -> ComposeResult:
        t = self.app.t
        yield Static(
            Text(" interviewer ", style="bold reverse") + Text("  " + t("tui.home.hint")),
            id="home-title",
        )
        with Horizontal(id="home-body"):
            with Vertical(id="sessions-pane"):
                yield Static(t("tui.home.sessions"), classes="section-title")
                yield OptionList(id="sessions")
            with Vertical(id="protocols-pane"):
                yield Static(t("tui.home.protocols"), classes="section-title")
                yield OptionList(id="protocols")
                with VerticalScroll(id="preview-scroll"):
                    yield Static(id="preview")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.protocols: list[ProtocolChoice] = list_protocols()
        self.reload()
        protocols = self.query_one("#protocols", OptionList)
        for choice in self.protocols:
            label = Text(choice.title)
            if choice.error:
                label.append("  ⚠", style="bold red")
            protocols.add_option(Option(label, id=str(choice.path)))
        if self.protocols:
            protocols.highlighted = 0
        self.call_after_refresh(self.reload)  # again once the list knows its width
        self.query_one("#sessions", OptionList).focus()

    def on_screen_resume(self) -> None:
        # back from a session screen that spoke the protocol's language
        self.app.use_language(self.app.home_language())
        self.reload()

    def reload(self) -> None:
        """Re-read the session list from the store."""
        t = self.app.t
        sessions = self.query_one("#sessions", OptionList)
        sessions.clear_options()
        width = sessions.scrollable_content_region.width
        self.summaries = {s.id: s for s in self.app.store.list()}
        overdue = self.overdue_ids(list(self.summaries.values()))
        newer_copies = self.newer_copy_ids()
        by_case: dict[str, list] = {}
        for summary in self.summaries.values():
            by_case.setdefault(summary.case, []).append(summary)
        if not by_case:
            sessions.add_option(Option(Text(t("tui.home.no_sessions"), style="dim"), disabled=True))
        for case in sorted(by_case):
            heading = Text(printable(case), style="bold underline")  # data: shown, not obeyed
            sessions.add_option(Option(heading, disabled=True))
            for s in sorted(by_case[case], key=lambda s: code_sort_key(s.respondent)):
                line = Text(f" {printable(s.respondent):<5} {s.date} ")
                if s.id in overdue:  # first on the line, so it is never cut off
                    line = Text("⚠ " + t("tui.home.overdue") + " ", style="bold red") + line
                if s.id in newer_copies:  # restore: interviewer resume ID --from-emergency
                    line = Text(t("store.emergency.home") + " ", style="bold red") + line
                style = "green" if s.status == "finished" else "bold yellow"
                line.append(t(f"tui.status.{s.status}"), style=style)
                line.append(f" {s.duration_minutes or 0:.0f}′ {s.words}w", style="dim")
                if width and line.cell_len > width:
                    line.truncate(width - 1)
                    line.append("…")
                sessions.add_option(Option(line, id=s.id))
        first = next(
            (
                i
                for i in range(sessions.option_count)
                if not sessions.get_option_at_index(i).disabled
            ),
            None,
        )
        if first is not None:
            sessions.highlighted = first

    def newer_copy_ids(self) -> set[str]:
        """Sessions with an emergency copy newer than their saved file (one folder scan)."""
        from interviewer.store.emergency import newer_emergency_copy, newest_emergency_copies

        store = self.app.store
        copies = newest_emergency_copies()
        return {
            sid
            for sid in copies
            if sid in self.summaries
            and newer_emergency_copy(sid, store.session_path(sid), copies) is not None
        }

    def overdue_ids(self, summaries: list) -> set[str]:
        """Sessions whose member-check deadline passed without a decision."""
        import datetime as dt

        from interviewer.membercheck.overview import overview_rows
        from interviewer.membercheck.storage import ApprovalBook

        data_dir = getattr(self.app.store, "data_dir", None)
        if data_dir is None or not summaries:
            return set()
        try:
            rows = overview_rows(summaries, ApprovalBook(data_dir), dt.date.today(), self.app.lang)
        except (OSError, ValueError) as exc:  # an unreadable record: said once, list still shown
            self.notify(
                self.app.t("tui.home.approvals_unreadable", error=str(exc).splitlines()[0]),
                severity="warning",
            )
            return set()
        return {row.session_id for row in rows if row.overdue}

    # --- selection ----------------------------------------------------------------------------
    def selected_session(self):
        sessions = self.query_one("#sessions", OptionList)
        if sessions.highlighted is None:
            return None
        option = sessions.get_option_at_index(sessions.highlighted)
        return self.summaries.get(option.id or "")

    def selected_protocol(self) -> ProtocolChoice | None:
        protocols = self.query_one("#protocols", OptionList)
        if protocols.highlighted is None or not self.protocols:
            return None
        return self.protocols[protocols.highlighted]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != "protocols":
            return
        choice = self.selected_protocol()
        preview = self.query_one("#preview", Static)
        if choice is None:
            return
        if choice.error:
            preview.update(Text(choice.error, style="bold red"))
            return
        try:
            preview.update(outline_text(load_protocol(choice.path), self.app.t))
        except ProtocolLoadError as exc:
            preview.update(Text(str(exc), style="bold red"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "sessions":
            summary = self.summaries.get(event.option.id or "")
            if summary is None:
                return
            if summary.status == "finished":
                self.action_review()
            else:
                self.action_resume()
        else:
            self.action_new()

    # --- actions ------------------------------------------------------------------------------
    def action_new(self) -> None:
        from interviewer.tui.screens.new_session import NewSessionScreen

        self.app.push_screen(
            localized(NewSessionScreen, self.app.lang)(self.protocols, self.selected_protocol())
        )

    def action_resume(self) -> None:
        summary = self.selected_session()
        if summary is None:
            return
        if summary.status == "finished":
            self.action_review()
            return
        if self.offer_emergency_copy(summary.id):
            return  # the dialog opens the session once answered
        self.open_session(summary.id)

    def offer_emergency_copy(self, session_id: str) -> bool:
        """When the session's emergency copy is newer than its saved file, ask whether to
        restore it first (both times named); True if the dialog was shown. Restoring takes
        the path of ``interviewer resume --from-emergency``: ``import_files`` with replace."""
        from interviewer.store.emergency import file_time, newer_emergency_copy, shown_time
        from interviewer.tui.dialogs.confirm import ConfirmDialog

        stored = self.app.store.session_path(session_id)
        newer = newer_emergency_copy(session_id, stored)
        if newer is None:
            return False
        path, when = newer
        try:
            stored_time = shown_time(file_time(stored))
        except OSError:
            stored_time = "-"
        t = self.app.t
        question = t(
            "store.emergency.offer",
            id=session_id,
            path=path,
            copy_time=shown_time(when),
            stored_time=stored_time,
        )

        def answer(restore: bool | None) -> None:
            if restore and not self.restore_copy(path):
                return
            self.open_session(session_id)

        keep = t("tui.home.emergency_keep")
        dialog = ConfirmDialog(question, t("tui.home.emergency_restore"), keep)
        self.app.push_screen(dialog, answer)
        return True

    def restore_copy(self, path: Path) -> bool:
        """Replace the stored session with the emergency copy at ``path``; says the outcome."""
        from interviewer.i18n.errors import render_values
        from interviewer.store.importing import import_files

        try:
            [outcome] = import_files(self.app.store, [path], replace=True)
        except Exception as exc:  # locked, disk: one line, the saved session stays
            self.notify(_first_line(exc, self.app.lang), severity="error")
            return False
        line = self.app.t(outcome.message, **render_values(outcome.values, self.app.lang))
        self.notify(line, severity="information" if outcome.ok else "error", timeout=15)
        self.reload()
        return outcome.ok

    def open_session(self, session_id: str) -> None:
        """Open and lock an unfinished session and show it; one line on screen if not."""
        from interviewer.tui.live import LiveSession

        try:
            session = self.app.store.load(session_id)
            live = LiveSession(
                self.app.store,
                session,
                key=self.app.store.load_key_for_interview(session_id),
                clock=self.app.clock,
            ).open()
        except Exception as exc:  # locked, corrupt, missing: one line on screen
            debug_log.record(exc, "home: action_resume")
            self.notify(
                self.app.t(
                    "tui.home.cannot_open",
                    error=_first_line(exc, self.app.lang),
                ),
                severity="error",
            )
            return
        live.recover()
        repair = live.recording_repair  # recordings a crash left: said, never in the way
        if repair is not None:
            if (repaired := repair.repaired_line(self.app.lang)) is not None:
                self.notify(repaired, timeout=15)
            for warning in repair.warning_lines(self.app.lang):
                self.notify(warning, severity="warning", timeout=30)
        self.app.open_live(live)

    def action_review(self) -> None:
        from interviewer.tui.screens.review import ReviewScreen

        summary = self.selected_session()
        if summary is None:
            return
        try:
            session = self.app.store.load(summary.id)
        except Exception as exc:
            debug_log.record(exc, "home: action_review")
            self.notify(_first_line(exc, self.app.lang), severity="error")
            return
        self.app.use_language(self.app.session_language(session))
        self.app.push_screen(localized(ReviewScreen, self.app.lang)(session))

    def action_analyse(self) -> None:
        """The analysis workspace of the highlighted session's case (its study)."""
        from interviewer.analysis_workspace import load_case_workspace
        from interviewer.tui.screens.analysis import AnalysisScreen

        summary = self.selected_session()
        if summary is None:
            self.notify(self.app.t("analysis.tui.home.no_session"), severity="warning")
            return
        try:
            store = self.app.store
            workspace = load_case_workspace(
                store, store.data_dir, summary.protocol_id, summary.case, lang=self.app.lang
            )
        except Exception as exc:  # unreadable sessions or approvals: one line, home stays
            debug_log.record(exc, "home: action_analyse")
            self.notify(_first_line(exc, self.app.lang), severity="error")
            return
        lang = self.app.session_language(workspace.protocol)
        if lang != self.app.lang:  # the approval states in the language the screen speaks
            workspace = load_case_workspace(
                store, store.data_dir, summary.protocol_id, summary.case, lang=lang
            )
        self.app.use_language(lang)
        self.app.push_screen(localized(AnalysisScreen, self.app.lang)(workspace))

    def action_export(self) -> None:
        from interviewer.tui.dialogs.export import ExportDialog

        summary = self.selected_session()
        if summary is None:
            self.notify(self.app.t("tui.home.pick_session"), severity="warning")
            return
        self.app.push_screen(ExportDialog(summary.id))

    def action_remove(self) -> None:
        """Withdraw or delete the selected session after asking (``interviewer.withdrawal``)."""
        from interviewer.tui.dialogs.remove_session import RemoveSessionDialog

        summary = self.selected_session()
        if summary is None:
            self.notify(self.app.t("tui.home.pick_session"), severity="warning")
            return
        count = self.recording_count(summary.id)
        question = self.app.t(
            "tui.remove.question.recordings" if count else "tui.remove.question",
            case=_shown(summary.case),
            respondent=_shown(summary.respondent),
            date=summary.date.isoformat(),
            count=count,
        )

        def answer(kind: Kind | None) -> None:
            if kind is not None:
                self.remove_session(summary.id, kind)

        self.app.push_screen(RemoveSessionDialog(question), answer)

    def recording_count(self, session_id: str) -> int:
        """The session's audio recordings (``<n>.wav``), which removal deletes as well: the
        question names them, as ``interviewer withdraw`` and ``delete`` do."""
        from interviewer.recording.writer import recordings_of

        try:
            return len(recordings_of(self.app.store.data_dir, session_id))
        except Exception as exc:  # an unreadable folder: the question without the count
            debug_log.record(exc, "home: recording_count")
            return 0

    def remove_session(self, session_id: str, kind: Kind) -> None:
        """Remove now (the store's lock refuses a session open elsewhere), then say which
        export files still hold the respondent."""
        from interviewer import paths
        from interviewer.withdrawal import plan_removal, remove_session
        from interviewer.withdrawal_exports import exports_mentioning

        t = self.app.t
        try:
            plan = plan_removal(self.app.store, session_id)
            result = remove_session(self.app.store, plan, kind)
        except Exception as exc:  # locked, damaged, disk: one line, nothing half-said
            debug_log.record(exc, "home: remove_session")
            self.notify(
                t("tui.remove.failed", error=_first_line(exc, self.app.lang)), severity="error"
            )
            return
        count = len(result.removed)
        shown = {"case": _shown(plan.case), "respondent": _shown(plan.respondent)}
        self.notify(t("tui.remove.done", count=count, **shown))
        hits = exports_mentioning(
            [paths.default_export_dir()], plan.session_id, plan.case, plan.respondent
        )
        if hits:
            files = ", ".join(_shown(hit.path) for hit in hits)
            self.notify(t("tui.remove.exports", files=files), severity="warning", timeout=30)
        self.reload()

    def palette_commands(self):
        t = self.app.t
        return [
            (t(k.message), k.key, lambda a=k.action: self.run_action(a))
            for k in self.KEYS
            if not k.action.startswith("app.")
        ]
