"""Shared files changed by parallel processes lose nothing (each change holds the file's lock).

Every read-modify-write of a file several commands change (replacement list, key file,
session index, approval records, audit file) runs under ``store.lock.file_lock``. Without it,
12 parallel ``replace add`` kept 7 entries: a lost entry lets a real name reach the exports.
The workers start together (they wait for a "go" file) to make the races as likely as can be.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from interviewer.demo import DemoSession
from interviewer.domain.session import KeyRecord
from interviewer.membercheck import workflow
from interviewer.membercheck.storage import ApprovalBook
from interviewer.pseudonym.storage import load_replacements, update_replacements
from interviewer.store import SessionStore
from interviewer.store.lock import file_lock, lock_path_for

from .conftest import mode

WORKERS = 12
CLI = [sys.executable, "-m", "interviewer"]

PRELUDE = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    data, go, me, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    while not go.exists():
        time.sleep(0.001)
    """
)


def _run_together(script: str, data: Path, tmp_path: Path, rounds: int) -> None:
    """Start WORKERS processes running ``script`` (after PRELUDE), let them go at once."""
    go = tmp_path / "go"

    def argv(n: int) -> list[str]:
        return [str(data), str(go), str(n), str(rounds)]

    procs = [
        subprocess.Popen(
            [sys.executable, "-c", PRELUDE + textwrap.dedent(script), *argv(n)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WORKERS)
    ]
    time.sleep(0.3)  # most have imported by now; the rest join as soon as they have
    go.write_text("")
    for proc in procs:
        _out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err


def test_parallel_replace_add_commands_lose_no_entry(tmp_path: Path) -> None:
    data = tmp_path / "data"
    procs = [
        subprocess.Popen(
            [*CLI, "replace", "add", f"Person{n}", f"P{n}", "--data-dir", str(data)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WORKERS)
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
    names = {entry.name for entry in load_replacements(data).entries}
    assert names == {f"Person{n}" for n in range(WORKERS)}
    assert mode(data / "replacements.json") == 0o600


def test_parallel_replacement_updates_lose_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _run_together(
        """
        from interviewer.pseudonym.storage import update_replacements
        for r in range(rounds):
            update_replacements(data, lambda cur: cur.with_entry(f"Name{me}x{r}", f"P{me}x{r}"))
        """,
        data,
        tmp_path,
        rounds=8,
    )
    assert len(load_replacements(data).entries) == WORKERS * 8


def test_a_refused_replacement_change_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    update_replacements(data, lambda cur: cur.with_entry("Anna", "R1"))
    before = (data / "replacements.json").read_bytes()

    def refuse(_current: object) -> object:
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        update_replacements(data, refuse)  # type: ignore[arg-type]
    assert (data / "replacements.json").read_bytes() == before
    with file_lock(data / "replacements.json"):  # and the lock was let go
        pass


def test_parallel_key_file_updates_lose_nothing(store: SessionStore, tmp_path: Path) -> None:
    store.save_key(KeyRecord(session_id="first", respondent="1.1"))
    _run_together(
        """
        from interviewer.domain.session import KeyRecord
        from interviewer.store import SessionStore
        store = SessionStore(data)
        for r in range(rounds):
            store.save_key(KeyRecord(session_id=f"s{me}-{r}", respondent=f"{me}.{r}"))
        """,
        store.data_dir,
        tmp_path,
        rounds=8,
    )
    keys = store.keys.all()
    assert len(keys) == 1 + WORKERS * 8
    assert keys["s11-7"].respondent == "11.7"
    assert mode(lock_path_for(store.keys.path)) == 0o600


def test_parallel_saves_all_reach_the_session_index(
    store: SessionStore, demos: list[DemoSession], tmp_path: Path
) -> None:
    store.create(demos[0].session)
    _run_together(
        """
        from interviewer.store import SessionStore
        store = SessionStore(data)
        session = store.load(store.ids()[0])
        for r in range(rounds):
            store.save(session.model_copy(update={"id": f"par-{me}-{r}"}))
        """,
        store.data_dir,
        tmp_path,
        rounds=3,
    )
    index = json.loads((store.data_dir / "index.json").read_text())
    listed = json.dumps(index)
    missing = [
        f"par-{n}-{r}" for n in range(WORKERS) for r in range(3) if f"par-{n}-{r}" not in listed
    ]
    assert missing == []


def test_parallel_reminders_are_all_recorded(
    store: SessionStore, demos: list[DemoSession], tmp_path: Path
) -> None:
    session = demos[0].session
    book = ApprovalBook(store.data_dir)
    today = dt.date.today()
    workflow.send(book, session, deadline=today + dt.timedelta(days=14), today=today)
    _run_together(
        f"""
        from interviewer.membercheck import workflow
        from interviewer.membercheck.storage import ApprovalBook
        book = ApprovalBook(data)
        for r in range(rounds):
            workflow.remind(book, {session.id!r}, channel="email", note=f"{{me}}-{{r}}")
        """,
        store.data_dir,
        tmp_path,
        rounds=2,
    )
    record = book.get(session.id)
    assert record is not None
    assert sorted(r.note for r in record.reminders) == sorted(
        f"{n}-{r}" for n in range(WORKERS) for r in range(2)
    )


def test_file_lock_orders_threads_and_is_reentrant(tmp_path: Path) -> None:
    target = tmp_path / "list.json"
    target.write_text("0")
    inside: list[int] = []
    overlaps: list[int] = []

    def work() -> None:
        for _ in range(20):
            # a section calling another that locks the same file
            with file_lock(target), file_lock(target):
                if inside:
                    overlaps.append(1)
                inside.append(1)
                value = int(target.read_text())
                time.sleep(0.0005)
                target.write_text(str(value + 1))
                inside.pop()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == [] and target.read_text() == "80"
    assert lock_path_for(target) == tmp_path / "list.json.lock"
    assert os.stat(lock_path_for(target)).st_size == 0
