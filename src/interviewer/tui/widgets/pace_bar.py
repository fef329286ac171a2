"""The line on top of the interview: elapsed/planned, a bar, projected end, pace, saving.

Only draws a ``TimingSnapshot`` and the last save result; the app's timer calls ``show``.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import Static

from interviewer.domain.timing import Pace, TimingSnapshot
from interviewer.i18n import Translator


def clock_text(seconds: float) -> str:
    """``mm:ss`` (or ``h:mm:ss`` from an hour on) for a number of seconds."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def save_text(t: Translator, result: object | None, now: float) -> tuple[str, str]:
    """The save indicator's text and style class ("ok", "warn", "none")."""
    if result is None:
        return t("tui.save.none"), "none"
    if not getattr(result, "ok", False):
        emergency = getattr(result, "emergency_path", None)
        if emergency:
            return t("tui.save.failed_emergency", path=emergency), "warn"
        return t("tui.save.failed", error=getattr(result, "error", "") or "?"), "warn"
    at = getattr(result, "at", None)
    stamp = at.timestamp() if isinstance(at, dt.datetime) else float(at if at is not None else now)
    age = max(0.0, now - stamp)
    if age < 10:
        return t("tui.save.ago", seconds=f"{age:.1f}"), "ok"
    return t("tui.save.ago", seconds=f"{age:.0f}"), "ok"


class PaceBar(Static):
    """Elapsed/planned, a progress bar, projected end, pace and the save indicator."""

    def show(
        self, snapshot: TimingSnapshot, t: Translator, save: tuple[str, str], width: int
    ) -> None:
        """Redraw for this snapshot; ``save`` comes from ``save_text``."""
        text = Text(no_wrap=True, overflow="ellipsis")
        label, kind = save
        if kind == "warn":  # a failed save comes first, so it is never cut off
            text.append(" " + label + " ", style="bold white on red")
        text.append(
            f" {clock_text(snapshot.elapsed_seconds)}/{clock_text(snapshot.planned_seconds)} ",
            style="bold",
        )
        bar_width = 10 if width < 100 else 20
        planned = snapshot.planned_seconds
        share = snapshot.elapsed_seconds / planned if planned else 0.0
        filled = min(bar_width, round(share * bar_width))
        over = share > 1
        text.append("█" * filled, style="red" if over else "green")
        text.append("░" * (bar_width - filled), style="dim")
        end = dt.datetime.fromtimestamp(snapshot.projected_end).astimezone()
        text.append("  " + t("tui.pace.end", time=end.strftime("%H:%M")))
        pace = snapshot.pace
        style = {
            Pace.BEHIND: "bold red",
            Pace.AHEAD: "bold green",
            Pace.ON_TRACK: "green",
        }.get(pace.pace, "")
        text.append("  ")
        text.append(pace.reason.render(t.lang), style=style)
        if snapshot.is_paused:
            text.append("  ")
            text.append(" " + t("tui.pace.paused") + " ", style="bold reverse yellow")
        if kind != "warn":
            text.append("  ")
            text.append(label, style="dim")
        self.set_class(kind == "warn", "save-failed")
        self.set_class(snapshot.is_paused, "paused")
        key = (text.plain, tuple(text.spans))
        if key != getattr(self, "_shown", None):
            self._shown = key
            # one fixed line (app.tcss): a new text never needs a layout pass, which would
            # redraw every region of the screen once a second while the interviewer types
            self.update(text, layout=False)
