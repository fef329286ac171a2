"""The kill test: typists killed with SIGKILL at random moments lose nothing older than 1 s.

See kill_harness.py for what is checked after each of the (at least) 100 kills; the bench
version (bench/kill_bench.py) runs 1,000. Needs fork and SIGKILL (POSIX).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from .kill_harness import run_kills

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(os, "fork"), reason="needs fork and SIGKILL"
)


def test_sigkill_at_random_moments_loses_nothing(tmp_path: Path) -> None:
    stats = run_kills(tmp_path, kills=100, workers=5, delay=0.05, threshold=1.0, seed=3)
    assert stats.kills == 100
    assert stats.failures == []
    assert stats.ok
    assert stats.words_checked > 0  # the 1-second rule was exercised
    assert stats.lock_takeovers == 100
