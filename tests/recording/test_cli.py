"""``interviewer audio devices``: the input devices, or the line saying what to install."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from tests.recording.test_source import fake_sounddevice


def test_lists_the_input_devices_with_the_default_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", fake_sounddevice([]))
    result = CliRunner().invoke(main, ["--lang", "en", "audio", "devices"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "  1  USB mic  1 ch, 48000 Hz (default)",
        "  2  Webcam  2 ch, 16000 Hz",
    ]


def test_without_sounddevice_one_line_and_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)
    for lang, word in (("en", "Recording needs"), ("nl", "Opnemen vraagt")):
        result = CliRunner().invoke(main, ["--lang", lang, "audio", "devices"])
        assert result.exit_code == 1
        assert result.exception is None or isinstance(result.exception, SystemExit)
        lines = result.output.strip().splitlines()
        assert len(lines) == 1
        assert lines[0].startswith("interviewer: error: " + word)
        assert "pip install 'interviewer[record]'" in lines[0] and "libportaudio2" in lines[0]


def test_no_input_devices(monkeypatch: pytest.MonkeyPatch) -> None:
    module = fake_sounddevice([])
    module.query_devices = lambda: []  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sounddevice", module)
    result = CliRunner().invoke(main, ["--lang", "nl", "audio", "devices"])
    assert result.exit_code == 0
    assert result.output.strip() == "Geen invoerapparaten gevonden."
