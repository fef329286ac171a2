"""The portable session file: what export writes, import reads; its schema; clear refusals."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from interviewer.demo import DemoSession
from interviewer.export.options import ExportOptions
from interviewer.export.portable_json import write_json
from interviewer.store.portable import (
    PORTABLE_FORMAT,
    PortableError,
    parse_portable,
    portable_schema,
    read_portable,
    write_portable,
)


def exported(session) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    write_json(session, buffer, ExportOptions())
    return buffer.getvalue()


def test_export_writes_what_import_reads(demos: list[DemoSession]) -> None:
    session = demos[0].session
    raw = exported(session)
    doc = json.loads(raw)
    assert doc["format"] == PORTABLE_FORMAT and doc["version"] == 1
    assert doc["exported_at"].endswith("Z") and doc["generator"].startswith("interviewer ")
    assert parse_portable(raw) == session
    buffer = io.BytesIO()
    write_portable(session, buffer)
    assert parse_portable(buffer.getvalue()) == session


def test_no_personal_data_in_the_export(demos: list[DemoSession]) -> None:
    raw = exported(demos[0].session)
    for value in demos[0].key.fields.values():
        assert value.encode() not in raw
    assert b'"key"' not in raw


def test_schema_accepts_exports_and_rejects_damage(demos: list[DemoSession]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = portable_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["properties"]["format"]["const"] == PORTABLE_FORMAT
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    doc = json.loads(exported(demos[0].session))
    validator.validate(doc)
    del doc["session"]["case"]
    assert list(validator.iter_errors(doc))


def _doc(demos: list[DemoSession]) -> dict:
    return json.loads(exported(demos[0].session))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: b"", "empty"),
        (lambda d: b"{nope", "not valid JSON"),
        (lambda d: [1], "not an interviewer session file"),
        (lambda d: {**d, "format": "other"}, "'format' is not"),
        (lambda d: {"session": {"1": d["session"]}}, "a store file"),
        (lambda d: d["session"], "without the portable envelope"),
        (lambda d: {**d, "version": 4}, "newer interviewer"),
        (lambda d: {**d, "session": {**d["session"], "format": 7}}, "newer than this"),
        (lambda d: {**d, "session": {**d["session"], "status": "lost"}}, "session.status"),
        (lambda d: {**d, "session": {**d["session"], "id": "../../etc"}}, "not allowed"),
        (lambda d: {**d, "extra": 1}, "extra"),
    ],
)
def test_invalid_files_are_refused_clearly(
    demos: list[DemoSession],
    tmp_path: Path,
    change: Callable[[dict], object],
    message: str,
) -> None:
    data = change(_doc(demos))
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    path = tmp_path / "in.json"
    path.write_bytes(raw)
    with pytest.raises(PortableError, match=message) as info:
        read_portable(path)
    assert str(path) in str(info.value)
    assert isinstance(info.value, ValueError)


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(PortableError, match="cannot read"):
        read_portable(tmp_path / "missing.json")
