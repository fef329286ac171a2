"""Optional local speech-to-text with faster-whisper, fully offline from a model folder.

Nothing is downloaded: the model must be a CTranslate2 Whisper folder on disk (``model.bin``,
``config.json`` and ``tokenizer.json``; without the tokenizer file faster-whisper would
fetch one from the internet, so it is required). The output is Whisper-style JSON that
``interviewer transcript import`` reads. faster-whisper is imported only when used, so the
core works without the ``transcribe`` extra.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interviewer.i18n.errors import Phrase
from interviewer.transcript.model import TranscriptError

REQUIRED_MODEL_FILES = ("model.bin", "config.json", "tokenizer.json")
INSTALL_HINT = "pip install 'interviewer[transcribe]'"
MODEL_HINT = Phrase("transcribe.hint.model")
"""Where to get a model, said in the language of the line it is part of (``str()``: English)."""

Progress = Callable[[float, float], None]
"""Called with (seconds transcribed, total seconds of audio) as segments come in."""


class TranscribeUnavailable(TranscriptError):
    """The extra or the model is missing; the message says how to get it."""


@dataclass(frozen=True, slots=True)
class TranscribeOptions:
    """Choices for a run; defaults suit a laptop CPU."""

    language: str | None = None
    words: bool = False
    device: str = "cpu"
    compute_type: str = "int8"
    beam_size: int = 5


def extra_installed() -> bool:
    """True when faster-whisper can be imported."""
    return importlib.util.find_spec("faster_whisper") is not None


def check_model_dir(model_dir: Path) -> None:
    """Refuse a folder that is not a complete local CTranslate2 Whisper model."""
    if not model_dir.is_dir():
        raise TranscribeUnavailable(
            "transcribe.error.no_model_dir", path=model_dir, hint=MODEL_HINT
        )
    missing = [name for name in REQUIRED_MODEL_FILES if not (model_dir / name).is_file()]
    if missing:
        raise TranscribeUnavailable(
            "transcribe.error.incomplete_model",
            path=model_dir,
            missing=", ".join(missing),
            hint=MODEL_HINT,
        )


def require_model(model_dir: Path) -> None:
    """Refuse to transcribe without faster-whisper or without a complete model folder: the
    one check every way of transcribing makes first (one keyed line saying how to get what
    is missing)."""
    if not extra_installed():
        raise TranscribeUnavailable(
            "cli.needs_transcribe_extra", install=INSTALL_HINT, model=MODEL_HINT
        )
    check_model_dir(model_dir)


def transcribe_audio(
    audio: Path,
    model_dir: Path,
    options: TranscribeOptions | None = None,
    on_progress: Progress | None = None,
) -> dict[str, Any]:
    """Transcribe ``audio`` with the model in ``model_dir``; returns Whisper-style JSON data."""
    options = options or TranscribeOptions()
    require_model(model_dir)
    if not audio.is_file():
        raise TranscriptError("transcribe.error.no_audio", path=audio)
    from faster_whisper import WhisperModel

    try:
        model = WhisperModel(
            str(model_dir),
            device=options.device,
            compute_type=options.compute_type,
            local_files_only=True,
        )
        pieces, info = model.transcribe(
            str(audio),
            language=options.language,
            beam_size=options.beam_size,
            word_timestamps=options.words,
        )
        total = float(info.duration or 0.0)
        segments: list[dict[str, Any]] = []
        for number, piece in enumerate(pieces):
            item: dict[str, Any] = {
                "id": number,
                "start": round(float(piece.start), 3),
                "end": round(float(piece.end), 3),
                "text": piece.text.strip(),
            }
            if options.words and piece.words:
                item["words"] = [
                    {"word": w.word.strip(), "start": round(w.start, 3), "end": round(w.end, 3)}
                    for w in piece.words
                ]
            segments.append(item)
            if on_progress is not None:
                on_progress(min(float(piece.end), total) if total else float(piece.end), total)
    except (OSError, ValueError, RuntimeError) as exc:
        raise TranscriptError("transcribe.error.failed", name=audio.name, error=exc) from exc
    if on_progress is not None:
        on_progress(total, total)
    return {
        "text": " ".join(s["text"] for s in segments),
        "language": info.language,
        "duration": total,
        "model": model_dir.name,
        "segments": segments,
    }


def whisper_json_bytes(data: dict[str, Any]) -> bytes:
    """The JSON file ``transcript import`` reads (UTF-8, readable indentation)."""
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
