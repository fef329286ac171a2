"""The store's exceptions: each message is one clear line that names the file or session.

They are raised with a message key of the translation tables and its values
(``i18n.errors.TranslatableError``): ``str(exc)`` is English, ``exc.message(lang)`` is what
the command line and the TUI show in the interface language.
"""

from __future__ import annotations

from interviewer.i18n.errors import TranslatableError


class StoreError(TranslatableError):
    """Anything the session store cannot do; the message is meant for the user."""


class SessionNotFound(StoreError, KeyError):
    """No stored session has this id (or id prefix)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "session not found"


class AmbiguousSessionId(StoreError, ValueError):
    """An id prefix matches more than one stored session."""


class SessionCorrupt(StoreError, ValueError):
    """A session (or key/index) file is empty, garbled or not a session; names the file."""


class SessionLocked(StoreError):
    """Another running process is writing this session."""


class DuplicateSession(StoreError):
    """A session with this id (or this respondent in this case) is already stored."""
