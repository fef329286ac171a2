"""Coverage check speed (issue 10, point 4): what ``f10`` and every ``ctrl+n`` now cost.

``ctrl+n`` asks ``closing_preview`` on every press (a scratch copy of the session takes the
step, so the recorder's own rule decides whether it leaves the topics), and ``f10`` and the
check compute ``coverage_gaps``. Both run on the UI thread, so they must stay far below a
frame. Protocols of 75 to 600 questions come from ``picker_bench.build_protocol`` (the
bundled question texts repeated under numbered topics); the session is the worst case: a
note under every other question (every record copied) and a long timeline.

Run: ``python bench/coverage_bench.py``. Prints median and p95 in milliseconds.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from interviewer.domain.coverage import closing_preview, coverage_gaps, gap_count
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session_factory import new_session
from picker_bench import SIZES, build_protocol

REPEAT = 41


class Clock:
    """A clock that moves a second per reading: every event gets its own moment."""

    def __init__(self) -> None:
        self.now = 1_767_225_600.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def timed(func: Callable[[], object]) -> tuple[float, float]:
    samples = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    samples.sort()
    return statistics.median(samples) * 1e3, samples[int(0.95 * (len(samples) - 1))] * 1e3


def main() -> None:
    print(
        f"{'questions':>9}{'records':>9}{'events':>8}{'gaps':>6}"
        f"{'gaps med':>10}{'gaps p95':>10}{'ctrl+n mid':>12}{'ctrl+n end':>12}  (ms)"
    )
    for size in SIZES:
        protocol = build_protocol(size)
        clock = Clock()
        session = new_session(protocol, case="Borne", respondent="1.1", clock=clock)
        recorder = SessionRecorder(session, clock)
        recorder.start()
        order = [q.id for q in protocol.all_questions()]
        for n, qid in enumerate(order):
            recorder.show_question(qid)
            if n % 2 == 0:
                recorder.set_notes(qid, "Een antwoord van een paar woorden. " * 8)
        gaps = coverage_gaps(session)
        gaps_med, gaps_p95 = timed(lambda s=session: coverage_gaps(s))
        recorder.show_question(order[len(order) // 2])
        mid, _p95 = timed(lambda r=recorder: closing_preview(r))
        recorder.show_question(order[-1])
        end, _p95 = timed(lambda r=recorder: closing_preview(r))
        print(
            f"{size:>9}{len(session.records):>9}{len(session.timeline):>8}{gap_count(gaps):>6}"
            f"{gaps_med:>10.2f}{gaps_p95:>10.2f}{mid:>12.2f}{end:>12.2f}"
        )


if __name__ == "__main__":
    main()
