"""``interviewer transcribe ID``: the session's own recording through a model, into its
transcript.

Thin, like every command: finds the session, the model and the recordings, runs
``interviewer.recording.retranscribe`` under a progress bar, builds the new transcript with
``interviewer.transcript.rerun`` (moves and speaker mapping kept) and saves it atomically.
Every problem ends in one ``interviewer: error: ...`` line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from interviewer.cli.common import (
    data_dir_from,
    fail_error,
    fail_with,
    open_store,
    ui_language,
)
from interviewer.domain.codes import SAFE_ID
from interviewer.i18n import translate


def looks_like_session_id(text: str) -> bool:
    """True when ``text`` could name a session (ids hold no dot or path separator, so
    ``opname.wav`` is always taken for a file)."""
    return SAFE_ID.match(text) is not None


def chosen_model(model_dir: Path | None) -> Path:
    """``--model``, else the settings file's ``transcribe_model``, else one error line
    saying how to give one."""
    from interviewer import paths
    from interviewer.settings import configured_transcribe_model
    from interviewer.transcript.transcribe import MODEL_HINT

    model = model_dir or configured_transcribe_model()
    if model is None:
        fail_with("transcribe.error.no_model_given", settings=paths.config_file(), hint=MODEL_HINT)
    return model


@contextmanager
def transcribe_progress(description: str) -> Iterator[Callable[[float, float], None]]:
    """A transient progress bar; yields the ``(done, total)`` seconds callback."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeRemainingColumn(),
        transient=True,
    ) as progress:
        task = progress.add_task(description)

        def report(done: float, total: float) -> None:
            progress.update(task, completed=done, total=total or None)

        yield report


def _session(ctx: click.Context, source: str) -> tuple[Any, Any]:
    """The session ``source`` names (id or unique prefix), or one line: neither a file nor
    a session (a withdrawn session is gone with its recordings)."""
    from interviewer.store.errors import AmbiguousSessionId

    store = open_store(ctx)
    try:
        return store, store.load(source)
    except AmbiguousSessionId:
        fail_with("cli.ambiguous_id", id=source)
    except LookupError:
        _removed_or_unknown(store.data_dir, source)
    except (OSError, ValueError) as exc:
        fail_with("cli.cannot_read_session", id=source, error=exc)
    raise AssertionError("unreachable")


def _removed_or_unknown(data_dir: Path, source: str) -> NoReturn:
    """One line for a name that is neither a file nor a stored session: withdrawn or
    deleted (the audit log says so; the recordings went with it), else unknown."""
    from interviewer.withdrawal import read_audit

    removed = {e.session: e for e in read_audit(data_dir) if e.session.startswith(source)}
    if len(removed) == 1:
        entry = next(iter(removed.values()))
        key = (
            "transcribe.error.withdrawn" if entry.kind == "withdraw" else "transcribe.error.deleted"
        )
        fail_with(key, id=entry.session, date=entry.at[:10])
    fail_with("transcribe.error.no_audio_or_session", arg=source, folder=data_dir)


def transcribe_session(
    ctx: click.Context,
    source: str,
    model_dir: Path | None,
    language: str | None,
    *,
    force: bool,
    out: Path | None,
    words: bool,
) -> None:
    """Transcribe every recording of session ``source`` and replace its transcript."""
    from interviewer.i18n.errors import TranslatableError
    from interviewer.recording.retranscribe import session_audio, transcribe_stretches
    from interviewer.store.lock import who_holds
    from interviewer.transcript import TranscriptStore
    from interviewer.transcript.heard import RECORDED
    from interviewer.transcript.rerun import rerun_transcript
    from interviewer.transcript.transcribe import require_model

    store, session = _session(ctx, source)
    lang = ui_language(ctx, session)
    if out is not None or words:
        fail_with(
            "transcribe.error.audio_only_option",
            id=session.id,
            option="--out" if out else "--words",
        )
    lock = store.lock_path(session.id)
    held = who_holds(lock)
    if held is not None:
        fail_with("store.error.locked", id=session.id, who=held[1], path=lock)
    transcripts = TranscriptStore(data_dir_from(ctx))
    try:
        previous = transcripts.load(session.id) if transcripts.exists(session.id) else None
        if previous is not None and previous.source_format != RECORDED and not force:
            fail_with(
                "transcribe.error.not_recorded",
                id=session.id,
                name=previous.source_name,
                format=previous.source_format,
            )
        audio = session_audio(data_dir_from(ctx), session.id)
        unplaced = ", ".join(str(path) for path in audio.unplaced)
        if not audio.stretches and audio.unplaced:
            fail_with("transcribe.error.nothing_placed", id=session.id, files=unplaced)
        model = chosen_model(model_dir)
        require_model(model)  # before the progress bar; the model loads only once decoding
        if audio.unplaced:
            click.echo(translate("transcribe.unplaced", lang, files=unplaced), err=True)
        spoken_in = language or session.protocol.language
        title = translate("transcribe.session_progress", lang, id=session.id)
        with transcribe_progress(title) as report:
            spoken = transcribe_stretches(audio, model, spoken_in, report)
        transcript = rerun_transcript(
            session, spoken, audio.clock, source_name=model.name, previous=previous
        )
        path = transcripts.save(transcript)
    except TranslatableError as exc:
        fail_error(exc, session)
    except OSError as exc:
        fail_with("cli.transcript_not_saved", session, error=exc)
    click.echo(
        translate(
            "transcribe.session_done",
            lang,
            id=session.id,
            count=len(transcript.segments),
            seconds=f"{audio.seconds:.0f}",
            moves=len(transcript.moves),
            path=path,
        )
    )
