"""``interviewer demo``: create realistic finished sessions to try the exports with."""

from __future__ import annotations

import click

from interviewer import debug_log
from interviewer.cli.common import (
    data_dir_from,
    data_dir_option,
    fail_error,
    fail_with,
    lang_from,
    lang_option,
)

DEFAULT_PROTOCOL = "sociale-teams-samenwerking"


@click.command("demo")
@click.argument("protocol", required=False, default=DEFAULT_PROTOCOL)
@click.option("--case", "case", required=True, help="Case the sessions belong to, e.g. Borne.")
@click.option(
    "--respondents",
    type=click.IntRange(1, 500),
    required=True,
    help="Number of sessions (respondents) to create.",
)
@click.option(
    "--minutes",
    type=click.FloatRange(1, 600),
    default=None,
    help="Length of each interview (default: the protocol's duration).",
)
@click.option(
    "--participants",
    type=click.IntRange(1, 12),
    default=1,
    show_default=True,
    help="Participants per interview; more than 1 makes group interviews.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same sessions.")
@click.option(
    "--case-number",
    type=click.IntRange(0, 999),
    default=None,
    help="Case number in respondent codes <case number>.<n> (default: from the case's "
    "existing sessions, else the next free one).",
)
@data_dir_option
@lang_option
@click.pass_context
def demo_command(
    ctx: click.Context,
    protocol: str,
    case: str,
    respondents: int,
    minutes: float | None,
    participants: int,
    seed: int,
    case_number: int | None,
) -> None:
    """Create realistic finished demo sessions from PROTOCOL (default: the bundled
    sociale-teams-samenwerking) so every export can be tried without an interview.

    Notes are generated in the protocol's language; e-mail addresses are fake
    (example.org). Respondent codes continue after the case's existing ones.
    """
    from interviewer.demo import make_demo
    from interviewer.i18n import resolve_language, translate

    case = case.strip()
    if not case:
        fail_with("cli.empty_case")
    loaded = _load_protocol(protocol)
    store = _open_store(data_dir_from(ctx))
    existing = _codes_by_case(store)
    if case_number is None:
        from interviewer.domain.codes import suggest_case_number

        case_number = suggest_case_number(existing, case)
    try:
        demos = make_demo(
            loaded,
            case=case,
            respondents=respondents,
            minutes=minutes,
            participants=participants,
            seed=seed,
            case_number=case_number,
            existing_codes=existing.get(case, ()),
        )
    except ValueError as exc:
        fail_error(exc)
    lang = resolve_language(lang_from(ctx), loaded.language)
    for demo in demos:
        try:
            _save(store, demo.session, demo.key)
        except Exception as exc:  # store errors are reported as one line, never a traceback
            debug_log.record(exc, "demo: demo_command")
            fail_with("cli.demo_not_saved", demo.session, id=demo.session.id, error=exc)
        click.echo(
            translate(
                "engine.demo.session",
                lang,
                id=demo.session.id,
                respondent=demo.session.respondent,
                minutes=round(_minutes(demo.session)),
                words=demo.session.word_count(),
            )
        )
    click.echo(
        translate(
            "engine.demo.created",
            lang,
            count=len(demos),
            case=case,
            words=sum(d.session.word_count() for d in demos),
            folder=str(data_dir_from(ctx)),
        )
    )


def _load_protocol(name: str):  # -> InterviewProtocol
    """Resolve and load PROTOCOL, turning every failure into one line."""
    from interviewer.protocol.library import find_protocol
    from interviewer.protocol.loader import ProtocolError, load_protocol
    from interviewer.protocol.problems import ProtocolNotFound

    try:
        path = find_protocol(name)
        return load_protocol(path)
    except ProtocolNotFound as exc:  # not found is no error in a protocol: say only that
        fail_error(exc)
    except ProtocolError as exc:
        first = exc.problems[0] if exc.problems else None
        detail = f"{first.path}:{first.line}:{first.column}: {first.message}" if first else str(exc)
        fail_with("cli.protocol_errors", name=name, detail=detail)
    except (FileNotFoundError, LookupError, ValueError, OSError) as exc:
        fail_with("cli.protocol_unusable", name=name, error=exc)


def _open_store(data_dir):  # -> SessionStore
    from interviewer.store import SessionStore

    try:
        return SessionStore(data_dir)
    except (OSError, ValueError) as exc:
        fail_with("cli.data_dir", folder=data_dir, error=getattr(exc, "strerror", None) or exc)


def _codes_by_case(store) -> dict[str, list[str]]:
    """Respondent codes per case of the sessions already stored."""
    codes: dict[str, list[str]] = {}
    for entry in store.list():
        codes.setdefault(entry.case, []).append(entry.respondent)
    return codes


def _save(store, session, key) -> None:
    store.create(session, key=key)


def _minutes(session) -> float:
    from interviewer.domain.timing import TimingEngine

    return TimingEngine(session).snapshot().elapsed_minutes
