"""A finished (or any) session, read-only: answers and notes per topic, coverage, durations,
and the notes tagged to other variables. ``escape`` goes back.

``g`` shows the interview's timeline instead (and back): its topics over time, one bar per
visit with the pauses cut out and marked on a lane of their own (``textual-plotext``), then
planned against actual minutes per topic and the coverage of the characteristics, drawn by
the analysis screen's own chart helpers (``tui.widgets.charts``) from
``review_timeline.interview_timeline``. Built on first use, so reading the notes does not
wait for plotext."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from interviewer.domain.navigation import tagged_elsewhere, topic_progress
from interviewer.domain.protocol import AnswerType
from interviewer.domain.session import QuestionRecord, Session, SessionMode, SessionStatus
from interviewer.domain.timing import TimingEngine
from interviewer.domain.turns import INTERVIEWER_SPEAKER
from interviewer.export.content import spoken_turns
from interviewer.i18n import Translator
from interviewer.review_timeline import interview_timeline
from interviewer.tui.bindings import QUIT, Key, bindings
from interviewer.tui.host import HostScreen
from interviewer.tui.widgets.charts import (
    chart_plot,
    coverage_legend,
    draw_minutes,
    draw_timeline,
    fill_coverage,
)
from interviewer.tui.widgets.key_footer import KeyFooter
from interviewer.tui.widgets.pace_bar import clock_text
from interviewer.tui.widgets.question_panel import code_style


def _turn_paragraphs(block: Text, session: Session, record: QuestionRecord, t: Translator) -> None:
    """A group session's note: each turn its own paragraph starting with its speaker's code
    (``2.2: …``), split and labelled exactly as the transcript export does."""
    interviewer = t("word.interviewer")
    for speaker, text in spoken_turns(session, record):
        who = interviewer if speaker == INTERVIEWER_SPEAKER else speaker
        block.append(f"\n    {who}: ", style="bold")
        block.append(text.strip().replace("\n", "\n    "))


def review_renderable(session: Session, t: Translator, clock) -> Group:
    """The whole session as Rich renderables (also used by tests)."""
    group = session.mode is SessionMode.GROUP and bool(session.participants)
    snapshot = TimingEngine(session, clock).snapshot()
    parts: list[Text] = []
    head = Text()
    head.append(f" {session.protocol.title} ", style="bold reverse")
    head.append("  " + t("tui.intro.who", case=session.case, respondent=session.respondent))
    head.append(f"  {session.date.isoformat()}  ")
    head.append(t(f"tui.status.{session.status.value}"), style="bold")
    head.append(
        "\n"
        + t(
            "tui.review.duration",
            elapsed=clock_text(snapshot.elapsed_seconds),
            planned=clock_text(snapshot.planned_seconds),
            words=session.word_count(),
        )
    )
    if session.status is not SessionStatus.FINISHED:  # the status above already says so
        head.append("  " + snapshot.pace.reason.render(t.lang))
    parts.append(head)
    coverage = {c.topic_id: c for c in snapshot.coverage}
    names = session.protocol.code_names()
    for topic in session.protocol.topics:
        timing = snapshot.topic(topic.id)
        progress = topic_progress(session, topic)
        block = Text("\n")
        block.append(f" {topic.variable} ", style=code_style(topic.colour))
        block.append(f" {topic.title}", style="bold")
        block.append(
            f"  {progress.asked}/{progress.total}  "
            f"{clock_text(timing.elapsed_seconds)}/{clock_text(timing.planned_seconds)}",
            style="bold red" if timing.over else "dim",
        )
        block.append("\n  " + coverage[topic.id].reason.render(t.lang), style="italic")
        for question in topic.questions:
            record = session.records.get(question.id)
            if record is None:
                continue
            block.append(f"\n  {t('tui.state.' + record.state.value)}  ", style="dim")
            block.append(question.text, style="bold")
            if record.quick_answer:
                answer = record.quick_answer
                if question.answer.type is AnswerType.YES_NO:
                    answer = t(f"answer.{answer}").lower()
                block.append(f"  [{answer}]", style="bold cyan")
            if record.flags:
                block.append(
                    "  " + " ".join(t(f"tui.flag.{f.value}") for f in record.flags), style="yellow"
                )
            if group and record.speaker and not record.notes.strip():
                block.append(f"  ({record.speaker})", style="dim")  # whose quick answer
            if record.tags:
                block.append(
                    "\n    "
                    + t("tui.question.tags", codes=", ".join(names.get(c, c) for c in record.tags)),
                    style="magenta",
                )
            if group:
                _turn_paragraphs(block, session, record, t)
            elif record.notes.strip():
                block.append("\n    " + record.notes.strip().replace("\n", "\n    "))
            for part_id, value in record.parts.items():
                block.append(f"\n    {part_id.upper()}: " + value.strip().replace("\n", "\n    "))
        parts.append(block)
    closing = Text("\n")
    closing.append(" " + t("tui.closing.title") + " ", style="bold reverse")
    for closing_question in session.protocol.closing.questions:
        record = session.records.get(closing_question.id)
        closing.append("\n  " + closing_question.text, style="bold")
        if record and group:
            _turn_paragraphs(closing, session, record, t)
        elif record and record.notes.strip():
            closing.append("\n    " + record.notes.strip().replace("\n", "\n    "))
    parts.append(closing)
    tagged = tagged_elsewhere(session)
    if tagged:
        block = Text("\n")
        block.append(" " + t("tui.review.tagged") + " ", style="bold reverse")
        index = session.protocol.question_index()
        for qid, code in tagged:
            where = index[qid][0].title if qid in index else t("tui.closing.title")
            block.append(f"\n  {where} › {qid} → {names.get(code, code)}")
        parts.append(block)
    return Group(*parts)


class ReviewScreen(HostScreen[None]):
    """See the module docstring."""

    KEYS = (
        Key("escape", "back", "tui.key.back"),
        Key("v", "verbatim", "verbatim.key.open", priority=False),
        Key("g", "timeline", "tui.review.key.timeline", priority=False),
        QUIT,
    )
    BINDINGS = bindings(KEYS)
    DEFAULT_CSS = """
    ReviewScreen #review-charts { padding: 0 1; }
    ReviewScreen .chart-label { height: 1; text-style: bold; }
    ReviewScreen #timeline-summary { height: auto; color: $text-muted; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._building = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="review"):
            yield Static(review_renderable(self.session, self.app.t, self.app.clock))
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#review").focus()

    async def action_timeline(self) -> None:
        """Show the timeline instead of the notes, or the notes again."""
        if self._building:
            return  # a second ``g`` while the first builds the charts
        found = self.query("#review-charts")
        if found:
            self._show_timeline(not found.first().display)
            return
        self._building = True
        try:
            charts = self._timeline_view()
            await self.mount(charts, before=self.query_one(KeyFooter))
            self._draw_timeline(charts)
            self._show_timeline(True)
        finally:
            self._building = False

    def _show_timeline(self, showing: bool) -> None:
        charts = self.query_one("#review-charts")
        review = self.query_one("#review")
        charts.display = showing
        review.display = not showing
        (charts if showing else review).focus()

    def _timeline_view(self) -> VerticalScroll:
        t = self.app.t
        lanes = len(self.session.protocol.topics) + 2  # and the closing, the pauses
        return VerticalScroll(
            Static(t("tui.review.chart.timeline"), classes="chart-label"),
            chart_plot("timeline-plot", min(2 * lanes + 6, 30)),
            Static(id="timeline-summary"),
            Static(t("tui.review.chart.minutes"), classes="chart-label"),
            chart_plot("minutes-plot", 14),
            Static(t("tui.review.chart.coverage"), classes="chart-label"),
            DataTable(id="coverage-grid", cursor_type="none", zebra_stripes=True),
            Static(coverage_legend(t), id="coverage-legend"),
            id="review-charts",
        )

    def _draw_timeline(self, charts: VerticalScroll) -> None:
        from textual_plotext import PlotextPlot

        t = self.app.t
        timeline = interview_timeline(self.session, t("export.matrix.time_closing"))
        respondents = [timeline.respondent]
        plot = charts.query_one("#timeline-plot", PlotextPlot)
        summary = charts.query_one("#timeline-summary", Static)
        if timeline.empty:
            plot.display = False
            summary.update(Text(t("tui.review.chart.empty"), style="italic"))
        else:
            draw_timeline(plot.plt, timeline, t)
            returned = [lane.label for lane in timeline.lanes if lane.returned]
            paused = sum(p.length for p in timeline.pauses)
            summary.update(
                t(
                    "tui.review.chart.visits",
                    pauses=len(timeline.pauses),
                    paused=clock_text(paused),
                    returned=", ".join(returned) or "-",
                )
            )
        minutes = charts.query_one("#minutes-plot", PlotextPlot).plt
        draw_minutes(minutes, timeline.minutes, respondents, t)
        grid = charts.query_one("#coverage-grid", DataTable)
        fill_coverage(grid, timeline.coverage, respondents, t)

    def action_back(self) -> None:
        """Back to the home list (also after a session started with ``run`` was finished);
        from the timeline: to the notes first."""
        charts = self.query("#review-charts")
        if charts and charts.first().display:
            self._show_timeline(False)
            return
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.show_home()

    def action_verbatim(self) -> None:
        from interviewer.tui.screens.transcript import open_transcript_screen

        open_transcript_screen(self.app, self.session)

    def palette_commands(self):
        return [
            (self.app.t("verbatim.cmd.open"), "v", self.action_verbatim),
            (self.app.t("tui.review.cmd.timeline"), "g", self.action_timeline),
        ]
