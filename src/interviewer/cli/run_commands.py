"""``interviewer`` (home), ``interviewer run`` and ``interviewer resume``: start the TUI.

Textual is imported only inside the commands, so ``interviewer --help`` and the core stay
free of it. The session is opened (and its store lock taken) before the app starts, so a
lock held by another window is one clear line, not a broken screen.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from typing import Any

import click

from interviewer.cli.common import data_dir_from, data_dir_option, fail, lang_from, lang_option
from interviewer.i18n import resolve_language, translate


def no_pydantic_plugins() -> None:
    """Keep pydantic from loading third-party plugins in the TUI commands.

    Plugins see every validated value (session notes are confidential and the app never uses
    the network), and finding them scans every installed package's entry points, which cost
    10-40 ms of the start-up. A value set by the user is kept.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def quiet_gc() -> None:
    """Pause Python's cyclic garbage collector while the TUI starts (``make_tui`` resumes it).

    Starting allocates some 80,000 long-lived objects (pydantic, Textual, the session), and
    every full collection scans them all again: 60-100 ms of the start-up's CPU went to
    collections that find almost nothing. Reference counting still frees everything as
    usual; only cycles wait until the first frame is drawn.
    """
    gc.disable()


def make_tui(store: Any, live: Any, lang: str, **options: Any) -> Any:
    """The app as the commands run it: objects created so far (imported modules, the open
    session) are moved out of the collector's way (``gc.freeze``), and collection resumes
    once the first frame is drawn (see ``quiet_gc``)."""
    from interviewer.tui.app import make_app

    gc.freeze()
    return make_app(store, live=live, lang=lang, first_frame=gc.enable, **options)


def _store(ctx: click.Context) -> Any:
    from interviewer.store import SessionStore

    return SessionStore(data_dir_from(ctx))


def _open(live: Any, lang: str) -> None:
    from interviewer.store import SessionLocked

    try:
        live.open()
    except SessionLocked as exc:
        fail(str(exc).splitlines()[0] or translate("tui.cli.locked", lang, id=live.session.id))


def _run_app(store: Any, live: Any, lang: str) -> None:
    """Run the app until it exits; print its exit message; always leave the session saved."""
    app = make_tui(store, live, lang)
    try:
        app.run()
    finally:
        gc.enable()  # in case the app stopped before its first frame
        if live is not None and not live.closed:
            live.close()
    if app.exit_message:
        click.echo(app.exit_message, err=app.return_code not in (0, None))
    if app.return_code:
        raise SystemExit(app.return_code)


@click.command("home")
@data_dir_option
@lang_option
@click.pass_context
def home_command(ctx: click.Context) -> None:
    """Open the home screen: sessions by case, protocols, new session."""
    no_pydantic_plugins()
    quiet_gc()
    lang = resolve_language(lang_from(ctx))
    _run_app(_store(ctx), None, lang)


@click.command("run")
@click.argument("protocol")
@click.option("--case", required=True, help="The case (team, municipality) of the session.")
@click.option("--respondent", required=True, help="Respondent (or group) pseudonym code.")
@click.option("--role", default=None, help="The respondent's role.")
@click.option("--interviewer", default=None, help="Who interviews.")
@click.option(
    "--group",
    default=None,
    metavar="CODE,CODE",
    help="A group interview with these participant codes.",
)
@click.option(
    "--consent-obtained",
    is_flag=True,
    help="Consent was obtained in advance (the clock may start at once).",
)
@data_dir_option
@lang_option
@click.pass_context
def run_command(
    ctx: click.Context,
    protocol: str,
    case: str,
    respondent: str,
    role: str | None,
    interviewer: str | None,
    group: str | None,
    consent_obtained: bool,
) -> None:
    """Create a session of PROTOCOL (a path, file name or id) and open its introduction."""
    no_pydantic_plugins()
    quiet_gc()
    from interviewer.store import StoreError
    from interviewer.tui.sources import ProtocolLoadError

    store = _store(ctx)
    try:
        live, lang = new_live_session(
            store,
            protocol,
            case=case,
            respondent=respondent,
            role=role,
            interviewer=interviewer,
            group=group,
            consent_obtained=consent_obtained,
            lang=lang_from(ctx),
        )
    except (ProtocolLoadError, ValueError, StoreError) as exc:
        fail(str(exc).splitlines()[0])
    except OSError as exc:
        fail(f"cannot write to {store.data_dir}: {exc.strerror or exc}")
    _open(live, lang)
    _run_app(store, live, lang)


def new_live_session(
    store: Any,
    protocol: str,
    *,
    case: str,
    respondent: str,
    role: str | None = None,
    interviewer: str | None = None,
    group: str | None = None,
    consent_obtained: bool = False,
    lang: str | None = None,
    clock: Any = None,
) -> tuple[Any, str]:
    """What ``run`` does before the app starts: load, create and store a new session.

    Returns the (not yet opened) ``LiveSession`` and the UI language. Raises
    ProtocolLoadError, ValueError (bad codes) or the store's StoreError.
    """
    import time

    from interviewer.domain.session_factory import new_session
    from interviewer.tui.live import LiveSession
    from interviewer.tui.sources import find_protocol, load_protocol

    path = find_protocol(protocol)
    loaded = load_protocol(path)
    ui_lang = resolve_language(lang, loaded.language)
    participants = [c.strip() for c in (group or "").split(",") if c.strip()]
    session = new_session(
        loaded,
        case=case,
        respondent=respondent,
        role=role,
        interviewer=interviewer,
        mode="group" if group else None,
        participants=participants,
        advance_consent=dt.date.today() if consent_obtained else None,
        protocol_path=str(path),
        language=ui_lang,
        clock=clock or time.time,
    )
    store.create(session)
    return LiveSession(store, session, clock=clock or time.time), ui_lang


@click.command("resume")
@click.argument("session_id", metavar="[ID]", required=False)
@data_dir_option
@lang_option
@click.pass_context
def resume_command(ctx: click.Context, session_id: str | None) -> None:
    """Reopen an unfinished session where it was (the most recent one without ID)."""
    no_pydantic_plugins()
    quiet_gc()
    from interviewer.store import StoreError
    from interviewer.tui.live import LiveSession

    store = _store(ctx)
    explicit = lang_from(ctx)
    if session_id is None:
        unfinished = [s for s in store.list() if str(s.status) != "finished"]
        if not unfinished:
            fail(translate("tui.cli.no_unfinished", resolve_language(explicit)))
        unfinished.sort(key=lambda s: str(s.updated_at or ""), reverse=True)
        session_id = unfinished[0].id
    try:
        session = store.load(session_id)
        key = store.load_key(session.id)
    except StoreError as exc:
        fail(str(exc).splitlines()[0])
    except (KeyError, LookupError):
        fail(f"no session with id {session_id!r}")
    lang = resolve_language(explicit, session.language or session.protocol.language)
    if str(session.status) == "finished":
        fail(translate("tui.cli.finished", lang, id=session.id))
    live = LiveSession(store, session, key=key)
    _open(live, lang)
    live.recover()
    _run_app(store, live, lang)
