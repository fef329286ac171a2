"""Export speed for a two-hour, ~30,000-word group interview: every format vs raw python-docx.

The raw floor writes the same headings and paragraphs with bare ``add_heading`` /
``add_paragraph`` calls in the same run, so the coding document's overhead (speaker runs,
highlights, codebook table, line numbering) is measured against what python-docx costs
anyway. Targets: all formats together < 1 s; coding docx within 2x of the raw floor.
Run: ``python bench/bench_export.py``.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from docx import Document  # noqa: E402

from export.conftest import load_seed_protocol  # noqa: E402
from interviewer.demo import make_demo_sessions  # noqa: E402
from interviewer.export.content import build_content  # noqa: E402
from interviewer.export.options import ExportOptions  # noqa: E402
from interviewer.export.registry import FORMATS, render  # noqa: E402

ROUNDS = 7


def _median(func: Callable[[], object]) -> float:
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    protocol = load_seed_protocol()
    (session,) = make_demo_sessions(
        protocol, case="Wierden", respondents=1, minutes=120, participants=3, seed=1
    )
    content = build_content(session)
    words = session.word_count()
    paragraphs = sum(len(e.answer_paragraphs()) for e in content.entries())

    def raw_docx() -> bytes:
        doc = Document()
        for section in content.sections:
            doc.add_heading(section.title, level=1)
            for entry in section.entries:
                doc.add_heading(entry.text, level=2)
                for text in entry.answer_paragraphs():
                    doc.add_paragraph(f"{entry.speaker}: {text}")
        stream = io.BytesIO()
        doc.save(stream)
        return stream.getvalue()

    options = ExportOptions()
    two_column = ExportOptions(layout="two-column")
    # Floor and coding document alternate round by round, so machine load hits both alike.
    floor_samples: list[float] = []
    coding_samples: list[float] = []
    for _ in range(ROUNDS):
        for samples, func in (
            (floor_samples, raw_docx),
            (coding_samples, lambda: render(FORMATS["coding-docx"], [session], options)),
        ):
            start = time.perf_counter()
            func()
            samples.append(time.perf_counter() - start)
    floor, coding = statistics.median(floor_samples), statistics.median(coding_samples)
    rows: list[tuple[str, float]] = [("raw python-docx (floor)", floor)]
    total = 0.0
    for name, fmt in FORMATS.items():
        if name == "json":
            try:
                render(fmt, [session], options)
            except ValueError as exc:
                rows.append((f"{name} (skipped: {exc})", float("nan")))
                continue
        if name == "coding-docx":
            seconds = coding
        else:
            seconds = _median(lambda fmt=fmt: render(fmt, [session], options))
        rows.append((name, seconds))
        total += seconds
    layout = _median(lambda: render(FORMATS["coding-docx"], [session], two_column))
    rows.append(("coding-docx --layout two-column", layout))
    print(f"Session: {words} words, {paragraphs} answer paragraphs, 3 participants, 120 min")
    print(f"Median of {ROUNDS} rounds per row.\n")
    print(f"{'format':<44} {'ms':>8}")
    print("-" * 53)
    for name, seconds in rows:
        print(f"{name:<44} {seconds * 1e3:>8.1f}")
    print("-" * 53)
    print(f"{'all formats together':<44} {total * 1e3:>8.1f}   target < 1000")
    print(f"{'coding-docx / raw floor':<44} {coding / floor:>8.2f}x  target <= 2.00x")


if __name__ == "__main__":
    main()
