"""Recording the interview: audio frames from a source, written to disk as they come.

The pieces, all free of Textual (the TUI and the transcriber build on them):

- ``frames``: the one audio format everything after the source speaks (16 kHz mono signed
  16-bit little-endian PCM, as ``Frame`` objects with their offset in seconds), the level
  meter's ``level_dbfs``, and the keyed errors.
- ``source``: ``AudioSource``, the protocol of anything delivering frames to a callback;
  ``FileSource`` plays a WAV file in (optionally real) time as if it came from a microphone
  (``--audio-input``), ``MicrophoneSource`` reads the microphone through the optional
  ``sounddevice`` package, and ``list_input_devices`` lists what can be recorded from.
- ``writer``: ``RecordingWriter`` writes the frames to
  ``<data_dir>/recordings/<session_id>/<n>.wav`` (folder 0700, file 0600), keeping the WAV
  header true at every flush so a crash leaves a playable file; ``recover`` repairs the
  last second after a ``kill -9`` from the file's length.

A typical wiring (what the interview screen does)::

    writer = RecordingWriter(data_dir, session.id)
    source = MicrophoneSource(device=None)     # or FileSource("interview.wav")
    source.start(writer.write)                 # frames arrive on the source's thread
    ...
    writer.pause(); writer.resume()            # f5; paused time is not in the file
    source.stop(); writer.close()
"""

from __future__ import annotations

from interviewer.recording.frames import (
    BYTES_PER_SECOND,
    FRAME_SAMPLES,
    SAMPLE_RATE,
    SAMPLE_WIDTH,
    AudioUnavailable,
    Frame,
    FrameCallback,
    RecordingError,
    level_dbfs,
)
from interviewer.recording.source import (
    AudioSource,
    FileSource,
    InputDevice,
    MicrophoneSource,
    list_input_devices,
)
from interviewer.recording.writer import (
    RecordingWriter,
    Recovery,
    recordings_folder,
    recover,
    recover_session,
)

__all__ = [
    "BYTES_PER_SECOND",
    "FRAME_SAMPLES",
    "SAMPLE_RATE",
    "SAMPLE_WIDTH",
    "AudioSource",
    "AudioUnavailable",
    "FileSource",
    "Frame",
    "FrameCallback",
    "InputDevice",
    "MicrophoneSource",
    "RecordingError",
    "RecordingWriter",
    "Recovery",
    "level_dbfs",
    "list_input_devices",
    "recordings_folder",
    "recover",
    "recover_session",
]
