"""A full disk while recording: the writer raises a keyed error, what was written before
stays playable after ``recover``, and writing resumes by itself once space comes back (the
caller just keeps calling ``write``), with the lost stretch marked by a new span.

Once with a fake ``os.pwrite`` (runs everywhere), once on a real, small tmpfs that is
filled up and freed again (skipped with the reason where mounting is not permitted).
"""

from __future__ import annotations

import errno
import os
import shutil
import wave
from pathlib import Path

import pytest

from interviewer.recording import BYTES_PER_SECOND, RecordingError, RecordingWriter, recover
from interviewer.recording.timemap import Span, load_map
from interviewer.recording.writer import HEADER_SIZE
from tests.recording.audio import frames_of, sine
from tests.tui.small_disk import free_bytes, small_disk

SID = "f0f1f2f3f4"
FRAME = BYTES_PER_SECOND // 10


class FakeDisk:
    """``os.pwrite`` on a disk with room for ``room`` bytes of audio past the header: the
    write that crosses it is cut short (as the kernel does), the next fails with ENOSPC."""

    def __init__(self, room: int) -> None:
        self.room = room
        self.real = os.pwrite
        self.refused = 0

    def pwrite(self, fd: int, data: bytes | memoryview, offset: int) -> int:
        if offset < HEADER_SIZE:  # the header's size fields: blocks already there
            return self.real(fd, data, offset)
        space = HEADER_SIZE + self.room - offset
        if space <= 0:
            self.refused += 1
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.real(fd, bytes(data)[:space], offset)


def playable(path: Path) -> bytes:
    """The audio of ``path`` as an ordinary player reads it (every frame the header says)."""
    with wave.open(str(path), "rb") as wav:
        frames = wav.getnframes()
        data = wav.readframes(frames)
    assert len(data) == 2 * frames
    return data


def test_a_full_disk_keeps_what_was_written_and_writing_resumes_when_space_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pcm = sine(4.0, 330)
    frames = frames_of(pcm)
    # room for 1.55 s: the 16th frame is written in part, then the disk is full
    disk = FakeDisk(room=int(1.55 * BYTES_PER_SECOND))
    monkeypatch.setattr(os, "pwrite", disk.pwrite)
    writer = RecordingWriter(tmp_path, SID, session_start=100.0)
    lost = []
    for frame in frames[:25]:
        try:
            writer.write(frame)
        except RecordingError as exc:
            assert "could not be written" in str(exc) and "stays playable" in str(exc)
            lost.append(frame)
    assert len(lost) == 10 and lost[0] is frames[15]  # the half-written frame counts as lost
    assert writer.data_bytes == 15 * FRAME  # its written half was cut off again
    assert os.path.getsize(writer.path) == HEADER_SIZE + 15 * FRAME

    crashed = tmp_path / "crashed.wav"  # a kill -9 now, while the disk is full
    shutil.copyfile(writer.path, crashed)
    assert playable(crashed) == pcm[: 1 * BYTES_PER_SECOND]  # up to the last flush
    recover(crashed)
    assert playable(crashed) == pcm[: 15 * FRAME]  # all that was written, no half frame

    disk.room = 10 * BYTES_PER_SECOND  # space comes back: the same calls write again
    for frame in frames[25:]:
        writer.write(frame)
    writer.close()
    assert playable(writer.path) == pcm[: 15 * FRAME] + pcm[25 * FRAME :]
    # the lost second is a gap on the interview clock, not a shift of what follows
    time_map = load_map(writer.path)
    assert time_map is not None
    assert time_map.spans == [Span(0.0, 0.0), Span(1.5, 2.5)]
    assert time_map.to_session(1.5) == pytest.approx(102.5)
    assert time_map.to_session(3.0) == pytest.approx(104.0)


def test_a_failure_while_starting_a_span_is_retried_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk at the very first frame (after a pause too): nothing half-made stays, and
    the span list holds only spans that have audio."""
    disk = FakeDisk(room=0)
    monkeypatch.setattr(os, "pwrite", disk.pwrite)
    writer = RecordingWriter(tmp_path, SID, session_start=0.0)
    frames = frames_of(sine(1.0))
    for frame in frames[:3]:
        with pytest.raises(RecordingError):
            writer.write(frame)
    disk.room = BYTES_PER_SECOND
    for frame in frames[3:]:
        writer.write(frame)
    writer.close()
    assert writer.spans == [Span(0.0, 0.3)]
    assert playable(writer.path) == b"".join(f.data for f in frames[3:])


def test_on_a_real_full_disk_recording_survives_and_resumes(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "256k") as disk:
        if isinstance(disk, str):
            pytest.skip(disk)
        ballast = disk / "tmp" / "ballast.bin"
        ballast.write_bytes(bytes(64 * 1024))  # freed later: the space that comes back
        # leave the recording about 3 s of room (and a little for its header and companion)
        taken = max(free_bytes(disk) - 3 * BYTES_PER_SECOND - 12 * 1024, 0)
        (disk / "tmp" / "taken.bin").write_bytes(bytes(taken))
        frames = frames_of(sine(12.0, 250))
        writer = RecordingWriter(disk / "data", SID, session_start=0.0)
        written: list[bytes] = []
        failed_at = None
        for index, frame in enumerate(frames):
            try:
                writer.write(frame)
            except RecordingError as exc:
                assert "No space left" in str(exc)
                failed_at = index
                break
            written.append(frame.data)
        assert failed_at is not None, "the disk filled up"
        assert 2.0 <= writer.seconds <= 4.0
        crashed = tmp_path / "crashed.wav"  # a kill -9 now: the file as it is on disk
        shutil.copyfile(writer.path, crashed)
        recover(crashed)
        assert playable(crashed) == b"".join(written)
        with pytest.raises(RecordingError):  # still full: the caller's retry fails again
            writer.write(frames[failed_at + 1])
        ballast.unlink()  # space comes back: 64 kB, 1.5 s of audio is written again
        resumed = frames[failed_at + 2 : failed_at + 17]
        for frame in resumed:
            writer.write(frame)
        writer.close()
        after = b"".join(f.data for f in resumed)
        assert playable(writer.path) == b"".join(written) + after
        time_map = load_map(writer.path)
        assert time_map is not None and len(time_map.spans) == 2
        assert time_map.spans[1].source_offset == pytest.approx(frames[failed_at + 2].offset)
