"""SubRip (.srt) and WebVTT (.vtt) readers, including WebVTT voices (``<v Speaker>``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from interviewer.transcript._common import (
    Parsed,
    apply_speaker_prefixes,
    check_order,
    clean_markup,
)
from interviewer.transcript.model import Segment, TranscriptFormatError
from interviewer.transcript.stamps import parse_clock

_ARROW = "-->"
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>", re.I)


def _blocks(text: str) -> Iterator[list[tuple[int, str]]]:
    """Runs of non-blank lines with their 1-based line numbers."""
    block: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            block.append((number, line.rstrip()))
        elif block:
            yield block
            block = []
    if block:
        yield block


def _times(line: str, number: int, source: str, example: str) -> tuple[float, float]:
    """Start and end of a cue timing line; errors name what is wrong with it."""
    left, _, right = line.partition(_ARROW)
    start_text = left.strip()
    end_text = right.strip().split()[0] if right.strip() else ""
    if not end_text:
        raise TranscriptFormatError(
            "transcript.error.no_end_time",
            source=source,
            line=number,
            text=line.strip(),
            example=example,
        )
    try:
        return parse_clock(start_text), parse_clock(end_text)
    except ValueError as exc:
        raise TranscriptFormatError(
            "transcript.error.bad_stamp", source=source, line=number, error=exc
        ) from exc


def _voices(payload: str) -> list[tuple[str | None, str]]:
    """Split a cue payload into (voice, text) parts; text outside a voice has no speaker."""
    parts: list[tuple[str | None, str]] = []
    matches = list(_VOICE.finditer(payload))
    head = payload[: matches[0].start()] if matches else payload
    if clean_markup(head):
        parts.append((None, clean_markup(head)))
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(payload)
        text = clean_markup(payload[match.end() : end])
        voice = (match.group(1) or "").strip() or None
        if not text:
            continue
        if parts and parts[-1][0] == voice:
            parts[-1] = (voice, f"{parts[-1][1]} {text}")
        else:
            parts.append((voice, text))
    return parts


def _cue(block: list[tuple[int, str]], timing_at: int, source: str, example: str) -> list[Parsed]:
    number, line = block[timing_at]
    start, end = _times(line, number, source, example)
    payload = "\n".join(text for _, text in block[timing_at + 1 :])
    return [
        Parsed(Segment(start=start, end=end, text=text, speaker=voice), number)
        for voice, text in _voices(payload)
    ]


def parse_srt(text: str, source: str) -> list[Segment]:
    """SubRip: numbered cues, ``00:00:01,000 --> 00:00:04,000``, then the text lines."""
    example = "00:00:01,000 --> 00:00:04,000"
    items: list[Parsed] = []
    for block in _blocks(text):
        if _ARROW in block[0][1]:
            timing_at = 0
        elif len(block) > 1 and _ARROW in block[1][1]:
            timing_at = 1
        else:
            numbered = len(block) > 1 and block[0][1].strip().isdigit()
            number, line = block[1] if numbered else block[0]
            raise TranscriptFormatError(
                "transcript.error.expected_time_line",
                source=source,
                line=number,
                example=example,
                found=line.strip()[:60],
            )
        items.extend(_cue(block, timing_at, source, example))
    return check_order(apply_speaker_prefixes(items), source)


def parse_vtt(text: str, source: str) -> list[Segment]:
    """WebVTT: ``WEBVTT`` header, optional NOTE/STYLE/REGION blocks, cues with voices."""
    example = "00:01.000 --> 00:04.000"
    blocks = list(_blocks(text))
    if not blocks or not blocks[0][0][1].lstrip("\ufeff").startswith("WEBVTT"):
        line = blocks[0][0][0] if blocks else 1
        raise TranscriptFormatError("transcript.error.webvtt_header", source=source, line=line)
    items: list[Parsed] = []
    header = blocks[0]
    body = blocks[1:]
    # Cues may follow the header without a blank line in sloppy files.
    arrow_in_header = [i for i, (_, line) in enumerate(header) if _ARROW in line]
    if arrow_in_header:
        body.insert(0, header[arrow_in_header[0] :])
    for block in body:
        first = block[0][1].strip()
        if first.startswith(("NOTE", "STYLE", "REGION")) and _ARROW not in first:
            continue
        if _ARROW in block[0][1]:
            timing_at = 0
        elif len(block) > 1 and _ARROW in block[1][1]:
            timing_at = 1
        else:
            raise TranscriptFormatError(
                "transcript.error.expected_cue_line",
                source=source,
                line=block[0][0],
                example=example,
                found=first[:60],
            )
        items.extend(_cue(block, timing_at, source, example))
    return check_order(apply_speaker_prefixes(items), source)
