"""Transcript for respondent approval as Markdown, every text line numbered."""

from __future__ import annotations

from typing import IO

from interviewer.domain.session import Session
from interviewer.export.blocks import write_markdown
from interviewer.export.content import build_content
from interviewer.export.options import ExportOptions
from interviewer.export.transcript import transcript_blocks, verbatim_transcript_blocks
from interviewer.export.verbatim import verbatim_content


def write_transcript_md(session: Session, stream: IO[bytes], options: ExportOptions) -> None:
    """Write the approval transcript of one session as numbered-line Markdown."""
    if options.verbatim:
        verbatim = verbatim_content(session, options)
        blocks = verbatim_transcript_blocks(verbatim, timestamps=options.timestamps)
    else:
        blocks = transcript_blocks(
            build_content(session, options.lang), timestamps=options.timestamps
        )
    write_markdown(blocks, stream, line_numbers=True)
