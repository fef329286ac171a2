"""Withdrawal removes every trace of a session from the data folder, under its lock, and
leaves an audit line without personal data; export files still holding it are listed."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from interviewer.membercheck.storage import ApprovalBook
from interviewer.store import SessionLocked
from interviewer.withdrawal import audit_path, plan_removal, read_audit, remove_session
from tests.withdrawal.conftest import EMAIL, NAME, SPOKEN, Study, files_under, holding


def test_the_plan_names_everything_kept_about_the_session(study: Study) -> None:
    plan = plan_removal(study.store, study.gone.id[:6])
    assert plan.session_id == study.gone.id
    assert (plan.case, plan.respondent) == ("Borne", study.gone.respondent)
    assert plan.has_key
    assert plan.transcript is not None and plan.transcript.name == f"{study.gone.id}.json"
    assert plan.transcript_source == "borne-1.1-opname.json"
    book = ApprovalBook(study.store.data_dir)
    assert book.record_path(study.gone.id) in plan.approval_files
    assert any(p.suffix == ".docx" for p in plan.approval_files)  # the exact copy sent
    assert plan.emergency_copies == (study.emergency,)
    assert plan.files[-1] == study.store.session_path(study.gone.id)
    assert study.kept.id not in " ".join(str(p) for p in plan.files)


def test_after_withdrawal_no_file_holds_the_notes_or_the_email(study: Study) -> None:
    data_dir = study.store.data_dir
    needles = (*study.notes, EMAIL, NAME, SPOKEN)
    before = {needle for _path, needle in holding(data_dir, *needles)}
    assert before == set(needles)  # the test would see them if they stayed

    result = remove_session(
        study.store, plan_removal(study.store, study.gone.id), "withdraw", "consent withdrawn"
    )

    assert holding(data_dir, *needles) == []
    assert not any(study.gone.id in p.name for p in files_under(data_dir))
    assert not ApprovalBook(data_dir).files_dir(study.gone.id).exists()
    assert not study.emergency.exists()
    assert study.store.load_key(study.gone.id) is None
    assert [s.id for s in study.store.list()] == [study.kept.id]
    assert study.gone.id not in (data_dir / "index.json").read_text(encoding="utf-8")
    assert study.store.session_path(study.gone.id) in result.removed
    # the other session and its records are untouched
    assert study.store.load(study.kept.id) == study.kept
    assert study.store.load_key(study.kept.id).name == "Bert"  # type: ignore[union-attr]
    assert ApprovalBook(data_dir).get(study.kept.id) is not None


def test_the_audit_line_has_no_personal_data(study: Study) -> None:
    remove_session(
        study.store, plan_removal(study.store, study.gone.id), "withdraw", " consent\nwithdrawn "
    )
    path = audit_path(study.store.data_dir)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    (entry,) = read_audit(study.store.data_dir)
    assert entry.kind == "withdraw" and entry.reason == "consent withdrawn"
    assert (entry.case, entry.respondent) == ("Borne", study.gone.respondent)
    assert entry.date == study.gone.date.isoformat() and entry.session == study.gone.id
    line = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert set(line) == {"at", "kind", "session", "case", "respondent", "date", "reason"}
    text = path.read_text(encoding="utf-8")
    assert NAME not in text and EMAIL not in text and all(n not in text for n in study.notes)


def test_audit_lines_are_appended(study: Study) -> None:
    store = study.store
    remove_session(store, plan_removal(store, study.gone.id), "withdraw", "first")
    remove_session(store, plan_removal(store, study.kept.id), "delete", "duplicate")
    assert [(e.kind, e.reason) for e in read_audit(store.data_dir)] == [
        ("withdraw", "first"),
        ("delete", "duplicate"),
    ]
    assert store.list() == []


def test_a_session_open_elsewhere_is_not_removed(study: Study) -> None:
    plan = plan_removal(study.store, study.gone.id)
    lock = study.store.lock(study.gone.id)  # another window holds it
    try:
        with pytest.raises(SessionLocked):
            remove_session(study.store, plan, "delete")
    finally:
        lock.release()
    assert study.store.exists(study.gone.id)
    assert study.store.load_key(study.gone.id) is not None
    assert study.emergency.exists()
    assert read_audit(study.store.data_dir) == []


def test_a_file_that_appears_after_the_plan_is_removed_too(study: Study) -> None:
    plan = plan_removal(study.store, study.gone.id)
    later = study.store.data_dir / "recordings" / f"{study.gone.id}.wav"
    later.parent.mkdir()
    later.write_bytes(b"RIFF")
    look_alike = study.store.data_dir / "recordings" / f"{study.gone.id}x.wav"
    look_alike.write_bytes(b"RIFF")
    result = remove_session(study.store, plan, "delete")
    assert later in result.removed and not later.exists()
    assert look_alike.exists()  # another id that merely starts the same


def test_an_unknown_kind_is_refused(study: Study) -> None:
    with pytest.raises(ValueError, match="kind"):
        remove_session(study.store, plan_removal(study.store, study.gone.id), "erase")  # type: ignore[arg-type]
    assert study.store.exists(study.gone.id)


def test_emergency_copies_of_a_longer_id_stay(study: Study, tmp_path: Path) -> None:
    from interviewer.store.emergency import emergency_copies, write_emergency_copy

    other = write_emergency_copy(f"{study.gone.id}-2", b"{}")
    assert emergency_copies(study.gone.id) == [study.emergency]
    remove_session(study.store, plan_removal(study.store, study.gone.id), "delete")
    assert other.exists()
