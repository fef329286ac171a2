"""Plain text with time stamps starting lines: ``[00:12:34]``, ``(00:12:34)``, ``#00:12:34-5#``.

A stamp starts a segment that runs until the next stamp; lines without a stamp continue the
segment above. ``[00:12:34] Anna: ...`` gives the speaker. Text before the first stamp is
taken to start at 0:00 (the top of the recording), so nothing typed is dropped.
"""

from __future__ import annotations

import re

from interviewer.transcript._common import Parsed, apply_speaker_prefixes, check_order
from interviewer.transcript.model import Segment, TranscriptFormatError
from interviewer.transcript.stamps import parse_clock

_STAMP_LIKE = re.compile(r"^\s*(?:\[(?P<b>[^\]]*)\]|\((?P<p>[^)]*)\)|#(?P<h>[^#]*)#)\s*[-–:]?\s*")
_STAMP_CHARS = re.compile(r"^[\d\s:.,\-]*\d[\d\s:.,\-]*$")


def has_line_stamps(text: str, minimum: int = 1) -> bool:
    """True when at least ``minimum`` lines start with a bracketed stamp (format detection)."""
    count = 0
    for line in text.splitlines():
        match = _STAMP_LIKE.match(line)
        if match:
            inner = match["b"] or match["p"] or match["h"] or ""
            if ":" in inner and _STAMP_CHARS.match(inner):
                count += 1
                if count >= minimum:
                    return True
    return False


def _stamp(line: str, number: int, source: str) -> tuple[float, str] | None:
    """(seconds, rest of line) for a line that starts with a stamp, else None."""
    match = _STAMP_LIKE.match(line)
    if not match:
        return None
    inner = next((g for g in (match["b"], match["p"], match["h"]) if g is not None), None)
    if inner is None or not _STAMP_CHARS.match(inner) or ":" not in inner:
        return None
    try:
        return parse_clock(inner.strip()), line[match.end() :]
    except ValueError as exc:
        raise TranscriptFormatError(
            "transcript.error.bad_stamp", source=source, line=number, error=exc
        ) from exc


def parse_plain_text(text: str, source: str) -> list[Segment]:
    """Segments from stamped lines; a file without any stamp is refused."""
    starts: list[tuple[float, int, list[str]]] = []
    leading: list[str] = []
    leading_line = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stamped = _stamp(line, number, source)
        if stamped is not None:
            starts.append((stamped[0], number, [stamped[1].strip()]))
        elif line.strip():
            if starts:
                starts[-1][2].append(line.strip())
            else:
                leading_line = leading_line or number
                leading.append(line.strip())
    if not starts:
        raise TranscriptFormatError(
            "transcript.error.no_stamps_plain",
            source=source,
            line=1,
        )
    if leading:
        starts.insert(0, (0.0, leading_line, leading))
    items: list[Parsed] = []
    for i, (start, number, lines) in enumerate(starts):
        following = starts[i + 1][0] if i + 1 < len(starts) else None
        # A later stamp that goes back is reported on its own line, not as a bad end here.
        end = following if following is not None and following >= start else None
        body = " ".join(part for part in lines if part)
        if body:
            items.append(Parsed(Segment(start=start, end=end, text=body), number))
    return check_order(apply_speaker_prefixes(items), source)
