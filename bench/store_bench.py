"""Session store speed: autosave latency by store size and session size, listing, the floor.

Autosave latency is the wall time of ``Autosaver.flush()`` after one keystroke (serialise,
TinyDB update, write, fsync, rename, fsync folder, thread hand-off): what navigation waits
for, and the work a background autosave does. Stores are filled with copies of one demo
session under new ids. The floor is TinyDB's stock JSONStorage with all sessions in one file.
Targets: autosave p95 < 10 ms and flat across store sizes; listing 1,000 sessions < 200 ms.
Run: ``python bench/store_bench.py [--samples 200]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test fixtures: domain.conftest, ...
sys.path.insert(0, str(ROOT))  # and what they import: tests.conftest, tests.fake_clock

from tinydb import TinyDB  # noqa: E402
from tinydb.storages import JSONStorage  # noqa: E402

from domain.conftest import build_protocol  # noqa: E402
from interviewer.demo import make_demo  # noqa: E402
from interviewer.domain.recorder import SessionRecorder  # noqa: E402
from interviewer.domain.session import Session, session_to_json_dict  # noqa: E402
from interviewer.domain.session_factory import new_session  # noqa: E402
from interviewer.store import SessionStore  # noqa: E402

Row = tuple[str, float, float, float, int]


def stats(label: str, samples: list[float]) -> Row:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (label, statistics.median(ordered) * 1e3, p95 * 1e3, ordered[-1] * 1e3, len(ordered))


def fill(store: SessionStore, template: dict, count: int) -> None:
    """``count`` stored sessions: the template under new ids, then one listing builds the index."""
    for n in range(count):
        store.write_data(f"bulk-{n:05d}", {**template, "id": f"bulk-{n:05d}"})
    store.list()


def autosave_samples(store: SessionStore, session: Session, samples: int) -> list[float]:
    """Type one word, flush, repeat; wall time of each flush."""
    recorder = SessionRecorder(session)
    if session.started_at is None:
        recorder.confirm_consent("opname")
        recorder.start()
    qid = session.protocol.all_questions()[0].id
    recorder.show_question(qid)
    saver = store.autosaver(session, delay=3600)
    recorder.on_change = lambda _w: saver.request()
    times: list[float] = []
    for n in range(samples):
        recorder.set_notes(qid, f"{session.record(qid).notes} woord{n}")
        start = time.perf_counter()
        result = saver.flush()
        times.append(time.perf_counter() - start)
        assert result.ok, result.error
    saver.close()
    return times


def floor_samples(folder: Path, template: dict, count: int, samples: int) -> list[float]:
    """TinyDB stock JSONStorage, all sessions in one file: update one session's notes."""
    db = TinyDB(folder / "all.json", storage=JSONStorage)
    table = db.table("sessions")
    table.insert_multiple({**template, "id": f"s{n}"} for n in range(count))
    times: list[float] = []
    for n in range(samples):
        start = time.perf_counter()
        table.update({"location": f"edit {n}"}, doc_ids=[1])
        times.append(time.perf_counter() - start)
    db.close()
    return times


def timed(func: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    protocol = build_protocol(duration_minutes=240)
    (demo,) = make_demo(protocol, case="Bench", respondents=1, minutes=60)
    template = session_to_json_dict(demo.session)
    (big,) = make_demo(protocol, case="Bench", respondents=1, minutes=240, participants=3)
    big_session = big.session
    extra = 0
    while big_session.word_count() < 60_000:  # top up to at least 60,000 words
        qid = next(iter(big_session.records))
        big_session.records[qid].notes += " aanvulling" * 500
        extra += 1
    rows: list[Row] = []
    notes: list[str] = [
        f"demo session: {demo.session.word_count()} words, "
        f"{len(session_to_json_dict(demo.session).__repr__()) // 1024} KiB as text; "
        f"large session: {big_session.word_count()} words"
    ]
    with tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
        base = Path(tmp)
        for count in (1, 100, 1000):
            store = SessionStore(base / f"n{count}")
            fill(store, template, count - 1)
            live = new_session(protocol, case="Bench", respondent="9.1")
            rows.append(
                stats(f"autosave, {count} stored", autosave_samples(store, live, args.samples))
            )
            if count == 1000:
                rows.append(stats("list 1000 (index warm)", timed(store.list, 20)))

                def cold(folder: Path = store.data_dir) -> None:
                    (folder / "index.json").unlink()
                    SessionStore(folder).list()

                rows.append(stats("list 1000 (index rebuilt)", timed(cold, 3)))
        store = SessionStore(base / "big")
        big_copy = big_session.model_copy(deep=True)
        store.create(big_copy)
        rows.append(
            stats("autosave, 60,000-word session", autosave_samples(store, big_copy, args.samples))
        )
        for count, samples in ((1, args.samples), (100, 20), (1000, 5)):
            folder = base / f"floor{count}"
            folder.mkdir()
            rows.append(
                stats(
                    f"floor: JSONStorage, {count} in one file",
                    floor_samples(folder, template, count, samples),
                )
            )
    print("store bench (ms)")
    print(f"  {'case':<40} {'median':>8} {'p95':>8} {'max':>8} {'n':>5}")
    for label, median, p95, worst, n in rows:
        print(f"  {label:<40} {median:>8.2f} {p95:>8.2f} {worst:>8.2f} {n:>5}")
    for line in notes:
        print("  " + line)


if __name__ == "__main__":
    main()
