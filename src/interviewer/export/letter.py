"""The invitation letter, generated from the protocol's own topics.

Modelled on the seed's "Brief respondenten" (003, Bijlage 1): a greeting, the subject of the
study, the themes of the conversation as a bullet list, a practical paragraph, an invitation
to ask questions and a signature block with placeholders. The themes are the protocol's topic
titles, so the letter and the interview can never disagree. Group protocols address the
readers in the plural (jullie), individual ones in the singular (u).
"""

from __future__ import annotations

from typing import IO

from interviewer.domain.protocol import InterviewProtocol, Mode
from interviewer.export.blocks import Block, write_docx, write_markdown
from interviewer.i18n import Translator, document_language


def letter_blocks(protocol: InterviewProtocol, lang: str | None = None) -> list[Block]:
    """The letter as blocks (rendered to docx or Markdown)."""
    lang = document_language(protocol, lang)
    t = Translator(lang)
    who = "group" if protocol.mode == Mode.GROUP else "one"
    subject = protocol.study or protocol.title
    blocks = [Block("p", t(f"export.letter.greeting.{who}"))]
    blocks.append(Block("p", t(f"export.letter.intro.{who}", title=subject)))
    if protocol.description:
        blocks.append(Block("p", protocol.description))
    blocks.append(Block("p", t(f"export.letter.themes.{who}")))
    blocks.extend(Block("bullet", topic.title) for topic in protocol.topics)
    minutes = f"{protocol.duration_minutes:g}"
    blocks.append(Block("p", t(f"export.letter.practical.{who}", minutes=minutes)))
    blocks.append(Block("p", t(f"export.letter.questions.{who}")))
    blocks.append(Block("p", t("export.letter.regards")))
    for key in ("export.letter.name", "export.letter.phone", "export.letter.email"):
        blocks.append(Block("p", t(key)))
    return blocks


def write_letter_docx(
    protocol: InterviewProtocol, stream: IO[bytes], lang: str | None = None
) -> None:
    """The letter as .docx."""
    write_docx(
        letter_blocks(protocol, lang),
        stream,
        title=protocol.title,
        lang=document_language(protocol, lang),
    )


def write_letter_md(
    protocol: InterviewProtocol, stream: IO[bytes], lang: str | None = None
) -> None:
    """The letter as Markdown."""
    write_markdown(letter_blocks(protocol, lang), stream)
