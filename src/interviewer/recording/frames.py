"""The audio format of the recorder, the level meter, and the recorder's keyed errors.

Everything after the source speaks one format, 16 kHz mono signed 16-bit little-endian
PCM: enough for speech, what Whisper expects, and 32 kB a second (115 MB for an hour), so
no resampling happens after the source and the writer never converts.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections.abc import Callable
from dataclasses import dataclass

from interviewer.i18n.errors import TranslatableError

SAMPLE_RATE = 16_000
"""Samples per second of every frame."""
SAMPLE_WIDTH = 2
"""Bytes per sample (signed 16-bit little-endian)."""
CHANNELS = 1
BYTES_PER_SECOND = SAMPLE_RATE * SAMPLE_WIDTH * CHANNELS
FRAME_SAMPLES = 1_600
"""Samples per frame a source delivers (0.1 s): short enough for a live level meter, long
enough that a Python callback per frame costs nothing."""
SILENCE_DBFS = -120.0
"""The level of digital silence (an RMS of 0 has no logarithm)."""


class RecordingError(TranslatableError):
    """A recording that cannot be written, read or repaired (one line, keyed)."""


class AudioUnavailable(RecordingError):
    """Recording is not possible here: the optional extra, PortAudio or the device is missing.
    The interview runs without recording; the line says what to install."""


@dataclass(frozen=True)
class Frame:
    """A piece of audio and where it starts.

    ``offset`` is in seconds since the source started (its own sample count, so it does not
    drift with the wall clock); after the writer it is the position in the recording file.
    """

    data: bytes
    offset: float

    @property
    def samples(self) -> int:
        return len(self.data) // SAMPLE_WIDTH

    @property
    def duration(self) -> float:
        return self.samples / SAMPLE_RATE

    @property
    def end(self) -> float:
        return self.offset + self.duration


FrameCallback = Callable[[Frame], None]
"""What a source calls with each frame (from its own thread)."""


def samples_of(data: bytes) -> array[int]:
    """The 16-bit samples of little-endian PCM ``data`` (a trailing odd byte is ignored)."""
    values = array("h")
    values.frombytes(data[: len(data) - len(data) % SAMPLE_WIDTH])
    if sys.byteorder == "big":
        values.byteswap()
    return values


def level_dbfs(data: bytes) -> float:
    """The RMS level of ``data`` in dBFS: 0 for a full-scale square wave, about -3 for a
    full-scale sine, ``SILENCE_DBFS`` for digital silence or no data. For the input meter,
    which shows a dead microphone in the first minute instead of after the interview."""
    values = samples_of(data)
    if not values:
        return SILENCE_DBFS
    mean_square = math.fsum(v * v for v in values) / len(values)
    if mean_square <= 0:
        return SILENCE_DBFS
    return max(SILENCE_DBFS, 10 * math.log10(mean_square / (32768.0 * 32768.0)))
