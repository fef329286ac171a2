"""``interviewer sessions``, ``import`` and ``schema session`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.demo import DemoSession
from interviewer.store import SessionStore
from interviewer.store.portable import portable_bytes


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def export_file(folder: Path, session, name: str | None = None) -> Path:  # type: ignore[no-untyped-def]
    path = folder / (name or f"{session.id}.json")
    path.write_bytes(portable_bytes(session.model_dump(mode="json")))
    return path


def test_sessions_table_and_json(filled: SessionStore, demos: list[DemoSession]) -> None:
    folder = str(filled.data_dir)
    result = run("--data-dir", folder, "sessions")
    assert result.exit_code == 0, result.output
    for demo in demos:
        assert demo.session.id in result.output
    assert "finished" in result.output and "Respondent" in result.output

    result = run("sessions", "--data-dir", folder, "--json", "--case", "Borne")
    items = json.loads(result.output)
    assert {i["case"] for i in items} == {"Borne"} and len(items) == 3
    assert set(items[0]) >= {"id", "respondent", "protocol_id", "date", "status", "words"}
    assert items == sorted(items, key=lambda i: (i["date"], i["created_at"]), reverse=True)


def test_sessions_in_dutch_and_empty(filled: SessionStore, tmp_path: Path) -> None:
    result = run("--data-dir", str(filled.data_dir), "--lang", "nl", "sessions")
    assert "afgerond" in result.output and "Woorden" in result.output
    result = run("--data-dir", str(tmp_path / "empty"), "sessions")
    assert result.exit_code == 0 and "No sessions" in result.output
    result = run("--data-dir", str(filled.data_dir), "sessions", "--case", "Nergens")
    assert "No sessions in case Nergens" in result.output and "Borne, Zwolle" in result.output


def test_sessions_warns_about_damaged_files(filled: SessionStore, demos: list[DemoSession]) -> None:
    filled.session_path(demos[0].session.id).write_bytes(b"")
    result = CliRunner().invoke(main, ["--data-dir", str(filled.data_dir), "sessions", "--json"])
    assert result.exit_code == 0
    assert "damaged session file" in result.stderr and "empty" in result.stderr
    assert len(json.loads(result.stdout)) == len(demos) - 1


def test_import_then_refuse_duplicates(
    tmp_path: Path, demos: list[DemoSession], data_dir: Path
) -> None:
    files = [export_file(tmp_path, d.session) for d in demos[:2]]
    result = run("import", *map(str, files))  # data folder from INTERVIEWER_DATA_DIR
    assert result.exit_code == 0, result.output
    assert result.output.count("Imported session") == 2
    store = SessionStore(data_dir)
    assert store.load(demos[0].session.id) == demos[0].session
    assert store.load_key(demos[0].session.id) is None  # personal data never travels

    result = CliRunner().invoke(main, ["import", str(files[0])])
    assert result.exit_code == 1
    assert "already stored" in result.stderr and "--replace" in result.stderr
    assert "Traceback" not in result.output

    result = CliRunner().invoke(main, ["import", "--replace", str(files[0])])
    assert result.exit_code == 0 and "Replaced session" in result.output


def test_import_refuses_invalid_and_keeps_the_good_ones(
    tmp_path: Path, demos: list[DemoSession], data_dir: Path
) -> None:
    good = export_file(tmp_path, demos[0].session)
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    twice = export_file(tmp_path, demos[0].session, "copy.json")
    missing = tmp_path / "missing.json"
    result = CliRunner().invoke(main, ["import", str(bad), str(good), str(twice), str(missing)])
    assert result.exit_code == 1
    assert "Imported session" in result.stdout
    assert f"{bad}: not an interviewer session file" in result.stderr
    assert "is also in" in result.stderr
    assert "cannot read" in result.stderr
    assert "3 of 4 files refused" in result.stderr
    assert [s.id for s in SessionStore(data_dir).list()] == [demos[0].session.id]


def test_import_refuses_a_second_respondent_with_the_same_code(
    tmp_path: Path, demos: list[DemoSession], data_dir: Path
) -> None:
    SessionStore(data_dir).create(demos[0].session)
    clash = demos[0].session.model_copy(update={"id": "other-laptop-1"})
    result = CliRunner().invoke(main, ["import", str(export_file(tmp_path, clash))])
    assert result.exit_code == 1
    assert "already has respondent" in result.stderr and demos[0].session.id in result.stderr


def test_schema_session_prints_json_schema() -> None:
    result = run("schema", "session")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "Interviewer portable session"
    assert "session" in schema["required"]


def test_export_json_then_import_round_trip(
    filled: SessionStore, demos: list[DemoSession], tmp_path: Path
) -> None:
    pytest.importorskip("docx")  # the export registry imports its writers lazily; be safe
    session = demos[1].session
    out = tmp_path / "out"
    result = run(
        "--data-dir", str(filled.data_dir), "export", session.id[:8], "--format", "json",
        "--out", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (exported,) = out.iterdir()
    target = tmp_path / "laptop2"
    result = run("--data-dir", str(target), "import", str(exported))
    assert result.exit_code == 0, result.output
    assert SessionStore(target).load(session.id) == session
