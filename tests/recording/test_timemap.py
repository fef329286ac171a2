"""TimeMap: file seconds of a recording back to interview seconds, across pauses and crashes."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from interviewer.recording import Frame, RecordingError, RecordingWriter
from interviewer.recording.timemap import Span, TimeMap, load_map, map_path, save_map
from tests.recording.audio import frames_of, sine

SID = "a1b2c3d4e5"


def test_without_spans_file_time_is_source_time() -> None:
    assert TimeMap(12.5).to_session(3.0) == 15.5


def test_each_span_maps_from_its_own_start() -> None:
    time_map = TimeMap(100.0, [Span(0.0, 0.0), Span(10.0, 25.0), Span(12.0, 40.0)])
    assert time_map.to_session(4.0) == 104.0
    assert time_map.to_session(10.0) == 125.0  # the first second after the first pause
    assert time_map.to_session(11.5) == 126.5
    assert time_map.to_session(13.0) == 141.0
    assert time_map.span_ends(20.0) == [(0.0, 10.0), (10.0, 12.0), (12.0, 20.0)]


def test_the_writer_keeps_the_companion_current_at_every_pause(tmp_path: Path) -> None:
    writer = RecordingWriter(tmp_path, SID, session_start=30.0)
    assert load_map(writer.path) == TimeMap(30.0, [])  # there from the first moment
    for frame in frames_of(sine(1.0)):
        writer.write(frame)
    writer.pause()
    for frame in frames_of(sine(2.0), start=1.0):  # spoken during the pause: not written
        writer.write(frame)
    writer.resume()
    for frame in frames_of(sine(1.0), start=3.0):
        writer.write(frame)
    writer.close()
    on_disk = load_map(writer.path)
    assert on_disk == TimeMap(30.0, [Span(0.0, 0.0), Span(1.0, 3.0)])
    assert on_disk is not None
    # the file's second 1.5 was spoken 3.5 s after the source started: session second 33.5
    assert on_disk.to_session(1.5) == pytest.approx(33.5)
    assert stat.S_IMODE(map_path(writer.path).stat().st_mode) == 0o600


def test_a_writer_without_an_interview_clock_writes_no_companion(tmp_path: Path) -> None:
    with RecordingWriter(tmp_path, SID) as writer:
        writer.write(Frame(sine(0.2), 0.0))
    assert load_map(writer.path) is None
    assert not map_path(writer.path).exists()


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"[]", b'{"format": 2}', b'{"format": 1, "session_start": "x", "spans": []}',
     b'{"format": 1, "session_start": 1, "spans": [[2, 0], [1, 0]]}',
     b'{"format": 1, "session_start": 1, "spans": [[1]]}'],
)  # fmt: skip
def test_a_damaged_companion_is_a_keyed_error(tmp_path: Path, content: bytes) -> None:
    wav = tmp_path / "0.wav"
    map_path(wav).write_bytes(content)
    with pytest.raises(RecordingError) as caught:
        load_map(wav)
    assert caught.value.message_key == "recording.bad_map"
    assert "0.json" in str(caught.value)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    time_map = TimeMap(5.25, [Span(0.0, 0.5), Span(7.0, 9.75)])
    save_map(tmp_path / "3.wav", time_map)
    assert load_map(tmp_path / "3.wav") == time_map
