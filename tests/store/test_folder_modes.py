"""The app sets modes only on folders it creates, and every folder it creates is 0700
(issue 14, point 2); the emergency folder in the shared temp folder must be the user's own."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from interviewer import paths
from interviewer.demo import DemoSession
from interviewer.store import SessionStore
from interviewer.store import emergency as emergency_module
from interviewer.store.emergency import ready_folder, write_emergency_copy
from interviewer.store.portable import read_portable


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_000() -> Iterator[None]:
    """umask 000 for one test (folders made with the default mode would be 0777)."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for the system's temporary folder (1777 like /tmp)."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    temp.chmod(0o1777)
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(temp))
    return temp


def test_an_existing_folder_is_never_changed(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o755)
    assert paths.ensure_private_dir(shared) == shared
    paths.ensure_private_dir(home)
    assert mode(shared) == 0o1777 and mode(home) == 0o755
    paths.ensure_private_dir(shared / "new")
    assert mode(shared) == 0o1777 and mode(shared / "new") == 0o700


def test_every_created_parent_is_private_under_umask_000(tmp_path: Path, umask_000: None) -> None:
    target = tmp_path / "a" / "b" / "c"
    paths.ensure_private_dir(target)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", target):
        assert mode(folder) == 0o700, folder
    tmp_path.chmod(0o755)  # the test's own folder: not created by the app, so not changed
    paths.ensure_private_dir(tmp_path / "a" / "d")
    assert mode(tmp_path) == 0o755 and mode(tmp_path / "a" / "d") == 0o700


def test_a_file_in_the_way_is_an_oserror(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(NotADirectoryError):
        paths.ensure_private_dir(blocker)
    with pytest.raises(OSError):
        paths.ensure_private_dir(blocker / "below")


def test_new_data_folder_and_its_parents_are_private_under_umask_000(
    tmp_path: Path, demos: list[DemoSession], umask_000: None
) -> None:
    data = tmp_path / "new" / "parent" / "data"
    store = SessionStore(data)
    store.create(demos[0].session.model_copy(deep=True))
    for folder in (tmp_path / "new", tmp_path / "new" / "parent", data, store.sessions_dir):
        assert mode(folder) == 0o700, folder


def test_the_cache_folder_the_app_creates_is_private(
    tmp_path: Path, demos: list[DemoSession], umask_000: None
) -> None:
    cache_root = Path(os.environ["XDG_CACHE_HOME"])
    assert not cache_root.exists()
    copy = write_emergency_copy("abc", b"{}\n")
    assert copy.parent == paths.cache_dir() / "emergency"
    folder = copy.parent
    while folder != cache_root.parent:
        assert mode(folder) == 0o700, folder
        folder = folder.parent
    assert mode(copy) == 0o600


def test_key_export_into_a_shared_folder_leaves_it_shared(
    tmp_path: Path, demos: list[DemoSession]
) -> None:
    from click.testing import CliRunner

    from interviewer.cli import main

    data = tmp_path / "data"
    store = SessionStore(data)
    store.create(demos[0].session.model_copy(deep=True), key=demos[0].key)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    out = shared / "key.json"
    result = CliRunner().invoke(
        main, ["--data-dir", str(data), "--lang", "en", "key", "export", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.is_file() and mode(out) == 0o600
    assert mode(shared) == 0o1777


def test_the_temp_emergency_folder_is_created_private(own_temp: Path, umask_000: None) -> None:
    folder = own_temp / "interviewer-emergency-x"
    assert ready_folder(folder) == folder
    assert mode(folder) == 0o700 and mode(own_temp) == 0o1777


def _fall_to_temp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Make the cache and home folders unusable (a file stands where a folder should be)."""
    blocker = tmp_path / "blocked-cache"
    blocker.write_text("not a folder")
    monkeypatch.setattr(paths, "cache_dir", lambda: blocker)
    monkeypatch.setattr(emergency_module, "home_emergency_folder", lambda: blocker / "home")


def test_a_symlink_in_temp_is_refused(
    own_temp: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "chosen-by-someone-else"
    elsewhere.mkdir(mode=0o700)
    link = emergency_module.emergency_folders()[-1]
    link.symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OSError, match="symlink"):
        ready_folder(link)
    _fall_to_temp(monkeypatch, tmp_path)
    with pytest.raises(OSError, match="no emergency copy could be written"):
        write_emergency_copy("abc", b"{}\n")
    assert list(elsewhere.iterdir()) == []


def test_a_temp_folder_of_another_user_is_refused(
    own_temp: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_uid = os.getuid()
    monkeypatch.setattr(emergency_module.os, "getuid", lambda: real_uid + 1)
    folder = emergency_module.emergency_folders()[-1]
    folder.mkdir(mode=0o700)  # made first by "another user" (this process's real uid)
    with pytest.raises(OSError, match="owned by another user"):
        ready_folder(folder)
    _fall_to_temp(monkeypatch, tmp_path)
    with pytest.raises(OSError, match="owned by another user"):
        write_emergency_copy("abc", b"{}\n")
    assert list(folder.iterdir()) == []


def test_a_temp_folder_others_can_write_is_refused(own_temp: Path) -> None:
    folder = emergency_module.emergency_folders()[-1]
    folder.mkdir()
    folder.chmod(0o777)
    with pytest.raises(OSError, match="writable by other users"):
        ready_folder(folder)
    assert mode(folder) == 0o777  # not ours to change


def test_the_users_own_temp_folder_takes_the_copy(
    own_temp: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demos: list[DemoSession]
) -> None:
    from interviewer.domain.session import session_to_json_dict
    from interviewer.store.portable import portable_bytes

    _fall_to_temp(monkeypatch, tmp_path)
    session = demos[0].session
    copy = write_emergency_copy(session.id, portable_bytes(session_to_json_dict(session)))
    assert copy.parent == emergency_module.emergency_folders()[-1]
    assert mode(copy.parent) == 0o700 and mode(copy) == 0o600
    assert read_portable(copy) == session
