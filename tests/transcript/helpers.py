"""Writers that turn one dialogue into every supported transcript format (no external files)."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """One turn: recording seconds (whole seconds so every format can carry them)."""

    start: int
    end: int
    speaker: str
    text: str


def _hms(seconds: float, sep: str = ".") -> str:
    whole = int(seconds)
    ms = round((seconds - whole) * 1000)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}{sep}{ms:03d}"


def to_srt(lines: list[Line]) -> str:
    blocks = [
        f"{i}\n{_hms(ln.start, ',')} --> {_hms(ln.end, ',')}\n{ln.speaker}: {ln.text}\n"
        for i, ln in enumerate(lines, start=1)
    ]
    return "\n".join(blocks)


def to_vtt(lines: list[Line]) -> str:
    cues = [
        f"{_hms(ln.start)} --> {_hms(ln.end)} align:start\n<v {ln.speaker}>{ln.text}</v>\n"
        for ln in lines
    ]
    return "WEBVTT\nKind: captions\n\nNOTE written by a test\n\n" + "\n".join(cues)


def to_whisper_json(lines: list[Line]) -> str:
    segments = [
        {"id": i, "start": ln.start, "end": ln.end, "text": " " + ln.text, "speaker": ln.speaker}
        for i, ln in enumerate(lines)
    ]
    return json.dumps({"text": "", "language": "nl", "segments": segments}, indent=2)


def _clock(seconds: int) -> str:
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def to_otr(lines: list[Line]) -> str:
    paragraphs = "".join(
        f'<p><span class="timestamp" contenteditable="false" data-timestamp="{ln.start}">'
        f"{_clock(ln.start)}</span>&nbsp;{ln.speaker}: {ln.text}</p>"
        for ln in lines
    )
    return json.dumps({"text": paragraphs, "media": "opname.m4a", "media-time": 12.5})


def to_txt(lines: list[Line], brackets: str = "[]") -> str:
    opening, closing = brackets
    return "".join(
        f"{opening}{_clock(ln.start).zfill(8)}{closing} {ln.speaker}: {ln.text}\n" for ln in lines
    )


WRITERS = {
    "srt": (to_srt, "opname.srt"),
    "vtt": (to_vtt, "opname.vtt"),
    "whisper-json": (to_whisper_json, "opname.json"),
    "otranscribe": (to_otr, "opname.otr"),
    "txt": (to_txt, "opname.txt"),
}
