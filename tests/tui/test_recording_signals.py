"""A recorded interview ended by SIGHUP or SIGTERM (a closed terminal, a shutdown): the app
stops the recording at once and saves; the file on disk is a complete, playable WAV whose
header counts every sample written. A real process on a pty, as the user runs it."""

from __future__ import annotations

import json
import os
import signal
import sys
import wave
from pathlib import Path

import pytest

from tests.recording.audio import sine, write_wav
from tests.tui.pty_terminal import CTRL_S, drain, read_until, spawn, stop, wait_exit
from tests.tui.recording_setup import recording_protocol

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and ptys")


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_a_signal_closes_the_recording(tmp_path: Path, sig: signal.Signals) -> None:
    protocol = tmp_path / "recorded.yaml"
    data = recording_protocol().model_dump(mode="json", exclude_defaults=True)
    protocol.write_text(json.dumps(data), encoding="utf-8")
    wav = write_wav(tmp_path / "in.wav", sine(60.0))
    folder = tmp_path / "data"
    args = ["--data-dir", str(folder), "--lang", "en", "run", str(protocol)]
    args += ["--case", "Borne", "--respondent", "1.1", "--audio-input", str(wav)]
    proc, main = spawn(args)
    try:
        read_until(main, b"Start interview")
        drain(main, 0.5)  # the recording is being prepared meanwhile
        os.write(main, b" ")  # tick the consent to recording
        drain(main, 0.3)
        os.write(main, CTRL_S)
        read_until(main, b"REC")
        drain(main, 1.5)  # a second and a half recorded
        proc.send_signal(sig)
        wait_exit(proc, main, timeout=20)
    finally:
        stop(proc, main)
    assert proc.returncode == 128 + sig
    [path] = list((folder / "recordings").glob("*/0.wav"))
    with wave.open(str(path), "rb") as played:
        frames = played.getnframes()
        assert len(played.readframes(frames)) == 2 * frames  # the header counts every sample
    assert 0.5 <= frames / 16000 < 30.0
    assert path.stat().st_size == 44 + 2 * frames
