"""The change report of a returned transcript, as Markdown and as a Word document.

Title, the versions compared (dates, sha256 of what was sent and received), a one-line
summary, then a table with one row per changed paragraph of the transcript: paragraph
numbers in the sent and the returned version, the kind of change, and the text with
deleted words struck through (red) and added words underlined (green). Changes to the
title block and to the approval block follow separately: they are not transcript changes.
The original file name of the returned document is not printed (it may hold a name).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import IO

from interviewer.export.text import clean_line, clean_text
from interviewer.i18n import Translator
from interviewer.membercheck.diff import Change, Comparison, word_diff


@dataclass(frozen=True)
class ReportInfo:
    """What the report says about the two versions."""

    case: str
    respondent: str
    sent_number: int
    sent_date: dt.date
    sent_sha256: str
    returned_number: int
    returned_date: dt.date
    returned_sha256: str
    lang: str


def _where(change: Change, t: Translator) -> str:
    sent = str(change.sent_no) if change.sent_no else "-"
    back = str(change.returned_no) if change.returned_no else "-"
    return t("membercheck.report.where", sent=sent, returned=back)


def summary_line(comparison: Comparison, t: Translator) -> str:
    """'3 paragraphs changed: 1 deleted, 0 added, 2 changed' or 'no changes'."""
    counts = comparison.counts("transcript")
    total = sum(counts.values())
    if not total:
        return t("membercheck.report.none")
    return t("membercheck.report.summary", total=total, **counts)


def _md_text(change: Change) -> str:
    if change.kind == "deleted":
        return f"~~{_md_cell(change.old)}~~"
    if change.kind == "added":
        return f"**{_md_cell(change.new)}**"
    pieces = []
    for kind, text in word_diff(change.old, change.new):
        # Spaces stay outside the markers: "**hele** team", never "** hele **".
        flat = " ".join(clean_text(text).split("\n")).replace("|", "\\|")
        core = flat.strip()
        if kind == "same" or not core:
            pieces.append(flat if kind != "del" else "")
            continue
        lead = " " if flat[:1].isspace() else ""
        trail = " " if flat[-1:].isspace() else ""
        mark = "~~" if kind == "del" else "**"
        pieces.append(f"{lead}{mark}{core}{mark}{trail}")
    return "".join(pieces).replace("  ", " ")


def _md_cell(text: str) -> str:
    return clean_line(text).replace("|", "\\|")


def _title(info: ReportInfo, t: Translator) -> str:
    return t("membercheck.report.title", respondent=info.respondent)


def _meta(info: ReportInfo, t: Translator) -> list[tuple[str, str]]:
    return [
        (t("export.meta.case"), info.case),
        (t("export.meta.respondent"), info.respondent),
        (
            t("membercheck.report.sent"),
            t(
                "membercheck.report.version",
                number=info.sent_number,
                date=info.sent_date.isoformat(),
                sha=info.sent_sha256[:12],
            ),
        ),
        (
            t("membercheck.report.returned"),
            t(
                "membercheck.report.version",
                number=info.returned_number,
                date=info.returned_date.isoformat(),
                sha=info.returned_sha256[:12],
            ),
        ),
    ]


def _sections(comparison: Comparison, t: Translator) -> list[tuple[str, list[Change]]]:
    groups = [
        (t("membercheck.report.transcript"), "transcript"),
        (t("membercheck.report.header"), "header"),
        (t("membercheck.report.approval_block"), "approval"),
    ]
    out = []
    for title, region in groups:
        changes = [c for c in comparison.changes if c.region == region]
        if changes or region == "transcript":
            out.append((title, changes))
    return out


def render_markdown(comparison: Comparison, info: ReportInfo) -> str:
    """The change report as Markdown."""
    t = Translator(info.lang)
    out = [f"# {_md_cell(_title(info, t))}", ""]
    out += [f"- **{label}:** {_md_cell(value)}" for label, value in _meta(info, t)]
    out += ["", summary_line(comparison, t), ""]
    for title, changes in _sections(comparison, t):
        out += [f"## {title}", ""]
        if not changes:
            out += [t("membercheck.report.nothing"), ""]
            continue
        out.append(
            f"| {t('membercheck.report.col.where')} | {t('membercheck.report.col.kind')} "
            f"| {t('membercheck.report.col.text')} |"
        )
        out.append("|---|---|---|")
        for change in changes:
            kind = t(f"membercheck.change.{change.kind}")
            out.append(f"| {_where(change, t)} | {kind} | {_md_text(change)} |")
        out.append("")
    out.append(t("membercheck.report.legend_md"))
    return "\n".join(out).rstrip("\n") + "\n"


def write_markdown(comparison: Comparison, info: ReportInfo, stream: IO[bytes]) -> None:
    """Markdown, UTF-8."""
    stream.write(render_markdown(comparison, info).encode("utf-8"))


SEGMENT_KINDS = ("same", "del", "ins")
"""The kinds of a changed paragraph's segments (``diff.word_diff``)."""

MAX_DOCX_ROWS = 1_000
"""Changes listed per section of the Word report; the Markdown report lists them all.

A limit for the reader, not the writer (the table is built in linear time, see
``bench/report_bench.py``): a thousand rows are some forty pages, and a report of more
changes is searched in the Markdown file, which one line under the table points to."""


def write_docx(
    comparison: Comparison, info: ReportInfo, stream: IO[bytes], *, max_rows: int | None = None
) -> None:
    """The change report as a Word document (table of changes, marked words).

    ``max_rows``: changes listed per section, ``MAX_DOCX_ROWS`` unless given (the bench
    lifts it to time the writer itself).
    """
    from docx.shared import RGBColor

    from interviewer.export import docx_tools
    from interviewer.export.page import PageSetup

    red, green = RGBColor(0xC0, 0x00, 0x00), RGBColor(0x00, 0x70, 0x30)
    t = Translator(info.lang)
    setup = PageSetup(subject=f"{info.case} · {info.respondent}")
    limit = MAX_DOCX_ROWS if max_rows is None else max_rows
    doc = docx_tools.new_document(_title(info, t), info.lang, setup=setup)
    body = docx_tools.BodyAppender(doc)
    body.add_paragraph(clean_line(_title(info, t)), style="Title")
    for label, value in _meta(info, t):
        paragraph = body.add_paragraph()
        paragraph.add_run(clean_line(label) + ": ").bold = True
        paragraph.add_run(clean_line(value))
    body.add_paragraph(summary_line(comparison, t)).runs[0].bold = True

    def mark(run, kind: str) -> None:
        if kind == "del":
            run.font.strike = True
            run.font.color.rgb = red
        elif kind == "ins":
            run.font.underline = True
            run.font.color.rgb = green

    # Each change's marked words are runs of one of three formats, made once and copied
    # (setting the font per run cost more than the rest of the row).
    formats = {kind: docx_tools.RunFormat(doc, partial(mark, kind=kind)) for kind in SEGMENT_KINDS}
    kinds = {kind: t(f"membercheck.change.{kind}") for kind in ("deleted", "added", "changed")}
    for title, changes in _sections(comparison, t):
        body.add_heading(title, level=1)
        if not changes:
            body.add_paragraph(t("membercheck.report.nothing"))
            continue
        table = body.add_table(rows=1, cols=3, style="Table Grid")
        heads = ("col.where", "col.kind", "col.text")
        for cell, key in zip(table.rows[0].cells, heads, strict=True):
            docx_tools.set_cell(cell, t(f"membercheck.report.{key}"), bold=True)
        # Widths first: the rows appended after take them from the grid, so no second pass
        # over thousands of rows (the XML is the same either way).
        docx_tools.set_column_widths(table, doc, (0.2, 0.19, 0.61))
        for change in changes[:limit]:
            cells = table.append_row()
            cells[0].paragraphs[0].add_run(clean_text(_where(change, t)))
            cells[1].paragraphs[0].add_run(clean_text(kinds[change.kind]))
            paragraph = cells[2].paragraphs[0]
            segments: Sequence[tuple[str, str]]
            if change.kind == "deleted":
                segments = [("del", change.old)]
            elif change.kind == "added":
                segments = [("ins", change.new)]
            else:
                segments = word_diff(change.old, change.new)
            for kind, text in segments:
                formats[kind].add_run(paragraph, clean_text(text))
        if len(changes) > limit:
            body.add_paragraph(
                t(
                    "membercheck.report.more",
                    count=len(changes) - limit,
                    file=f"changes-{info.returned_number}.md",
                )
            ).runs[0].italic = True
    body.add_paragraph()
    legend = body.add_paragraph()
    legend.add_run(t("membercheck.report.legend") + " ")
    mark(legend.add_run(t("membercheck.report.legend_del")), "del")
    legend.add_run(" · ")
    mark(legend.add_run(t("membercheck.report.legend_ins")), "ins")
    docx_tools.repeat_table_headers(doc)
    docx_tools.save(doc, stream)
