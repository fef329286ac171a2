"""``kill -9`` during recording loses at most about a second, and the file plays after
``recover``: a real child process recording a WAV in real time, killed three times at
random moments (``bench/recording_kill_bench.py`` does it 50 times, with the floor)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from tests.recording.audio import write_wav
from tests.recording.kill_run import kill_once

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")


def test_kill_9_loses_at_most_about_a_second_and_the_file_plays(tmp_path: Path) -> None:
    pcm = random.Random(9).randbytes(2 * 16_000 * 5)  # 5 s of noise: every sample checked
    wav = write_wav(tmp_path / "in.wav", pcm)
    moments = random.Random().sample(range(15, 35), 3)  # 1.5-3.5 s into the recording
    for number, tenths in enumerate(moments):
        folder = tmp_path / f"kill{number}"
        folder.mkdir()
        kill = kill_once("writer", wav, folder, tenths / 10, pcm)
        assert kill.playable and kill.map_ok, kill
        assert -0.05 <= kill.lost <= 1.0, kill
        assert kill.before is not None and kill.before <= kill.recovered
