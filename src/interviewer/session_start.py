"""Starting a new session: the one service ``interviewer run`` and the new-session form call.

A ``SessionStart`` holds what a session starts from (the command's options, the form's
fields). ``create_session`` finds and loads the protocol, checks the codes (one respondent
code per case), creates the session and stores it. ``check_light`` is what ``run`` does
before the app so the introduction can be drawn first: it reads only what the introduction
shows and makes the cheap checks, without pydantic or the store (start-up time); the
session is created with ``create_session`` after the first frame.

No Textual and no app here (the TUI wraps the stored session in its ``LiveSession``:
``interviewer.tui.start``). The protocol is found and loaded by ``interviewer.protocol``
unless the caller passes its own ``find``/``load`` (the TUI passes its one-line-error edge,
``tui.sources``, which this core module must not import). Heavy modules are imported inside
the functions, so importing this one costs nothing at start-up.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer import paths
from interviewer.i18n import resolve_language

if TYPE_CHECKING:  # pydantic and the store are not needed to import this module
    from interviewer.domain.protocol import InterviewProtocol
    from interviewer.domain.session import Session
    from interviewer.protocol.view import IntroductionView


Find = Callable[[str], Path]
"""Finds a protocol file by path, file name or id (``interviewer.protocol.find_protocol``)."""
Load = Callable[[Path], "InterviewProtocol"]
"""Loads and validates a protocol file (``interviewer.protocol.load_protocol``)."""


def _core_find(name_or_path: str) -> Path:
    from interviewer.protocol.library import find_protocol

    return find_protocol(name_or_path)


def _core_load(path: Path) -> InterviewProtocol:
    from interviewer.protocol.loader import load_protocol

    return load_protocol(path)


@dataclass(frozen=True)
class SessionStart:
    """What a new session starts from: ``run``'s arguments, the new-session form's fields.

    ``protocol`` is a path, file name or id; ``respondent`` None means the case's next free
    code; ``group`` the participant codes (``"2.1, 2.2"``); ``lang`` the interface language
    asked for (``--lang``; None: settings, then the protocol's language). ``mode`` is
    ``"individual"`` or ``"group"``; None makes a group interview when ``group`` names
    codes and otherwise follows the protocol.
    """

    protocol: str
    case: str
    respondent: str | None = None
    role: str | None = None
    interviewer: str | None = None
    group: str | None = None
    consent_obtained: bool = False
    lang: str | None = None
    mode: str | None = None

    def advance_consent(self) -> dt.date | None:
        """Consent obtained in advance is dated today (the day the session is created)."""
        return dt.date.today() if self.consent_obtained else None

    def session_mode(self) -> str | None:
        """The mode the session is created with (see the class docstring)."""
        if self.mode is not None:
            return self.mode
        return "group" if self.group else None


@dataclass(frozen=True)
class LightStart:
    """What ``check_light`` found: enough to draw the introduction before the session exists."""

    path: Path
    view: IntroductionView
    case: str
    respondent: str
    participants: tuple[str, ...]
    language: str


def cannot_write(data_dir: Path, exc: OSError) -> str:
    """The one line for a data folder the session cannot be written to."""
    return f"cannot write to {data_dir}: {exc.strerror or exc}"


def respondent_code(summaries: Any, case: str, respondent: str | None, lang: str) -> str:
    """The code of the new session: ``respondent`` when the case does not have it yet, else
    ValueError naming the session that has it and the next free code (in ``lang``); without
    ``respondent`` the next free code of ``case``. ``summaries`` is the store's listing."""
    from interviewer.domain.codes import validate_respondent_code
    from interviewer.respondent_codes import RespondentCodes, RespondentCodeTaken

    codes = RespondentCodes.of(summaries)
    if respondent is None:
        return codes.next_free(case)
    code = validate_respondent_code(respondent)
    try:
        codes.require_free(case, code)
    except RespondentCodeTaken as taken:
        raise ValueError(taken.message(lang)) from None
    return code


def check_light(
    start: SessionStart, data_dir: Path, *, find: Find = _core_find
) -> LightStart | None:
    """The checks ``create_session`` makes that are cheap, before the app starts.

    None when the protocol cannot be read simply (the caller then creates the session
    before the app). Raises ValueError (bad codes, a code the case already has, from the
    listing cache: ``create_session`` checks the store itself again), what ``find`` raises
    for a protocol not found, or OSError for a data folder that cannot be written.
    """
    from interviewer.domain.codes import (
        split_code_list,
        validate_case_name,
        validate_participant_codes,
    )
    from interviewer.protocol.view import read_view
    from interviewer.respondent_codes import indexed_sessions

    path = find(start.protocol)
    view = read_view(path)
    if view is None:
        return None
    language = resolve_language(start.lang, view.language)
    case = validate_case_name(start.case)
    participants = validate_participant_codes(split_code_list(start.group))
    paths.ensure_private_dir(data_dir)
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(data_dir))
    code = respondent_code(indexed_sessions(data_dir), case, start.respondent, language)
    return LightStart(path, view, case, code, tuple(participants), language)


def create_session(
    store: Any,
    start: SessionStart,
    *,
    clock: Callable[[], float] | None = None,
    say_in: str | None = None,
    find: Find = _core_find,
    load: Load = _core_load,
) -> tuple[Session, str]:
    """Load the protocol, create the session and store it in ``store`` (a SessionStore).

    Returns the session (stored, not opened) and its interface language. Raises what
    ``find`` and ``load`` raise, ValueError (bad codes, a code the case already has, said in
    ``say_in``, default the session's language) or the store's StoreError.
    """
    from interviewer.domain.codes import split_code_list, validate_case_name
    from interviewer.domain.session_factory import new_session

    path = find(start.protocol)
    loaded = load(path)
    language = resolve_language(start.lang, loaded.language)
    participants = split_code_list(start.group)
    case = validate_case_name(start.case)
    code = respondent_code(store.list(), case, start.respondent, say_in or language)
    session = new_session(
        loaded,
        case=case,
        respondent=code,
        role=start.role,
        interviewer=start.interviewer,
        mode=start.session_mode(),
        participants=participants,
        advance_consent=start.advance_consent(),
        protocol_path=str(path),
        language=language,
        clock=clock or time.time,
    )
    store.create(session)
    return session, language
