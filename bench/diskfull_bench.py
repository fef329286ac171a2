"""Words lost to a full disk: 100 runs of the real app on a disk that fills while typing.

Each run starts ``interviewer run`` on a pty with a fresh 400 KB tmpfs as its only partition
(data folder, cache, home, ``TMPDIR``, ``/tmp``; see ``tests/tui/small_disk.py``), types
words, and fills the disk at a random moment; in half the runs a greedy writer then keeps
taking every byte the app frees (the reserve's too) until space is freed. At a random
moment after the last word the run ends with ``ctrl+q``, SIGTERM or SIGHUP (the terminal
closed first, as when its window is closed). A refused ``ctrl+q`` is answered as an
interviewer would: free space, then ``ctrl+q`` again. After the exit the disk is freed and
every word typed is looked for in the session file and every emergency copy on the disk.

Where a tmpfs cannot be mounted (not root, no CAP_SYS_ADMIN), the runs use the app
headless (``App.run_test``) with injected ENOSPC for every file the store writes
(``tests/store/faults.py``) and signals delivered through ``on_signal``. Run:
``python bench/diskfull_bench.py [--runs 100] [--seed 0]``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.tui.* (the pty and small-disk helpers)

from tests.tui.pty_terminal import (  # noqa: E402
    CTRL_Q,
    CTRL_S,
    collect,
    drain,
    read_until,
    type_words,
)
from tests.tui.small_disk import (  # noqa: E402
    fill,
    mount_refused,
    run_interview_on_disk,
    small_disk,
)

EXITS = ("ctrl+q", "SIGTERM", "SIGHUP")


@dataclass
class Totals:
    runs: int = 0
    words: int = 0
    lost: int = 0
    runs_with_loss: int = 0
    refused: int = 0
    """ctrl+q presses that did not exit because nothing could be saved."""
    by_exit: dict[str, list[int]] = field(default_factory=dict)
    """exit -> [runs, words lost]."""
    problems: list[str] = field(default_factory=list)
    verbose: bool = False

    def add(self, exit_kind: str, typed: int, lost: int) -> None:
        self.runs += 1
        self.words += typed
        self.lost += lost
        self.runs_with_loss += lost > 0
        row = self.by_exit.setdefault(exit_kind, [0, 0])
        row[0] += 1
        row[1] += lost


class Greedy:
    """A program that keeps writing: takes whatever space appears, every 20 ms."""

    def __init__(self, disk: Path) -> None:
        self.disk = disk
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self.stop.wait(0.02):
            with contextlib.suppress(OSError):
                fill(self.disk, "greedy.bin")

    def __enter__(self) -> Greedy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


def free_space(disk: Path) -> None:
    for name in ("filler.bin", "greedy.bin"):
        with contextlib.suppress(FileNotFoundError):
            (disk / name).unlink()


def words_missing(disk: Path, words: list[str]) -> list[int]:
    """Which words (their places) are in neither the session file nor any emergency copy
    anywhere on the disk."""
    text = ""
    for path in disk.rglob("*.json"):
        with contextlib.suppress(OSError):
            text += path.read_text(encoding="utf-8", errors="replace")
    return [n for n, word in enumerate(words) if word not in text]


def quit_like_an_interviewer(proc, fd: int, disk: Path, greedy: Greedy | None) -> int:
    """ctrl+q, and y when asked; whenever the app refuses (nothing saved): stay, free space,
    ctrl+q again. Returns the refusals."""
    refused = 0
    key = CTRL_Q
    seen = b""
    for _step in range(8):
        os.write(fd, key)
        seen = b""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and b"(y)" not in seen and b"USB" not in seen:
            seen += collect(fd, 0.1)
            if proc.poll() is not None:
                return refused
        if b"USB" in seen:  # the disk-full dialog instead of an exit
            refused += 1
            os.write(fd, b"\x1b")  # stay
            collect(fd, 0.3)
            if greedy is not None:
                greedy.__exit__()
            free_space(disk)
            key = CTRL_Q
        elif b"(y)" in seen:  # save and quit? yes
            key = b"y"
        else:
            break
    tail = seen[-300:].decode("utf-8", "replace")
    raise RuntimeError(f"ctrl+q did not end the app; the screen ended with {tail!r}")


def pty_run(base: Path, run: int, rng: random.Random, totals: Totals) -> None:
    with small_disk(base / f"disk{run}", "400k") as disk:
        if isinstance(disk, str):
            raise RuntimeError(disk)
        begun = time.monotonic()
        proc, fd = run_interview_on_disk(disk)
        words = [f"r{run}w{n}x" for n in range(rng.randint(15, 40))]
        fill_at = rng.randrange(len(words))
        greedy_run = rng.random() < 0.5
        exit_kind = rng.choice(EXITS)
        greedy: Greedy | None = None
        closed = False
        try:
            read_until(fd, b"ctrl+s")
            os.write(fd, CTRL_S)
            read_until(fd, b"Notes")
            pause = rng.uniform(0.01, 0.04)
            type_words(fd, words[:fill_at], pause)
            fill(disk)
            if greedy_run:
                greedy = Greedy(disk).__enter__()
            type_words(fd, words[fill_at:], pause)
            last_key = time.monotonic()
            collect(fd, rng.uniform(0.0, 2.5))
            waited = time.monotonic() - last_key
            if exit_kind == "ctrl+q":
                try:
                    totals.refused += quit_like_an_interviewer(proc, fd, disk, greedy)
                except RuntimeError as exc:
                    totals.problems.append(f"run {run}: {exc}")
            elif exit_kind == "SIGTERM":
                proc.send_signal(signal.SIGTERM)
            else:
                os.close(fd)  # the terminal window is closed, then the hang-up
                closed = True
                proc.send_signal(signal.SIGHUP)
            if exit_kind != "ctrl+q":  # the app waits for space: the interviewer frees it
                time.sleep(rng.uniform(0.2, 2.0))
                if greedy is not None:
                    greedy.__exit__()
                free_space(disk)
            deadline = time.monotonic() + 30
            while proc.poll() is None and time.monotonic() < deadline:
                if closed:
                    time.sleep(0.05)
                else:
                    drain(fd, 0.05)
            if proc.poll() is None:
                totals.problems.append(f"run {run} ({exit_kind}): did not exit in 30 s")
        finally:
            if greedy is not None:
                greedy.__exit__()
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=10)
            if not closed:
                os.close(fd)
        free_space(disk)
        missing = words_missing(disk, words)
        lost = len(missing)
        totals.add(exit_kind, len(words), lost)
        if missing:
            totals.problems.append(
                f"run {run} ({exit_kind}, greedy={greedy_run}): lost words {missing} of "
                f"{len(words)}; the exit came {waited * 1000:.0f} ms after the last key"
            )
        if totals.verbose:
            print(
                f"run {run}: {time.monotonic() - begun:.1f} s, {exit_kind} greedy={greedy_run}, "
                f"fill at {fill_at}/{len(words)}, exit code {proc.returncode} lost {lost}",
                flush=True,
            )


def injected_run(base: Path, run: int, rng: random.Random, totals: Totals) -> None:
    """The same run headless, with every store write under / failing with ENOSPC."""
    import asyncio
    import errno
    import logging

    from interviewer.tui import app as app_module

    logging.disable(logging.CRITICAL)  # every failed retry logs a line; the table says it
    app_module.HARD_EXIT_SECONDS = 1e9  # on_signal's hard exit would end this process too

    from tests.fake_clock import FakeClock
    from tests.store.faults import FailingOs
    from tests.tui.conftest import app_for, open_live

    from interviewer.store import SessionStore, atomic
    from interviewer.tui.dialogs.disk_full import DiskFullDialog

    folder = base / f"run{run}"
    os.environ["XDG_CACHE_HOME"] = str(folder / "cache")
    os.environ["HOME"] = str(folder / "home")
    store = SessionStore(folder / "data")
    clock = FakeClock()
    words = [f"r{run}w{n}x" for n in range(rng.randint(15, 40))]
    fill_at = rng.randrange(len(words))
    exit_kind = rng.choice(EXITS)
    fake = FailingOs(Path("/"), errno.ENOSPC)
    fake.active = False
    real_os = atomic.os

    async def go() -> None:
        live = open_live(store, clock)
        live.recorder.confirm_consent("opname")
        app = app_for(store, clock, live)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("ctrl+s")
            await pilot.pause()
            live.autosaver.retry = 0.05
            for n, word in enumerate(words):
                if n == fill_at:
                    atomic.os = fake  # type: ignore[assignment]
                    fake.active = True
                    live.autosaver._release_reserve()  # the greedy writer took it
                await pilot.press(*word, "space")
            await pilot.pause(rng.uniform(0.0, 1.2))
            if exit_kind == "ctrl+q":
                from interviewer.tui.dialogs.confirm import ConfirmDialog

                await pilot.press("ctrl+q")
                await pilot.pause()
                for _step in range(6):
                    if not app.is_running:
                        break
                    if isinstance(app.screen, DiskFullDialog):
                        totals.refused += 1
                        await pilot.press("escape")
                        fake.active = False  # space freed
                        await pilot.press("ctrl+q")
                    elif isinstance(app.screen, ConfirmDialog):
                        await pilot.press("y")
                    await pilot.pause()
            else:  # the app waits for space; the interviewer frees it a moment later
                threading.Timer(rng.uniform(0.2, 1.0), setattr, (fake, "active", False)).start()
                app.on_signal(signal.SIGTERM if exit_kind == "SIGTERM" else signal.SIGHUP)
                await pilot.pause()
        if not live.closed:
            live.close()

    try:
        asyncio.run(go())
    finally:
        atomic.os = real_os
    lost = len(words_missing(folder, words))
    totals.add(exit_kind, len(words), lost)
    if totals.verbose:
        print(f"run {run}: {exit_kind}, fill at {fill_at}/{len(words)}, lost {lost}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--verbose", action="store_true", help="one line per run")
    parser.add_argument("--inject", action="store_true", help="injected ENOSPC, no tmpfs")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    totals = Totals(verbose=args.verbose)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="diskfull-bench-") as folder:
        base = Path(folder)
        refused = "--inject" if args.inject else mount_refused(base / "probe", "64k")
        if refused is None:
            from tests.tui.small_disk import unmount

            unmount(base / "probe")
        how = "real 400 KB tmpfs, app on a pty" if refused is None else "injected ENOSPC"
        for run in range(args.runs):
            if refused is None:
                pty_run(base, run, rng, totals)
            else:
                injected_run(base, run, rng, totals)
    seconds = time.perf_counter() - started
    print(f"disk-full bench: {how}" + (f" ({refused})" if refused else ""))
    print(f"seed {args.seed}, {seconds:.0f} s\n")
    rows = [
        ("runs", totals.runs),
        ("words typed", totals.words),
        ("words lost (target 0)", totals.lost),
        ("runs with loss", totals.runs_with_loss),
        ("exits refused while unsaved (ctrl+q)", totals.refused),
    ]
    rows += [
        (f"  {kind}: runs / words lost", f"{runs} / {lost}")
        for kind, (runs, lost) in sorted(totals.by_exit.items())
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value:>9}")
    for problem in totals.problems:
        print("problem:", problem)
    return 1 if totals.lost or totals.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
