"""Reading a transcript file: decoding, format detection, and the reader for each format."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interviewer.input_files import (
    MAX_TRANSCRIPT_BYTES,
    InputFileError,
    json_loads,
    read_bounded,
)
from interviewer.transcript.model import Segment, TranscriptError, TranscriptFormatError
from interviewer.transcript.otranscribe import (
    has_bare_stamps,
    has_html_stamps,
    looks_like_otr,
    parse_otranscribe,
)
from interviewer.transcript.plaintext import has_line_stamps, parse_plain_text
from interviewer.transcript.subtitles import parse_srt, parse_vtt
from interviewer.transcript.whisper_json import looks_like_whisper, parse_whisper_json

FORMATS: tuple[str, ...] = ("srt", "vtt", "whisper-json", "otranscribe", "txt")
"""Formats ``--format`` accepts besides ``auto``."""

_SUFFIXES = {
    ".srt": "srt",
    ".vtt": "vtt",
    ".json": "whisper-json",
    ".otr": "otranscribe",
    ".txt": "txt",
    ".md": "txt",
}
_SRT_TIMING = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->", re.M)

_READERS: dict[str, Callable[[str, str], list[Segment]]] = {
    "srt": parse_srt,
    "vtt": parse_vtt,
    "whisper-json": parse_whisper_json,
    "otranscribe": parse_otranscribe,
    "txt": parse_plain_text,
}


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a file gave: its segments and the format they were read as."""

    segments: list[Segment]
    format: str


def decode(raw: bytes, source: str, encoding: str | None = None) -> str:
    """Bytes to text: UTF-8 (BOM allowed) or UTF-16 with BOM, or the encoding given.

    A file in another encoding is refused with the line of the first bad byte rather than
    read with replacement characters that would end up in a respondent's transcript.
    """
    if not raw.strip():
        raise TranscriptFormatError("transcript.error.empty", source=source, line=1)
    chosen = encoding or "utf-8"
    if encoding is None and raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        chosen = "utf-16"
    elif chosen.lower().replace("_", "-") in ("utf-8", "utf8") and raw.startswith(codecs.BOM_UTF8):
        chosen = "utf-8-sig"
    try:
        text = raw.decode(chosen)
    except LookupError as exc:
        raise TranscriptError(
            "transcript.error.unknown_encoding", source=source, encoding=encoding
        ) from exc
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TranscriptFormatError(
            "transcript.error.not_encoding",
            source=source,
            line=line,
            encoding=chosen,
            byte=f"0x{raw[exc.start]:02x}",
        ) from exc
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise TranscriptFormatError(
            "transcript.error.not_text",
            source=source,
            line=line,
        )
    if not text.strip():
        raise TranscriptFormatError("transcript.error.empty", source=source, line=1)
    return text.lstrip("\ufeff")


def _json_or_none(text: str) -> Any:
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        return json_loads(text)
    except ValueError:  # syntax, nesting, huge numbers: the format's reader says which
        return None


def detect_format(text: str, suffix: str = "") -> str:
    """The format of a transcript, from its content first and its file name second."""
    stripped = text.lstrip()
    if stripped.startswith("WEBVTT"):
        return "vtt"
    data = _json_or_none(text)
    if data is not None:
        if looks_like_whisper(data):
            return "whisper-json"
        if looks_like_otr(data):
            return "otranscribe"
    if has_html_stamps(text):
        return "otranscribe"
    if _SRT_TIMING.search(text):
        return "srt"
    if has_line_stamps(text):
        return "txt"
    if has_bare_stamps(text):
        return "otranscribe"
    by_name = _SUFFIXES.get(suffix.lower())
    if by_name:
        return by_name
    raise TranscriptError("transcript.error.unknown_format", formats=", ".join(FORMATS))


def parse_transcript(text: str, fmt: str = "auto", source: str = "transcript") -> ReadResult:
    """Segments from transcript text in ``fmt`` (or detected); errors name the line."""
    if not text.strip():
        raise TranscriptFormatError("transcript.error.empty", source=source, line=1)
    if fmt == "auto":
        fmt = detect_format(text, Path(source).suffix)
    reader = _READERS.get(fmt)
    if reader is None:
        raise TranscriptError("transcript.error.bad_format", fmt=fmt, formats=", ".join(FORMATS))
    segments = reader(text, source)
    if not segments:
        raise TranscriptFormatError("transcript.error.no_speech", source=source, line=1, fmt=fmt)
    return ReadResult(segments=segments, format=fmt)


def read_transcript(path: str | Path, fmt: str = "auto", encoding: str | None = None) -> ReadResult:
    """Read and parse a transcript file (a regular file of at most 50 MiB); every problem is
    a ``TranscriptError``."""
    path = Path(path)
    try:
        raw = read_bounded(path, MAX_TRANSCRIPT_BYTES)  # never a FIFO, never /dev/zero
    except InputFileError as exc:
        raise TranscriptError("input.error.refused", error=exc) from exc
    except FileNotFoundError as exc:
        raise TranscriptError("transcript.error.no_file", path=path) from exc
    except IsADirectoryError as exc:
        raise TranscriptError("transcript.error.is_folder", path=path) from exc
    except OSError as exc:
        raise TranscriptError(
            "transcript.error.cannot_read", path=path, error=exc.strerror
        ) from exc
    text = decode(raw, path.name, encoding)
    if fmt == "auto":
        try:
            fmt = detect_format(text, path.suffix)
        except TranscriptError as exc:
            raise TranscriptError("transcript.error.in_file", name=path.name, error=exc) from exc
    return parse_transcript(text, fmt, path.name)
