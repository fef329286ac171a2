"""``interviewer key protect`` / ``key unprotect``: a passphrase on the key file.

Thin: get the passphrase (``--passphrase-file``, ``INTERVIEWER_PASSPHRASE``, or a hidden
prompt), call ``interviewer.store.keyfile.KeyFile``, say one line. How the protection works
and what it does not protect against: the keyfile module and docs/storage.md.
"""

from __future__ import annotations

from pathlib import Path

import click

from interviewer.cli.common import (
    data_dir_option,
    fail_error,
    fail_with,
    lang_option,
    open_store,
    ui_language,
)
from interviewer.i18n import translate


def _from_file(path: str) -> str:
    from interviewer.input_files import InputFileError, read_bounded

    try:
        raw = read_bounded(Path(path).expanduser(), 4096)
        return raw.decode("utf-8").splitlines()[0] if raw.strip() else ""
    except (OSError, InputFileError, UnicodeDecodeError) as exc:
        fail_with("membercheck.cli.passphrase_file", path=path, error=_reason(exc))
    return ""


def _reason(exc: Exception) -> object:
    from interviewer.i18n.errors import error_message

    if isinstance(exc, OSError):
        return exc.strerror or exc
    return error_message(exc, _lang()).splitlines()[0]


def _lang() -> str:
    return ui_language(click.get_current_context())


def _ask(key: str) -> str:
    return click.prompt(translate(key, _lang()), hide_input=True, err=True)


def _current(passphrase_file: str | None) -> str:
    """The passphrase that opens the key file now."""
    from interviewer.store.keyfile import passphrase_from_env

    if passphrase_file:
        return _from_file(passphrase_file)
    return passphrase_from_env() or _ask("membercheck.cli.passphrase")


def _new(passphrase_file: str | None, *, env_ok: bool) -> str:
    """A new passphrase: from the file, the environment (``env_ok``), or asked twice."""
    from interviewer.store.keyfile import passphrase_from_env

    if passphrase_file:
        return _from_file(passphrase_file)
    if env_ok and passphrase_from_env():
        return passphrase_from_env() or ""
    from interviewer.store.keyfile import check_new_passphrase

    first = _ask("membercheck.cli.passphrase_new")
    try:
        check_new_passphrase(first)  # before it is typed a second time
    except ValueError as exc:
        fail_error(exc)
    if _ask("membercheck.cli.passphrase_repeat") != first:
        fail_with("membercheck.cli.passphrase_differ")
    return first


_file_option = click.option(
    "--passphrase-file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Read the passphrase from the first line of this file (scripts); else "
    "$INTERVIEWER_PASSPHRASE, else it is asked (hidden).",
)


@click.command("protect")
@click.option(
    "--change",
    is_flag=True,
    help="Give a protected key file a new passphrase (the old one from "
    "$INTERVIEWER_PASSPHRASE or asked; the new one from --passphrase-file or asked twice).",
)
@_file_option
@data_dir_option
@lang_option
@click.pass_context
def key_protect_command(ctx: click.Context, change: bool, passphrase_file: str | None) -> None:
    """Encrypt the key file with a passphrase. Interviews still write closing fields
    without it; 'key show', 'key export', 'approval send' and withdrawals ask for it."""
    from interviewer.store import StoreError
    from interviewer.store.keyfile import KeyProtectError

    keys = open_store(ctx).keys
    try:
        if change:
            if not keys.protected:
                fail_error(KeyProtectError("store.error.key_not_protected"))
            old = _current(None)
            keys.unlock(old)  # a wrong old passphrase fails before the new one is asked
            keys.change_passphrase(old, _new(passphrase_file, env_ok=False))
            click.echo(translate("membercheck.cli.key_passphrase_changed", _lang()))
            return
        if keys.protected:
            fail_error(KeyProtectError("store.error.key_already_protected"))
        keys.protect(_new(passphrase_file, env_ok=True))
    except (StoreError, OSError) as exc:
        fail_error(exc)
    click.echo(
        translate(
            "membercheck.cli.key_protected", _lang(), path=str(keys.sealed_path), name="key.json"
        )
    )


@click.command("unprotect")
@_file_option
@data_dir_option
@lang_option
@click.pass_context
def key_unprotect_command(ctx: click.Context, passphrase_file: str | None) -> None:
    """Decrypt the key file back to a plain key.json (the passphrase is no longer needed)."""
    from interviewer.store import StoreError
    from interviewer.store.keyfile import KeyProtectError

    keys = open_store(ctx).keys
    try:
        if not keys.protected:
            fail_error(KeyProtectError("store.error.key_not_protected"))
        keys.unprotect(_current(passphrase_file))
    except (StoreError, OSError) as exc:
        fail_error(exc)
    click.echo(translate("membercheck.cli.key_unprotected", _lang(), path=str(keys.path)))
