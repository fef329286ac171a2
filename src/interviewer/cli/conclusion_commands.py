"""``interviewer conclusion``: the analysis written from the command line (scripts, pooling).

The same values the analysis screen edits: per case and variable the Tussenconclusie
(seed 000), keywords and key sentences (seed 003's analysis frame); across the cases the
comparative conclusion per variable and the two general rows. Stored per study in the data
folder (``store.analysis``, docs/analysis.md).

The study is the protocol id; it may be left out when the data folder holds sessions of one
protocol only. Cases are those of the study's sessions (or already in its analysis);
variables are the protocol's topics, named by id, variable or matrix label.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import click

from interviewer.cli.common import (
    data_dir_from,
    data_dir_option,
    fail_error,
    fail_with,
    lang_option,
    open_store,
    ui_language,
)
from interviewer.domain.analysis import MAX_TEXT_CHARS
from interviewer.i18n import translate

TEXT_BYTES_LIMIT = 4 * MAX_TEXT_CHARS + 4
"""A text file or stdin is read up to 4 bytes per allowed character (UTF-8's widest)."""


@dataclass(frozen=True)
class _Study:
    """The study a command works on, with what is known about it."""

    id: str
    protocol: Any  # InterviewProtocol | None: None when no session of it can be read
    cases: tuple[str, ...]
    sessions: tuple[Any, ...]  # SessionSummary of the study


def _analyses(ctx: click.Context) -> Any:
    from interviewer.store.analysis import AnalysisStore

    return AnalysisStore(data_dir_from(ctx))


def _study(ctx: click.Context, wanted: str | None) -> _Study:
    """The study named by ``--study``, or the only one of the data folder; one line else."""
    store = open_store(ctx)
    summaries = store.list()
    by_study: dict[str, list[Any]] = {}
    for summary in summaries:
        by_study.setdefault(summary.protocol_id, []).append(summary)
    try:
        written = _analyses(ctx).studies()
    except (OSError, ValueError) as exc:
        fail_error(exc)
    choices = sorted({*by_study, *written})
    if not choices:
        fail_with("analysis.cli.no_sessions", folder=data_dir_from(ctx))
    if wanted is None:
        candidates = list(by_study) or written
        if len(candidates) != 1:
            fail_with("analysis.cli.choose_study", known=", ".join(choices))
        wanted = candidates[0]
    elif wanted not in choices:
        fail_with("analysis.cli.unknown_study", study=wanted, known=", ".join(choices))
    members = by_study.get(wanted, [])  # newest first
    protocol = None
    for summary in members:
        try:
            protocol = store.load(summary.id).protocol
            break
        except (LookupError, OSError, ValueError):  # a damaged file: try the next one
            continue
    cases = tuple(dict.fromkeys(s.case for s in sorted(members, key=lambda s: s.case.casefold())))
    return _Study(wanted, protocol, cases, tuple(members))


def _load(ctx: click.Context, study: _Study) -> Any:
    try:
        return _analyses(ctx).load(study.id)
    except (OSError, ValueError) as exc:
        fail_error(exc)


def _case(study: _Study, analysis: Any, case: str) -> str:
    """The case as known (exact, else the one matching without regard to case)."""
    from interviewer.terminal_text import printable

    known = list(dict.fromkeys([*study.cases, *analysis.cases]))
    if case in known:
        return case
    folded = [k for k in known if k.casefold() == case.strip().casefold()]
    if len(folded) == 1:
        return folded[0]
    fail_with(
        "analysis.cli.unknown_case",
        case=printable(case),
        study=study.id,
        known=", ".join(printable(k) for k in known) or "-",
    )
    raise AssertionError  # fail_with exits


def _variable(study: _Study, analysis: Any, name: str) -> str:
    from interviewer.domain.analysis import resolve_variable

    extra = [v for c in analysis.cases.values() for v in c.variables]
    extra += list(analysis.comparison.variables)
    try:
        return resolve_variable(study.protocol, name, extra)
    except ValueError as exc:
        fail_error(exc)
    raise AssertionError


def _label(study: _Study, variable: str) -> str:
    """A variable as the user knows it: its matrix label, else its id."""
    if study.protocol is not None:
        for topic in study.protocol.topics:
            if topic.id == variable:
                return str(topic.row_label)
    return variable


def _read_text(text: str | None, text_file: str | None) -> str:
    """The text of ``--text`` or of ``--text-file`` (``-``: standard input)."""
    from interviewer.input_files import read_bounded

    if (text is None) == (text_file is None):
        fail_with("analysis.cli.one_text")
    if text is not None:
        return text
    assert text_file is not None
    if text_file == "-":
        with click.open_file("-", "rb") as stream:
            raw = stream.read(TEXT_BYTES_LIMIT + 1)
        name = "stdin"
        if len(raw) > TEXT_BYTES_LIMIT:
            fail_with("analysis.cli.text_too_large", path=name, most=MAX_TEXT_CHARS)
    else:
        name = text_file
        try:
            raw = read_bounded(text_file, TEXT_BYTES_LIMIT)
        except OSError as exc:
            fail_with("analysis.cli.text_file", path=text_file, error=exc.strerror or exc)
        except ValueError as exc:  # InputFileError: a FIFO, a device, too large
            fail_error(exc)
    try:
        # the line end that closes a file (or ``echo ... |``) is not part of the text
        return raw.decode("utf-8-sig").removesuffix("\n").removesuffix("\r")
    except UnicodeDecodeError as exc:
        fail_with("analysis.cli.text_not_utf8", path=name, position=exc.start)
    raise AssertionError


def _author(author: str | None) -> str:
    """``--author``, else ``author`` in the settings file, else empty: nothing is taken from
    the operating system's user name, which would put a login name into files that are shared."""
    from interviewer.settings import configured_author

    return author if author is not None else configured_author()


def _change(action: Any) -> Any:
    """Run a store change; any refusal is one line."""
    try:
        return action()
    except (OSError, ValueError) as exc:
        fail_error(exc)


# --- the group ------------------------------------------------------------------------------
@click.group("conclusion")
def conclusion_group() -> None:
    """Write and list the analysis: conclusions, keywords and key sentences."""


_study_option = click.option(
    "--study",
    default=None,
    help="The study (protocol id); needed only when the data folder holds more than one.",
)
_author_option = click.option(
    "--author",
    default=None,
    help="Who writes this (default: author in the settings file, else nobody named).",
)
_text_options = [
    click.option("--text", default=None, help="The text."),
    click.option(
        "--text-file",
        default=None,
        metavar="FILE",
        help="Read the text from FILE (UTF-8; '-' reads standard input).",
    ),
]


def _with_text(func: Any) -> Any:
    for option in reversed(_text_options):
        func = option(func)
    return func


@conclusion_group.command("set")
@click.option("--case", default=None, help="The case whose Tussenconclusie this is.")
@click.option("--compare", is_flag=True, help="The comparative conclusion across the cases.")
@click.option(
    "--general",
    type=click.Choice(["strengths", "weaknesses"]),
    default=None,
    help="A general row of the comparison: the team's strengths or weak points in general.",
)
@click.option("--variable", default=None, help="The variable (topic id, variable or label).")
@_with_text
@_study_option
@_author_option
@data_dir_option
@lang_option
@click.pass_context
def set_command(
    ctx: click.Context,
    case: str | None,
    compare: bool,
    general: str | None,
    variable: str | None,
    text: str | None,
    text_file: str | None,
    study: str | None,
    author: str | None,
) -> None:
    """Set a conclusion: a case's Tussenconclusie of a variable (--case), the comparative
    conclusion of a variable (--compare), or a general row (--general). An empty text
    clears it."""
    from interviewer.domain.analysis import Target

    if sum((case is not None, compare, general is not None)) != 1:
        fail_with("analysis.cli.one_target")
    if general is not None and variable is not None:
        fail_with("analysis.cli.no_variable_with_general")
    if general is None and variable is None:
        fail_with("analysis.cli.need_variable")
    body = _read_text(text, text_file)
    info = _study(ctx, study)
    analysis = _load(ctx, info)
    lang = ui_language(ctx)
    if general is not None:
        target = Target.general(general)
        what = translate(f"analysis.general.{general}", lang)
        where = translate("analysis.cli.where_general", lang, row=general)
    else:
        assert variable is not None
        var = _variable(info, analysis, variable)
        label = _label(info, var)
        if compare:
            target = Target.compare(var)
            what = translate("analysis.label.compare", lang)
            where = translate("analysis.cli.where_compare", lang, variable=label)
        else:
            assert case is not None
            name = _case(info, analysis, case)
            target = Target.conclusion(name, var)
            what = translate("analysis.label.conclusion", lang)
            where = translate("analysis.cli.where_case", lang, case=name, variable=label)
    stored = _change(lambda: _analyses(ctx).set_text(info.id, target, body, author=_author(author)))
    from interviewer.terminal_text import printable

    if stored is None or not stored.text:
        click.echo(translate("analysis.cli.cleared", lang, what=what, where=printable(where)))
    else:
        click.echo(
            translate(
                "analysis.cli.saved",
                lang,
                what=what,
                where=printable(where),
                length=len(stored.text),
            )
        )


@conclusion_group.command("keywords")
@click.option("--case", required=True, help="The case.")
@click.option("--variable", required=True, help="The variable (topic id, variable or label).")
@click.option("--add", "add", multiple=True, help="Add this keyword (may be repeated).")
@click.option("--remove", "remove", multiple=True, help="Remove this keyword (may be repeated).")
@_study_option
@_author_option
@data_dir_option
@lang_option
@click.pass_context
def keywords_command(
    ctx: click.Context,
    case: str,
    variable: str,
    add: tuple[str, ...],
    remove: tuple[str, ...],
    study: str | None,
    author: str | None,
) -> None:
    """Add or remove keywords of a variable in a case (the analysis frame), then print them."""
    from interviewer.terminal_text import printable

    info = _study(ctx, study)
    analysis = _load(ctx, info)
    name = _case(info, analysis, case)
    var = _variable(info, analysis, variable)
    words = _change(
        lambda: _analyses(ctx).edit_keywords(
            info.id, name, var, add=add, remove=remove, author=_author(author)
        )
    )
    click.echo(
        translate(
            "analysis.cli.keywords",
            ui_language(ctx),
            case=printable(name),
            variable=printable(_label(info, var)),
            keywords="; ".join(printable(w) for w in words) or "-",
        )
    )


@conclusion_group.group("keysentence")
def keysentence_group() -> None:
    """Key sentences of a variable in a case (the analysis frame)."""


@keysentence_group.command("add")
@click.option("--case", required=True, help="The case.")
@click.option("--variable", required=True, help="The variable (topic id, variable or label).")
@_with_text
@click.option("--session", "session_id", default=None, help="The session it was taken from.")
@click.option("--question", default=None, help="With --session: the question it was said under.")
@_study_option
@_author_option
@data_dir_option
@lang_option
@click.pass_context
def keysentence_add_command(
    ctx: click.Context,
    case: str,
    variable: str,
    text: str | None,
    text_file: str | None,
    session_id: str | None,
    question: str | None,
    study: str | None,
    author: str | None,
) -> None:
    """Add a key sentence; prints its id (used by 'keysentence remove')."""
    from interviewer.cli.common import load_session
    from interviewer.domain.analysis import source_ref

    body = _read_text(text, text_file)
    info = _study(ctx, study)
    analysis = _load(ctx, info)
    name = _case(info, analysis, case)
    var = _variable(info, analysis, variable)
    source = None
    if question is not None and session_id is None:
        fail_with("analysis.cli.question_needs_session")
    if session_id is not None:
        session = load_session(open_store(ctx), session_id)
        if session.case != name:
            fail_with("analysis.cli.session_case", id=session.id, other=session.case, case=name)
        known = set(session.protocol.question_index())
        known |= {q.id for q in session.protocol.closing.questions}
        if question is not None and question not in known:
            fail_with("analysis.cli.unknown_question", id=session.id, question=question)
        source = _change(lambda: source_ref(session.id, session.respondent, question))
    sentence = _change(
        lambda: _analyses(ctx).add_key_sentence(
            info.id, name, var, body, source=source, author=_author(author)
        )
    )
    from interviewer.terminal_text import printable

    click.echo(
        translate(
            "analysis.cli.sentence_added",
            ui_language(ctx),
            id=sentence.id,
            case=printable(name),
            variable=printable(_label(info, var)),
        )
    )


@keysentence_group.command("remove")
@click.argument("sentence_id", metavar="SENTENCE")
@click.option("--case", required=True, help="The case.")
@click.option("--variable", required=True, help="The variable (topic id, variable or label).")
@_study_option
@_author_option
@data_dir_option
@lang_option
@click.pass_context
def keysentence_remove_command(
    ctx: click.Context,
    sentence_id: str,
    case: str,
    variable: str,
    study: str | None,
    author: str | None,
) -> None:
    """Remove key sentence SENTENCE (its id, as 'conclusion list' shows it)."""
    info = _study(ctx, study)
    analysis = _load(ctx, info)
    name = _case(info, analysis, case)
    var = _variable(info, analysis, variable)
    _change(
        lambda: _analyses(ctx).remove_key_sentence(
            info.id, name, var, sentence_id, author=_author(author)
        )
    )
    from interviewer.terminal_text import printable

    click.echo(
        translate(
            "analysis.cli.sentence_removed",
            ui_language(ctx),
            id=sentence_id,
            case=printable(name),
            variable=printable(_label(info, var)),
        )
    )


# --- list -----------------------------------------------------------------------------------
def _order(info: _Study, found: list[str]) -> list[str]:
    """Variables in protocol order, then any others (sorted)."""
    ids = [t.id for t in info.protocol.topics] if info.protocol is not None else []
    return [v for v in ids if v in found] + sorted(v for v in found if v not in ids)


def _strip_history(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _strip_history(v) for k, v in data.items() if k != "history"}
    if isinstance(data, list):
        return [_strip_history(v) for v in data]
    return data


def _as_json(info: _Study, analysis: Any, case: str | None, compare: bool) -> dict[str, Any]:
    cases: dict[str, Any] = {}
    if not compare:
        for name, found in analysis.cases.items():
            if case is not None and name != case:
                continue
            cases[name] = {
                var: {
                    "conclusion": v.conclusion.model_dump(mode="json") if v.conclusion else None,
                    "keywords": v.keywords.model_dump(mode="json") if v.keywords else None,
                    "key_sentences": [s.model_dump(mode="json") for s in v.live_sentences()],
                }
                for var in _order(info, list(found.variables))
                for v in [found.variables[var]]
            }
    data: dict[str, Any] = {
        "study": info.id,
        "variables": {t.id: t.row_label for t in (info.protocol.topics if info.protocol else [])},
        "cases": cases,
    }
    if case is None:
        data["comparison"] = analysis.comparison.model_dump(mode="json")
    data["conflicts"] = len(analysis.conflicts)
    return _strip_history(data)


def _stamp(value: Any, lang: str) -> str:
    from interviewer.terminal_text import printable

    at = value.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
    if not value.author:
        return at
    return translate("analysis.list.stamp", lang, author=printable(value.author), at=at)


def _echo_text(text: str, indent: str) -> None:
    from interviewer.terminal_text import printable

    for line in text.split("\n"):
        click.echo(indent + printable(line))


def _echo_human(info: _Study, analysis: Any, case: str | None, compare: bool, lang: str) -> None:
    from interviewer.terminal_text import printable

    click.echo(translate("analysis.list.study", lang, study=info.id))
    shown = False
    if not compare:
        for name in sorted(analysis.cases, key=str.casefold):
            if case is not None and name != case:
                continue
            click.echo("")
            click.echo(translate("analysis.list.case", lang, case=printable(name)))
            found = analysis.cases[name]
            for var in _order(info, list(found.variables)):
                value = found.variables[var]
                click.echo(f"  {printable(_label(info, var))} ({var})")
                if value.conclusion and value.conclusion.text:
                    what = translate("analysis.label.conclusion", lang)
                    click.echo(f"    {what} ({_stamp(value.conclusion, lang)}):")
                    _echo_text(value.conclusion.text, "      ")
                    shown = True
                if value.keywords and value.keywords.keywords:
                    what = translate("analysis.label.keywords", lang)
                    words = "; ".join(printable(w) for w in value.keywords.keywords)
                    click.echo(f"    {what}: {words}")
                    shown = True
                sentences = value.live_sentences()
                if sentences:
                    click.echo(f"    {translate('analysis.label.key_sentences', lang)}:")
                    shown = True
                for sentence in sentences:
                    source = ""
                    if sentence.source is not None:
                        ref = sentence.source
                        source = (
                            " ("
                            + translate(
                                "analysis.list.source",
                                lang,
                                respondent=printable(ref.respondent or "-"),
                                question=ref.question_id or "-",
                                session=ref.session_id or "-",
                            )
                            + ")"
                        )
                    click.echo(f"      {sentence.id}{source}:")
                    _echo_text(sentence.text, "        ")
    if case is None:
        comparison = analysis.comparison
        rows = [
            (_label(info, v), comparison.variables[v])
            for v in _order(info, list(comparison.variables))
        ]
        rows += [
            (translate(f"analysis.general.{row}", lang), comparison.general[row])
            for row in ("strengths", "weaknesses")
            if row in comparison.general
        ]
        rows = [(label, value) for label, value in rows if value.text]
        if rows:
            click.echo("")
            click.echo(translate("analysis.list.comparison", lang))
        for label, value in rows:
            click.echo(f"  {printable(label)} ({_stamp(value, lang)}):")
            _echo_text(value.text, "    ")
            shown = True
    if not shown:
        click.echo(translate("analysis.list.empty", lang))
    if info.protocol is not None:
        from interviewer.domain.analysis import stray_variables

        stray = stray_variables(analysis, info.protocol)
        if stray:
            click.echo(translate("analysis.list.stray", lang, ids=", ".join(stray)), err=True)
    if analysis.conflicts:
        path = _analyses(click.get_current_context()).path(info.id)
        count = len(analysis.conflicts)
        click.echo(translate("analysis.list.conflicts", lang, count=count, path=path), err=True)


@conclusion_group.command("list")
@click.option("--case", default=None, help="Only this case.")
@click.option("--compare", is_flag=True, help="Only the comparison across the cases.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@_study_option
@data_dir_option
@lang_option
@click.pass_context
def list_command(
    ctx: click.Context, case: str | None, compare: bool, as_json: bool, study: str | None
) -> None:
    """List the analysis of a study: per case the conclusions, keywords and key sentences
    per variable, then the comparison."""
    from interviewer.terminal_text import json_printable

    info = _study(ctx, study)
    analysis = _load(ctx, info)
    name = _case(info, analysis, case) if case is not None else None
    if name is not None and compare:
        fail_with("analysis.cli.one_target")
    if as_json:
        text = json.dumps(_as_json(info, analysis, name, compare), ensure_ascii=False, indent=2)
        click.echo(json_printable(text))
        return
    _echo_human(info, analysis, name, compare, ui_language(ctx))
