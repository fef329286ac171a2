"""``interviewer check``, ``interviewer show`` and ``interviewer schema protocol``.

``check`` behaves like a compiler: every problem of every file, ``FILE:LINE:COL: severity:
message`` with the source line and a caret, exit 0 when valid, 1 on errors, 2 on usage.

Messages are in ``--lang``, else in the file's own ``language:`` (when it can be read), else
in the language of ``LANG``; the words ``error`` and ``warning`` stay English for editors and CI.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from interviewer.cli.common import fail, lang_from, lang_option
from interviewer.i18n import resolve_language, translate


def _resolve(name: str, lang: str) -> Path:
    """A path, or a protocol name from the search folders; usage error (exit 2) if neither."""
    from interviewer.protocol.library import find_protocol
    from interviewer.protocol.problems import ProtocolNotFound

    path = Path(name).expanduser()
    if path.exists():
        return path
    try:
        return find_protocol(name)
    except ProtocolNotFound as exc:
        raise click.UsageError(exc.message(lang)) from None


def _message_lang(ctx: click.Context) -> str:
    """``--lang`` when given, else the settings file's ``lang``, else ``auto``: the file's own
    language, then LANG (the order of ``i18n.resolve_language``)."""
    from interviewer.protocol.loader import AUTO_LANGUAGE
    from interviewer.settings import configured_language

    return lang_from(ctx) or configured_language() or AUTO_LANGUAGE


@click.command("check")
@click.argument("files", metavar="FILE...", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option(
    "--record",
    is_flag=True,
    help="Also check what 'run --record' needs: a checklist item marked 'recording: true'.",
)
@lang_option
@click.pass_context
def check_command(ctx: click.Context, files: tuple[str, ...], strict: bool, record: bool) -> None:
    """Validate protocols and print every problem at once; each FILE is a path or the name
    of a protocol (see 'interviewer paths' for where they are looked up)."""
    from interviewer.protocol.loader import check_protocol

    usage_lang, message_lang = resolve_language(lang_from(ctx)), _message_lang(ctx)
    failed = False
    for name in files:
        result = check_protocol(_resolve(name, usage_lang), message_lang)
        lang = result.lang
        for problem in result.problems:
            click.echo(problem.render(result.lines), err=bool(result.errors))
        errors = len(result.errors) + (len(result.warnings) if strict else 0)
        failed = failed or errors > 0
        if result.protocol is not None and not result.problems:
            protocol = result.protocol
            click.echo(
                translate(
                    "check.ok",
                    lang,
                    path=result.path,
                    topics=len(protocol.topics),
                    questions=len(protocol.all_questions()),
                    minutes=f"{protocol.duration_minutes:g}",
                )
            )
        else:
            summary = translate(
                "check.summary",
                lang,
                path=result.path,
                errors=len(result.errors),
                warnings=len(result.warnings),
            )
            click.echo(summary, err=errors > 0)
        if record and result.protocol is not None:
            from interviewer.domain.recording_consent import record_warning

            warning = record_warning(result.protocol, name, lang)
            if warning is not None:
                click.echo(warning, err=strict)
                failed = failed or strict
    ctx.exit(1 if failed else 0)


@click.command("show")
@click.argument("protocol", metavar="FILE|NAME")
@lang_option
@click.pass_context
def show_command(ctx: click.Context, protocol: str) -> None:
    """Print a protocol (FILE, or a NAME from the protocol folders) as an outline: topics,
    variables, characteristics, questions, minutes."""
    from rich.console import Console

    from interviewer.protocol.loader import ProtocolError, check_protocol
    from interviewer.protocol.outline import protocol_outline

    result = check_protocol(
        _resolve(protocol, resolve_language(lang_from(ctx))), _message_lang(ctx)
    )
    loaded = result.protocol
    if loaded is None:
        click.echo(ProtocolError(result.problems, result.lines).report(), err=True)
        fail(translate("check.show_has_errors", result.lang, protocol=protocol))
        return
    lang = resolve_language(lang_from(ctx), loaded.language)
    Console(highlight=False).print(protocol_outline(loaded, lang))


@click.command("protocol")
def schema_protocol_command() -> None:
    """Print the JSON Schema of protocol files (for editors with a YAML language server)."""
    from interviewer.protocol.schema import protocol_json_schema

    click.echo(json.dumps(protocol_json_schema(), indent=2, ensure_ascii=False))
