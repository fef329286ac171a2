"""The key file ``<data_dir>/key.json``: personal data of every session, apart from sessions.

A key record (``interviewer.domain.session.KeyRecord``) links a session to the person behind
the pseudonym (name, function, closing fields such as e-mail addresses). All key records of
a data folder live in this one file, 0600, written atomically, never exported. Layout::

    {"format": 1, "keys": {"<session id>": {KeyRecord fields}}}

Other top-level sections may be added by other parts of the program (for example lists of
members to check against); ``KeyFile.update`` preserves every section it does not touch.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from interviewer import paths
from interviewer.domain.session import KeyRecord
from interviewer.store.atomic import atomic_write_bytes
from interviewer.store.errors import SessionCorrupt
from interviewer.store.lock import file_lock
from interviewer.store.storage import encode_json, read_json_file

KEY_FILE_NAME = "key.json"
KEY_FILE_FORMAT = 1

Document = dict[str, Any]


class KeyFile:
    """Read and change the key file of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / KEY_FILE_NAME

    # --- whole document --------------------------------------------------------------
    def read_document(self) -> Document:
        """The whole file as data (an empty document when there is no file yet)."""
        try:
            doc = read_json_file(self.path, "key file")
        except FileNotFoundError:
            return {"format": KEY_FILE_FORMAT, "keys": {}}
        if not isinstance(doc, dict) or not isinstance(doc.get("keys", {}), dict):
            raise SessionCorrupt("store.error.key_layout", path=self.path)
        version = doc.get("format", KEY_FILE_FORMAT)
        if not isinstance(version, int):
            raise SessionCorrupt("store.error.key_format", path=self.path, version=version)
        if version > KEY_FILE_FORMAT:
            raise SessionCorrupt("store.error.key_newer", path=self.path)
        doc.setdefault("format", KEY_FILE_FORMAT)
        doc.setdefault("keys", {})
        return doc

    def update(self, change: Callable[[Document], None]) -> Document:
        """Read, let ``change`` modify the document in place, write it back (atomic, locked)."""
        paths.ensure_private_dir(self.data_dir)
        with file_lock(self.path):
            doc = self.read_document()
            change(doc)
            atomic_write_bytes(self.path, encode_json(doc))
        return doc

    # --- key records -----------------------------------------------------------------
    def get(self, session_id: str) -> KeyRecord | None:
        """The key record of a session, None when it has none."""
        raw = self.read_document()["keys"].get(session_id)
        if raw is None:
            return None
        try:
            return KeyRecord.model_validate(raw)
        except ValidationError as exc:
            raise SessionCorrupt(
                "store.error.key_record",
                path=self.path,
                id=session_id,
                count=exc.error_count(),
            ) from None

    def all(self) -> dict[str, KeyRecord]:
        """Every key record by session id."""
        keys = self.read_document()["keys"]
        return {sid: KeyRecord.model_validate(raw) for sid, raw in keys.items()}

    def put(self, key: KeyRecord) -> None:
        """Store (or replace) the key record of ``key.session_id``."""
        data = key.model_dump(mode="json")
        self.update(lambda doc: doc["keys"].__setitem__(key.session_id, data))

    def remove(self, session_id: str) -> bool:
        """Delete a session's key record; True when there was one."""
        found: list[bool] = []
        self.update(lambda doc: found.append(doc["keys"].pop(session_id, None) is not None))
        return found[0]
