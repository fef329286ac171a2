"""``SessionStore``: sessions, their index, key records and locks in one data folder.

Layout (docs/storage.md)::

    <data_dir>/            0700
      index.json           listing cache, rebuilt from the session files when needed
      key.json             key records of all sessions (personal data), never exported
      sessions/            0700
        <id>.json          one TinyDB database per session (AtomicJSONStorage), 0600
        <id>.lock          flocked while a process writes the session (lock.py)

Opening a store touches nothing on disk except removing temp files left by killed writers;
folders are created on the first write.
"""

from __future__ import annotations

import builtins
import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from interviewer import paths
from interviewer.domain.session import KeyRecord, Session, session_to_json_dict
from interviewer.store.atomic import cleanup_temp_files, fsync_dir
from interviewer.store.autosave import Autosaver, SaveResult
from interviewer.store.errors import (
    AmbiguousSessionId,
    DuplicateSession,
    SessionLocked,
    SessionNotFound,
)
from interviewer.store.index import (
    SESSION_SUFFIX,
    SessionIndex,
    SessionSummary,
    listed_facts,
    summarize,
)
from interviewer.store.keyfile import KeyFile
from interviewer.store.lock import SessionLock, acquire, who_holds
from interviewer.store.portable import SAFE_ID
from interviewer.store.storage import SessionFile

SESSIONS_FOLDER = "sessions"
LOCK_SUFFIX = ".lock"


class SessionStore:
    """All sessions of one data folder (``paths.data_dir(data_dir)``)."""

    def __init__(self, data_dir: Path | str | None = None) -> None:
        self.data_dir = paths.data_dir(data_dir)
        self.sessions_dir = self.data_dir / SESSIONS_FOLDER
        self.index = SessionIndex(self.data_dir, self.sessions_dir)
        self.keys = KeyFile(self.data_dir)
        self._files: dict[str, SessionFile] = {}
        self._facts: dict[str, tuple[Any, ...]] = {}
        self._mutex = threading.Lock()
        self.removed_temp_files = self.cleanup()
        """Temp files of killed writers removed when the store was opened."""

    # --- folders and names -----------------------------------------------------------
    def cleanup(self) -> list[Path]:
        """Remove temp files left behind by writers that died (see ``atomic``)."""
        return cleanup_temp_files(self.data_dir) + cleanup_temp_files(self.sessions_dir)

    def _ensure_folders(self) -> None:
        paths.ensure_private_dir(self.data_dir)
        paths.ensure_private_dir(self.sessions_dir)

    @staticmethod
    def check_id(session_id: str) -> str:
        """``session_id`` if it is safe as a file name, else ``SessionNotFound``."""
        if not isinstance(session_id, str) or not SAFE_ID.match(session_id):
            raise SessionNotFound("store.error.bad_id", id=session_id)
        return session_id

    def session_path(self, session_id: str) -> Path:
        """``<data_dir>/sessions/<id>.json``."""
        return self.sessions_dir / f"{self.check_id(session_id)}{SESSION_SUFFIX}"

    def lock_path(self, session_id: str) -> Path:
        """``<data_dir>/sessions/<id>.lock``."""
        return self.sessions_dir / f"{self.check_id(session_id)}{LOCK_SUFFIX}"

    def _file(self, session_id: str) -> SessionFile:
        with self._mutex:
            found = self._files.get(session_id)
            if found is None:
                found = self._files[session_id] = SessionFile(self.session_path(session_id))
            return found

    # --- sessions --------------------------------------------------------------------
    def exists(self, session_id: str) -> bool:
        """True when a session with exactly this id is stored."""
        try:
            return self.session_path(session_id).is_file()
        except SessionNotFound:
            return False

    def ids(self) -> list[str]:
        """Ids of all stored session files (sorted), without opening them."""
        if not self.sessions_dir.is_dir():
            return []
        return sorted(
            p.name[: -len(SESSION_SUFFIX)]
            for p in self.sessions_dir.iterdir()
            if p.name.endswith(SESSION_SUFFIX) and not p.name.startswith(".")
        )

    def resolve(self, id_or_prefix: str) -> str:
        """The full id for an id or a unique id prefix."""
        text = (id_or_prefix or "").strip()
        if not text:
            raise SessionNotFound("store.error.no_id")
        if SAFE_ID.match(text) and self.exists(text):
            return text
        matches = [sid for sid in self.ids() if sid.startswith(text)]
        if not matches:
            raise SessionNotFound("store.error.not_found", id=text, folder=self.data_dir)
        if len(matches) > 1:
            shown = ", ".join(matches[:5]) + (", ..." if len(matches) > 5 else "")
            raise AmbiguousSessionId(
                "store.error.ambiguous", id=text, count=len(matches), shown=shown
            )
        return matches[0]

    def load(self, id_or_prefix: str) -> Session:
        """The stored session, exactly as saved; ``SessionCorrupt`` names a damaged file."""
        session_id = self.resolve(id_or_prefix)
        try:
            return SessionFile(self.session_path(session_id)).read()
        except FileNotFoundError:
            raise SessionNotFound(
                "store.error.not_found", id=session_id, folder=self.data_dir
            ) from None

    def create(self, session: Session, key: KeyRecord | None = None) -> Path:
        """Store a new session (and its key record); ``DuplicateSession`` if the id is taken."""
        if self.exists(session.id):
            raise DuplicateSession("store.error.duplicate", id=session.id)
        path = self.save(session)
        if key is not None:
            self.save_key(key)
        return path

    def save(self, session: Session) -> Path:
        """Write the session now (atomically); ``SessionLocked`` if another process writes it."""
        held = who_holds(self.lock_path(session.id))
        if held is not None:
            raise SessionLocked("store.error.locked_short", id=session.id, who=held[1])
        path = self.write_data(session.id, session_to_json_dict(session))
        facts = listed_facts(session)
        if self._facts.get(session.id) != facts:
            self.index.update(summarize(session, dt.datetime.now(dt.UTC)), path)
            self._facts[session.id] = facts
        return path

    def write_data(self, session_id: str, data: dict[str, Any]) -> Path:
        """Write a session's JSON data to its file (no lock check, no index update)."""
        self._ensure_folders()
        session_file = self._file(session_id)
        session_file.write_data(data)
        return session_file.path

    def import_session(self, session: Session, *, replace: bool = False) -> Path:
        """Store a session read from elsewhere; ``DuplicateSession`` unless ``replace``."""
        if self.exists(session.id) and not replace:
            raise DuplicateSession("store.error.duplicate", id=session.id)
        return self.save(session)

    def remove(self, session_id: str) -> bool:
        """Delete a session's file and index entry (withdrawal); True when there was a file.

        The caller holds the session's lock (``interviewer.withdrawal``), so no autosave
        writes the file back after it is gone.
        """
        path = self.session_path(session_id)
        with self._mutex:
            self._files.pop(session_id, None)
            self._facts.pop(session_id, None)
        try:
            path.unlink()
            found = True
        except FileNotFoundError:
            found = False
        fsync_dir(path.parent)
        self.index.remove(session_id)
        return found

    # --- listing ---------------------------------------------------------------------
    def list(self, case: str | None = None) -> list[SessionSummary]:
        """Summaries of all sessions (of one case), newest first; damaged files are skipped
        and reported in ``self.problems``."""
        summaries = self.index.refresh() if self.sessions_dir.is_dir() else []
        if case is not None:
            summaries = [s for s in summaries if s.case == case]
        return sorted(summaries, key=SessionSummary.sort_key, reverse=True)

    @property
    def problems(self) -> builtins.list[str]:  # ``list`` here is the method above
        """Session files the last ``list()`` could not read, one line each."""
        return list(self.index.problems)

    def cases(self) -> builtins.list[str]:
        """The case names in use, sorted."""
        return sorted({s.case for s in self.list()}, key=str.casefold)

    # --- key records -----------------------------------------------------------------
    def load_key(self, session_id: str) -> KeyRecord | None:
        """The key record (personal data) of a session, or None."""
        return self.keys.get(session_id)

    def load_key_for_interview(self, session_id: str) -> KeyRecord | None:
        """The key record when it can be read without a passphrase, else None: resuming an
        interview never asks for it (``KeyFile.get_for_interview``)."""
        return self.keys.get_for_interview(session_id)

    def save_key(self, key: KeyRecord) -> None:
        """Store a session's key record in the data folder's key file (never asks for a
        passphrase: a protected key file gets the change as a sealed pending one)."""
        self.keys.put(key)

    # --- locks and autosave ----------------------------------------------------------
    def lock(self, session_id: str) -> SessionLock:
        """Take the write lock of a session (a context manager); ``SessionLocked`` if held."""
        self._ensure_folders()
        return acquire(self.lock_path(session_id), session_id, self.data_dir)

    def autosaver(
        self,
        session: Session,
        *,
        delay: float = 1.0,
        on_result: Callable[[SaveResult], None] | None = None,
    ) -> Autosaver:
        """Lock the session and start saving it in the background (see ``Autosaver``)."""
        lock = self.lock(session.id)
        try:
            return Autosaver(self, session, lock, delay=delay, on_result=on_result)
        except BaseException:
            lock.release()
            raise
