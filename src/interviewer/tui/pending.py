"""A session that is being created while its introduction is already on screen.

``interviewer run`` draws the introduction from a ``PendingSession`` (the protocol's
``IntroductionView`` and the codes from the command line, all read without pydantic or the
store) and calls ``open`` right after the first frame: it validates the protocol fully,
creates and stores the session and opens it (lock, autosaver). ``open`` raises
``StartFailed`` with one line for the user when any of that fails. No Textual here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from interviewer.protocol.view import IntroductionView


class StartFailed(Exception):
    """The session could not be created or opened; the message is one line for the user."""


@dataclass(frozen=True)
class PendingSession:
    """What the introduction shows before the session exists, and how to create it."""

    view: IntroductionView
    case: str
    respondent: str
    participants: tuple[str, ...]
    advance_consent: dt.date | None
    open: Callable[[], tuple[Any, Any]]
    """Creates, stores and opens the session: returns (store, LiveSession) or raises
    ``StartFailed``."""
