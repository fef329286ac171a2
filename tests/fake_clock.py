"""The fake clock the engine, export and TUI tests share: epoch seconds moved by hand."""

from __future__ import annotations

import datetime as dt

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC).timestamp()
"""Monday 2 March 2026, 09:00 UTC: the start of every fake interview."""


class FakeClock:
    """Epoch seconds that move only when a test says so."""

    def __init__(self, start: float = T0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float = 0.0, *, minutes: float = 0.0) -> None:
        self.now += seconds + minutes * 60.0
