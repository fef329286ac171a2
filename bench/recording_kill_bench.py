"""Audio lost on ``kill -9`` during recording: 50 kills, with the floor, in one run.

Each kill starts a child process (``tests/recording/kill_child.py``, the venv's Python) that
plays a generated WAV (noise, so every sample is checked) into the recorder in real time
through ``FileSource(realtime=True)``, the path of ``--audio-input``; the parent sends
SIGKILL at a random moment 1.5-6 s after the source started, repairs the file as
``interviewer resume`` does (``recover``) and computes
lost = (kill time - source start) - seconds in the file after recovery
(``tests/recording/kill_run.py``). The floor is the same child with the writer replaced by
plain unbuffered appends of each frame (``os.write``): what the operating system alone keeps.
The writer and the floor are killed at the same moments, alternately. Target: max lost <= 1 s.

A table per mode (median, p95, max lost; files that play after recovery: a ``wave`` reader
takes every frame the header counts and they equal the audio played in; companions that
load), then the same by the moment of the kill, to show the loss does not grow with the
length of the recording. Run: ``python bench/recording_kill_bench.py [--kills 50] [--app]``.

``--app`` kills the real app instead of the small child: ``interviewer run PROTOCOL
--audio-input FILE.wav`` on a pty (``tests/tui/pty_terminal.py``), the consent to recording
ticked and the interview started, SIGKILL 1.5-6 s after the pace bar shows REC. The source's
start is then read from what the app stored: the session's ``started_at`` (wall clock) plus
the companion's ``session_start`` (the interview second at which the source started; the
writer and source are made a few milliseconds after that reading, which the figure
therefore slightly overstates as recorded time, understating the loss by as much).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import signal
import statistics
import sys
import tempfile
import time
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.recording.*

from tests.recording.audio import write_wav  # noqa: E402
from tests.recording.kill_run import Kill, kill_once, map_loads, plays_as  # noqa: E402

WAV_SECONDS = 8.0
"""Longer than the latest kill, so the source is always still playing."""
BUCKETS = ((1.5, 3.0), (3.0, 4.5), (4.5, 6.0))


def kill_app_once(protocol: Path, wav: Path, folder: Path, after: float, pcm: bytes) -> Kill:
    """Run the app on a pty recording ``wav``, SIGKILL it ``after`` seconds after REC is
    shown, and measure as ``kill_once`` does (see the module docstring for the start)."""
    from tests.tui.pty_terminal import CTRL_S, drain, read_until, spawn, stop

    from interviewer.recording import recover
    from interviewer.recording.timemap import load_map
    from interviewer.recording.writer import recordings_folder
    from interviewer.store import SessionStore

    data = folder / "data"
    args = ["--data-dir", str(data), "--lang", "en", "run", str(protocol), "--case", "Borne"]
    proc, main = spawn([*args, "--respondent", "1.1", "--audio-input", str(wav)])
    try:
        read_until(main, b"Start interview")
        drain(main, 0.5)  # the recording is prepared meanwhile
        os.write(main, b" ")  # tick the consent to recording
        drain(main, 0.3)
        os.write(main, CTRL_S)  # start the interview: the clock, and the recording
        read_until(main, b"REC")
        drain(main, after)  # reading the screen meanwhile, as a terminal does
        killed_at = time.time()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        stop(proc, main)
    store = SessionStore(data)
    [summary] = store.list()
    session = store.load(summary.id)
    path = recordings_folder(data, session.id) / "0.wav"
    time_map = load_map(path)
    if session.started_at is None or time_map is None:
        raise RuntimeError(f"killed before the start was saved: {folder}")
    elapsed = killed_at - (session.started_at.timestamp() + time_map.session_start)
    with wave.open(str(path), "rb") as player:
        before = player.getnframes() * 2 / 32_000
    recovered = recover(path).after
    return Kill("app", elapsed, recovered, before, plays_as(path, pcm), map_loads(path, None))


def app_protocol(folder: Path) -> Path:
    """The TUI tests' protocol whose first checklist item is the consent to recording."""
    from tests.tui.recording_setup import recording_protocol

    path = folder / "recorded.yaml"
    data = recording_protocol().model_dump(mode="json", exclude_defaults=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def p95(values: list[float]) -> float:
    """The 95th percentile, nearest rank (with 50 kills: the third largest)."""
    ordered = sorted(values)
    return ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)]


def bucket(kill: Kill) -> tuple[float, float]:
    """The row of ``BUCKETS`` the kill falls in (a kill a few ms late stays in the last)."""
    return next((b for b in BUCKETS if kill.elapsed < b[1]), BUCKETS[-1])


def row(name: str, kills: list[Kill]) -> str:
    if not kills:
        return f"{name:<26} {'0':>5}"
    lost = [k.lost for k in kills]
    playable = sum(k.playable for k in kills)
    maps = [k.map_ok for k in kills if k.map_ok is not None]
    before = [k.elapsed - k.before for k in kills if k.before is not None]
    cells = [
        f"{len(kills):>5}",
        f"{statistics.median(lost):>8.3f}",
        f"{p95(lost):>8.3f}",
        f"{max(lost):>8.3f}",
        f"{min(lost):>8.3f}",
        f"{playable:>4}/{len(kills):<4}",
        f"{sum(maps):>4}/{len(maps):<4}" if maps else f"{'-':>9}",
        f"{statistics.median(before):>10.3f}" if before else f"{'-':>10}",
    ]
    return f"{name:<26} " + " ".join(cells)


HEADER = (
    f"{'':<26} {'kills':>5} {'median':>8} {'p95':>8} {'max':>8} {'min':>8} "
    f"{'playable':>9} {'json':>9} {'no-recover':>10}"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50, help="kills of the writer (and floor)")
    parser.add_argument("--seed", type=int, default=None, help="for the kill moments")
    parser.add_argument(
        "--app", action="store_true", help="kill the real app on a pty (run --audio-input)"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    moments = [rng.uniform(1.5, 6.0) for _ in range(args.kills)]
    # the app's moments count from REC on screen, a little after the source started
    pcm = random.Random(16).randbytes(2 * 16_000 * round(WAV_SECONDS + 2 * args.app))
    mine = "app" if args.app else "writer"
    kills: dict[str, list[Kill]] = {mine: [], "plain": []}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="recording-kill-bench-") as folder:
        wav = write_wav(Path(folder) / "in.wav", pcm)
        protocol = app_protocol(Path(folder)) if args.app else None
        for number, moment in enumerate(moments):
            for mode in (mine, "plain") if number % 2 else ("plain", mine):
                where = Path(folder) / f"{mode}-{number}"
                where.mkdir()
                if protocol is not None and mode == "app":
                    kill = kill_app_once(protocol, wav, where, moment, pcm)
                else:
                    kill = kill_once(mode, wav, where, moment, pcm)
                kills[mode].append(kill)
    seconds = time.perf_counter() - started
    writer, plain = kills[mine], kills["plain"]
    what = "the app (interviewer run --audio-input, on a pty)" if args.app else "the writer"
    print(
        f"recording kill bench: {args.kills} SIGKILLs of {what} and {args.kills} of the "
        f"floor, 1.5-6 s into a real-time recording ({seconds:.0f} s)\n"
        "lost = (kill time - source start) - seconds in the file after recover(), in s; "
        "no-recover: median lost when the file is played as left, without recover()\n"
    )
    print(HEADER)
    print(row("the app" if args.app else "RecordingWriter", writer))
    print(row("floor: unbuffered appends", plain))
    print("\nby the moment of the kill (max lost, s):")
    print(f"{'kill at (s)':<26} {'kills':>5} {mine:>8} {'floor':>8}")
    for low, high in BUCKETS:
        mine = [k for k in writer if bucket(k) == (low, high)]
        floor = [k for k in plain if bucket(k) == (low, high)]
        if mine and floor:
            name = f"{low:.1f}-{high:.1f}"
            print(
                f"{name:<26} {len(mine):>5} {max(k.lost for k in mine):>8.3f} "
                f"{max(k.lost for k in floor):>8.3f}"
            )
    worst = max(k.lost for k in writer)
    ok = worst <= 1.0 and all(k.playable and k.map_ok for k in writer)
    print(f"\ntarget: max lost <= 1 s, every file playable: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
