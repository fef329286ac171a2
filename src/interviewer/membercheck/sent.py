"""The transcript sent for approval: the docx bytes and each paragraph's place in the session.

The document is the regular approval transcript (``export.transcript``); here its blocks are
walked in the same order ``transcript_blocks`` builds them so that every paragraph knows
its role (meta, heading, question, answer, placeholder, approval block) and, for answers,
its question and origin (quick answer, notes, or a labelled part). That map is what lets a
returned document's edits flow back into the right questions.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from interviewer.domain.session import Session
from interviewer.export.content import SessionContent, build_content
from interviewer.export.page import page_setup
from interviewer.export.transcript import ReturnRequest, title_blocks, transcript_blocks
from interviewer.export.transcript_lines import number_blocks, write_numbered_docx
from interviewer.membercheck.docx_text import read_paragraphs
from interviewer.membercheck.model import Origin, SentParagraph


@dataclass(frozen=True)
class Rendered:
    """A rendered approval transcript: the docx bytes and its annotated paragraphs."""

    docx: bytes
    paragraphs: list[SentParagraph]
    lang: str

    @property
    def docx_sha256(self) -> str:
        """sha256 of the file sent."""
        return hashlib.sha256(self.docx).hexdigest()

    @property
    def text_sha256(self) -> str:
        """sha256 of the sent text (paragraphs joined by newlines, UTF-8)."""
        text = "\n".join(p.text for p in self.paragraphs)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def annotate(content: SessionContent, *, request: bool = False) -> list[SentParagraph]:
    """One SentParagraph per transcript block (text filled in by ``render``); ``request``:
    the cover text is followed by the return request (deadline, address)."""
    out: list[SentParagraph] = [SentParagraph(text="", role="meta") for _ in title_blocks(content)]
    out.append(SentParagraph(text="", role="meta"))  # cover text
    if request:
        out.append(SentParagraph(text="", role="meta"))
    if not content.has_notes:
        out.append(SentParagraph(text="", role="meta"))
    for section in content.sections:
        out.append(SentParagraph(text="", role="heading"))
        for entry in section.entries:
            qid = entry.question_id
            labels = [speaker if content.group else "" for speaker, _ in entry.answer_turns()]
            out.append(SentParagraph(text="", role="question", question_id=qid))
            origins: list[tuple[Origin, str | None]] = []
            if entry.answer:
                origins.append(("quick", None))
            origins += [("notes", None)] * len(entry.notes)
            origins += [("part", pid) for pid, (_l, text) in _part_ids(content, entry) if text]
            if not origins:
                out.append(SentParagraph(text="", role="placeholder", question_id=qid))
            for (origin, part_id), label in zip(origins, labels, strict=True):
                out.append(
                    SentParagraph(
                        text="",
                        role="answer",
                        question_id=qid,
                        origin=origin,
                        part_id=part_id,
                        label=label,
                    )
                )
    return out


def _part_ids(content: SessionContent, entry) -> list[tuple[str, tuple[str, str]]]:
    """(part id, (label, text)) of an entry, in the order ``Entry.parts`` has them."""
    if entry.topic_id is None:
        return []
    question = content.protocol.question(entry.question_id)
    return list(zip((p.id for p in question.parts), entry.parts, strict=True))


def render(
    session: Session,
    *,
    lang: str | None = None,
    timestamps: bool = False,
    request: ReturnRequest | None = None,
    paper: str | None = None,
) -> Rendered:
    """The approval transcript of ``session`` (already pseudonymised) and its paragraph map;
    ``request`` puts the deadline and return address under the cover text."""
    content = build_content(session, lang)
    blocks = transcript_blocks(content, timestamps=timestamps, request=request)
    stream = io.BytesIO()
    # A copy for approval is a draft on every page until the respondent approves it.
    setup = page_setup(content.protocol, sessions=[session], draft=True, paper=paper)
    numbered = number_blocks(blocks)
    write_numbered_docx(numbered, stream, title=blocks[0].text, lang=content.lang, setup=setup)
    data = stream.getvalue()
    annotated = annotate(content, request=request is not None)
    approval_count = len(blocks) - len(annotated)
    annotated += [SentParagraph(text="", role="approval") for _ in range(approval_count)]
    body = read_paragraphs(data, keep_empty=True)
    if len(body) != len(blocks) or approval_count < 1:
        raise RuntimeError("approval transcript layout changed: paragraph map does not fit")
    paragraphs = [
        info.model_copy(update={"text": text}) for info, text in zip(annotated, body, strict=True)
    ]
    return Rendered(data, [p for p in paragraphs if p.text], content.lang)
