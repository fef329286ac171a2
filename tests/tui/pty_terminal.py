"""The app in a real pseudo-terminal: keys arrive as a terminal sends them, in bursts.

Shared by the pty tests and ``bench/key_order_bench.py``. ``slow_app.py`` is the child:
it can slow every key at the notes editor to play a lagging laptop.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

SLOW_APP = Path(__file__).with_name("slow_app.py")
CTRL_N = b"\x0e"
CTRL_Q = b"\x11"
CTRL_S = b"\x13"


def read_until(fd: int, needle: bytes, timeout: float = 30.0) -> bytes:
    """Read the pty until ``needle`` appears (the app draws its screen)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            if needle in seen:
                return seen
    raise AssertionError(f"{needle!r} did not appear on the screen")


def drain(fd: int, seconds: float) -> None:
    """Read (and drop) whatever the app draws for ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                return


def collect(fd: int, seconds: float) -> bytes:
    """What the app draws in ``seconds`` (``drain`` drops it: a banner drawn while typing
    is drawn once)."""
    seen = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def type_words(fd: int, words: list[str], pause: float = 0.03) -> bytes:
    """Type ``words`` a word at a time, ``pause`` seconds apart; returns what the app drew
    meanwhile."""
    seen = b""
    for word in words:
        os.write(fd, word.encode() + b" ")
        seen += collect(fd, pause)
    return seen


def spawn(
    args: Sequence[str],
    *,
    slow_ms: float = 0.0,
    size: tuple[int, int] = (100, 30),
    src: str | None = None,
):
    """Start ``interviewer ARGS`` on a new pty; returns (process, fd of the terminal side).

    With ``slow_ms``, the notes editor takes that long for every key it handles; with
    ``src`` (the ``src`` folder of another tree) that tree's app runs (benches compare)."""
    main, child = pty.openpty()
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": str(size[0]),
        "LINES": str(size[1]),
    }
    env.pop("TEXTUAL", None)
    if src:
        env["PYTHONPATH"] = src
    proc = subprocess.Popen(
        [sys.executable, str(SLOW_APP), str(slow_ms), *args],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        start_new_session=True,
    )
    os.close(child)
    return proc, main


def wait_exit(proc: subprocess.Popen, fd: int, timeout: float = 30.0) -> int:
    """Wait for the app to end, reading what it draws meanwhile (a full terminal buffer
    would block it)."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        drain(fd, 0.1)
    return proc.wait(timeout=1)


def stop(proc: subprocess.Popen, fd: int) -> None:
    """Make sure the child is gone and the terminal closed."""
    if proc.poll() is None:
        proc.kill()
        proc.wait(timeout=10)
    drain(fd, 0.1)
    os.close(fd)
