"""JSON from Whisper-style tools: openai-whisper, faster-whisper dumps, WhisperX, whisper.cpp.

Accepted shapes: ``{"segments": [...]}`` (openai-whisper, WhisperX, our own ``transcribe``),
a bare list of segments, and whisper.cpp's ``{"transcription": [{"offsets": {...}}]}``.
A segment has ``start``, ``end`` (seconds) and ``text``; optional ``speaker`` (WhisperX
diarisation) and ``words`` (each with ``word``/``text``, ``start``, ``end``, maybe ``speaker``).
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import math
from collections import Counter
from typing import Any

from interviewer.i18n.errors import TranslatableError
from interviewer.transcript._common import Parsed, check_order, line_of, load_json
from interviewer.transcript.model import Segment, TranscriptFormatError, Word


class _Invalid(TranslatableError, ValueError):
    """What is wrong with a part of the JSON, said from a message key (quoted in the line
    that names the file and line)."""


class _PosDict(dict[str, Any]):
    """A JSON object that remembers where it started in the text."""

    pos: int = 0


def _positional_loads(text: str) -> Any:
    """Parse JSON keeping each object's offset; slow, so only used to name a line in an error."""
    decoder = json.JSONDecoder()

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
        # JSONObject is the stdlib's own object parser; typeshed leaves it out of its stubs.
        obj, end = json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]
        tagged = _PosDict(obj)
        tagged.pos = s_and_end[1] - 1
        return tagged, end

    # The pure-Python scanner reads these instance attributes; typeshed declares neither.
    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder.decode(text)


def looks_like_whisper(data: Any) -> bool:
    """True for the JSON shapes this reader accepts (used by format detection)."""
    if isinstance(data, dict):
        return isinstance(data.get("segments"), list) or isinstance(data.get("transcription"), list)
    return (
        isinstance(data, list)
        and bool(data)
        and all(isinstance(d, dict) and "start" in d for d in data[:5])
    )


def _segment_list(data: Any) -> tuple[list[Any], bool]:
    """The raw segment list, and whether it is whisper.cpp's millisecond-offset shape."""
    if isinstance(data, list):
        return data, False
    if isinstance(data, dict) and isinstance(data.get("segments"), list):
        return data["segments"], False
    if isinstance(data, dict) and isinstance(data.get("transcription"), list):
        return data["transcription"], True
    raise _Invalid("whisper.error.no_segments")


def _seconds(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid("whisper.error.not_seconds", what=what, value=value)
    seconds = _finite(value)
    if seconds is None:  # NaN, Infinity or an integer of hundreds of digits
        raise _Invalid("whisper.error.not_seconds", what=what, value=str(value)[:20])
    return seconds


def _finite(value: float) -> float | None:
    """``value`` as a finite float, None when it is not one (``float(10**400)`` overflows)."""
    try:
        seconds = float(value)
    except OverflowError:
        return None
    return seconds if math.isfinite(seconds) else None


def _words(raw: Any) -> tuple[tuple[Word, ...], str | None]:
    """Words with times (words without times are skipped) and their majority speaker."""
    if not isinstance(raw, list):
        return (), None
    words: list[Word] = []
    speakers: Counter[str] = Counter()
    for item in raw:
        if not isinstance(item, dict):
            continue
        text = str(item.get("word", item.get("text", ""))).strip()
        start, end = item.get("start"), item.get("end")
        if isinstance(item.get("speaker"), str):
            speakers[item["speaker"]] += 1
        if text and isinstance(start, int | float) and isinstance(end, int | float):
            begin, until = _finite(start), _finite(end)
            if begin is not None and until is not None:
                words.append(Word(begin, until, text))
    return tuple(words), (speakers.most_common(1)[0][0] if speakers else None)


def _segment(raw: Any, cpp: bool) -> Segment | None:
    """One segment from its JSON object; ValueError names the problem."""
    if not isinstance(raw, dict):
        raise _Invalid("whisper.error.not_object", kind=type(raw).__name__)
    text = str(raw.get("text", "")).strip()
    if cpp:
        offsets = raw.get("offsets")
        if not isinstance(offsets, dict) or "from" not in offsets:
            raise _Invalid("whisper.error.no_offsets")
        if "to" not in offsets:
            raise _Invalid("whisper.error.no_end", field="offsets.to")
        start = _seconds(offsets["from"], "offsets.from") / 1000
        end = _seconds(offsets["to"], "offsets.to") / 1000
        speaker = raw.get("speaker") if isinstance(raw.get("speaker"), str) else None
        return Segment(start, end, text, speaker) if text else None
    if "start" not in raw:
        raise _Invalid("whisper.error.no_start")
    if "end" not in raw or raw["end"] is None:
        raise _Invalid("whisper.error.no_end", field="end")
    start = _seconds(raw["start"], "start")
    end = _seconds(raw["end"], "end")
    words, word_speaker = _words(raw.get("words"))
    speaker = raw.get("speaker") if isinstance(raw.get("speaker"), str) else word_speaker
    if not text and words:
        text = " ".join(w.text for w in words)
    return Segment(start, end, text, speaker, words) if text else None


def parse_whisper_json(text: str, source: str, data: Any = None) -> list[Segment]:
    """Checked segments from Whisper-style JSON; errors name the line of the segment."""
    if data is None:
        data = load_json(text, source)
    try:
        raw_segments, cpp = _segment_list(data)
    except ValueError as exc:
        raise TranscriptFormatError(
            "transcript.error.detail", source=source, line=1, error=exc
        ) from exc
    items: list[Parsed] = []
    for index, raw in enumerate(raw_segments):
        try:
            segment = _segment(raw, cpp)
        except ValueError as exc:
            line = _line_of_segment(text, index)
            raise TranscriptFormatError(
                "transcript.error.in_segment", source=source, line=line, number=index + 1, error=exc
            ) from exc
        if segment is not None:
            items.append(Parsed(segment, index))
    return check_order(items, source, resolve=lambda index: _line_of_segment(text, index))


def _line_of_segment(text: str, index: int) -> int | None:
    """The line segment ``index`` starts on (None when the text cannot be re-read).

    Uses the slow positional parser, so it is only called to report an error.
    """
    try:
        data = _positional_loads(text)
        raw_segments, _ = _segment_list(data)
        raw = raw_segments[index]
    except (ValueError, IndexError, RecursionError):
        return None
    return line_of(text, raw.pos) if isinstance(raw, _PosDict) else None
