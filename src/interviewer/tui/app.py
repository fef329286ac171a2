"""The Textual app: wires the screens to one open session and guards every exit path.

``make_app`` is shared by the CLI, the tests and the benchmarks. Exit paths that save:
``ctrl+q`` (asks first while the interview is unfinished; while nothing could be saved
anywhere it does not exit but offers a folder to write the notes to), SIGHUP and SIGTERM (handlers
installed on mount), and an unhandled exception (saved first; the crash report names the
error type and place only, never a value that could hold note text).

With a ``RecordRequest`` (``run --record``) the open session gets a ``SessionRecording``
(``tui.session_recording``), made on a worker thread once the session is open; the
interview screen starts it with the clock. Finishing waits for the live transcript in a
dialog (``dialogs.finishing``); ``ctrl+q`` stops it within seconds, signals and a crash at
once. The recording's files always stay; ``interviewer transcribe ID`` completes a
transcript left unfinished.

Started with a ``PendingSession`` (``interviewer run``), the app draws the introduction
first and creates the session right after that first frame; keys pressed until the session
is open are held and then handled one after the other, in the order they came. A screen
with ``KEYS_IN_TURN`` (the introduction) has its keys handled that way too, so a fast
``space`` then ``ctrl+s`` ticks before it starts.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from interviewer import debug_log
from interviewer.i18n import Translator, resolve_language
from interviewer.tui.bindings import localized
from interviewer.tui.host import InterviewerHost
from interviewer.tui.pending import PendingSession, StartFailed

if TYPE_CHECKING:  # the session models (pydantic) are imported after the first frame
    from interviewer.domain.session import Session
    from interviewer.tui.live import LiveSession
    from interviewer.tui.session_recording import RecordRequest, SessionRecording

Clock = Callable[[], float]
SAVE_WATCH_SECONDS = 1.0
"""How often the app looks at the autosaver's last result, to say when saving works again."""
HARD_EXIT_SECONDS = 3.0
"""After a signal and a successful save, the process ends within this time even if the
terminal is gone and Textual cannot restore it."""
REPLAY_TIMEOUT = 0.5
"""Seconds a replayed key may take before the next held key follows anyway."""


EDITING_KEYS = frozenset(
    {"enter", "backspace", "delete", "left", "right", "up", "down", "home", "end"}
)
"""Non-character keys a text field handles itself; with characters they go straight to it
unless a binding takes them."""

REPLAY_ROUNDS = 2
"""How often ``KeyHandled`` travels up from the widget a replayed key went to before the
next key follows: once for the key itself (its binding runs at the app), once more for a
message the binding's action sent to that widget (a checklist's space selects this way)."""


TEXT_FIELD_CLASSES = (
    ("textual.widgets._text_area", "TextArea"),
    ("textual.widgets._input", "Input"),
)


def is_text_field(widget: object) -> bool:
    """True for Textual's TextArea and Input (looked up only once their module is loaded, so
    the app does not import them before a screen needs them)."""
    for module, name in TEXT_FIELD_CLASSES:
        cls = getattr(sys.modules.get(module), name, None)
        if cls is not None and isinstance(widget, cls):
            return True
    return False


class KeyHandled(Message):
    """Sent after a replayed key to the widget it went to: it arrives at the app behind
    that key (same queues, same way up)."""

    def __init__(self, step: int, target: Any, rounds: int) -> None:
        super().__init__()
        self.step = step
        self.target = target
        self.rounds = rounds


class CrashReport(Exception):
    """An unhandled error, reported without values (they could hold note text)."""

    def __init__(self, error: BaseException, saved: str) -> None:
        super().__init__(type(error).__name__)
        # the innermost frame of our own code: a crash inside Textual was caused by a call
        # of ours, and that call is where a maintainer starts
        frame = debug_log.innermost_own_frame(error)
        where = f" at {Path(frame.filename).name}:{frame.lineno} in {frame.name}" if frame else ""
        name = type(error).__name__
        self.summary = f"interviewer stopped after an unexpected error: {name}{where}."
        if debug_log.enabled():
            debug_log.record(error, "crash")
            self.details = f"Full traceback (no note text): {debug_log.log_path()}"
        else:
            self.details = f"For the full traceback run again with {debug_log.DEBUG_ENV}=1."
        self.saved = saved

    def __rich__(self) -> Text:
        return Text(f"{self.summary}\n{self.saved}\n{self.details}\n", style="bold")


class InterviewerApp(InterviewerHost):
    """See the module docstring. ``store`` is a ``SessionStore`` (or a test stand-in)."""

    CSS_PATH = "app.tcss"
    TITLE = "interviewer"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", show=False, priority=True, id="quit")
    ]
    ENABLE_COMMAND_PALETTE = True
    start_screen: Callable[[], Screen] | None = None
    """The first screen instead of home (set by ``interviewer analyse``)."""

    def __init__(
        self,
        store: Any,
        *,
        lang: str = "en",
        explicit_lang: str | None = None,
        clock: Clock = time.time,
        live: LiveSession | None = None,
        blink: bool = True,
        handle_signals: bool = True,
        first_frame: Callable[[], object] | None = None,
        pending: PendingSession | None = None,
        record: RecordRequest | None = None,
        record_lines: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.store = store
        self.t = Translator(lang)
        self.lang = self.t.lang
        self._home_lang = self.lang if live is None and pending is None else None
        self.explicit_lang = explicit_lang
        """``--lang``, if given: it overrides the protocol's language on session screens."""
        self.clock = clock
        self.live: LiveSession | None = live
        self.blink = blink
        self.handle_signals = handle_signals
        self.first_frame = first_frame
        self.pending = pending
        self.exit_message: str | None = None
        self._pending_tried = False
        self._held_keys: list[events.Key] | None = [] if pending is not None else None
        self._replay_step = 0
        self._replaying = False
        self._typing_target: Any = None
        self._replay_screen: Screen | None = None
        self._bound_keys_of: Screen | None = None
        self._bound_keys_cache: frozenset[str] = frozenset()
        self._save_failing = False
        self.record = record
        """What ``run --record`` asked for (None: this app records nothing)."""
        self._record_lines = list(record_lines)
        self._finishing: SessionRecording | None = None

    # --- start ------------------------------------------------------------------------------
    def on_mount(self, event: events.Mount) -> None:
        if self.first_frame is not None:
            self.call_after_refresh(self.first_frame)
        if self.handle_signals:
            self._install_signal_handlers()
        self.set_interval(SAVE_WATCH_SECONDS, self.watch_saves)
        for line in self._record_lines:  # printed by the command too, before the screen
            self.notify(line, severity="warning", timeout=20)
        if self.live is not None:
            self._attach_recording(self.live)
            self.show_session_screen()
        elif self.pending is not None:
            from interviewer.tui.screens.intro import IntroductionScreen

            self.push_screen(localized(IntroductionScreen, self.lang)())
        elif self.start_screen is not None:  # interviewer analyse: its screen, no home
            self.push_screen(self.start_screen())
        else:
            from interviewer.tui.screens.home import HomeScreen

            self.push_screen(localized(HomeScreen, self.lang)())

    def _install_signal_handlers(self) -> None:
        loop = asyncio.get_running_loop()
        for name in ("SIGHUP", "SIGTERM"):
            number = getattr(signal, name, None)
            if number is None:
                continue
            try:
                loop.add_signal_handler(number, self.on_signal, number)
            except (NotImplementedError, RuntimeError):  # e.g. Windows: plain handler
                signal.signal(number, lambda sig, _frame: self.call_later(self.on_signal, sig))

    # --- a session created after the first frame ------------------------------------------
    async def open_pending(self) -> None:
        """Create and open the pending session (the introduction calls this once it has
        been drawn); on failure exit with its one line and code 1. Held keys follow."""
        pending = self.pending
        if pending is None or self._pending_tried:
            return
        self._pending_tried = True
        try:
            store, live = pending.open()
        except StartFailed as exc:
            self._held_keys = None
            self.exit_message = f"interviewer: error: {exc}"
            self.exit(return_code=1)
            return
        self.store, self.live, self.pending = store, live, None
        self._attach_recording(live)
        ready = getattr(self.screen, "session_ready", None)
        if ready is not None:
            await ready()
        self._pump_keys()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            held = self._held_keys if self._keys_in_turn() else None
            if held is not None:
                held.append(event)
                self._pump_keys()
            elif self._typed_into_editor(event):
                # the editor's queue keeps these in order among themselves
                self._typing_target = self.focused
                await super().on_event(event)
            else:  # it may run a binding or move the focus: after every key before it
                self._held_keys = [event]
                self._pump_keys()
            return
        await super().on_event(event)

    def _keys_in_turn(self) -> bool:
        """Keys wait until the session is open, and then (and while the current screen has
        ``KEYS_IN_TURN``) are handled strictly one after the other."""
        if self._held_keys is None and getattr(self.screen, "KEYS_IN_TURN", False):
            self._held_keys = []
        return self._held_keys is not None

    def _typed_into_editor(self, key: events.Key) -> bool:
        """True for a key that only edits the focused text field: a character or an editing
        key that no screen or app binding takes. Such keys go straight to the field's queue;
        every other key waits until the keys before it have been handled."""
        focused = self.focused
        if not is_text_field(focused) or getattr(focused, "read_only", False):
            return False
        if not (key.is_printable or key.key in EDITING_KEYS):
            return False
        return key.key not in self._bound_keys()

    def _bound_keys(self) -> frozenset[str]:
        """Keys bound on the current screen or the app (cached per screen)."""
        screen = self.screen
        if self._bound_keys_of is not screen:
            keys = set(screen._bindings.key_to_bindings) | set(self._bindings.key_to_bindings)
            self._bound_keys_cache = frozenset(keys)
            self._bound_keys_of = screen
        return self._bound_keys_cache

    def _pump_keys(self) -> None:
        if self.pending is not None or self._replaying or not self._held_keys:
            return
        self._replaying = True
        target, self._typing_target = self._typing_target, None
        self._replay_step += 1
        step = self._replay_step
        # a barrier behind the characters still queued at the editor: the held key is
        # handled once they have all been typed (a timer in case it is lost)
        barrier = KeyHandled(step, target, 1)
        if target is not None and target.is_attached and target.post_message(barrier):
            self.set_timer(REPLAY_TIMEOUT, partial(self._next_held_key, step))
            return
        self.call_later(self._replay_held_key)

    async def _replay_held_key(self) -> None:
        """Handle the next waiting key as if it came now; the next one only once this one
        has gone all the way (a key travels from the focused widget up to the app, where
        its binding runs; a later priority key such as ctrl+s would overtake it otherwise).
        Keys arriving meanwhile queue up behind."""
        held = self._held_keys
        if not held:
            self._replaying = False
            if held is not None and not getattr(self.screen, "KEYS_IN_TURN", False):
                self._held_keys = None
            return
        if self.screen is not self._replay_screen:
            # a screen that has just come has not settled its focus yet (it is given once
            # the screen is mounted): the key waits for the screen's first frame
            self._replay_screen = self.screen
            self.call_after_refresh(self._replay_held_key)
            return
        key = held.pop(0)
        target = self.focused or self.screen
        await super().on_event(key)
        self._replay_step += 1
        step = self._replay_step
        if key.is_forwarded and target.post_message(KeyHandled(step, target, REPLAY_ROUNDS)):
            # behind the key in every queue on its way up; a timer in case it is lost
            self.set_timer(REPLAY_TIMEOUT, partial(self._next_held_key, step))
        else:  # handled here (a priority binding) or the widget is gone
            self._next_held_key(step)

    def _next_held_key(self, step: int) -> None:
        if step == self._replay_step and self._replaying:
            self._replay_step += 1
            self.call_later(self._replay_held_key)

    def on_key_handled(self, message: KeyHandled) -> None:
        message.stop()
        rounds = message.rounds - 1
        if rounds > 0 and message.step == self._replay_step:
            again = KeyHandled(message.step, message.target, rounds)
            if message.target.is_attached and message.target.post_message(again):
                return
        self._next_held_key(message.step)

    # --- recording ---------------------------------------------------------------------------
    def _attach_recording(self, live: LiveSession) -> None:
        """Give the session opened for ``run --record`` its recording, prepared on a worker
        thread (PortAudio scans the devices meanwhile); what cannot be is one line."""
        if self.record is None or live.recording is not None:
            return
        from interviewer.tui.session_recording import SessionRecording, in_background

        recording = SessionRecording(self.record, Path(self.store.data_dir), live.recorder)
        live.recording = recording
        lang = self.lang
        in_background(
            self,
            "prepare-recording",
            partial(recording.prepare, lang),
            partial(self._recording_prepared, live),
        )

    def _recording_prepared(self, live: LiveSession, lines: list[str]) -> None:
        for line in lines:
            self.notify(line, severity="warning", timeout=20)
        recording = live.recording
        if recording is not None and not recording.ready:  # nothing to record with
            live.recording = None
        self.screen.refresh_bindings()  # the record key shows only while recording

    # --- screens -------------------------------------------------------------------------------
    def session_screen_class(self, session: Session) -> type[Screen]:
        """Which screen a session belongs on now (each imported only when first needed)."""
        from interviewer.domain.session import SessionStatus

        if session.status is SessionStatus.PLANNED:
            from interviewer.tui.screens.intro import IntroductionScreen

            return IntroductionScreen
        if session.in_closing:
            from interviewer.tui.screens.closing import ClosingScreen

            return ClosingScreen
        from interviewer.tui.screens.interview import InterviewScreen

        return InterviewScreen

    def _is_session_screen(self, screen: Screen) -> bool:
        # a screen module not imported yet cannot have made the current screen
        classes = [
            getattr(sys.modules.get(module), name, None)
            for module, name in (
                ("interviewer.tui.screens.interview", "InterviewScreen"),
                ("interviewer.tui.screens.intro", "IntroductionScreen"),
            )
        ]
        return any(cls is not None and isinstance(screen, cls) for cls in classes)

    def show_session_screen(self) -> bool:
        """Show the screen the open session belongs on; False when it is already shown."""
        if self.live is None:
            return False
        base = self.session_screen_class(self.live.session)
        current = self.screen
        if type(current).__mro__[1:2] == (base,) or type(current) is base:
            return False
        screen = localized(base, self.lang)()
        if self._is_session_screen(current):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        return True

    def show_home(self) -> None:
        """Replace the current screen by the home screen (sessions, protocols)."""
        from interviewer.tui.screens.home import HomeScreen

        self.use_language(self.home_language())
        self.switch_screen(localized(HomeScreen, self.lang)())

    def home_language(self) -> str:
        """The interface language of the screens about no one session (home, its dialogs):
        the app's language when it started at home, else ``--lang``, the settings file,
        ``LANG`` (resolved when first needed, so ``run`` does not pay for it)."""
        if self._home_lang is None:
            self._home_lang = resolve_language(self.explicit_lang)
        return self._home_lang

    def session_language(self, subject: Any) -> str:
        """The interface language of screens about one session or protocol (``subject``):
        ``--lang``, the settings file, the protocol's language, then ``LANG``, through the
        one resolver the commands use (``i18n.resolve_language``)."""
        protocol = getattr(subject, "protocol", subject)
        return resolve_language(self.explicit_lang, getattr(protocol, "language", None))

    def use_language(self, lang: str) -> None:
        """Speak ``lang`` on the screens shown from now on (``app.t``, ``app.lang``)."""
        if lang != self.lang:
            self.t = Translator(lang)
            self.lang = self.t.lang

    def open_live(self, live: LiveSession) -> None:
        """Make ``live`` the open session and show it (it must be open already), in the
        session's interface language (a Dutch protocol opened from home speaks Dutch)."""
        self.live = live
        self.use_language(self.session_language(live.session))
        self.show_session_screen()

    def finish_session(self) -> None:
        """Finish the interview, save and release it, and show its review."""
        from interviewer.tui.screens.review import ReviewScreen

        live = self.live
        if live is None:
            return
        live.commit and live.commit()
        live.recorder.finish()
        recording, live.recording = live.recording, None  # finished below, not quit
        result = live.close()
        self.live = None
        self._report_save(result)
        review = localized(ReviewScreen, self.lang)(live.session)
        if recording is None or not recording.started or recording.ended:
            if recording is not None:
                recording.finish()  # never started: nothing to wait for
            self.switch_screen(review)
            return
        from interviewer.tui.dialogs.finishing import FinishingDialog

        self._finishing = recording

        def finished(complete: bool | None) -> None:
            self._finishing = None
            self.switch_screen(review)
            if not complete:
                line = self.t("tui.rec.incomplete", id=live.session.id)
                self.exit_message = line
                self.notify(line, severity="warning", timeout=30)

        self.push_screen(FinishingDialog(recording), finished)

    def _abort_recordings(self) -> None:
        """Stop every recording at once (signals, a crash, quitting while the transcript is
        being finished): the files are closed as written."""
        for recording in (self._finishing, self.live.recording if self.live else None):
            if recording is not None:
                recording.abort()

    def _report_save(self, result: Any) -> None:
        if result is not None and not getattr(result, "ok", True):
            self.exit_message = self._save_failed_text(result)
            self.notify(self.exit_message, severity="error", timeout=30)

    def _save_failed_text(self, result: Any) -> str:
        emergency = getattr(result, "emergency_path", None)
        if emergency:
            return self.t("tui.save.failed_emergency", path=emergency)
        return self.t("tui.save.failed", error=getattr(result, "error", "") or "?")

    def watch_saves(self) -> None:
        """Say when a save succeeded again after failing (the autosaver retries by itself)."""
        live = self.live
        result = None if live is None or live.closed else live.last_result
        if result is None:
            return
        if not result.ok:
            self._save_failing = True
        elif self._save_failing:
            self._save_failing = False
            self.notify(self.t("tui.diskfull.saved_again"), timeout=10)

    # --- nothing saved anywhere ---------------------------------------------------------------
    def _nothing_saved(self, live: LiveSession) -> bool:
        """Commit the editor and write now; True while the notes exist in memory only. (The
        last save's result is not enough: a good save says nothing about what was typed
        after it, before a signal or ``ctrl+q``.)"""
        saver = live.autosaver
        if saver is None or live.closed:
            return False
        live.flush()
        return bool(saver.nothing_saved)

    def ask_where_to_save(self, live: LiveSession) -> None:
        """Instead of exiting with unsaved notes: say why, offer a folder of the
        interviewer's choosing (a USB stick), or stay while saving is retried."""
        from interviewer.tui.dialogs.disk_full import DiskFullDialog

        result = live.last_result
        message = self.t("tui.diskfull.message", error=getattr(result, "error", "") or "?")

        def write_to(folder: str) -> Path | str:
            from interviewer.domain.session import session_to_json_dict
            from interviewer.store.emergency import write_copy_to
            from interviewer.store.portable import portable_bytes

            with live.autosaver.mutation_lock:
                payload = portable_bytes(session_to_json_dict(live.session))
            try:
                return write_copy_to(folder, live.session.id, payload)
            except OSError as exc:
                reason = exc.strerror or str(exc)
                where = exc.filename or folder
                return self.t("tui.diskfull.write_failed", folder=where, reason=reason)

        def answer(copy: Path | None) -> None:
            if copy is None:
                self.notify(self.t("tui.diskfull.staying"), severity="warning", timeout=10)
                return
            live.close()  # one more try in the data folder, and the lock is released
            self.live = None
            self.exit_message = self.t("tui.diskfull.written", path=copy)
            self.exit(return_code=1)

        self.push_screen(DiskFullDialog(message, write_to), answer)

    # --- leaving ----------------------------------------------------------------------------
    async def action_quit(self) -> None:
        """Save and quit; asks first while an interview is unfinished. While nothing could be
        saved anywhere it does not exit at all: see ``ask_where_to_save``."""
        from interviewer.tui.dialogs.confirm import ConfirmDialog

        live = self.live
        if live is not None and self._nothing_saved(live):
            self.ask_where_to_save(live)
            return
        if live is not None and live.session.started_at is None:
            self._ask_keep_or_discard(live)
            return
        if live is not None and live.unfinished and live.session.started_at is not None:

            def answer(yes: bool | None) -> None:
                if yes:
                    self.save_and_exit()

            self.push_screen(
                ConfirmDialog(
                    self.t("tui.quit.confirm"), self.t("tui.quit.yes"), self.t("tui.quit.no")
                ),
                answer,
            )
            return
        self.save_and_exit()

    def _ask_keep_or_discard(self, live: LiveSession) -> None:
        """Quitting before the clock started: keep the planned session or discard it, so a
        session tried out at the introduction does not stay behind taking its code. The
        focus is on Keep (``n``/``escape`` keep it too): nothing is lost by a stray key."""
        from interviewer.tui.dialogs.confirm import ConfirmDialog

        session = live.session
        who = {"case": session.case, "respondent": session.respondent}

        def answer(discard: bool | None) -> None:
            if discard:
                self.discard_and_exit()
            else:
                self.save_and_exit()

        question = self.t("tui.quit.unstarted", **who)
        dialog = ConfirmDialog(question, self.t("tui.quit.discard"), self.t("tui.quit.keep"))
        self.push_screen(dialog, answer)

    def discard_and_exit(self) -> None:
        """Delete the open, never started session through the store (its file, key record and
        emergency copies, as ``interviewer delete`` does) and exit."""
        from interviewer.withdrawal import plan_removal, remove_session

        live = self.live
        if live is None or live.session.started_at is not None:
            self.save_and_exit()
            return
        session = live.session
        live.close()
        self.live = None
        try:
            remove_session(
                self.store, plan_removal(self.store, session.id), "delete", "never started"
            )
        except Exception as exc:  # the session stays stored: say so, do not crash
            debug_log.record(exc, "app: discard_and_exit")
            self.exit_message = type(exc).__name__ + ": " + (str(exc).splitlines() or [""])[0]
            self.exit(return_code=1)
            return
        self.exit_message = self.t(
            "tui.quit.discarded", case=session.case, respondent=session.respondent
        )
        self.exit()

    def save_and_exit(self, return_code: int = 0, *, guard: bool = True) -> None:
        """Close the open session (writing everything) and exit. With ``guard`` (every exit
        the interviewer asked for) a save that fails with no emergency copy keeps the app
        open and asks where to write the notes; signals pass ``guard=False``."""
        if guard and self.live is not None and not self.live.closed:
            self.live.flush()
            if self.live.autosaver is not None and self.live.autosaver.nothing_saved:
                self.ask_where_to_save(self.live)
                return
        if self._finishing is not None:  # quit while the transcript was being finished
            self._finishing.abort()
        if self.live is not None:
            from interviewer.domain.session import SessionStatus

            result = self.live.close()
            if result is not None and not getattr(result, "ok", True):
                self.exit_message = self._save_failed_text(result)
                return_code = return_code or 1
            elif self.live.session.status is not SessionStatus.FINISHED:
                self.exit_message = self.t("tui.quit.resumable", id=self.live.session.id)
        self.exit(return_code=return_code)

    def on_signal(self, number: int) -> None:
        """SIGHUP/SIGTERM: save first, then exit (hard exit later if the terminal is gone).
        While nothing could be saved anywhere, it first waits for space (``hold_until_saved``):
        exiting at once would lose every word typed since the disk filled up."""
        self._abort_recordings()  # at once: the hard exit follows within seconds
        live = self.live
        if live is not None and live.autosaver is not None and self._nothing_saved(live):
            live.autosaver.hold_until_saved()
        try:
            self.save_and_exit(128 + number, guard=False)
        finally:
            timer = threading.Timer(HARD_EXIT_SECONDS, os._exit, (128 + number,))
            timer.daemon = True
            timer.start()

    def emergency_save(self) -> str:
        """Save whatever is open, never raising; returns one line for the crash report."""
        try:
            self._abort_recordings()
        except Exception as exc:  # the notes come first
            debug_log.record(exc, "app: emergency_save recording")
        live = self.live
        if live is None:
            return ""
        try:
            result = live.close()
        except Exception as exc:  # reported, not swallowed: the crash report names it
            debug_log.record(exc, "app: emergency_save")
            return f"saving failed too ({type(exc).__name__}); see the emergency copy, if any."
        if result is not None and not getattr(result, "ok", True):
            return self._save_failed_text(result)
        return self.t("tui.crash.saved", id=live.session.id)

    def _handle_exception(self, error: Exception) -> None:
        # Textual's own report prints local variables, which can hold note text; this is the
        # one place Textual offers to intercept an unhandled error before it reports it.
        saved = self.emergency_save()
        super()._handle_exception(CrashReport(error, saved))

    # --- command palette ----------------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        palette = getattr(screen, "palette_commands", None)
        if palette is not None:
            for title, help_text, callback in palette():
                yield SystemCommand(title, help_text, callback)
        yield SystemCommand(self.t("tui.key.quit"), "ctrl+q", self.action_quit)
        for command in super().get_system_commands(screen):
            if command.title != "Quit":
                yield command


def make_app(
    store: Any,
    *,
    live: LiveSession | None = None,
    lang: str = "en",
    explicit_lang: str | None = None,
    clock: Clock = time.time,
    blink: bool = True,
    handle_signals: bool = True,
    first_frame: Callable[[], object] | None = None,
    pending: PendingSession | None = None,
    record: RecordRequest | None = None,
    record_lines: Iterable[str] = (),
) -> InterviewerApp:
    """The app for the CLI, the tests and the benchmarks (``live`` must be opened already).

    ``first_frame`` is called once the first screen has been drawn. With ``pending`` (and no
    ``live``) the introduction is drawn first and the session created after it. ``lang`` is
    the language of the first screen; sessions opened from home speak
    ``app.session_language`` (``explicit_lang`` is ``--lang``, which overrides it).
    ``record`` (``run --record``) records the session; ``record_lines`` are the lines the
    command printed about what it cannot record with, shown again on the screen."""
    if record is not None and (record.model_dir or record.transcriber_factory):
        from interviewer.tui.session_recording import start_resource_tracker

        start_resource_tracker()
    return InterviewerApp(
        store,
        lang=lang,
        explicit_lang=explicit_lang,
        clock=clock,
        live=live,
        blink=blink,
        handle_signals=handle_signals,
        first_frame=first_frame,
        pending=pending,
        record=record,
        record_lines=record_lines,
    )
