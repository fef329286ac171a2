"""Where each second of a recording file lies on the interview clock.

A recording file holds recording time only: a pause (``f5``, or recording switched off)
writes nothing, so file seconds drift from interview seconds after the first pause. Each
``<n>.wav`` therefore has a small companion ``<n>.json`` saying at which interview second
the source started (``session_start``) and where each unpaused stretch of the file began in
the source's time (``spans``). With it, ``to_session`` turns a file second into the exact
session second the words were spoken, which is what lines a transcript up with the
question on screen: no offset to guess, also after pauses and across resumed sessions.

The companion is written atomically (0600) when the file is made and at every new span, so
after a crash it is as current as the audio itself.

``recording_clock`` joins the maps of all a session's files into the transcript's
``RecordingClock``: segment times are then *recording positions* (seconds into ``0.wav``,
``1.wav``, … played one after another), what a player shows, mapped exactly to the session
second each was spoken.
"""

from __future__ import annotations

import bisect
import itertools
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interviewer.recording.frames import RecordingError
from interviewer.store.atomic import atomic_write_bytes
from interviewer.transcript.model import RecordingClock

MAP_FORMAT = 1


@dataclass(frozen=True)
class Span:
    """A stretch of the file recorded without a pause: it starts at ``file_offset`` seconds
    in the file, which was ``source_offset`` seconds in the source's time."""

    file_offset: float
    source_offset: float


@dataclass
class TimeMap:
    """File seconds -> session seconds for one recording file.

    ``session_start`` is the session second at which the source's time was 0 (the
    interview clock's reading when recording started).
    """

    session_start: float
    spans: list[Span] = field(default_factory=list)

    def to_session(self, file_seconds: float) -> float:
        """The session second at which ``file_seconds`` into the file was recorded."""
        if not self.spans:
            return self.session_start + file_seconds
        starts = [span.file_offset for span in self.spans]
        span = self.spans[max(bisect.bisect_right(starts, file_seconds) - 1, 0)]
        return self.session_start + span.source_offset + (file_seconds - span.file_offset)

    def span_ends(self, total_seconds: float) -> list[tuple[float, float]]:
        """Each span as (file start, file end); the last ends at ``total_seconds``."""
        bounds = [span.file_offset for span in self.spans[1:]] + [total_seconds]
        return [(span.file_offset, end) for span, end in zip(self.spans, bounds, strict=True)]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": MAP_FORMAT,
            "session_start": self.session_start,
            "spans": [[span.file_offset, span.source_offset] for span in self.spans],
        }


FileTime = tuple[TimeMap | None, float | None]
"""One recording file for ``recording_clock``: its time map (None: it has no companion) and
its seconds of audio (None: the file still being written, which must come last)."""


def recording_clock(files: Iterable[FileTime]) -> RecordingClock | None:
    """The clock of a session's recordings, given in the order they were made: one anchor
    per span, at (seconds of the earlier files + the span's place in its file, the session
    second it began). A file without a time map still takes its place in the positions (its
    audio is there in the player) but gives no anchor; a span at or after the end of its
    file holds no audio and gives none either. None when no file gives an anchor."""
    anchors: list[tuple[float, float]] = []
    position = 0.0
    for time_map, seconds in files:
        if time_map is not None:
            for span in time_map.spans or [Span(0.0, 0.0)]:  # no span yet: as ``to_session``
                if seconds is not None and span.file_offset >= seconds:
                    break
                anchor = (position + span.file_offset, time_map.session_start + span.source_offset)
                if anchors and anchors[-1][0] >= anchor[0]:
                    anchors[-1] = anchor  # the stretch before it holds no audio
                else:
                    anchors.append(anchor)
        position += seconds or 0.0
    return RecordingClock(tuple(anchors)) if anchors else None


def map_path(wav_path: str | os.PathLike[str]) -> Path:
    """``<n>.json`` beside ``<n>.wav``."""
    return Path(wav_path).with_suffix(".json")


def save_map(wav_path: str | os.PathLike[str], time_map: TimeMap) -> None:
    """Write the companion of ``wav_path`` atomically (0600)."""
    data = json.dumps(time_map.to_json(), indent=1).encode()
    try:
        atomic_write_bytes(map_path(wav_path), data)
    except OSError as exc:
        raise RecordingError(
            "recording.write_failed", path=str(map_path(wav_path)), reason=str(exc)
        ) from None


def load_map(wav_path: str | os.PathLike[str]) -> TimeMap | None:
    """The companion of ``wav_path``, or None when there is none (a file recorded without
    an interview clock); a damaged one is a keyed error, never silently guessed."""
    path = map_path(wav_path)
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise RecordingError("recording.bad_map", path=str(path), reason=str(exc)) from None
    try:
        if data.get("format") != MAP_FORMAT:
            raise ValueError(f"not format {MAP_FORMAT}")
        spans = [Span(float(a), float(b)) for a, b in data["spans"]]
        if any(b.file_offset < a.file_offset for a, b in itertools.pairwise(spans)):
            raise ValueError("spans out of order")
        return TimeMap(float(data["session_start"]), spans)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise RecordingError("recording.bad_map", path=str(path), reason=str(exc)) from None
