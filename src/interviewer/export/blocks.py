"""A tiny document model (headings, paragraphs, bullets, labelled lines) and two renderers.

The transcript, the interview guide and the invitation letter exist as docx and Markdown;
building them once as ``Block`` lists and rendering twice keeps both versions word for word
the same. Markdown can number its lines (the transcript's citation lines).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Literal

from interviewer.export import docx_tools
from interviewer.export.page import PageSetup
from interviewer.export.text import clean_line, clean_text

Kind = Literal[
    "title", "h1", "h2", "h3", "p", "bullet", "meta", "question", "answer", "draft",
    "segment", "memo",
]  # fmt: skip


@dataclass(frozen=True)
class Block:
    """One paragraph-level element.

    ``label`` is the bold lead-in: the field name of a ``meta`` line, the speaker code of an
    ``answer``, ``segment`` (verbatim speech) or ``memo`` (the interviewer's notes beside it);
    ``stamp`` an optional session time shown before the text as ``[stamp]``; ``lead`` and
    ``tail`` literal recording stamps before and after a segment (``[00:12:34]``,
    ``#00:12:39-0#``).
    """

    kind: Kind
    text: str
    label: str = ""
    stamp: str = ""
    lead: str = ""
    tail: str = ""


DOCX_STYLES: dict[str, str] = {
    "title": "Title",
    "h1": "Heading 1",
    "h2": "Heading 2",
    "h3": "Heading 3",
    "p": "Normal",
    "bullet": "List Bullet",
    "meta": "Normal",
    "question": "Normal",
    "answer": "Normal",
    "draft": "Normal",
    "segment": "Normal",
    "memo": "Normal",
}
_LABELLED = ("meta", "answer", "segment", "memo")
"""Kinds whose label is followed by a colon (speaker codes, field names, the memo label)."""


def write_docx(
    blocks: Iterable[Block],
    stream: IO[bytes],
    *,
    title: str,
    lang: str,
    setup: PageSetup | None = None,
) -> None:
    """Render blocks to a Word document (styles as in ``DOCX_STYLES``); ``setup`` gives
    its paper, running header and author (``export.page``)."""
    doc = docx_tools.new_document(title, lang, setup=setup)
    # Resolve each style once: python-docx looks a style name up on every call otherwise.
    styles = {
        kind: (None if name == "Normal" else doc.styles[name]) for kind, name in DOCX_STYLES.items()
    }
    body = docx_tools.BodyAppender(doc)  # no search for the section properties per block
    for block in blocks:
        paragraph = body.add_paragraph(style=styles[block.kind])
        if block.stamp:
            paragraph.add_run(f"[{block.stamp}] ").italic = True
        if block.lead:
            paragraph.add_run(block.lead + " ")
        if block.label:
            suffix = ": " if block.kind in _LABELLED else " "
            paragraph.add_run(clean_line(block.label) + suffix).bold = True
        # The tail stamp shares the text's run: a verbatim transcript has thousands of them.
        tail = " " + block.tail if block.tail else ""
        run = paragraph.add_run(clean_text(block.text) + tail)
        if block.kind in ("question", "draft"):
            run.bold = True
        if block.kind in ("question", "memo"):
            run.italic = True
    docx_tools.save(doc, stream)


_MD_PREFIX = {"title": "# ", "h1": "## ", "h2": "### ", "h3": "#### ", "bullet": "- "}


def _md_escape(text: str) -> str:
    """Keep note text from turning into Markdown markup at the start of a line."""
    if text[:1] in "#>-+*|`" or text[:2].rstrip(".").isdigit():
        return "\\" + text
    return text


def _md_paragraph(block: Block) -> str:
    text = clean_text(block.text)
    if block.kind in ("question",):
        text = f"*{text}*"
    if block.kind == "draft":
        text = f"**{text}**"
    lead = ""
    if block.stamp:
        lead += f"[{block.stamp}] "
    if block.lead:
        lead += block.lead + " "
    if block.label:
        lead += f"**{clean_line(block.label)}{':' if block.kind in _LABELLED else ''}** "
    body = lead + (_md_escape(text) if block.kind == "p" and not lead else text)
    if block.tail:
        body += " " + block.tail
    return _MD_PREFIX.get(block.kind, "") + body


def render_markdown(blocks: Iterable[Block]) -> str:
    """Render blocks to Markdown, a blank line between blocks. (The transcript numbers its
    lines itself: ``export.transcript_lines``.)"""
    out: list[str] = []
    for block in blocks:
        out.append(_md_paragraph(block))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def write_markdown(blocks: Iterable[Block], stream: IO[bytes]) -> None:
    """Render blocks to Markdown and write UTF-8 bytes."""
    stream.write(render_markdown(blocks).encode("utf-8"))
