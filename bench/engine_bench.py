"""Timing engine and demo generator speed: prints a table.

The TUI asks the engine for a snapshot every second, so a snapshot must stay far below a
frame even for a two-hour group interview with a long timeline. Run:
``python bench/engine_bench.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test fixtures: domain.conftest, ...
sys.path.insert(0, str(ROOT))  # and what they import: tests.conftest, tests.fake_clock

from domain.conftest import build_protocol  # noqa: E402
from interviewer.demo import make_demo  # noqa: E402
from interviewer.domain.recorder import SessionRecorder  # noqa: E402
from interviewer.domain.session import SessionStatus  # noqa: E402
from interviewer.domain.timing import TimingEngine  # noqa: E402

CASES = [("60 min, 1 participant", 60, 1), ("120 min, 3 participants", 120, 3)]


def _ms(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return statistics.median(ordered) * 1e3, p95 * 1e3, ordered[-1] * 1e3


def main() -> None:
    print(
        f"{'session':<26}{'words':>8}{'events':>8}{'demo ms':>9}"
        f"{'snap med':>10}{'snap p95':>10}{'snap max':>10}{'note ms':>9}"
    )
    for label, minutes, participants in CASES:
        protocol = build_protocol(duration_minutes=minutes)
        t0 = time.perf_counter()
        (demo,) = make_demo(
            protocol,
            case="Bench",
            respondents=1,
            minutes=minutes,
            participants=participants,
            seed=1,
        )
        demo_ms = (time.perf_counter() - t0) * 1e3
        session = demo.session
        # measure as if the interview were still running, on its last question
        session.status = SessionStatus.IN_PROGRESS
        session.timeline.pop()
        clock_now = session.started_at.timestamp() + session.timeline[-1].at + 5
        engine = TimingEngine(session, clock=lambda now=clock_now: now)
        samples = []
        for _ in range(200):
            t = time.perf_counter()
            engine.snapshot()
            samples.append(time.perf_counter() - t)
        med, p95, worst = _ms(samples)
        recorder = SessionRecorder(session, clock=lambda now=clock_now: now)
        qid = next(iter(session.records))
        text = session.records[qid].notes
        t = time.perf_counter()
        for i in range(1000):
            recorder.set_notes(qid, text + "x" * (i + 1))
        note_ms = time.perf_counter() - t
        print(
            f"{label:<26}{session.word_count():>8}{len(session.timeline):>8}{demo_ms:>9.1f}"
            f"{med:>10.2f}{p95:>10.2f}{worst:>10.2f}{note_ms:>9.3f}"
        )
    print("note ms = milliseconds per keystroke-sized set_notes call (1000 calls)")


if __name__ == "__main__":
    main()
