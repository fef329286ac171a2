"""Run the kill test: typists (kill_child.py) are SIGKILLed at random moments, then checked.

Used by tests/store/test_kill.py (100 kills) and bench/kill_bench.py (1,000 kills). Each
worker owns a data folder and a fork server; per kill it starts a typist, waits a random
time, kills it with SIGKILL, and checks the folder as the next start of the program would:

- opening a ``SessionStore`` removes every temp file; none remains afterwards;
- every session file (and the key file) loads; the listing reports no damaged file;
- every word typed more than ``threshold`` seconds before the kill is in the session;
- every word seen on disk after an earlier kill is still there;
- the dead typist's lock is taken over.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from interviewer.store import SessionStore
from interviewer.store.atomic import TEMP_PREFIX

CHILD = Path(__file__).with_name("kill_child.py")
SESSION_ID = "kill-main"


@dataclass
class KillStats:
    """Counts over all kills (and the failures, one line each)."""

    kills: int = 0
    temp_files_found: int = 0
    """Kills that left a temp file behind (the kill hit a write); all were cleaned."""
    temp_files_remaining: int = 0
    sessions_checked: int = 0
    unreadable: int = 0
    words_typed: int = 0
    words_checked: int = 0
    """Words typed more than ``threshold`` s before a kill (must all be on disk)."""
    words_missing: int = 0
    words_lost_recent: int = 0
    """Words typed within ``threshold`` s before a kill that were not saved (allowed)."""
    max_lost_age: float = 0.0
    """Oldest unsaved word at a kill, in seconds before the kill."""
    earlier_words_lost: int = 0
    lock_takeovers: int = 0
    failures: list[str] = field(default_factory=list)

    def merge(self, other: KillStats) -> None:
        for name in self.__dataclass_fields__:
            mine, theirs = getattr(self, name), getattr(other, name)
            if name == "max_lost_age":
                self.max_lost_age = max(mine, theirs)
            else:
                setattr(self, name, mine + theirs)

    @property
    def ok(self) -> bool:
        return not (
            self.failures
            or self.temp_files_remaining
            or self.unreadable
            or self.words_missing
            or self.earlier_words_lost
        )


def _saved_words(store: SessionStore) -> set[int]:
    session = store.load(SESSION_ID)
    words: set[int] = set()
    for record in session.records.values():
        for token in record.notes.split():
            if token.startswith("w") and token[1:].isdigit():
                words.add(int(token[1:]))
    return words


def _temp_files(folder: Path) -> list[Path]:
    found: list[Path] = []
    for sub in (folder, folder / "sessions"):
        if sub.is_dir():
            found += [p for p in sub.iterdir() if p.name.startswith(TEMP_PREFIX)]
    return found


class Worker:
    """One data folder, one fork server, ``kills`` kills."""

    def __init__(
        self, folder: Path, kills: int, delay: float, threshold: float,
        window: tuple[float, float], seed: int,
    ) -> None:  # fmt: skip
        self.folder = folder
        self.kills = kills
        self.delay = delay
        self.threshold = threshold
        self.window = window
        self.rng = random.Random(seed)
        self.stats = KillStats()
        self.next_word = 0
        self.confirmed: set[int] = set()
        self.log = folder.parent / f"{folder.name}-typed.log"

    def run(self) -> KillStats:
        server = subprocess.Popen(
            [sys.executable, str(CHILD)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert server.stdin is not None and server.stdout is not None
        try:
            for _ in range(self.kills):
                self.log.write_bytes(b"")
                seed = self.rng.randrange(1 << 30)
                server.stdin.write(
                    f"go {self.folder} {self.log} {self.delay} {self.next_word} {seed}\n"
                )
                server.stdin.flush()
                pid = int(server.stdout.readline().split()[1])
                time.sleep(self.rng.uniform(*self.window))
                killed_at = time.time()
                os.kill(pid, signal.SIGKILL)
                server.stdin.write(f"reap {pid}\n")
                server.stdin.flush()
                server.stdout.readline()
                self.check(killed_at)
        finally:
            server.stdin.write("quit\n")
            server.stdin.close()
            server.wait(30)
        return self.stats

    def check(self, killed_at: float) -> None:
        stats = self.stats
        stats.kills += 1
        if _temp_files(self.folder):
            stats.temp_files_found += 1
        store = SessionStore(self.folder)  # the next start: cleans temp files
        if _temp_files(self.folder):
            stats.temp_files_remaining += 1
            stats.failures.append(f"kill {stats.kills}: temp files remain after start")
        typed = []
        for line in self.log.read_text().splitlines():
            parts = line.split()
            if len(parts) == 2:
                typed.append((int(parts[0]), float(parts[1])))
        stats.words_typed += len(typed)
        if typed:
            self.next_word = max(n for n, _ in typed) + 1
        listed = store.list()
        if store.problems:
            stats.unreadable += len(store.problems)
            stats.failures += [f"kill {stats.kills}: {p}" for p in store.problems]
        for summary in listed:
            try:
                store.load(summary.id)
            except Exception as exc:
                stats.unreadable += 1
                stats.failures.append(f"kill {stats.kills}: {summary.id}: {exc}")
            stats.sessions_checked += 1
        try:
            store.keys.all()
        except Exception as exc:
            stats.unreadable += 1
            stats.failures.append(f"kill {stats.kills}: key file: {exc}")
        if not store.exists(SESSION_ID):
            if any(t < killed_at - self.threshold for _n, t in typed) or self.confirmed:
                stats.failures.append(f"kill {stats.kills}: the session file is missing")
            return
        saved = _saved_words(store)
        for n, at in typed:
            age = killed_at - at
            if n in saved:
                continue
            if age > self.threshold:
                stats.words_missing += 1
                stats.failures.append(f"kill {stats.kills}: w{n} typed {age:.3f}s before is lost")
            else:
                stats.words_lost_recent += 1
            stats.max_lost_age = max(stats.max_lost_age, age)
        stats.words_checked += sum(1 for _n, t in typed if killed_at - t > self.threshold)
        lost_earlier = self.confirmed - saved
        if lost_earlier:
            stats.earlier_words_lost += len(lost_earlier)
            stats.failures.append(f"kill {stats.kills}: {len(lost_earlier)} saved words vanished")
        self.confirmed |= saved
        with store.lock(SESSION_ID):  # the dead typist's lock is stale: taken over
            stats.lock_takeovers += 1


def run_kills(
    base: Path,
    *,
    kills: int,
    workers: int = 4,
    delay: float = 0.2,
    threshold: float = 1.0,
    window: tuple[float, float] = (0.02, 1.5),
    seed: int = 0,
) -> KillStats:
    """``kills`` kills spread over ``workers`` parallel workers; merged statistics."""
    share = [kills // workers + (1 if i < kills % workers else 0) for i in range(workers)]
    jobs = [
        Worker(base / f"w{i}", n, delay, threshold, window, seed * 1000 + i)
        for i, n in enumerate(share)
        if n
    ]
    results: list[KillStats] = []
    errors: list[BaseException] = []

    def run(job: Worker) -> None:
        try:
            results.append(job.run())
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    total = KillStats()
    for result in results:
        total.merge(result)
    return total
