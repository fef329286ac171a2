"""Where data, configuration, exports and protocols live: the one seam tests patch.

Nothing here touches the disk at import time; folders are created on demand with
private permissions (0700) because session data is confidential. Folders that already
exist are never changed (``ensure_private_dir``): they may be the user's or shared.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "interviewer"
DATA_DIR_ENV = "INTERVIEWER_DATA_DIR"
PROTOCOL_SUFFIXES = (".yaml", ".yml")


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: an explicit override, then ``$INTERVIEWER_DATA_DIR``, then platformdirs."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The user's configuration folder; its ``protocols/`` subfolder holds personal protocols."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    """The settings file (``config.toml`` in the configuration folder; see ``settings``)."""
    return config_dir() / "config.toml"


def cache_dir() -> Path:
    """The user's cache folder, used as the second location for emergency copies."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_export_dir() -> Path:
    """Exports go to ``./exports`` relative to where the command runs."""
    return Path.cwd() / "exports"


def bundled_protocols_dir() -> Path:
    """The protocols shipped with the package (wheel) or, from a source checkout, ``protocols/``."""
    packaged = resources.files("interviewer").joinpath("bundled_protocols")
    packaged_path = Path(str(packaged))
    if packaged_path.is_dir():
        return packaged_path
    return Path(__file__).resolve().parents[2] / "protocols"


def protocol_search_dirs(cwd: Path | None = None) -> list[Path]:
    """Folders searched for protocols, in lookup order: ./protocols, user config, bundled."""
    here = (cwd or Path.cwd()) / "protocols"
    return [here, config_dir() / "protocols", bundled_protocols_dir()]


def iter_protocol_files(dirs: Iterable[Path]) -> list[Path]:
    """Every protocol file in the given folders, in folder order, sorted by name within a folder."""
    found: list[Path] = []
    for folder in dirs:
        if folder.is_dir():
            found.extend(
                sorted(p for p in folder.iterdir() if p.suffix.lower() in PROTOCOL_SUFFIXES)
            )
    return found


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents, each with mode 0700; return ``path``.

    Only folders this call creates get a mode: an existing folder is never changed, because
    it may not be ours to change (``key export --out shared/key.json`` into a folder that
    colleagues share, mode 1777, or ``--out ~/key.json`` into the home folder). Parents are
    created one by one with 0700 (``mkdir(parents=True)`` gives them 0777 minus the umask,
    so 0777 under umask 000), and every created folder is set to 0700 after ``mkdir`` in
    case the umask took bits away that a later ``chmod`` elsewhere would otherwise restore.
    A folder another process creates at the same moment is left as that process made it.
    """
    missing: list[Path] = []
    current = path
    while not os.path.lexists(current):
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            continue  # made meanwhile by someone else: theirs, not ours to change
        os.chmod(folder, 0o700)
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    return path
