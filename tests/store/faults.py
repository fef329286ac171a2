"""Fault injection for the store tests: make file operations fail under one folder only."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

from interviewer.store import atomic


class FailingOs:
    """Stands in for ``os`` inside ``interviewer.store.atomic``: ``open`` (create) or ``write``
    fail with ``err`` for files under ``folder``; everything else is the real ``os``."""

    def __init__(self, folder: Path, err: int, on: str = "open") -> None:
        self.folder = str(folder)
        self.err = err
        self.on = on
        self.active = True
        self.failures = 0
        self.spare: list[str] = []
        """Folders under ``folder`` that keep working (e.g. a USB stick the user chose)."""
        self._fds: set[int] = set()

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def _fail(self) -> OSError:
        self.failures += 1
        return OSError(self.err, os.strerror(self.err))

    def open(self, path: Any, flags: int, mode: int = 0o777, **kw: Any) -> int:
        name = str(path)
        spared = any(name.startswith(folder) for folder in self.spare)
        mine = self.active and name.startswith(self.folder) and not spared and flags & os.O_CREAT
        if mine and self.on == "open":
            raise self._fail()
        fd = os.open(path, flags, mode, **kw)
        if mine:
            self._fds.add(fd)
        return fd

    def write(self, fd: int, data: Any) -> int:
        if self.active and self.on == "write" and fd in self._fds:
            os.write(fd, bytes(data)[: max(1, len(data) // 2)])  # a partial write first
            raise self._fail()
        return os.write(fd, data)

    def close(self, fd: int) -> None:
        self._fds.discard(fd)
        os.close(fd)


def inject(monkeypatch: Any, folder: Path, err: int = errno.ENOSPC, on: str = "open") -> FailingOs:
    fake = FailingOs(folder, err, on)
    monkeypatch.setattr(atomic, "os", fake)
    return fake
