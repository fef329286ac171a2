"""Shared pieces of the readers: speaker prefixes, markup clean-up, and the order checks.

Every reader yields ``Parsed`` items (a segment plus the line it starts on) so that the checks
here can name the line of a problem, whatever the format.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from json import JSONDecodeError
from typing import Any

from interviewer.input_files import json_loads
from interviewer.transcript.model import Segment, TranscriptFormatError
from interviewer.transcript.stamps import format_clock

OVERLAP_TOLERANCE = 0.1
"""Seconds two segments may overlap or go back before it is an error: subtitle tools round
to frames, and diarisation output often lets one turn end a few milliseconds late."""

_BRACKETED = re.compile(r"^\s*\[(?P<label>[^\]\n]{1,40})\]\s*:?\s*(?P<rest>.*)$", re.S)
_PREFIXED = re.compile(
    r"^\s*(?P<label>[A-Za-zÀ-ÿ0-9][\w.\-]*(?: [A-Za-zÀ-ÿ0-9][\w.\-]*){0,2})\s?:\s+(?P<rest>.*)$",
    re.S,
)
_STRONG_LABEL = re.compile(
    r"^(?:SPEAKER_\d+|Speaker \d+|\d+\.\d+|[A-Z]{1,3}\d{0,2}|"
    r"(?i:interviewer|interviewster|respondent|interviewee|moderator|"
    r"deelnemer(?: \d+)?|spreker(?: \d+)?|participant(?: \d+)?))$"
)
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class Parsed:
    """A segment and the file line it starts on (1-based), for error messages."""

    segment: Segment
    line: int


def clean_markup(text: str) -> str:
    """Remove tags (``<i>``, ``<c.x>``, inline ``<00:00:01.000>``), unescape, squeeze spaces."""
    text = _TAG.sub("", text)
    text = html.unescape(text).replace("\u00a0", " ")
    return re.sub(r"[ \t]+", " ", re.sub(r"\s*\n\s*", " ", text)).strip()


def split_label(text: str) -> tuple[str | None, str]:
    """A candidate speaker label at the start of ``text`` (``[SPEAKER_00]:``, ``Anna:``)."""
    match = _BRACKETED.match(text)
    if match and not re.match(r"^\s*[\d:.,\-]+\s*$", match["label"]):
        return match["label"].strip(), match["rest"].strip()
    match = _PREFIXED.match(text)
    if match:
        return match["label"].strip(), match["rest"].strip()
    return None, text


def apply_speaker_prefixes(items: list[Parsed]) -> list[Parsed]:
    """Move ``Label: text`` prefixes into the speaker field where they are really speakers.

    A prefix counts as a speaker when it looks like one (``SPEAKER_00``, ``1.1``, ``I``,
    ``[Anna]``) or when the same label starts at least two segments: ``Ja: dat klopt`` once
    in a file is a sentence, ``Anna:`` twenty times is a speaker; and when most segments
    start with a prefix, the file is written that way and every prefix is a speaker.
    """
    candidates: list[tuple[str | None, str]] = []
    counts: Counter[str] = Counter()
    for item in items:
        if item.segment.speaker is not None:
            candidates.append((None, item.segment.text))
            continue
        label, rest = split_label(item.segment.text)
        candidates.append((label, rest))
        if label:
            counts[label] += 1
    # A file written in "Name: text" style throughout: every prefix is a speaker.
    styled = sum(counts.values()) > len(items) / 2
    result: list[Parsed] = []
    for item, (label, rest) in zip(items, candidates, strict=True):
        bracketed = bool(_BRACKETED.match(item.segment.text))
        strong = bracketed or _STRONG_LABEL.match(label or "") or counts[label or ""] >= 2
        if label and (styled or strong):
            segment = replace(item.segment, speaker=label, text=rest)
            result.append(Parsed(segment, item.line))
        else:
            result.append(item)
    return result


def check_order(
    items: list[Parsed], source: str, resolve: Callable[[int], int | None] | None = None
) -> list[Segment]:
    """Refuse segments that end before they start, go back in time, or overlap.

    Overlap is only an error for the same speaker (or when there are no speakers): two
    people talking at once is normal in a group interview, one person twice at once is not.
    ``resolve`` turns a ``Parsed.line`` into a file line when readers store something
    cheaper (the JSON reader stores the segment's index and finds its line only on error).
    """
    where = resolve or (lambda line: line)
    previous: Parsed | None = None
    last_by_speaker: dict[str | None, Parsed] = {}
    for item in items:
        seg = item.segment
        if seg.end is not None and seg.end < seg.start:
            raise TranscriptFormatError(
                "transcript.error.ends_before_start",
                end=format_clock(seg.end, millis=True),
                start=format_clock(seg.start, millis=True),
                source=source,
                line=where(item.line),
            )
        if previous is not None and seg.start < previous.segment.start - OVERLAP_TOLERANCE:
            raise TranscriptFormatError(
                "transcript.error.time_back",
                start=format_clock(seg.start, millis=True),
                previous=format_clock(previous.segment.start, millis=True),
                previous_line=where(previous.line),
                source=source,
                line=where(item.line),
            )
        before = last_by_speaker.get(seg.speaker)
        if (
            before is not None
            and before.segment.end is not None
            and seg.start < before.segment.end - OVERLAP_TOLERANCE
        ):
            raise TranscriptFormatError(
                "transcript.error.overlap_of" if seg.speaker else "transcript.error.overlap",
                start=format_clock(seg.start, millis=True),
                speaker=seg.speaker,
                before_line=where(before.line),
                until=format_clock(before.segment.end, millis=True),
                source=source,
                line=where(item.line),
            )
        previous = item
        last_by_speaker[seg.speaker] = item
    return [item.segment for item in items]


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


def load_json(text: str, source: str) -> Any:
    """JSON of a transcript file; every problem (syntax, nesting deeper than 200 levels, a
    number of 4,300+ digits) is a ``TranscriptFormatError`` naming the line when known."""
    try:
        return json_loads(text)
    except JSONDecodeError as exc:
        raise TranscriptFormatError(
            "transcript.error.not_json",
            source=source,
            line=exc.lineno,
            error=exc.msg,
            column=exc.colno,
        ) from None
    except ValueError as exc:
        raise TranscriptFormatError(
            "transcript.error.detail", source=source, line=1, error=str(exc)
        ) from None
