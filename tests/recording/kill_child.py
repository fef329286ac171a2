"""A recording process to ``kill -9``: a WAV played in real time into the recorder.

Run as ``python tests/recording/kill_child.py MODE WAV TARGET`` by
``tests/recording/test_kill.py`` and ``bench/recording_kill_bench.py``. ``MODE`` is
``writer`` (the app's ``RecordingWriter`` in the data folder ``TARGET``, session ``KILL_ID``)
or ``plain`` (each frame appended to the file ``TARGET`` with an unbuffered ``os.write``: what
the operating system alone keeps, the floor). The frames come from ``FileSource`` with
``realtime=True``, the path of ``--audio-input``. Once the source has taken its start time,
one line ``started <monotonic seconds>`` is printed (the parent's ``time.monotonic`` reads the
same system-wide clock on Linux); then the child records until the file ends or it is killed.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

KILL_ID = "k1l2l3m4e5"
"""The session id the writer records under."""

if __package__ in (None, ""):  # run as a script: the repository's src is importable anyway
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from interviewer.recording import FileSource, Frame, RecordingWriter  # noqa: E402


def main(mode: str, wav: str, target: str) -> None:
    started = threading.Event()
    start_time: list[float] = []

    def clock() -> float:
        now = time.monotonic()
        if not start_time:  # FileSource.run reads the clock first to fix its time 0
            start_time.append(now)
            started.set()
        return now

    source = FileSource(wav, realtime=True, clock=clock)
    if mode == "writer":
        writer = RecordingWriter(target, KILL_ID, session_start=0.0)
        deliver = writer.write
    elif mode == "plain":
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

        def deliver(frame: Frame) -> None:
            os.write(fd, frame.data)

    else:
        raise SystemExit(f"unknown mode {mode!r}")
    source.start(deliver)
    started.wait()
    print(f"started {start_time[0]:.6f}", flush=True)
    source.join()
    if source.error is not None:
        raise source.error


if __name__ == "__main__":
    main(*sys.argv[1:4])
