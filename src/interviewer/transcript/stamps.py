"""Clock stamps: reading ``hh:mm:ss`` in its many spellings, writing the ones analysis tools read.

MAXQDA and f4/f5 recognise ``#00:12:34-5#`` (tenths after the dash) as a link into the audio;
most other tools, and people, read ``[00:12:34]``.
"""

from __future__ import annotations

import math
import re

STAMP_STYLES: tuple[str, ...] = ("maxqda", "bracket")
"""Styles ``format_stamp`` writes: ``maxqda`` = ``#00:12:34-5#``, ``bracket`` = ``[00:12:34]``."""

_CLOCK = re.compile(
    r"^(?:(?P<h>\d{1,3}):)?(?P<m>\d{1,2}):(?P<s>\d{1,2})(?:(?P<sep>[.,-])(?P<frac>\d{1,3}))?$"
)


def parse_clock(text: str) -> float:
    """Seconds from ``[h]h:mm:ss[.fff]``, ``mm:ss[,fff]`` or f4's ``hh:mm:ss-t``.

    Raises ValueError with the reason (minutes or seconds of 60 and more are typos, not
    overflow, so they are refused rather than carried).
    """
    match = _CLOCK.match(text.strip())
    if match is None:
        raise ValueError(f"{text.strip()!r} is not a time like 00:12:34 or 00:12:34.500")
    hours = int(match["h"] or 0)
    minutes = int(match["m"])
    seconds = int(match["s"])
    if match["h"] is not None and minutes >= 60:
        raise ValueError(f"{text.strip()!r} has {minutes} minutes (at most 59)")
    if seconds >= 60:
        raise ValueError(f"{text.strip()!r} has {seconds} seconds (at most 59)")
    fraction = 0.0
    if match["frac"]:
        digits = match["frac"]
        # f4 writes tenths after a dash; '.5' and ',500' are both half a second.
        fraction = int(digits) / (10 ** len(digits))
    return hours * 3600 + minutes * 60 + seconds + fraction


def format_stamp(seconds: float, style: str = "bracket") -> str:
    """A time stamp in ``style`` (see ``STAMP_STYLES``); negative times get a leading minus.

    ``maxqda`` rounds to tenths (``#00:12:34-5#``); ``bracket`` shows whole seconds, truncated,
    so a stamp never points after the speech starts.
    """
    if style not in STAMP_STYLES:
        raise ValueError(f"{style!r} is not a stamp style; try one of: {', '.join(STAMP_STYLES)}")
    sign = "-" if seconds < 0 else ""
    value = abs(seconds)
    if style == "maxqda":
        tenths = round(value * 10)
        whole, tenth = divmod(tenths, 10)
        return f"#{sign}{_hms(whole)}-{tenth}#"
    return f"[{sign}{_hms(math.floor(value + 1e-9))}]"


def format_clock(seconds: float, *, millis: bool = False) -> str:
    """``hh:mm:ss`` (or ``hh:mm:ss.mmm``) for messages and listings."""
    sign = "-" if seconds < 0 else ""
    value = abs(seconds)
    if millis:
        total_ms = round(value * 1000)
        whole, ms = divmod(total_ms, 1000)
        return f"{sign}{_hms(whole)}.{ms:03d}"
    return f"{sign}{_hms(math.floor(value + 1e-9))}"


def _hms(whole_seconds: int) -> str:
    hours, rest = divmod(int(whole_seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"
