"""TinyDB session store: atomic storage, autosave, locking, record <-> domain conversion.

``SessionStore`` is the entry point; see docs/storage.md for the layout on disk and the
guarantees, docs/session-format.md for the portable file used by export and import.
"""

from interviewer.store.autosave import Autosaver, SaveResult
from interviewer.store.core import SessionStore
from interviewer.store.errors import (
    AmbiguousSessionId,
    DuplicateSession,
    SessionCorrupt,
    SessionLocked,
    SessionNotFound,
    StoreError,
)
from interviewer.store.index import SessionSummary

__all__ = [
    "AmbiguousSessionId",
    "Autosaver",
    "DuplicateSession",
    "SaveResult",
    "SessionCorrupt",
    "SessionLocked",
    "SessionNotFound",
    "SessionStore",
    "SessionSummary",
    "StoreError",
]
