"""The topic list: progress and time per topic, the current topic's questions beneath it.

Draws ``interviewer.domain.navigation.outline`` items; choosing one sends
``TopicList.Chosen`` with the question to show (a topic's first relevant question).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from interviewer.domain.navigation import OutlineItem
from interviewer.domain.protocol import QuestionKind
from interviewer.domain.session import QuestionState
from interviewer.i18n import Translator
from interviewer.tui.widgets.pace_bar import clock_text


def _fit(text: Text, width: int) -> Text:
    if width > 0 and text.cell_len > width:
        text.truncate(width - 1)
        text.append("…")
    return text


def _minutes(seconds: float) -> int:
    return max(0, round(seconds / 60.0))


def budget_text(item: OutlineItem, t: Translator, room: int) -> tuple[str, str]:
    """A topic's time and its style: the budget left for a topic not done, else the clock.

    "nog 6 min, gepland 10" when it fits in ``room`` cells, else "nog 6/10 min"; a topic not
    done that ran over its plan says by how much ("+5/10 min" when narrow). A done topic keeps
    "16:00/10:00".
    """
    planned = _minutes(item.planned_seconds)
    if item.kind != "topic" or not item.planned_seconds:
        return (f" {clock_text(item.elapsed_seconds)}" if item.elapsed_seconds else ""), "dim"
    if item.budget_seconds is None:
        clocks = f" {clock_text(item.elapsed_seconds)}/{clock_text(item.planned_seconds)}"
        return clocks, "bold red" if item.over else "dim"
    if item.over:
        over = _minutes(item.elapsed_seconds - item.planned_seconds) or 1
        wide = " " + t("tui.outline.over", minutes=over, planned=planned)
        narrow = f" +{over}/{planned} min"
        style = "bold red"
    else:
        left = _minutes(item.budget_seconds)
        wide = " " + t("tui.outline.budget", left=left, planned=planned)
        narrow = " " + t("tui.outline.budget_short", left=left, planned=planned)
        style = "bold yellow" if item.squeezed else "dim"
    return (wide if room <= 0 or len(wide) <= room else narrow), style


def item_text(item: OutlineItem, t: Translator, width: int = 0) -> Text:
    """A topic (two lines: title, then progress and time left) or a question (one line)."""
    text = Text()
    if item.kind in ("topic", "closing"):
        marker = "▶ " if item.current else "  "
        title = item.label if item.kind == "topic" else t("tui.closing.title")
        text = _fit(Text(marker + title, style="bold" if item.current else ""), width)
        progress = item.progress
        detail = ""
        if progress is not None:
            detail = f"{progress.asked}/{progress.total}"
            if progress.characteristics:
                detail += f" ◆{progress.covered}/{progress.characteristics}"
        second = Text("   " + detail, style="dim")
        budget, style = budget_text(item, t, width - second.cell_len if width > 0 else 0)
        second.append(budget, style=style)
        text.append("\n")
        text.append_text(_fit(second, width))
        return text
    marks = {
        QuestionState.ASKED: "✓",
        QuestionState.SKIPPED: "–",
        QuestionState.NOT_ASKED: "·",
    }
    mark = marks[item.state]
    if item.state is QuestionState.NOT_ASKED and item.has_notes:
        mark = "✎"
    prefix = "   ▸" if item.current else "    "
    kind = ""
    if item.question_kind is QuestionKind.FOLLOW_UP:
        kind = "↳ "
    elif item.question_kind is QuestionKind.PROBE:
        kind = "? "
    style = ""
    if item.highlighted:
        style = "bold yellow"
    elif item.dimmed:
        style = "dim"
    if item.current:
        style = (style + " bold").strip()
    text.append(f"{prefix}{mark} {kind}", style=style)
    if item.not_applicable:
        text.append("[" + t("tui.outline.not_applicable") + "] ", style="italic dim")
    if item.reason is not None:  # the minutes behind are on the pace bar: room for the text
        text.append("[" + t("tui.outline.skip") + "] ", style="italic")
    text.append(item.label, style=style)
    return _fit(text, width)


class TopicList(OptionList, can_focus=False):
    """The outline of the interview; see the module docstring."""

    class Chosen(Message):
        """The interviewer picked a topic or question with the mouse."""

        def __init__(self, question_id: str | None, topic_id: str | None) -> None:
            super().__init__()
            self.question_id = question_id
            self.topic_id = topic_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[OutlineItem] = []
        self._texts: list[str] = []
        self._translator: Translator | None = None

    def on_resize(self) -> None:
        # lines are fitted to the width: the first ones may have been made before layout
        if self._translator is not None:
            self.show(self._items, self._translator)

    def show(self, items: Sequence[OutlineItem], t: Translator) -> None:
        """Redraw, touching only the lines that changed."""
        self._translator = t
        width = self.scrollable_content_region.width or self.size.width
        texts = [item_text(i, t, width) for i in items]
        plain = [x.plain + "|" + str(x.spans) for x in texts]
        if [i.id for i in items] != [i.id for i in self._items]:
            self.clear_options()
            self.add_options(
                [Option(x, id=f"{i.kind}:{i.id}") for i, x in zip(items, texts, strict=True)]
            )
        else:
            for index, (old, new) in enumerate(zip(self._texts, plain, strict=True)):
                if old != new:
                    self.replace_option_prompt_at_index(index, texts[index])
        self._items = list(items)
        self._texts = plain
        current = next((n for n, i in enumerate(items) if i.current and i.kind != "topic"), None)
        if current is None:
            current = next((n for n, i in enumerate(items) if i.current), None)
        if current is not None and self.highlighted != current:
            self.highlighted = current

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self._items[event.option_index]
        if item.kind in ("question", "closing-question"):
            self.post_message(self.Chosen(item.id, None))
        elif item.kind == "topic":
            self.post_message(self.Chosen(None, item.id))
        else:
            self.post_message(self.Chosen(None, "closing"))
