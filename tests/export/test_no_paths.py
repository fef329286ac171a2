"""No export carries a path of the laptop it was made on (issue 14, point 7).

The sessions' protocol is loaded from a folder under the home folder, as an interviewer
keeps it; every format is written through ``write_export`` and every file (and every member
of the docx, xlsx and qdpx zips) is searched for the home folder, the temporary folder and
the protocol's folder name.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from interviewer.demo import make_demo_sessions
from interviewer.domain.session import Session
from interviewer.export.registry import FORMATS, write_export
from interviewer.protocol.loader import load_protocol
from interviewer.store.portable import exported_protocol_path, read_portable

from .conftest import SEED_PROTOCOL

FOLDER = "studiemap-xq7"
"""The protocol's folder: a name that can only reach an export through its path."""


@pytest.fixture
def home_sessions(isolated_user_dirs: Path) -> tuple[list[Session], Path]:
    """Two cases of demo sessions whose protocol was loaded from ~/Documenten/FOLDER/."""
    folder = isolated_user_dirs / "Documenten" / FOLDER
    folder.mkdir(parents=True)
    protocol_file = folder / SEED_PROTOCOL.name
    shutil.copyfile(SEED_PROTOCOL, protocol_file)
    protocol = load_protocol(protocol_file)
    sessions = make_demo_sessions(protocol, case="Borne", respondents=2, seed=1)
    sessions += make_demo_sessions(protocol, case="Hengelo", respondents=1, seed=2, case_number=2)
    for session in sessions:
        session.protocol_path = str(protocol_file)
    return sessions, protocol_file


def _texts(path: Path) -> list[tuple[str, str]]:
    """(where, text) of a file, or of each member when it is a zip (docx, xlsx, qdpx)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return [
                (f"{path.name}:{name}", archive.read(name).decode("utf-8", "replace"))
                for name in archive.namelist()
            ]
    return [(path.name, path.read_bytes().decode("utf-8", "replace"))]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_export_names_a_folder_of_this_laptop(
    fmt: str, home_sessions: tuple[list[Session], Path], tmp_path: Path
) -> None:
    sessions, protocol_file = home_sessions
    home = Path.home()
    written = write_export(sessions, fmt, tmp_path / "exports")
    assert written
    forbidden = {str(home), str(tmp_path), str(protocol_file.parent), FOLDER}
    searched = 0
    for path in written:
        for where, text in _texts(path):
            searched += 1
            for needle in forbidden:
                assert needle not in text, f"{where} contains {needle!r}"
    assert searched >= len(written)


def test_json_export_keeps_only_the_protocol_file_name(
    home_sessions: tuple[list[Session], Path], tmp_path: Path
) -> None:
    sessions, protocol_file = home_sessions
    [path] = write_export(sessions[:1], "json", tmp_path / "exports")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["session"]["protocol_path"] == protocol_file.name
    # the app's own copy keeps where the protocol came from; the export reads back
    assert sessions[0].protocol_path == str(protocol_file)
    assert read_portable(path).protocol_path == protocol_file.name


@pytest.mark.parametrize(
    ("stored", "exported"),
    [
        ("/home/anna/Documenten/p.yaml", "p.yaml"),
        ("C:\\Users\\anna\\p.yaml", "p.yaml"),
        ("p.yaml", "p.yaml"),
        (None, None),
        ("", ""),
        ("/", None),
    ],
)
def test_exported_protocol_path(stored: str | None, exported: str | None) -> None:
    assert exported_protocol_path(stored) == exported
