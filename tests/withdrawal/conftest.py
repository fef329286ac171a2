"""A data folder holding everything kept about a session: notes, key record with an e-mail,
transcript, member-check files, an emergency copy; and a second session that must stay."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from interviewer import paths
from interviewer.demo import make_demo
from interviewer.domain.session import KeyRecord, Session
from interviewer.membercheck import workflow
from interviewer.membercheck.storage import ApprovalBook
from interviewer.store import SessionStore
from interviewer.store.emergency import write_emergency_copy
from interviewer.store.portable import portable_bytes
from interviewer.transcript.model import Segment, Transcript
from interviewer.transcript.storage import TranscriptStore
from tests.domain.conftest import build_protocol

EMAIL = "anna.devries@example.org"
NAME = "Anna de Vries-Klaassen"
SPOKEN = "Dat zeg ik alleen op de band: het overleg met de wethouder liep vast."


@dataclass
class Study:
    store: SessionStore
    gone: Session
    """The session to withdraw (case Borne, respondent 1.1)."""
    kept: Session
    """Another session of the same case (1.2), which must survive untouched."""
    notes: list[str]
    """Long lines of the withdrawn session's notes, as they stand in its file."""
    emergency: Path


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Study:
    data_dir = tmp_path / "data"
    # emergency copies inside the data folder, so the walk of the data folder covers them too
    monkeypatch.setattr(paths, "cache_dir", lambda: data_dir / "cache")
    gone, kept = (d.session for d in make_demo(build_protocol(), case="Borne", respondents=2))
    store = SessionStore(data_dir)
    store.create(gone, KeyRecord(
        session_id=gone.id, respondent=gone.respondent, name=NAME,
        fields={"mail-controle": EMAIL},
    ))  # fmt: skip
    store.create(kept, KeyRecord(session_id=kept.id, respondent=kept.respondent, name="Bert"))
    TranscriptStore(data_dir).save(
        Transcript(
            session_id=gone.id,
            segments=[Segment(start=1.0, end=4.0, text=SPOKEN, speaker="A")],
            source_name="borne-1.1-opname.json",
        )
    )
    book = ApprovalBook(data_dir)
    workflow.send(
        book, gone, today=dt.date(2026, 3, 1), deadline=dt.date(2026, 3, 15),
        now=dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC),
    )  # fmt: skip
    workflow.send(book, kept, today=dt.date(2026, 3, 1))
    data = gone.model_dump(mode="json")
    emergency = write_emergency_copy(gone.id, portable_bytes(data))
    lines = {line for text in _strings(data["records"]) for line in text.splitlines()}
    notes = sorted((line for line in lines if len(line) > 40 and '"' not in line), key=len)[-5:]
    assert notes, "the demo session has notes"
    return Study(store, gone, kept, notes, emergency)


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def holding(folder: Path, *needles: str) -> list[tuple[Path, str]]:
    """(file, needle) for every file under ``folder`` that contains one of ``needles``."""
    found = []
    for path in files_under(folder):
        raw = path.read_bytes()
        found += [(path, needle) for needle in needles if needle.encode("utf-8") in raw]
    return found
