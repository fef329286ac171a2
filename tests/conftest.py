"""Shared fixtures: an isolated data folder, the repository paths, the seed folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
PROTOCOLS_DIR = REPO_ROOT / "protocols"
SHARED_DIR = REPO_ROOT.parent / "shared"


NO_SNAPSHOTS_ENV = "INTERVIEWER_NO_SNAPSHOTS"
"""Set by ``.ci/lowest``: another Textual than the pinned one may draw a pixel differently."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not os.environ.get(NO_SNAPSHOTS_ENV):
        return
    skip = pytest.mark.skip(reason="snapshots are drawn with the Textual of constraints.txt")
    for item in items:
        if "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Never touch the real user's data, config or cache folders from a test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("INTERVIEWER_DATA_DIR", raising=False)
    monkeypatch.delenv("INTERVIEWER_DEBUG", raising=False)
    # The interface language falls back to LANG: tests that want Dutch say so themselves.
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    return home


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder, also exported as INTERVIEWER_DATA_DIR."""
    folder = tmp_path / "data"
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(folder))
    return folder
