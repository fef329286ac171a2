"""The listing index ``<data_dir>/index.json``: one summary per session, rebuilt when needed.

The index is a cache. Each entry remembers the (inode, size, mtime) of the session file it
was made from; ``SessionIndex.refresh`` stats every session file (cheap, no file is opened)
and re-reads only the files that changed, appeared or vanished since, then writes the index
back atomically. A missing or damaged index is therefore rebuilt from the session files, and
a save never has to touch the index unless the listed facts change (status, case, ...), so a
save costs the same with 1 or 1,000 sessions.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from interviewer.domain.session import EventKind, Session, SessionStatus
from interviewer.domain.timeline import pause_intervals
from interviewer.store.atomic import TEMP_PREFIX, atomic_write_bytes
from interviewer.store.errors import StoreError
from interviewer.store.lock import file_lock
from interviewer.store.storage import SessionFile, Stamp, encode_json, read_json_file

INDEX_NAME = "index.json"
INDEX_FORMAT = 1
SESSION_SUFFIX = ".json"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SessionSummary:
    """What a listing shows of a session, without opening its file."""

    id: str
    case: str
    respondent: str
    role: str | None
    interviewer: str | None
    protocol_id: str
    protocol_title: str
    date: dt.date
    status: SessionStatus
    duration_minutes: float
    words: int
    created_at: dt.datetime
    updated_at: dt.datetime

    def to_json(self) -> dict[str, Any]:
        """JSON-ready (dates as ISO text), as in ``interviewer sessions --json``."""
        data = asdict(self)
        data["date"] = self.date.isoformat()
        data["status"] = self.status.value
        data["created_at"] = self.created_at.isoformat()
        data["updated_at"] = self.updated_at.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SessionSummary:
        return cls(
            id=str(data["id"]),
            case=str(data["case"]),
            respondent=str(data["respondent"]),
            role=data.get("role"),
            interviewer=data.get("interviewer"),
            protocol_id=str(data["protocol_id"]),
            protocol_title=str(data["protocol_title"]),
            date=dt.date.fromisoformat(data["date"]),
            status=SessionStatus(data["status"]),
            duration_minutes=float(data["duration_minutes"]),
            words=int(data["words"]),
            created_at=dt.datetime.fromisoformat(data["created_at"]),
            updated_at=dt.datetime.fromisoformat(data["updated_at"]),
        )

    def sort_key(self) -> tuple[dt.date, dt.datetime, str]:
        return (self.date, self.created_at, self.id)


def recorded_seconds(session: Session) -> float:
    """Interview time up to the last recorded moment, pauses excluded (0 if not started)."""
    if session.started_at is None:
        return 0.0
    timeline = session.timeline
    finished = [e.at for e in timeline if e.kind is EventKind.FINISHED]
    if finished:
        end = finished[-1]
    else:
        moments = [e.at for e in timeline[-1:]]
        moments += [r.last_edit_at for r in session.records.values() if r.last_edit_at]
        end = max(moments, default=0.0)
    paused = sum(p.length for p in pause_intervals(timeline, end))
    return max(0.0, end - paused)


def listed_facts(session: Session) -> tuple[Any, ...]:
    """The summary fields that change rarely; a save updates the index when these change."""
    return (
        session.case,
        session.respondent,
        session.role,
        session.interviewer,
        session.protocol.id,
        session.protocol.title,
        session.date,
        session.status,
        session.created_at,
    )


def summarize(session: Session, updated_at: dt.datetime) -> SessionSummary:
    """The listing summary of a session."""
    return SessionSummary(
        id=session.id,
        case=session.case,
        respondent=session.respondent,
        role=session.role,
        interviewer=session.interviewer,
        protocol_id=session.protocol.id,
        protocol_title=session.protocol.title,
        date=session.date,
        status=session.status,
        duration_minutes=round(recorded_seconds(session) / 60.0, 2),
        words=session.word_count(),
        created_at=session.created_at,
        updated_at=updated_at,
    )


def _mtime(stamp: Stamp) -> dt.datetime:
    return dt.datetime.fromtimestamp(stamp[2] / 1e9, tz=dt.UTC)


@dataclass
class _Entry:
    summary: SessionSummary
    stamp: Stamp | None


class SessionIndex:
    """Read, refresh and update ``index.json`` for one data folder."""

    def __init__(self, data_dir: Path, sessions_dir: Path) -> None:
        self.data_dir = data_dir
        self.sessions_dir = sessions_dir
        self.path = data_dir / INDEX_NAME
        self.problems: list[str] = []
        """Session files that could not be read during the last refresh (one line each)."""

    # --- file ------------------------------------------------------------------------
    def _read(self) -> dict[str, _Entry]:
        try:
            raw = read_json_file(self.path, "index")
        except FileNotFoundError:
            return {}
        except StoreError as exc:
            log.warning("rebuilding the session index: %s", exc)
            return {}
        entries: dict[str, _Entry] = {}
        if not isinstance(raw, dict) or raw.get("format") != INDEX_FORMAT:
            log.warning("rebuilding the session index: %s has an unknown format", self.path)
            return entries
        for sid, item in (raw.get("sessions") or {}).items():
            try:
                stamp = tuple(item["stamp"]) if item.get("stamp") else None
                entries[sid] = _Entry(SessionSummary.from_json(item["summary"]), stamp)
            except (KeyError, TypeError, ValueError, AttributeError):
                continue  # a damaged entry is re-read from its session file
        return entries

    def _write(self, entries: dict[str, _Entry]) -> None:
        doc = {
            "format": INDEX_FORMAT,
            "sessions": {
                sid: {"summary": e.summary.to_json(), "stamp": list(e.stamp) if e.stamp else None}
                for sid, e in sorted(entries.items())
            },
        }
        atomic_write_bytes(self.path, encode_json(doc))

    # --- operations ------------------------------------------------------------------
    def _session_files(self) -> dict[str, tuple[Path, Stamp]]:
        found: dict[str, tuple[Path, Stamp]] = {}
        try:
            scan = list(os.scandir(self.sessions_dir))
        except FileNotFoundError:
            return found
        for entry in scan:
            name = entry.name
            if not name.endswith(SESSION_SUFFIX) or name.startswith((TEMP_PREFIX, ".")):
                continue
            try:
                st = entry.stat()
            except FileNotFoundError:
                continue
            found[name[: -len(SESSION_SUFFIX)]] = (
                Path(entry.path),
                (st.st_ino, st.st_size, st.st_mtime_ns),
            )
        return found

    def refresh(self) -> list[SessionSummary]:
        """All summaries, re-reading only session files that changed; writes the index back."""
        self.problems = []
        with file_lock(self.path):
            entries = self._read()
            files = self._session_files()
            changed = set(entries) - set(files)
            for sid in changed:
                del entries[sid]
            for sid, (path, stamp) in files.items():
                entry = entries.get(sid)
                if entry is not None and entry.stamp == stamp:
                    continue
                try:
                    session = SessionFile(path).read()
                except (StoreError, OSError, ValueError, RecursionError) as exc:
                    # a damaged, foreign or hostile file is reported and skipped: the other
                    # sessions still list
                    named = isinstance(exc, StoreError | OSError)
                    self.problems.append(str(exc) if named else f"{path}: {exc}")
                    entries.pop(sid, None)
                    changed.add(sid)
                    continue
                entries[sid] = _Entry(summarize(session, _mtime(stamp)), stamp)
                changed.add(sid)
            if changed:
                try:
                    self._write(entries)
                except OSError as exc:  # the listing is still right; only the cache is old
                    log.warning("could not update the session index %s: %s", self.path, exc)
        return [e.summary for e in entries.values()]

    def update(self, summary: SessionSummary, path: Path) -> None:
        """Record the summary of a session just written to ``path`` (with the file's stamp)."""
        st = os.stat(path)
        stamp: Stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        with file_lock(self.path):
            entries = self._read()
            entries[summary.id] = _Entry(summary, stamp)
            self._write(entries)

    def remove(self, session_id: str) -> None:
        with file_lock(self.path):
            entries = self._read()
            if entries.pop(session_id, None) is not None:
                self._write(entries)
