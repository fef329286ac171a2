"""The text of a returned Word document, paragraph by paragraph, as the respondent left it.

Read through python-docx's public ``Document`` and lxml on its body element: every ``w:p`` in
document order (also inside tables a respondent may have added), text from ``w:t``, tabs
and line breaks. Tracked insertions (``w:ins``) count as text, tracked deletions
(``w:delText``) do not: the returned text is the document with all changes accepted.
Empty paragraphs are left out (respondents add and remove blank lines freely).
"""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

_T, _TAB, _BR, _CR, _P = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:p")


class ReturnedDocumentError(ValueError):
    """The returned file is not a Word document we can read."""


def paragraph_text(p) -> str:  # p: lxml element w:p
    """The visible text of one ``w:p`` (tracked changes accepted), whitespace normalised."""
    pieces: list[str] = []
    for node in p.iter(_T, _TAB, _BR, _CR):
        if node.tag == _T:
            pieces.append(node.text or "")
        elif node.tag == _TAB:
            pieces.append("\t")
        else:
            pieces.append("\n")
    return " ".join("".join(pieces).split())


def read_paragraphs(data: bytes, *, keep_empty: bool = False) -> list[str]:
    """Paragraph texts of a .docx in document order; ReturnedDocumentError if unreadable."""
    try:
        doc = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReturnedDocumentError(f"not a Word (.docx) document: {exc}") from None
    out: list[str] = []
    for p in doc.element.body.iter(_P):
        # Nested paragraphs (text boxes) are read with their outer paragraph only once.
        if any(a.tag == _P for a in p.iterancestors()):
            continue
        text = paragraph_text(p)
        if text or keep_empty:
            out.append(text)
    return out
