"""Private files for the key-adjacent data (replacement list, approval records): 0600 / 0700.

Uses the store's ``interviewer.store.atomic.atomic_write_bytes`` when it is installed, so
there is one atomic writer; otherwise the same recipe here: temp file in the same folder,
fsync, rename over the target, fsync the folder.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import tempfile
from pathlib import Path

from interviewer import paths


def _store_writer():  # -> Callable[[Path, bytes], object] | None
    try:
        module = importlib.import_module("interviewer.store.atomic")
    except ImportError:
        return None
    return getattr(module, "atomic_write_bytes", None)


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; file 0600, parent folder created 0700."""
    path = Path(path)
    paths.ensure_private_dir(path.parent)
    writer = _store_writer()
    if writer is not None:
        writer(path, data)
        os.chmod(path, 0o600)
        return path
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
        with contextlib.suppress(OSError):
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return path
