"""Transcript for respondent approval as a Word document whose lines carry their numbers
(``export.transcript_lines``: the same lines as the Markdown and ``cite``)."""

from __future__ import annotations

from typing import IO

from interviewer.domain.session import Session
from interviewer.export.content import build_content
from interviewer.export.options import ExportOptions
from interviewer.export.page import page_setup
from interviewer.export.transcript import transcript_blocks, verbatim_transcript_blocks
from interviewer.export.transcript_lines import number_blocks, write_numbered_docx
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
    setup = page_setup(content.protocol, options, sessions=[session])
    numbered = number_blocks(blocks)
    write_numbered_docx(numbered, stream, title=blocks[0].text, lang=content.lang, setup=setup)
