"""TUI benchmarks: start-up against a bare Textual app, CPU per keystroke in a long session.

Both comparisons are like for like: start-up is process start to the first frame (wall, and
the CPU the process used until then; same method for the bare app and ours); typing compares
our notes editor with a bare TextArea of the same size holding the same note (Textual
re-renders every visible line of a TextArea on each edit, so the note length sets the floor,
not the session size).

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
import os, sys, time
from textual.app import App
from textual.widgets import Footer, TextArea
class Bare(App):
    def compose(self):
        yield TextArea(); yield Footer()
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        print(f"READY first {time.process_time()}", file=sys.__stdout__, flush=True)
        os._exit(0)
Bare().run(headless=True, size=(120, 40))
"""

RUN = """
import os, sys, time
from pathlib import Path
import interviewer.cli  # what the console script imports first (click, the lazy group)
from interviewer.cli import run_commands
# what the command does first; older trees lack some of these steps
getattr(run_commands, "no_pydantic_plugins", lambda: None)()
getattr(run_commands, "quiet_gc", lambda: None)()
DATA, PROTOCOL, CODE, STOP = sys.argv[1:5]
OPTIONS = dict(case="Bench", respondent=CODE, consent_obtained=True, lang="en")
try:  # the session-start service (older trees had it in the run command's module)
    from interviewer.tui import start as starting
except ImportError:
    starting = run_commands
if hasattr(starting, "light_start"):  # as `run` does it: introduction first
    pending, lang = starting.light_start(PROTOCOL, Path(DATA), **OPTIONS)
    assert pending is not None, "the protocol was not read the light way"
    app = run_commands.make_tui(None, None, lang, pending, handle_signals=False)
else:  # older trees: session created before the app
    from interviewer.store import SessionStore
    from interviewer.tui.app import make_app
    store = SessionStore(DATA)
    live, lang = starting.new_live_session(store, PROTOCOL, **OPTIONS)
    live.open()
    if hasattr(run_commands, "make_tui"):  # the app exactly as the command builds it
        app = run_commands.make_tui(store, live, lang, handle_signals=False)
    else:
        app = make_app(store, live=live, lang=lang, handle_signals=False)

def ready(what):
    print(f"READY {what} {time.process_time()}", file=sys.__stdout__, flush=True)
    if what == STOP:
        os._exit(0)

from interviewer.tui.screens import intro  # imported before the first frame anyway
mount = intro.IntroductionScreen.on_mount
def on_mount(self):
    # the introduction's first refresh, before any work the screen does after it
    self.call_after_refresh(ready, "first")
    mount(self)
intro.IntroductionScreen.on_mount = on_mount

async def started(pilot):
    await pilot.press("ctrl+s")
    while not (type(app.screen).__name__ == "InterviewScreen" and app.screen.query("#notes")):
        await pilot.pause()
    await pilot.pause()
    ready("interview")
app.run(headless=True, size=(120, 40), auto_pilot=started)
"""


def _start_time(code: str, *args: str, src: str | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds from process start (interpreter included) to the READY line of
    the frame asked for (the last argument; ``first`` for the bare app): the child prints
    it from a callback run after that frame and ends at once, so neither the work after
    the frame nor the teardown is counted, for the bare app and ours alike."""
    stop = args[-1] if args else "first"
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TEXTUAL": "", **({"PYTHONPATH": src} if src else {})},
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith(f"READY {stop} "):
            wall = time.perf_counter() - start
            cpu = float(line.split()[2])
            break
    else:
        raise RuntimeError(child.stderr.read() if child.stderr else "no READY line")
    child.wait()
    return wall, cpu


def startup(rounds: int = 7, before: str | None = None) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) start-up seconds: bare Textual app to its first frame; ``run`` to
    the introduction's first frame; ``run`` to the interactive interview (ctrl+s at once).
    With ``before`` (a ``src`` folder of an older tree) its ``run`` is measured too.

    All are measured the same way (process start to the READY line after the frame) and
    interleaved, so a busy machine slows them alike."""
    from interviewer.tui.sources import find_protocol

    protocol = str(find_protocol("sociale-teams-samenwerking"))
    kinds = [("first", None), ("interview", None)]
    if before:
        kinds += [("before first", before), ("before interview", before)]
    runs: dict[str, list[tuple[float, float]]] = {"bare": [], **{k: [] for k, _s in kinds}}
    with tempfile.TemporaryDirectory() as tmp:
        _start_time(BARE)  # warm the bytecode caches once
        for n, (_kind, src) in enumerate(kinds):
            _start_time(RUN, _data(tmp, src), protocol, f"8.{n + 1}", "interview", src=src)
        code = 0
        for _round in range(rounds):
            runs["bare"].append(_start_time(BARE))
            for kind, src in kinds:
                code += 1
                stop = kind.removeprefix("before ")
                data = _data(tmp, src)
                runs[kind].append(_start_time(RUN, data, protocol, f"9.{code}", stop, src=src))
    return {
        name: (statistics.median(w for w, _c in values), statistics.median(c for _w, c in values))
        for name, values in runs.items()
    }


def _data(tmp: str, src: str | None) -> str:
    """A data folder per tree, so an older store never reads a newer one's files."""
    return str(Path(tmp) / ("before" if src else "now"))


def _press_all(pilot, keys: int, samples: list[float]):
    """Type ``keys`` keystrokes (words of five letters), one CPU sample per keystroke."""

    async def run() -> None:
        for n in range(keys):
            before = time.process_time()
            await pilot.press("a" if n % 6 else "space")
            samples.append(time.process_time() - before)

    return run()


def _summary(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.mean(samples) * 1000, samples[int(len(samples) * 0.95)] * 1000


def typing(keys: int = 300) -> dict[str, object]:
    """CPU ms per keystroke in the notes of a 30,000-word session (a running interview):
    in a question without notes yet, and at the end of the longest note of the session.
    Also returns the texts and the editor size, so the bare app gets the same ones."""
    import asyncio

    from interviewer.cli import run_commands
    from interviewer.demo import make_demo
    from interviewer.domain.session import SessionStatus
    from interviewer.store import SessionStore
    from interviewer.tui.live import LiveSession
    from interviewer.tui.sources import find_protocol, load_protocol

    protocol = load_protocol(find_protocol("sociale-teams-samenwerking"))
    demo = make_demo(protocol, case="Bench", respondents=1, minutes=120, participants=3)[0]
    session = demo.session
    # reopen the finished demo as a running interview
    session.status = SessionStatus.IN_PROGRESS
    session.finished_at = None
    session.timeline = [e for e in session.timeline if e.kind.value != "finished"]
    words = session.word_count()
    longest = max(session.records.values(), key=lambda r: len(r.notes))
    empty = next(q.id for t in protocol.topics for q in t.questions if q.id not in session.records)
    result: dict[str, object] = {"words": words, "long_words": len(longest.notes.split())}
    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp))
        store.create(session, demo.key)
        live = LiveSession(store, session).open()
        # as `resume` builds it: collector paused while starting, long-lived objects frozen
        run_commands.quiet_gc()
        app = run_commands.make_tui(store, live, "en", handle_signals=False)

        async def drive() -> None:
            async with app.run_test(size=(120, 40)) as pilot:
                for name, qid in (("empty", empty), ("long", longest.question_id)):
                    live.recorder.show_question(qid)
                    app.screen.load_question()
                    notes = app.screen.query_one("#notes")
                    notes.move_cursor(notes.document.end)
                    await pilot.pause()
                    result[name + "_text"] = notes.text
                    result["editor"] = (notes.outer_size.width, notes.outer_size.height)
                    samples: list[float] = []
                    await _press_all(pilot, keys, samples)
                    result[name] = _summary(samples)

        asyncio.run(drive())
        live.close()
    return result


def bare_typing(text: str, size: tuple[int, int], keys: int = 300) -> tuple[float, float]:
    """The same keystrokes at the end of the same text, in a bare TextArea app whose editor
    has the size of ours (the Textual floor for that note)."""
    import asyncio

    from textual.app import App, ComposeResult
    from textual.widgets import Footer, TextArea

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            area = TextArea(text, soft_wrap=True)
            area.styles.width, area.styles.height = size
            yield area
            yield Footer()

    app = Bare()
    samples: list[float] = []

    async def drive() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            area = app.query_one(TextArea)
            area.move_cursor(area.document.end)
            await pilot.pause()
            await _press_all(pilot, keys, samples)

    asyncio.run(drive())
    return _summary(samples)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="src folder of an older tree: its start-up too")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    starts = startup(args.rounds, args.before)
    ours = typing()
    size = ours["editor"]
    bare_empty = bare_typing("", size)
    bare_long = bare_typing(str(ours["long_text"]), size)
    (bare_w, bare_c), (first_w, first_c), (run_w, run_c) = (
        starts["bare"],
        starts["first"],
        starts["interview"],
    )
    empty_mean = ours["empty"][0]
    long_mean = ours["long"][0]
    rows = [
        ("start-up wall (s): bare Textual app, first frame", f"{bare_w:.3f}"),
        (
            "  interviewer run, first frame (introduction)",
            f"{first_w:.3f}  x{first_w / bare_w:.2f}",
        ),
        ("  interviewer run -> interactive interview", f"{run_w:.3f}  x{run_w / bare_w:.2f}"),
        ("start-up CPU (s): bare Textual app, first frame", f"{bare_c:.3f}"),
        (
            "  interviewer run, first frame (introduction)",
            f"{first_c:.3f}  x{first_c / bare_c:.2f}",
        ),
        ("  interviewer run -> interactive interview", f"{run_c:.3f}  x{run_c / bare_c:.2f}"),
        ("words in the session", f"{ours['words']}"),
        (f"keystroke CPU, empty note: bare TextArea {size[0]}x{size[1]} (ms)", _ms(bare_empty)),
        ("  keystroke CPU, empty note: interview screen (ms)", _ms(ours["empty"])),
        (f"keystroke CPU, {ours['long_words']}-word note: bare TextArea (ms)", _ms(bare_long)),
        ("  keystroke CPU, same note: interview screen (ms)", _ms(ours["long"])),
    ]
    for kind in ("before first", "before interview"):
        if kind in starts:
            wall, cpu = starts[kind]
            rows.append((f"{kind} (wall, CPU) (s)", f"{wall:.3f} x{wall / bare_w:.2f}  {cpu:.3f}"))
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print(
        json.dumps(
            {
                "startup": starts,
                "typing": {"empty": ours["empty"], "long": ours["long"]},
                "bare_typing": {"empty": bare_empty, "long": bare_long},
                "ratios": {
                    "first_frame": first_w / bare_w,
                    "interview": run_w / bare_w,
                    "keystroke_empty": empty_mean / bare_empty[0],
                    "keystroke_long": long_mean / bare_long[0],
                },
            }
        )
    )


def _ms(pair: object) -> str:
    mean, p95 = pair  # type: ignore[misc]
    return f"mean {mean:.2f}  p95 {p95:.2f}"


if __name__ == "__main__":
    main()
