"""Large returned documents: the anchored alignment, the windowed pairing and the report cap.

Documents up to ``EXACT_LIMIT`` pairs keep the one-``SequenceMatcher`` alignment (the other
diff tests); these check what larger ones get instead, and that it is a true alignment.
"""

from __future__ import annotations

import datetime as dt
import io
import random

import pytest
from docx import Document

from interviewer.membercheck import diff, report
from interviewer.membercheck.diff import align, compare
from interviewer.membercheck.model import SentParagraph

VOCAB = [
    "de",
    "het",
    "een",
    "ging",
    "goed",
    "slecht",
    "wijk",
    "team",
    "huisarts",
    "overleg",
    "ja",
    "nee",
]


def _valid(a: list[str], b: list[str], ops: list) -> None:
    """Every paragraph of each version exactly once, in order; 'equal' only on equal text."""
    assert [op.i for op in ops if op.i is not None] == list(range(len(a)))
    assert [op.j for op in ops if op.j is not None] == list(range(len(b)))
    for op in ops:
        if op.kind == "equal":
            assert a[op.i] == b[op.j]
        elif op.kind == "changed":
            assert op.i is not None and op.j is not None


def _transcript(count: int) -> list[str]:
    return [
        f"Alinea {n}: " + " ".join(VOCAB[(n + k) % len(VOCAB)] for k in range(8))
        for n in range(count)
    ]


def test_anchored_alignment_is_an_alignment_of_random_documents(monkeypatch) -> None:
    monkeypatch.setattr(diff, "EXACT_LIMIT", 0)  # every document through the anchors
    monkeypatch.setattr(diff, "PAIR_LIMIT", 4)  # and every stretch through the window
    monkeypatch.setattr(diff, "PAIR_WINDOW", 3)
    rng = random.Random(7)
    for _ in range(400):
        a = [" ".join(rng.choices(VOCAB, k=rng.randint(1, 6))) for _ in range(rng.randint(0, 30))]
        b: list[str] = []
        for text in a:
            roll = rng.random()
            if roll < 0.6:
                b.append(text)
            elif roll < 0.8:
                b.append(text + " " + rng.choice(VOCAB))
            elif roll < 0.9:
                b.append(" ".join(rng.choices(VOCAB, k=3)))
        _valid(a, b, align(a, b))


def test_large_document_with_a_few_edits_finds_exactly_those() -> None:
    sent_text = _transcript(2500)  # 2,500 x 2,500 pairs: past EXACT_LIMIT
    assert len(sent_text) ** 2 > diff.EXACT_LIMIT
    returned = list(sent_text)
    returned[10] += " Klopt."
    returned[1200] = returned[1200].replace("Alinea", "Paragraaf")
    del returned[2000]
    returned.insert(500, "Aanvulling van de respondent.")
    sent = [
        SentParagraph(text=t, role="answer", question_id="q1", origin="notes") for t in sent_text
    ]
    comparison = compare(sent, returned)
    found = [(c.kind, c.sent_no, c.returned_no) for c in comparison.changes]
    assert found == [
        ("changed", 11, 11),
        ("added", None, 501),
        ("changed", 1201, 1202),
        ("deleted", 2001, None),
    ]


def test_repeated_paragraphs_between_anchors_stay_unchanged(monkeypatch) -> None:
    monkeypatch.setattr(diff, "EXACT_LIMIT", 0)
    a = ["kop", "Geen antwoord.", "x een", "Geen antwoord.", "y twee", "Geen antwoord.", "slot"]
    b = ["kop", "Geen antwoord.", "x een!", "Geen antwoord.", "y twee", "Geen antwoord.", "slot"]
    ops = align(a, b)
    _valid(a, b, ops)
    assert [op.kind for op in ops].count("changed") == 1


def test_rewritten_stretch_past_the_pair_limit_pairs_each_paragraph_with_its_edit() -> None:
    a = _transcript(400)  # 400 x 400 pairs in one replaced stretch: past PAIR_LIMIT
    b = [text + " Klopt." for text in a]
    b.insert(200, "Een nieuwe alinea.")
    assert len(a) * len(b) > diff.PAIR_LIMIT
    ops = align(a, b)
    _valid(a, b, ops)
    assert [(op.i, op.j) for op in ops if op.kind == "changed"] == [
        (i, i if i < 200 else i + 1) for i in range(400)
    ]
    assert [op.j for op in ops if op.kind == "added"] == [200]


def test_few_sent_paragraphs_against_very_many_returned_ones_are_all_accounted_for() -> None:
    a = _transcript(60)
    b = [f"p{n}" for n in range(20_000)] + [a[30] + " Klopt."]
    ops = align(a, b)
    _valid(a, b, ops)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_word_report_lists_the_first_changes_and_names_the_markdown_report(
    monkeypatch, lang: str
) -> None:
    monkeypatch.setattr(report, "MAX_DOCX_ROWS", 3)
    sent = [SentParagraph(text="Vraag", role="question", question_id="q1")]
    returned = ["Vraag"] + [f"Nieuwe alinea {n}." for n in range(5)]
    comparison = compare(sent, returned)
    day = dt.date(2026, 4, 1)
    info = report.ReportInfo("Borne", "R1", 1, day, "a" * 64, 2, day, "b" * 64, lang)
    stream = io.BytesIO()
    report.write_docx(comparison, info, stream)
    doc = Document(io.BytesIO(stream.getvalue()))
    assert len(doc.tables[0].rows) == 1 + 3
    texts = [p.text for p in doc.paragraphs]
    more = [t for t in texts if "changes-2.md" in t]
    assert len(more) == 1 and "2" in more[0]
    markdown = report.render_markdown(comparison, info)
    assert all(f"Nieuwe alinea {n}." in markdown for n in range(5))


def test_accept_takes_up_the_alignment_kept_at_receive(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 13.9: receive keeps the comparison's alignment beside the returned version
    (0600); accept uses it (same result as aligning again) and aligns anew when it is
    missing or belongs to other text."""
    import datetime as dt
    import importlib.util
    import stat
    from pathlib import Path

    from interviewer.membercheck import diff, workflow
    from interviewer.membercheck.storage import ApprovalBook

    bench = Path(__file__).parents[2] / "bench" / "approval_bench.py"
    spec = importlib.util.spec_from_file_location("approval_bench", bench)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sent = module.long_answers(40)
    returned = module.every([p.text for p in sent])
    book = ApprovalBook(tmp_path / "book")
    now = dt.datetime(2026, 4, 1, 12, 0, tzinfo=dt.UTC)
    record = module.ApprovalRecord(
        session_id="s1", case="C", respondent="R1", state=module.ApprovalState.SENT,
        sent=[module.SentVersion(number=1, at=now, date=now.date(), channel="email",
                                 deadline=now.date(), lang="nl", file="sent-1.docx",
                                 docx_sha256="0" * 64, text_sha256="0" * 64, paragraphs=sent)],
    )  # fmt: skip
    book.save(record)
    record, comparison, _ = workflow.receive(book, "s1", module.docx_bytes(returned), now=now)
    assert comparison.counts()["changed"] == 39  # every paragraph paired with its edit
    kept = book.files_dir("s1") / workflow.alignment_file(1)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert diff.stored_ops(sent, list(comparison.returned), kept.read_bytes()) == list(
        comparison.ops
    )
    assert workflow.comparison_of(record, book=book) == comparison
    # another text, or a damaged file: aligned again, never a wrong alignment
    assert diff.stored_ops(sent, [*comparison.returned, "x"], kept.read_bytes()) is None
    kept.write_bytes(b"{nope")
    assert workflow.comparison_of(record, book=book) == comparison
    kept.unlink()
    accepted = workflow.accept(book, "s1", changes="minor", now=now, today=now.date())
    assert accepted.final and accepted.state.value == "approved-minor"
