"""The ``interviewer`` command line: a thin layer that parses arguments and calls the core.

Subcommands are loaded lazily (``LAZY_COMMANDS``) so that ``interviewer run`` does not pay
for importing python-docx and friends, and ``interviewer check`` does not import Textual.
Each area keeps its commands in its own module here.
"""

from __future__ import annotations

import importlib
import os

import click

from interviewer import __version__

LAZY_COMMANDS: dict[str, str] = {
    # name: "module:attribute"; each area adds its own commands here.
    "export": "interviewer.cli.export_commands:export_command",
    "matrix": "interviewer.cli.export_commands:matrix_command",
    "guide": "interviewer.cli.export_commands:guide_command",
    "letter": "interviewer.cli.export_commands:letter_command",
    "demo": "interviewer.cli.demo_commands:demo_command",
    "transcript": "interviewer.cli.transcript_commands:transcript_group",
    "transcribe": "interviewer.cli.transcript_commands:transcribe_command",
    "home": "interviewer.cli.run_commands:home_command",
    "run": "interviewer.cli.run_commands:run_command",
    "resume": "interviewer.cli.run_commands:resume_command",
    "sessions": "interviewer.cli.session_commands:sessions_command",
    "import": "interviewer.cli.session_commands:import_command",
    "check": "interviewer.cli.protocol_commands:check_command",
    "codes": "interviewer.cli.code_commands:codes_group",
    "conclusion": "interviewer.cli.conclusion_commands:conclusion_group",
    "analyse": "interviewer.cli.analyse_commands:analyse_command",
    "cite": "interviewer.cli.code_commands:cite_command",
    "show": "interviewer.cli.protocol_commands:show_command",
    "schema": "interviewer.cli.schema_commands:schema_group",
    "approval": "interviewer.cli.approval_commands:approval_group",
    "key": "interviewer.cli.pseudonym_commands:key_group",
    "codelist": "interviewer.cli.pseudonym_commands:codelist_command",
    "replace": "interviewer.cli.pseudonym_commands:replace_group",
    "withdraw": "interviewer.cli.withdraw_commands:withdraw_command",
    "delete": "interviewer.cli.withdraw_commands:delete_command",
    "paths": "interviewer.cli.setup_commands:paths_command",
    "protocol": "interviewer.cli.setup_commands:protocol_group",
    "audio": "interviewer.cli.audio_commands:audio_group",
}


def _check_settings(lang: str | None) -> None:
    """One error line (exit 1) for a settings file that cannot be used, before any command
    runs; later reads of it (the language resolver) then need not fail."""
    from interviewer.settings import SettingsError, read_settings

    try:
        read_settings()
    except SettingsError as exc:
        from interviewer.i18n import resolve_language

        message = exc.message(resolve_language(lang))
        click.echo(f"interviewer: error: {message}", err=True)
        raise SystemExit(1) from None


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when it is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = LAZY_COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="interviewer")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    envvar="INTERVIEWER_DATA_DIR",
    help="Folder holding the sessions (default: the user's data folder).",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "nl"]),
    default=None,
    help="Language of the interface (default: 'lang' in the settings file, then the "
    "protocol's, then LANG). Documents are always in the protocol's language.",
)
@click.option(
    "--debug",
    is_flag=True,
    envvar="INTERVIEWER_DEBUG",
    help="Write full tracebacks of errors to debug.log in the cache folder (no note text).",
)
@click.pass_context
def main(ctx: click.Context, data_dir: str | None, lang: str | None, debug: bool) -> None:
    """Run semi-structured research interviews from a YAML protocol.

    Without a command, opens the home screen.
    """
    from interviewer import debug_log

    if debug:
        os.environ[debug_log.DEBUG_ENV] = "1"  # for the processes this one starts
    debug_log.configure()
    ctx.ensure_object(dict)
    ctx.obj["data_dir"] = data_dir
    ctx.obj["lang"] = lang
    _check_settings(lang)
    if ctx.invoked_subcommand is None:
        home = main.get_command(ctx, "home") if "home" in LAZY_COMMANDS else None
        if home is None:
            click.echo(ctx.get_help())
            return
        ctx.invoke(home)
