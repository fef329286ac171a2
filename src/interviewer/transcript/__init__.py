"""Recording transcripts: read them, line them up with the session timeline, store them.

Public API (pure unless noted): ``read_transcript`` / ``parse_transcript`` (SRT, WebVTT,
Whisper JSON, oTranscribe, stamped text), ``align`` and ``verbatim_blocks`` (which question
each segment belongs to), ``format_stamp`` (MAXQDA ``#00:12:34-5#`` or ``[00:12:34]``),
``TranscriptStore`` (I/O: ``transcripts/<session_id>.json``) and the operations in
``service`` (import, offset, moves). Speech-to-text lives in ``transcribe`` (optional extra).
"""

from interviewer.transcript.align import AlignedSegment, align, map_speakers, question_windows
from interviewer.transcript.model import (
    INTERVIEWER,
    Segment,
    Target,
    Transcript,
    TranscriptError,
    TranscriptFormatError,
    Word,
)
from interviewer.transcript.read import FORMATS, ReadResult, parse_transcript, read_transcript
from interviewer.transcript.stamps import STAMP_STYLES, format_stamp, parse_clock
from interviewer.transcript.storage import TranscriptStore
from interviewer.transcript.verbatim import (
    VerbatimBlock,
    VerbatimSource,
    segment_line,
    speaker_label,
    target_title,
    verbatim_blocks,
    verbatim_source,
)

__all__ = [
    "FORMATS",
    "INTERVIEWER",
    "STAMP_STYLES",
    "AlignedSegment",
    "ReadResult",
    "Segment",
    "Target",
    "Transcript",
    "TranscriptError",
    "TranscriptFormatError",
    "TranscriptStore",
    "VerbatimBlock",
    "VerbatimSource",
    "Word",
    "align",
    "format_stamp",
    "map_speakers",
    "parse_clock",
    "parse_transcript",
    "question_windows",
    "read_transcript",
    "segment_line",
    "speaker_label",
    "target_title",
    "verbatim_blocks",
    "verbatim_source",
]
