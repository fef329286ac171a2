"""The verbatim coding document (``coding-docx --verbatim``): time against the number of segments.

A two-hour demo session (seed 000 protocol, three participants) gets a synthetic recording
transcript of N segments of about 12 words (``bench_export.demo_transcript``: the speakers in
turn, every 40th segment moved to the first question). Timed per size:

* ``body s``: ``verbatim_docx.write_verbatim_body`` into a new document, then saved: the
  headings, one highlighted paragraph per segment with its speaker code and MAXQDA stamp,
  the memos and tag markers;
* ``floor s``: raw python-docx writing the same headings and paragraphs (one plain run
  each) by appending ``w:p`` elements before the body's section properties with lxml, then
  saving: what the same amount of text costs in python-docx at the least;
* ``export s``: the whole ``coding-docx --verbatim`` export (aligning the transcript with the
  session, building the content, codebook, body, line numbering, saving);
* ``add_paragraph s`` (optional, ``--add-paragraph``): the floor's paragraphs through
  python-docx's ``Document.add_paragraph``, which searches the body for the section
  properties on every call (the writer before).

Exponents are the growth between consecutive sizes (1 = linear, 2 = quadratic); target for
the last two <= 1.2. Run: ``.venv/bin/python bench/verbatim_bench.py [--sizes 4000 16000
64000] [--add-paragraph]``.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the test fixtures: tests.export.conftest
sys.path.insert(0, str(ROOT / "bench"))

from docx import Document  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.text.paragraph import Paragraph  # noqa: E402
from tests.export.conftest import load_seed_protocol  # noqa: E402

from bench_export import demo_transcript  # noqa: E402
from interviewer.demo import make_demo_sessions  # noqa: E402
from interviewer.export import docx_tools  # noqa: E402
from interviewer.export.options import ExportOptions  # noqa: E402
from interviewer.export.registry import FORMATS, render  # noqa: E402
from interviewer.export.verbatim import VerbatimContent, build_verbatim  # noqa: E402
from interviewer.export.verbatim_docx import write_verbatim_body  # noqa: E402
from measure import growth_exponent, median_seconds  # noqa: E402


def texts(verbatim: VerbatimContent) -> list[str]:
    """Every paragraph of the body as plain text: headings, segments, memos."""
    out = []
    for section in verbatim.sections:
        out.append(section.title)
        for unit in section.units:
            out.append(unit.title)
            out += [line.plain() for line in unit.lines]
            out += [f"[Memo interviewer] {text}" for text in unit.memo]
    return out


def body(verbatim: VerbatimContent) -> None:
    doc = docx_tools.new_document("Codeerdocument", "nl")
    write_verbatim_body(doc, verbatim, two_column=False)
    doc.save(io.BytesIO())


def floor(paragraphs: list[str]) -> None:
    doc = Document()
    sect_pr = doc.element.body.get_or_add_sectPr()
    for text in paragraphs:
        p = OxmlElement("w:p")
        sect_pr.addprevious(p)
        Paragraph(p, doc).add_run(text)
    doc.save(io.BytesIO())


def add_paragraph(paragraphs: list[str]) -> None:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(io.BytesIO())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4_000, 16_000, 64_000])
    parser.add_argument("--add-paragraph", action="store_true")
    args = parser.parse_args()
    sizes: list[int] = args.sizes
    protocol = load_seed_protocol()
    (session,) = make_demo_sessions(
        protocol, case="Wierden", respondents=1, minutes=120, participants=3, seed=1
    )
    print("Verbatim coding document, two-hour session, N segments of ~12 words;")
    print("median of 3 rounds (1 above 20,000 segments); seconds.\n")
    head = (
        f"{'segments':>9}{'paragraphs':>11}{'body s':>8}{'floor s':>9}{'x floor':>8}"
        f"{'body exp':>9}{'floor exp':>10}{'export s':>10}{'export exp':>11}"
    )
    if args.add_paragraph:
        head += f"{'add_paragraph s':>16}{'exp':>6}"
    print(head)
    print("-" * len(head))
    mine: list[float] = []
    floors: list[float] = []
    exports: list[float] = []
    plain: list[float] = []
    for k, size in enumerate(sizes):
        transcript = demo_transcript(session, segments=size)
        verbatim = build_verbatim(session, transcript, stamps="maxqda")
        paragraphs = texts(verbatim)
        options = ExportOptions(
            verbatim=True, stamps="maxqda", transcripts={session.id: transcript}
        )
        rounds = 3 if size <= 20_000 else 1
        mine.append(median_seconds(lambda v=verbatim: body(v), rounds))
        floors.append(median_seconds(lambda p=paragraphs: floor(p), rounds))
        exports.append(
            median_seconds(lambda o=options: render(FORMATS["coding-docx"], [session], o), rounds)
        )
        line = (
            f"{size:>9}{len(paragraphs):>11}{mine[k]:>8.2f}{floors[k]:>9.2f}"
            f"{mine[k] / floors[k]:>8.1f}{growth_exponent(sizes, mine, k):>9}"
            f"{growth_exponent(sizes, floors, k):>10}{exports[k]:>10.2f}"
            f"{growth_exponent(sizes, exports, k):>11}"
        )
        if args.add_paragraph:
            plain.append(median_seconds(lambda p=paragraphs: add_paragraph(p), 1))
            line += f"{plain[k]:>16.2f}{growth_exponent(sizes, plain, k):>6}"
        print(line, flush=True)
    last = len(sizes) - 1
    print(
        f"\nexponent between the last two sizes: body {growth_exponent(sizes, mine, last)}, ",
        end="",
    )
    print(f"whole export {growth_exponent(sizes, exports, last)}; target <= 1.2")


if __name__ == "__main__":
    main()
