"""Property test: random and mutated bytes into every reader give the reader's one-line error,
never another exception (issue 14, point 3)."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from interviewer.membercheck.docx_text import ReturnedDocumentError, read_paragraphs
from interviewer.protocol.loader import check_protocol_text
from interviewer.store.portable import PortableError, parse_portable
from interviewer.transcript import TranscriptError
from interviewer.transcript.read import FORMATS, decode, parse_transcript

FAST = settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))

SEEDS = [
    b'{"format": "interviewer-session", "version": 1, "exported_at": "2024-01-01T00:00:00Z",'
    b' "session": {"id": "a", "format": 1}}',
    b'{"segments": [{"start": 0.0, "end": 1.5, "text": "Hallo", "speaker": "SPEAKER_00"}]}',
    b"1\n00:00:01,000 --> 00:00:02,000\nAnna: ja\n\n2\n00:00:03,000 --> 00:00:04,000\nnee\n",
    b"WEBVTT\n\n00:00.000 --> 00:01.000\n<v Anna>ja\n",
    b'{"text": "<p><span class=\\"timestamp\\" data-timestamp=\\"1.0\\">00:01</span> ja</p>"}',
    b"[00:00:01] Anna: ja\n[00:00:05] Bert: nee\n",
    b"id: p\ntitle: T\nlanguage: en\nduration_minutes: 60\ntopics:\n  - id: t\n    title: T\n"
    b"    variable: T\n    minutes: 5\n    questions:\n      - id: q\n        text: How?\n",
]


def mutated(seed: bytes) -> st.SearchStrategy[bytes]:
    """``seed`` with a few bytes flipped, inserted or removed, or deeply nested."""

    def mutate(data: tuple[list[tuple[int, int, int]], int]) -> bytes:
        edits, nest = data
        out = bytearray(seed)
        for kind, pos, value in edits:
            at = pos % (len(out) + 1)
            if kind == 0 and out:
                out[at % len(out)] = value
            elif kind == 1:
                out[at:at] = bytes([value]) * (value % 7 + 1)
            elif out:
                del out[at % len(out) : at % len(out) + value % 5 + 1]
        return b"[" * nest + bytes(out)

    edit = st.tuples(st.integers(0, 2), st.integers(0, 10_000), st.integers(0, 255))
    return st.tuples(st.lists(edit, max_size=6), st.sampled_from([0, 0, 0, 300, 5000])).map(mutate)


INPUTS = st.one_of(st.binary(max_size=400), *[mutated(seed) for seed in SEEDS])


@FAST
@given(INPUTS)
def test_portable_session_reader(raw: bytes) -> None:
    try:
        parse_portable(raw, "x.json")
    except PortableError as exc:
        assert "\n" not in str(exc)


@FAST
@given(INPUTS, st.sampled_from(("auto", *FORMATS)))
def test_transcript_readers(raw: bytes, fmt: str) -> None:
    try:
        parse_transcript(decode(raw, "t.json"), fmt, "t.json")
    except TranscriptError as exc:
        assert str(exc).strip()


@SLOW
@given(INPUTS)
@example(b'{.\r\r!,"":{""}}')  # a key with a line break in it (found by CI)
def test_protocol_checker(raw: bytes) -> None:
    result = check_protocol_text(raw.decode("utf-8", "replace"), "p.yaml")
    assert all("\n" not in p.message for p in result.problems)


def _docx() -> bytes:
    from docx import Document

    document = Document()
    for text in ("Eerste alinea.", "Tweede alinea met meer tekst.", "Derde."):
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


DOCX = _docx()


@SLOW
@given(st.lists(st.tuples(st.integers(0, len(DOCX) - 1), st.integers(0, 255)), max_size=8))
def test_returned_docx_reader(flips: list[tuple[int, int]]) -> None:
    data = bytearray(DOCX)
    for pos, value in flips:
        data[pos] = value
    try:
        read_paragraphs(bytes(data))
    except ReturnedDocumentError as exc:
        assert "\n" not in str(exc) and "object at 0x" not in str(exc)


@SLOW
@given(st.binary(max_size=3000), st.sampled_from(["word/document.xml", "[Content_Types].xml"]))
def test_returned_docx_with_random_parts(part: bytes, name: str) -> None:
    source = zipfile.ZipFile(io.BytesIO(DOCX))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, part if info.filename == name else source.read(info))
    try:
        read_paragraphs(out.getvalue())
    except ReturnedDocumentError as exc:
        assert "\n" not in str(exc)
