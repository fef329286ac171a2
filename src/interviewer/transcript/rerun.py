"""Replacing a session's transcript by a new run over its recording, keeping the hand work.

``interviewer transcribe ID`` runs a (larger) model over the whole recording after the
interview and replaces the transcript the live transcriber wrote. The new run cuts speech
into other segments than the old one did, so a move made by hand (``transcript move``, the
transcript screen) cannot be kept by segment number. It is kept by *time* instead: every
new segment that lies for more than half of its own length inside a moved old segment goes
where the interviewer put that old segment. More than half, so a new segment that only
touches the moved one at an edge follows the timeline, and a new segment is never claimed
by two moved ones (two disjoint stretches cannot each hold more than half of it).

The explicit speaker mapping (``speakers``) is kept as it was: the recorded transcript's
labels are the participant codes marked during the interview, the same in both runs.
Pure: loading and saving are the caller's.
"""

from __future__ import annotations

from interviewer.domain.session import Session
from interviewer.transcript.heard import heard_segments, recorded_transcript
from interviewer.transcript.model import RecordingClock, Segment, Target, Transcript

HELD_SHARE = 0.5
"""A new segment follows a moved old one when more than this share of it lies inside it."""


def _span(segment: Segment, transcript: Transcript) -> tuple[float, float]:
    """The segment's stretch in session seconds (no end: a point at its start)."""
    start = transcript.session_time(segment.start)
    end = transcript.session_time(segment.end) if segment.end is not None else start
    return start, max(start, end)


def carry_moves(old: Transcript, new: Transcript) -> dict[int, Target]:
    """The moves of ``old`` for the segments of ``new`` (numbered from 1, as
    ``Transcript.moves``).

    Times are compared in session seconds (``Transcript.session_time``: each transcript's
    own recording clock and offset; a transcript recorded before recording positions has
    session seconds and no clock). A new segment of no length (no end, or end = start)
    counts as inside a moved old segment when its start lies in it; a moved old segment of
    no length holds nothing.
    """
    moved = [
        (*_span(old.segments[number - 1], old), target)
        for number, target in sorted(old.moves.items())
        if 1 <= number <= len(old.segments)
    ]
    carried: dict[int, Target] = {}
    if not moved:
        return carried
    for number, segment in enumerate(new.segments, start=1):
        start, end = _span(segment, new)
        length = end - start
        best: tuple[float, Target] | None = None
        for old_start, old_end, target in moved:
            if old_end <= old_start:
                continue
            if length == 0:
                inside = 1.0 if old_start <= start < old_end else 0.0
            else:
                inside = max(0.0, min(end, old_end) - max(start, old_start)) / length
            if inside > HELD_SHARE and (best is None or inside > best[0]):
                best = (inside, target)
        if best is not None:
            carried[number] = best[1]
    return carried


def rerun_transcript(
    session: Session,
    spoken: list[tuple[float, float, str]],
    clock: RecordingClock | None,
    *,
    source_name: str,
    previous: Transcript | None = None,
) -> Transcript:
    """The session's new recorded transcript from ``(start, end, text)`` in session seconds,
    stored at recording positions on ``clock``, with the group turn speakers, and the moves
    and speaker mapping of ``previous``."""
    transcript = recorded_transcript(
        session, heard_segments(session, spoken, clock), clock, source_name=source_name
    )
    if previous is not None:
        transcript.moves = carry_moves(previous, transcript)
        transcript.speakers = dict(previous.speakers)
    return transcript
