"""The kill test 1,000 times: SIGKILL a typist at random moments, count what survived.

Each kill is checked as in tests/store/test_kill.py (see tests/store/kill_harness.py): no
temp file after the next start, every session and the key file load, nothing typed more
than THRESHOLD seconds before the kill is missing, nothing saved earlier vanished. Run:
``python bench/kill_bench.py [--kills 1000] [--workers 4] [--delay 0.2] [--window 1.5]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test fixtures: domain.conftest, ...
sys.path.insert(0, str(ROOT))  # and what they import: tests.conftest, tests.fake_clock

from store.kill_harness import run_kills  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--delay", type=float, default=0.2, help="autosave delay (s)")
    parser.add_argument("--threshold", type=float, default=1.0, help="must-survive age (s)")
    parser.add_argument("--window", type=float, default=1.5, help="kill within this many s")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kill-bench-") as folder:
        stats = run_kills(
            Path(folder),
            kills=args.kills,
            workers=args.workers,
            delay=args.delay,
            threshold=args.threshold,
            window=(0.02, args.window),
            seed=args.seed,
        )
    seconds = time.perf_counter() - started
    rows = [
        ("kills (SIGKILL)", stats.kills),
        ("kills that hit a write (temp file left)", stats.temp_files_found),
        ("temp files remaining after next start", stats.temp_files_remaining),
        ("session loads checked", stats.sessions_checked),
        ("unreadable session or key files", stats.unreadable),
        ("words typed", stats.words_typed),
        (f"words typed > {args.threshold:g} s before a kill", stats.words_checked),
        ("  of which missing", stats.words_missing),
        (f"words typed < {args.threshold:g} s before a kill, unsaved", stats.words_lost_recent),
        ("oldest unsaved word at a kill (s)", f"{stats.max_lost_age:.3f}"),
        ("saved words that vanished later", stats.earlier_words_lost),
        ("stale locks taken over", stats.lock_takeovers),
    ]
    print(
        f"kill bench: {args.kills} kills, {args.workers} workers, autosave delay "
        f"{args.delay:g} s, kill within {args.window:g} s, {seconds:.0f} s"
    )
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value:>8}")
    for line in stats.failures[:20]:
        print("  FAIL", line)
    print("OK" if stats.ok else "FAILED")
    return 0 if stats.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
