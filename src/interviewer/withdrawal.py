"""Withdrawal and deletion: remove a session and everything kept about it, leave an audit line.

A respondent who withdraws consent, a test session, a duplicate: ``interviewer withdraw``
and ``interviewer delete`` (and the home screen) remove, under the session's lock,

- the session file and its entry in the session index,
- its key record (name, function, e-mail addresses) in the key file,
- its verbatim transcript (``transcripts/<id>.json``),
- its audio recordings (the folder ``recordings/<id>/``),
- its approval record and the documents and change reports of its member check,
- its emergency copies (cache folder and temp folder),
- any other file in the data folder named after the session (``<id>``, ``<id>.<ext>``),

and then append one line to ``<data_dir>/audit.jsonl`` (0600, rewritten atomically) saying
what was removed, when and why, without personal data: the session id, case, respondent
code, interview date, kind (``withdraw`` or ``delete``) and the reason the researcher gave.

The session file is removed last: if anything fails on the way, the session is still listed
and running the command again finishes the job. Files outside the data folder (exports, the
imported recording) are not ours to delete; ``interviewer.withdrawal_exports`` finds the exports.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from interviewer import paths
from interviewer.membercheck.storage import ApprovalBook
from interviewer.recording.writer import recordings_folder
from interviewer.store import SessionStore
from interviewer.store.atomic import atomic_write_bytes, fsync_dir
from interviewer.store.emergency import emergency_copies
from interviewer.store.lock import file_lock
from interviewer.transcript.model import TranscriptError
from interviewer.transcript.storage import TranscriptStore

Kind = Literal["withdraw", "delete"]
KINDS: tuple[str, ...] = ("withdraw", "delete")
AUDIT_NAME = "audit.jsonl"
"""The audit file in the data folder: one JSON object per line, append-only."""


@dataclass(frozen=True)
class RemovalPlan:
    """Everything that removing one session will delete, found before asking the user."""

    session_id: str
    case: str
    respondent: str
    date: dt.date
    session_file: Path
    has_key: bool
    """The key file holds a record (name, e-mails) for this session."""
    transcript: Path | None
    approval_files: tuple[Path, ...]
    """The approval record and every document and report of the member check."""
    emergency_copies: tuple[Path, ...]
    other_files: tuple[Path, ...]
    """Further files in the data folder named after the session."""
    transcript_source: str | None = None
    """Name of the file the transcript was imported from: it lives outside the data folder."""
    language: str | None = None
    """The protocol's language, for messages about this session."""
    recordings: tuple[Path, ...] = ()
    """Every file in the session's recordings folder (``recordings/<id>/``), removed with it."""
    recordings_folder: Path | None = None
    """That folder, when it exists."""

    @property
    def audio_recordings(self) -> list[Path]:
        """The recordings themselves (``<n>.wav``), without their ``<n>.json`` companions:
        what "N audio recording(s)" counts in the CLI's plan and the home screen's question."""
        return [path for path in self.recordings if path.suffix == ".wav"]

    @property
    def files(self) -> list[Path]:
        """Every file to delete, the session file last."""
        found = [self.transcript] if self.transcript else []
        found += [*self.approval_files, *self.recordings, *self.emergency_copies]
        found += self.other_files
        return [*found, self.session_file]


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit file: no names, no contact details, no note text."""

    at: str
    kind: str
    session: str
    case: str
    respondent: str
    date: str
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "kind": self.kind,
            "session": self.session,
            "case": self.case,
            "respondent": self.respondent,
            "date": self.date,
            "reason": self.reason,
        }


@dataclass
class RemovalResult:
    """What was removed, and the audit line written."""

    plan: RemovalPlan
    entry: AuditEntry
    removed: list[Path] = field(default_factory=list)


def _approval_files(book: ApprovalBook, session_id: str) -> list[Path]:
    found: list[Path] = []
    record = book.record_path(session_id)
    if record.is_file():
        found.append(record)
    folder = book.files_dir(session_id)
    if folder.is_dir():
        found += sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return found


def _named_after(data_dir: Path, session_id: str, known: set[Path]) -> list[Path]:
    """Files in the data folder called ``<id>`` or ``<id>.<ext>`` not yet listed: what a later
    version (or the researcher) keeps per session, a recording for example. ``<id>-*`` is
    not matched: ids may contain '-', so that could be another session's file."""
    found: list[Path] = []
    if not data_dir.is_dir():
        return found
    for path in sorted(data_dir.rglob(f"{session_id}*")):
        name = path.name
        rest = name[len(session_id) :]
        if path in known or not (path.is_file() or path.is_symlink()):
            continue
        if rest and rest[0] != ".":  # ids hold no dots: "<id>.<anything>" is this session
            continue
        if name.endswith(".lock") and path.parent == data_dir / "sessions":
            continue  # the lock is ours while removing; releasing it removes the file
        found.append(path)
    return found


def plan_removal(store: SessionStore, id_or_prefix: str) -> RemovalPlan:
    """Find the session and every file kept about it; raises the store's errors
    (``SessionNotFound``, ``AmbiguousSessionId``, ``SessionCorrupt``)."""
    session = store.load(id_or_prefix)
    sid = session.id
    data_dir = store.data_dir
    transcripts = TranscriptStore(data_dir)
    transcript = transcripts.path(sid) if transcripts.exists(sid) else None
    source = None
    if transcript is not None:
        with contextlib.suppress(TranscriptError):
            source = transcripts.load(sid).source_name or None
    approvals = _approval_files(ApprovalBook(data_dir), sid)
    copies = emergency_copies(sid)
    session_file = store.session_path(sid)
    folder = recordings_folder(data_dir, sid)
    recordings = sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    known = {session_file, *approvals, *copies, *recordings, *([transcript] if transcript else [])}
    return RemovalPlan(
        session_id=sid,
        case=session.case,
        respondent=session.respondent,
        date=session.date,
        session_file=session_file,
        has_key=store.load_key(sid) is not None,
        transcript=transcript,
        approval_files=tuple(approvals),
        emergency_copies=tuple(copies),
        other_files=tuple(_named_after(data_dir, sid, known)),
        transcript_source=source,
        language=session.protocol.language,
        recordings=tuple(recordings),
        recordings_folder=folder if folder.is_dir() else None,
    )


def _unlink(path: Path, removed: list[Path]) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    removed.append(path)


def remove_session(
    store: SessionStore,
    plan: RemovalPlan,
    kind: Kind,
    reason: str = "",
    now: dt.datetime | None = None,
) -> RemovalResult:
    """Delete everything in ``plan`` under the session's lock, then append the audit line.

    ``SessionLocked`` (nothing removed) when the session is open in another window.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    sid = plan.session_id
    removed: list[Path] = []
    with store.lock(sid):
        # found again under the lock: a file that appeared since the user confirmed goes too
        plan = plan_removal(store, sid)
        for path in plan.files[:-1]:  # the session file goes last (see the module docstring)
            _unlink(path, removed)
        for folder in {path.parent for path in removed}:
            fsync_dir(folder)
        book = ApprovalBook(store.data_dir)
        if book.files_dir(sid).is_dir():
            shutil.rmtree(book.files_dir(sid))
        if plan.recordings_folder is not None and plan.recordings_folder.is_dir():
            shutil.rmtree(plan.recordings_folder)  # the folder itself, and anything left in it
        if plan.has_key:
            store.keys.remove(sid)
        if store.remove(sid):
            removed.append(plan.session_file)
    entry = AuditEntry(
        at=(now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        kind=kind,
        session=sid,
        case=plan.case,
        respondent=plan.respondent,
        date=plan.date.isoformat(),
        reason=" ".join(reason.split()),
    )
    append_audit(store.data_dir, entry)
    return RemovalResult(plan, entry, removed)


def audit_path(data_dir: Path) -> Path:
    """``<data_dir>/audit.jsonl``."""
    return Path(data_dir) / AUDIT_NAME


def append_audit(data_dir: Path, entry: AuditEntry) -> Path:
    """Add one line to the audit file: the whole file is rewritten atomically (0600) under the
    file's lock (``file_lock``): a crash leaves the old file or the new one, never half a
    line, and parallel removals each add theirs."""
    path = audit_path(data_dir)
    paths.ensure_private_dir(Path(data_dir))
    line = json.dumps(entry.to_json(), ensure_ascii=False, sort_keys=False) + "\n"
    with file_lock(path):
        try:
            old = path.read_bytes()
        except FileNotFoundError:
            old = b""
        if old and not old.endswith(b"\n"):
            old += b"\n"
        atomic_write_bytes(path, old + line.encode("utf-8"))
    return path


def read_audit(data_dir: Path) -> list[AuditEntry]:
    """Every audit line, oldest first (lines that do not parse are skipped)."""
    try:
        text = audit_path(data_dir).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    entries: list[AuditEntry] = []
    for line in text.splitlines():
        try:
            data = json.loads(line)
            values = {name: str(data.get(name, "")) for name in AuditEntry.__annotations__}
            entries.append(AuditEntry(**values))
        except (ValueError, TypeError, AttributeError):
            continue
    return entries
