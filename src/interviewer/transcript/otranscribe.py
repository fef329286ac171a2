"""oTranscribe: its ``.otr`` file (JSON whose ``text`` is the editor's HTML) and its exports.

In the HTML a stamp is ``<span class="timestamp" data-timestamp="65.3">0:01:05</span>``
(older files put ``"01:05"`` in the attribute). The plain-text and Markdown exports keep only
the stamp's text, ``0:01:05``, inline. Each stamp starts a segment that runs until the next;
text before the first stamp is taken to start at 0:00.
"""

from __future__ import annotations

import html
import re
from typing import Any

from interviewer.transcript._common import (
    Parsed,
    apply_speaker_prefixes,
    check_order,
    clean_markup,
    line_of,
    load_json,
)
from interviewer.transcript.model import Segment, TranscriptFormatError
from interviewer.transcript.stamps import parse_clock

_SPAN = re.compile(
    r"<span\b(?P<attrs>[^>]*\bclass\s*=\s*[\"'][^\"']*\btimestamp\b[^\"']*[\"'][^>]*)>"
    r"(?P<inner>.*?)</span>",
    re.I | re.S,
)
_DATA = re.compile(r"\bdata-timestamp\s*=\s*[\"'](?P<v>[^\"']*)[\"']", re.I)
_BARE = re.compile(r"(?<![\d:])(?P<v>\d{1,2}:\d{2}:\d{2})(?![\d:])")
_BLOCK_END = re.compile(r"</p\s*>|<br\s*/?>|</div\s*>", re.I)


def looks_like_otr(data: Any) -> bool:
    """True for an oTranscribe ``.otr`` object (format detection)."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("text"), str)
        and ("media" in data or "media-time" in data or "timestamp" in data["text"])
    )


def has_html_stamps(text: str) -> bool:
    """True when the text holds oTranscribe timestamp spans."""
    return _SPAN.search(text) is not None


def has_bare_stamps(text: str) -> bool:
    """True when lines start with oTranscribe's exported ``0:01:05`` stamps."""
    return any(_BARE.match(line.strip()) for line in text.splitlines())


def _span_seconds(attrs: str, inner: str) -> float:
    """Seconds of one timestamp span: the data attribute, else the visible text."""
    data = _DATA.search(attrs)
    value = html.unescape(data["v"]).strip() if data else clean_markup(inner)
    try:
        return float(value)
    except ValueError:
        return parse_clock(value)


def _pieces_from_html(markup: str, source: str, file_text: str, base: int) -> list[Parsed]:
    """Split editor HTML at its stamps. Lines point into ``file_text`` (from ``base``)."""
    stamps: list[tuple[float, int, int]] = []  # seconds, start, end offsets in markup
    for number, match in enumerate(_SPAN.finditer(markup), start=1):
        try:
            seconds = _span_seconds(match["attrs"], match["inner"])
        except ValueError as exc:
            raise TranscriptFormatError(
                "transcript.error.bad_stamp_no",
                number=number,
                error=exc,
                source=source,
                line=line_of(file_text, base + match.start()) if base >= 0 else 1,
            ) from exc
        stamps.append((seconds, match.start(), match.end()))
    if not stamps:
        raise TranscriptFormatError(
            "transcript.error.no_stamps_otr",
            source=source,
            line=1,
        )
    bounds = [(0.0, 0, 0), *stamps] if clean_markup(markup[: stamps[0][1]]) else stamps
    items: list[Parsed] = []
    for i, (seconds, _, end_offset) in enumerate(bounds):
        stop = bounds[i + 1][1] if i + 1 < len(bounds) else len(markup)
        body = clean_markup(_BLOCK_END.sub("\n", markup[end_offset:stop]))
        following = bounds[i + 1][0] if i + 1 < len(bounds) else None
        end = following if following is not None and following >= seconds else None
        line = line_of(file_text, base + end_offset) if base >= 0 else 1
        if body:
            items.append(Parsed(Segment(start=seconds, end=end, text=body), line))
    return items


def _pieces_from_text(text: str, source: str) -> list[Parsed]:
    """Split an exported plain/Markdown text at its bare ``H:MM:SS`` stamps."""
    marks: list[tuple[float, int, int]] = []
    for match in _BARE.finditer(text):
        try:
            marks.append((parse_clock(match["v"]), match.start(), match.end()))
        except ValueError as exc:
            raise TranscriptFormatError(
                "transcript.error.bad_stamp",
                source=source,
                line=line_of(text, match.start()),
                error=exc,
            ) from exc
    if not marks:
        raise TranscriptFormatError("transcript.error.no_stamps_clock", source=source, line=1)
    bounds = [(0.0, 0, 0), *marks] if text[: marks[0][1]].strip() else marks
    items: list[Parsed] = []
    for i, (seconds, _, end_offset) in enumerate(bounds):
        stop = bounds[i + 1][1] if i + 1 < len(bounds) else len(text)
        body = clean_markup(text[end_offset:stop].replace("\\", ""))
        following = bounds[i + 1][0] if i + 1 < len(bounds) else None
        end = following if following is not None and following >= seconds else None
        if body:
            items.append(
                Parsed(Segment(start=seconds, end=end, text=body), line_of(text, end_offset))
            )
    return items


def parse_otranscribe(text: str, source: str, data: Any = None) -> list[Segment]:
    """Segments from an ``.otr`` file, saved editor HTML, or a plain-text/Markdown export."""
    if data is None and text.lstrip().startswith("{"):
        data = load_json(text, source)
    if data is not None:
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise TranscriptFormatError(
                "transcript.error.otr_layout",
                source=source,
                line=1,
            )
        markup: str = data["text"]
        items = _pieces_from_html(markup, source, text, -1)
    elif has_html_stamps(text):
        items = _pieces_from_html(text, source, text, 0)
    else:
        items = _pieces_from_text(text, source)
    return check_order(apply_speaker_prefixes(items), source)
