"""Receiving a returned transcript (``approval receive``): time against document size.

For each paragraph count the whole receive step (``membercheck.workflow.receive``: read the
.docx, align it with the sent version, write the Markdown and Word change reports, save the
record) is timed against its floor, only reading the .docx (``docx_text.read_paragraphs``).
Three kinds of returned document:

* ``edited``: the sent transcript with every 50th paragraph changed and one added per 200
  (a respondent's ordinary corrections);
* ``rewritten``: every paragraph changed (no paragraph left as sent);
* ``hostile``: a 60-paragraph transcript answered by N paragraphs that share nothing with
  it (as in ``bench/hostile_inputs.py``);
* ``every``: a transcript of long answers (150 to 1,200 characters of varied words, like a
  two-hour interview's 416 paragraphs) returned with EVERY paragraph edited (in an answer a
  word replaced, one inserted, a sentence added to every fifth; a word added to each
  question and the title), N consecutive changed
  paragraphs (issue 13.9: 25/100/400). The ``accept s`` column times ``approval accept``
  after it, which reuses the comparison stored at receive time.

The last column is the growth exponent between the last two sizes (1 = linear, 2 =
quadratic). Run: ``.venv/bin/python bench/approval_bench.py [--sizes 1000 4000 ...]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import math
import random
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from interviewer.membercheck.docx_text import read_paragraphs
from interviewer.membercheck.model import (
    ApprovalRecord,
    ApprovalState,
    SentParagraph,
    SentVersion,
)
from interviewer.membercheck.storage import ApprovalBook
from interviewer.membercheck.workflow import accept, receive

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEXT = (
    "de overdracht naar het wijkteam ging goed maar de lijnen met de huisarts waren lang "
    "en het overleg met de gemeente kwam pas laat op gang omdat niemand wist wie wat deed"
)


def interview(count: int, answers: int, answer: Callable[[int, int], str]) -> list[SentParagraph]:
    """A transcript of ``count`` paragraphs: a title, then questions each followed by
    ``answers`` answer paragraphs, the ``k``-th of question ``q`` being ``answer(q, k)``."""
    out = [SentParagraph(text="Verslag van het interview", role="meta")]
    question = 0
    while len(out) < count:
        question += 1
        qid = f"q{question}"
        out.append(
            SentParagraph(text=f"Vraag {question}: hoe ging het?", role="question", question_id=qid)
        )
        for k in range(answers):
            text = answer(question, k)
            out.append(SentParagraph(text=text, role="answer", question_id=qid, origin="notes"))
    return out[:count]


def sent_paragraphs(count: int) -> list[SentParagraph]:
    """A transcript of ``count`` paragraphs: four short answers per question."""
    words_of = TEXT.split()

    def answer(question: int, k: int) -> str:
        start = (question * 7 + k * 3) % len(words_of)
        words = " ".join(words_of[start:] + words_of[:start])[: 60 + (question * 13 + k) % 140]
        return f"{words} ({question}.{k})"

    return interview(count, 4, answer)


def edited(sent: list[str]) -> list[str]:
    out: list[str] = []
    for n, text in enumerate(sent):
        out.append(text.replace(" de ", " die ", 1) if n % 50 == 7 else text)
        if n % 200 == 100:
            out.append(f"Aanvulling van de respondent bij alinea {n}.")
    return out


def rewritten(sent: list[str]) -> list[str]:
    return [text.replace(" ", "  ").replace(" het ", " dat ") + " Klopt." for text in sent]


VOCABULARY = [
    "wijkteam",
    "huisarts",
    "gemeente",
    "overleg",
    "jeugd",
    "zorg",
    "casus",
    "cliënt",
    "ouders",
    "school",
    "begeleiding",
    "overdracht",
    "afspraak",
    "signaal",
    "netwerk",
    "regie",
    "plan",
    "vraag",
    "beleid",
    "budget",
    "wachtlijst",
    "team",
    "collega",
    "praktijk",
    "ervaring",
    "samenwerking",
    "verwijzing",
    "indicatie",
    "jeugdhulp",
    "zorgaanbieder",
    "wethouder",
    "coördinator",
    "gesprek",
    "situatie",
    "oplossing",
    "knelpunt",
    "termijn",
    "aanpak",
    "keten",
]
SMALL = [
    "de",
    "het",
    "een",
    "en",
    "van",
    "in",
    "op",
    "met",
    "voor",
    "dat",
    "die",
    "is",
    "was",
    "wel",
    "niet",
    "ook",
    "maar",
    "dan",
    "nog",
]


def long_answers(count: int) -> list[SentParagraph]:
    """``count`` answer paragraphs of 150 to 1,200 characters (deterministic words)."""
    rng = random.Random(13)

    def answer(_question: int, _k: int) -> str:
        words: list[str] = []
        target = rng.randint(150, 1200)
        while sum(len(w) + 1 for w in words) < target:
            words.append(rng.choice(VOCABULARY if rng.random() < 0.6 else SMALL))
        return " ".join(words).capitalize() + "."

    return interview(count, 3, answer)


def every(sent: list[str]) -> list[str]:
    """Every paragraph edited as a respondent does: in an answer a word replaced, one
    inserted, and a sentence added to every fifth; a short line (title, question) gets a
    word at its end."""
    out = []
    for n, text in enumerate(sent):
        if len(text) < 80:
            out.append(f"{text} klopt")
            continue
        words = text.split(" ")
        words[(n * 7) % len(words)] = "gecorrigeerd"
        words.insert((n * 3) % len(words), "namelijk")
        edited_text = " ".join(words)
        if n % 5 == 0:
            edited_text += " Dat wil ik nog toevoegen."
        out.append(edited_text)
    return out


def hostile(count: int) -> list[str]:
    return [f"p{n}" for n in range(count)]


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A minimal .docx holding ``paragraphs`` (what ``approval receive`` reads of it)."""
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>' for text in paragraphs
    )
    out = io.BytesIO()
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/word/document.xml" ContentType="{MAIN}"/></Types>'
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        )
    return out.getvalue()


def timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def one(kind: str, count: int, folder: Path) -> tuple[float, float, float, int]:
    """Seconds to read, to receive, to accept after it, and the changes found."""
    if kind == "every":
        sent = long_answers(count)
    else:
        sent = sent_paragraphs(60 if kind == "hostile" else count)
    texts = [p.text for p in sent]
    makers = {"edited": edited, "rewritten": rewritten, "every": every}
    returned = makers.get(kind, lambda _t: hostile(count))(texts)
    data = docx_bytes(returned)
    book = ApprovalBook(folder / f"{kind}-{count}")
    sid = "bench"
    now = dt.datetime(2026, 4, 1, 12, 0, tzinfo=dt.UTC)
    version = SentVersion(
        number=1,
        at=now,
        date=now.date(),
        channel="email",
        deadline=now.date(),
        lang="nl",
        file="sent-1.docx",
        docx_sha256="0" * 64,
        text_sha256="0" * 64,
        paragraphs=sent,
    )
    book.save(
        ApprovalRecord(
            session_id=sid, case="Bench", respondent="R1", state=ApprovalState.SENT, sent=[version]
        )
    )
    floor = timed(lambda: read_paragraphs(data))
    result: list[int] = []

    def step() -> None:
        _record, comparison, _returned = receive(book, sid, data, now=now)
        result.append(len(comparison.changes))

    received = timed(step)
    decided = timed(lambda: accept(book, sid, changes="minor", now=now, today=now.date()))
    return floor, received, decided, result[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000, 64000, 100000])
    parser.add_argument("--every-sizes", type=int, nargs="+", default=[25, 100, 400])
    parser.add_argument("--kinds", nargs="+", default=["every", "edited", "rewritten", "hostile"])
    args = parser.parse_args()
    print(
        f"{'kind':<10}{'paragraphs':>11}{'changes':>9}{'read s':>9}{'receive s':>11}"
        f"{'x floor':>9}{'exponent':>10}{'accept s':>10}{'exponent':>10}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds:
            previous: tuple[int, float, float] | None = None
            for count in args.every_sizes if kind == "every" else args.sizes:
                floor, total, decided, changes = one(kind, count, Path(tmp))
                growth = accept_growth = ""
                if previous is not None:
                    steps = math.log(count / previous[0])
                    growth = f"{math.log(total / previous[1]) / steps:.2f}"
                    accept_growth = f"{math.log(decided / previous[2]) / steps:.2f}"
                previous = (count, total, decided)
                print(
                    f"{kind:<10}{count:>11}{changes:>9}{floor:>9.2f}{total:>11.2f}"
                    f"{total / floor:>9.1f}{growth:>10}{decided:>10.3f}{accept_growth:>10}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
