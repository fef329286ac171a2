"""Private files for the key-adjacent data (replacement list, approval records): 0600 / 0700.

Written with the store's atomic writer (temp file in the same folder, fsync, rename over the
target, fsync of the folder), so there is one crash-safe recipe in the project.
"""

from __future__ import annotations

from pathlib import Path

from interviewer import paths
from interviewer.store.atomic import atomic_write_bytes


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; file 0600, parent folder created 0700."""
    path = Path(path)
    paths.ensure_private_dir(path.parent)
    atomic_write_bytes(path, data)
    return path
