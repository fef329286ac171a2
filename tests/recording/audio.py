"""Synthetic audio for the recorder's tests: a sine and silence, made here, no microphone."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

from interviewer.recording import FRAME_SAMPLES, SAMPLE_RATE, Frame


def sine(seconds: float, freq: float = 440.0, amplitude: float = 0.5, rate: int = SAMPLE_RATE,
         start: int = 0) -> bytes:  # fmt: skip
    """``seconds`` of a sine as 16-bit little-endian PCM (``start``: first sample's index)."""
    count = round(seconds * rate)
    peak = amplitude * 32767
    return struct.pack(
        f"<{count}h",
        *(round(peak * math.sin(2 * math.pi * freq * (start + i) / rate)) for i in range(count)),
    )


def silence(seconds: float) -> bytes:
    return bytes(2 * round(seconds * SAMPLE_RATE))


def frames_of(pcm: bytes, start: float = 0.0) -> list[Frame]:
    """``pcm`` cut into 0.1 s frames with offsets from ``start``, as a source delivers them."""
    step = 2 * FRAME_SAMPLES
    return [
        Frame(pcm[at : at + step], start + at / (2 * SAMPLE_RATE))
        for at in range(0, len(pcm), step)
    ]


def write_wav(path: Path, pcm: bytes, rate: int = SAMPLE_RATE, channels: int = 1,
              width: int = 2) -> Path:  # fmt: skip
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(width)
        wav.setframerate(rate)
        wav.writeframes(pcm)
    return path


def read_wav(path: Path) -> tuple[wave._wave_params, bytes]:
    with wave.open(str(path), "rb") as wav:
        return wav.getparams(), wav.readframes(wav.getnframes())
