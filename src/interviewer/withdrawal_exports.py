"""After a withdrawal: which export files still hold the respondent.

Exports live outside the data folder (``./exports`` by default) and may have been copied or
sent on, so ``interviewer withdraw`` does not delete them; it lists them so the researcher
can. A file is listed when

- its name starts with the session's own export name (``<case>_<code>_``, see
  ``export.registry.export_file_name``) or contains the session id, or
- its text (Markdown, CSV, JSON, and the XML inside .docx/.xlsx/.qdpx) contains the session
  id, or both the case and the respondent code as a whole token (``1.1`` but not ``1.10``).

The text test errs on the side of listing: a matrix of the case lists every respondent, so
it is listed, and the researcher decides. Files that cannot be read are listed too, with the
reason, rather than silently passed over.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from interviewer.export.text import safe_name_part

TEXT_SUFFIXES = (".md", ".csv", ".json", ".txt")
ZIP_SUFFIXES = (".docx", ".xlsx", ".qdpx")
MAX_BYTES = 200 * 1024 * 1024
"""Larger files (and zip members) are not read: listed as unreadable instead."""
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"</(?:w:p|a:p|text:p|p|si|c|row|Paragraph|Case|Source)>")


@dataclass(frozen=True)
class ExportHit:
    """An export file that still holds the respondent, and why it was listed."""

    path: Path
    why: str
    """``name``, ``text`` or ``unreadable: <reason>``."""


def _code_pattern(code: str) -> re.Pattern[str]:
    # a whole token: "1.1" is not found in "1.10", "21.1" or "1.1.2"
    return re.compile(rf"(?<![\w.]){re.escape(code)}(?!\w|\.\w)")


def _texts(path: Path) -> Iterable[str]:
    """The file's text: whole for text files; for zip containers, each XML or text member
    both as it is (attribute values, ids) and with its tags removed (words split over runs)."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        if path.stat().st_size > MAX_BYTES:
            raise OSError("too large to read")
        yield path.read_bytes().decode("utf-8", errors="replace")
        return
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir() or not info.filename.lower().endswith((".xml", ".qde", ".txt")):
                continue
            if info.file_size > MAX_BYTES:
                raise OSError(f"{info.filename} is too large to read")
            raw = archive.read(info).decode("utf-8", errors="replace")
            yield raw
            yield html.unescape(_TAG.sub("", _BREAK.sub("\n", raw)))


def _holds(path: Path, session_id: str, case: str, code: re.Pattern[str]) -> bool:
    # the whole file at once: in a workbook the case may be a sheet name, the code a cell
    text = "\n".join(_texts(path))
    return session_id in text or (case in text and code.search(text) is not None)


def exports_mentioning(
    folders: Iterable[Path], session_id: str, case: str, respondent: str
) -> list[ExportHit]:
    """Export files under ``folders`` (recursively) that still hold this respondent."""
    prefix = f"{safe_name_part(case)}_{safe_name_part(respondent)}_".casefold()
    code = _code_pattern(respondent)
    hits: list[ExportHit] = []
    seen: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path in seen or not path.is_file() or path.name.startswith("."):
                continue
            seen.add(path)
            name = path.name.casefold()
            if name.startswith(prefix) or session_id.casefold() in name:
                hits.append(ExportHit(path, "name"))
                continue
            if path.suffix.lower() not in (*TEXT_SUFFIXES, *ZIP_SUFFIXES):
                continue
            try:
                if _holds(path, session_id, case, code):
                    hits.append(ExportHit(path, "text"))
            except (OSError, zipfile.BadZipFile, RuntimeError) as exc:
                hits.append(ExportHit(path, f"unreadable: {exc}"))
    return hits
