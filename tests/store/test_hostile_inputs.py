"""Every file reader refuses hostile input with one line: FIFOs, devices, huge and deep files,
huge numbers, zip bombs, billion laughs, damaged session files (issue 14, point 3)."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from interviewer.input_files import InputFileError, json_loads, read_bounded
from interviewer.membercheck.docx_text import (
    MAX_UNPACKED_BYTES,
    ReturnedDocumentError,
    read_docx_file,
    read_paragraphs,
)
from interviewer.protocol.loader import check_protocol, check_protocol_text
from interviewer.store import SessionStore
from interviewer.store.portable import PortableError, read_portable
from interviewer.transcript import TranscriptError, read_transcript
from interviewer.transcript.read import parse_transcript

MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def one_line(exc: BaseException) -> str:
    text = str(exc)
    assert text and "\n" not in text and "object at 0x" not in text, text
    return text


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def docx(body: bytes = b"", *, main: bytes | None = None, ctype: str = MAIN) -> bytes:
    """A minimal .docx: content types and a main part (``body`` inside ``w:body``)."""
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'content-types"><Override PartName="/word/document.xml" ContentType="{ctype}"/></Types>'
    ).encode()
    if main is None:
        main = f'<w:document xmlns:w="{W}"><w:body>'.encode() + body + b"</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("word/document.xml", main)
    return out.getvalue()


def para(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


# --- not a regular file: refused before open, never a hang ----------------------------------
def test_bounded_read_refuses_a_fifo_and_a_device(fifo: Path) -> None:
    with pytest.raises(InputFileError, match="named pipe"):
        read_bounded(fifo, 100)
    with pytest.raises(InputFileError, match="device"):
        read_bounded("/dev/zero", 100)


def test_bounded_read_refuses_a_file_over_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 101)
    with pytest.raises(InputFileError, match="too large"):
        read_bounded(path, 100)
    assert read_bounded(path, 101) == b"x" * 101


def test_import_refuses_a_fifo_and_dev_zero(fifo: Path) -> None:
    with pytest.raises(PortableError, match="named pipe"):
        read_portable(fifo)
    with pytest.raises(PortableError, match="device") as caught:
        read_portable(Path("/dev/zero"))
    one_line(caught.value)


def test_transcript_import_refuses_a_fifo_and_dev_zero(fifo: Path) -> None:
    with pytest.raises(TranscriptError, match="named pipe"):
        read_transcript(fifo)
    with pytest.raises(TranscriptError, match="device"):
        read_transcript("/dev/zero")


def test_approval_receive_refuses_a_fifo_and_dev_zero(fifo: Path) -> None:
    with pytest.raises(ReturnedDocumentError, match="named pipe"):
        read_docx_file(fifo)
    with pytest.raises(ReturnedDocumentError, match="device"):
        read_docx_file("/dev/zero")


def test_check_refuses_a_fifo_and_dev_zero(fifo: Path) -> None:
    for path in (fifo, Path("/dev/zero")):
        result = check_protocol(path)
        assert result.protocol is None
        assert "not a regular file" in result.errors[0].message


# --- depth and big numbers ------------------------------------------------------------------
def test_deep_json_is_one_value_error() -> None:
    with pytest.raises(ValueError, match="nested deeper"):
        json_loads(b"[" * 100_000)
    with pytest.raises(ValueError, match="nested deeper"):
        json_loads(b"[" * 300 + b"]" * 300)  # parses, but deeper than any of our files
    assert json_loads(b"[[1]]") == [[1]]


def test_import_refuses_deep_json_and_a_5000_digit_number(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 100_000)
    with pytest.raises(PortableError, match="nested deeper") as caught:
        read_portable(deep)
    one_line(caught.value)
    big = tmp_path / "big.json"
    big.write_bytes(b'{"format": ' + b"9" * 5000 + b"}")
    with pytest.raises(PortableError, match="not valid JSON") as caught:
        read_portable(big)
    one_line(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        '{"segments": [{"start": ' + "9" * 5000 + ', "end": 1, "text": "x"}]}',
        '{"segments": [{"start": 1' + "0" * 400 + ', "end": 1e999, "text": "x"}]}',
        '{"segments": [{"start": NaN, "end": Infinity, "text": "x"}]}',
        '{"text": ' + "[" * 5000 + "}",
    ],
)
def test_transcript_refuses_deep_json_and_big_numbers(text: str) -> None:
    for fmt in ("auto", "whisper-json", "otranscribe"):
        with pytest.raises(TranscriptError) as caught:
            parse_transcript(text, fmt, "t.json")
        one_line(caught.value)


# --- the returned .docx ---------------------------------------------------------------------
def test_docx_reads_paragraphs_tables_and_text_boxes() -> None:
    box = (
        b"<w:p><w:r><w:t>outer</w:t></w:r><w:r><w:txbxContent>"
        + para("inner")
        + b"</w:txbxContent></w:r></w:p>"
    )
    table = b"<w:tbl><w:tr><w:tc>" + para("cell") + b"</w:tc></w:tr></w:tbl>"
    got = read_paragraphs(docx(para("one") + box + table + para("two")))
    assert got == ["one", "outerinner", "cell", "two"]  # as before: runs joined


def test_docx_billion_laughs_is_refused_unexpanded() -> None:
    entities = '<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9)
    )
    main = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body>'
        "</w:document>"
    ).encode()
    with pytest.raises(ReturnedDocumentError, match="entities") as caught:
        read_paragraphs(docx(main=main))
    one_line(caught.value)


def test_docx_zip_bomb_is_refused_before_decompressing() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * (1 << 20)
            for _ in range(MAX_UNPACKED_BYTES // len(chunk) + 1):
                part.write(chunk)
    data = out.getvalue()
    assert len(data) < 1_000_000  # small compressed, over 200 MiB declared and actual
    with pytest.raises(ReturnedDocumentError, match="zip bomb") as caught:
        read_paragraphs(data)
    one_line(caught.value)


def test_docx_part_that_lies_about_its_size_is_refused() -> None:
    data = bytearray(docx(para("hello") * 100))
    # shrink the declared size of word/document.xml in the central directory: zipfile stops
    # at the declared size and the CRC no longer matches
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("word/document.xml")
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(b"word/document.xml"))
    data[central + 24 : central + 28] = (info.file_size // 2).to_bytes(4, "little")
    with pytest.raises(ReturnedDocumentError) as caught:
        read_paragraphs(bytes(data))
    one_line(caught.value)


def test_docx_crc_corrupt_is_one_line() -> None:
    data = bytearray(docx(para("hello world") * 50))
    start = data.find(b"word/document.xml") + len("word/document.xml") + 5
    data[start] ^= 0xFF
    with pytest.raises(ReturnedDocumentError) as caught:
        read_paragraphs(bytes(data))
    one_line(caught.value)


@pytest.mark.parametrize(
    "main",
    [
        b"<w:document",  # malformed
        f'<w:document xmlns:w="{W}"><w:body>'.encode() + b"<w:p>" * 100_000,  # deep
        f'<w:document xmlns:w="{W}"><w:body>'.encode() + b"\x01</w:body></w:document>",
    ],
)
def test_docx_bad_xml_is_one_line(main: bytes) -> None:
    with pytest.raises(ReturnedDocumentError, match=r"word/document\.xml:") as caught:
        read_paragraphs(docx(main=main))
    one_line(caught.value)


def test_docx_with_a_changed_content_type_is_not_a_word_document() -> None:
    data = docx(para("x"), ctype="application/vnd.ms-excel")
    with pytest.raises(ReturnedDocumentError, match="no main document part") as caught:
        read_paragraphs(data)
    one_line(caught.value)
    with pytest.raises(ReturnedDocumentError, match="not a zip"):
        read_paragraphs(b"PK\x03\x04 not really")


def test_docx_with_100000_paragraphs_is_read() -> None:
    got = read_paragraphs(docx(b"".join(para(f"p{i}") for i in range(100_000))))
    assert len(got) == 100_000 and got[-1] == "p99999"


# --- the protocol checker -------------------------------------------------------------------
PROTOCOL = """\
id: p
title: T
language: en
duration_minutes: {duration}
topics:
  - id: t
    title: Topic
    variable: Topic
    minutes: {minutes}
    characteristics:
      - id: quality
        label: Quality
    questions:
      - id: q
        text: How?
        characteristic: {characteristic}
"""


@pytest.mark.parametrize(
    ("duration", "minutes", "characteristic"),
    [
        (".inf", "5", "quality"),
        ("1e308", "5", "quality"),
        (".nan", "5", "quality"),
        ("60", "9" * 309, "quality"),
        ("60", "9" * 5000, "quality"),
        ("60", "-.inf", "quality"),
        ("60", "5", "[quality, presence]"),
        ("60", "5", "{id: quality}"),
    ],
)
def test_check_refuses_absurd_numbers_and_odd_characteristics(
    duration: str, minutes: str, characteristic: str
) -> None:
    text = PROTOCOL.format(duration=duration, minutes=minutes, characteristic=characteristic)
    result = check_protocol_text(text, "p.yaml")
    assert result.protocol is None
    assert result.errors
    plain = PROTOCOL.format(duration="60", minutes="5", characteristic="quality")
    assert check_protocol_text(plain, "p.yaml").protocol is not None  # only the value differs
    for problem in result.errors:
        assert "\n" not in problem.message and len(problem.message) < 300


def test_check_still_accepts_a_plain_protocol() -> None:
    text = PROTOCOL.format(duration="60", minutes="5", characteristic="quality")
    assert check_protocol_text(text, "p.yaml").protocol is not None


# --- the data folder ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "content", [b"[" * 100_000, b'{"session": {"1": ' + b"[" * 500 + b"}}", b"\xff\xfe", b""]
)
def test_a_damaged_session_file_is_reported_and_the_others_still_list(
    filled: SessionStore, content: bytes
) -> None:
    before = {s.id for s in filled.list()}
    (filled.sessions_dir / "broken.json").write_bytes(content)
    listed = {s.id for s in filled.list()}
    assert listed == before
    assert len(filled.problems) == 1 and "broken.json" in filled.problems[0]
    one_line(ValueError(filled.problems[0]))


def test_a_fifo_in_the_sessions_folder_does_not_hang_the_listing(filled: SessionStore) -> None:
    before = {s.id for s in filled.list()}
    os.mkfifo(filled.sessions_dir / "pipe.json")
    assert {s.id for s in filled.list()} == before
    assert "not a regular file" in filled.problems[0]
