"""Where frames come from: a WAV file played as if live, or the microphone.

Both deliver the same ``Frame`` objects (16 kHz mono int16, 0.1 s each) to a callback on
their own thread, so everything from the frames onwards (writer, level meter, transcriber)
runs the same code whether an interview is recorded or replayed from a file
(``--audio-input``, and the tests).
"""

from __future__ import annotations

import threading
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from interviewer.recording.frames import (
    FRAME_SAMPLES,
    SAMPLE_RATE,
    SAMPLE_WIDTH,
    AudioUnavailable,
    Frame,
    FrameCallback,
    RecordingError,
)


class AudioSource(Protocol):
    """Anything that delivers frames: ``start`` returns at once and calls ``on_frame`` from
    another thread with consecutive frames whose ``offset`` counts seconds of audio since the
    start; ``stop`` ends the delivery (no frame arrives after it returns); ``join`` waits for
    a source that ends by itself (a file) to finish."""

    def start(self, on_frame: FrameCallback) -> None: ...

    def stop(self) -> None: ...

    def join(self, timeout: float | None = None) -> bool: ...


# --- a WAV file, as if from a microphone ------------------------------------------------------

SOX_HINT = "sox in.wav -r 16000 -c 1 -b 16 out.wav"
MAX_INPUT_SECONDS = 14_400
"""The longest WAV ``--audio-input`` plays in (4 hours, past any interview): the file is
read into memory before the interview starts, so a wrong file (a day-long recording, a
disk image renamed .wav) is one line, not a laptop out of memory."""


def read_wav_as_pcm16(path: Path) -> bytes:
    """The audio of a WAV file as 16 kHz mono int16 PCM.

    16 kHz mono 16-bit files are read as they are with the standard library; any other
    rate, channel count or 8/24/32-bit width is downmixed and resampled (linear
    interpolation, enough for speech) with numpy. What ``wave`` cannot read (float or
    compressed WAV, not a WAV at all) is one keyed line suggesting ``sox``.
    """
    try:
        with wave.open(str(path), "rb") as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            if rate >= 1 and wav.getnframes() / rate > MAX_INPUT_SECONDS:
                raise RecordingError(
                    "recording.input_too_long",
                    path=str(path),
                    hours=f"{wav.getnframes() / rate / 3600:.1f}",
                    most=f"{MAX_INPUT_SECONDS / 3600:g}",
                )
            raw = wav.readframes(wav.getnframes())
    except FileNotFoundError:
        raise RecordingError("recording.no_such_file", path=str(path)) from None
    except (wave.Error, EOFError, OSError) as exc:
        raise RecordingError(
            "recording.bad_wav",
            path=str(path),
            reason=str(exc) or type(exc).__name__,
            hint=SOX_HINT,
        ) from None
    if (channels, width, rate) == (1, SAMPLE_WIDTH, SAMPLE_RATE):
        return raw[: len(raw) - len(raw) % SAMPLE_WIDTH]
    if width not in (1, 2, 3, 4) or channels < 1 or rate < 1:
        raise RecordingError(
            "recording.bad_wav", path=str(path), reason=f"{width * 8}-bit", hint=SOX_HINT
        )
    return _convert(raw, channels, width, rate)


def _convert(raw: bytes, channels: int, width: int, rate: int) -> bytes:
    """Downmix and resample PCM to 16 kHz mono int16 (numpy: matplotlib's dependency)."""
    import numpy as np

    usable = len(raw) - len(raw) % (width * channels)
    data = np.frombuffer(raw[:usable], dtype=np.uint8)
    if width == 1:  # 8-bit WAV is unsigned
        values = data.astype(np.float64) - 128.0
        scale = 128.0
    elif width == 3:  # 24-bit: sign-extend three bytes into an int32
        triples = data.reshape(-1, 3).astype(np.int32)
        ints = triples[:, 0] | (triples[:, 1] << 8) | (triples[:, 2] << 16)
        values = np.where(ints >= 1 << 23, ints - (1 << 24), ints).astype(np.float64)
        scale = float(1 << 23)
    else:
        dtype = np.dtype("<i2") if width == 2 else np.dtype("<i4")
        values = np.frombuffer(raw[:usable], dtype=dtype).astype(np.float64)
        scale = float(1 << (8 * width - 1))
    mono = values.reshape(-1, channels).mean(axis=1) / scale
    if rate != SAMPLE_RATE and len(mono):
        count = round(len(mono) * SAMPLE_RATE / rate)
        mono = np.interp(np.arange(count) * (rate / SAMPLE_RATE), np.arange(len(mono)), mono)
    pcm = np.clip(np.round(mono * 32768.0), -32768, 32767).astype("<i2")
    return pcm.tobytes()


class FileSource:
    """Plays a WAV file into the recorder as if it came from the microphone.

    With ``realtime`` (the default) each 0.1 s frame is delivered when its time has come, so
    the interview, the clock and the transcriber see the pace of a live recording; without
    it the frames come as fast as the callback takes them (tests, batch use). ``clock`` and
    ``sleep`` are injectable for tests (by default the wait is on the stop event, so ``stop``
    ends it at once). The file is read and converted in the constructor,
    so a bad file is an error before the interview starts.
    """

    def __init__(
        self,
        path: str | Path,
        realtime: bool = True,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.realtime = realtime
        self.pcm = read_wav_as_pcm16(self.path)
        self._clock = clock
        self._sleep = sleep
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.error: BaseException | None = None
        """An exception the callback raised on the source's thread (delivery then stops)."""

    @property
    def duration(self) -> float:
        """Seconds of audio in the file."""
        return len(self.pcm) / (SAMPLE_RATE * SAMPLE_WIDTH)

    def frames(self) -> list[Frame]:
        """Every frame of the file, in order (the last one may be shorter)."""
        step = FRAME_SAMPLES * SAMPLE_WIDTH
        return [
            Frame(self.pcm[at : at + step], at / (SAMPLE_RATE * SAMPLE_WIDTH))
            for at in range(0, len(self.pcm), step)
        ]

    def run(self, on_frame: FrameCallback) -> None:
        """Deliver every frame on this thread (``start`` runs this on a new one); returns at
        the end of the file or when ``stop`` was called."""
        started = self._clock()
        for frame in self.frames():
            if self.realtime:  # a frame is delivered once it has been "spoken" in full
                wait = started + frame.end - self._clock()
                if wait > 0:
                    if self._sleep is None:
                        self._stop.wait(wait)
                    else:
                        self._sleep(wait)
            if self._stop.is_set():
                return
            on_frame(frame)

    def start(self, on_frame: FrameCallback) -> None:
        if self._thread is not None:
            raise RuntimeError("FileSource.start called twice")

        def deliver() -> None:
            try:
                self.run(on_frame)
            except BaseException as exc:  # kept for the caller: a thread cannot raise to it
                self.error = exc

        self._thread = threading.Thread(target=deliver, name="audio-file", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the end of the file; True when delivery has finished."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()


# --- the microphone ---------------------------------------------------------------------------


def sounddevice_module() -> ModuleType:
    """``sounddevice``, imported only when recording: it is the optional ``record`` extra and
    loads the system's PortAudio on import. Missing either is one keyed line saying what to
    install, never a traceback."""
    try:
        import sounddevice
    except ImportError:
        raise AudioUnavailable("recording.no_sounddevice") from None
    except OSError as exc:  # sounddevice raises OSError when libportaudio is not found
        raise AudioUnavailable("recording.no_portaudio", reason=str(exc)) from None
    return sounddevice


@dataclass(frozen=True)
class InputDevice:
    """A device that can record: what ``interviewer audio devices`` lists and
    ``--audio-device`` accepts (the index or the name)."""

    index: int
    name: str
    channels: int
    samplerate: float
    default: bool


def list_input_devices() -> list[InputDevice]:
    """The devices with at least one input channel, the system's default marked."""
    sd = sounddevice_module()
    try:
        devices = list(sd.query_devices())
        default_in = _default_input(sd)
    except Exception as exc:  # PortAudioError and friends: one line
        raise AudioUnavailable("recording.devices_failed", reason=str(exc)) from None
    found = []
    for index, info in enumerate(devices):
        channels = int(info.get("max_input_channels", 0))
        if channels < 1:
            continue
        found.append(
            InputDevice(
                index=int(info.get("index", index)),
                name=str(info.get("name", "")),
                channels=channels,
                samplerate=float(info.get("default_samplerate", 0.0)),
                default=int(info.get("index", index)) == default_in,
            )
        )
    return found


def _default_input(sd: Any) -> int:
    device = sd.default.device
    try:
        return int(device[0])
    except (TypeError, IndexError, ValueError):
        try:
            return int(device)
        except (TypeError, ValueError):
            return -1


class MicrophoneSource:
    """Records from a microphone through ``sounddevice`` (PortAudio), asking the device for
    16 kHz mono int16 directly in 0.1 s blocks (PortAudio resamples where the hardware does
    not offer 16 kHz).

    ``device`` is an index, a (part of a) name, or None for the system's default. The
    callback runs on PortAudio's audio thread: it must return quickly (the writer does: a
    buffered ``write`` and, once a second, a header update and ``fsync``). Offsets count
    the samples delivered, so they follow the audio, not the wall clock.
    """

    def __init__(self, device: int | str | None = None) -> None:
        self.device = int(device) if isinstance(device, str) and device.isdigit() else device
        self._sd = sounddevice_module()
        self._stream: Any = None
        self._samples = 0
        self._lock = threading.Lock()
        self.overflows = 0
        """Blocks PortAudio reported as overflowed (audio lost before it reached us)."""
        self.error: BaseException | None = None

    def start(self, on_frame: FrameCallback) -> None:
        def callback(indata: Any, frames: int, _time: Any, status: Any) -> None:
            if status and getattr(status, "input_overflow", False):
                self.overflows += 1
            data = bytes(indata)
            with self._lock:
                frame = Frame(data, self._samples / SAMPLE_RATE)
                self._samples += len(data) // SAMPLE_WIDTH
            try:
                on_frame(frame)
            except BaseException as exc:  # kept for the caller: PortAudio's thread ignores it
                self.error = exc
                raise self._sd.CallbackAbort from exc

        try:
            self._stream = self._sd.RawInputStream(
                samplerate=SAMPLE_RATE,
                blocksize=FRAME_SAMPLES,
                device=self.device,
                channels=1,
                dtype="int16",
                callback=callback,
            )
            self._stream.start()
        except Exception as exc:  # PortAudioError, ValueError for an unknown device name
            self._stream = None
            raise AudioUnavailable(
                "recording.device_failed",
                device="default" if self.device is None else str(self.device),
                reason=str(exc),
            ) from None

    def stop(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.stop()
            stream.close()

    def join(self, timeout: float | None = None) -> bool:
        """A microphone never ends by itself: True once stopped."""
        return self._stream is None
