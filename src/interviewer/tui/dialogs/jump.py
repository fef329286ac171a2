"""The jump list (ctrl+t): type the beginnings of words, ``enter`` to go to the question.

Matching is ``interviewer.domain.jump_search`` (word prefixes over topic titles,
characteristics and question texts). It runs in a thread worker, never on the UI thread, so
the clock, the save indicator and typing go on however long the protocol; each keystroke
starts a new search and the results of an older one are dropped when they arrive late. The
list (``JumpList``) draws only its visible lines, so showing a result costs the UI thread
the same for a 40- or a 600-question protocol.

``enter`` always acts on what is in the filter: if the list still shows an older query's
results (keys arrive faster than searches), the current query is searched at once (a few
milliseconds) and its best match taken, so typed-then-enter never lands on a stale line.
``up``/``down`` move, ``escape`` cancels. Dismisses with a question id or None.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.screen import ModalScreen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, Static

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


class JumpList(ScrollView, can_focus=False):
    """The lines of the jump list, drawn only where visible.

    An ``OptionList`` measures every option on each change (hundreds of lines for a long
    protocol, tens of milliseconds on the UI thread per keystroke); this list holds the
    rows and builds the text of a line only when it is on screen, so swapping in a new
    result costs the same for 40 lines or 4,000.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"jump-list--cursor"}
    DEFAULT_CSS = """
    JumpList { height: auto; max-height: 18; overflow-x: hidden; }
    JumpList > .jump-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    """

    class Selected(Message):
        """A line was clicked: its row number."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: tuple[JumpRow, ...] = ()
        self._render_row: Callable[[JumpRow, int], Text] = lambda row, width: Text()
        self._highlighted: int | None = None
        self._cache: dict[tuple[int, bool, int], Strip] = {}

    @property
    def max_lines(self) -> int:
        """The most lines the list shows at once (its CSS max-height)."""
        max_height = self.styles.max_height
        return int(max_height.value) if max_height is not None and max_height.is_cells else 18

    @property
    def row_count(self) -> int:
        """How many lines the list holds (visible or not)."""
        return len(self._rows)

    @property
    def highlighted(self) -> int | None:
        """The row ``enter`` chooses."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, row: int | None) -> None:
        self._highlighted = row
        if row is not None:
            top = self.scroll_offset.y
            height = self.scrollable_content_region.height or 1
            if row < top:
                self.scroll_to(y=row, animate=False, immediate=True)
            elif row >= top + height:
                self.scroll_to(y=row - height + 1, animate=False, immediate=True)
        self.refresh()

    def row(self, number: int) -> JumpRow:
        """The row on line ``number``."""
        return self._rows[number]

    def set_rows(
        self,
        rows: Sequence[JumpRow],
        render: Callable[[JumpRow, int], Text],
        highlighted: int | None,
    ) -> None:
        """Show ``rows``; ``render`` makes a line's text (called for visible lines only)."""
        self._rows = tuple(rows)
        self._render_row = render
        self._cache.clear()
        before = self.virtual_size.height
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows))
        self.scroll_to(y=0, animate=False, immediate=True)
        self.highlighted = highlighted
        # Lay the dialog out again only when the list's height changes (it holds up to
        # max-height lines): a layout repaints the whole screen, not just the list.
        if min(before, self.max_lines) != min(len(self._rows), self.max_lines):
            self.refresh(layout=True)

    def plain_lines(self) -> list[str]:
        """Every line as plain text (what tests compare)."""
        return [self._render_row(row, 0).plain for row in self._rows]

    def render_line(self, y: int) -> Strip:
        number = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if number >= len(self._rows) or width <= 0:
            return Strip.blank(width, self.rich_style)
        cursor = number == self._highlighted
        key = (number, cursor, width)
        strip = self._cache.get(key)
        if strip is None:
            style = self.rich_style
            if cursor:
                style = style + self.get_component_rich_style("jump-list--cursor")
            text = self._render_row(self._rows[number], width)
            text.end = ""
            strip = (
                Strip(text.render(self.app.console)).adjust_cell_length(width).apply_style(style)
            )
            self._cache[key] = strip
        return strip

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        number = self.scroll_offset.y + offset.y
        if 0 <= number < len(self._rows):
            self.highlighted = number
            self.post_message(self.Selected(number))


class JumpDialog(ModalScreen[str | None]):
    """Search the protocol and jump to a topic or question; see the module docstring."""

    DEFAULT_CSS = """
    JumpDialog #jump-status { color: $text-muted; margin: 1 0 0 0; height: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False),
        Binding("down", "move(1)", show=False, priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
        Binding("pagedown", "move(10)", show=False, priority=True),
        Binding("pageup", "move(-10)", show=False, priority=True),
    ]

    class Results(Message):
        """A search finished in the worker: its query number and result."""

        def __init__(self, generation: int, result: JumpResult) -> None:
            super().__init__()
            self.generation = generation
            self.result = result

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
        with Vertical(classes="dialog jump"):
            yield Static(self.t("tui.jump.title"), classes="dialog-title")
            yield Input(placeholder=self.t("tui.jump.search"), id="filter")
            yield JumpList(id="choices")
            yield Static("", id="jump-status")

    def on_mount(self) -> None:
        self._show(browse(self.entries))
        self.query_one("#filter", Input).focus()
        # Build the index before the first key needs it, off the UI thread.
        self.run_worker(self.index, name="jump-index", thread=True)

    def index(self) -> JumpIndex:
        """The search index, built on first use (in a worker, or by ``enter`` if first)."""
        if self._index is None:
            self._index = JumpIndex(self.entries)
        return self._index

    def _line(self, row: JumpRow, width: int) -> Text:
        return row_text(self.entries[row.index], row, self.t, width)

    def _search(self, generation: int, query: str) -> None:
        """Worker thread: search, and hand the result to the UI thread unless outdated."""
        result = self.index().rows(query)
        if generation == self._generation:  # a newer key makes this one moot
            self.post_message(self.Results(generation, result))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._generation += 1
        generation, query = self._generation, event.value
        self.run_worker(
            lambda: self._search(generation, query),
            name="jump-search",
            group="jump-search",
            exclusive=True,
            thread=True,
        )

    def on_jump_dialog_results(self, message: Results) -> None:
        if message.generation == self._generation:
            self._show(message.result)

    def _show(self, result: JumpResult) -> None:
        self.query_one("#choices", JumpList).set_rows(result.rows, self._line, result.best)
        self._shown = result
        if not result.query.strip():
            status = self.t("tui.jump.hint")
        elif result.matches:
            status = self.t("tui.jump.found", count=result.matches)
        else:
            status = self.t("tui.jump.none", query=result.query.strip())
        # Fixed height, so no layout: a layout repaints the whole screen on every key.
        self.query_one("#jump-status", Static).update(status, layout=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        query = self.query_one("#filter", Input).value
        if self._shown is None or self._shown.query != query:
            # Keys outran the worker: decide on what was typed, not on what is shown.
            result = self.index().rows(query) if query.strip() else browse(self.entries)
            if result.best is not None:
                self.dismiss(self.entries[result.rows[result.best].index].question_id)
            return
        choices = self.query_one("#choices", JumpList)
        if choices.highlighted is not None:
            self.dismiss(self.entries[choices.row(choices.highlighted).index].question_id)

    def on_jump_list_selected(self, event: JumpList.Selected) -> None:
        event.stop()
        choices = self.query_one("#choices", JumpList)
        self.dismiss(self.entries[choices.row(event.row).index].question_id)

    def action_move(self, step: int) -> None:
        choices = self.query_one("#choices", JumpList)
        if choices.row_count:
            current = choices.highlighted if choices.highlighted is not None else -1
            choices.highlighted = max(0, min(choices.row_count - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)
