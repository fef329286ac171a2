"""The current question: topic and variable in the code colour, characteristic, kind,
instruction, alternative wordings, the topic's note, and why a follow-up or probe is (not)
advised.

What is about asking this question at all (a probe advised to be dropped, a follow-up made
relevant) comes right under its text, before the longer guidance, so a short panel still
shows it; the instruction and the topic's note are shown whole, never shortened.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from interviewer.domain.guidance import Reason
from interviewer.domain.protocol import (
    HIGHLIGHT_COLOURS,
    ClosingQuestion,
    Question,
    QuestionKind,
    Topic,
)
from interviewer.i18n import Translator


def code_style(colour: str | None) -> str:
    """A Rich style showing a code colour as background with readable text on it."""
    if not colour:
        return "bold reverse"
    rgb = HIGHLIGHT_COLOURS[colour].lstrip("#")
    r, g, b = (int(rgb[i : i + 2], 16) for i in (0, 2, 4))
    fg = "black" if (0.299 * r + 0.587 * g + 0.114 * b) > 140 else "white"
    return f"bold {fg} on #{rgb}"


class QuestionScroll(VerticalScroll, can_focus=False):
    """Holds the question panel at most part of the screen high. When the question does not
    fit (80x24, a long instruction or note) a scrollbar and a bottom line saying "f2 ▼ more"
    show that more follows; ``f2`` pages on (and back to the top at the end) while the
    cursor stays in the notes, so the tab order notes → answer → flags is not disturbed."""

    more_text = ""
    """The hint on the bottom line, in the interface language (set by the screen)."""

    def page_on(self) -> None:
        """One page further down, or back to the top once the end was shown."""
        if self.scroll_y >= self.max_scroll_y:
            self.scroll_home(animate=False)
        else:
            self.scroll_page_down(animate=False)

    def show_cut(self) -> None:
        """Mark the box as cut while part of the question is out of sight."""
        cut = self.max_scroll_y > 0
        self.set_class(cut, "cut")
        self.border_subtitle = self.more_text if cut else ""

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_cut)


class QuestionPanel(Static):
    """Shows one question; ``show`` is called on every navigation and tick."""

    def show(
        self,
        t: Translator,
        question: Question | ClosingQuestion | None,
        topic: Topic | None,
        *,
        position: str = "",
        relevant: Reason | None = None,
        drop: Reason | None = None,
        not_triggered: bool = False,
        not_applicable: Reason | None = None,
        tags: list[str] | None = None,
    ) -> None:
        """Redraw; ``relevant``, ``drop`` and ``not_applicable`` are the reasons, if any;
        ``not_triggered`` marks a follow-up whose trigger has no answer yet."""
        text = Text()
        if question is None:
            text.append(t("tui.question.none"), style="dim")
            self.update(text)
            return
        if topic is not None:
            text.append(f" {topic.variable} ", style=code_style(topic.colour))
            text.append(" " + topic.title, style="bold")
            if isinstance(question, Question) and question.characteristic:
                label = next(
                    (c.row_label for c in topic.characteristics if c.id == question.characteristic),
                    question.characteristic,
                )
                text.append("  · " + label, style="italic")
        else:
            text.append(" " + t("tui.closing.title") + " ", style="bold reverse")
        if isinstance(question, Question):
            kind = t(f"tui.kind.{question.kind.value}")
            if question.kind is QuestionKind.PROBE:
                kind += " (" + t("tui.kind.optional") + ")"
            text.append("  · " + kind, style="dim")
        if position:
            text.append("  " + position, style="dim")
        text.append("\n")
        if isinstance(question, Question) and question.condition:
            text.append(question.condition + "\n", style="italic")
        dim = drop is not None or not_triggered or not_applicable is not None
        text.append(question.text, style="dim" if dim else "bold")
        if drop is not None:
            text.append("\n⏷ " + drop.render(t.lang), style="bold italic")
        if relevant is not None:
            text.append("\n★ " + relevant.render(t.lang), style="bold yellow")
        if not_applicable is not None:
            text.append("\n⊘ " + not_applicable.render(t.lang), style="bold italic")
        elif not_triggered:
            text.append("\n" + t("tui.question.not_triggered"), style="dim")
        if isinstance(question, Question):
            for alternative in question.alternatives:
                text.append("\n" + t("tui.question.or") + " " + alternative, style="")
        if question.instruction:
            text.append("\n» " + question.instruction, style="italic")
        if topic is not None and topic.note:
            text.append("\n" + t("tui.question.note") + " ", style="bold italic")
            text.append(topic.note, style="italic")
        if tags:
            text.append("\n" + t("tui.question.tags", codes=", ".join(tags)), style="bold")
        self.set_class(relevant is not None, "relevant")
        self.set_class(dim, "dropped")
        key = (text.plain, tuple(text.spans))
        if key != getattr(self, "_shown", None):  # an unchanged panel costs no layout
            self._shown = key
            self.update(text)
