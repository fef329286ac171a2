"""Without a terminal the app refuses with one line, stores nothing and does not spin."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("command", [["run", "sociale-teams-samenwerking"], ["home"]])
def test_no_terminal_one_line_and_nothing_stored(tmp_path: Path, command: list[str]) -> None:
    data = tmp_path / "data"
    args = [sys.executable, "-m", "interviewer", "--data-dir", str(data), "--lang", "en"]
    args += command
    if command[0] == "run":
        args += ["--case", "Borne", "--respondent", "1.1", "--consent-obtained"]
    result = subprocess.run(
        args, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "needs a terminal" in lines[0]
    assert not list(data.glob("sessions/*"))
