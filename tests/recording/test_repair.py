"""Repairing recordings on resume: a crashed recording is recovered and named in one line, a
damaged one (or a damaged companion) is a warning of its own and never stops the resume,
and ``LiveSession.recover`` (the one place every resume goes through) runs it first."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from interviewer.domain.session_factory import new_session
from interviewer.recording import BYTES_PER_SECOND, RecordingWriter, recordings_folder
from interviewer.recording.repair import repair_recordings
from interviewer.store import SessionStore
from interviewer.tui.live import LiveSession
from tests.recording.audio import frames_of, read_wav, sine
from tests.tui.conftest import FakeClock, build_protocol
from tests.tui.pty_terminal import CTRL_Q, drain, read_until, spawn, stop

SID = "c0c1c2c3c4"


def crashed_recording(data_dir: Path, session_id: str, seconds: float) -> RecordingWriter:
    """A recording whose writer was never closed (a kill -9): the header counts whole
    seconds only. The writer is returned to be closed by the test's end."""
    writer = RecordingWriter(data_dir, session_id, session_start=0.0)
    for frame in frames_of(sine(seconds)):
        writer.write(frame)
    return writer


def closed_recording(data_dir: Path, session_id: str, seconds: float) -> Path:
    with RecordingWriter(data_dir, session_id, session_start=0.0) as writer:
        for frame in frames_of(sine(seconds)):
            writer.write(frame)
    return writer.path


def test_a_crashed_recording_is_repaired_and_named_in_one_line(tmp_path: Path) -> None:
    done = closed_recording(tmp_path, SID, 1.0)
    crashed = crashed_recording(tmp_path, SID, 2.4)
    assert read_wav(crashed.path)[0].nframes * 2 == 2 * BYTES_PER_SECOND  # before: 2.0 s
    repair = repair_recordings(tmp_path, SID)
    assert [r.path for r in repair.checked] == [done, crashed.path]
    assert [r.path for r in repair.repaired] == [crashed.path]
    assert read_wav(crashed.path)[1] == sine(2.4)  # all of it plays now
    assert repair.damaged == ()
    assert repair.lines("en") == [
        "Recording repaired after the interruption, all audio written before it plays "
        "again: 1.wav (2.4 s, 0.4 s recovered)"
    ]
    assert repair.lines("nl") == [
        "Opname hersteld na de onderbreking, alle geluid van daarvoor speelt weer af: "
        "1.wav (2.4 s, 0.4 s teruggehaald)"
    ]
    assert repair_recordings(tmp_path, SID).lines("en") == []  # a second resume: all well
    crashed.close()


def test_a_damaged_recording_is_a_warning_and_the_others_are_still_repaired(
    tmp_path: Path,
) -> None:
    crashed = crashed_recording(tmp_path, SID, 1.5)
    folder = recordings_folder(tmp_path, SID)
    (folder / "1.wav").write_bytes(b"RIFF\x00\x00")  # cut off inside its own header
    broken_map = closed_recording(tmp_path, SID, 0.5).with_suffix(".json")
    broken_map.write_text("{not json", encoding="utf-8")
    repair = repair_recordings(tmp_path, SID)
    assert [r.path.name for r in repair.repaired] == ["0.wav"]
    assert [d.path.name for d in repair.damaged] == ["1.wav", "2.json"]
    lines = repair.lines("en")
    assert len(lines) == 3 and lines[0].startswith("Recording repaired")
    assert lines[1].startswith("Warning: ") and "1.wav is not a recording that can be" in lines[1]
    assert lines[1].endswith("The interview goes on; the other recordings are kept.")
    assert "2.json" in lines[2] and "cannot be read" in lines[2]
    dutch = repair.warning_lines("nl")
    assert all(line.startswith("Let op: ") for line in dutch)
    assert "is geen opname die te herstellen is" in dutch[0]
    crashed.close()


def test_a_session_without_recordings_has_nothing_to_say(tmp_path: Path) -> None:
    repair = repair_recordings(tmp_path, SID)
    assert (repair.checked, repair.damaged, repair.lines("en")) == ((), (), [])


@pytest.fixture
def stored(tmp_path: Path) -> tuple[SessionStore, str, FakeClock]:
    """An interview in progress, saved, then left by a crash (its lock file released)."""
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    session = new_session(build_protocol(), case="Borne", respondent="1.1", clock=clock)
    store.create(session)
    live = LiveSession(store, session, clock=clock).open()
    live.recorder.confirm_consent("opname")
    live.recorder.start()
    clock.advance(30)
    live.close()
    return store, session.id, clock


def test_every_resume_repairs_the_recordings_first(
    stored: tuple[SessionStore, str, FakeClock],
) -> None:
    store, session_id, clock = stored
    crashed = crashed_recording(store.data_dir, session_id, 3.7)
    live = LiveSession(store, store.load(session_id), clock=clock).open()
    try:
        assert live.recording_lines("en") == []  # nothing done before recover
        live.recover()
        assert read_wav(crashed.path)[1] == sine(3.7)
        [line] = live.recording_lines("en")
        assert "0.wav (3.7 s, 0.7 s recovered)" in line
        assert str(live.session.status) != "finished"
    finally:
        live.close()
        crashed.close()


def test_a_damaged_recording_does_not_stop_the_resume(
    stored: tuple[SessionStore, str, FakeClock],
) -> None:
    store, session_id, clock = stored
    folder = recordings_folder(store.data_dir, session_id)
    folder.mkdir(parents=True)
    (folder / "0.wav").write_bytes(b"")  # made, then the power went
    live = LiveSession(store, store.load(session_id), clock=clock).open()
    try:
        live.recover()
        [line] = live.recording_lines("en")
        assert line.startswith("Warning: ") and "0.wav" in line
        live.recorder.resume()  # the interview goes on
        clock.advance(5)
        live.recorder.set_notes("ervaring-1", "verder na de crash")
        assert live.flush() is not None
    finally:
        live.close()
    assert store.load(session_id).records["ervaring-1"].notes == "verder na de crash"


@pytest.mark.skipif(sys.platform == "win32", reason="a pty")
def test_interviewer_resume_says_what_it_repaired_before_the_screen_opens(
    stored: tuple[SessionStore, str, FakeClock],
) -> None:
    store, session_id, _clock = stored
    crashed = crashed_recording(store.data_dir, session_id, 2.5)
    args = ["--data-dir", str(store.data_dir), "--lang", "en", "resume", session_id]
    proc, main = spawn(args)
    try:
        shown = read_until(main, b"0.5 s recovered)", timeout=30)
        assert b"Recording repaired after the interruption" in shown
        assert b"0.wav (2.5 s, 0.5 s recovered)" in shown
        drain(main, 1.0)
        os.write(main, CTRL_Q)
    finally:
        stop(proc, main)
        crashed.close()
    assert read_wav(crashed.path)[1] == sine(2.5)


def test_the_repair_says_until_when_the_recordings_reach(tmp_path: Path) -> None:
    with RecordingWriter(tmp_path, SID, session_start=12.0) as first:
        for frame in frames_of(sine(2.0)):
            first.write(frame)
    crashed = RecordingWriter(tmp_path, SID, session_start=40.0)
    for frame in frames_of(sine(3.5)):
        crashed.write(frame)
    assert repair_recordings(tmp_path, SID).heard_until == pytest.approx(43.5)
    crashed.close()
    assert repair_recordings(tmp_path / "none", SID).heard_until is None


def test_resume_pauses_the_clock_where_the_recording_ends_if_that_is_later(
    stored: tuple[SessionStore, str, FakeClock],
) -> None:
    """Recorded without typing after the start, then killed: the interview ran until the
    recording's end, not until the last keystroke."""
    store, session_id, clock = stored
    with RecordingWriter(store.data_dir, session_id, session_start=0.0) as writer:
        for frame in frames_of(sine(25.0)):
            writer.write(frame)
    clock.advance(600)  # the app was dead for a while
    live = LiveSession(store, store.load(session_id), clock=clock).open()
    try:
        assert live.recover()
        pause = live.session.timeline[-1]
        assert pause.kind.value == "paused" and pause.at == pytest.approx(25.0)
    finally:
        live.close()
