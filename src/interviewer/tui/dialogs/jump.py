"""The jump list (ctrl+t): type the beginnings of words, ``enter`` to go to the question.

Matching is ``interviewer.domain.jump_search`` (word prefixes over topic titles,
characteristics and question texts). It runs in a thread worker, never on the UI thread, so
the clock, the save indicator and typing go on however long the protocol; each keystroke
starts a new search and the results of an older one are dropped when they arrive late. The
worker also builds the option labels, so the UI thread only swaps the list.

``enter`` always acts on what is in the filter: if the list still shows an older query's
results (keys arrive faster than searches), the current query is searched at once (a few
milliseconds) and its best match taken, so typed-then-enter never lands on a stale line.
``up``/``down`` move, ``escape`` cancels. Dismisses with a question id or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from interviewer.domain.jump_search import JumpIndex, JumpResult, JumpRow, browse
from interviewer.domain.navigation import JumpEntry
from interviewer.domain.protocol import QuestionKind
from interviewer.domain.session import QuestionState
from interviewer.i18n import Translator

STATE_MARKS = {
    QuestionState.ASKED: "✓",
    QuestionState.SKIPPED: "–",
    QuestionState.NOT_ASKED: "·",
}
KIND_MARKS = {QuestionKind.FOLLOW_UP: "↳ ", QuestionKind.PROBE: "? "}
MATCH_STYLE = "bold underline"


def _with_spans(text: str, spans: Sequence[tuple[int, int]], style: str) -> Text:
    out = Text(text, style=style)
    for start, end in spans:
        out.stylize(MATCH_STYLE, start, end)
    return out


def row_text(entry: JumpEntry, row: JumpRow, t: Translator, width: int = 0) -> Text:
    """One line of the list: a group header, or an indented question with its state marks.

    Headers: ``▶`` for the current topic, progress ``done/total``; dimmed when shown only as
    the context of matching questions. Questions: ``▸`` current, ``✓`` asked, ``–`` skipped,
    ``✎`` notes not yet marked asked, ``·`` open; ``↳`` follow-up, ``?`` probe. Matched
    words are underlined; a matched characteristic is named after the text.
    """
    if entry.is_header:
        title = entry.text if entry.kind == "topic" else t("tui.closing.title")
        style = "bold" if row.matched else "dim"
        text = Text("▶ " if entry.current else "■ ", style=style)
        spans = row.spans if entry.kind == "topic" else ()
        text.append_text(_with_spans(title, spans, style))
        text.append(f"  {entry.done}/{entry.total}", style="dim")
    else:
        mark = STATE_MARKS[entry.state]
        if entry.state is QuestionState.NOT_ASKED and entry.has_notes:
            mark = "✎"
        style = ""
        if entry.triggered:
            style = "yellow"
        elif not entry.relevant:
            style = "dim"
        if entry.current:
            style = (style + " bold").strip()
        prefix = "  ▸ " if entry.current else "    "
        kind = KIND_MARKS.get(entry.question_kind, "") if entry.question_kind else ""
        text = Text(f"{prefix}{mark} {kind}", style=style)
        text.append_text(_with_spans(entry.text, row.spans, style))
    if row.characteristic:
        text.append(f"  ◆ {row.characteristic}", style="dim italic")
    if width > 0 and text.cell_len > width:
        text.truncate(width - 1)
        text.append("…")
    return text


class JumpDialog(ModalScreen[str | None]):
    """Search the protocol and jump to a topic or question; see the module docstring."""

    DEFAULT_CSS = """
    JumpDialog .jump #choices { height: auto; max-height: 18; }
    JumpDialog #jump-status { color: $text-muted; margin: 1 0 0 0; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False),
        Binding("down", "move(1)", show=False, priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
        Binding("pagedown", "move(10)", show=False, priority=True),
        Binding("pageup", "move(-10)", show=False, priority=True),
    ]

    class Results(Message):
        """A search finished in the worker: its query number, result and built options."""

        def __init__(self, generation: int, result: JumpResult, options: list[Option]) -> None:
            super().__init__()
            self.generation = generation
            self.result = result
            self.options = options

    def __init__(self, entries: Sequence[JumpEntry], t: Translator) -> None:
        super().__init__()
        self.entries: tuple[JumpEntry, ...] = tuple(entries)
        self.t = t
        self._index: JumpIndex | None = None
        self._generation = 0
        self._shown: JumpResult | None = None

    @property
    def shown_query(self) -> str | None:
        """The query whose results the list shows (None before the first is shown)."""
        return self._shown.query if self._shown is not None else None

    @property
    def shown_rows(self) -> int:
        """How many lines the list shows."""
        return len(self._shown.rows) if self._shown is not None else 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick jump"):
            yield Static(self.t("tui.jump.title"), classes="dialog-title")
            yield Input(placeholder=self.t("tui.jump.search"), id="filter")
            yield OptionList(id="choices")
            yield Static("", id="jump-status")

    def on_mount(self) -> None:
        result = browse(self.entries)
        self._show(result, self._options(result, self._width()))
        self.query_one("#filter", Input).focus()

    def index(self) -> JumpIndex:
        """The search index, built on first use (in the worker, or by ``enter`` if first)."""
        if self._index is None:
            self._index = JumpIndex(self.entries)
        return self._index

    def _width(self) -> int:
        """Room for a line in the list (before the first layout: from the screen width)."""
        width = self.query_one("#choices", OptionList).scrollable_content_region.width
        return width if width > 0 else max(20, min(86, self.app.size.width * 8 // 10) - 6)

    def _options(self, result: JumpResult, width: int) -> list[Option]:
        return [
            Option(row_text(self.entries[row.index], row, self.t, width), id=str(row.index))
            for row in result.rows
        ]

    def _search(self, generation: int, query: str, width: int) -> None:
        """Worker thread: search, build the lines, hand them to the UI thread."""
        result = self.index().rows(query)
        options = self._options(result, width)
        if generation == self._generation:  # a newer key makes this one moot
            self.post_message(self.Results(generation, result, options))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._generation += 1
        generation, query, width = self._generation, event.value, self._width()
        self.run_worker(
            lambda: self._search(generation, query, width),
            name="jump-search",
            group="jump-search",
            exclusive=True,
            thread=True,
        )

    def on_jump_dialog_results(self, message: Results) -> None:
        if message.generation == self._generation:
            self._show(message.result, message.options)

    def _show(self, result: JumpResult, options: list[Option]) -> None:
        choices = self.query_one("#choices", OptionList)
        choices.set_options(options)
        if result.best is not None:
            choices.highlighted = result.best
        self._shown = result
        status = self.query_one("#jump-status", Static)
        if not result.query.strip():
            status.update(self.t("tui.jump.hint"))
        elif result.matches:
            status.update(self.t("tui.jump.found", count=result.matches))
        else:
            status.update(self.t("tui.jump.none", query=result.query.strip()))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        query = self.query_one("#filter", Input).value
        if self._shown is None or self._shown.query != query:
            # Keys outran the worker: decide on what was typed, not on what is shown.
            result = self.index().rows(query) if query.strip() else browse(self.entries)
            if result.best is not None:
                self.dismiss(self.entries[result.rows[result.best].index].question_id)
            return
        choices = self.query_one("#choices", OptionList)
        if choices.highlighted is not None:
            option = choices.get_option_at_index(choices.highlighted)
            self.dismiss(self.entries[int(option.id or 0)].question_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.entries[int(event.option.id or 0)].question_id)

    def action_move(self, step: int) -> None:
        choices = self.query_one("#choices", OptionList)
        if choices.option_count:
            current = choices.highlighted if choices.highlighted is not None else -1
            choices.highlighted = max(0, min(choices.option_count - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)
