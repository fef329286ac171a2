"""Jump list (ctrl+t) speed: matching per keystroke by protocol size, and in the running app.

Protocols of 75 to 600 questions are built from the question texts of the bundled Dutch
protocols (long, realistic sentences), repeated under numbered topics. Realistic queries
are typed letter by letter; every prefix is one keystroke. For each keystroke we time:

- new: ``JumpIndex.rows`` (word-prefix search, grouping, highlight offsets), what the
  dialog's worker computes;
- old: Textual's fuzzy ``Matcher`` over the old labels ("topic › question text"), matching
  and highlighting as the old ``PickDialog`` did on the UI thread. It is so slow (seconds
  per key) that by default it is measured at the two smallest sizes only; larger sizes show
  a linear estimate from the largest measured one, marked ``est`` (each label is matched
  on its own, so its cost is linear in the number of labels). ``--full`` measures all.

The growth exponent is computed between the last two sizes measured (1.0 = linear).
Then a headless Pilot run on the 600-question protocol measures, per keystroke in the
jump dialog, the wall time from the key to the list showing the new query's results.

Run: ``python bench/picker_bench.py`` (``--quick``: two queries; ``--full``: old at all sizes).
Target (issue 10, point 3): under 50 ms per keystroke on 600 questions, UI never blocked.
"""

from __future__ import annotations

import asyncio
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from textual.fuzzy import Matcher

from interviewer.domain.jump_search import JumpIndex
from interviewer.domain.navigation import jump_entries, jump_targets
from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.session_factory import new_session
from interviewer.protocol.loader import load_protocol

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["sociale-teams-samenwerking.yaml", "netwerksamenwerking-swt.yaml"]
SIZES = [75, 150, 300, 600]
QUESTIONS_PER_TOPIC = 6
QUERIES = ["niet he", "voorbeeld", "tijd en ruimte", "verbeterpunten", "informele comm"]
OLD_SIZES = 2
"""The old matcher is measured at this many of the smallest sizes unless ``--full``."""


def build_protocol(questions: int) -> InterviewProtocol:
    """``questions`` questions in topics of six, texts and characteristics from the bundle."""
    pool = []
    for name in SOURCES:
        source = load_protocol(ROOT / "protocols" / name)
        for topic in source.topics:
            labels = {c.id: c.label for c in topic.characteristics}
            for q in topic.questions:
                pool.append((topic.title, q, labels.get(q.characteristic or "")))
    topics = []
    for t in range(math.ceil(questions / QUESTIONS_PER_TOPIC)):
        chunk = [
            pool[(t * QUESTIONS_PER_TOPIC + k) % len(pool)]
            for k in range(min(QUESTIONS_PER_TOPIC, questions - t * QUESTIONS_PER_TOPIC))
        ]
        characteristics: dict[str, str] = {}
        items = []
        for k, (_title, q, label) in enumerate(chunk):
            item: dict = {"id": f"t{t}-q{k}", "text": q.text}
            if q.kind.value != "main":
                item["kind"] = q.kind.value
            if label:
                cid = f"c{len(characteristics)}"
                characteristics.setdefault(label, cid)
                item["characteristic"] = characteristics[label]
            items.append(item)
        topics.append(
            {
                "id": f"t{t}",
                "title": f"{chunk[0][0]} {t + 1}",
                "variable": f"V{t + 1}",
                "characteristics": [{"id": c, "label": lab} for lab, c in characteristics.items()],
                "questions": items,
            }
        )
    return InterviewProtocol.model_validate(
        {
            "id": f"bench-{questions}",
            "title": "Bench",
            "language": "nl",
            "duration_minutes": 60,
            "topics": topics,
            "closing": {"questions": [{"id": "sterk", "text": "Wat zijn de sterke punten?"}]},
        }
    )


def keystrokes(queries: list[str]) -> list[str]:
    """Every prefix of every query: what the filter holds after each key."""
    return [q[:n] for q in queries for n in range(1, len(q) + 1)]


def old_labels(protocol: InterviewProtocol) -> list[str]:
    """The labels the old dialog matched (see ``InterviewScreen.action_jump`` before)."""
    session = new_session(protocol, case="Bench", respondent="1")
    return [("■ " if t.is_topic else "   ") + t.label for t in jump_targets(session)]


def time_old(labels: list[str], keys: list[str]) -> list[float]:
    """Seconds per keystroke for the old fuzzy matcher (a fresh Matcher per key, as before)."""
    samples: list[float] = []
    for key in keys:
        start = time.perf_counter()
        matcher = Matcher(key)
        for label in labels:
            if matcher.match(label) > 0:
                matcher.highlight(label)
        samples.append(time.perf_counter() - start)
    return samples


def time_new(protocol: InterviewProtocol, keys: list[str]) -> tuple[float, list[float]]:
    """Seconds to build the index, and per keystroke for ``JumpIndex.rows``."""
    session = new_session(protocol, case="Bench", respondent="1")
    start = time.perf_counter()
    index = JumpIndex(jump_entries(session))
    build = time.perf_counter() - start
    samples = []
    for key in keys:
        start = time.perf_counter()
        index.rows(key)
        samples.append(time.perf_counter() - start)
    return build, samples


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f}" if seconds < 10 else f"{seconds * 1e3:.0f}"


def exponent(small: tuple[int, float], big: tuple[int, float]) -> float:
    """Growth exponent k in time ~ size^k between two (size, time) points."""
    return math.log(big[1] / small[1]) / math.log(big[0] / small[0])


def matching_table(queries: list[str], old_sizes: int) -> None:
    """Per size: index build, per-keystroke median and max, new next to old."""
    keys = keystrokes(queries)
    print(f"queries typed letter by letter: {', '.join(repr(q) for q in queries)}")
    print(f"{len(keys)} keystrokes per size; times in ms per keystroke\n")
    print(
        f"{'questions':>9}{'entries':>8}{'build ms':>10}{'new med':>9}{'new max':>9}"
        f"{'old med':>12}{'old max':>12}"
    )
    new_medians: list[tuple[int, float]] = []
    old_medians: list[tuple[int, float]] = []
    old_last: tuple[int, float, float] | None = None  # entries, median, max
    for number, size in enumerate(SIZES):
        protocol = build_protocol(size)
        build, new = time_new(protocol, keys)
        labels = old_labels(protocol)
        new_medians.append((size, statistics.median(new)))
        if number < old_sizes:
            old = time_old(labels, keys)
            old_last = (len(labels), statistics.median(old), max(old))
            old_medians.append((size, old_last[1]))
            old_med, old_max = _ms(old_last[1]), _ms(old_last[2])
        else:
            assert old_last is not None
            scale = len(labels) / old_last[0]
            old_med = _ms(old_last[1] * scale) + " est"
            old_max = _ms(old_last[2] * scale) + " est"
        print(
            f"{size:>9}{len(labels):>8}{_ms(build):>10}{_ms(statistics.median(new)):>9}"
            f"{_ms(max(new)):>9}{old_med:>12}{old_max:>12}"
        )
    print(
        f"\ngrowth exponent (median per keystroke): new "
        f"{exponent(new_medians[-2], new_medians[-1]):.2f} ({SIZES[-2]}->{SIZES[-1]}), old "
        f"{exponent(old_medians[-2], old_medians[-1]):.2f} "
        f"({old_medians[-2][0]}->{old_medians[-1][0]})"
    )


@dataclass
class AppFigures:
    """What the headless run measured (seconds)."""

    latencies: list[float] = field(default_factory=list)
    """Per keystroke: key arriving to the list showing that query's results."""
    stalls: list[float] = field(default_factory=list)
    """Per query: the longest the event loop was unavailable while it was typed."""
    opens: list[float] = field(default_factory=list)
    """ctrl+t to the dialog showing its list."""
    rows: int = 0


async def _until(condition: Callable[[], bool]) -> None:
    while not condition():
        await asyncio.sleep(0.0005)


async def app_latency(queries: list[str], *, floor: bool = False) -> AppFigures:
    """In the app, keys sent the way the terminal driver delivers them (no Pilot waits).

    ``floor``: the same typing with matching switched off, timed to the key reaching the
    filter: what Textual itself costs per key in this dialog over this screen.
    """
    sys.path.insert(0, str(ROOT))  # the test fixtures: tests.fake_clock
    from tests.fake_clock import FakeClock
    from textual import events
    from textual.widgets import Input

    from interviewer.store import SessionStore
    from interviewer.tui.app import make_app
    from interviewer.tui.dialogs.jump import JumpDialog
    from interviewer.tui.live import LiveSession

    figures = AppFigures()
    protocol = build_protocol(SIZES[-1])
    search = JumpDialog._search
    if floor:
        JumpDialog._search = lambda self, *args: None  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock()
        store = SessionStore(Path(folder) / "data")
        session = new_session(protocol, case="Bench", respondent="1", clock=clock)
        store.create(session)
        live = LiveSession(store, session, clock=clock).open()
        app = make_app(store, live=live, lang="nl", clock=clock, blink=False, handle_signals=False)

        def send(key: str, char: str | None) -> None:
            assert app._driver is not None
            app._driver.send_message(events.Key(key, char))

        try:
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.pause()
                await pilot.press("ctrl+s")  # no checklist: straight to the interview
                await pilot.pause()
                assert type(app.screen).__name__ == "InterviewScreen", app.screen
                for query in queries:
                    start = time.perf_counter()
                    send("ctrl+t", None)
                    await _until(lambda: isinstance(app.screen, JumpDialog))
                    dialog = app.screen
                    assert isinstance(dialog, JumpDialog)
                    await _until(lambda d=dialog: d.shown_query == "")
                    figures.opens.append(time.perf_counter() - start)
                    await pilot.pause()
                    beat_state = {"running": 1.0, "stall": 0.0}

                    async def heartbeat(state: dict[str, float] = beat_state) -> None:
                        last = time.perf_counter()
                        while state["running"]:
                            await asyncio.sleep(0.001)
                            now = time.perf_counter()
                            state["stall"] = max(state["stall"], now - last)
                            last = now

                    beat = asyncio.create_task(heartbeat())
                    for n, char in enumerate(query, start=1):
                        start = time.perf_counter()
                        send("space" if char == " " else char, char)
                        if floor:
                            field_ = dialog.query_one("#filter", Input)
                            await _until(lambda f=field_, q=query[:n]: f.value == q)
                        else:
                            await _until(lambda d=dialog, q=query[:n]: d.shown_query == q)
                        figures.latencies.append(time.perf_counter() - start)
                        await asyncio.sleep(0.03)  # a fast typist: ~ 30 ms between keys
                    beat_state["running"] = 0.0
                    await beat
                    figures.stalls.append(beat_state["stall"])
                    figures.rows = max(figures.rows, dialog.shown_rows)
                    await pilot.press("escape")
                    await pilot.pause()
        finally:
            live.close()
            JumpDialog._search = search  # type: ignore[method-assign]
    return figures


def main() -> None:
    quick = "--quick" in sys.argv
    queries = QUERIES[:2] if quick else QUERIES
    matching_table(queries, len(SIZES) if "--full" in sys.argv else OLD_SIZES)
    figures = asyncio.run(app_latency(queries))
    floor = asyncio.run(app_latency(queries, floor=True))
    print(
        f"\nheadless app, {SIZES[-1]} questions, {len(figures.latencies)} keystrokes in the jump"
        f" dialog, ~30 ms apart (most rows shown after a key: {figures.rows}); ms:"
    )
    print(f"{'':<44}{'median':>8}{'p95':>8}{'max':>8}")

    def line(label: str, samples: list[float], p95: bool = True) -> None:
        ordered = sorted(samples)
        high = _ms(ordered[int(0.95 * (len(ordered) - 1))]) if p95 else "-"
        median = statistics.median(ordered)
        print(f"{label:<44}{_ms(median):>8}{high:>8}{_ms(ordered[-1]):>8}")

    line("key to list updated", figures.latencies)
    line("  floor: key to filter updated, no matching", floor.latencies)
    line("longest event-loop stall per query", figures.stalls, p95=False)
    line("  floor: same, no matching", floor.stalls, p95=False)
    line("ctrl+t to the full list shown", figures.opens, p95=False)


if __name__ == "__main__":
    main()
