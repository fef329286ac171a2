"""Speech heard by the app's own recorder, as the session's transcript.

A transcript imported from elsewhere has its own clock and needs an offset. The app's own
recording does not: every second of it is mapped to the interview clock
(``interviewer.recording.timemap``). The transcriber hears in *session seconds*; a segment
is filed and given its speaker in session seconds, and stored at its *recording position*
(seconds into the session's recordings played one after another: where a player finds the
words), with the transcript's ``RecordingClock`` mapping positions back to session seconds
exactly, offset 0 and ``source_format`` ``RECORDED``. Alignment is then exact: a segment
belongs to the question on screen when it was spoken, by the same rule as ``transcript
import`` (``interviewer.transcript.align``), and every time stamp shown (the live strip,
the verbatim view, exports, ``transcript show``) is a place in the audio.

In a group interview, a segment's speaker is the speaker the interviewer marked for the
turn current when the segment began (``alt+1``…``alt+9``, ``alt+0``): the turn of the
question on screen then, whose ``at`` is the latest not after the segment's start. Before
the first marked turn of a question nobody was marked, and the segment has no speaker.
Speaker labels are the participant codes themselves (or ``interviewer``), which
``align.map_speakers`` maps by name.
"""

from __future__ import annotations

import datetime as dt

from interviewer.domain.session import Session, SessionMode
from interviewer.transcript.align import place, question_windows
from interviewer.transcript.model import RecordingClock, Segment, Transcript

RECORDED = "recorded"
"""``Transcript.source_format`` of a transcript made from the app's own recording."""
LIVE_SOURCE = "live"
"""``Transcript.source_name`` while the live transcriber wrote it (``interviewer transcribe
ID`` names the model instead)."""
TURN_LEEWAY = 1.0
"""Seconds a segment may start before its turn was marked and still be that turn's: the
interviewer presses the speaker key just after someone begins to speak."""


def turn_speaker_at(session: Session, question_id: str | None, at: float) -> str | None:
    """The speaker marked for the turn of ``question_id`` current at session second ``at``
    (None in an individual interview, without a question, or before the first turn)."""
    if session.mode is not SessionMode.GROUP or question_id is None:
        return None
    record = session.records.get(question_id)
    if record is None or not record.turns:
        return None
    speaker: str | None = None
    latest = float("-inf")
    for turn in record.turns:
        if latest <= turn.at <= at + TURN_LEEWAY:
            speaker, latest = turn.speaker, turn.at
    return speaker


def heard_segments(
    session: Session, spoken: list[tuple[float, float, str]], clock: RecordingClock | None
) -> list[Segment]:
    """Segments for ``(start, end, text)`` heard in session seconds, with their turn's
    speaker, at their recording positions on ``clock`` (to the millisecond). Without a
    clock (a recording whose files have no time map) the times stay session seconds."""
    windows = question_windows(session)
    starts = [window.start for window in windows]
    segments = []
    for start, end, text in spoken:
        target = place(windows, start, starts).target
        speaker = turn_speaker_at(session, target.question_id, start)
        if clock is not None:
            start, end = round(clock.to_position(start), 3), round(clock.to_position(end), 3)
        segments.append(Segment(start, end, text, speaker))
    return segments


def recorded_transcript(
    session: Session,
    segments: list[Segment],
    clock: RecordingClock | None,
    *,
    source_name: str = LIVE_SOURCE,
) -> Transcript:
    """A transcript of the session's own recording: recording positions on ``clock``,
    offset 0."""
    return Transcript(
        session_id=session.id,
        segments=segments,
        source_name=source_name,
        source_format=RECORDED,
        imported_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        offset=0.0,
        clock=clock,
    )
