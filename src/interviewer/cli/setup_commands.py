"""``interviewer paths`` and ``interviewer protocol new``: where things are, and a protocol
to start from.

An installed user has no source checkout: ``paths`` says where the data, configuration,
protocols, emergency copies and exports are, and ``protocol new`` copies a bundled
protocol's YAML (comments included) into ``./protocols/`` under a new id.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from interviewer import paths
from interviewer.cli.common import data_dir_from, data_dir_option, fail, lang_option, ui_language
from interviewer.i18n import translate

PROTOCOL_ID = re.compile(r"\A[a-z0-9][a-z0-9_-]{0,63}\Z")
"""The id pattern of the protocol format (``domain.protocol``)."""
_ID_LINE = re.compile(r"^id:[^\n]*$", re.MULTILINE)


@click.command("paths")
@data_dir_option
@lang_option
@click.pass_context
def paths_command(ctx: click.Context) -> None:
    """Print the data, configuration, protocol, emergency-copy and default export folders."""
    from interviewer.store.emergency import emergency_folders

    lang = ui_language(ctx)
    rows: list[tuple[str, list[Path]]] = [
        ("paths.data", [data_dir_from(ctx)]),
        ("paths.config", [paths.config_dir()]),
        ("paths.protocols", paths.protocol_search_dirs()),
        ("paths.emergency", emergency_folders()),
        ("paths.exports", [paths.default_export_dir()]),
    ]
    width = max(len(translate(key, lang)) for key, _ in rows)
    missing = translate("paths.missing", lang)
    for key, folders in rows:
        label = translate(key, lang)
        for n, folder in enumerate(folders):
            lead = f"{label}:".ljust(width + 2) if n == 0 else " " * (width + 2)
            note = "" if folder.exists() else f"  {missing}"
            click.echo(f"{lead}{folder}{note}")


@click.group("protocol")
def protocol_group() -> None:
    """Start a protocol of your own from a bundled one."""


def with_id(text: str, name: str) -> str:
    """The YAML ``text`` with its top-level ``id`` set to ``name`` (comments kept)."""
    if _ID_LINE.search(text):
        return _ID_LINE.sub(f"id: {name}", text, count=1)
    return f"id: {name}\n{text}"


@protocol_group.command("new")
@click.argument("name")
@click.option(
    "--from",
    "source",
    default="example-en",
    show_default=True,
    metavar="PROTOCOL",
    help="The protocol to copy: a bundled id (see 'interviewer show'), a name or a file.",
)
@click.option("--force", is_flag=True, help="Overwrite ./protocols/NAME.yaml if it exists.")
@lang_option
@click.pass_context
def protocol_new_command(ctx: click.Context, name: str, source: str, force: bool) -> None:
    """Copy a protocol to ./protocols/NAME.yaml with id NAME, to edit as your own."""
    from interviewer.protocol.library import find_protocol
    from interviewer.protocol.problems import ProtocolNotFound
    from interviewer.store.atomic import atomic_write_bytes

    lang = ui_language(ctx)
    if not PROTOCOL_ID.match(name):
        fail(translate("protocol.new.bad_name", lang, name=name))
    try:
        origin = find_protocol(source)
    except ProtocolNotFound as exc:
        fail(exc.message(lang))
        return
    folder = Path.cwd() / "protocols"
    target = folder / f"{name}.yaml"
    if target.exists() and not force:
        fail(translate("protocol.new.exists", lang, path=str(target)))
    try:
        text = origin.read_text(encoding="utf-8")
        folder.mkdir(parents=True, exist_ok=True)
        # a protocol is shared with the team, not personal data: ordinary permissions
        atomic_write_bytes(target, with_id(text, name).encode("utf-8"), mode=0o644)
    except (OSError, UnicodeDecodeError) as exc:
        error = getattr(exc, "strerror", None) or str(exc)
        fail(translate("protocol.new.cannot_write", lang, path=str(target), error=error))
    shown = Path("protocols") / target.name
    click.echo(translate("protocol.new.written", lang, path=str(shown), source=origin, name=name))
