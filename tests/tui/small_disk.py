"""The app on a real, small, full disk: a tmpfs that is the only partition the app sees.

Shared by ``test_small_disk.py`` and ``bench/diskfull_bench.py``. ``small_disk`` mounts a
tmpfs (root, or CAP_SYS_ADMIN); ``spawn_on_disk`` starts ``interviewer`` on a pty in a
private mount namespace where that tmpfs is ``/tmp`` and also ``/var/tmp``, and where the
data folder, the cache, the config, the home folder, ``TMPDIR`` and the working folder all
lie on it: an ordinary single-partition laptop, where every emergency location is on the
same full disk (``tempfile`` would otherwise fall back to the real ``/tmp``, which has
room). The test process sees the same file system at the mount point, so it can fill it
with a filler file and free it again while the app runs.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import pty
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from tests.tui.conftest import build_protocol
from tests.tui.pty_terminal import SLOW_APP

INSIDE = Path("/tmp")
"""Where the child sees the small disk."""
FOLDERS = ("data", "home", "cache", "config", "tmp")
_NAMESPACE = (
    'disk="$1"; shift; keep="$1"; shift; '
    # the real /tmp stays reachable at /mnt (in this namespace only) for what must stay seen
    "mount --rbind /tmp /mnt || exit 97; "
    'mount --rbind "$disk" /tmp || exit 97; '
    "for d in /var/tmp /usr/tmp; do if [ -d $d ]; then mount --bind /tmp/tmp $d || exit 97; fi; "
    "done; "
    "IFS=:; for p in $keep; do "
    '[ -n "$p" ] || continue; mkdir -p "$p" && mount --rbind "/mnt${p#/tmp}" "$p" || exit 97; '
    "done; unset IFS; "
    'cd /tmp/home && exec "$@"'
)
REPO = Path(__file__).resolve().parents[2]


def kept_visible() -> str:
    """Folders under the real ``/tmp`` the child still needs (a clone and its venv in
    ``/tmp``, as CI may make them), joined by ``:``; bound back over the small disk."""
    needed = {REPO, Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    under_tmp = [path for path in needed if path.is_relative_to(INSIDE) and path != INSIDE]
    return ":".join(sorted(str(path) for path in under_tmp))


def mount_refused(folder: Path, size: str) -> str | None:
    """Mount a tmpfs of ``size`` on ``folder`` (made if missing); None when mounted, else why
    not (not root, no CAP_SYS_ADMIN, no ``unshare``)."""
    if sys.platform != "linux":
        return "tmpfs and mount namespaces are Linux only"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as exc:
        return f"mount cannot run: {exc.strerror}"
    if done.returncode != 0:
        return (
            "mounting a tmpfs is not permitted here (needs root or CAP_SYS_ADMIN): "
            + (done.stderr.strip().splitlines() or ["?"])[0]
        )
    try:
        probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    except OSError as exc:
        unmount(folder)
        return f"unshare cannot run: {exc.strerror}"
    if probe.returncode != 0:
        unmount(folder)
        return "a private mount namespace (unshare -m) is not permitted here"
    return None


def unmount(folder: Path) -> None:
    """Unmount (lazily, so a child still inside cannot keep it busy)."""
    subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "400k") -> Iterator[Path | str]:
    """The mounted disk with its folders made, or the reason it could not be mounted (a
    str). Always unmounted at the end."""
    refused = mount_refused(folder, size)
    if refused is not None:
        yield refused
        return
    try:
        for name in FOLDERS:
            (folder / name).mkdir(mode=0o700)
        yield folder
    finally:
        unmount(folder)


def inside(path: Path, disk: Path) -> str:
    """``path`` on the disk as the child sees it."""
    return str(INSIDE / path.relative_to(disk))


def spawn_on_disk(disk: Path, args: Sequence[str], size: tuple[int, int] = (100, 30)):
    """Start ``interviewer ARGS`` on a pty with ``disk`` as its only partition; returns
    (process, fd of the terminal side). Paths in ``args`` are as the child sees them
    (``inside``)."""
    main, child = pty.openpty()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("INTERVIEWER_", "XDG_", "TEXTUAL"))
    }
    env.update(
        TERM="xterm-256color",
        COLUMNS=str(size[0]),
        LINES=str(size[1]),
        HOME=str(INSIDE / "home"),
        XDG_CACHE_HOME=str(INSIDE / "cache"),
        XDG_CONFIG_HOME=str(INSIDE / "config"),
        XDG_DATA_HOME=str(INSIDE / "data"),
        TMPDIR=str(INSIDE / "tmp"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    namespace = ["unshare", "-m", "--propagation", "private", "sh", "-c", _NAMESPACE, "sh"]
    proc = subprocess.Popen(
        [*namespace, str(disk), kept_visible(), sys.executable, str(SLOW_APP), "0", *args],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        start_new_session=True,
    )
    os.close(child)
    return proc, main


def fill(disk: Path, name: str = "filler.bin") -> Path:
    """Write a filler file on ``disk`` until the disk is full (ENOSPC); appends to it when it
    is there already (a program that keeps writing eats space the app frees)."""
    filler = disk / name
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        block = b"\0" * 4096
        while True:
            try:
                os.write(fd, block)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                break
        with contextlib.suppress(OSError):  # the last few bytes of a page
            while True:
                os.write(fd, b"\0")
    finally:
        os.close(fd)
    return filler


def free_bytes(disk: Path) -> int:
    """Bytes the disk still has for an ordinary file."""
    info = os.statvfs(disk)
    return info.f_bavail * info.f_frsize


def run_interview_on_disk(disk: Path):
    """``interviewer run`` of the test protocol (``build_protocol``) with its file, the data
    folder and everything else on ``disk``: case Borne, respondent 1.1, consent obtained.
    Returns (process, fd of the terminal side), as ``spawn_on_disk``."""
    protocol = disk / "home" / "tui-test.yaml"
    protocol.write_text(
        json.dumps(build_protocol().model_dump(mode="json", exclude_defaults=True)),
        encoding="utf-8",
    )
    args = ["--data-dir", inside(disk / "data", disk), "--lang", "en", "run"]
    args += [inside(protocol, disk), "--case", "Borne", "--respondent", "1.1"]
    return spawn_on_disk(disk, [*args, "--consent-obtained"])
