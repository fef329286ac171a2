"""Emergency copies are found: ``sessions`` names a newer one, ``resume`` offers it, and
``import --replace`` refuses an older copy unless ``--force``, naming both times."""

from __future__ import annotations

import os
import time
from pathlib import Path

from click.testing import CliRunner

from interviewer.cli import main
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import session_to_json_dict
from interviewer.store import SessionStore
from interviewer.store.emergency import (
    file_time,
    newer_emergency_copy,
    newest_emergency_copies,
    shown_time,
    write_emergency_copy,
)
from interviewer.store.portable import portable_bytes

NOTES = "alleen in de noodkopie"


def run(*args: str, data: Path, stdin: str | None = None) -> object:
    cli = ["--data-dir", str(data), "--lang", "en", *args]
    return CliRunner().invoke(main, cli, input=stdin, catch_exceptions=False)


def _stored_then_copy(store: SessionStore, running: SessionRecorder) -> Path:
    """The session saved, then (a second later) an emergency copy with more notes."""
    session = running.session
    store.create(session)
    saved = store.session_path(session.id)
    past = time.time() - 60
    os.utime(saved, (past, past))
    running.set_notes("ervaring-1", NOTES)
    return write_emergency_copy(session.id, portable_bytes(session_to_json_dict(session)))


def test_newer_copy_is_found_and_listed(store: SessionStore, running: SessionRecorder) -> None:
    copy = _stored_then_copy(store, running)
    sid = running.session.id
    assert newest_emergency_copies()[sid][0] == copy
    newer = newer_emergency_copy(sid, store.session_path(sid))
    assert newer is not None and newer[0] == copy
    result = run("sessions", data=store.data_dir)
    assert result.exit_code == 0
    assert "newer than the saved session" in result.stderr
    assert str(copy) in result.stderr and f"resume {sid} --from-emergency" in result.stderr
    # once the session is saved after the copy, the copy is not newer any more
    store.save(store.load(sid))
    assert newer_emergency_copy(sid, store.session_path(sid)) is None
    assert "emergency copy" not in run("sessions", data=store.data_dir).stderr


def test_import_replace_refuses_an_older_copy_unless_forced(
    store: SessionStore, running: SessionRecorder
) -> None:
    copy = _stored_then_copy(store, running)
    sid = running.session.id
    store.save(store.load(sid))  # saved after the copy: the copy is older now
    past = time.time() - 30
    os.utime(copy, (past, past))  # older by more than the file system's clock step
    result = run("import", "--replace", str(copy), data=store.data_dir)
    assert result.exit_code == 1
    line = next(x for x in result.stderr.splitlines() if "refused" in x)
    assert "before session" in line and "--force" in line
    for named in (copy, store.session_path(sid)):  # both times are named
        assert shown_time(file_time(named)) in line
    assert store.load(sid).records["ervaring-1"].notes != NOTES
    forced = run("import", "--replace", "--force", str(copy), data=store.data_dir)
    assert forced.exit_code == 0, forced.output
    assert SessionStore(store.data_dir).load(sid).records["ervaring-1"].notes == NOTES


def test_import_replace_takes_a_newer_copy(store: SessionStore, running: SessionRecorder) -> None:
    copy = _stored_then_copy(store, running)
    result = run("import", "--replace", str(copy), data=store.data_dir)
    assert result.exit_code == 0, result.output
    loaded = SessionStore(store.data_dir).load(running.session.id)
    assert loaded.records["ervaring-1"].notes == NOTES


def test_resume_from_emergency(store: SessionStore, running: SessionRecorder) -> None:
    copy = _stored_then_copy(store, running)
    sid = running.session.id
    result = run("resume", sid, "--from-emergency", data=store.data_dir)
    # the copy is restored first; the interview itself then needs a terminal
    assert "Replaced session" in result.stderr and str(copy) in result.stderr
    assert SessionStore(store.data_dir).load(sid).records["ervaring-1"].notes == NOTES
    again = run("resume", sid, "--from-emergency", data=store.data_dir)
    assert again.exit_code == 1 and "no emergency copy newer" in again.stderr


def test_resume_without_the_flag_says_how(store: SessionStore, running: SessionRecorder) -> None:
    _stored_then_copy(store, running)
    sid = running.session.id
    result = run("resume", sid, data=store.data_dir)
    assert "Continue from the emergency copy?" in result.stderr
    assert "--from-emergency" in result.stderr
    assert SessionStore(store.data_dir).load(sid).records["ervaring-1"].notes != NOTES
