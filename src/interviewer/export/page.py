"""Paper and page furniture of every exported document, decided in one place.

Every .docx and .xlsx the tool writes is printed by someone: a respondent reading the
transcript, a coder with a pen, a reviewer of the study. Each page therefore says what it
belongs to (the study, the respondent when the document is about one, CONCEPT/DRAFT while the
transcript is not approved) and where it is ("pagina 3 van 25"). The paper is A4 unless the
``--paper`` option or the protocol's ``paper`` setting asks for US Letter.

``PageSetup`` is the plain value the Word and Excel writers read (``docx_tools``,
``xlsx_tools``); ``page_setup`` fills it from a protocol, the export options and the
sessions the document is about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from interviewer.export.text import clean_line
from interviewer.i18n import translate

if TYPE_CHECKING:
    from interviewer.domain.protocol import InterviewProtocol
    from interviewer.domain.session import Session
    from interviewer.export.options import ExportOptions

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")
DEFAULT_PAPER: Paper = "a4"

PAPER_MM: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
"""Portrait width and height of each paper in millimetres."""

LANGUAGE_TAGS: dict[str, str] = {"nl": "nl-NL", "en": "en-GB"}
"""The document language as a BCP 47 tag: Word's proofing language and the core property."""


def language_tag(lang: str) -> str:
    """``nl-NL`` for Dutch documents, ``en-GB`` for English ones."""
    return LANGUAGE_TAGS.get(lang, LANGUAGE_TAGS["en"])


@dataclass(frozen=True)
class PageSetup:
    """What every page of one document carries, and its paper.

    ``subject`` is the respondent code (or the case of a matrix) shown after the study in
    the running header; ``draft`` adds CONCEPT/DRAFT there; ``author`` is the researcher
    (the protocol's ``authors``), written to the core properties, never the OS user.
    """

    paper: Paper = DEFAULT_PAPER
    study: str = ""
    subject: str = ""
    draft: bool = False
    author: str = ""

    def header_parts(self, lang: str) -> tuple[str, str]:
        """(running header text, draft mark or '') in ``lang``."""
        parts = [clean_line(p) for p in (self.study, self.subject) if p and p.strip()]
        mark = translate("export.page.draft", lang) if self.draft else ""
        return " · ".join(parts), mark


def resolve_paper(*choices: str | None) -> Paper:
    """The first paper named in ``choices`` (option, then protocol), else A4."""
    for choice in choices:
        if choice in PAPERS:
            return choice
    return DEFAULT_PAPER


def page_setup(
    protocol: InterviewProtocol,
    options: ExportOptions | None = None,
    *,
    sessions: Sequence[Session] = (),
    subject: str | None = None,
    draft: bool | None = None,
    paper: str | None = None,
) -> PageSetup:
    """The page setup of a document made from ``protocol`` about ``sessions``.

    The respondent code is the subject when the document is about one session; ``subject``
    overrides it (a matrix names its case). ``draft`` defaults to: some session of the
    document is in ``options.unapproved`` (its transcript is not approved yet).
    """
    chosen = resolve_paper(paper, options.paper if options else None, protocol.paper)
    if subject is None:
        subject = sessions[0].respondent if len(sessions) == 1 else ""
    if draft is None:
        unapproved = (options.unapproved if options else None) or {}
        draft = any(s.id in unapproved for s in sessions)
    authors = ", ".join(a.strip() for a in protocol.authors if a and a.strip())
    return PageSetup(
        paper=chosen,
        study=protocol.study or protocol.title,
        subject=subject,
        draft=draft,
        author=clean_line(authors),
    )


def now() -> dt.datetime:
    """The export moment for the core properties (UTC, whole seconds, as OOXML stores it)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
