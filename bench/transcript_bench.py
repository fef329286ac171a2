"""Reading and aligning a two-hour transcript in every format: prints a table of timings.

A synthetic two-hour group interview (about 2,400 segments, 4 speakers, ~30,000 words)
against a session that visits 3 topics out of order with a pause. Run:
``python bench/transcript_bench.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test fixtures: domain.conftest, ...
sys.path.insert(0, str(ROOT))  # and what they import: tests.conftest, tests.fake_clock

from interviewer.transcript import (  # noqa: E402
    FORMATS,
    align,
    parse_transcript,
    verbatim_source,
)
from interviewer.transcript.service import new_transcript  # noqa: E402
from transcript.conftest import out_of_order_session  # noqa: E402
from transcript.helpers import WRITERS, Line  # noqa: E402

WORDS = [
    "we",
    "overleggen",
    "elke",
    "week",
    "met",
    "het",
    "team",
    "over",
    "de",
    "casussen",
    "en",
    "de",
    "verdeling",
]


def dialogue(seconds: int = 7200, turn: int = 3) -> list[Line]:
    speakers = ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02", "SPEAKER_03"]
    lines = []
    for i, start in enumerate(range(0, seconds, turn)):
        text = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(12)).capitalize() + "."
        lines.append(Line(start, start + turn - 1, speakers[i % 4], text))
    return lines


def best_of(repeats: int, func) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return min(times) * 1000


def main() -> None:
    lines = dialogue()
    session = out_of_order_session(mode="group", participants=["1.1", "1.2", "1.3"])
    words = sum(len(ln.text.split()) for ln in lines)
    print(f"{len(lines)} segments, {words} words, 2 h of speech")
    print(f"{'format':<14}{'bytes':>10}{'parse ms':>10}{'align ms':>10}{'source ms':>11}")
    for fmt in FORMATS:
        writer, name = WRITERS[fmt]
        text = writer(lines)
        result = parse_transcript(text, fmt, name)
        transcript = new_transcript(session, result, source_name=name, offset=0)
        parse_ms = best_of(
            3, lambda text=text, fmt=fmt, name=name: parse_transcript(text, fmt, name)
        )
        align_ms = best_of(3, lambda t=transcript: align(session, t))
        source_ms = best_of(3, lambda t=transcript: verbatim_source(session, t))
        size = len(text.encode())
        print(f"{fmt:<14}{size:>10}{parse_ms:>10.1f}{align_ms:>10.1f}{source_ms:>11.1f}")


if __name__ == "__main__":
    main()
