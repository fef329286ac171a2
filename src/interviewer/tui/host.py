"""The app as its screens see it: typed, without the screens importing ``tui.app``.

``tui.app`` imports every screen (lazily, to show it), so a screen that imported
``InterviewerApp`` back, even for typing only, would close an import cycle
(tests/test_import_cycles.py). Instead ``InterviewerApp`` derives from ``InterviewerHost``,
which declares what screens and dialogs use of it, and they derive from ``HostScreen`` or
``HostModal``, whose ``app`` is typed as that host. mypy checks both sides: the screens
against the declaration, ``InterviewerApp`` against it as a subclass. At run time nothing
changes: the declarations are annotations, the methods exist only for the type checker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual import getters

    from interviewer.i18n import Translator
    from interviewer.tui.live import LiveSession
    from interviewer.tui.pending import PendingSession

ResultType = TypeVar("ResultType")


class InterviewerHost(App[None]):
    """What the screens may use of the interviewer's app (``InterviewerApp`` is the one
    implementation; see the module docstring)."""

    store: Any
    """A ``SessionStore`` (or a test stand-in); replaced when a pending session opens."""
    t: Translator
    lang: str
    explicit_lang: str | None
    clock: Callable[[], float]
    live: LiveSession | None
    blink: bool
    pending: PendingSession | None
    exit_message: str | None

    if TYPE_CHECKING:

        async def open_pending(self) -> None: ...
        def show_session_screen(self) -> bool: ...
        def show_home(self) -> None: ...
        def home_language(self) -> str: ...
        def session_language(self, subject: Any) -> str: ...
        def use_language(self, lang: str) -> None: ...
        def open_live(self, live: LiveSession) -> None: ...
        def finish_session(self) -> None: ...


class HostScreen(Screen[ResultType]):
    """A screen of the interviewer's app: ``self.app`` is typed as ``InterviewerHost``."""

    if TYPE_CHECKING:
        app = getters.app(InterviewerHost)


class HostModal(ModalScreen[ResultType]):
    """A dialog of the interviewer's app: ``self.app`` is typed as ``InterviewerHost``."""

    if TYPE_CHECKING:
        app = getters.app(InterviewerHost)
