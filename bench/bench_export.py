"""Export speed for a two-hour, ~30,000-word group interview: every format vs raw python-docx.

The raw floor writes the same headings and paragraphs with bare ``add_heading`` /
``add_paragraph`` calls in the same run, so the coding document's overhead (speaker runs,
highlights, codebook table, line numbering) is measured against what python-docx costs
anyway. Targets: all formats together < 1 s; coding docx within 2x of the raw floor.
A second table times the verbatim variant (``--verbatim``) with a synthetic 2,400-segment
transcript of the same session. Run: ``python bench/bench_export.py``.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test fixtures: domain.conftest, ...
sys.path.insert(0, str(ROOT))  # and what they import: tests.conftest, tests.fake_clock

from docx import Document  # noqa: E402

from export.conftest import load_seed_protocol  # noqa: E402
from interviewer.demo import make_demo_sessions  # noqa: E402
from interviewer.export.content import build_content  # noqa: E402
from interviewer.export.options import ExportOptions  # noqa: E402
from interviewer.export.registry import FORMATS, render  # noqa: E402
from interviewer.export.verbatim import build_verbatim  # noqa: E402
from interviewer.transcript.model import Segment, Target, Transcript  # noqa: E402

ROUNDS = 7
WORDS = ("we", "overleggen", "elke", "week", "met", "het", "team", "over", "de", "casussen")


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
    verbatim_table(session)


def demo_transcript(session, segments: int = 2400) -> Transcript:
    """A synthetic recording transcript over the whole session: ``segments`` turns, the
    interviewer and the participants in turn, about 12 words each, every 40th moved."""
    end = session.timeline[-1].at
    step = end / segments
    codes = ["interviewer", *(p.code for p in session.participants)]
    words = WORDS
    items = []
    for i in range(segments):
        text = " ".join(words[(i + k) % len(words)] for k in range(12)).capitalize() + "."
        start = i * step
        items.append(Segment(start, start + step * 0.9, text, f"SPEAKER_{i % len(codes):02d}"))
    speakers = {f"SPEAKER_{n:02d}": code for n, code in enumerate(codes)}
    first_question = session.protocol.topics[0].questions[0].id
    moves = {
        n: Target(first_question, session.protocol.topics[0].id) for n in range(40, segments, 40)
    }
    return Transcript(session.id, items, offset=0.0, speakers=speakers, moves=moves)


def verbatim_table(session) -> None:
    """The verbatim variant: every format that prints the recording's words, ``--verbatim``."""
    transcript = demo_transcript(session)
    words = sum(len(s.text.split()) for s in transcript.segments)
    print(f"\nVerbatim (--verbatim): {len(transcript.segments)} segments, {words} words of speech,")
    print(f"{len(transcript.moves)} moved; notes as memo. Median of {ROUNDS} rounds per row.\n")
    verbatim = build_verbatim(session, transcript, stamps="maxqda")

    def raw_verbatim() -> bytes:
        doc = Document()
        for section in verbatim.sections:
            doc.add_heading(section.title, level=1)
            for unit in section.units:
                doc.add_heading(unit.title, level=2)
                for line in unit.lines:
                    doc.add_paragraph(line.plain())
                for text in unit.memo:
                    doc.add_paragraph(f"Memo interviewer: {text}")
        stream = io.BytesIO()
        doc.save(stream)
        return stream.getvalue()

    floor = _median(raw_verbatim)
    print(f"{'format':<44} {'ms':>8}")
    print("-" * 53)
    print(f"{'raw python-docx, same paragraphs (floor)':<44} {floor * 1e3:>8.1f}")
    total = 0.0
    coding = 0.0
    for name in ("transcript-docx", "transcript-md", "coding-docx", "qdpx"):
        for stamps in ("maxqda", None):
            options = ExportOptions(
                verbatim=True, stamps=stamps, transcripts={session.id: transcript}
            )
            seconds = _median(lambda n=name, o=options: render(FORMATS[n], [session], o))
            print(f"{name + ' --stamps ' + (stamps or 'none'):<44} {seconds * 1e3:>8.1f}")
            total += seconds if stamps == "maxqda" else 0.0
            coding = seconds if (name, stamps) == ("coding-docx", "maxqda") else coding
    two = ExportOptions(verbatim=True, layout="two-column", transcripts={session.id: transcript})
    seconds = _median(lambda: render(FORMATS["coding-docx"], [session], two))
    print(f"{'coding-docx --layout two-column':<44} {seconds * 1e3:>8.1f}")
    print("-" * 53)
    print(f"{'all four verbatim formats (maxqda)':<44} {total * 1e3:>8.1f}")
    print(f"{'coding-docx / raw floor':<44} {coding / floor:>8.2f}x")


if __name__ == "__main__":
    main()
