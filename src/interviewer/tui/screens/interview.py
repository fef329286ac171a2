"""The interview screen: topic list, current question, quick answer, notes, flags, pace.

Every change goes to the session recorder at once (one call per keystroke) and the store's
autosaver writes it within a second; navigation commits the editor and flushes first.

When the interview is recorded (``run --record``), the screen starts the recording with
the clock (on a worker thread; only with the recording consent ticked), keeps it paused
with the clock (``f5``), switches it off and on with ``f8``, and shows it from a timer
(``RECORDING_TICK``): the pace bar's badge and level meter, a warning when the microphone
hears nothing, and with live transcription the strip of the last words heard under the
notes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import TextArea
from textual.widgets.text_area import Document

from interviewer import debug_log
from interviewer.domain.advice import interview_advice
from interviewer.domain.guidance import not_applicable_reason
from interviewer.domain.navigation import first_question_of, outline, probe_drop_reasons
from interviewer.domain.protocol import HIGHLIGHT_COLOURS, Question
from interviewer.domain.recorder import RecorderError
from interviewer.domain.session import Flag, QuestionRecord, SessionMode
from interviewer.domain.turns import INTERVIEWER_SPEAKER
from interviewer.i18n.errors import error_message
from interviewer.tui.bindings import QUIT, Key, bindings
from interviewer.tui.dialogs.pick import PickDialog
from interviewer.tui.host import HostScreen
from interviewer.tui.widgets.choice_bar import ChoiceBar
from interviewer.tui.widgets.key_footer import KeyFooter
from interviewer.tui.widgets.live_strip import LINES, LiveStrip
from interviewer.tui.widgets.pace_bar import AdviceLine, PaceBar, RecordingBadge, save_text
from interviewer.tui.widgets.question_panel import QuestionPanel, QuestionScroll
from interviewer.tui.widgets.topic_list import TopicList
from interviewer.tui.widgets.turn_area import TurnArea, reach_alt_digits

if TYPE_CHECKING:
    from interviewer.recording.live import RecordingStatus
    from interviewer.tui.live import LiveSession
    from interviewer.tui.session_recording import SessionRecording

TICK_SECONDS = 1.0
"""How often the clock-driven parts (pace bar, topic times, advice) are redrawn."""
RECORDING_TICK = 0.25
"""How often the recording's badge, level meter and live strip are redrawn (they read
``LiveRecording.status``, which never waits for the recorder's threads)."""


def recording_badge(status: RecordingStatus) -> RecordingBadge:
    """The pace bar's badge for a recording's status."""
    state = "off" if not status.active else "on" if status.writing else "paused"
    return RecordingBadge(state, status.seconds, status.level_dbfs)


def continued(note: str) -> str:
    """A note as the editor shows it on a later visit: followed by a new line, so what is
    typed now starts a paragraph of its own after what was written before."""
    return note + "\n" if note and not note.endswith("\n") else note


def note_text(area: TextArea) -> str:
    """The editor's text as the recorder keeps it: without trailing new lines (the one
    ``continued`` adds, or an Enter not followed by anything), so a visit changes nothing.

    In a group interview's editor a trailing blank line stays: it opens the paragraph of
    the next turn, whose speaker may already be chosen (docs/session-format.md, "Turns")."""
    text = area.text.rstrip("\n")
    if isinstance(area, TurnArea) and text.strip() and area.text.endswith("\n\n"):
        return text + "\n\n"
    return text


def continue_note(area: TextArea, note: str) -> None:
    """Load a note into an editor with the cursor after its end, never in front of it."""
    area.load_text(continued(note))
    area.move_cursor(area.document.end)


class PartEditor(TextArea):
    """The editor of one labelled note part (BP, KP) of one question."""

    def __init__(self, question_id: str, part_id: str, text: str, **kwargs: Any) -> None:
        # TextArea's own options are fixed here: soft wrap, tab moves focus
        super().__init__(continued(text), soft_wrap=True, tab_behavior="focus", **kwargs)
        self.question_id = question_id
        self.part_id = part_id

    def on_mount(self) -> None:
        self.move_cursor(self.document.end)


def answer_options(question: Question, t: Callable[..., str]) -> list[tuple[str, str]]:
    """(value, label) pairs of a question's quick answers; empty for open questions."""
    values = question.answer.allowed_values() or ()
    if question.answer.type.value == "yes-no":
        return [(v, t(f"tui.answer.{v}")) for v in values]
    return [(v, v) for v in values]


class InterviewScreen(HostScreen[None]):
    """The heart of the app; see the module docstring."""

    KEYS = (
        Key("ctrl+n", "next_question", "tui.key.next"),
        Key("ctrl+b", "previous_question", "tui.key.previous"),
        Key("ctrl+t", "jump", "tui.key.jump"),
        Key("ctrl+l", "skip", "tui.key.skip"),
        Key("ctrl+g", "tag", "tui.key.tag"),
        Key("ctrl+o", "quote", "tui.key.quote"),
        Key("f5", "pause", "tui.key.pause"),
        Key("f8", "record", "tui.key.record"),
        Key("f10", "end", "tui.key.end"),
        Key("f2", "question_more", "tui.key.more", show=False),
        # group interviews: alt+1..9 the participants in order, alt+0 the interviewer; named
        # under the notes (the footer has no room for them at 80 columns, in Dutch neither)
        *(
            Key(f"alt+{n}", f"speaker_key({n})", "tui.key.speaker", show=False)
            for n in (*range(1, 10), 0)
        ),
        QUIT,
    )
    BINDINGS = bindings(KEYS)

    def __init__(self) -> None:
        super().__init__()
        self._editor_qid: str | None = None
        self._notes: TextArea | None = None
        self._part_editors: list[PartEditor] = []
        self._recording_starts = False

    def compose(self) -> ComposeResult:
        yield PaceBar(id="pace")
        yield AdviceLine(id="advice")
        with Horizontal(id="body"):
            yield TopicList(id="topics")
            with Vertical(id="main"):
                yield from self.compose_question()
        yield KeyFooter()

    def compose_question(self) -> ComposeResult:
        """The current question with its answer bar, flags, speaker, notes and note parts.

        Shared with the closing screen, whose closing questions are answered the same way.
        """
        t = self.app.t
        with QuestionScroll(id="question-scroll"):
            yield QuestionPanel(id="question")
        yield ChoiceBar(t("tui.answer.label"), id="quick")
        yield ChoiceBar(
            t("tui.flags.label"),
            [(f.value, t(f"tui.flag.{f.value}")) for f in Flag],
            multi=True,
            id="flags",
        )
        yield ChoiceBar(t("tui.speaker.label"), id="speaker")
        session = self.app.live.session if self.app.live is not None else None
        if session is not None and session.mode is SessionMode.GROUP:
            labels = [*session.speaker_codes(), t("tui.turn.interviewer")]
            reach_alt_digits()
            yield TurnArea(
                soft_wrap=True,
                tab_behavior="focus",
                id="notes",
                placeholder=t("tui.notes.placeholder"),
                label_width=max(len(label) for label in labels),
            )
        else:
            yield TextArea(
                soft_wrap=True,
                tab_behavior="focus",
                id="notes",
                placeholder=t("tui.notes.placeholder"),
            )
        yield Vertical(id="parts")
        yield LiveStrip(id="heard")

    # --- setup ---------------------------------------------------------------------------
    @property
    def live(self) -> LiveSession:
        """The open session: this screen is shown only while there is one. It is ``None``
        only while ``finish_session`` replaces the screen; code that may run then (unmount,
        a late key) checks for that."""
        return cast("LiveSession", self.app.live)

    def on_mount(self) -> None:
        live = self.live
        live.commit = self.commit
        notes = self.query_one("#notes", TextArea)
        self._notes = notes
        self._part_editors = []
        notes.cursor_blink = self.app.blink
        notes.border_title = self.app.t("tui.notes.title")
        if isinstance(notes, TurnArea):
            count = min(9, len(live.session.speaker_codes()))
            keys = "alt+1" if count == 1 else f"alt+1…{count}"
            notes.border_subtitle = self.app.t("tui.turn.keys", keys=keys)
        session = live.session
        if session.current_question_id is None:
            try:
                if session.in_closing:
                    closing = session.protocol.closing.questions
                    if closing:
                        live.recorder.show_question(closing[0].id)
                elif session.current_topic_id:
                    first = first_question_of(session, session.current_topic_id)
                    if first:
                        live.recorder.show_question(first)
                else:
                    live.recorder.next_question()
            except RecorderError as exc:  # no first question to show: the list still works
                debug_log.record(exc, "interview: on_mount")
        speaker = self.query_one("#speaker", ChoiceBar)
        speaker.display = session.mode is SessionMode.GROUP
        self.load_question()
        self.set_interval(TICK_SECONDS, self.refresh_timing)
        if live.recording is not None:
            self.set_interval(RECORDING_TICK, self.refresh_recording)
            self.refresh_recording()
        notes.focus()

    def on_key(self, event: events.Key) -> None:
        """Letters that reach the screen while nothing has focus (typed while the screen was
        still being built, before the notes editor took the focus) go into the notes. Keys
        typed while another control has focus stay with that control: an address typed on
        the closing's Finish button never ends up in the transcript."""
        notes = self._notes
        if notes is None or notes.read_only or not event.is_printable or event.character is None:
            return
        if self.focused is not None or event.key in self.active_bindings:
            return
        event.stop()
        event.prevent_default()
        # focus now, not later (``focus()`` is deferred): the rest of a burst follows it
        self.set_focus(notes)
        notes.insert(event.character)

    def on_unmount(self) -> None:
        if self.live is not None and self.live.commit == self.commit and not self.live.closed:
            self.commit()
            self.live.commit = None

    # --- editor <-> recorder ----------------------------------------------------------------
    def commit(self) -> bool:
        """Hand the editors' text to the recorder (before every save and navigation).

        False when the recorder refused it: the caller must then not move away, since the
        next question's text would replace what is in the editor."""
        live = self.live
        if live is None or self._editor_qid is None or live.closed or self._notes is None:
            return True
        try:
            live.recorder.set_notes(self._editor_qid, note_text(self._notes))
            for editor in self._part_editors:
                live.recorder.set_part(editor.question_id, editor.part_id, note_text(editor))
        except RecorderError as exc:
            # the text stays in the editor (nothing is cleared), and the interviewer is told
            # at once: a note that could not be handed over must never vanish silently
            debug_log.record(exc, "interview: commit")
            self.notify(error_message(exc, self.app.lang), severity="error")
            return False
        return True

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        live = self.live
        if live is None or live.closed:
            return
        area = event.text_area
        if isinstance(area, PartEditor):
            live.recorder.set_part(area.question_id, area.part_id, note_text(area))
        elif area.id == "notes" and self._editor_qid is not None:
            live.recorder.set_notes(self._editor_qid, note_text(area))
            self.show_turns()

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        """The speaker bar follows the cursor through the paragraphs (group interviews)."""
        if event.text_area is self._notes:
            self.sync_speaker_bar()

    def load_question(self) -> None:
        """Show the current question: its text, answer control, flags, notes and parts."""
        live = self.live
        session = live.session
        t = self.app.t
        qid = session.current_question_id
        self._editor_qid = qid
        record = session.records.get(qid) if qid else None
        found = live.recorder.question(qid) if qid else None
        question = found if isinstance(found, Question) else None
        notes = self.query_one("#notes", TextArea)
        continue_note(notes, record.notes if record else "")
        notes.read_only = qid is None
        self._show_quick_answer(question, record)
        self.query_one("#flags", ChoiceBar).set_selected(
            [f.value for f in record.flags] if record else []
        )
        speakers = [(c, c) for c in session.speaker_codes()]
        speakers.append((INTERVIEWER_SPEAKER, t("word.interviewer")))
        self.query_one("#speaker", ChoiceBar).set_options(speakers)
        self.show_turns()
        self._show_part_editors(qid, question, record)
        self.refresh_timing()

    def _show_quick_answer(self, question: Question | None, record: QuestionRecord | None) -> None:
        """The quick-answer bar: the question's options (hidden when it has none), labelled
        with a scale's end labels so the interviewer sees what 1 and 5 mean."""
        t = self.app.t
        quick = self.query_one("#quick", ChoiceBar)
        options = answer_options(question, t) if question is not None else []
        quick.display = bool(options)
        label = t("tui.answer.label")
        if question is not None and question.answer.type.value == "scale":
            low, high = question.answer.min_label, question.answer.max_label
            if low or high:
                label += f" ({low or ''}…{high or ''})"
        quick.set_options(
            options, [record.quick_answer] if record and record.quick_answer else [], label=label
        )

    def _show_part_editors(
        self, qid: str | None, question: Question | None, record: QuestionRecord | None
    ) -> None:
        """An editor per part of the question (its label as border title, the part's notes
        so far), replacing the previous question's; the container hides when none."""
        parts = self.query_one("#parts", Vertical)
        parts.remove_children()
        editors: list[PartEditor] = []
        if question is not None and question.parts:
            for part in question.parts:
                editor = PartEditor(
                    qid or "",
                    part.id,
                    record.parts.get(part.id, "") if record else "",
                    classes="part",
                )
                editor.border_title = part.label
                editor.cursor_blink = self.app.blink
                editors.append(editor)
            parts.mount_all(editors)
        self._part_editors = editors if question is not None and question.parts else []
        parts.display = bool(question is not None and question.parts)

    # --- drawing --------------------------------------------------------------------------
    def refresh_timing(self) -> None:
        """Redraw everything that depends on the clock (called every half second)."""
        live = self.live
        if live is None or live.closed:
            return
        t = self.app.t
        snapshot = live.engine.snapshot()
        session = live.session
        self.query_one("#pace", PaceBar).show(
            snapshot, t, save_text(t, live.last_result, self.app.clock()), self.size.width
        )
        for line in self.query(AdviceLine):  # the closing screen has none
            line.show(interview_advice(session, snapshot), t, self.size.width)
        self.query_one("#topics", TopicList).show(outline(session, snapshot), t)
        qid = session.current_question_id
        question = live.recorder.question(qid) if qid else None
        topic = live.recorder.topic_of(qid) if qid else None
        relevant = next((f.reason for f in snapshot.follow_ups if f.question_id == qid), None)
        not_triggered = (
            qid is not None
            and isinstance(question, Question)
            and not live.recorder.is_relevant(qid)
        )
        not_applicable = (
            not_applicable_reason(session, question) if isinstance(question, Question) else None
        )
        position = ""
        if topic is not None and qid is not None:
            ids = [q.id for q in topic.questions]
            position = f"{ids.index(qid) + 1}/{len(ids)}"
        record = session.records.get(qid) if qid else None
        names = session.protocol.code_names()
        self.query_one("#question", QuestionPanel).show(
            t,
            question,
            topic,
            position=position,
            relevant=relevant,
            drop=probe_drop_reasons(snapshot).get(qid or ""),
            not_triggered=not_triggered and not_applicable is None,
            not_applicable=not_applicable,
            tags=[names.get(c, c) for c in record.tags] if record else [],
        )
        box = self.query_one(QuestionScroll)
        box.more_text = t("tui.question.more")
        self.call_after_refresh(box.show_cut)

    # --- messages from widgets ------------------------------------------------------------
    def on_choice_bar_changed(self, event: ChoiceBar.Changed) -> None:
        live = self.live
        qid = self._editor_qid
        if qid is None:
            return
        recorder = live.recorder
        try:
            if event.bar.id == "quick":
                recorder.set_quick_answer(qid, event.value)
            elif event.bar.id == "flags" and event.value is not None:
                record = live.recorder.record_of(qid)
                if (Flag(event.value) in record.flags) != event.on:
                    recorder.toggle_flag(qid, event.value)
            elif event.bar.id == "speaker":
                # the paragraph under the notes' cursor gets the speaker, as alt+digit does;
                # clearing is not offered: once chosen, every paragraph has a speaker
                if event.value is None:
                    self.sync_speaker_bar()
                else:
                    self.set_paragraph_speaker(event.value)
        except RecorderError as exc:
            self.notify(error_message(exc, self.app.lang), severity="warning")
        self.refresh_timing()

    def on_topic_list_chosen(self, event: TopicList.Chosen) -> None:
        if qid := event.question_id:
            self.go(lambda: self.live.recorder.show_question(qid))
        elif event.topic_id == "closing":
            self.go(self.live.recorder.enter_closing)
        elif event.topic_id:
            first = first_question_of(self.live.session, event.topic_id)
            if first:
                self.go(lambda: self.live.recorder.show_question(first))

    # --- navigation -------------------------------------------------------------------------
    def go(self, move: Callable[[], object]) -> None:
        """Commit the editor, move, save at once, and show where we are now."""
        if not self.commit():
            return  # stay: the editor still holds the text the recorder did not take
        try:
            move()
        except RecorderError as exc:
            self.notify(error_message(exc, self.app.lang), severity="warning")
        self.live.flush()
        if self.app.show_session_screen():
            return
        self.load_question()
        self.query_one("#notes", TextArea).focus()

    def action_next_question(self) -> None:
        from interviewer.tui.dialogs.coverage_check import next_or_check

        def step() -> None:
            if self.live.recorder.next_question() is None:
                self.live.recorder.enter_closing()

        # past the last topic question: first what is not covered (nothing missing: no check)
        next_or_check(self, lambda: self.go(step))

    def action_previous_question(self) -> None:
        self.go(self.live.recorder.previous_question)

    def action_skip(self) -> None:
        if self._editor_qid is None:
            return
        qid = self._editor_qid

        def step() -> None:
            self.live.recorder.skip(qid)
            if self.live.recorder.next_question() is None:
                self.live.recorder.enter_closing()

        self.commit()  # the notes typed so far decide whether to ask first
        if not self.live.recorder.has_content(qid):
            self.go(step)
            return
        # skipping says "not asked": with notes or an answer that is rarely meant, so ask
        from interviewer.tui.dialogs.confirm import ConfirmDialog

        t = self.app.t

        def answer(yes: bool | None) -> None:
            if yes and self._editor_qid == qid:
                self.go(step)
            else:
                self.query_one("#notes", TextArea).focus()

        self.app.push_screen(
            ConfirmDialog(t("tui.skip.confirm"), t("tui.skip.yes"), t("tui.skip.no")), answer
        )

    def action_jump(self) -> None:
        from interviewer.domain.navigation import jump_entries
        from interviewer.tui.dialogs.jump import JumpDialog

        def chosen(qid: str | None) -> None:
            if qid:
                self.go(lambda: self.live.recorder.show_question(qid))

        self.app.push_screen(JumpDialog(jump_entries(self.live.session), self.app.t), chosen)

    def action_tag(self) -> None:
        qid = self._editor_qid
        if qid is None:
            return
        t = self.app.t
        protocol = self.live.session.protocol
        names = protocol.code_names()
        colours = {tp.id: tp.colour for tp in protocol.topics}
        colours.update({c.id: c.colour for c in protocol.extra_codes})
        tags = self.live.recorder.record_of(qid).tags
        from rich.text import Text

        choices = []
        for code in self.live.recorder.tag_choices(qid):
            label = Text()
            colour = colours.get(code)
            label.append("■ ", style=HIGHLIGHT_COLOURS[colour] if colour else "")
            label.append(("✓ " if code in tags else "") + names[code])
            choices.append((code, label))

        def chosen(code: str | None) -> None:
            if not code:
                return
            self.commit()
            if code in self.live.recorder.record_of(qid).tags:
                self.live.recorder.untag(qid, code)
                self.notify(t("tui.tag.removed", code=names[code]))
            else:
                self.live.recorder.tag(qid, code)
                self.notify(t("tui.tag.added", code=names[code]))
            self.live.flush()
            self.refresh_timing()
            self.query_one("#notes", TextArea).focus()

        self.app.push_screen(
            PickDialog(t("tui.tag.title"), choices, t("tui.jump.placeholder")), chosen
        )

    def toggle_flag(self, flag: Flag) -> None:
        qid = self._editor_qid
        if qid is None:
            return
        self.commit()
        self.live.recorder.toggle_flag(qid, flag)
        self.query_one("#flags", ChoiceBar).set_selected(
            f.value for f in self.live.recorder.record_of(qid).flags
        )
        self.refresh_timing()

    def action_quote(self) -> None:
        self.toggle_flag(Flag.QUOTE)

    def action_flag(self, name: str) -> None:
        self.toggle_flag(Flag(name))

    def action_answer(self, value: str) -> None:
        qid = self._editor_qid
        if qid is None:
            return
        try:
            self.live.recorder.set_quick_answer(qid, value or None)
        except RecorderError as exc:
            self.notify(error_message(exc, self.app.lang), severity="warning")
        record = self.live.recorder.record_of(qid)
        self.query_one("#quick", ChoiceBar).set_selected(
            [record.quick_answer] if record.quick_answer else []
        )
        self.refresh_timing()

    def action_question_more(self) -> None:
        """f2: the next part of a question too long for its panel (the cursor stays)."""
        self.query_one(QuestionScroll).page_on()

    def action_pause(self) -> None:
        recorder = self.live.recorder
        self.commit()
        try:
            if self.live.session.status.value == "paused":
                recorder.resume()
            else:
                recorder.pause()
        except RecorderError as exc:
            self.notify(error_message(exc, self.app.lang), severity="warning")
        self.live.flush()
        if self.live.recording is not None:  # the recording pauses with the clock
            self.live.recording.follow_clock()
            self.refresh_recording()
        self.refresh_timing()

    # --- recording ------------------------------------------------------------------------------
    def action_record(self) -> None:
        """f8: switch the recording off, or on again (consent permitting)."""
        recording = self.live.recording if self.live is not None else None
        if recording is None:
            self.notify(self.app.t("tui.rec.not_recording"), severity="warning")
            return
        self.notify(recording.toggle(self.app.lang))
        self.refresh_recording()

    def refresh_recording(self) -> None:
        """Start the recording once the clock runs, keep it with the clock, and redraw its
        badge, level and live strip (``RECORDING_TICK``)."""
        live = self.app.live
        if live is None or live.closed or live.recording is None:
            return
        recording = live.recording
        t = self.app.t
        if not recording.started:
            self._start_recording(recording)
        recording.follow_clock()
        status = recording.status()
        self.query_one("#pace", PaceBar).show_recording(
            None if status is None else recording_badge(status)
        )
        strip = self.query_one("#heard", LiveStrip)
        if status is None:
            strip.hide()
            return
        if recording.watch.look(status):
            seconds = f"{status.seconds:.0f}"
            self.notify(t("tui.rec.dead_mic", seconds=seconds), severity="warning", timeout=30)
        problem = recording.new_problem(status, self.app.lang)
        if problem is not None:
            self.notify(t("tui.rec.problem", problem=problem), severity="error", timeout=30)
        if status.transcribing or status.segments:
            width = strip.size.width or self.query_one("#notes", TextArea).size.width
            lines = recording.recent_lines(LINES)  # recording positions: where in the audio
            strip.show(lines, status.behind_seconds, status.segments, t, width)
        else:
            strip.hide()

    def _start_recording(self, recording: SessionRecording) -> None:
        """Once the clock runs: start the recording on a worker thread (the
        microphone opens, the transcriber's process starts); its lines come back here."""
        session = self.live.session
        if self._recording_starts or not recording.ready or session.started_at is None:
            return
        if session.status.value == "paused":  # a resumed session: recording starts with
            return  # the clock (f5), so a file played in is not spent on a paused clock
        self._recording_starts = True
        from interviewer.tui.session_recording import in_background

        in_background(
            self.app,
            "start-recording",
            partial(recording.start, self.app.lang),
            self._recording_started,
        )

    def _recording_started(self, lines: list[str]) -> None:
        for line in lines:
            self.notify(line, severity="warning", timeout=20)
        if self.is_attached:
            self.refresh_recording()
            self.refresh_bindings()

    def action_end(self) -> None:
        from interviewer.tui.dialogs.coverage_check import check_coverage

        # what is not covered comes first (nothing missing: straight to the closing)
        check_coverage(self, "closing", lambda: self.go(self.live.recorder.enter_closing))

    # --- speakers (group interviews) ----------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The speaker keys exist in group interviews only (hidden from the footer else)."""
        if action == "speaker_key":
            live = self.app.live
            return live is not None and live.session.mode is SessionMode.GROUP
        if action == "record":  # in the footer only when the interview is recorded
            live = self.app.live
            recording = live.recording if live is not None else None
            return recording is not None and not recording.ended
        return True

    def show_turns(self) -> None:
        """Draw each paragraph's speaker in the notes editor's gutter (group interviews)."""
        notes, qid = self._notes, self._editor_qid
        if not isinstance(notes, TurnArea) or self.live is None:
            return
        record = self.live.session.records.get(qid) if qid else None
        interviewer = self.app.t("tui.turn.interviewer")
        speakers = [
            interviewer if turn.speaker == INTERVIEWER_SPEAKER else turn.speaker
            for turn in (record.turns if record else [])
        ]
        notes.show_turns(record.notes if record else "", speakers)
        self.sync_speaker_bar()

    def sync_speaker_bar(self) -> None:
        """Show in the ``#speaker`` bar who speaks in the paragraph under the notes' cursor.

        Runs on every cursor move and keystroke, so it is cheap: a bisection over the
        paragraphs' first lines (``TurnArea.paragraph_of_row``); the bar redraws only when
        the speaker shown changes."""
        notes, qid = self._notes, self._editor_qid
        if not isinstance(notes, TurnArea) or self.live is None:
            return
        record = self.live.session.records.get(qid) if qid else None
        turns = record.turns if record else []
        paragraph = notes.paragraph_of_row(notes.cursor_location[0])
        speaker = turns[min(paragraph, len(turns) - 1)].speaker if turns else None
        self.query_one("#speaker", ChoiceBar).set_selected([speaker] if speaker else [])

    def action_speaker_key(self, number: int) -> None:
        """alt+1..9: participant 1..9 speaks, alt+0: the interviewer. At the end of the
        note a new turn (paragraph) begins; inside a paragraph its speaker is corrected."""
        live, notes, qid = self.live, self._notes, self._editor_qid
        if live is None or notes is None or qid is None or notes.read_only:
            return
        codes = live.session.speaker_codes()
        if number > len(codes):
            self.notify(self.app.t("tui.turn.no_participant", number=number), severity="warning")
            return
        self.set_paragraph_speaker(INTERVIEWER_SPEAKER if number == 0 else codes[number - 1])

    def set_paragraph_speaker(self, code: str) -> None:
        """``code`` speaks in the paragraph under the notes' cursor, or begins a new turn
        there at the end of the note (the speaker keys and the speaker bar alike)."""
        live, notes, qid = self.live, self._notes, self._editor_qid
        if live is None or notes is None or qid is None or notes.read_only:
            return
        self.commit()
        document = cast(
            Document, notes.document
        )  # Textual types it DocumentBase; ours are Documents
        cursor = document.get_index_from_location(notes.cursor_location)
        try:
            change = live.recorder.speaker_key(qid, code, cursor)
        except RecorderError as exc:
            self.notify(error_message(exc, self.app.lang), severity="warning")
            self.sync_speaker_bar()  # the bar shows the paragraph's speaker, not the refused one
            return
        if change.started:
            # the editor gets the blank line that opens the new turn, the cursor after it
            text = notes.text
            keep = len(text.rstrip())
            notes.replace(change.text[keep:], document.get_location_from_index(keep),
                          notes.document.end)  # fmt: skip
            notes.move_cursor(notes.document.end)
        self.show_turns()

    # --- command palette ----------------------------------------------------------------------
    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """Every action of this screen for the command palette: (title, help, callback)."""
        t = self.app.t
        commands: list[tuple[str, str, Callable[[], object]]] = [
            (t(k.message), k.key, partial(self.run_action, k.action))
            for k in self.KEYS
            if not k.action.startswith("app.")
        ]
        for flag in (Flag.RETICENT, Flag.IMPORTANT):
            commands.append(
                (
                    t("tui.cmd.flag", flag=t(f"tui.flag.{flag.value}")),
                    "",
                    partial(self.run_action, f"flag('{flag.value}')"),
                )
            )
        qid = self._editor_qid
        question = self.live.recorder.question(qid) if qid else None
        if isinstance(question, Question):
            for value, label in answer_options(question, t):
                commands.append(
                    (t("tui.cmd.answer", answer=label), "", partial(self.action_answer, value))
                )
            commands.append((t("tui.cmd.clear_answer"), "", partial(self.action_answer, "")))
        return commands
