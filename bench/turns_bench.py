"""Session format 1 -> 2 (turns per paragraph): load time of an old and a new session file.

A format-1 file (one ``speaker`` per question) is upgraded while it is read: every paragraph
of a note gets a turn. This measures ``SessionStore.load`` (read, parse, validate, upgrade) of
the same interview stored both ways, for a two-hour group interview with three participants
(about 30,000 words, the size ``interviewer demo --participants 3 --minutes 120`` makes) and
a one-hour individual interview. Run: ``python bench/turns_bench.py [--samples 30]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test fixtures: domain.conftest, ...
sys.path.insert(0, str(ROOT))  # and what they import: tests.conftest, tests.fake_clock

from domain.conftest import build_protocol  # noqa: E402
from interviewer.demo import make_demo  # noqa: E402
from interviewer.domain.session import Session, session_to_json_dict  # noqa: E402
from interviewer.store import SessionStore  # noqa: E402
from interviewer.store.storage import SESSION_DOC_ID, SESSION_TABLE  # noqa: E402


def as_format_1(session: Session) -> dict:
    """The session as format 1 stored it: the first turn's speaker per record, no turns."""
    data = session_to_json_dict(session)
    data["format"] = 1
    for record in data["records"].values():
        turns = record.pop("turns")
        record["speaker"] = turns[0]["speaker"] if turns else None
    return data


def load_times(store: SessionStore, session_id: str, data: dict, samples: int) -> list[float]:
    path = store.session_path(session_id)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_text(json.dumps({SESSION_TABLE: {str(SESSION_DOC_ID): data}}))
    times = []
    for _ in range(samples):
        began = time.perf_counter()
        store.load(session_id)
        times.append(time.perf_counter() - began)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=30)
    args = parser.parse_args()
    cases = [
        ("group, 3 participants, 120 min", 120, 3),
        ("individual, 60 min", 60, 1),
    ]
    print(f"{'interview':32} {'format':>6} {'words':>7} {'turns':>6} {'KiB':>6} "
          f"{'median ms':>10} {'max ms':>8}")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder) / "data")
        for label, minutes, participants in cases:
            protocol = build_protocol(duration_minutes=minutes)
            (demo,) = make_demo(protocol, case="Bench", respondents=1, minutes=minutes,
                                participants=participants, seed=11)  # fmt: skip
            session = demo.session
            turns = sum(len(r.turns) for r in session.records.values())
            for fmt, data in (("1", as_format_1(session)), ("2", session_to_json_dict(session))):
                sid = f"{session.id}-f{fmt}"
                data = {**data, "id": sid}
                times = load_times(store, sid, data, args.samples)
                size = store.session_path(sid).stat().st_size / 1024
                shown = turns if fmt == "2" else 0
                median, worst = statistics.median(times) * 1e3, max(times) * 1e3
                print(f"{label:32} {fmt:>6} {session.word_count():>7} {shown:>6} {size:>6.0f} "
                      f"{median:>10.2f} {worst:>8.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
