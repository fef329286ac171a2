"""Approval records on disk: ``<data_dir>/approvals/<session id>.json`` plus a folder
``<data_dir>/approvals/<session id>/`` with the exact files sent and received and the change
reports. Files 0600, folders 0700, written atomically; nothing here is ever exported.

Every step that changes a record (``workflow``) holds ``ApprovalBook.locked`` from reading the
record to writing it (a lock file ``<session id>.json.lock`` next to it), so two steps taken
at once on the same record both land.
"""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

from pydantic import ValidationError

from interviewer import paths
from interviewer.membercheck.model import ApprovalRecord
from interviewer.pseudonym.private_files import write_private
from interviewer.store.lock import file_lock

FOLDER = "approvals"
_SAFE_ID = re.compile(r"\A[A-Za-z0-9_-]{1,64}\Z")  # \Z: "$" lets "abc\n" pass


class ApprovalBook:
    """The approval records of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.folder = self.data_dir / FOLDER

    def _check(self, session_id: str) -> str:
        if not _SAFE_ID.match(session_id):
            raise ValueError(f"not a session id: {session_id!r}")
        return session_id

    def record_path(self, session_id: str) -> Path:
        """The JSON record of a session."""
        return self.folder / f"{self._check(session_id)}.json"

    def files_dir(self, session_id: str) -> Path:
        """The folder holding the sent/returned documents and reports of a session."""
        return self.folder / self._check(session_id)

    def locked(self, session_id: str) -> contextlib.AbstractContextManager[None]:
        """Hold the record's lock for a read-modify-write (waits for other processes)."""
        paths.ensure_private_dir(self.folder)
        return file_lock(self.record_path(session_id))

    def get(self, session_id: str) -> ApprovalRecord | None:
        """The record, or None when nothing was sent yet; ValueError when unreadable."""
        path = self.record_path(session_id)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        try:
            return ApprovalRecord.model_validate(json.loads(raw))
        except (ValueError, ValidationError) as exc:
            first = str(exc).splitlines()[0]
            raise ValueError(f"approval record {path} is damaged: {first}") from None

    def save(self, record: ApprovalRecord) -> Path:
        """Write a record atomically (0600)."""
        paths.ensure_private_dir(self.folder)
        data = record.model_dump_json(indent=2).encode("utf-8")
        return write_private(self.record_path(record.session_id), data)

    def put_file(self, session_id: str, name: str, data: bytes) -> Path:
        """Keep a document (sent, returned, report) in the session's folder (0600)."""
        folder = paths.ensure_private_dir(self.files_dir(session_id))
        if "/" in name or name.startswith("."):
            raise ValueError(f"not a plain file name: {name!r}")
        return write_private(folder / name, data)

    def read_file(self, session_id: str, name: str) -> bytes:
        """A kept document's bytes."""
        return (self.files_dir(session_id) / name).read_bytes()

    def all(self) -> list[ApprovalRecord]:
        """Every record; ValueError naming the first damaged one."""
        if not self.folder.is_dir():
            return []
        records = (self.get(path.stem) for path in sorted(self.folder.glob("*.json")))
        return [record for record in records if record is not None]
