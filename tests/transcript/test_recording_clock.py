"""The recording clock: recording positions <-> session seconds, its storage, and the old
transcripts without one (transcript.model.RecordingClock, transcript.storage,
recording.timemap.recording_clock)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interviewer.recording.timemap import Span, TimeMap, recording_clock
from interviewer.transcript import Segment, Transcript, TranscriptError, TranscriptStore
from interviewer.transcript.model import RecordingClock
from interviewer.transcript.storage import transcript_from_json, transcript_to_json

# 0.wav: 0-10 recorded from session 5, paused, 10-25 from session 40; 1.wav (a resumed
# sitting, after 0.wav's 25 s): 25-30 from session 200
CLOCK = RecordingClock(((0.0, 5.0), (10.0, 40.0), (25.0, 200.0)))


def test_positions_map_to_session_seconds_stretch_by_stretch() -> None:
    assert [CLOCK.to_session(p) for p in (0.0, 9.5, 10.0, 24.0, 25.0, 29.0, 40.0)] == [
        5.0, 14.5, 40.0, 54.0, 200.0, 204.0, 215.0,  # the last stretch runs on
    ]  # fmt: skip
    assert CLOCK.to_session(-1.0) == 4.0  # before the first anchor: back from it, 1:1


def test_session_seconds_map_back_to_positions() -> None:
    for position in (0.0, 3.25, 10.0, 17.5, 25.0, 27.0, 100.0):
        assert CLOCK.to_position(CLOCK.to_session(position)) == position
    assert CLOCK.to_position(14.5) == 9.5


def test_a_second_in_a_pause_maps_to_the_next_stretchs_start() -> None:
    # session 15-40 and 55-200 were not recorded; 0-5 came before the recording
    assert CLOCK.to_position(15.0) == 10.0
    assert CLOCK.to_position(39.9) == 10.0
    assert CLOCK.to_position(100.0) == 25.0
    assert CLOCK.to_position(2.0) == 0.0


def test_a_clock_needs_ordered_finite_anchors() -> None:
    for anchors in ((), ((5.0, 1.0), (2.0, 9.0)), ((0.0, 9.0), (2.0, 1.0)), ((0.0, float("nan")),)):
        with pytest.raises(ValueError):
            RecordingClock(anchors)


def test_the_clock_of_a_sessions_files() -> None:
    first = TimeMap(5.0, [Span(0.0, 0.0), Span(10.0, 35.0), Span(25.0, 60.0)])  # last: empty
    second = TimeMap(200.0, [])  # no span yet: starts at its session_start, as to_session
    unplaced = None
    clock = recording_clock([(first, 25.0), (unplaced, 4.0), (second, None)])
    assert clock is not None
    assert clock.anchors == ((0.0, 5.0), (10.0, 40.0), (29.0, 200.0))
    assert recording_clock([(None, 3.0)]) is None
    # a span that replaced an empty one at the same position: the later one counts
    clock = recording_clock([(TimeMap(0.0, [Span(0.0, 0.0), Span(4.0, 9.0)]), 4.0),
                             (TimeMap(20.0, [Span(0.0, 0.0)]), 2.0)])  # fmt: skip
    assert clock is not None and clock.anchors == ((0.0, 0.0), (4.0, 20.0))


def test_session_time_goes_through_the_clock_then_the_offset() -> None:
    transcript = Transcript("s", [Segment(12.0, 13.0, "a")], clock=CLOCK)
    assert transcript.session_time(12.0) == 42.0
    transcript.offset = 1.5  # the transcript view's nudge still moves everything
    assert transcript.session_time(12.0) == 40.5
    assert Transcript("s", [], offset=2.0).session_time(12.0) == 10.0  # no clock: as before


def test_the_clock_is_stored_with_the_transcript(tmp_path: Path) -> None:
    store = TranscriptStore(tmp_path)
    transcript = Transcript("s1", [Segment(12.0, 13.0, "a")], source_format="recorded",
                            clock=CLOCK)  # fmt: skip
    path = store.save(transcript)
    on_disk = json.loads(path.read_text())
    assert on_disk["clock"] == [[0.0, 5.0], [10.0, 40.0], [25.0, 200.0]]
    assert store.load("s1") == transcript
    imported = Transcript("s2", [Segment(1.0, 2.0, "b")], offset=3.0)
    assert "clock" not in transcript_to_json(imported)


def test_a_file_without_a_clock_still_reads() -> None:
    old = transcript_to_json(Transcript("s1", [Segment(61.0, 62.0, "a")], source_format="recorded"))
    old.pop("clock", None)
    transcript = transcript_from_json(old)
    assert transcript.clock is None and transcript.session_time(61.0) == 61.0


def test_a_damaged_clock_is_reported(tmp_path: Path) -> None:
    store = TranscriptStore(tmp_path)
    path = store.save(Transcript("s1", [], clock=CLOCK))
    for bad in ([[0.0, 5.0], [1.0]], "soon", [[3.0, 1.0], [1.0, 2.0]], []):
        data = json.loads(path.read_text())
        data["clock"] = bad
        path.write_text(json.dumps(data))
        with pytest.raises(TranscriptError):
            store.load("s1")
