"""One line numbering for the respondent, the researcher and ``cite`` (issue 13.3).

The .docx sent for approval writes every line's number as text in front of it, with the
same line breaking as the Markdown; ``interviewer cite`` quotes those lines. The first test
reads the .docx back with python-docx, the second lets LibreOffice lay it out and reads the
printed pages with ``pdftotext -layout``: at every line number the text ``cite`` returns.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from interviewer.cli import main

_DOCX_LINE = re.compile(r"^\t(\d+)\t(.*)$")
_PDF_LINE = re.compile(r"^\s*(\d+)\s+(\S.*)$")


def _run(data_dir: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "--lang", "en", *args])
    assert result.exit_code == 0, result.output
    return result.output.strip()


def _quote(data_dir: Path, session_id: str, first: int, last: int) -> str:
    """The quoted text of ``cite`` (without the curly quotes and the attribution)."""
    out = _run(data_dir, "cite", session_id, f"{first}-{last}")
    match = re.fullmatch(r"“(.*)” \(respondent .*\)", out, flags=re.S)
    assert match, out
    return match.group(1)


def _export(data_dir: Path, session_id: str, fmt: str, out: Path) -> Path:
    _run(data_dir, "export", session_id, "--format", fmt, "--out", str(out))
    (path,) = out.iterdir()
    return path


def docx_lines(path: Path) -> dict[int, str]:
    """Line number -> text, from the paragraphs as python-docx reads them (a line break is
    a newline, a tab a tab): every line starts with its number between tabs."""
    lines: dict[int, str] = {}
    for paragraph in Document(str(path)).paragraphs:
        for raw in paragraph.text.split("\n"):
            match = _DOCX_LINE.match(raw)
            assert match, f"unnumbered line in the .docx: {raw!r}"
            lines[int(match.group(1))] = match.group(2)
    return lines


def _ranges(lines: dict[int, str]) -> list[tuple[int, int]]:
    """Several citations across the transcript: one line, two lines, a long passage, the
    first and the last line."""
    last = max(lines)
    middle = next(n for n in range(last // 2, last) if len(lines[n]) > 60)
    return [(1, 1), (middle, middle + 1), (last // 3, last // 3 + 6), (last - 2, last)]


def test_docx_lines_are_the_lines_cite_quotes(stored, tmp_path: Path) -> None:
    data_dir, sessions = stored
    session = sessions[0]
    lines = docx_lines(_export(data_dir, session.id, "transcript-docx", tmp_path / "docx"))
    assert sorted(lines) == list(range(1, len(lines) + 1))
    assert len(lines) > 100
    for first, last in _ranges(lines):
        wanted = " ".join(lines[n] for n in range(first, last + 1) if lines[n])
        assert _quote(data_dir, session.id, first, last) == wanted
    # the Markdown numbers the same lines (with its emphasis marks around the same words)
    markdown = _export(data_dir, session.id, "transcript-md", tmp_path / "md")
    md_lines = {}
    for raw in markdown.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^[#\- ]*`\s*(\d+)` ?(.*)$", raw)
        if match:
            md_lines[int(match.group(1))] = re.sub(
                r"\*|\\(?=[#>\-+*|`\d])", "", match.group(2)
            ).rstrip()
    assert md_lines == {n: text.rstrip() for n, text in lines.items()}


def _pdf_lines(docx: Path, folder: Path) -> dict[int, str]:
    subprocess.run(
        ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        check=True,
        capture_output=True,
        timeout=240,
        env={"HOME": str(folder), "PATH": "/usr/bin:/bin:/usr/local/bin"},
    )
    pdf = folder / (docx.stem + ".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines: dict[int, str] = {}
    for raw in text.splitlines():
        match = _PDF_LINE.match(raw)
        if match:
            lines[int(match.group(1))] = " ".join(match.group(2).split())
    return lines


@pytest.mark.skipif(
    shutil.which("libreoffice") is None or shutil.which("pdftotext") is None,
    reason="needs LibreOffice (libreoffice) and poppler (pdftotext) to lay the .docx out "
    "as a printer would",
)
def test_printed_pages_show_at_each_line_number_what_cite_quotes(stored, tmp_path: Path) -> None:
    data_dir, sessions = stored
    session = sessions[0]
    docx = _export(data_dir, session.id, "transcript-docx", tmp_path / "docx")
    expected = docx_lines(docx)
    printed = _pdf_lines(docx, tmp_path / "pdf")
    # every line printed with its own number and its whole text: nothing wrapped by the
    # layout, nothing numbered twice (page numbers and the header carry no leading number
    # followed by transcript text)
    for number, text in expected.items():
        assert printed.get(number) == " ".join(text.split()), number
    for first, last in _ranges(expected):
        shown = " ".join(printed[n] for n in range(first, last + 1) if printed[n])
        assert shown == _quote(data_dir, session.id, first, last)
