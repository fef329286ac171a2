"""Options and helpers shared by the subcommands (data folder, language, error exit)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from interviewer import paths

F = TypeVar("F", bound=Callable[..., Any])


def _remember(key: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        if value is not None:
            ctx.ensure_object(dict)[key] = value
        return value

    return callback


def data_dir_option(func: F) -> F:
    """``--data-dir`` on a subcommand; also accepted before the subcommand."""
    return click.option(
        "--data-dir",
        "data_dir_local",
        type=click.Path(file_okay=False),
        default=None,
        expose_value=False,
        callback=_remember("data_dir"),
        help="Folder holding the sessions (default: $INTERVIEWER_DATA_DIR, then the user's "
        "data folder).",
    )(func)


def lang_option(func: F) -> F:
    """``--lang`` on a subcommand; also accepted before the subcommand."""
    return click.option(
        "--lang",
        "lang_local",
        type=click.Choice(["en", "nl"]),
        default=None,
        expose_value=False,
        callback=_remember("lang"),
        help="Language of the interface (default: 'lang' in the settings file, then the "
        "protocol's, then LANG). Documents are always in the protocol's language.",
    )(func)


def data_dir_from(ctx: click.Context) -> Path:
    """The data folder chosen on the command line, by environment, or by default."""
    return paths.data_dir(
        (ctx.find_root().obj or {}).get("data_dir") or (ctx.obj or {}).get("data_dir")
    )


def lang_from(ctx: click.Context) -> str | None:
    """The ``--lang`` given, if any."""
    return (ctx.find_root().obj or {}).get("lang") or (ctx.obj or {}).get("lang")


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clear error line to stderr and exit; never a traceback."""
    click.echo(f"interviewer: error: {message}", err=True)
    raise SystemExit(code)


def current_language(session: Any = None) -> str:
    """The interface language of the running command (``ui_language`` without a ``ctx`` at
    hand: helpers such as ``load_session`` are called from many commands)."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        from interviewer.i18n import resolve_language

        return resolve_language(None, session.protocol.language if session else None)
    return ui_language(ctx, session)


def fail_with(key: str, session: Any = None, /, **values: object) -> NoReturn:
    """``fail`` with the message ``key`` of the translation tables, in the interface language
    (``--lang``, the settings file, the session's protocol, then ``LANG``)."""
    from interviewer.i18n import translate
    from interviewer.i18n.errors import render_values

    lang = current_language(session)
    fail(translate(key, lang, **render_values(values, lang)))


def fail_error(exc: Exception, session: Any = None) -> NoReturn:
    """``fail`` with an error from the core: said in the interface language when it is a keyed
    error (``interviewer.i18n.errors``), else as it is (a library's message)."""
    from interviewer.i18n.errors import error_message

    fail(error_message(exc, current_language(session)))


def prompt_passphrase(lang: str) -> str | None:
    """For reading a protected key file on the command line: ``INTERVIEWER_PASSPHRASE``,
    else a hidden prompt when a person is at the terminal, else None (the caller then says
    in one line that the passphrase is needed; a script never hangs on a prompt)."""
    import sys

    from interviewer.i18n import translate
    from interviewer.store.keyfile import passphrase_from_env

    given = passphrase_from_env()
    if given:
        return given
    if not sys.stdin.isatty():
        return None
    return click.prompt(translate("membercheck.cli.passphrase", lang), hide_input=True, err=True)


def open_store(ctx: click.Context) -> Any:
    """The session store of the chosen data folder, or one error line when it cannot open."""
    from interviewer.store import SessionStore

    folder = data_dir_from(ctx)
    try:
        store = SessionStore(folder)
    except (OSError, ValueError) as exc:
        fail_with("cli.data_dir", folder=folder, error=getattr(exc, "strerror", None) or exc)
    # a protected key file is read only by commands that show names; they may ask
    store.keys.ask_passphrase = lambda: prompt_passphrase(ui_language(ctx))
    return store


def load_session(store: Any, session_id: str) -> Any:
    """A stored session by id or unique prefix, or one error line saying why not."""
    from interviewer.store.errors import AmbiguousSessionId

    folder = getattr(store, "data_dir", None)
    try:
        return store.load(session_id)
    except LookupError:
        if folder is None:
            fail_with("cli.no_session_id", id=session_id)
        fail_with("cli.no_session", id=session_id, folder=folder)
    except AmbiguousSessionId:
        fail_with("cli.ambiguous_id", id=session_id)
    except (OSError, ValueError) as exc:  # a damaged file: the store's line names it
        fail_with("cli.cannot_read_session", id=session_id, error=exc)


def ui_language(ctx: click.Context, session: Any = None) -> str:
    """``--lang``, else the session's protocol language, else ``LANG``."""
    from interviewer.i18n import resolve_language

    return resolve_language(lang_from(ctx), session.protocol.language if session else None)
