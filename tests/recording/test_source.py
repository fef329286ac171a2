"""FileSource (a WAV played as if live) and MicrophoneSource without a microphone: a fake
``sounddevice`` module, and the one line when the package or PortAudio is missing."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

from interviewer.recording import (
    FRAME_SAMPLES,
    SAMPLE_RATE,
    AudioUnavailable,
    FileSource,
    Frame,
    MicrophoneSource,
    RecordingError,
    RecordingWriter,
    list_input_devices,
)
from tests.recording.audio import read_wav, silence, sine, write_wav


class FakeClock:
    """A clock that only moves when the source sleeps: real-time pacing without waiting."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_frames_are_consecutive_with_their_offsets(tmp_path: Path) -> None:
    pcm = sine(1.0) + silence(0.25)
    source = FileSource(write_wav(tmp_path / "in.wav", pcm), realtime=False)
    got: list[Frame] = []
    source.start(got.append)
    assert source.join(5)
    assert source.error is None
    assert [f.offset for f in got] == pytest.approx([i / 10 for i in range(13)])
    assert [f.samples for f in got] == [FRAME_SAMPLES] * 12 + [800]
    assert b"".join(f.data for f in got) == pcm
    assert source.duration == pytest.approx(1.25)


def test_realtime_delivers_each_frame_when_it_has_been_spoken(tmp_path: Path) -> None:
    clock = FakeClock()
    source = FileSource(write_wav(tmp_path / "in.wav", sine(0.5)), clock=clock, sleep=clock.sleep)
    delivered: list[tuple[float, float]] = []
    source.run(lambda frame: delivered.append((frame.end, clock.now - 100.0)))
    assert [at for _, at in delivered] == pytest.approx([end for end, _ in delivered])
    assert clock.sleeps == pytest.approx([0.1] * 5)


def test_realtime_false_never_waits(tmp_path: Path) -> None:
    clock = FakeClock()
    source = FileSource(
        write_wav(tmp_path / "in.wav", sine(0.5)), realtime=False, clock=clock, sleep=clock.sleep
    )
    source.run(lambda frame: None)
    assert clock.sleeps == []


def test_stop_ends_a_realtime_file_at_once(tmp_path: Path) -> None:
    source = FileSource(write_wav(tmp_path / "in.wav", silence(30.0)))
    got: list[Frame] = []
    source.start(got.append)
    source.stop()
    assert source.join(1)
    assert len(got) < 5


def test_a_file_played_into_the_writer_is_the_recording(tmp_path: Path) -> None:
    pcm = sine(2.0, 330)
    writer = RecordingWriter(tmp_path / "data", "s1")
    source = FileSource(write_wav(tmp_path / "in.wav", pcm), realtime=False)
    source.start(writer.write)
    source.join(5)
    writer.close()
    assert read_wav(writer.path)[1] == pcm


def test_stereo_44k_is_downmixed_and_resampled(tmp_path: Path) -> None:
    left = sine(1.0, 440, rate=44_100)
    stereo = b"".join(left[i : i + 2] * 2 for i in range(0, len(left), 2))
    source = FileSource(write_wav(tmp_path / "in.wav", stereo, rate=44_100, channels=2))
    assert source.duration == pytest.approx(1.0, abs=1e-3)
    expected = sine(1.0, 440)
    got = source.pcm
    assert len(got) == len(expected)
    worst = max(
        abs(int.from_bytes(got[i : i + 2], "little", signed=True)
            - int.from_bytes(expected[i : i + 2], "little", signed=True))
        for i in range(0, len(got), 2)
    )  # fmt: skip
    assert worst < 600  # linear interpolation of a 440 Hz tone: within 2% of full scale


def test_8_bit_and_24_bit_files_are_read(tmp_path: Path) -> None:
    eight = bytes([128, 192, 128, 64] * 4000)  # 16 kHz: 0, +0.5, 0, -0.5
    source = FileSource(write_wav(tmp_path / "8.wav", eight, width=1), realtime=False)
    assert source.pcm[:8] == (0).to_bytes(2, "little") + (16384).to_bytes(2, "little") + (
        0
    ).to_bytes(2, "little") + (-16384).to_bytes(2, "little", signed=True)
    half = (1 << 22).to_bytes(3, "little")
    minus = (-(1 << 22)).to_bytes(3, "little", signed=True)
    source = FileSource(write_wav(tmp_path / "24.wav", (half + minus) * 800, width=3))
    assert source.pcm[:4] == (16384).to_bytes(2, "little") + (-16384).to_bytes(
        2, "little", signed=True
    )


def test_a_file_that_is_not_a_wav_is_one_line_naming_sox(tmp_path: Path) -> None:
    bad = tmp_path / "notes.wav"
    bad.write_text("these are notes, not audio")
    with pytest.raises(RecordingError) as caught:
        FileSource(bad)
    message = str(caught.value)
    assert "\n" not in message
    assert "notes.wav" in message
    assert "sox in.wav -r 16000 -c 1 -b 16 out.wav" in message
    with pytest.raises(RecordingError, match="No such audio file"):
        FileSource(tmp_path / "missing.wav")


# --- the microphone, without one -------------------------------------------------------------


def test_missing_sounddevice_is_one_line_naming_the_extra_and_portaudio(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # import raises ImportError
    for attempt in (MicrophoneSource, list_input_devices):
        with pytest.raises(AudioUnavailable) as caught:
            attempt()
        message = str(caught.value)
        assert "pip install 'interviewer[record]'" in message
        assert "libportaudio2" in message
        assert "\n" not in message
        assert "opnemen" in caught.value.message("nl").lower()


def test_missing_portaudio_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    class Loader:
        def find_spec(self, name: str, *_args: Any) -> Any:
            if name == "sounddevice":
                raise OSError("PortAudio library not found")
            return None

    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.setattr(sys, "meta_path", [Loader(), *sys.meta_path])
    with pytest.raises(AudioUnavailable) as caught:
        MicrophoneSource()
    message = str(caught.value)
    assert "PortAudio library not found" in message
    assert "libportaudio2" in message and "\n" not in message


def fake_sounddevice(blocks: list[bytes], fail: str | None = None) -> types.ModuleType:
    """A ``sounddevice`` whose stream calls back with ``blocks`` when started."""
    module = types.ModuleType("sounddevice")

    class CallbackAbort(Exception):
        pass

    class RawInputStream:
        def __init__(self, **kwargs: Any) -> None:
            if fail:
                raise ValueError(fail)
            self.kwargs = kwargs
            module.opened = kwargs  # type: ignore[attr-defined]

        def start(self) -> None:
            for block in blocks:
                self.kwargs["callback"](memoryview(block), len(block) // 2, None, None)

        def stop(self) -> None:
            module.stopped = True  # type: ignore[attr-defined]

        def close(self) -> None:
            pass

    module.CallbackAbort = CallbackAbort  # type: ignore[attr-defined]
    module.RawInputStream = RawInputStream  # type: ignore[attr-defined]
    module.default = types.SimpleNamespace(device=[1, 3])  # type: ignore[attr-defined]
    module.query_devices = lambda: [  # type: ignore[attr-defined]
        {"index": 0, "name": "HDMI out", "max_input_channels": 0, "default_samplerate": 48000.0},
        {"index": 1, "name": "USB mic", "max_input_channels": 1, "default_samplerate": 48000.0},
        {"index": 2, "name": "Webcam", "max_input_channels": 2, "default_samplerate": 16000.0},
    ]
    return module


def test_microphone_frames_count_samples_as_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = [sine(0.1), sine(0.1, start=1600), silence(0.05)]
    fake = fake_sounddevice(blocks)
    monkeypatch.setitem(sys.modules, "sounddevice", fake)
    got: list[Frame] = []
    source = MicrophoneSource(device="2")
    source.start(got.append)
    assert fake.opened["samplerate"] == SAMPLE_RATE  # type: ignore[attr-defined]
    assert (fake.opened["channels"], fake.opened["dtype"]) == (1, "int16")  # type: ignore[attr-defined]
    assert fake.opened["device"] == 2  # type: ignore[attr-defined]
    assert [f.offset for f in got] == pytest.approx([0.0, 0.1, 0.2])
    assert b"".join(f.data for f in got) == b"".join(blocks)
    source.stop()
    assert fake.stopped and source.join()  # type: ignore[attr-defined]


def test_a_device_that_cannot_be_opened_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", fake_sounddevice([], "No input device 'X'"))
    with pytest.raises(AudioUnavailable, match=r"microphone \(X\) could not be opened"):
        MicrophoneSource(device="X").start(lambda frame: None)


def test_input_devices_skip_outputs_and_mark_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", fake_sounddevice([]))
    devices = list_input_devices()
    assert [(d.index, d.name, d.channels, d.default) for d in devices] == [
        (1, "USB mic", 1, True),
        (2, "Webcam", 2, False),
    ]


def test_a_file_longer_than_four_hours_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_wav(tmp_path / "day.wav", silence(0.5))
    monkeypatch.setattr("interviewer.recording.source.MAX_INPUT_SECONDS", 0.25)
    with pytest.raises(RecordingError) as caught:
        FileSource(path)
    assert caught.value.message_key == "recording.input_too_long"
    assert "day.wav" in caught.value.message("nl") and "uur" in caught.value.message("nl")
