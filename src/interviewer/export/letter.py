"""The invitation letter to the respondent, from the protocol's ``invitation`` part.

Modelled on the seed's "Brief respondenten" (003, Bijlage 1): a greeting, the purpose of the
study in plain words, the themes of the conversation as a bullet list, what the conversation
will do, the practical side, an invitation to ask questions and a signature. The texts are
the researcher's own (``invitation``); the themes are topics of the protocol (the
invitation's ``themes``, or every topic title), so the letter and the interview never
disagree. Texts the protocol leaves out are either not printed (purpose, recording, ...) or,
for the greeting, the lead-in to the themes and the closing formula, the tool's wording in
the form of address of the letter: ``u`` for one respondent, ``jullie`` for a group.

A protocol without an invitation still gets a letter, the tool's generic one, and the checker
warns about it: ``description`` is written for researchers and is never pasted in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import IO

from interviewer.domain.protocol import (
    InterviewProtocol,
    Invitation,
    Mode,
    split_paragraphs,
)
from interviewer.export.blocks import Block, write_docx, write_markdown
from interviewer.export.page import page_setup
from interviewer.i18n import Translator, document_language


def addresses_group(protocol: InterviewProtocol) -> bool:
    """Whether the letter speaks to a group (``jullie``): the invitation says so, else the
    protocol's mode does (a protocol for both kinds of interview writes to one respondent)."""
    invitation = protocol.invitation
    if invitation is not None and invitation.addressed_to is not None:
        return invitation.addressed_to == "group"
    return protocol.mode == Mode.GROUP


def themes(protocol: InterviewProtocol) -> list[str]:
    """The themes the letter lists: the invitation's, else every topic's title."""
    invitation = protocol.invitation
    if invitation is None or not invitation.themes:
        return [topic.title for topic in protocol.topics]
    titles = {topic.id: topic.title for topic in protocol.topics}
    return [theme.text or titles.get(theme.topic, theme.topic) for theme in invitation.themes]


def signature_lines(protocol: InterviewProtocol, t: Translator) -> list[str]:
    """Name, phone and email under the letter.

    The name is the invitation's signature name or the protocol's authors. Without a
    ``signature`` block, what the protocol does not give is a bracketed placeholder to fill
    in before sending; with one, only the lines it gives are printed.
    """
    signature = protocol.invitation.signature if protocol.invitation else None
    authors = [a.strip() for a in protocol.authors if a.strip()]
    name = (signature.name if signature else None) or (
        t("export.letter.and").join(authors) if authors else None
    )
    if signature is None:
        return [
            name or t("export.letter.name"),
            t("export.letter.phone"),
            t("export.letter.email"),
        ]
    lines = [name or t("export.letter.name")]
    lines.extend(value for value in (signature.phone, signature.email) if value)
    return lines


def _paragraphs(text: str | None) -> list[Block]:
    return [Block("p", paragraph) for paragraph in split_paragraphs(text or "")]


def _invitation_blocks(
    protocol: InterviewProtocol, invitation: Invitation, who: str, t: Translator
) -> list[Block]:
    blocks = [Block("p", invitation.greeting or t(f"export.letter.greeting.{who}"))]
    blocks.extend(_paragraphs(invitation.purpose))
    blocks.append(Block("p", invitation.themes_intro or t(f"export.letter.themes.{who}")))
    blocks.extend(Block("bullet", theme) for theme in themes(protocol))
    for text in (
        invitation.conversation,
        invitation.duration,
        invitation.recording,
        invitation.contact,
    ):
        blocks.extend(_paragraphs(text))
    blocks.append(Block("p", invitation.sign_off or t("export.letter.regards")))
    return blocks


def _generic_blocks(protocol: InterviewProtocol, who: str, t: Translator) -> list[Block]:
    """The tool's own letter, for a protocol without an invitation (the checker warns)."""
    blocks = [Block("p", t(f"export.letter.greeting.{who}"))]
    blocks.append(Block("p", t(f"export.letter.intro.{who}", title=protocol.title)))
    blocks.append(Block("p", t(f"export.letter.themes.{who}")))
    blocks.extend(Block("bullet", theme) for theme in themes(protocol))
    minutes = f"{protocol.duration_minutes:g}"
    blocks.append(Block("p", t(f"export.letter.practical.{who}", minutes=minutes)))
    blocks.append(Block("p", t(f"export.letter.questions.{who}")))
    blocks.append(Block("p", t("export.letter.regards")))
    return blocks


def letter_blocks(protocol: InterviewProtocol, lang: str | None = None) -> list[Block]:
    """The letter as blocks (rendered to docx or Markdown)."""
    t = Translator(document_language(protocol, lang))
    who = "group" if addresses_group(protocol) else "one"
    if protocol.invitation is not None:
        blocks = _invitation_blocks(protocol, protocol.invitation, who, t)
    else:
        blocks = _generic_blocks(protocol, who, t)
    blocks.extend(Block("p", line) for line in signature_lines(protocol, t))
    return blocks


def write_letter_docx(
    protocol: InterviewProtocol,
    stream: IO[bytes],
    lang: str | None = None,
    paper: str | None = None,
) -> None:
    """The letter as .docx (``paper``: --paper, else the protocol's setting, else A4)."""
    write_docx(
        letter_blocks(protocol, lang),
        stream,
        title=protocol.title,
        lang=document_language(protocol, lang),
        # a letter has no running header: the study's name in it is the researchers'
        # wording, which the letter itself avoids; the page numbers stay
        setup=replace(page_setup(protocol, paper=paper), study=""),
    )


def write_letter_md(
    protocol: InterviewProtocol, stream: IO[bytes], lang: str | None = None
) -> None:
    """The letter as Markdown."""
    write_markdown(letter_blocks(protocol, lang), stream)
