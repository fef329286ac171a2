"""Transcript for respondent approval as Markdown, every text line numbered."""

from __future__ import annotations

from typing import IO

from interviewer.domain.session import Session
from interviewer.export.blocks import write_markdown
from interviewer.export.content import build_content
from interviewer.export.options import ExportOptions
from interviewer.export.transcript import transcript_blocks


def write_transcript_md(session: Session, stream: IO[bytes], options: ExportOptions) -> None:
    """Write the approval transcript of one session as numbered-line Markdown."""
    content = build_content(session, options.lang)
    blocks = transcript_blocks(content, timestamps=options.timestamps)
    write_markdown(blocks, stream, line_numbers=True)
