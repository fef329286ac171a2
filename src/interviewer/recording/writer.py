"""Writing the recording as it comes, so a crash loses at most about a second.

The file is a plain 16 kHz mono 16-bit WAV, ``<data_dir>/recordings/<session_id>/<n>.wav``
(the folder 0700, the file 0600; ``n`` counts the recordings of the session: a resumed
interview starts the next file). Every frame is written straight to the file (unbuffered:
a ``kill -9`` of the process loses nothing the OS already has), and about every second of
audio the header's two size fields are rewritten and the file fsynced. So at every moment
the file on disk is a valid WAV that plays up to the last flush in any audio player; after
a power cut the last second may be missing; after a ``kill -9`` the audio after the last
flush is in the file but not yet counted in the header, which ``recover`` (run on
``interviewer resume``) fixes from the file's length.

Pausing (``f5``) writes nothing: the file holds recording time only, and offsets in it are
seconds of recording. ``spans`` says where each stretch of the file started in the source's
time, for whoever maps file time back to interview time (the transcriber, on resume).
"""

from __future__ import annotations

import contextlib
import os
import re
import struct
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from interviewer import paths
from interviewer.domain.codes import SAFE_ID
from interviewer.recording.frames import (
    BYTES_PER_SECOND,
    CHANNELS,
    SAMPLE_RATE,
    SAMPLE_WIDTH,
    SILENCE_DBFS,
    Frame,
    RecordingError,
    level_dbfs,
)
from interviewer.recording.timemap import Span, TimeMap, save_map
from interviewer.store.atomic import fsync_dir

RECORDINGS = "recordings"
"""The folder of the data folder holding one folder of recordings per session."""
HEADER_SIZE = 44
"""A canonical PCM WAV header: RIFF, fmt (16 bytes) and the data chunk's header."""
FLUSH_SECONDS = 1.0
"""Audio written between two header updates and fsyncs: at most this is lost in a crash."""
_NAME = re.compile(r"^(\d+)\.wav$")


def recordings_folder(data_dir: str | os.PathLike[str], session_id: str) -> Path:
    """``<data_dir>/recordings/<session_id>``, whether or not it exists. A session id that
    could leave the folder (a path separator, dots) is refused."""
    if not SAFE_ID.match(session_id):
        raise RecordingError("recording.bad_session_id", id=session_id)
    return Path(data_dir) / RECORDINGS / session_id


def recordings_of(data_dir: str | os.PathLike[str], session_id: str) -> list[Path]:
    """The session's recordings in the order they were made (``0.wav``, ``1.wav``, …)."""
    folder = recordings_folder(data_dir, session_id)
    if not folder.is_dir():
        return []
    found = [(int(m.group(1)), p) for p in folder.iterdir() if (m := _NAME.match(p.name))]
    return [path for _, path in sorted(found)]


def wav_header(data_bytes: int) -> bytes:
    """The 44-byte header of a 16 kHz mono 16-bit PCM WAV holding ``data_bytes`` of audio."""
    return struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + data_bytes,
        b"WAVE",
        b"fmt ",
        16,
        1,  # PCM
        CHANNELS,
        SAMPLE_RATE,
        BYTES_PER_SECOND,
        CHANNELS * SAMPLE_WIDTH,
        8 * SAMPLE_WIDTH,
        b"data",
        data_bytes,
    )


def _write_sizes(fd: int, data_bytes: int) -> None:
    """Rewrite the RIFF and data sizes in place (two 4-byte fields; the rest never changes)."""
    os.pwrite(fd, struct.pack("<I", 36 + data_bytes), 4)
    os.pwrite(fd, struct.pack("<I", data_bytes), 40)


class RecordingWriter:
    """Writes frames to the session's next recording file as they come (thread-safe: the
    source calls ``write`` from its thread, the interface calls ``pause``/``resume``/
    ``level`` from its own).

    ``on_frame`` (optional) receives every frame written, with its offset in the file: the
    transcriber's feed, which thereby skips paused audio just like the file does.
    ``session_start`` (optional) is the interview clock's reading, in session seconds, at
    the source's time 0; given, the writer keeps the file's ``TimeMap`` companion
    (``<n>.json``) current at every new span, so file time maps back to interview time.
    """

    def __init__(
        self,
        data_dir: str | os.PathLike[str],
        session_id: str,
        *,
        flush_seconds: float = FLUSH_SECONDS,
        on_frame: Callable[[Frame], None] | None = None,
        session_start: float | None = None,
    ) -> None:
        folder = paths.ensure_private_dir(recordings_folder(data_dir, session_id))
        self.flush_bytes = max(SAMPLE_WIDTH, int(flush_seconds * BYTES_PER_SECOND))
        self.on_frame = on_frame
        self._lock = threading.Lock()
        self._fd, self.path = self._create(folder)
        self.data_bytes = 0
        """Bytes of audio written to the file (the header counts ``flushed_bytes``)."""
        self.flushed_bytes = 0
        self.flushes = 0
        self.paused = False
        self.closed = False
        self.level = SILENCE_DBFS
        """RMS of the last frame received, in dBFS (updated while paused too: the meter
        shows whether the microphone hears anything)."""
        self.spans: list[Span] = []
        self._new_span = True
        self.time_map = None if session_start is None else TimeMap(session_start, self.spans)
        if self.time_map is not None:
            save_map(self.path, self.time_map)

    @staticmethod
    def _create(folder: Path) -> tuple[int, Path]:
        """Open the next free ``<n>.wav`` exclusively (0600) and write its empty header."""
        taken = [int(m.group(1)) for p in folder.iterdir() if (m := _NAME.match(p.name))]
        number = max(taken, default=-1) + 1
        while True:
            path = folder / f"{number}.wav"
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:  # another writer took it a moment ago
                number += 1
                continue
            break
        try:
            os.fchmod(fd, 0o600)  # the umask cannot widen it, but a 0600 must be exact
            os.write(fd, wav_header(0))
            os.fsync(fd)
            fsync_dir(folder)
        except OSError as exc:
            os.close(fd)
            raise RecordingError(
                "recording.write_failed", path=str(path), reason=str(exc)
            ) from None
        return fd, path

    @property
    def seconds(self) -> float:
        """Seconds of audio in the file so far (recording time, pauses excluded)."""
        return self.data_bytes / BYTES_PER_SECOND

    def write(self, frame: Frame) -> None:
        """Take one frame from the source: measure its level, and unless paused append it
        to the file (and flush when a second has gathered).

        A frame that cannot be written (a full disk) is a ``RecordingError`` and leaves no
        part of itself in the file: what came before stays playable, and the next ``write``
        simply tries again, so recording resumes by itself once space comes back. The
        frames lost in between are not in the file; the first one written after them
        starts a new ``Span``, so file time still maps to the right interview second.
        """
        with self._lock:
            if self.closed:
                return
            self.level = level_dbfs(frame.data)
            if self.paused or not frame.data:
                return
            data = frame.data[: len(frame.data) - len(frame.data) % SAMPLE_WIDTH]
            file_offset = self.data_bytes / BYTES_PER_SECOND
            if self._new_span:
                self._start_span(Span(file_offset, frame.offset))
            self._append(data)
            self._new_span = False
            if self.data_bytes - self.flushed_bytes >= self.flush_bytes:
                self._flush()
        if self.on_frame is not None:
            self.on_frame(Frame(data, file_offset))

    def _start_span(self, span: Span) -> None:
        """Add ``span`` and save the companion. A span at the same place in the file as the
        last one replaces it: that one's audio was never written (a failed write)."""
        if self.spans and self.spans[-1].file_offset == span.file_offset:
            self.spans[-1] = span
        else:
            self.spans.append(span)
        if self.time_map is not None:
            save_map(self.path, self.time_map)

    def _append(self, data: bytes) -> None:
        """Write ``data`` after the audio so far; on failure cut off whatever part of it
        did reach the file, so the next frame follows the last whole one, in a new span."""
        start = self.data_bytes
        view = memoryview(data)
        try:
            while view:
                written = os.pwrite(self._fd, view, HEADER_SIZE + self.data_bytes)
                self.data_bytes += written
                view = view[written:]
        except OSError as exc:  # a full disk: what was flushed stays playable
            self.data_bytes = start
            self._new_span = True  # frames are lost until a write succeeds again
            with contextlib.suppress(OSError):  # freeing blocks works on a full disk too
                os.ftruncate(self._fd, HEADER_SIZE + start)
            raise RecordingError(
                "recording.write_failed", path=str(self.path), reason=str(exc)
            ) from None

    def _flush(self) -> None:
        """Make the header count everything written and put it on disk."""
        try:
            _write_sizes(self._fd, self.data_bytes)
            os.fsync(self._fd)
        except OSError as exc:
            raise RecordingError(
                "recording.write_failed", path=str(self.path), reason=str(exc)
            ) from None
        self.flushed_bytes = self.data_bytes
        self.flushes += 1

    def flush(self) -> None:
        """Flush now (the writer also does every ``flush_seconds`` of audio)."""
        with self._lock:
            if not self.closed:
                self._flush()

    def pause(self) -> None:
        """Stop writing (frames that arrive meanwhile are dropped); flushes first, so a
        crash during a long pause loses nothing."""
        with self._lock:
            if self.closed or self.paused:
                return
            self.paused = True
            self._flush()

    def resume(self) -> None:
        """Write again; the next frame starts a new ``Span``."""
        with self._lock:
            if self.paused:
                self.paused = False
                self._new_span = True

    def close(self) -> None:
        """Flush and close the file (idempotent)."""
        with self._lock:
            if self.closed:
                return
            try:
                self._flush()
            finally:
                self.closed = True
                os.close(self._fd)

    def __enter__(self) -> RecordingWriter:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


# --- after a crash ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Recovery:
    """What ``recover`` found: the seconds the header counted, and the seconds it counts now."""

    path: Path
    before: float
    after: float

    @property
    def repaired(self) -> bool:
        return self.after != self.before


def _data_chunk(head: bytes) -> tuple[int, int]:
    """The offset of the data chunk's size field and of its first byte, walking the chunks
    (our own files have it at 40/44; a file edited elsewhere may carry more chunks)."""
    at = 12
    while at + 8 <= len(head):
        chunk_id, size = struct.unpack_from("<4sI", head, at)
        if chunk_id == b"data":
            return at + 4, at + 8
        at += 8 + size + (size & 1)
    raise ValueError("no data chunk")


@dataclass(frozen=True)
class _Layout:
    """Where a WAV file keeps its audio: the data size field, the first byte of audio, the
    size the header counts, and the file's length."""

    size_at: int
    data_at: int
    counted: int
    length: int


def _layout(file: BinaryIO) -> _Layout:
    """Read the layout of an open WAV file (ValueError: not a WAV file)."""
    head = file.read(4096)
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        raise ValueError("not a WAV file")
    size_at, data_at = _data_chunk(head)
    (counted,) = struct.unpack_from("<I", head, size_at)
    return _Layout(size_at, data_at, counted, os.fstat(file.fileno()).st_size)


@contextlib.contextmanager
def _keyed_errors(path: Path) -> Iterator[None]:
    """The file errors of reading or repairing a recording, as keyed lines."""
    try:
        yield
    except FileNotFoundError:
        raise RecordingError("recording.no_such_file", path=str(path)) from None
    except (ValueError, struct.error, OSError) as exc:
        raise RecordingError("recording.unrecoverable", path=str(path), reason=str(exc)) from None


def audio_seconds(path: str | os.PathLike[str]) -> float:
    """Seconds of audio in a recording file, by its length: what ``recover`` makes the
    header count, so a file's place among the session's recordings (its recording
    positions) is the same before and after a repair. A file that is not a WAV is a keyed
    error."""
    path = Path(path)
    with _keyed_errors(path), open(path, "rb") as file:
        layout = _layout(file)
    return max(0, layout.length - layout.data_at) // SAMPLE_WIDTH / SAMPLE_RATE


def recover(path: str | os.PathLike[str]) -> Recovery:
    """Repair a recording left by a crash: set the header's sizes from the file's length
    (dropping a half sample at the end), so all audio written before the crash plays.

    Harmless on a file that is already right. A file that is not a WAV is a keyed error.
    """
    path = Path(path)
    with _keyed_errors(path), open(path, "r+b") as file:
        layout = _layout(file)
        if layout.length < layout.data_at:
            raise ValueError("no room for audio after the header")
        data_bytes = layout.length - layout.data_at
        data_bytes -= data_bytes % SAMPLE_WIDTH
        if layout.counted != data_bytes or layout.length != layout.data_at + data_bytes:
            file.truncate(layout.data_at + data_bytes)
            file.seek(4)
            file.write(struct.pack("<I", layout.data_at - 8 + data_bytes))
            file.seek(layout.size_at)
            file.write(struct.pack("<I", data_bytes))
            file.flush()
            os.fsync(file.fileno())
    return Recovery(path, layout.counted / BYTES_PER_SECOND, data_bytes / BYTES_PER_SECOND)


def recover_session(data_dir: str | os.PathLike[str], session_id: str) -> list[Recovery]:
    """``recover`` every recording of a session (what ``interviewer resume`` runs first)."""
    return [recover(path) for path in recordings_of(data_dir, session_id)]
