"""``interviewer codes next`` and ``interviewer cite``: the seeds' two code schemes in use.

Seed 000 numbers respondents within a case (``<case number>.<n>``, in the seed shuffled so
the numbers say nothing about the order of the interviews) and cites ``(respondent 2.3,
regel 114-117)``; seed 003 numbers across the study and cites ``(resp. 7)``.
"""

from __future__ import annotations

import re
import zlib

import click

from interviewer.cli.common import (
    current_language,
    data_dir_option,
    fail_error,
    fail_with,
    lang_option,
    load_session,
    open_store,
)
from interviewer.i18n import document_language, translate
from interviewer.terminal_text import printable

SCHEMES = ("case", "shuffled", "sequential")


@click.group("codes")
def codes_group() -> None:
    """Respondent codes: the next free one in a case, in the scheme the study uses."""


@codes_group.command("next")
@click.option("--case", required=True, help="The case (team, municipality).")
@click.option(
    "--scheme",
    type=click.Choice(SCHEMES),
    default="case",
    show_default=True,
    help="case: <case number>.<n> in interview order; shuffled: <case number>.<n> in a "
    "random order fixed per case; sequential: 1, 2, 3 across the study.",
)
@click.option(
    "--planned",
    type=click.IntRange(1, 999),
    default=None,
    help="With --scheme shuffled: how many respondents the case will have.",
)
@click.option("--seed", type=int, default=None, help="Shuffle seed (default: from the case).")
@data_dir_option
@click.pass_context
def next_command(
    ctx: click.Context, case: str, scheme: str, planned: int | None, seed: int | None
) -> None:
    """Print the next free respondent code of CASE."""
    from interviewer.domain.codes import (
        CodeScheme,
        next_shuffled_code,
        suggest_case_number,
        suggest_next_code,
    )

    summaries = open_store(ctx).list()
    by_case: dict[str, list[str]] = {}
    for summary in summaries:
        by_case.setdefault(summary.case, []).append(summary.respondent)
    if scheme == "sequential":
        click.echo(suggest_next_code([s.respondent for s in summaries], scheme="sequential"))
        return
    number = suggest_case_number(by_case, case)
    own = by_case.get(case, [])
    if scheme == "case":
        click.echo(suggest_next_code(own, scheme=CodeScheme.CASE, case_number=number))
        return
    if planned is None:
        fail_with("cli.shuffled_needs_planned")
    # The same case always gets the same order, so every laptop of a team hands out the
    # same sequence without sharing anything but the case name.
    order_seed = seed if seed is not None else zlib.crc32(case.encode("utf-8"))
    try:
        click.echo(next_shuffled_code(own, number, capacity=planned, seed=order_seed))
    except ValueError as exc:
        fail_error(exc)


def _parse_lines(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+))?\s*", text)
    if not match:
        raise click.BadParameter(translate("cli.not_a_range", current_language(), text=text))
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if last < first:
        raise click.BadParameter(translate("cli.range_backwards", current_language(), text=text))
    return first, last


@click.command("cite")
@click.argument("session_id", metavar="ID")
@click.argument("lines", metavar="LINE[-LINE]")
@click.option(
    "--template",
    default=None,
    help="Citation template with {code}, {lines} and {role}, e.g. '(resp. {code}, {role})'. "
    "Default: the seed's form for the code's scheme.",
)
@data_dir_option
@lang_option
@click.pass_context
def cite_command(ctx: click.Context, session_id: str, lines: str, template: str | None) -> None:
    """Quote lines LINE[-LINE] of session ID's transcript with a citation.

    The lines are numbered as in `interviewer export ID --format transcript-docx` (and
    transcript-md) of the final, approved text when the member check has one; the
    replacement list applies.
    """
    from interviewer.export.options import ExportOptions
    from interviewer.export.registry import get_format, prepare_sessions
    from interviewer.export.transcript_md import transcript_lines
    from interviewer.membercheck.exporting import export_options
    from interviewer.pseudonym.citation import cite, line_range

    first, last = _parse_lines(lines)
    store = open_store(ctx)
    session = load_session(store, session_id)
    # the quote and its citation are text for a publication: the document's language
    lang = document_language(session)
    options = export_options(store.data_dir, [session], ExportOptions())
    # The approved final text when there is one (as the coding formats use), laid out and
    # numbered as the Markdown transcript; the replacement list applies.
    (prepared,) = prepare_sessions(get_format("coding-docx"), [session], options)
    # the lines as the .docx and the Markdown number them (export.transcript_lines)
    numbered = {line.number: line.text for line in transcript_lines(prepared, options)}
    if last not in numbered:
        count = max(numbered, default=0)
        fail_with("cli.too_few_lines", session, code=session.respondent, count=count)
    quote = " ".join(numbered[n] for n in range(first, last + 1) if numbered.get(n))
    citation = cite(
        prepared.respondent,
        lines=line_range(first, last),
        role=session.role,
        template=template,
        lang=lang,
    )
    click.echo(f"“{printable(quote)}” {printable(citation)}")
