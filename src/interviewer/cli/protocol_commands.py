"""``interviewer check``, ``interviewer show`` and ``interviewer schema protocol``.

``check`` behaves like a compiler: every problem of every file, ``FILE:LINE:COL: severity:
message`` with the source line and a caret, exit 0 when valid, 1 on errors, 2 on usage.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from interviewer.cli.common import fail, lang_from, lang_option
from interviewer.i18n import resolve_language, translate


def _resolve(name: str) -> Path:
    """A path, or a protocol name from the search folders; usage error (exit 2) if neither."""
    from interviewer.protocol_library import find_protocol
    from interviewer.protocol_problems import ProtocolNotFound

    path = Path(name).expanduser()
    if path.exists():
        return path
    try:
        return find_protocol(name)
    except ProtocolNotFound as exc:
        raise click.UsageError(str(exc)) from None


@click.command("check")
@click.argument("files", metavar="FILE...", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@lang_option
@click.pass_context
def check_command(ctx: click.Context, files: tuple[str, ...], strict: bool) -> None:
    """Validate protocol files and print every problem at once."""
    from interviewer.protocol_loader import check_protocol

    lang = resolve_language(lang_from(ctx), None)
    failed = False
    for name in files:
        result = check_protocol(_resolve(name))
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
    ctx.exit(1 if failed else 0)


@click.command("show")
@click.argument("protocol", metavar="FILE|NAME")
@lang_option
@click.pass_context
def show_command(ctx: click.Context, protocol: str) -> None:
    """Print a protocol as an outline: topics, variables, characteristics, questions, minutes."""
    from rich.console import Console

    from interviewer.protocol_loader import ProtocolError, load_protocol
    from interviewer.protocol_outline import protocol_outline

    try:
        loaded = load_protocol(_resolve(protocol))
    except ProtocolError as exc:
        click.echo(exc.report(), err=True)
        fail(f"{protocol}: the protocol has errors; see 'interviewer check {protocol}'")
        return
    lang = resolve_language(lang_from(ctx), loaded.language)
    Console(highlight=False).print(protocol_outline(loaded, lang))


@click.command("protocol")
def schema_protocol_command() -> None:
    """Print the JSON Schema of protocol files (for editors with a YAML language server)."""
    from interviewer.protocol_schema import protocol_json_schema

    click.echo(json.dumps(protocol_json_schema(), indent=2, ensure_ascii=False))
