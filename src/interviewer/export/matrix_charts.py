"""Two charts for the case matrix docx: planned against actual minutes, and coverage.

A supervisor should see at a glance which topics always overrun and which characteristics
the interviews never reached (issue 12, point 7):

* **time**: per topic (the matrix's variables, then the closing) the planned minutes
  (``domain.estimates.make_plan``, what the timer showed during the interview) next to the
  minutes each respondent's interview spent there (``content.topic_seconds``, the matrix's
  own time table, pauses excluded), as grouped bars;
* **coverage**: characteristics (a topic without characteristics is one row) by
  respondents, each cell *covered* (an answer or note, ``guidance.coverage``), *skipped*
  (a question of it was asked or skipped, nothing written) or *not reached* (none of its
  questions came up).

The data are plain values (``time_chart_data``, ``coverage_chart_data``; pure, testable
without matplotlib). ``render_png`` draws them with matplotlib, imported only there so no
other command pays for it at start-up. The drawing is deterministic: the Agg canvas on a
``Figure`` of its own (pyplot's global state is never touched), the bundled DejaVu Sans
font, a fixed style, size and dpi, and no creation time or software version in the PNG.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from interviewer.domain.codes import code_sort_key
from interviewer.domain.estimates import make_plan
from interviewer.domain.guidance import coverage, is_done
from interviewer.domain.session import Session
from interviewer.domain.timeline import CLOSING
from interviewer.export.content import topic_seconds
from interviewer.i18n import Translator

if TYPE_CHECKING:  # matplotlib itself is imported only when a chart is drawn
    from matplotlib.typing import RcKeyType

State = Literal["covered", "skipped", "not_reached"]
STATES: tuple[State, ...] = ("covered", "skipped", "not_reached")
STATE_COLOURS = {"covered": "#4daf4a", "skipped": "#ff9f1c", "not_reached": "#d9d9d9"}
"""Green, orange, light grey: distinguishable with the common colour-vision deficiencies
by lightness too, and every cell is also labelled in the legend."""
PLANNED_COLOUR = "#404040"
DPI = 150
TIME_SIZE = (10.0, 4.6)
"""Inches; at 150 dpi the picture is 1500 x 690 pixels, sharp when printed 24 cm wide."""
PICTURE_WIDTH_CM = 24.0
RC: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#e0e0e0",
    "grid.linewidth": 0.6,
    "svg.hashsalt": "interviewer",
    "path.simplify": False,
}


@dataclass(frozen=True)
class TimeChart:
    """Planned and actual minutes per topic; ``actual[r][k]`` is respondent r, topic k."""

    topics: tuple[str, ...]
    planned: tuple[float, ...]
    respondents: tuple[str, ...]
    actual: tuple[tuple[float, ...], ...]

    def over(self) -> list[str]:
        """Topics where at least one respondent spent more than planned (plan > 0)."""
        return [
            topic
            for k, topic in enumerate(self.topics)
            if self.planned[k] > 0 and any(row[k] > self.planned[k] + 0.05 for row in self.actual)
        ]


@dataclass(frozen=True)
class CoverageChart:
    """Characteristics by respondents; ``states[i][r]`` is row i, respondent r."""

    rows: tuple[str, ...]
    respondents: tuple[str, ...]
    states: tuple[tuple[State, ...], ...]

    def never_reached(self) -> list[str]:
        """Rows no respondent's interview reached or covered."""
        return [
            label
            for label, states in zip(self.rows, self.states, strict=True)
            if states and all(s == "not_reached" for s in states)
        ]


def _ordered(sessions: Sequence[Session]) -> list[Session]:
    return sorted(sessions, key=lambda s: code_sort_key(s.respondent))


def time_chart_data(sessions: Sequence[Session], t: Translator) -> TimeChart:
    """Planned against actual minutes per topic (and the closing) per respondent."""
    ordered = _ordered(sessions)
    protocol = ordered[0].protocol
    plan = make_plan(protocol)
    labels = [topic.row_label for topic in protocol.topics]
    keys = [topic.id for topic in protocol.topics]
    planned = [plan.topic(key) / 60 for key in keys]
    labels.append(t("export.matrix.time_closing"))
    keys.append(CLOSING)
    planned.append(plan.closing_seconds / 60)
    actual = []
    for session in ordered:
        seconds = topic_seconds(session)
        actual.append(tuple(round(seconds.get(key, 0.0) / 60, 1) for key in keys))
    return TimeChart(
        topics=tuple(labels),
        planned=tuple(round(p, 1) for p in planned),
        respondents=tuple(s.respondent for s in ordered),
        actual=tuple(actual),
    )


def coverage_state(session: Session, topic_id: str, characteristic: str | None) -> State:
    """Whether the interview covered, skipped or never reached a characteristic (or, with
    ``characteristic`` None, a topic without characteristics)."""
    found = next(c for c in coverage(session) if c.topic_id == topic_id)
    topic = next(t for t in session.protocol.topics if t.id == topic_id)
    if characteristic is None:
        questions = list(topic.questions)
        if found.answered:
            return "covered"
    else:
        questions = [q for q in topic.questions if q.characteristic == characteristic]
        if characteristic in found.covered:
            return "covered"
    if any(is_done(session.records.get(q.id)) for q in questions):
        return "skipped"
    return "not_reached"


def coverage_chart_data(sessions: Sequence[Session]) -> CoverageChart:
    """The coverage grid: a row per characteristic (per topic without any), a column per
    respondent."""
    ordered = _ordered(sessions)
    protocol = ordered[0].protocol
    rows: list[str] = []
    states: list[tuple[State, ...]] = []
    for number, topic in enumerate(protocol.topics, start=1):
        targets: list[tuple[str, str | None]] = [
            (f"{number}. {topic.row_label}: {c.row_label}", c.id) for c in topic.characteristics
        ] or [(f"{number}. {topic.row_label}", None)]
        for label, characteristic in targets:
            rows.append(label)
            states.append(tuple(coverage_state(s, topic.id, characteristic) for s in ordered))
    return CoverageChart(tuple(rows), tuple(s.respondent for s in ordered), tuple(states))


def time_alt_text(chart: TimeChart, t: Translator) -> str:
    """The time chart in words, for the picture's alt text."""
    over = chart.over()
    summary = (
        t("analysis.chart.time_over", topics=", ".join(over))
        if over
        else t("analysis.chart.time_none_over")
    )
    return t("analysis.chart.time_alt", summary=summary)


def coverage_alt_text(chart: CoverageChart, t: Translator) -> str:
    """The coverage grid in words, for the picture's alt text."""
    never = chart.never_reached()
    summary = (
        t("analysis.chart.never_reached", items="; ".join(never))
        if never
        else t("analysis.chart.all_reached")
    )
    return t("analysis.chart.coverage_alt", summary=summary)


# --- drawing (matplotlib, imported here only) ---------------------------------------------
def _figure(size: tuple[float, float]) -> tuple[Any, Any]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, dpi=DPI)
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


def _png(figure: Any) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


def _legend_columns(entries: int) -> int:
    return max(1, math.ceil(entries / 14))


def _draw_time(chart: TimeChart, t: Translator) -> bytes:
    import matplotlib as mpl

    with mpl.rc_context(RC):
        figure, axes = _figure(TIME_SIZE)
        series = 1 + len(chart.respondents)
        width = 0.8 / series
        positions = range(len(chart.topics))
        axes.bar(
            [x - 0.4 + width / 2 for x in positions],
            chart.planned,
            width,
            label=t("analysis.chart.planned"),
            color=PLANNED_COLOUR,
        )
        colours = mpl.colormaps["tab20"].resampled(max(20, len(chart.respondents)))
        for r, (code, minutes) in enumerate(zip(chart.respondents, chart.actual, strict=True)):
            axes.bar(
                [x - 0.4 + width * (r + 1.5) for x in positions],
                minutes,
                width,
                label=t("export.matrix.respondent", code=code),
                color=colours(r % colours.N),
            )
        axes.set_xticks(list(positions))
        axes.set_xticklabels(chart.topics, rotation=20, ha="right")
        axes.set_ylabel(t("analysis.chart.minutes"))
        axes.grid(axis="x", visible=False)
        axes.legend(
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
            ncols=_legend_columns(series),
            fontsize=7,
        )
        figure.tight_layout()
        return _png(figure)


def _draw_coverage(chart: CoverageChart, t: Translator) -> bytes:
    import matplotlib as mpl
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    rows, columns = len(chart.rows), len(chart.respondents)
    height = min(11.0, max(3.0, 1.3 + 0.24 * rows))
    with mpl.rc_context({**RC, "axes.grid": False}):
        figure, axes = _figure((10.0, height))
        index = {state: n for n, state in enumerate(STATES)}
        grid = [[index[s] for s in row] for row in chart.states]
        colours = ListedColormap([STATE_COLOURS[s] for s in STATES])
        axes.imshow(grid, cmap=colours, vmin=0, vmax=len(STATES) - 1, aspect="auto")
        axes.set_xticks(range(columns))
        axes.set_xticklabels(chart.respondents, rotation=90 if columns > 16 else 0)
        axes.set_yticks(range(rows))
        axes.set_yticklabels(chart.rows, fontsize=7)
        axes.set_xticks([x - 0.5 for x in range(1, columns)], minor=True)
        axes.set_yticks([y - 0.5 for y in range(1, rows)], minor=True)
        axes.grid(which="minor", color="white", linewidth=1.0)
        axes.tick_params(which="minor", length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
        handles = [Patch(color=STATE_COLOURS[s], label=t(f"analysis.chart.{s}")) for s in STATES]
        axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        figure.tight_layout()
        return _png(figure)


def render_png(chart: TimeChart | CoverageChart, t: Translator) -> bytes:
    """The chart as PNG bytes (deterministic: same data, same bytes)."""
    if isinstance(chart, TimeChart):
        return _draw_time(chart, t)
    return _draw_coverage(chart, t)


def add_charts(doc: Any, sessions: Sequence[Session], case: str, lang: str) -> None:
    """Add both charts to a Word document, each a picture with its alt text (the
    ``wp:docPr`` ``descr`` that screen readers and Word's 'Alt Text' read) and a caption
    paragraph in the document's language below it."""
    from docx.shared import Cm

    from interviewer.export.text import clean_line

    t = Translator(lang)
    time_chart = time_chart_data(sessions, t)
    grid = coverage_chart_data(sessions)
    pictures: list[tuple[TimeChart | CoverageChart, str, str]] = [
        (time_chart, time_alt_text(time_chart, t), "analysis.chart.time_caption"),
        (grid, coverage_alt_text(grid, t), "analysis.chart.coverage_caption"),
    ]
    for number, (chart, alt, caption) in enumerate(pictures, start=1):
        paragraph = doc.add_paragraph()
        run = paragraph.add_run()
        run.add_picture(io.BytesIO(render_png(chart, t)), width=Cm(PICTURE_WIDTH_CM))
        for doc_pr in run.element.xpath(".//wp:docPr"):
            doc_pr.set("descr", clean_line(alt))
            doc_pr.set("title", clean_line(t(caption, number=number, case=case)))
        doc.add_paragraph(clean_line(t(caption, number=number, case=case)), style="Caption")
