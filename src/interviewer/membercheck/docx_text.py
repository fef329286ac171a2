"""The text of a returned Word document, paragraph by paragraph, as the respondent left it.

A returned file comes from outside, so it is read defensively, with the standard library's
``zipfile`` and lxml rather than a full document model:

* the zip may hold at most ``MAX_PARTS`` parts that unpack to at most ``MAX_UNPACKED_BYTES``
  together, checked on the sizes the archive declares *before* anything is decompressed
  (a zip bomb is refused unopened), and each part is read no further than its declared size
  (``zipfile`` stops there and checks the CRC, so a part that lies about its size is refused);
* the main document part is found through ``[Content_Types].xml`` (a file whose type was
  changed is "not a Word document", never a Python object's repr);
* XML is parsed by lxml with entities unresolved, no DTD, no network and libxml2's default
  depth and size limits (``huge_tree=False``); a part that declares a DOCTYPE is refused
  outright, as Word never writes one (billion laughs cannot expand);
* every problem is a ``ReturnedDocumentError`` with a one-line reason.

Then every ``w:p`` of the body in document order (also inside tables a respondent may have
added), text from ``w:t``, tabs and line breaks. Tracked insertions (``w:ins``) count as
text, tracked deletions (``w:delText``) do not: the returned text is the document with all
changes accepted. A paragraph inside another (a text box) is read with its outer paragraph
only. Empty paragraphs are left out (respondents add and remove blank lines freely).

The transcript numbers its own lines (``export.transcript_lines``): runs in the line number
character style are not text, and where a program dropped that style, a number between tabs
at the start of a line (``\t12\t``) is left out all the same. A tick box reads as the box
the respondent sees: a Word check box content control (``w14:checkbox``) or legacy check box
field as ``☒`` or ``☐`` by its checked state, a Wingdings box or tick symbol (``w:sym``) as
its Unicode character.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from interviewer.i18n.errors import TranslatableValueError
from interviewer.input_files import MAX_DOCX_BYTES, MIB, InputFileError, read_bounded

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_T, _TAB, _BR, _CR, _P = (f"{{{_W}}}{name}" for name in ("t", "tab", "br", "cr", "p"))
_R, _RPR, _RSTYLE, _SYM, _SDT, _SDTCONTENT, _CHECKBOX_FIELD = (
    f"{{{_W}}}{name}" for name in ("r", "rPr", "rStyle", "sym", "sdt", "sdtContent", "checkBox")
)
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W14_CHECKBOX, _W14_CHECKED = f"{{{_W14}}}checkbox", f"{{{_W14}}}checked"
_VAL, _W14_VAL, _CHAR = f"{{{_W}}}val", f"{{{_W14}}}val", f"{{{_W}}}char"

LINE_NUMBER_STYLE_ID = "TranscriptLineNumber"
"""``export.transcript_lines.LINE_NUMBER_STYLE_ID``: runs in this style are line numbers."""

_NUMBER_AT_LINE_START = re.compile(r"(^|\n)\t?\d{1,6}\t")
"""A line number whose character style was lost: at the start of a line, between tabs."""

CHECKED_BOX, EMPTY_BOX = "\u2612", "\u2610"
_SYMBOL_CHARS = {
    "F0FE": "\u2611",  # Wingdings 254: box with a tick
    "F0FD": "\u2612",  # Wingdings 253: box with a cross
    "F0FC": "\u2713",  # Wingdings 252: tick
    "F0FB": "\u2717",  # Wingdings 251: cross
    "F0A8": EMPTY_BOX,  # Wingdings 168: empty box
    "F06F": EMPTY_BOX,  # Wingdings 111: empty box
}
"""Wingdings symbols Word inserts for boxes and ticks, as the Unicode characters they show."""
_BODY = f"{{{_W}}}body"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"

MAX_PARTS = 1_000
"""Parts in the zip; a Word document has about a dozen, one with many images a few hundred."""
MAX_UNPACKED_BYTES = 200 * MIB
"""Declared size of all parts together; a 300-page document with photos is well under 100."""

MAIN_TYPES = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
"""Content types of a Word main document part (document, template, macro-enabled)."""

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


class ReturnedDocumentError(TranslatableValueError):
    """The returned file is not a Word document we can read (one line, a key of the tables)."""


def read_docx_file(path: Path | str) -> bytes:
    """The bytes of a returned .docx on disk: a regular file of at most 50 MiB.

    ``ReturnedDocumentError`` for a FIFO, a device or a file too large; ``OSError`` for a
    missing or unreadable file (the caller's line says which file).
    """
    try:
        return read_bounded(path, MAX_DOCX_BYTES)
    except InputFileError as exc:
        raise ReturnedDocumentError("input.error.refused", error=exc) from None


def _size(count: int) -> str:
    return f"{count / MIB:.0f} MiB"


def _part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One part, decompressed no further than its declared size (CRC checked at the end)."""
    try:
        with archive.open(info) as stream:
            data = stream.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise ReturnedDocumentError("docx.error.damaged", error=f"{info.filename}: {exc}") from None
    except (NotImplementedError, RuntimeError) as exc:  # unknown compression, encrypted
        raise ReturnedDocumentError("docx.error.damaged", error=f"{info.filename}: {exc}") from None
    if len(data) > info.file_size:
        raise ReturnedDocumentError("docx.error.too_large_inside", limit=_size(MAX_UNPACKED_BYTES))
    return data


def _xml(data: bytes, part: str) -> etree._Element:
    """A part parsed safely; DOCTYPEs are refused before parsing."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ReturnedDocumentError("docx.error.entities", part=part)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        reason = str(exc.msg or exc).splitlines()[0] if (exc.msg or str(exc)) else "bad XML"
        raise ReturnedDocumentError("docx.error.xml", part=part, line=line, error=reason) from None
    except (etree.LxmlError, ValueError) as exc:
        raise ReturnedDocumentError("docx.error.xml", part=part, line=1, error=exc) from None
    if root.getroottree().docinfo.doctype:
        raise ReturnedDocumentError("docx.error.entities", part=part)
    return root


def _main_part(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]) -> tuple[str, bytes]:
    """Name and bytes of the main document part, found by its content type."""
    types_info = parts.get("[Content_Types].xml")
    if types_info is None:
        raise ReturnedDocumentError("docx.error.no_document", found="no [Content_Types].xml")
    types = _xml(_part(archive, types_info), "[Content_Types].xml")
    found: list[str] = []
    for override in types.iter(f"{{{_CT}}}Override"):
        name = str(override.get("PartName") or "").lstrip("/")
        kind = str(override.get("ContentType") or "")
        if kind in MAIN_TYPES and name in parts:
            return name, _part(archive, parts[name])
        if name == "word/document.xml":
            found.append(f"{name} is {kind[:80]!r}")
    raise ReturnedDocumentError("docx.error.no_document", found="; ".join(found) or "none")


def _body(data: bytes) -> etree._Element:
    """The ``w:body`` of a .docx, every limit checked; ``ReturnedDocumentError`` otherwise."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise ReturnedDocumentError("docx.error.not_zip", error=exc) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise ReturnedDocumentError(
                "docx.error.too_many_parts", count=len(infos), limit=MAX_PARTS
            )
        if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
            raise ReturnedDocumentError(
                "docx.error.too_large_inside", limit=_size(MAX_UNPACKED_BYTES)
            )
        name, main = _main_part(archive, {info.filename: info for info in infos})
    root = _xml(main, name)
    body = root.find(_BODY)
    if body is None:
        raise ReturnedDocumentError("docx.error.no_document", found=f"{name} has no w:body")
    return body


def _is_number_run(run: etree._Element | None) -> bool:
    if run is None or run.tag != _R:
        return False
    style = run.find(f"{_RPR}/{_RSTYLE}")
    return style is not None and style.get(_VAL) == LINE_NUMBER_STYLE_ID


def _checked(element: etree._Element | None) -> bool:
    """``w14:checked`` / ``w:checked`` / ``w:default``: on unless its value says off."""
    if element is None:
        return False
    value = element.get(_W14_VAL, element.get(_VAL, "1"))
    return value.lower() not in ("0", "false", "off")


def _box(node: etree._Element) -> str | None:
    """The box a check box content control or legacy check box field shows, else None."""
    if node.tag == _SDT:
        box = node.find(f"{{{_W}}}sdtPr/{_W14_CHECKBOX}")
        if box is None:
            return None
        return CHECKED_BOX if _checked(box.find(_W14_CHECKED)) else EMPTY_BOX
    checked = node.find(f"{{{_W}}}checked")
    if checked is None:
        checked = node.find(f"{{{_W}}}default")
    return CHECKED_BOX if _checked(checked) else EMPTY_BOX


def _inside(node: etree._Element, skipped: list[etree._Element], stop: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if any(parent is s for s in skipped):
            return True
        parent = parent.getparent()
    return False


def paragraph_text(p: etree._Element) -> str:
    """The visible text of one ``w:p`` (tracked changes accepted), whitespace normalised;
    line numbers left out and tick boxes as box characters (see the module docstring)."""
    pieces: list[str] = []
    skipped: list[etree._Element] = []  # contents of check box controls, read as their box
    for node in p.iter(_T, _TAB, _BR, _CR, _SYM, _SDT, _CHECKBOX_FIELD):
        if skipped and _inside(node, skipped, p):
            continue
        if node.tag in (_SDT, _CHECKBOX_FIELD):
            box = _box(node)
            if box is not None:
                pieces.append(box)
                if node.tag == _SDT:
                    content = node.find(_SDTCONTENT)
                    if content is not None:
                        skipped.append(content)
            continue
        if _is_number_run(node.getparent()):
            continue
        if node.tag == _T:
            pieces.append(node.text or "")
        elif node.tag == _TAB:
            pieces.append("\t")
        elif node.tag == _SYM:
            pieces.append(_SYMBOL_CHARS.get(str(node.get(_CHAR) or "").upper(), ""))
        else:
            pieces.append("\n")
    text = _NUMBER_AT_LINE_START.sub(r"\1", "".join(pieces))
    return " ".join(text.split())


def _outer_paragraphs(body: etree._Element) -> Iterator[etree._Element]:
    """Every ``w:p`` not inside another, in document order: one pass over the tree.

    Asking each paragraph for its ancestors instead costs the depth of the tree per
    paragraph; here a paragraph's own subtree is skipped once it has been yielded.
    """
    skip_until: etree._Element | None = None
    for node in body.iter(_P):
        if skip_until is not None:
            # still inside the last outer paragraph? (its descendants come right after it)
            parent = node.getparent()
            inside = False
            while parent is not None and parent is not body:
                if parent is skip_until:
                    inside = True
                    break
                parent = parent.getparent()
            if inside:
                continue
        skip_until = node
        yield node


def read_paragraphs(data: bytes, *, keep_empty: bool = False) -> list[str]:
    """Paragraph texts of a .docx in document order; ReturnedDocumentError if unreadable."""
    out: list[str] = []
    for p in _outer_paragraphs(_body(data)):
        text = paragraph_text(p)
        if text or keep_empty:
            out.append(text)
    return out
