"""The anonymised respondent code list (code + role per case), as the seed published it.

Seed 003, Bijlage 4: grouped by (pseudonymised) case, one line per respondent,
``7) Coördinator`` for sequential codes; for ``<case>.<n>`` codes (seed 000) the line reads
``Respondent 1.1: Coördinator``. Only code and role: no names, dates or interview order.
Participants of a group interview are listed with their own codes and roles.

A document written from the pseudonymised sessions, so it is an export: ``export`` may use
``pseudonym`` (the replacement list), never the other way round.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from interviewer.domain.codes import code_sort_key
from interviewer.domain.session import Session
from interviewer.export.text import clean_line, clean_text
from interviewer.i18n import Translator
from interviewer.pseudonym.replace import ReplacementList


@dataclass(frozen=True)
class CodeGroup:
    """One case of the list: its (pseudonymised) heading and (code, role) rows."""

    case: str
    rows: tuple[tuple[str, str], ...]


def code_groups(
    sessions: Iterable[Session], replacements: ReplacementList | None = None
) -> list[CodeGroup]:
    """The list per case (cases in first-seen order, codes sorted); names replaced."""
    rl = replacements or ReplacementList()
    cases: dict[str, dict[str, str]] = {}
    for session in sessions:
        rows = cases.setdefault(session.case, {})
        people = session.participants or []
        if people:
            for person in people:
                rows[person.code] = person.role or ""
        else:
            rows[session.respondent] = session.role or ""
    return [
        CodeGroup(
            clean_line(rl.apply(case)),
            tuple(
                (code, clean_line(rl.apply(rows[code]))) for code in sorted(rows, key=code_sort_key)
            ),
        )
        for case, rows in cases.items()
    ]


def entry_line(code: str, role: str, lang: str) -> str:
    """``7) Coördinator`` for a sequential code, ``Respondent 1.1: Coördinator`` otherwise."""
    role = role or "-"
    if code.isdigit():
        return f"{code}) {role}"
    return Translator(lang)("pseudonym.codelist.entry", code=code, role=role)


def codelist_markdown(groups: list[CodeGroup], lang: str) -> str:
    """The list as Markdown: title, a heading per case, one line per code."""
    t = Translator(lang)
    out = [f"# {t('pseudonym.codelist.title')}", ""]
    for group in groups:
        out += [f"## {group.case}", ""]
        out += [f"- {entry_line(code, role, lang)}" for code, role in group.rows]
        out.append("")
    return "\n".join(out)


def write_codelist_md(groups: list[CodeGroup], stream: IO[bytes], lang: str) -> None:
    """Markdown, UTF-8."""
    stream.write(codelist_markdown(groups, lang).encode("utf-8"))


def write_codelist_csv(groups: list[CodeGroup], stream: IO[bytes], lang: str) -> None:
    """CSV with the columns case, code, role (UTF-8 with BOM for spreadsheets)."""
    t = Translator(lang)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(
        [t("export.meta.case"), t("pseudonym.codelist.code"), t("pseudonym.codelist.role")]
    )
    for group in groups:
        for code, role in group.rows:
            writer.writerow([clean_text(group.case), code, clean_text(role)])
    stream.write(buffer.getvalue().encode("utf-8-sig"))


def write_codelist_docx(groups: list[CodeGroup], stream: IO[bytes], lang: str) -> None:
    """A Word document: title, a heading per case, one paragraph per code."""
    from interviewer.export import docx_tools

    t = Translator(lang)
    doc = docx_tools.new_document(t("pseudonym.codelist.title"), lang)
    doc.add_paragraph(t("pseudonym.codelist.title"), style="Title")
    for group in groups:
        doc.add_heading(clean_line(group.case), level=1)
        for code, role in group.rows:
            docx_tools.add_text(doc, entry_line(code, role, lang))
    docx_tools.save(doc, stream)


WRITERS = {"md": write_codelist_md, "csv": write_codelist_csv, "docx": write_codelist_docx}
