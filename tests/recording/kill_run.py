"""``kill -9`` a recording process and measure the audio lost: shared by
``tests/recording/test_kill.py`` and ``bench/recording_kill_bench.py``.

``kill_once`` starts ``kill_child.py``, waits for its ``started`` line, sends SIGKILL at the
chosen moment, then repairs the file as ``interviewer resume`` would (``recover``) and
compares: lost = (kill time - source start) - seconds in the file after recovery. The file
is also read back as an audio player would (``wave``, every frame) and checked against the
audio that was played in, sample for sample; for the writer, the companion must load.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import wave
from dataclasses import dataclass
from pathlib import Path

from interviewer.recording import BYTES_PER_SECOND, RecordingError, recover
from interviewer.recording.timemap import load_map
from interviewer.recording.writer import recordings_folder
from tests.recording.kill_child import KILL_ID

CHILD = Path(__file__).with_name("kill_child.py")
MODES = ("writer", "plain")


@dataclass(frozen=True)
class Kill:
    """One kill: when, and what the file held."""

    mode: str
    elapsed: float
    """Seconds from the source's start to the SIGKILL."""
    recovered: float
    """Seconds of audio in the file after recovery (for ``plain``: the raw file's length)."""
    before: float | None
    """Seconds the WAV header counted before recovery (what plays without it); None: plain."""
    playable: bool
    """The file reads as a WAV with every frame, equal to the audio played in (``plain``:
    raw PCM equal to it; there is no header to play)."""
    map_ok: bool | None
    """The writer's companion loads and says the file starts at the source's time 0."""

    @property
    def lost(self) -> float:
        return self.elapsed - self.recovered


def kill_once(mode: str, wav: Path, folder: Path, after: float, pcm: bytes) -> Kill:
    """Record ``wav`` in a child (``mode``: ``writer`` or ``plain``) into the empty ``folder``,
    kill it ``after`` seconds into the audio, and measure (``pcm``: the audio of ``wav``)."""
    target = folder / ("data" if mode == "writer" else "plain.pcm")
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), mode, str(wav), str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line.startswith("started "):
            proc.kill()
            raise RuntimeError(f"child did not start: {line!r} {proc.communicate()[1]}")
        start = float(line.split()[1])
        time.sleep(max(0.0, start + after - time.monotonic()))
        killed_at = time.monotonic()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    elapsed = killed_at - start
    if mode == "plain":
        data = target.read_bytes()
        data = data[: len(data) - len(data) % 2]
        return Kill(mode, elapsed, len(data) / BYTES_PER_SECOND, None, data == pcm[: len(data)],
                    None)  # fmt: skip
    path = recordings_folder(target, KILL_ID) / "0.wav"
    with wave.open(str(path), "rb") as player:  # what plays before any repair
        before = player.getnframes() * 2 / BYTES_PER_SECOND
    recovery = recover(path)
    return Kill(mode, elapsed, recovery.after, before, plays_as(path, pcm), map_loads(path))


def plays_as(path: Path, pcm: bytes) -> bool:
    """``path`` opens as a 16 kHz mono WAV, every frame its header counts can be read, and
    they are the start of ``pcm``."""
    try:
        with wave.open(str(path), "rb") as player:
            frames = player.getnframes()
            ok = (player.getnchannels(), player.getsampwidth(), player.getframerate())
            data = player.readframes(frames)
    except (wave.Error, EOFError, OSError):
        return False
    return ok == (1, 2, 16_000) and len(data) == 2 * frames and data == pcm[: len(data)]


def map_loads(path: Path, session_start: float | None = 0.0) -> bool:
    """The companion of ``path`` loads and holds one span from the source's time 0 (and
    the given ``session_start``; None: any)."""
    try:
        time_map = load_map(path)
    except RecordingError:
        return False
    return (
        time_map is not None
        and session_start in (None, time_map.session_start)
        and [(s.file_offset, s.source_offset) for s in time_map.spans] == [(0.0, 0.0)]
    )
