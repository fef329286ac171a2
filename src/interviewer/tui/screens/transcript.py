"""The recording's verbatim transcript beside the notes: read both, move segments, nudge the offset.

Left: the questions in the order the interview went, each with the segments spoken while it
was on screen (recording stamp, speaker, text; moved segments marked). Right: the notes of the
question in focus, read-only. ``m`` moves the selected segment to another question or
variable, ``u`` lets it follow the timeline again, ``,``/``.`` and ``<``/``>`` nudge the offset
by 0.5 s and 5 s (segments are re-placed at once, moves stay), ``s`` saves (leaving saves too).
Letters are safe: there is no text editor on this screen. All logic is in
``interviewer.transcript``; the rows and texts are built in ``interviewer.tui.verbatim``.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from interviewer.domain.session import Session
from interviewer.i18n.errors import error_message
from interviewer.transcript import (
    AlignedSegment,
    Target,
    Transcript,
    TranscriptError,
    TranscriptStore,
    align,
    target_title,
)
from interviewer.transcript.service import (
    move_segment,
    nudge_offset,
    resolve_target,
    unmove_segment,
)
from interviewer.tui.bindings import QUIT, Key, bindings, localized
from interviewer.tui.host import HostScreen
from interviewer.tui.verbatim import Row, move_choices, notes_text, row_text, verbatim_rows
from interviewer.tui.widgets.key_footer import KeyFooter


class TranscriptScreen(HostScreen[None]):
    """See the module docstring. ``transcript`` is loaded from the data folder when None."""

    DEFAULT_CSS = """
    TranscriptScreen #verbatim-head {
        height: 2; background: $panel; text-wrap: nowrap; text-overflow: ellipsis;
    }
    TranscriptScreen #verbatim-body { height: 1fr; }
    TranscriptScreen #verbatim-list { width: 3fr; height: 1fr; border: none; }
    TranscriptScreen #verbatim-side {
        width: 2fr; height: 1fr; padding: 0 1; border-left: vkey $primary-muted;
    }
    TranscriptScreen #verbatim-empty { padding: 1 2; }
    """

    KEYS = (
        Key("m", "move", "verbatim.key.move", priority=False),
        Key("u", "unmove", "verbatim.key.unmove", priority=False),
        Key("comma", "nudge(-0.5)", "verbatim.key.earlier", priority=False),
        Key("full_stop", "nudge(0.5)", "verbatim.key.later", priority=False),
        Key("less_than_sign", "nudge(-5)", "verbatim.key.earlier_more", priority=False),
        Key("greater_than_sign", "nudge(5)", "verbatim.key.later_more", priority=False),
        Key("s", "save", "verbatim.key.save", priority=False),
        Key("escape", "back", "verbatim.key.back"),
        QUIT,
    )
    BINDINGS = bindings(KEYS)

    def __init__(self, session: Session, transcript: Transcript | None = None) -> None:
        super().__init__()
        self.session = session
        self.transcript = transcript
        self.error: str | None = None
        self.rows: list[Row] = []
        self.dirty = False
        self.changed: int | None = None
        self.shown_target: Target | None = None
        self.shape: tuple[int, list] | None = None

    # --- building ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(id="verbatim-head")
        if self.transcript is None:
            try:
                self.transcript = TranscriptStore(self._data_dir()).load(self.session.id)
            except TranscriptError as exc:
                self.error = error_message(exc, self.app.lang)
        if self.transcript is None:
            yield Static(self._missing_text(), id="verbatim-empty")
        else:
            with Horizontal(id="verbatim-body"):
                yield OptionList(id="verbatim-list")
                with VerticalScroll(id="verbatim-side"):
                    yield Static(id="verbatim-notes")
        yield KeyFooter()

    def _data_dir(self) -> Any:
        return getattr(self.app.store, "data_dir", None)

    def _missing_text(self) -> str:
        t = self.app.t
        store = TranscriptStore(self._data_dir())
        if self.error and store.exists(self.session.id):
            return t("verbatim.error", error=self.error)
        return t("verbatim.none", id=self.session.id)

    def on_mount(self) -> None:
        self.refresh_rows()
        if self.transcript is not None:
            self.query_one("#verbatim-list", OptionList).focus()

    def refresh_rows(self, keep: str | None = None) -> None:
        """Re-align and redraw the list, keeping the selection on ``keep`` (an option id)."""
        self._draw_head()
        if self.transcript is None:
            return
        options = self.query_one("#verbatim-list", OptionList)
        was = options.highlighted or 0
        if keep is None and was < len(self.rows):
            keep = self.rows[was].option_id
        rows = verbatim_rows(self.session, self.transcript)
        width = options.scrollable_content_region.width - 2  # the options' padding
        shape = (width, [(r.option_id, r.target, r.context, r.item and r.item.moved) for r in rows])
        if shape == self.shape:  # nothing changed place: keep the list as it is
            self.rows = rows
            self._draw_notes()
            return
        self.rows, self.shape = rows, shape
        options.clear_options()
        options.add_options(
            [Option(row_text(self.session, r, self.app.t, width), id=r.option_id) for r in rows]
        )
        ids = [row.option_id for row in self.rows]
        if self.rows:
            options.highlighted = ids.index(keep) if keep in ids else min(was, len(ids) - 1)
        self._draw_notes()

    def on_resize(self) -> None:
        self.call_after_refresh(self.refresh_rows)  # re-wrap the segments to the new width

    def _draw_head(self) -> None:
        t = self.app.t
        s = self.session
        who = Text()
        who.append(f" {t('verbatim.title')} ", style="bold reverse")
        who.append(f"  {s.protocol.title}  ", style="bold")
        who.append(t("verbatim.who", case=s.case, respondent=s.respondent, date=s.date))
        status = Text("\n ")
        if self.transcript is not None:
            tr = self.transcript
            offset = f"{tr.offset:.1f}"
            if self.app.lang == "nl":
                offset = offset.replace(".", ",")
            status.append(
                t("verbatim.status", offset=offset, count=len(tr.segments), moved=len(tr.moves)),
                style="bold",
            )
            state = t("verbatim.unsaved") if self.dirty else t("verbatim.saved_state")
            status.append(f" · {state}", style="bold yellow" if self.dirty else "dim")
            if self.changed is not None:
                status.append(" · " + t("verbatim.changed", changed=self.changed), style="dim")
        self.query_one("#verbatim-head", Static).update(who + status)

    # --- the notes of the question in focus -----------------------------------------------------
    def current_row(self) -> Row | None:
        if self.transcript is None:
            return None
        options = self.query_one("#verbatim-list", OptionList)
        if options.highlighted is None or options.highlighted >= len(self.rows):
            return None
        return self.rows[options.highlighted]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._draw_notes()

    def _draw_notes(self) -> None:
        row = self.current_row()
        pane = self.query_one("#verbatim-notes", Static)
        if row is None or self.transcript is None:
            return
        pane.update(notes_text(self.session, self.transcript, row, self.app.t))
        if row.target != self.shown_target:  # another question: its notes from the top
            self.shown_target = row.target
            self.query_one("#verbatim-side", VerticalScroll).scroll_home(animate=False)

    # --- actions --------------------------------------------------------------------------------
    def _selected_segment(self) -> AlignedSegment | None:
        row = self.current_row()
        if row is None or row.item is None:
            if self.transcript is not None:
                self.notify(self.app.t("verbatim.pick_segment"), severity="warning")
            return None
        return row.item

    def action_move(self) -> None:
        from interviewer.tui.dialogs.pick import PickDialog

        item = self._selected_segment()
        if item is None:
            return
        t = self.app.t
        choices = move_choices(self.session.protocol, t)

        def chosen(value: str | None) -> None:
            if value is None or self.transcript is None:
                return
            try:
                target = resolve_target(self.session.protocol, value)
                move_segment(self.transcript, item.number, target)
            except TranscriptError as exc:
                self.notify(error_message(exc, self.app.lang), severity="error")
                return
            self._changed(f"s{item.number}")
            title = target_title(self.session.protocol, target, self.app.lang)
            self.notify(t("verbatim.move.done", number=item.number, target=title))

        self.app.push_screen(
            PickDialog(
                t("verbatim.move.title", number=item.number),
                choices,
                t("verbatim.move.placeholder"),
            ),
            chosen,
        )

    def action_unmove(self) -> None:
        item = self._selected_segment()
        if item is None or self.transcript is None:
            return
        t = self.app.t
        if not unmove_segment(self.transcript, item.number):
            self.notify(t("verbatim.unmove.not_moved", number=item.number), severity="warning")
            return
        self._changed(f"s{item.number}")
        placed = align(self.session, self.transcript)[item.number - 1]
        title = target_title(self.session.protocol, placed.target, self.app.lang)
        self.notify(t("verbatim.unmove.done", number=item.number, target=title))

    def action_nudge(self, delta: float) -> None:
        if self.transcript is None:
            return
        before = [a.target for a in align(self.session, self.transcript)]
        try:
            nudge_offset(self.transcript, delta)
        except TranscriptError as exc:
            self.notify(error_message(exc, self.app.lang), severity="error")
            return
        after = [a.target for a in align(self.session, self.transcript)]
        self.changed = sum(1 for a, b in zip(before, after, strict=True) if a != b)
        self._changed()

    def _changed(self, keep: str | None = None) -> None:
        self.dirty = True
        self.refresh_rows(keep)

    def action_save(self) -> bool:
        """Write the transcript when it changed; False (and a message) when that failed."""
        if self.transcript is None or not self.dirty:
            return True
        try:
            TranscriptStore(self._data_dir()).save(self.transcript)
        except (TranscriptError, OSError) as exc:
            self.notify(self.app.t("verbatim.save_failed", error=exc), severity="error")
            return False
        self.dirty = False
        self._draw_head()
        self.notify(self.app.t("verbatim.saved"))
        return True

    def action_back(self) -> None:
        if not self.action_save():
            return
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()

    def on_unmount(self) -> None:
        # ctrl+q, a signal or the app closing: whatever changed is written before it goes.
        if self.dirty and self.transcript is not None:
            try:
                TranscriptStore(self._data_dir()).save(self.transcript)
            except (TranscriptError, OSError) as exc:
                self.app.exit_message = self.app.t("verbatim.save_failed", error=exc)

    def palette_commands(self):
        t = self.app.t
        commands = [
            (t("verbatim.cmd.move"), "m", self.action_move),
            (t("verbatim.cmd.unmove"), "u", self.action_unmove),
        ]
        for key, delta in ((",", -0.5), (".", 0.5), ("<", -5.0), (">", 5.0)):
            commands.append(
                (
                    t("verbatim.cmd.nudge", delta=f"{delta:+g}"),
                    key,
                    lambda d=delta: self.action_nudge(d),
                )
            )
        commands.append((t("verbatim.cmd.save"), "s", self.action_save))
        return commands


def open_transcript_screen(
    app: Any, session: Session, transcript: Transcript | None = None
) -> None:
    """Push the transcript screen for ``session`` (the review screen's ``v``)."""
    app.push_screen(localized(TranscriptScreen, app.lang)(session, transcript))
