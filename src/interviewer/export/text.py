"""The one text sanitiser for every document we write, and safe file-name parts.

python-docx (and lxml beneath it) refuse characters that XML 1.0 cannot carry: NUL, ESC and
the other C0 controls, lone surrogates, U+FFFE/U+FFFF. Notes typed in a terminal can contain
them (a stray Ctrl key, a paste from a PDF), so every string that goes into a docx, an XML
file or a spreadsheet passes through ``clean_text`` first. Emoji and right-to-left text are
valid XML and are kept unchanged.
"""

from __future__ import annotations

import re
import unicodedata

_INVALID_XML = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]",
)
"""Characters XML 1.0 forbids (tab, newline and carriage return are allowed)."""

REPLACEMENT = "\ufffd"


def clean_text(text: str | None) -> str:
    """``text`` with XML-invalid characters replaced by U+FFFD and CRLF made LF.

    A replacement character (rather than silent removal) shows the reader that something
    was there, which matters in a transcript a respondent approves.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVALID_XML.sub(REPLACEMENT, text)


def clean_line(text: str | None) -> str:
    """``clean_text`` folded onto one line (for table cells of CSV, titles, attributes)."""
    return " ".join(clean_text(text).split())


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name_part(value: str, fallback: str = "x") -> str:
    """A file-name part: ASCII letters, digits, '.', '_' and '-' only, never empty.

    Accents are folded (Coördinator -> Coordinator); anything else becomes '-'. Leading dots
    are dropped so a case called '..' can never climb out of the export folder.
    """
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    part = _UNSAFE_NAME.sub("-", folded).strip("-.")
    part = re.sub(r"-{2,}", "-", part)
    return part[:60] or fallback


def paragraphs_of(text: str | None) -> list[str]:
    """Notes split into paragraphs at blank lines; single newlines kept inside a paragraph."""
    cleaned = clean_text(text).strip()
    if not cleaned:
        return []
    return [p.strip() for p in re.split(r"\n\s*\n", cleaned) if p.strip()]
