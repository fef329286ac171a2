"""Operations on a session's transcript that the CLI and the TUI share.

Import (with offset and speaker mapping), offset changes, and manual moves. Pure: loading
and saving are the caller's (``TranscriptStore``), so the TUI can nudge the offset many
times and save once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.session import Session
from interviewer.i18n.errors import Phrase
from interviewer.transcript.align import closing_target, offset_from_recording_start
from interviewer.transcript.model import INTERVIEWER, Target, Transcript, TranscriptError
from interviewer.transcript.read import ReadResult

MAX_OFFSET = 24 * 3600.0
"""An offset beyond a day is a typo (or minutes given as seconds the wrong way)."""


def parse_recording_start(text: str) -> dt.datetime:
    """An ISO date-time (``2024-03-05T10:02:30``, optional zone); naive = local time."""
    try:
        return dt.datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise TranscriptError("transcript.error.not_datetime", text=text) from exc


def parse_speaker_options(
    options: Iterable[str], session: Session, labels: Iterable[str]
) -> dict[str, str]:
    """``LABEL=CODE`` pairs -> mapping; CODE is 'interviewer' or a participant code."""
    known = list(labels)
    by_lower = {lb.lower(): lb for lb in known}
    codes = session.speaker_codes()
    mapping: dict[str, str] = {}
    for option in options:
        label, sep, code = option.partition("=")
        label, code = label.strip(), code.strip()
        if not sep or not label or not code:
            raise TranscriptError("transcript.error.speaker_form", option=option)
        if label not in known:
            if label.lower() not in by_lower:
                listed: object = ", ".join(known) or Phrase("transcript.error.no_labels")
                raise TranscriptError(
                    "transcript.error.no_such_speaker", option=option, label=label, listed=listed
                )
            label = by_lower[label.lower()]
        if code.lower() == INTERVIEWER:
            code = INTERVIEWER
        elif code not in codes:
            raise TranscriptError(
                "transcript.error.not_participant",
                option=option,
                code=code,
                codes=", ".join(codes),
            )
        mapping[label] = code
    return mapping


def resolve_target(protocol: InterviewProtocol, text: str) -> Target:
    """A move destination from what the user typed.

    Tried in order: a topic question id, a closing question id, a topic id (the variable),
    an extra code id, then a variable or extra code name (case-insensitive).
    """
    wanted = text.strip()
    index = protocol.question_index()
    if wanted in index:
        return Target(wanted, index[wanted][0].id)
    if any(q.id == wanted for q in protocol.closing.questions):
        return closing_target(protocol, wanted)
    names = protocol.code_names()
    if wanted in names:
        return Target(None, wanted)
    for code_id, name in names.items():
        if name.strip().lower() == wanted.lower():
            return Target(None, code_id)
    choices = [*index, *(q.id for q in protocol.closing.questions), *names]
    raise TranscriptError(
        "transcript.error.not_question", wanted=wanted, choices=", ".join(choices)
    )


def new_transcript(
    session: Session,
    result: ReadResult,
    *,
    source_name: str,
    offset: float | None = None,
    recording_start: str | None = None,
    speaker_options: Iterable[str] = (),
    now: dt.datetime | None = None,
) -> Transcript:
    """A transcript for ``session`` from a parsed file; offset given or from the start time."""
    if offset is not None and recording_start is not None:
        raise TranscriptError("transcript.error.offset_or_start")
    start_text: str | None = None
    if recording_start is not None:
        started = parse_recording_start(recording_start)
        offset = offset_from_recording_start(session, started)
        start_text = started.isoformat()
    transcript = Transcript(
        session_id=session.id,
        segments=list(result.segments),
        source_name=source_name,
        source_format=result.format,
        imported_at=(now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        recording_start=start_text,
    )
    set_offset(transcript, offset or 0.0)
    transcript.speakers = parse_speaker_options(speaker_options, session, transcript.labels())
    return transcript


def set_offset(transcript: Transcript, seconds: float) -> None:
    """Change the offset; manual moves stay (they are kept by segment number)."""
    if seconds != seconds or abs(seconds) > MAX_OFFSET:  # NaN or absurd
        raise TranscriptError("transcript.error.offset_implausible", seconds=seconds)
    transcript.offset = float(seconds)


def nudge_offset(transcript: Transcript, delta: float) -> float:
    """Shift the offset by ``delta`` seconds (the TUI's nudge keys); returns the new offset."""
    set_offset(transcript, transcript.offset + delta)
    return transcript.offset


def move_segment(transcript: Transcript, number: int, target: Target) -> None:
    """Put segment ``number`` (1-based) under ``target`` whatever the timeline says."""
    if not 1 <= number <= len(transcript.segments):
        raise TranscriptError(
            "transcript.error.no_segment", number=number, last=len(transcript.segments)
        )
    transcript.moves[number] = target


def unmove_segment(transcript: Transcript, number: int) -> bool:
    """Let segment ``number`` follow the timeline again; True when it had been moved."""
    return transcript.moves.pop(number, None) is not None
