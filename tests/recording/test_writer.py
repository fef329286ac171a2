"""RecordingWriter: frames to a WAV file that stays playable, modes, pause, crash recovery."""

from __future__ import annotations

import os
import random
import shutil
import stat
import threading
from pathlib import Path

import pytest

from interviewer.recording import (
    BYTES_PER_SECOND,
    SAMPLE_RATE,
    Frame,
    RecordingError,
    RecordingWriter,
    level_dbfs,
    recordings_folder,
    recover,
    recover_session,
)
from interviewer.recording.frames import SILENCE_DBFS
from tests.recording.audio import frames_of, read_wav, silence, sine

SID = "a1b2c3d4e5"


def test_frames_become_a_playable_wav_in_the_sessions_folder(tmp_path: Path) -> None:
    pcm = sine(2.5) + silence(0.5)
    with RecordingWriter(tmp_path, SID) as writer:
        for frame in frames_of(pcm):
            writer.write(frame)
    assert writer.path == tmp_path / "recordings" / SID / "0.wav"
    params, data = read_wav(writer.path)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, SAMPLE_RATE)
    assert data == pcm
    assert writer.seconds == pytest.approx(3.0)


def test_folder_is_0700_and_file_0600_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        with RecordingWriter(tmp_path / "data", SID) as writer:
            writer.write(Frame(sine(0.1), 0.0))
    finally:
        os.umask(old)
    assert stat.S_IMODE(writer.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(writer.path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "data" / "recordings").stat().st_mode) == 0o700


def test_each_writer_starts_the_next_file(tmp_path: Path) -> None:
    names = []
    for _ in range(3):
        with RecordingWriter(tmp_path, SID) as writer:
            writer.write(Frame(sine(0.2), 0.0))
        names.append(writer.path.name)
    assert names == ["0.wav", "1.wav", "2.wav"]


def test_the_header_is_rewritten_and_fsynced_about_every_second(tmp_path: Path) -> None:
    writer = RecordingWriter(tmp_path, SID)
    seen = []
    for frame in frames_of(sine(3.45)):
        writer.write(frame)
        params, _ = read_wav(writer.path)  # what a player would see right now
        seen.append(params.nframes)
    # 0.1 s frames: the header moves at 1.0, 2.0 and 3.0 s, and shows whole seconds only
    assert sorted(set(seen)) == [0, SAMPLE_RATE, 2 * SAMPLE_RATE, 3 * SAMPLE_RATE]
    assert writer.flushes == 3
    assert writer.data_bytes == len(sine(3.45))
    writer.close()
    assert read_wav(writer.path)[0].nframes == round(3.45 * SAMPLE_RATE)


def test_pause_writes_nothing_and_offsets_count_recording_time(tmp_path: Path) -> None:
    forwarded: list[Frame] = []
    writer = RecordingWriter(tmp_path, SID, on_frame=forwarded.append)
    first, paused, second = sine(1.0, 300), sine(2.0, 500), sine(1.5, 700)
    for frame in frames_of(first):
        writer.write(frame)
    writer.pause()
    assert writer.paused
    assert read_wav(writer.path)[0].nframes == SAMPLE_RATE  # pause flushes
    for frame in frames_of(paused, start=1.0):
        writer.write(frame)
    assert writer.level > -10  # the meter keeps listening while paused
    writer.resume()
    for frame in frames_of(second, start=3.0):
        writer.write(frame)
    writer.close()
    assert read_wav(writer.path)[1] == first + second
    assert [(s.file_offset, s.source_offset) for s in writer.spans] == [(0.0, 0.0), (1.0, 3.0)]
    assert forwarded[0].offset == 0.0
    assert forwarded[10].offset == pytest.approx(1.0)  # the first frame after the pause
    assert forwarded[-1].end == pytest.approx(2.5)
    assert b"".join(f.data for f in forwarded) == first + second


def test_level_is_the_rms_of_the_last_frame_in_dbfs(tmp_path: Path) -> None:
    assert level_dbfs(sine(0.1, amplitude=1.0)) == pytest.approx(-3.01, abs=0.05)
    assert level_dbfs(sine(0.1, amplitude=0.1)) == pytest.approx(-23.01, abs=0.05)
    assert level_dbfs(silence(0.1)) == SILENCE_DBFS
    assert level_dbfs(b"") == SILENCE_DBFS
    with RecordingWriter(tmp_path, SID) as writer:
        assert writer.level == SILENCE_DBFS
        writer.write(Frame(sine(0.1, amplitude=0.5), 0.0))
        assert writer.level == pytest.approx(-9.03, abs=0.05)
        writer.write(Frame(silence(0.1), 0.1))
        assert writer.level == SILENCE_DBFS


def test_a_crash_leaves_a_playable_file_and_recover_restores_the_rest(tmp_path: Path) -> None:
    pcm = sine(2.35, 220)
    writer = RecordingWriter(tmp_path, SID)
    for frame in frames_of(pcm):
        writer.write(frame)
    # a kill -9 now: the file is copied as it is on disk, the writer never closed
    crashed = tmp_path / "crashed.wav"
    shutil.copyfile(writer.path, crashed)
    params, data = read_wav(crashed)
    assert params.nframes == 2 * SAMPLE_RATE  # playable as it is: up to the last flush
    assert data == pcm[: 2 * BYTES_PER_SECOND]
    result = recover(crashed)
    assert (result.before, result.after, result.repaired) == (2.0, pytest.approx(2.35), True)
    assert read_wav(crashed)[1] == pcm  # the frames after the flush were on disk too
    assert not recover(crashed).repaired  # a second run changes nothing
    writer.close()


def test_recover_drops_a_half_sample_and_refuses_what_is_no_wav(tmp_path: Path) -> None:
    writer = RecordingWriter(tmp_path, SID)
    writer.write(Frame(sine(1.5), 0.0))
    writer.close()
    with writer.path.open("ab") as file:
        file.write(b"\x01")  # a write cut off in the middle of a sample
    assert recover(writer.path).after == pytest.approx(1.5)
    assert read_wav(writer.path)[1] == sine(1.5)
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"not audio at all")
    with pytest.raises(RecordingError, match="not a recording that can be repaired"):
        recover(junk)
    with pytest.raises(RecordingError, match="No such audio file"):
        recover(tmp_path / "missing.wav")


def test_recover_session_repairs_every_recording(tmp_path: Path) -> None:
    writers = [RecordingWriter(tmp_path, SID) for _ in range(2)]
    for writer in writers:
        for frame in frames_of(sine(1.25)):
            writer.write(frame)
    results = recover_session(tmp_path, SID)
    assert [r.path.name for r in results] == ["0.wav", "1.wav"]
    assert all(r.after == pytest.approx(1.25) for r in results)
    assert recover_session(tmp_path, "nosuchsession") == []
    for writer in writers:
        writer.close()


def test_frames_from_another_thread_arrive_whole(tmp_path: Path) -> None:
    pcm = random.Random(16).randbytes(3 * BYTES_PER_SECOND)  # noise: every frame differs
    writer = RecordingWriter(tmp_path, SID)
    feeder = threading.Thread(target=lambda: [writer.write(f) for f in frames_of(pcm)])
    feeder.start()
    for _ in range(20):
        writer.pause()
        writer.resume()
    feeder.join()
    writer.close()
    data = read_wav(writer.path)[1]
    sent = [f.data for f in frames_of(pcm)]
    chunks = [data[at : at + 3200] for at in range(0, len(data), 3200)]
    assert chunks, "frames written"
    # whole frames only, never half of one, in the order they were sent
    indices = [sent.index(chunk) for chunk in chunks]
    assert indices == sorted(set(indices))


def test_a_session_id_that_leaves_the_folder_is_refused(tmp_path: Path) -> None:
    for bad in ("../x", "a/b", "", ".hidden"):
        with pytest.raises(RecordingError, match="Not a session id"):
            recordings_folder(tmp_path, bad)
