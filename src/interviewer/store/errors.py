"""The store's exceptions: each message is one clear line that names the file or session."""

from __future__ import annotations


class StoreError(Exception):
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
