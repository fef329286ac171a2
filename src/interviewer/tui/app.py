"""The Textual app: wires the screens to one open session and guards every exit path.

``make_app`` is shared by the CLI, the tests and the benchmarks. Exit paths that save:
``ctrl+q`` (asks first while the interview is unfinished), SIGHUP and SIGTERM (handlers
installed on mount), and an unhandled exception (saved first; the crash report names the
error type and place only, never a value that could hold note text).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from interviewer.domain.session import Session, SessionStatus
from interviewer.i18n import Translator
from interviewer.tui.bindings import localized
from interviewer.tui.live import LiveSession

Clock = Callable[[], float]
HARD_EXIT_SECONDS = 3.0
"""After a signal and a successful save, the process ends within this time even if the
terminal is gone and Textual cannot restore it."""


class CrashReport(Exception):
    """An unhandled error, reported without values (they could hold note text)."""

    def __init__(self, error: BaseException, saved: str) -> None:
        super().__init__(type(error).__name__)
        frames = traceback.extract_tb(error.__traceback__)
        where = ""
        if frames:
            last = frames[-1]
            where = f" at {Path(last.filename).name}:{last.lineno} in {last.name}"
        name = type(error).__name__
        self.summary = f"interviewer stopped after an unexpected error: {name}{where}."
        self.saved = saved

    def __rich__(self) -> Text:
        return Text(f"{self.summary}\n{self.saved}\n", style="bold")


class InterviewerApp(App[None]):
    """See the module docstring. ``store`` is a ``SessionStore`` (or a test stand-in)."""

    CSS_PATH = "app.tcss"
    TITLE = "interviewer"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", show=False, priority=True, id="quit")
    ]
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        store: Any,
        *,
        lang: str = "en",
        clock: Clock = time.time,
        live: LiveSession | None = None,
        blink: bool = True,
        handle_signals: bool = True,
        first_frame: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.t = Translator(lang)
        self.lang = self.t.lang
        self.clock = clock
        self.live: LiveSession | None = live
        self.blink = blink
        self.handle_signals = handle_signals
        self.first_frame = first_frame
        self.exit_message: str | None = None

    # --- start ------------------------------------------------------------------------------
    def on_mount(self) -> None:
        if self.first_frame is not None:
            self.call_after_refresh(self.first_frame)
        if self.handle_signals:
            self._install_signal_handlers()
        if self.live is not None:
            self.show_session_screen()
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

    # --- screens -------------------------------------------------------------------------------
    def session_screen_class(self, session: Session) -> type[Screen]:
        """Which screen a session belongs on now (each imported only when first needed)."""
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

        self.switch_screen(localized(HomeScreen, self.lang)())

    def open_live(self, live: LiveSession) -> None:
        """Make ``live`` the open session and show it (it must be open already)."""
        self.live = live
        self.show_session_screen()

    def finish_session(self) -> None:
        """Finish the interview, save and release it, and show its review."""
        from interviewer.tui.screens.review import ReviewScreen

        live = self.live
        if live is None:
            return
        live.commit and live.commit()
        live.recorder.finish()
        result = live.close()
        self.live = None
        self._report_save(result)
        self.switch_screen(localized(ReviewScreen, self.lang)(live.session))

    def close_session(self) -> None:
        """Save and release the open session and go back home (from the home screen)."""
        live = self.live
        if live is None:
            return
        self._report_save(live.close())
        self.live = None

    def _report_save(self, result: Any) -> None:
        if result is not None and not getattr(result, "ok", True):
            self.exit_message = self._save_failed_text(result)
            self.notify(self.exit_message, severity="error", timeout=30)

    def _save_failed_text(self, result: Any) -> str:
        emergency = getattr(result, "emergency_path", None)
        if emergency:
            return self.t("tui.save.failed_emergency", path=emergency)
        return self.t("tui.save.failed", error=getattr(result, "error", "") or "?")

    # --- leaving ----------------------------------------------------------------------------
    async def action_quit(self) -> None:
        """Save and quit; asks first while an interview is unfinished."""
        from interviewer.tui.dialogs.confirm import ConfirmDialog

        live = self.live
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

    def save_and_exit(self, return_code: int = 0) -> None:
        """Close the open session (writing everything) and exit."""
        if self.live is not None:
            result = self.live.close()
            if result is not None and not getattr(result, "ok", True):
                self.exit_message = self._save_failed_text(result)
                return_code = return_code or 1
            elif self.live.session.status is not SessionStatus.FINISHED:
                self.exit_message = self.t("tui.quit.resumable", id=self.live.session.id)
        self.exit(return_code=return_code)

    def on_signal(self, number: int) -> None:
        """SIGHUP/SIGTERM: save first, then exit (hard exit later if the terminal is gone)."""
        try:
            self.save_and_exit(128 + number)
        finally:
            timer = threading.Timer(HARD_EXIT_SECONDS, os._exit, (128 + number,))
            timer.daemon = True
            timer.start()

    def emergency_save(self) -> str:
        """Save whatever is open, never raising; returns one line for the crash report."""
        live = self.live
        if live is None:
            return ""
        try:
            result = live.close()
        except Exception as exc:  # reported, not swallowed: the crash report names it
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
    clock: Clock = time.time,
    blink: bool = True,
    handle_signals: bool = True,
    first_frame: Callable[[], object] | None = None,
) -> InterviewerApp:
    """The app for the CLI, the tests and the benchmarks (``live`` must be opened already).

    ``first_frame`` is called once the first screen has been drawn."""
    return InterviewerApp(
        store,
        lang=lang,
        clock=clock,
        live=live,
        blink=blink,
        handle_signals=handle_signals,
        first_frame=first_frame,
    )
