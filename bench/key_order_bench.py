"""Key order under lag: misfiled characters in text + ``ctrl+n`` bursts on a real terminal.

The app runs in a pseudo-terminal exactly as ``interviewer run`` does; every burst is one
write of ``answer<N> end`` followed at once by ``ctrl+n`` (what ``tmux send-keys`` does), with
no pause between bursts. The notes editor is optionally slowed per key (a lagging laptop).
Afterwards each question's note is compared with the text typed for it: a character that
is missing from its question, or present under another one, counts as misfiled.

Run: ``python bench/key_order_bench.py [--bursts 1000] [--slow-ms 0 2]``. Prints a table.
Target (issue 10): 0 misfiled characters at every lag.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.tui.conftest import long_protocol  # noqa: E402
from tests.tui.pty_terminal import (  # noqa: E402
    CTRL_N,
    CTRL_Q,
    CTRL_S,
    drain,
    read_until,
    spawn,
    stop,
    wait_exit,
)

from interviewer.store import SessionStore  # noqa: E402


def misfiled(expected: str, got: str) -> int:
    """Characters typed for a question that are not in its note, plus characters in its
    note that were typed for another one."""
    matched = sum(
        block.size for block in difflib.SequenceMatcher(None, expected, got).get_matching_blocks()
    )
    return (len(expected) - matched) + (len(got) - matched)


def run(bursts: int, slow_ms: float, src: str | None = None) -> dict[str, float]:
    """One app, ``bursts`` bursts; returns misfiled characters, typed characters, seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        protocol = Path(tmp) / "long.yaml"
        dumped = long_protocol(bursts + 2).model_dump(mode="json", exclude_defaults=True)
        protocol.write_text(json.dumps(dumped), encoding="utf-8")
        data = Path(tmp) / "data"
        args = ["--data-dir", str(data), "--lang", "en", "run", str(protocol)]
        args += ["--case", "Bench", "--respondent", "1.1", "--consent-obtained"]
        proc, fd = spawn(args, slow_ms=slow_ms, src=src)
        texts = [f"answer{n} end" for n in range(bursts)]
        try:
            read_until(fd, b"ctrl+s")
            os.write(fd, CTRL_S)
            read_until(fd, b"Notes")
            start = time.perf_counter()
            for text in texts:
                os.write(fd, text.encode() + CTRL_N)
            os.write(fd, CTRL_Q)
            read_until(fd, b"Save and quit", timeout=600)
            seconds = time.perf_counter() - start
            os.write(fd, b"y")
            wait_exit(proc, fd, timeout=120)
        finally:
            drain(fd, 0.1)
            stop(proc, fd)
        store = SessionStore(data)
        [summary] = store.list()
        records = store.load(summary.id).records
        notes = [
            records[f"q{n:04d}"].notes if f"q{n:04d}" in records else "" for n in range(bursts)
        ]
        wrong = sum(misfiled(text, note) for text, note in zip(texts, notes, strict=True))
        extra = records.get(f"q{bursts:04d}")
        wrong += len(extra.notes) if extra else 0
        return {"misfiled": wrong, "typed": sum(map(len, texts)), "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bursts", type=int, default=1000)
    parser.add_argument("--slow-ms", type=float, nargs="+", default=[0.0, 2.0])
    parser.add_argument("--before", help="src folder of an older tree: measured too")
    args = parser.parse_args()
    trees = [("now", None)] + ([("before", args.before)] if args.before else [])
    print(f"{'tree':<8}{'lag per key':<13}{'bursts':>8}{'typed':>8}{'misfiled':>10}{'seconds':>9}")
    for name, src in trees:
        for slow in args.slow_ms:
            result = run(args.bursts, slow, src)
            print(
                f"{name:<8}{f'{slow:g} ms':<13}{args.bursts:>8}{result['typed']:>8}"
                f"{result['misfiled']:>10}{result['seconds']:>9.1f}"
            )


if __name__ == "__main__":
    main()
