"""The core never imports Textual: only ``interviewer.tui`` may."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import interviewer


def core_modules() -> list[str]:
    """Every module of the package outside ``interviewer.tui``."""
    names = []
    for info in pkgutil.walk_packages(interviewer.__path__, prefix="interviewer."):
        if info.name == "interviewer.tui" or info.name.startswith("interviewer.tui."):
            continue
        if info.name == "interviewer.__main__":
            continue
        names.append(info.name)
    return names


def test_core_does_not_import_textual() -> None:
    modules = core_modules()
    assert "interviewer.domain.protocol" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"core imports Textual: {result.stdout}"
