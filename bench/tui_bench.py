"""TUI benchmarks: start-up against a bare Textual app, CPU per keystroke in a long session.

Run: ``python bench/tui_bench.py``. Prints a table. Targets (issue 4): ``interviewer run`` to
an interactive interview screen within 1.3x of a bare Textual app; no visible lag while
typing in the notes of a 30,000-word session (well under 16 ms of CPU per keystroke).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import time, sys
from textual.app import App
from textual.widgets import Footer, TextArea
class Bare(App):
    def compose(self):
        yield TextArea(); yield Footer()
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        print(f"READY {time.perf_counter() - START:.4f}", file=sys.__stdout__, flush=True)
        self.exit()
START = float(sys.argv[1])
Bare().run(headless=True, size=(120, 40))
"""

RUN = """
import sys, time
START = float(sys.argv[1])
from interviewer.cli.run_commands import new_live_session
from interviewer.store import SessionStore
from interviewer.tui.app import make_app
store = SessionStore(sys.argv[2])
live, lang = new_live_session(store, sys.argv[3], case="Bench", respondent=sys.argv[4],
                              consent_obtained=True, lang="en")
live.open()
app = make_app(store, live=live, lang=lang, handle_signals=False)
async def started(pilot):
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert type(app.screen).__name__ == "InterviewScreen"
    print(f"READY {time.perf_counter() - START:.4f}", file=sys.__stdout__, flush=True)
    app.exit()
app.run(headless=True, size=(120, 40), auto_pilot=started)
live.close()
"""


def _start_time(code: str, *args: str) -> float:
    """Seconds from process start (interpreter included) to the ready line."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, "0", *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TEXTUAL": ""},
    ).stdout
    assert "READY" in out, out
    return time.perf_counter() - start


def startup(rounds: int = 5) -> tuple[float, float]:
    """Median start-up seconds: bare Textual app, ``interviewer run`` to the interview."""
    from interviewer.tui.sources import find_protocol

    protocol = str(find_protocol("sociale-teams-samenwerking"))
    bare, ours = [], []
    with tempfile.TemporaryDirectory() as tmp:
        _start_time(BARE)  # warm the bytecode caches once
        _start_time(RUN, tmp, protocol, "9.99")
        for n in range(rounds):
            bare.append(_start_time(BARE))
            ours.append(_start_time(RUN, tmp, protocol, f"9.{n + 1}"))
    return statistics.median(bare), statistics.median(ours)


def typing(keys: int = 300) -> tuple[int, float, float]:
    """CPU ms per keystroke (mean, p95) in the notes of a 30,000-word session."""
    import asyncio

    from interviewer.demo import make_demo
    from interviewer.domain.session import SessionStatus
    from interviewer.store import SessionStore
    from interviewer.tui.app import make_app
    from interviewer.tui.live import LiveSession
    from interviewer.tui.sources import find_protocol, load_protocol

    protocol = load_protocol(find_protocol("sociale-teams-samenwerking"))
    demo = make_demo(protocol, case="Bench", respondents=1, minutes=120, participants=3)[0]
    session = demo.session
    # reopen the finished demo as a running interview on its last topic question
    session.status = SessionStatus.IN_PROGRESS
    session.finished_at = None
    session.timeline = [e for e in session.timeline if e.kind.value != "finished"]
    words = session.word_count()
    last = protocol.topics[-1].questions[0].id
    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp))
        store.create(session, demo.key)
        live = LiveSession(store, session).open()
        app = make_app(store, live=live, lang="en", handle_signals=False)
        samples: list[float] = []

        async def drive() -> None:
            async with app.run_test(size=(120, 40)) as pilot:
                live.recorder.show_question(last)
                app.screen.load_question()
                await pilot.pause()
                for n in range(keys):
                    before = time.process_time()
                    await pilot.press("a" if n % 6 else "space")
                    samples.append(time.process_time() - before)

        asyncio.run(drive())
        live.close()
    samples.sort()
    return words, statistics.mean(samples) * 1000, samples[int(len(samples) * 0.95)] * 1000


def bare_typing(keys: int = 300) -> tuple[float, float]:
    """The same keystrokes into a bare TextArea app of the same size (the Textual floor)."""
    import asyncio

    from textual.app import App, ComposeResult
    from textual.widgets import Footer, TextArea

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield TextArea(soft_wrap=True)
            yield Footer()

    app = Bare()
    samples: list[float] = []

    async def drive() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for n in range(keys):
                before = time.process_time()
                await pilot.press("a" if n % 6 else "space")
                samples.append(time.process_time() - before)

    asyncio.run(drive())
    samples.sort()
    return statistics.mean(samples) * 1000, samples[int(len(samples) * 0.95)] * 1000


def main() -> None:
    bare, ours = startup()
    bare_mean, bare_p95 = bare_typing()
    words, mean_ms, p95_ms = typing()
    rows = [
        ("start-up, bare Textual app (s)", f"{bare:.3f}"),
        ("start-up, interviewer run -> interview (s)", f"{ours:.3f}"),
        ("ratio (target <= 1.3)", f"{ours / bare:.2f}"),
        ("CPU per keystroke, bare TextArea app, mean (ms)", f"{bare_mean:.2f}"),
        ("CPU per keystroke, bare TextArea app, p95 (ms)", f"{bare_p95:.2f}"),
        ("words in the session", f"{words}"),
        ("CPU per keystroke, mean (ms)", f"{mean_ms:.2f}"),
        ("CPU per keystroke, p95 (ms)", f"{p95_ms:.2f}"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value:>10}")
    print(json.dumps({"bare_s": bare, "run_s": ours, "mean_ms": mean_ms, "p95_ms": p95_ms}))


if __name__ == "__main__":
    main()
