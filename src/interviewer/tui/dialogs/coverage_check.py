"""The check before the closing and before finishing: what is not covered yet, per topic.

``f10`` and ``ctrl+n`` past the last topic question used to go straight to the closing while
whole topics were untouched; what was missed only showed in the review, after the
respondent had left. Now, when ``interviewer.domain.coverage`` finds gaps, this dialog lists
them per topic first: ``enter`` goes to the selected question (the dialog closes and the
interview shows it), ``ctrl+n`` goes on anyway (to the closing, or on to the finish
confirmation), ``escape`` stays. With nothing missing there is no dialog at all.

Continuing uses ``ctrl+n`` and never a letter or ``f10`` again: letters typed blind in a burst
(the interviewer looks at the respondent) or a doubled ``f10`` must not wave the check away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal, Protocol

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from interviewer.domain.coverage import (
    Gap,
    GapKind,
    TopicGaps,
    closing_preview,
    coverage_gaps,
    gap_count,
)
from interviewer.domain.session import QuestionState
from interviewer.i18n import Translator
from interviewer.tui.host import HostModal
from interviewer.tui.widgets.question_panel import code_style


class InterviewScreen(Protocol):
    """What the check needs of the interview screen that opens it (named here, not imported:
    the screen imports this dialog)."""

    @property
    def app(self) -> Any: ...

    def commit(self) -> bool: ...

    def go(self, move: Callable[[], object]) -> None: ...


Purpose = Literal["closing", "finish"]
"""What waits behind the check: entering the closing, or finishing the interview."""

CONTINUE = ":continue"
"""The dialog's result for 'go on anyway' (never a question id: ids have no colon)."""

MARKS = {GapKind.MAIN: "•", GapKind.FOLLOW_UP: "↳", GapKind.CHARACTERISTIC: "◇"}


def gap_text(gap: Gap, t: Translator) -> Text:
    """What one item says: the question (what it measures, why it came up), or the
    characteristic that has no answer."""
    if gap.kind is GapKind.CHARACTERISTIC:
        text = Text(gap.label, style="bold")
        text.append(" — " + t("tui.check.no_answer"), style="italic")
        return text
    text = Text()
    if gap.characteristic:  # what is missing first, so the list reads at a glance
        text.append(gap.characteristic + " · ", style="bold")
    text.append(gap.label)
    text.append(f"  ({t(f'tui.kind.{gap.kind.value}')})", style="dim")
    if gap.reason is not None:
        text.append("\n" + gap.reason.render(t.lang), style="dim italic")
    return text


def gap_prompt(gap: Gap, t: Translator) -> Table:
    """One item of the list, its mark in a column of its own so that a long question
    wraps under its own first word (hanging indent), not under the mark."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(ratio=1)
    grid.add_row(Text(MARKS[gap.kind], style="bold"), gap_text(gap, t))
    return grid


def topic_prompt(topic: TopicGaps, colour: str | None, t: Translator) -> Text:
    """The heading of one topic: its variable in its code colour, title, what is missing."""
    text = Text()
    text.append(f" {topic.variable} ", style=code_style(colour))
    text.append(f" {topic.title}", style="bold")
    text.append("\n  " + topic.reason.render(t.lang), style="italic")
    return text


class CoverageCheck(HostModal[str | None]):
    """See the module docstring. Dismisses with a question id, ``CONTINUE`` or None."""

    # Not the shared ``.dialog`` class: the app's stylesheet would win over these rules,
    # and at 80x24 the list, the title and the keys line must all fit.
    DEFAULT_CSS = """
    CoverageCheck .coverage-check {
        width: 96%;
        max-width: 110;
        height: auto;
        max-height: 100%;
        padding: 0 1;
        border: thick $accent;
        background: $surface;
    }
    CoverageCheck .check-title { text-style: bold; }
    CoverageCheck .check-count { margin: 0 0 1 0; }
    CoverageCheck #gaps { height: auto; max-height: 55vh; }
    CoverageCheck #gaps > .option-list--option-disabled { color: $text; }
    CoverageCheck .check-keys { margin: 1 0 0 0; color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "stay", show=False),
        Binding("ctrl+n", "continue", show=False, priority=True),
    ]

    def __init__(
        self, gaps: tuple[TopicGaps, ...], purpose: Purpose, colours: dict[str, str | None]
    ) -> None:
        super().__init__()
        self.gaps = gaps
        self.purpose = purpose
        self.colours = colours
        self._targets: dict[str, str] = {}
        """Option id -> question id (two items may lead to the same question)."""

    def compose(self) -> ComposeResult:
        t: Translator = self.app.t
        options: list[Option] = []
        for topic in self.gaps:
            options.append(
                Option(topic_prompt(topic, self.colours.get(topic.topic_id), t), disabled=True)
            )
            for gap in topic.gaps:
                option_id = f"gap-{len(self._targets)}"
                if gap.question_id is not None:
                    self._targets[option_id] = gap.question_id
                options.append(
                    Option(gap_prompt(gap, t), id=option_id, disabled=gap.question_id is None)
                )
        with Vertical(classes="coverage-check"):
            yield Static(t(f"tui.check.title.{self.purpose}"), classes="check-title")
            yield Static(
                t(
                    "tui.check.count",
                    count=gap_count(self.gaps),
                    topics=len(self.gaps),
                ),
                classes="check-count",
            )
            yield OptionList(*options, id="gaps")
            yield Static(t(f"tui.check.keys.{self.purpose}"), classes="check-keys")

    def on_mount(self) -> None:
        options = self.query_one("#gaps", OptionList)
        options.focus()
        options.action_first()  # the first selectable item (topic headings are not)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self._targets.get(event.option.id or "")
        if target is not None:
            self.dismiss(target)

    def action_continue(self) -> None:
        self.dismiss(CONTINUE)

    def action_stay(self) -> None:
        self.dismiss(None)


def check_coverage(
    screen: InterviewScreen,
    purpose: Purpose,
    proceed: Callable[[], object],
    gaps: tuple[TopicGaps, ...] | None = None,
    moved_on: Callable[[], object] | None = None,
) -> None:
    """Run ``proceed`` at once when nothing is missing, else after the check said go on.

    ``gaps`` defaults to those of the live session now (the editor is committed first, so
    the note being typed counts). Choosing an item shows its question on the interview,
    after ``moved_on`` (what leaving the current question means, for ``ctrl+n``).
    """
    live = screen.app.live
    if gaps is None:
        screen.commit()
        gaps = coverage_gaps(live.session)
    if not gaps:
        proceed()
        return

    def answer(result: str | None) -> None:
        if result == CONTINUE:
            proceed()
        elif result:

            def jump() -> None:
                if moved_on is not None:
                    moved_on()
                live.recorder.show_question(result)

            screen.go(jump)

    colours = {topic.id: topic.colour for topic in live.session.protocol.topics}
    screen.app.push_screen(CoverageCheck(gaps, purpose, colours), answer)


def next_or_check(screen: InterviewScreen, step: Callable[[], object]) -> None:
    """``ctrl+n``: take ``step`` at once while a topic question comes next; when the step
    would leave the topics for the closing, check first what the session would miss then.

    Going from the check to a missed question still moves on from the current one, so it
    counts as ``ctrl+n`` counts it (asked, unless skipped): the preview shows how.
    """
    screen.commit()
    recorder = screen.app.live.recorder
    preview = closing_preview(recorder)
    if preview is None:
        step()
        return
    left = recorder.session.current_question_id
    after = preview.records.get(left) if left else None

    def moved_on() -> None:
        if left and after is not None and after.state is QuestionState.ASKED:
            recorder.mark_asked(left)

    check_coverage(screen, "closing", step, coverage_gaps(preview), moved_on)
