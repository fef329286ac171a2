"""Transcript for respondent approval as Markdown, every text line numbered (the same lines
as the .docx and ``cite``: ``export.transcript_lines``)."""

from __future__ import annotations

from typing import IO

from interviewer.domain.session import Session
from interviewer.export.blocks import Block
from interviewer.export.content import build_content
from interviewer.export.options import ExportOptions
from interviewer.export.transcript import transcript_blocks, verbatim_transcript_blocks
from interviewer.export.transcript_lines import Line, number_blocks, render_markdown
from interviewer.export.verbatim import verbatim_content


def _blocks(session: Session, options: ExportOptions) -> list[Block]:
    if options.verbatim:
        verbatim = verbatim_content(session, options)
        return verbatim_transcript_blocks(verbatim, timestamps=options.timestamps)
    return transcript_blocks(build_content(session, options.lang), timestamps=options.timestamps)


def write_transcript_md(session: Session, stream: IO[bytes], options: ExportOptions) -> None:
    """Write the approval transcript of one session as numbered-line Markdown."""
    stream.write(render_markdown(number_blocks(_blocks(session, options))).encode("utf-8"))


def transcript_lines(session: Session, options: ExportOptions) -> list[Line]:
    """The numbered lines of the transcript (what ``cite`` quotes), as both files show them."""
    return [line for item in number_blocks(_blocks(session, options)) for line in item.lines]
