"""``interviewer check``, ``show`` and ``schema protocol`` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.protocol.library import find_protocol, list_protocols
from interviewer.protocol.problems import ProtocolNotFound

from .test_loader_errors import VALID

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_check_valid_file_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "ok.yaml", VALID)
    result = runner.invoke(main, ["--lang", "en", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert "OK (1 topics, 2 questions, 30 min)" in result.output


def test_check_prints_every_error_with_a_caret_and_exits_1(runner: CliRunner, tmp_path) -> None:
    bad = VALID.replace("colour: yellow", "colour: purple").replace("- id: q2", "- id: q1")
    path = write(tmp_path, "bad.yaml", bad)
    result = runner.invoke(main, ["--lang", "en", "check", str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(
        line.endswith("bad.yaml:8:13: error: " + line.split(": error: ")[-1])
        and "unknown colour 'purple'" in line
        for line in lines
    )
    assert any(":18:13: error: duplicate question id 'q1'" in line for line in lines)
    assert "      |             ^~~~~~" in lines
    assert lines[-1].endswith("bad.yaml: 2 error(s), 0 warning(s)")


def test_warnings_pass_unless_strict(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "w.yaml", VALID.replace("duration_minutes: 30", "duration_minutes: 5"))
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0
    assert ":3:19: warning: the topics plan 10 minutes" in result.output
    assert runner.invoke(main, ["check", "--strict", str(path)]).exit_code == 1


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert runner.invoke(main, ["check"]).exit_code == 2
    result = runner.invoke(main, ["check", "no-such-protocol"])
    assert result.exit_code == 2
    assert "no protocol named 'no-such-protocol'" in result.output


def test_show_prints_the_outline(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "ok.yaml", VALID)
    result = runner.invoke(main, ["--lang", "nl", "show", str(path)], terminal_width=120)
    assert result.exit_code == 0, result.output
    text = result.output
    assert "Demo" in text and "1. Ervaring" in text and "kenmerken: Wel/niet" in text
    assert "[hoofdvraag] Heeft u ervaring?" in text
    assert "[vervolgvraag] Indien respondent geen ervaring heeft: Waarom niet?" in text
    # the condition said for people: the question quoted, the answer as heard (no ids)
    assert "te stellen als het antwoord op 'Heeft u ervaring?' nee is" in text
    assert "q1" not in text
    assert "1 onderwerpen, 2 vragen; onderwerpen gepland 10 van 30 min" in text


def test_show_of_a_broken_protocol_is_one_error_not_a_traceback(runner, tmp_path) -> None:
    path = write(tmp_path, "bad.yaml", "id: [")
    result = runner.invoke(main, ["show", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "the protocol has errors" in result.output


def test_schema_protocol_is_json_schema_that_accepts_the_bundled_files(runner) -> None:
    result = runner.invoke(main, ["schema", "protocol"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"].endswith("2020-12/schema")
    assert set(schema["required"]) >= {"id", "title", "duration_minutes", "topics"}
    assert "yellow" in json.dumps(schema)
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema not installed")
    from ruamel.yaml import YAML

    for path in sorted((REPO / "protocols").glob("*.yaml")):
        jsonschema.validate(YAML(typ="safe").load(path.read_text(encoding="utf-8")), schema)


def test_lookup_order_command_line_then_cwd_then_config_then_bundled(tmp_path, monkeypatch):
    cwd = tmp_path / "work"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "interviewer" / "protocols"
    write(config, "mijn.yaml", VALID.replace("title: Demo", "title: From config"))
    assert find_protocol("mijn").parent == config
    write(cwd / "protocols", "mijn.yaml", VALID.replace("title: Demo", "title: From cwd"))
    assert find_protocol("mijn").parent == cwd / "protocols"
    extra = tmp_path / "given"
    write(extra, "mijn.yaml", VALID.replace("title: Demo", "title: Given"))
    assert find_protocol("mijn", extra=[extra]).parent == extra
    by_id = find_protocol("demo", extra=[extra])
    assert by_id.name == "mijn.yaml"
    entries = list_protocols([extra])
    assert [e.title for e in entries if e.path.stem == "mijn"] == ["Given"]
    assert {e.source for e in entries} >= {"command line"}
    with pytest.raises(ProtocolNotFound, match="no protocol named 'nope'"):
        find_protocol("nope")


def test_bundled_protocols_are_found_outside_the_repo(tmp_path: Path) -> None:
    """Run from an unrelated folder: the bundled protocols must still be there."""
    code = (
        "from interviewer.protocol.library import list_protocols;"
        "print(sorted(e.id for e in list_protocols() if e.source == 'bundled'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout
    assert "sociale-teams-samenwerking" in out


def test_python_dash_m_works(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "interviewer", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "check" in out and "show" in out
