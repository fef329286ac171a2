"""The charts the analysis screen (a case) and the review screen (one interview) share:
planned against actual minutes per topic (``textual-plotext`` bars), the coverage grid
(characteristics x respondents), and the review's timeline of topics over time.

They only draw: the values come from the pure core (``analysis_workspace.topic_minutes`` and
``coverage_rows``; ``review_timeline.interview_timeline``). Every label plotext would
otherwise pick or thin out itself is given explicitly, so the same data always draws the
same picture (the snapshot tests rely on it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from textual.widgets import DataTable

from interviewer.analysis_workspace import Coverage, CoverageRow, TopicMinutes
from interviewer.domain.protocol import HIGHLIGHT_COLOURS
from interviewer.i18n import Translator
from interviewer.review_timeline import InterviewTimeline

LABEL_WIDTH = 12
COVERAGE_MARKS = {Coverage.COVERED: "✓", Coverage.SKIPPED: "↷", Coverage.NOT_REACHED: "·"}
BAR_MARKER = "█"
"""A timeline bar is a line of these on its lane's row: one character high, exactly on the
row its label names (a filled rectangle would spread over the rows between lanes)."""
PAUSE_MARKER = "▒"
CLOSING_COLOUR = "gray+"
PAUSE_COLOUR = "gray"
X_TICKS = 8
"""Tick marks on the time axis: at most this many (0 included), at whole minutes."""


def cut(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def chart_plot(plot_id: str, height: int) -> Any:
    """A ``PlotextPlot`` widget of a fixed height (plotext is imported on first use only)."""
    from textual_plotext import PlotextPlot

    plot = PlotextPlot(id=plot_id)
    plot.styles.height = height
    return plot


def draw_minutes(
    plt: Any, minutes: Sequence[TopicMinutes], respondents: Sequence[str], t: Translator
) -> None:
    """Grouped bars: per topic the planned minutes, then each respondent's."""
    labels = [cut(m.label, 10) for m in minutes]
    planned = [m.planned for m in minutes]
    series = [planned] + [[m.actual[i] for m in minutes] for i in range(len(respondents))]
    names = [t("analysis.tui.chart.planned"), *list(respondents)]
    plt.clear_figure()
    plt.multiple_bar(labels, series, labels=names)
    # every topic named under its bars (plotext would thin them out in an order that
    # varies between runs)
    plt.xticks(list(range(1, len(labels) + 1)), labels)
    plt.title(t("analysis.tui.chart.minutes_title"))
    plt.ylabel(t("analysis.tui.chart.minutes_axis"))


def fill_coverage(
    grid: DataTable, rows: Sequence[CoverageRow], respondents: Sequence[str], t: Translator
) -> None:
    """The coverage grid: variable, characteristic, then a mark per respondent."""
    grid.add_column(t("analysis.tui.col.variable"), width=LABEL_WIDTH)
    grid.add_column(t("analysis.tui.col.characteristic"), width=LABEL_WIDTH)
    for code in respondents:
        grid.add_column(code, width=max(len(code), 4))
    previous = None
    for row in rows:
        variable = row.variable_label if row.variable_label != previous else ""
        previous = row.variable_label
        grid.add_row(
            cut(variable, LABEL_WIDTH),
            cut(row.label, LABEL_WIDTH),
            *(COVERAGE_MARKS[state] for state in row.states),
        )


def coverage_legend(t: Translator) -> str:
    """What the coverage marks mean, on one line."""
    return "   ".join(
        f"{mark} {t('analysis.tui.coverage.' + state.value)}"
        for state, mark in COVERAGE_MARKS.items()
    )


def _colour(name: str | None) -> Any:
    """A code colour as plotext takes it (an RGB tuple); the closing's grey without one."""
    if not name:
        return CLOSING_COLOUR
    rgb = HIGHLIGHT_COLOURS[name].lstrip("#")
    return tuple(int(rgb[i : i + 2], 16) for i in (0, 2, 4))


def _time_ticks(end_minutes: float) -> list[int]:
    """Whole minutes from 0 to past the end, at most ``X_TICKS`` of them."""
    whole = max(1, math.ceil(end_minutes))
    step = next(
        (n for n in (1, 2, 5, 10, 15, 20, 30, 60, 90, 120) if math.ceil(whole / n) < X_TICKS),
        math.ceil(whole / (X_TICKS - 1)),
    )
    return list(range(0, math.ceil(whole / step) * step + 1, step))


def draw_timeline(plt: Any, timeline: InterviewTimeline, t: Translator) -> None:
    """Topics over time: a lane per topic (protocol order, top down) and the closing, a
    bar in the topic's colour for every visit with the pauses cut out, and a lane of
    pauses at the bottom. x is minutes since the start of the interview."""
    lanes = [*timeline.lanes]
    count = len(lanes) + 1  # and the pauses
    plt.clear_figure()
    ticks = _time_ticks(timeline.end / 60.0)
    for n, lane in enumerate(lanes):
        y = count - n
        for visit in lane.visits:
            for span in visit.spans:
                plt.plot(
                    [span.start / 60.0, span.end / 60.0],
                    [y, y],
                    marker=BAR_MARKER,
                    color=_colour(lane.colour),
                )
    for pause in timeline.pauses:
        plt.plot(
            [pause.start / 60.0, pause.end / 60.0],
            [1, 1],
            marker=PAUSE_MARKER,
            color=PAUSE_COLOUR,
        )
    names = [cut(lane.label, 14) + (" ↺" if lane.returned else "") for lane in lanes]
    names.append(t("tui.review.chart.pauses"))
    plt.yticks(list(range(count, 0, -1)), names)
    plt.ylim(0.5, count + 0.5)
    plt.xticks(ticks, [str(tick) for tick in ticks])
    plt.xlim(0, ticks[-1])
    plt.xlabel(t("tui.review.chart.time_axis"))
    title = t("tui.review.chart.timeline_title", respondent=timeline.respondent)
    if not timeline.finished:
        title += "  " + t("tui.review.chart.unfinished")
    plt.title(title)
