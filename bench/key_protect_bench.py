"""Protected key file: the cost of a write without the passphrase, and of folding on read.

A write while protected (``KeyFile.put``: seal to the recipient, atomic write, fsync) is what
a keystroke in a closing field costs during an interview; the floor is the same put on a
plain key file. Folding (``KeyFile.all()`` after N pending changes, passphrase already
given) is what ``key show`` costs after N changes; the unlock itself (scrypt) is one fixed
cost, shown once. Target: a protected put within 3x the plain one; folding linear in N.
Run: ``python bench/key_protect_bench.py [--samples 200]``.
"""

from __future__ import annotations

import argparse
import math
import statistics
import tempfile
import time
from pathlib import Path

from interviewer.domain.session import KeyRecord
from interviewer.store.keyfile import KeyFile

PASS = "correct horse battery"


def put_ms(keys: KeyFile, samples: int) -> float:
    times = []
    for n in range(samples):
        record = KeyRecord(session_id=f"s{n}", respondent="1.1", fields={"mail": f"{n}@x.org"})
        start = time.perf_counter()
        keys.put(record)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plain = put_ms(KeyFile(Path(tmp) / "plain"), args.samples)
        template = KeyFile(Path(tmp) / "sealed")
        template.protect(PASS)
        sealed = put_ms(KeyFile(template.data_dir, ask_passphrase=None), args.samples)
        start = time.perf_counter()
        KeyFile(template.data_dir).unlock(PASS)
        unlock = (time.perf_counter() - start) * 1000
        print(f"{'what':<34}{'median ms':>12}")
        print(f"{'put, plain key.json (floor)':<34}{plain:>12.2f}")
        print(
            f"{'put, protected (sealed pending)':<34}{sealed:>12.2f}   {sealed / plain:.1f}x floor"
        )
        print(f"{'unlock (scrypt, once per command)':<34}{unlock:>12.0f}")
        print()
        print(f"{'pending changes':<18}{'fold ms':>10}{'per change ms':>16}")
        folds: list[tuple[int, float]] = []
        for size in (10, 100, 1000):
            data = Path(tmp) / f"fold{size}"
            keys = KeyFile(data)
            keys.protect(PASS)
            writer = KeyFile(data, ask_passphrase=None)
            for n in range(size):
                writer.put(KeyRecord(session_id=f"s{n}", respondent="1.1", name=f"Name {n}"))
            start = time.perf_counter()
            assert len(keys.all()) == size and keys.pending_changes() == []
            ms = (time.perf_counter() - start) * 1000
            folds.append((size, ms))
            print(f"{size:<18}{ms:>10.1f}{ms / size:>16.3f}")
        (n1, t1), (n2, t2) = folds[-2:]
        print(f"growth exponent {n1}->{n2}: {math.log(t2 / t1) / math.log(n2 / n1):.2f}")


if __name__ == "__main__":
    main()
