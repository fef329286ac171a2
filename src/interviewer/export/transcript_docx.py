"""Transcript for respondent approval as a Word document, with Word's line numbering."""

from __future__ import annotations

from typing import IO

from interviewer.domain.session import Session
from interviewer.export.blocks import write_docx
from interviewer.export.content import build_content
from interviewer.export.options import ExportOptions
from interviewer.export.transcript import transcript_blocks, verbatim_transcript_blocks
from interviewer.export.verbatim import verbatim_content


def write_transcript_docx(session: Session, stream: IO[bytes], options: ExportOptions) -> None:
    """Write the approval transcript of one session as .docx to ``stream``."""
    if options.verbatim:
        verbatim = verbatim_content(session, options)
        content = verbatim.content
        blocks = verbatim_transcript_blocks(verbatim, timestamps=options.timestamps)
    else:
        content = build_content(session, options.lang)
        blocks = transcript_blocks(content, timestamps=options.timestamps)
    write_docx(blocks, stream, title=blocks[0].text, lang=content.lang, line_numbers=True)
