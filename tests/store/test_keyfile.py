"""The key file: one per data folder, 0600, atomic; other sections survive updates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interviewer.domain.session import KeyRecord
from interviewer.store import SessionCorrupt
from interviewer.store.keyfile import KeyFile

from .conftest import mode


def key(sid: str, **kw: object) -> KeyRecord:
    return KeyRecord(session_id=sid, respondent="1.1", **kw)  # type: ignore[arg-type]


def test_put_get_remove(tmp_path: Path) -> None:
    keys = KeyFile(tmp_path / "data")
    assert keys.get("a") is None
    keys.put(key("a", name="An", fields={"mail": "a@example.org"}))
    keys.put(key("b"))
    assert keys.get("a") == key("a", name="An", fields={"mail": "a@example.org"})
    assert set(keys.all()) == {"a", "b"}
    assert keys.remove("a") is True
    assert keys.remove("a") is False
    assert set(keys.all()) == {"b"}
    assert mode(keys.path) == 0o600
    assert mode(keys.path.parent) == 0o700


def test_other_sections_survive(tmp_path: Path) -> None:
    keys = KeyFile(tmp_path)
    keys.update(lambda doc: doc.__setitem__("members", {"Borne": ["Ellen Mulder"]}))
    keys.put(key("a"))
    doc = json.loads(keys.path.read_bytes())
    assert doc["members"] == {"Borne": ["Ellen Mulder"]}
    assert doc["format"] == 1 and "a" in doc["keys"]


@pytest.mark.parametrize("content", [b"", b"{oops", b'{"keys": []}', b'{"format": 9}'])
def test_damaged_key_file_is_reported(tmp_path: Path, content: bytes) -> None:
    keys = KeyFile(tmp_path)
    keys.path.write_bytes(content)
    with pytest.raises(SessionCorrupt) as info:
        keys.get("a")
    assert str(keys.path) in str(info.value)
    with pytest.raises(SessionCorrupt):
        keys.put(key("a"))  # never overwrite a damaged key file with an empty one
    assert keys.path.read_bytes() == content


def test_damaged_record_names_the_session(tmp_path: Path) -> None:
    keys = KeyFile(tmp_path)
    keys.path.write_text(json.dumps({"format": 1, "keys": {"a": {"session_id": 3}}}))
    with pytest.raises(SessionCorrupt, match="session a"):
        keys.get("a")
