"""The settings file: transcribe_model (a model folder for live and later transcription)."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.settings import SettingsError, configured_transcribe_model, read_settings


def test_transcribe_model_is_read_with_home_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('transcribe_model = "~/models/tiny"\n', encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr("interviewer.paths.config_file", lambda: config)
    assert configured_transcribe_model() == tmp_path / "models" / "tiny"


def test_no_setting_means_no_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("interviewer.paths.config_file", lambda: tmp_path / "absent.toml")
    assert configured_transcribe_model() is None


@pytest.mark.parametrize("value", ["3", '""', "[1]"])
def test_a_transcribe_model_that_is_no_path_is_refused(tmp_path: Path, value: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"transcribe_model = {value}\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        read_settings(config)
    assert caught.value.message_key == "settings.bad_transcribe_model"
    assert str(config) in caught.value.message("nl")
