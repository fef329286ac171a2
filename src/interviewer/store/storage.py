"""TinyDB on atomic files: ``AtomicJSONStorage`` and ``SessionFile`` (one session per file).

``AtomicJSONStorage`` is a ``tinydb.Storage`` that replaces its file atomically on every
write (``interviewer.store.atomic``), never in place as TinyDB's stock ``JSONStorage`` does.
It keeps the data it last wrote or read, tagged with the file's (inode, size, mtime), so the
read TinyDB does before each update costs nothing while no other process changed the file.
That is not a write cache: every ``write`` reaches the disk before it returns. An empty or
garbled file raises ``SessionCorrupt`` naming the file; a missing file reads as empty.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import to_json
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from interviewer.domain.session import SESSION_FORMAT_VERSION, Session
from interviewer.i18n import all_messages
from interviewer.i18n.errors import Phrase
from interviewer.input_files import MAX_SESSION_BYTES, InputFileError, json_loads, read_bounded
from interviewer.store.atomic import atomic_write_bytes
from interviewer.store.errors import SessionCorrupt, StoreError

SESSION_TABLE = "session"
SESSION_DOC_ID = 1

Stamp = tuple[int, int, int]


def file_stamp(path: Path) -> Stamp | None:
    """(inode, size, mtime_ns) of a file, None when it does not exist."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def encode_json(data: Any) -> bytes:
    """Compact UTF-8 JSON, as written to every store file.

    ``pydantic_core.to_json`` (already a dependency) is ~6x faster than ``json.dumps`` on a
    60,000-word session, which keeps autosave far below a frame.
    """
    return to_json(data)


def _what(what: str) -> object:
    """The kind of file ("key file", "index") as a phrase of the tables, when it has one."""
    key = "store.what." + what.replace(" ", "_")
    return Phrase(key) if key in all_messages() else what


def read_json_file(path: Path, what: str = "file") -> Any:
    """Parse a JSON file; empty or garbled raises ``SessionCorrupt`` naming the file.

    Only a regular file of at most 50 MiB is read (a FIFO in the data folder must not hang
    ``interviewer sessions``), and nesting is bounded (``input_files.json_loads``): a damaged
    file is one line naming it, never a ``RecursionError``. ``OSError`` (missing, no
    permission) is left to the caller.
    """
    try:
        raw = read_bounded(path, MAX_SESSION_BYTES)
    except InputFileError as exc:
        raise SessionCorrupt("input.error.refused", error=exc) from None
    if not raw.strip():
        raise SessionCorrupt("store.error.empty", path=path, what=_what(what))
    try:
        return json_loads(raw)
    except ValueError as exc:
        raise SessionCorrupt(
            "store.error.not_json", path=path, what=_what(what), error=exc
        ) from None


class AtomicJSONStorage(Storage):
    """A TinyDB storage whose writes are atomic (temp file, fsync, rename, fsync folder)."""

    def __init__(self, path: str | os.PathLike[str], what: str = "session file") -> None:
        self.path = Path(path)
        self.what = what
        self._data: dict[str, dict[str, Any]] | None = None
        self._stamp: Stamp | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        stamp = file_stamp(self.path)
        if stamp is None:
            self._data = self._stamp = None
            return None
        if self._data is not None and stamp == self._stamp:
            return self._data
        data = read_json_file(self.path, self.what)
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise SessionCorrupt("store.error.not_tinydb", path=self.path, what=_what(self.what))
        self._data, self._stamp = data, stamp
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        try:
            atomic_write_bytes(self.path, encode_json(data))
        except BaseException:
            self._data = self._stamp = None  # TinyDB changed our copy in place; disk did not
            raise
        self._data, self._stamp = data, file_stamp(self.path)

    def close(self) -> None:
        self._data = self._stamp = None


class SessionFile:
    """``<data_dir>/sessions/<id>.json``: a TinyDB database holding one session document."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = TinyDB(path, storage=AtomicJSONStorage)
        self.table = self.db.table(SESSION_TABLE, cache_size=0)

    def exists(self) -> bool:
        return self.path.is_file()

    def read_data(self) -> dict[str, Any]:
        """The raw session document; ``SessionCorrupt`` when the file holds none."""
        if not self.path.exists():
            raise FileNotFoundError(self.path)
        doc = self.table.get(doc_id=SESSION_DOC_ID)
        if not isinstance(doc, dict) or not doc:
            raise SessionCorrupt("store.error.no_session_in_file", path=self.path)
        return dict(doc)

    def read(self) -> Session:
        """The stored session, validated; ``SessionCorrupt`` names the file when it is bad."""
        return session_from_data(self.read_data(), self.path)

    def write_data(self, data: dict[str, Any]) -> None:
        """Store ``data`` (``session_to_json_dict`` output) as the file's session document."""
        # insert on a new file so the first write already holds the session (one write)
        try:
            present = self.table.contains(doc_id=SESSION_DOC_ID)
        except SessionCorrupt:
            # the file on disk is damaged; the session in memory is good: replace the file
            self.db.storage.write({SESSION_TABLE: {str(SESSION_DOC_ID): data}})
            return
        if present:
            self.table.update(data, doc_ids=[SESSION_DOC_ID])
        else:
            self.table.insert(Document(data, doc_id=SESSION_DOC_ID))


def session_from_data(data: dict[str, Any], path: Path) -> Session:
    """Validate a session document read from ``path``."""
    version = data.get("format")
    if isinstance(version, int) and version > SESSION_FORMAT_VERSION:
        raise StoreError("store.error.newer_format", path=path, version=version)
    try:
        session = Session.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SessionCorrupt(
            "store.error.invalid_session",
            path=path,
            where=where,
            problem=first["msg"],
            count=exc.error_count(),
        ) from None
    if path.suffix == ".json" and session.id != path.stem:
        raise SessionCorrupt(
            "store.error.wrong_session", path=path, id=session.id, expected=path.stem
        )
    return session
