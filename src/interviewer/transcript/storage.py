"""Transcripts on disk: ``<data dir>/transcripts/<session_id>.json``, apart from the session.

A transcript is verbatim speech, as confidential as the notes: the folder is 0700, files
0600, written atomically with the store's writer. A damaged file is reported, never
silently replaced by an empty transcript.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from interviewer import paths
from interviewer.store.atomic import atomic_write_bytes
from interviewer.transcript.model import (
    RecordingClock,
    Segment,
    Target,
    Transcript,
    TranscriptError,
    Word,
)

TRANSCRIPT_FORMAT_VERSION = 1
FOLDER = "transcripts"
_SAFE_ID = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,127}\Z")  # \Z: "$" lets "abc\n" pass


def transcript_to_json(transcript: Transcript) -> dict[str, Any]:
    """The on-disk shape (documented in docs/transcripts.md)."""
    segments: list[dict[str, Any]] = []
    for seg in transcript.segments:
        item: dict[str, Any] = {"start": seg.start, "end": seg.end, "text": seg.text}
        if seg.speaker is not None:
            item["speaker"] = seg.speaker
        if seg.words:
            item["words"] = [[w.start, w.end, w.text] for w in seg.words]
        segments.append(item)
    data: dict[str, Any] = {
        "format": TRANSCRIPT_FORMAT_VERSION,
        "session_id": transcript.session_id,
        "source_name": transcript.source_name,
        "source_format": transcript.source_format,
        "imported_at": transcript.imported_at,
        "offset": transcript.offset,
        "recording_start": transcript.recording_start,
        "speakers": dict(transcript.speakers),
        "moves": [
            {"segment": number, "question": t.question_id, "code": t.code}
            for number, t in sorted(transcript.moves.items())
        ],
        "segments": segments,
    }
    if transcript.clock is not None:  # only the app's own recording has one
        data["clock"] = [[position, second] for position, second in transcript.clock.anchors]
    return data


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{what} is not a number")
    return float(value)


def _clock(raw: Any) -> RecordingClock | None:
    """The ``clock`` anchors, or None for a file without them (an imported transcript, or
    one the app recorded before recording positions)."""
    if raw is None:
        return None
    if not isinstance(raw, list):
        raise ValueError("'clock' is not a list of [position, session second]")
    anchors = []
    for pair in raw:
        if not isinstance(pair, list) or len(pair) != 2:
            raise ValueError("a 'clock' anchor is not [position, session second]")
        anchors.append((_number(pair[0], "clock position"), _number(pair[1], "clock second")))
    return RecordingClock(tuple(anchors))


def transcript_from_json(data: Any) -> Transcript:
    """Read the on-disk shape back; ValueError says what is wrong."""
    if not isinstance(data, dict) or data.get("format") != TRANSCRIPT_FORMAT_VERSION:
        raise ValueError(f"not a transcript file of format {TRANSCRIPT_FORMAT_VERSION}")
    segments: list[Segment] = []
    for i, raw in enumerate(data.get("segments") or [], start=1):
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            raise ValueError(f"segment {i} is not an object with text")
        end = raw.get("end")
        words = tuple(
            Word(_number(w[0], "word start"), _number(w[1], "word end"), str(w[2]))
            for w in raw.get("words") or []
        )
        segments.append(
            Segment(
                start=_number(raw.get("start"), f"segment {i} start"),
                end=None if end is None else _number(end, f"segment {i} end"),
                text=raw["text"],
                speaker=raw.get("speaker") if isinstance(raw.get("speaker"), str) else None,
                words=words,
            )
        )
    moves: dict[int, Target] = {}
    for raw in data.get("moves") or []:
        number = raw.get("segment")
        if not isinstance(number, int) or not 1 <= number <= len(segments):
            raise ValueError(f"a move names segment {number!r}, which does not exist")
        moves[number] = Target(raw.get("question"), raw.get("code"))
    speakers = data.get("speakers") or {}
    if not isinstance(speakers, dict):
        raise ValueError("'speakers' is not a mapping")
    return Transcript(
        session_id=str(data.get("session_id", "")),
        segments=segments,
        source_name=str(data.get("source_name", "")),
        source_format=str(data.get("source_format", "")),
        imported_at=str(data.get("imported_at", "")),
        offset=_number(data.get("offset", 0.0), "offset"),
        recording_start=data.get("recording_start"),
        speakers={str(k): str(v) for k, v in speakers.items()},
        moves=moves,
        clock=_clock(data.get("clock")),
    )


class TranscriptStore:
    """Load and save the transcript of a session in the data folder."""

    def __init__(self, data_dir: str | Path | None = None) -> None:
        self.data_dir = paths.data_dir(data_dir)

    @property
    def folder(self) -> Path:
        """``<data dir>/transcripts`` (not created until something is saved)."""
        return self.data_dir / FOLDER

    def path(self, session_id: str) -> Path:
        """File of a session's transcript; refuses ids that could escape the folder."""
        if not _SAFE_ID.match(session_id):
            raise TranscriptError("store.error.bad_id", id=session_id)
        return self.folder / f"{session_id}.json"

    def exists(self, session_id: str) -> bool:
        """True when the session has a stored transcript."""
        return self.path(session_id).is_file()

    def load(self, session_id: str) -> Transcript:
        """The stored transcript; TranscriptError when absent or damaged."""
        path = self.path(session_id)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise TranscriptError("transcript.error.none_stored", id=session_id) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise TranscriptError("transcript.error.unreadable", path=path, error=exc) from exc
        try:
            return transcript_from_json(json.loads(text))
        except (ValueError, TypeError, IndexError, AttributeError) as exc:
            raise TranscriptError("transcript.error.damaged", path=path, error=exc) from exc

    def save(self, transcript: Transcript) -> Path:
        """Write atomically (0600 in a 0700 folder) and return the path."""
        path = self.path(transcript.session_id)
        paths.ensure_private_dir(self.folder)
        payload = json.dumps(transcript_to_json(transcript), ensure_ascii=False, indent=1)
        atomic_write_bytes(path, payload.encode("utf-8"))
        return path
