"""The app's side of starting a session: the core's ``session_start`` service, wrapped in
the app's ``LiveSession`` (and, for ``interviewer run``, a ``PendingSession`` that creates it
after the introduction's first frame).

Protocols are found and loaded through ``tui.sources``, so a protocol that cannot be used is
a ``ProtocolLoadError`` of one line. No Textual here: the ``run`` command calls this before
the app exists, so everything heavy (pydantic, the store) is imported inside the functions.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.i18n.errors import error_message
from interviewer.session_start import SessionStart, cannot_write, check_light, create_session
from interviewer.tui.pending import PendingSession, StartFailed
from interviewer.tui.sources import find_protocol, load_protocol

if TYPE_CHECKING:  # the live session imports pydantic: not before the first frame
    from interviewer.tui.live import LiveSession


def new_live_session(
    store: Any,
    protocol: str,
    *,
    clock: Callable[[], float] | None = None,
    say_in: str | None = None,
    **start: Any,
) -> tuple[LiveSession, str]:
    """Create and store a new session of ``protocol`` (``start``: the other fields of
    ``SessionStart``); returns the not yet opened ``LiveSession`` and its interface language.
    Raises ProtocolLoadError and what ``session_start.create_session`` raises."""
    from interviewer.tui.live import LiveSession

    request = SessionStart(protocol, **start)
    session, language = create_session(
        store, request, clock=clock, say_in=say_in, find=find_protocol, load=load_protocol
    )
    return LiveSession(store, session, clock=clock or time.time), language


def light_start(protocol: str, data_dir: Path, **start: Any) -> tuple[PendingSession | None, str]:
    """What ``run`` does before the app when the introduction can be drawn first.

    ``start`` holds the other fields of ``SessionStart``. Returns ``(PendingSession, UI
    language)``, or ``(None, "")`` when the protocol cannot be read simply (the caller then
    creates the session before the app: ``new_live_session``). Raises what
    ``session_start.check_light`` raises; the pending session's ``open`` does the rest after
    the first frame and raises ``StartFailed`` with one line.
    """
    request = SessionStart(protocol, **start)
    light = check_light(request, data_dir, find=find_protocol)
    if light is None:
        return None, ""
    # the chosen code and the file found, so the session is the one the introduction showed
    chosen = replace(request, protocol=str(light.path), respondent=light.respondent)

    def open_session() -> tuple[Any, LiveSession]:
        from interviewer.store import SessionLocked, SessionStore, StoreError
        from interviewer.tui.live import LiveSession

        try:
            store = SessionStore(data_dir)
            session, _language = create_session(
                store, chosen, find=find_protocol, load=load_protocol
            )
            live = LiveSession(store, session).open()
        except SessionLocked as exc:
            raise StartFailed(error_message(exc, light.language).splitlines()[0]) from None
        except (ValueError, StoreError) as exc:  # incl. ProtocolLoadError
            said = error_message(exc, light.language).splitlines()
            raise StartFailed((said[0] if said else "") or type(exc).__name__) from None
        except OSError as exc:
            raise StartFailed(cannot_write(data_dir, exc)) from None
        finally:  # what was created until now stays: out of the collector's way
            gc.freeze()
            gc.enable()
        return store, live

    pending = PendingSession(
        view=light.view,
        case=light.case,
        respondent=light.respondent,
        participants=light.participants,
        advance_consent=request.advance_consent(),
        open=open_session,
    )
    return pending, light.language
