"""The transcript of a recording as data: time-stamped segments, and the errors reading them.

Times are seconds on the *recording* clock (0 = start of the audio file; for the app's own
recording, seconds into the session's recordings played one after another). Lining them up
with the session clock happens in ``interviewer.transcript.align`` through
``Transcript.session_time``: the ``RecordingClock`` when the transcript has one, then the
offset.
"""

from __future__ import annotations

import bisect
import itertools
import math
from dataclasses import dataclass, field

from interviewer.i18n.errors import Phrase, TranslatableError


class TranscriptError(TranslatableError):
    """A transcript cannot be read, stored or aligned; the message is meant for the user.

    Raised with a message key and its values: ``str()`` is English, ``message(lang)`` is
    what the command line and the TUI show.
    """


class TranscriptFormatError(TranscriptError):
    """A transcript file is malformed; names the file and line so it can be fixed by hand.

    ``key`` and ``values`` say what is wrong (``detail`` is that in English); the line shown
    to the user is ``<file>:<line>: <what is wrong>``.
    """

    def __init__(
        self, key: str, *, source: str | None = None, line: int | None = None, **values: object
    ) -> None:
        self.source = source
        self.line = line
        reason = Phrase(key, **values)
        self.detail = str(reason)
        where: object = source or Phrase("transcript.error.the_transcript")
        super().__init__(
            "transcript.error.at_line" if line is not None else "transcript.error.at",
            where=where,
            line=line,
            reason=reason,
        )


@dataclass(frozen=True, slots=True)
class Word:
    """One word with its own times, as Whisper-style tools write them (optional)."""

    start: float
    end: float
    text: str


@dataclass(frozen=True, slots=True)
class Segment:
    """One stretch of speech: recording seconds, the words, and the speaker label if any.

    ``end`` is None only when the source has no end time for the last stretch (a plain-text
    transcript whose last stamp starts the last paragraph). ``speaker`` is the label as the
    file spells it (``SPEAKER_00``, ``Interviewer``, ``1.1``); mapping to participant codes is
    done separately so a wrong guess can be corrected without re-reading the file.
    """

    start: float
    end: float | None
    text: str
    speaker: str | None = None
    words: tuple[Word, ...] = field(default=())

    @property
    def duration(self) -> float:
        """Seconds spoken (0 when the end is unknown)."""
        return max(0.0, (self.end if self.end is not None else self.start) - self.start)


@dataclass(frozen=True, slots=True)
class RecordingClock:
    """Recording position <-> session second, for the app's own recording.

    The recording files leave pauses out (``f5``, recording switched off) and a resumed
    session starts a new file, so a *recording position* (seconds into ``0.wav``, ``1.wav``,
    … played one after another: what a player shows, what an analyst jumps to) drifts from
    the *session second* (wall seconds since the interview clock started, pauses included:
    what the timeline counts). ``anchors`` are ``(position, session second)`` pairs, one per
    stretch recorded without a pause, in recording order; between two anchors time runs 1:1,
    and the last stretch runs on.

    A session second in no stretch (during a pause, or before the recording began) maps to
    the position where recording went on, the next stretch's start, which is also where
    the stretch before it ends: positions have no gaps, so nothing is refused.
    """

    anchors: tuple[tuple[float, float], ...]

    def __post_init__(self) -> None:
        if not self.anchors:
            raise ValueError("a recording clock needs at least one anchor")
        if not all(math.isfinite(v) for anchor in self.anchors for v in anchor):
            raise ValueError("recording clock anchors must be finite numbers")
        for (pos_a, sec_a), (pos_b, sec_b) in itertools.pairwise(self.anchors):
            if pos_b < pos_a or sec_b < sec_a:
                raise ValueError("recording clock anchors out of order")

    def to_session(self, position: float) -> float:
        """The session second at which ``position`` seconds into the recordings was recorded
        (a position before the first anchor counts back from it, 1:1)."""
        positions = [anchor[0] for anchor in self.anchors]
        at, second = self.anchors[max(bisect.bisect_right(positions, position) - 1, 0)]
        return second + (position - at)

    def to_position(self, session_second: float) -> float:
        """The recording position of ``session_second``; a second in no stretch gives the
        next stretch's start (see the class docstring)."""
        seconds = [anchor[1] for anchor in self.anchors]
        index = bisect.bisect_right(seconds, session_second) - 1
        if index < 0:
            return self.anchors[0][0]
        at, second = self.anchors[index]
        elapsed = session_second - second
        if index + 1 < len(self.anchors):
            elapsed = min(elapsed, self.anchors[index + 1][0] - at)
        return at + elapsed


INTERVIEWER = "interviewer"
"""Speaker code of the interviewer in a speaker mapping (participants use their own codes)."""


@dataclass(frozen=True, slots=True)
class Target:
    """Where a segment belongs: a question (with its code) or a code alone.

    ``code`` is a topic id (the variable) or an extra code id; ``question_id`` a topic or
    closing question id, or None when the segment belongs to the variable as a whole (a
    manual move to a variable, a topic entered with no question on screen) or to an extra
    code. Both None only when the protocol has no extra code to put unplaced speech under.
    """

    question_id: str | None
    code: str | None


@dataclass(slots=True)
class Transcript:
    """The verbatim transcript of one session's recording, with everything needed to align it.

    Kept apart from the session (``transcripts/<session_id>.json`` in the data folder):
    the session stays what was typed during the interview; this is what was said.
    ``offset`` = seconds on the recording at session-clock 0 (positive when the recording
    started before the interview clock). ``moves`` are manual placements by segment number
    (1-based) that survive re-alignment. ``speakers`` maps file labels to participant codes
    or ``INTERVIEWER``; labels not in it are guessed (see ``align.map_speakers``).
    ``clock`` (the app's own recording only) maps segment times, which are recording
    positions, to session seconds; see ``session_time``.
    """

    session_id: str
    segments: list[Segment]
    source_name: str = ""
    source_format: str = ""
    imported_at: str = ""
    offset: float = 0.0
    recording_start: str | None = None
    speakers: dict[str, str] = field(default_factory=dict)
    moves: dict[int, Target] = field(default_factory=dict)
    clock: RecordingClock | None = None

    def session_time(self, seconds: float) -> float:
        """The session second of ``seconds`` on this transcript's recording: through the
        clock when there is one, then minus the offset (which the transcript view's nudge
        keys change, with or without a clock)."""
        if self.clock is not None:
            seconds = self.clock.to_session(seconds)
        return seconds - self.offset

    def labels(self) -> list[str]:
        """Speaker labels in the file, in order of first appearance."""
        seen: dict[str, None] = {}
        for segment in self.segments:
            if segment.speaker is not None:
                seen.setdefault(segment.speaker, None)
        return list(seen)
