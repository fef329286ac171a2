"""The strip under the notes while the interview is transcribed live: the last words heard.

It shows the newest segments (recording position, speaker, text) in two rows, the
newest words always visible (a long segment shows its end), and on its top border how far
behind the transcriber is. Hidden when nothing is transcribed. Drawn from the screen's
recording timer, never from the transcriber's thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from interviewer.domain.turns import INTERVIEWER_SPEAKER
from interviewer.i18n import Translator
from interviewer.recording.live import HeardLine
from interviewer.tui.widgets.pace_bar import clock_text

ROWS = 2
"""Rows of heard text (the border above adds one)."""
LINES = 3
"""Segments asked for: enough to fill the rows when the newest are short."""
BEHIND_SHOWN = 2.0
"""Seconds behind below which the transcript counts as up to date (a phrase is still being
spoken or decoded most of the time)."""


def behind_text(t: Translator, behind: float, heard: int) -> str:
    """ "transcript 4 s behind", "transcript up to date", or "listening…" before the first
    segment."""
    if behind >= BEHIND_SHOWN:
        return t("tui.rec.behind", seconds=f"{behind:.0f}")
    return t("tui.rec.up_to_date") if heard else t("tui.rec.waiting")


def strip_rows(lines: Sequence[HeardLine], t: Translator, width: int, console: object) -> Text:
    """The last ``ROWS`` rows of the segments wrapped to ``width``, oldest first."""
    rows: list[Text] = []
    interviewer = t("tui.turn.interviewer")
    for line in lines:
        text = Text()
        text.append(clock_text(line.start) + " ", style="dim")
        if line.speaker:
            name = interviewer if line.speaker == INTERVIEWER_SPEAKER else line.speaker
            text.append(name + " ", style="bold")
        text.append(line.text.strip())
        rows.extend(text.wrap(console, max(10, width)))  # type: ignore[arg-type]
    shown = rows[-ROWS:]
    return Text("\n").join(shown)


class LiveStrip(Static):
    """See the module docstring."""

    DEFAULT_CSS = """
    LiveStrip {
        height: 3;
        display: none;
        border-top: solid $primary-muted;
        border-title-color: $text-muted;
        border-title-align: left;
        border-subtitle-color: $text-muted;
        padding: 0 0;
    }
    """

    def show(
        self, lines: Sequence[HeardLine], behind: float, heard: int, t: Translator, width: int
    ) -> None:
        """Redraw with these lines (only when something shown changed)."""
        title = t("tui.rec.strip") + " · " + behind_text(t, behind, heard)
        key = (tuple(lines), title, width)
        if key == getattr(self, "_shown", None):
            return
        self._shown: tuple[tuple[HeardLine, ...], str, int] | None = key
        self.display = True
        self.border_title = title
        self.update(strip_rows(lines, t, width, self.app.console))

    def hide(self) -> None:
        self.display = False
        self._shown = None
