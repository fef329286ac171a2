"""A finished (or any) session, read-only: answers and notes per topic, coverage, durations,
and the notes tagged to other variables. ``escape`` goes back."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from interviewer.domain.navigation import tagged_elsewhere, topic_progress
from interviewer.domain.protocol import AnswerType
from interviewer.domain.session import QuestionRecord, Session, SessionMode, SessionStatus
from interviewer.domain.timing import TimingEngine
from interviewer.domain.turns import INTERVIEWER_SPEAKER
from interviewer.export.content import spoken_turns
from interviewer.i18n import Translator
from interviewer.tui.bindings import QUIT, Key, bindings
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
    for question in session.protocol.closing.questions:
        record = session.records.get(question.id)
        closing.append("\n  " + question.text, style="bold")
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


class ReviewScreen(Screen[None]):
    """See the module docstring."""

    KEYS = (
        Key("escape", "back", "tui.key.back"),
        Key("v", "verbatim", "verbatim.key.open", priority=False),
        QUIT,
    )
    BINDINGS = bindings(KEYS)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="review"):
            yield Static(review_renderable(self.session, self.app.t, self.app.clock))
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#review").focus()

    def action_back(self) -> None:
        """Back to the home list (also after a session started with ``run`` was finished)."""
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.show_home()

    def action_verbatim(self) -> None:
        from interviewer.tui.screens.transcript import open_transcript_screen

        open_transcript_screen(self.app, self.session)

    def palette_commands(self):
        return [(self.app.t("verbatim.cmd.open"), "v", self.action_verbatim)]
