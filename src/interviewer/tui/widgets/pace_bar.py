"""The line on top of the interview: elapsed/planned, a bar, time left, projected end, pace,
saving; and beneath it, only while behind, the advice for the whole interview.

Only draws a ``TimingSnapshot`` (and ``domain.advice``) and the last save result; the
app's timer calls ``show``. While the interview is recorded, a badge after the clock says
so ("● REC 12:34" and the input level as a small meter, so a dead microphone shows in the
first minute); a faster timer calls ``show_recording`` with it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from interviewer.domain.advice import InterviewAdvice
from interviewer.domain.timing import Pace, TimingSnapshot
from interviewer.i18n import Translator


def clock_text(seconds: float) -> str:
    """``mm:ss`` (or ``h:mm:ss`` from an hour on) for a number of seconds."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def countdown_text(t: Translator, remaining_seconds: float) -> str:
    """ "nog 23 min" until the planned end, then "5 min over tijd" (whole minutes, up)."""
    minutes = math.ceil(abs(remaining_seconds) / 60.0 - 1e-9)
    if remaining_seconds > 0:
        return t("tui.pace.left", minutes=minutes)
    return t("tui.pace.over_time", minutes=minutes)


def save_text(t: Translator, result: object | None, now: float) -> tuple[str, str]:
    """The save indicator's text and style class ("ok", "warn", "none")."""
    if result is None:
        return t("tui.save.none"), "none"
    if not getattr(result, "ok", False):
        emergency = getattr(result, "emergency_path", None)
        if emergency:  # why, where the notes are, and the command that brings them back
            reason = getattr(result, "reason", None) or "?"
            return t("tui.save.failed_copy", reason=reason, path=emergency), "warn"
        return t("tui.save.failed", error=getattr(result, "error", "") or "?"), "warn"
    at = getattr(result, "at", None)
    stamp = at.timestamp() if isinstance(at, dt.datetime) else float(at if at is not None else now)
    age = max(0.0, now - stamp)
    if age < 10:
        return t("tui.save.ago", seconds=f"{age:.1f}"), "ok"
    return t("tui.save.ago", seconds=f"{age:.0f}"), "ok"


LEVEL_STEPS = ((-60.0, "▂"), (-45.0, "▄"), (-30.0, "▆"), (-15.0, "█"))
"""The level meter: a cell lights up when the input is louder than its dBFS. Speech at a
normal distance lights two or three; silence (a dead or muted microphone) none."""


def level_meter(level_dbfs: float) -> Text:
    """The input level as four cells, lit from the left (unlit ones dim)."""
    text = Text()
    for threshold, char in LEVEL_STEPS:
        if level_dbfs > threshold:
            text.append(char, style="yellow" if threshold >= -15.0 else "green")
        else:
            text.append("▁", style="dim")
    return text


@dataclass(frozen=True)
class RecordingBadge:
    """What the pace bar says about the recording: ``state`` is "on" (writing), "paused"
    (with the clock) or "off" (switched off with the record key)."""

    state: str
    seconds: float
    level_dbfs: float


def badge_text(badge: RecordingBadge, t: Translator, *, clock: bool = True) -> Text:
    """ "● REC 12:34 ▂▄▁▁" in red while writing, "‖ REC" in yellow while paused, dim when
    switched off; without ``clock`` the seconds recorded are left out (narrow terminals)."""
    text = Text()
    if badge.state == "off":
        text.append("○ " + t("tui.rec.badge_off"), style="dim")
        return text
    if badge.state == "paused":
        text.append("‖ " + t("tui.rec.badge"), style="bold yellow")
    else:
        text.append("● " + t("tui.rec.badge"), style="bold red")
    if clock:
        text.append(" " + clock_text(badge.seconds))
    text.append(" ")
    text.append_text(level_meter(badge.level_dbfs))
    return text


class PaceBar(Static):
    """Elapsed/planned, a progress bar, time left, projected end, pace and the save indicator.

    On a narrow terminal the bar goes first, then the recording badge's time, then the
    planned length (the time left says it); what still does not fit ends in "…".
    """

    recording: RecordingBadge | None = None
    """The recording badge shown after the clock (None: not recorded)."""

    def show(
        self, snapshot: TimingSnapshot, t: Translator, save: tuple[str, str], width: int
    ) -> None:
        """Redraw for this snapshot; ``save`` comes from ``save_text``."""
        self._drawn = (snapshot, t, save, width)
        badge = self.recording
        wide = 20 if width >= 100 else 10
        for bar_width, planned, clock in (
            (wide, True, True),
            (0, True, True),
            (0, True, False),
            (0, False, False),
        ):
            text = self._line(
                snapshot, t, save, bar_width=bar_width, planned=planned, badge=badge, clock=clock
            )
            if text.cell_len <= width:
                break
        else:
            if width > 1:
                text.truncate(width - 1)
                text.append("…", style="dim")
        kind = save[1]
        self.set_class(kind == "warn", "save-failed")
        self.set_class(snapshot.is_paused, "paused")
        key = (text.plain, tuple(text.spans))
        if key != getattr(self, "_shown", None):
            self._shown = key
            # one fixed line (app.tcss): a new text never needs a layout pass, which would
            # redraw every region of the screen once a second while the interviewer types
            self.update(text, layout=False)

    def show_recording(self, badge: RecordingBadge | None) -> None:
        """Show the recording's state (a few times a second), with the last snapshot."""
        if badge == self.recording:
            return
        self.recording = badge
        drawn = getattr(self, "_drawn", None)
        if drawn is not None:
            self.show(*drawn)

    @staticmethod
    def _line(
        snapshot: TimingSnapshot,
        t: Translator,
        save: tuple[str, str],
        *,
        bar_width: int,
        planned: bool,
        badge: RecordingBadge | None = None,
        clock: bool = True,
    ) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        label, kind = save
        if kind == "warn":  # a failed save comes first, so it is never cut off
            text.append(" " + label + " ", style="bold white on red")
        elapsed = clock_text(snapshot.elapsed_seconds)
        if planned:
            elapsed += "/" + clock_text(snapshot.planned_seconds)
        text.append(f" {elapsed} ", style="bold")
        if badge is not None:
            text.append_text(badge_text(badge, t, clock=clock))
            text.append(" ")
        plan = snapshot.planned_seconds
        share = snapshot.elapsed_seconds / plan if plan else 0.0
        over = share > 1
        if bar_width:
            filled = min(bar_width, round(share * bar_width))
            text.append("█" * filled, style="red" if over else "green")
            text.append("░" * (bar_width - filled) + " ", style="dim")
        text.append(countdown_text(t, snapshot.remaining_seconds), style="bold red" if over else "")
        end = dt.datetime.fromtimestamp(snapshot.projected_end).astimezone()
        text.append("  " + t("tui.pace.end", time=end.strftime("%H:%M")))
        pace = snapshot.pace
        style = {
            Pace.BEHIND: "bold red",
            Pace.AHEAD: "bold green",
            Pace.ON_TRACK: "green",
            Pace.TOO_EARLY: "dim",
        }.get(pace.pace, "")
        text.append("  ")
        text.append(pace.reason.render(t.lang), style=style)
        if snapshot.is_paused:
            text.append("  ")
            text.append(" " + t("tui.pace.paused") + " ", style="bold reverse yellow")
        if kind != "warn":
            text.append("  ")
            text.append(label, style="dim")
        return text


class AdviceLine(Static):
    """Under the pace bar while behind: what to do across the whole interview.

    Hidden when there is nothing to advise. At most three lines; text beyond that ends in
    "…" so a cut is visible. Redrawn only when the advice changes.
    """

    DEFAULT_CSS = """
    AdviceLine {
        height: auto;
        max-height: 3;
        padding: 0 1;
        background: $warning-muted;
        color: $foreground;
    }
    """
    MAX_LINES = 3

    def show(self, advice: InterviewAdvice | None, t: Translator, width: int) -> None:
        """Redraw for ``advice`` (None hides the line)."""
        plain = advice.render(t.lang) if advice is not None else ""
        key = (plain, width)
        if key == getattr(self, "_shown", None):
            return
        self._shown = key
        self.display = bool(plain)
        self.update(self._fitted(plain, max(10, width - 2)))

    def _fitted(self, plain: str, width: int) -> Text:
        """The text, cut with "…" at a word so that it wraps to at most ``MAX_LINES``."""
        text = Text("⚑ " + plain)
        cut = len(plain)
        while len(text.wrap(self.app.console, width)) > self.MAX_LINES and cut > 0:
            cut = plain.rfind(" ", 0, cut)
            text = Text("⚑ " + plain[: max(0, cut)].rstrip(" ·,:") + " …")
        text.stylize("bold", 0, 1)
        return text
