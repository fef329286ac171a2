"""The Word change report (``membercheck.report.write_docx``): time against the number of changes.

The report lists each change in a table row (paragraph numbers, kind, the text with deleted
words struck through and added words underlined). The Word report stops at
``MAX_DOCX_ROWS`` rows per section for its reader; here that cap is lifted
(``max_rows``) so the writer itself is timed with every change in the table.

The changes are a respondent's: a third deleted, a third added, a third changed (a word
replaced and one added in a sentence of 25 to 40 words), so the word diff of each changed
paragraph is part of the time (its cache is cleared before every round).

Floor: raw python-docx writing the same paragraphs (three per change: where, kind, text) by
appending ``w:p`` elements before the body's section properties with lxml, then saving: what
the same amount of text costs in python-docx at the least. ``add_row`` (optional,
``--add-row``) times python-docx's ``Table.add_row`` building the same table, as the report
did before. The last columns are the growth exponents between consecutive sizes (1 =
linear, 2 = quadratic). Run: ``.venv/bin/python bench/report_bench.py [--sizes 2000 16000
32000] [--add-row]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random

from docx import Document
from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph

from interviewer.export import docx_tools
from interviewer.membercheck import report
from interviewer.membercheck.diff import Change, Comparison, word_diff
from measure import growth_exponent, median_seconds

TEXT = (
    "de overdracht naar het wijkteam ging goed maar de lijnen met de huisarts waren lang en "
    "het overleg met de gemeente kwam pas laat op gang omdat niemand wist wie wat deed"
)
WORDS = TEXT.split()
INFO = report.ReportInfo(
    case="Wierden",
    respondent="R03",
    sent_number=1,
    sent_date=dt.date(2026, 3, 1),
    sent_sha256="a" * 64,
    returned_number=1,
    returned_date=dt.date(2026, 3, 15),
    returned_sha256="b" * 64,
    lang="nl",
)


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 40))).capitalize() + "."


def changes(count: int) -> Comparison:
    """``count`` transcript changes: deleted, added and changed paragraphs in turn."""
    rng = random.Random(count)
    out = []
    sent_no = returned_no = 0
    for n in range(count):
        kind = ("deleted", "added", "changed")[n % 3]
        old = sentence(rng)
        words = old.split()
        words[rng.randrange(len(words))] = "cliënt"
        words.insert(rng.randrange(len(words)), "eigenlijk")
        new = " ".join(words)
        sent_no += kind != "added"
        returned_no += kind != "deleted"
        out.append(
            Change(
                kind=kind,
                region="transcript",
                sent_no=sent_no if kind != "added" else None,
                returned_no=returned_no if kind != "deleted" else None,
                old=old if kind != "added" else "",
                new=new if kind != "deleted" else "",
                question_id=f"q{n // 20}",
            )
        )
    return Comparison(sent=(), returned=(), ops=(), changes=tuple(out))


def write_report(comparison: Comparison) -> None:
    word_diff.cache_clear()
    report.write_docx(comparison, INFO, io.BytesIO(), max_rows=len(comparison.changes))


def floor(comparison: Comparison) -> None:
    """Three plain paragraphs per change, appended with lxml; saved."""
    doc = Document()
    sect_pr = doc.element.body.get_or_add_sectPr()
    for change in comparison.changes:
        where = f"{change.sent_no or '-'} / {change.returned_no or '-'}"
        for text in (where, change.kind, change.new or change.old):
            p = OxmlElement("w:p")
            sect_pr.addprevious(p)
            Paragraph(p, doc).add_run(text)
    doc.save(io.BytesIO())


def add_row(comparison: Comparison) -> None:
    """The same table grown with python-docx's ``Table.add_row`` (the report before)."""
    doc = Document()
    table = doc.add_table(rows=1, cols=3)
    for change in comparison.changes:
        cells = table.add_row().cells
        docx_tools.set_cell(cells[0], f"{change.sent_no or '-'} / {change.returned_no or '-'}")
        docx_tools.set_cell(cells[1], change.kind)
        docx_tools.set_cell(cells[2], change.new or change.old)
    doc.save(io.BytesIO())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 16_000, 32_000])
    parser.add_argument("--add-row", action="store_true", help="also time Table.add_row")
    args = parser.parse_args()
    sizes: list[int] = args.sizes
    print(f"Word change report, every change in the table (cap {report.MAX_DOCX_ROWS} lifted);")
    print("median of 3 rounds (1 above 10,000 changes); seconds.\n")
    head = f"{'changes':>8}{'report s':>10}{'floor s':>9}{'x floor':>9}{'exponent':>10}"
    head += f"{'floor exp':>11}" + (f"{'add_row s':>11}{'exponent':>10}" if args.add_row else "")
    print(head)
    print("-" * len(head))
    mine: list[float] = []
    floors: list[float] = []
    rows: list[float] = []
    for k, size in enumerate(sizes):
        comparison = changes(size)
        rounds = 3 if size <= 10_000 else 1
        mine.append(median_seconds(lambda c=comparison: write_report(c), rounds))
        floors.append(median_seconds(lambda c=comparison: floor(c), rounds))
        line = (
            f"{size:>8}{mine[k]:>10.2f}{floors[k]:>9.2f}{mine[k] / floors[k]:>9.1f}"
            f"{growth_exponent(sizes, mine, k):>10}{growth_exponent(sizes, floors, k):>11}"
        )
        if args.add_row:
            rows.append(median_seconds(lambda c=comparison: add_row(c), 1))
            line += f"{rows[k]:>11.2f}{growth_exponent(sizes, rows, k):>10}"
        print(line, flush=True)
    print(f"\nexponent between the last two sizes: {growth_exponent(sizes, mine, len(sizes) - 1)}")
    print("target <= 1.2")


if __name__ == "__main__":
    main()
