"""``interviewer`` (home), ``interviewer run`` and ``interviewer resume``: start the TUI.

Textual is imported only inside the commands, so ``interviewer --help`` and the core stay
free of it. ``resume`` opens the session (and takes its store lock) before the app starts,
so a lock held by another window is one clear line, not a broken screen.

``run`` starts the session through the session-start service (``interviewer.session_start``,
wrapped for the app by ``interviewer.tui.start``) and draws the introduction first
(``light_start``): before the app it reads only what the introduction shows from the
protocol file and makes the cheap checks (codes, data folder); the full validation,
creating and storing the session and opening it follow right after the first frame, and a
failure there ends the app with the same one line and exit code 1. A protocol that cannot
be read that simply is loaded fully before the app, as before, so its errors are printed
without a screen.

``--record`` (and ``--audio-device``, ``--audio-input``, ``--transcribe-model``, which imply
it) records the interview (``interviewer.tui.session_recording``). What keeps it from
recording or transcribing is one line, printed before the screen (where it is read again
after the interview) and shown on it; the interview runs anyway.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from interviewer.cli.common import (
    current_language,
    data_dir_from,
    data_dir_option,
    fail,
    fail_with,
    lang_from,
    lang_option,
    open_store,
)
from interviewer.i18n import resolve_language, translate
from interviewer.i18n.errors import error_message
from interviewer.terminal_text import printable

if TYPE_CHECKING:
    from interviewer.tui.session_recording import RecordRequest


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


def make_tui(store: Any, live: Any, lang: str, pending: Any = None, **options: Any) -> Any:
    """The app as the commands run it: objects created so far (imported modules, the open
    session) are moved out of the collector's way (``gc.freeze``), and collection resumes
    once the first frame is drawn (see ``quiet_gc``), or with a ``pending`` session once
    that session is open (``light_start`` does it)."""
    from interviewer.store.keyfile import passphrase_from_env
    from interviewer.tui.app import make_app

    if hasattr(store, "keys"):  # the app owns the terminal: a protected key file never prompts
        store.keys.ask_passphrase = passphrase_from_env
    gc.freeze()
    first_frame = None if pending is not None else gc.enable
    return make_app(
        store, live=live, lang=lang, first_frame=first_frame, pending=pending, **options
    )


def _open(live: Any, lang: str) -> None:
    from interviewer.store import SessionLocked

    try:
        live.open()
    except SessionLocked as exc:
        said = error_message(exc, lang).splitlines()
        fail(said[0] if said else translate("tui.cli.locked", lang, id=live.session.id))


def require_terminal(lang: str) -> None:
    """One line and exit 1 when input or output is not a terminal: the app could neither
    read keys nor draw (it would spin at full CPU) and must not store a session then."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail(translate("tui.cli.no_terminal", lang))


def record_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--record``, ``--audio-device``, ``--audio-input``, ``--transcribe-model`` (run,
    resume)."""
    options = [
        click.option(
            "--record",
            is_flag=True,
            help="Record the interview from the default microphone, from the moment the "
            "clock starts, when the recording consent item is ticked.",
        ),
        click.option(
            "--audio-device",
            metavar="NAME|INDEX",
            default=None,
            help="Record from this input device ('interviewer audio devices' lists them); "
            "implies --record.",
        ),
        click.option(
            "--audio-input",
            metavar="FILE.wav",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Play this recording into the session in real time as if from the "
            "microphone (tests, re-running an interview); implies --record.",
        ),
        click.option(
            "--transcribe-model",
            metavar="DIR",
            type=click.Path(file_okay=False, path_type=Path),
            default=None,
            help="Transcribe live with this local Whisper model folder (CTranslate2; "
            "default: transcribe_model in the settings file); implies --record.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def record_request(
    record: bool, device: str | None, audio_input: Path | None, model: Path | None
) -> RecordRequest | None:
    """The recording asked for on the command line, or None (not recorded)."""
    if not (record or device or audio_input or model):
        return None
    from interviewer.tui.session_recording import RecordRequest

    return RecordRequest(device=device, audio_input=audio_input, model_dir=model)


def check_recording(
    request: RecordRequest | None, checklist: Iterable[Any], protocol_name: str, lang: str
) -> tuple[RecordRequest | None, list[str]]:
    """Print the line saying what keeps the interview from being recorded (or transcribed)
    before the screen takes the terminal; the request as far as it can be used."""
    if request is None:
        return None, []
    from interviewer.tui.session_recording import check_request, consent_item_in

    checked, lines = check_request(
        request, consent_item=consent_item_in(checklist), protocol_name=protocol_name, lang=lang
    )
    for line in lines:
        click.echo(line, err=True)
    return checked, lines


def _run_app(
    store: Any,
    live: Any,
    lang: str,
    pending: Any = None,
    explicit_lang: str | None = None,
    **options: Any,
) -> None:
    """Run the app until it exits; print its exit message; always leave the session saved.
    ``explicit_lang`` (``--lang``) also rules sessions opened later from the home screen;
    ``options`` go to ``make_app`` (the recording)."""
    require_terminal(lang)
    app = make_tui(store, live, lang, pending, explicit_lang=explicit_lang, **options)
    try:
        app.run()
    finally:
        gc.enable()  # in case the app stopped before its first frame
        for opened in (live, app.live):
            if opened is not None and not opened.closed:
                saver = opened.autosaver  # the app ended (the terminal gone): wait for space
                if saver is not None and not saver.closed:
                    opened.flush()
                    saver.hold_until_saved()
                opened.close()
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
    _run_app(open_store(ctx), None, lang, explicit_lang=lang_from(ctx))


@click.command("run")
@click.argument("protocol")
@click.option("--case", required=True, help="The case (team, municipality) of the session.")
@click.option(
    "--respondent",
    default=None,
    help="Respondent (or group) pseudonym code; one the case already has is refused. "
    "Default: the next free code of the case (as 'interviewer codes next' prints it).",
)
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
@record_options
@data_dir_option
@lang_option
@click.pass_context
def run_command(
    ctx: click.Context,
    protocol: str,
    case: str,
    respondent: str | None,
    role: str | None,
    interviewer: str | None,
    group: str | None,
    consent_obtained: bool,
    record: bool,
    audio_device: str | None,
    audio_input: Path | None,
    transcribe_model: Path | None,
) -> None:
    """Create a session of PROTOCOL (a path, file name or id) and open its introduction."""
    no_pydantic_plugins()
    quiet_gc()
    from interviewer.session_start import cannot_write
    from interviewer.tui.sources import ProtocolLoadError
    from interviewer.tui.start import light_start, new_live_session

    data_dir = data_dir_from(ctx)
    options: dict[str, Any] = {
        "case": case,
        "respondent": respondent,
        "role": role,
        "interviewer": interviewer,
        "group": group,
        "consent_obtained": consent_obtained,
        "lang": lang_from(ctx),
    }
    try:
        pending, lang = light_start(protocol, data_dir, **options)
    except (ProtocolLoadError, ValueError) as exc:
        fail(error_message(exc, current_language()).splitlines()[0])
    except OSError as exc:
        fail(cannot_write(data_dir, exc))
    wanted = record_request(record, audio_device, audio_input, transcribe_model)
    if pending is not None:
        if respondent is None:
            _say_chosen_code(pending.case, pending.respondent, lang)
        request, lines = check_recording(wanted, pending.view.checklist, protocol, lang)
        _run_app(
            None,
            None,
            lang,
            pending,
            explicit_lang=lang_from(ctx),
            record=request,
            record_lines=lines,
        )
        return
    from interviewer.store import StoreError

    require_terminal(resolve_language(lang_from(ctx)))
    store = open_store(ctx)
    try:
        live, lang = new_live_session(store, protocol, **options)
    except (ProtocolLoadError, ValueError, StoreError) as exc:
        fail(error_message(exc, current_language()).splitlines()[0])
    except OSError as exc:
        fail(cannot_write(store.data_dir, exc))
    if respondent is None:
        _say_chosen_code(live.session.case, live.session.respondent, lang)
    checklist = live.session.protocol.introduction.checklist
    request, lines = check_recording(wanted, checklist, protocol, lang)
    _open(live, lang)
    _run_app(store, live, lang, explicit_lang=lang_from(ctx), record=request, record_lines=lines)


def _say_chosen_code(case: str, code: str, lang: str) -> None:
    """Name the code ``run`` chose (no ``--respondent``); printed before the screen takes
    the terminal, so it is read again once the interview is left."""
    shown = {"code": printable(code), "case": printable(case)}
    click.echo(translate("store.code_chosen", lang, **shown), err=True)


@click.command("resume")
@click.argument("session_id", metavar="[ID]", required=False)
@click.option(
    "--from-emergency",
    "from_emergency",
    is_flag=True,
    help="Continue from the session's emergency copy (newer than the saved session).",
)
@record_options
@data_dir_option
@lang_option
@click.pass_context
def resume_command(
    ctx: click.Context,
    session_id: str | None,
    from_emergency: bool,
    record: bool,
    audio_device: str | None,
    audio_input: Path | None,
    transcribe_model: Path | None,
) -> None:
    """Reopen an unfinished session where it was (the most recent one without ID). When an
    emergency copy is newer than the saved session, it is offered. With --record the
    session's next recording file starts when the clock runs again."""
    no_pydantic_plugins()
    quiet_gc()
    from interviewer.store import StoreError
    from interviewer.tui.live import LiveSession

    store = open_store(ctx)
    explicit = lang_from(ctx)
    if session_id is None:
        unfinished = [s for s in store.list() if str(s.status) != "finished"]
        if not unfinished:
            fail(translate("tui.cli.no_unfinished", resolve_language(explicit)))
        unfinished.sort(key=lambda s: str(s.updated_at or ""), reverse=True)
        session_id = unfinished[0].id
    _offer_emergency_copy(store, session_id, from_emergency, resolve_language(explicit))
    try:
        session = store.load(session_id)
        key = store.load_key_for_interview(session.id)
    except (KeyError, LookupError):  # the store's SessionNotFound is one too
        fail_with("cli.no_session", id=session_id, folder=store.data_dir)
    except StoreError as exc:
        fail(error_message(exc, current_language()).splitlines()[0])
    lang = resolve_language(explicit, session.protocol.language)
    if str(session.status) == "finished":
        fail(translate("tui.cli.finished", lang, id=session.id))
    wanted = record_request(record, audio_device, audio_input, transcribe_model)
    checklist = session.protocol.introduction.checklist
    request, lines = check_recording(wanted, checklist, session.protocol.id, lang)
    require_terminal(lang)
    live = LiveSession(store, session, key=key)
    _open(live, lang)
    live.recover()
    for line in live.recording_lines(lang):  # recordings repaired after a crash
        click.echo(line, err=True)
    _run_app(store, live, lang, explicit_lang=explicit, record=request, record_lines=lines)


def _offer_emergency_copy(store: Any, session_id: str, wanted: bool, lang: str) -> None:
    """Restore the session's emergency copy if it is newer than the saved session: with
    ``--from-emergency``, or when the interviewer says yes at the terminal. Without a
    terminal to ask at, a line says how to restore it and the saved session is resumed."""
    from interviewer.i18n.errors import render_values
    from interviewer.store.emergency import file_time, newer_emergency_copy, shown_time
    from interviewer.store.importing import import_files

    newer = newer_emergency_copy(session_id, store.session_path(session_id))
    if newer is None:
        if wanted:
            fail(translate("store.emergency.none", lang, id=session_id))
        return
    path, when = newer
    if not wanted:
        try:
            stored = shown_time(file_time(store.session_path(session_id)))
        except OSError:
            stored = "-"
        values = {"id": session_id, "path": path, "copy_time": shown_time(when)}
        question = translate("store.emergency.offer", lang, stored_time=stored, **values)
        if not sys.stdin.isatty():
            click.echo(question + " " + translate("store.emergency.flag", lang), err=True)
            return
        if not click.confirm(question, default=True):
            return
    [outcome] = import_files(store, [path], replace=True)
    line = translate(outcome.message, lang, **render_values(outcome.values, lang))
    if not outcome.ok:
        fail(line)
    click.echo(line, err=True)
